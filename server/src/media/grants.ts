import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { MediaError } from './MediaError.js';
import { loadLocalSecret } from '../services/local-secret.js';

export type MediaRole = 'host' | 'participant' | 'viewer';
export type MediaRight = 'publish' | 'subscribe';

/** What each role may do in a room: viewers only watch. */
export const ROLE_RIGHTS: Readonly<Record<MediaRole, readonly MediaRight[]>> = {
  host: ['publish', 'subscribe'],
  participant: ['publish', 'subscribe'],
  viewer: ['subscribe'],
};

export const DEFAULT_GRANT_TTL_MS = 5 * 60_000;
export const MAX_GRANT_TTL_MS = 60 * 60_000;
export const GRANT_KEY_FILE = 'media-grant.key';

export interface MediaGrant {
  roomId: string;
  peerId: string;
  role: MediaRole;
  rights: MediaRight[];
  /** Issued at, epoch ms. */
  iat: number;
  /** Expires at, epoch ms. */
  exp: number;
}

export interface IssueGrantOptions {
  roomId: string;
  peerId: string;
  role: MediaRole;
  ttlMs?: number;
}

/** Reads the grant signing secret from DATA_DIR, creating a random one on first run. */
export function loadGrantSecret(dataDir: string): Promise<Buffer> {
  return loadLocalSecret(dataDir, GRANT_KEY_FILE);
}

const sign = (secret: Buffer, body: string) => createHmac('sha256', secret).update(body).digest();

/**
 * Issues and checks HMAC-signed, short-lived grants scoped to one room and one peer, and keeps a per-room
 * revocation list: a removed peer's grants issued before the removal are refused from then on.
 */
export class GrantAuthority {
  readonly #secret: Buffer;
  readonly #clock: () => number;
  /** roomId → peerId → revoked at (epoch ms). Entries outlive every grant they could refuse, then go. */
  readonly #revoked = new Map<string, Map<string, number>>();

  constructor(secret: Buffer, clock: () => number = Date.now) {
    if (secret.length < 16) throw new Error('a grant secret needs at least 16 bytes');
    this.#secret = secret;
    this.#clock = clock;
  }

  /** Signs a grant carrying the rights of `role` in one room. */
  issue(options: IssueGrantOptions): string {
    const ttl = Math.min(options.ttlMs ?? DEFAULT_GRANT_TTL_MS, MAX_GRANT_TTL_MS);
    // A grant issued in the millisecond of a revocation must still be newer than it.
    const revokedAt = this.#revoked.get(options.roomId)?.get(options.peerId) ?? -1;
    const iat = Math.max(this.#clock(), revokedAt + 1);
    const grant: MediaGrant = { roomId: options.roomId, peerId: options.peerId, role: options.role, rights: [...ROLE_RIGHTS[options.role]], iat, exp: iat + ttl };
    const body = Buffer.from(JSON.stringify({ ...grant, n: randomBytes(6).toString('base64url') })).toString('base64url');
    return `${body}.${sign(this.#secret, body).toString('base64url')}`;
  }

  /** Returns the grant's claims, or throws a MediaError saying why it is refused. */
  verify(token: string): MediaGrant {
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) throw MediaError.grantInvalid('malformed grant');
    const expected = sign(this.#secret, body);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw MediaError.grantInvalid('bad grant signature');
    let grant: MediaGrant;
    try {
      grant = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as MediaGrant;
    } catch {
      throw MediaError.grantInvalid('unreadable grant');
    }
    if (this.#clock() >= grant.exp) throw new MediaError('grant-expired', 'the grant has expired');
    const revokedAt = this.#revoked.get(grant.roomId)?.get(grant.peerId);
    if (revokedAt !== undefined && grant.iat <= revokedAt) throw new MediaError('grant-revoked', 'the grant was revoked when the participant was removed');
    return { roomId: grant.roomId, peerId: grant.peerId, role: grant.role, rights: grant.rights, iat: grant.iat, exp: grant.exp };
  }

  /** Refuses every grant issued so far for this peer in this room. */
  revoke(roomId: string, peerId: string): void {
    this.#prune();
    let room = this.#revoked.get(roomId);
    if (!room) this.#revoked.set(roomId, (room = new Map()));
    room.set(peerId, this.#clock());
  }

  /** Drops a closed room's revocations; its id is never reused, so its grants stay useless. */
  forgetRoom(roomId: string): void {
    this.#revoked.delete(roomId);
  }

  /** Number of revocation entries kept (for leak checks). */
  revocationCount(): number {
    let count = 0;
    for (const room of this.#revoked.values()) count += room.size;
    return count;
  }

  #prune(): void {
    // A revocation older than the longest grant lifetime can no longer refuse anything.
    const horizon = this.#clock() - MAX_GRANT_TTL_MS;
    for (const [roomId, room] of this.#revoked) {
      for (const [peerId, at] of room) if (at < horizon) room.delete(peerId);
      if (room.size === 0) this.#revoked.delete(roomId);
    }
  }
}
