import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRANT_KEY_FILE, GrantAuthority, MAX_GRANT_TTL_MS, loadGrantSecret } from './grants.js';

function authority(start = 1_800_000_000_000) {
  let now = start;
  const grants = new GrantAuthority(randomBytes(32), () => now);
  return { grants, advance: (ms: number) => (now += ms) };
}

describe('media grants', () => {
  it('carries the room, the peer and the rights of its role', () => {
    const { grants } = authority();
    expect(grants.verify(grants.issue({ roomId: 'r1', peerId: 'p1', role: 'viewer' }))).toMatchObject({ roomId: 'r1', peerId: 'p1', role: 'viewer', rights: ['subscribe'] });
    expect(grants.verify(grants.issue({ roomId: 'r1', peerId: 'p2', role: 'host' })).rights).toEqual(['publish', 'subscribe']);
  });

  it('refuses tampered, foreign and expired grants', () => {
    const { grants, advance } = authority();
    const token = grants.issue({ roomId: 'r1', peerId: 'p1', role: 'viewer', ttlMs: 1000 });
    const [body, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const upgraded = `${Buffer.from(JSON.stringify({ ...claims, rights: ['publish', 'subscribe'] })).toString('base64url')}.${signature}`;
    expect(() => grants.verify(upgraded)).toThrow(expect.objectContaining({ code: 'grant-invalid' }));
    expect(() => grants.verify('nonsense')).toThrow(expect.objectContaining({ code: 'grant-invalid' }));
    const other = new GrantAuthority(randomBytes(32));
    expect(() => other.verify(token)).toThrow(expect.objectContaining({ code: 'grant-invalid' }));
    advance(1000);
    expect(() => grants.verify(token)).toThrow(expect.objectContaining({ code: 'grant-expired' }));
  });

  it('revocation refuses the grants issued before it, not those issued after, and is forgotten in time', () => {
    const { grants, advance } = authority();
    const old = grants.issue({ roomId: 'r1', peerId: 'p1', role: 'participant' });
    const neighbour = grants.issue({ roomId: 'r1', peerId: 'p2', role: 'participant' });
    grants.revoke('r1', 'p1');
    expect(() => grants.verify(old)).toThrow(expect.objectContaining({ code: 'grant-revoked' }));
    expect(grants.verify(neighbour).peerId).toBe('p2');
    // Issued in the same millisecond as the revocation, yet after it.
    expect(grants.verify(grants.issue({ roomId: 'r1', peerId: 'p1', role: 'participant' })).peerId).toBe('p1');
    expect(grants.revocationCount()).toBe(1);
    advance(MAX_GRANT_TTL_MS + 1);
    grants.revoke('r2', 'p9');
    expect(grants.revocationCount()).toBe(1);
    grants.forgetRoom('r2');
    expect(grants.revocationCount()).toBe(0);
  });

  it('caps the lifetime of a grant', () => {
    const { grants } = authority();
    const claims = grants.verify(grants.issue({ roomId: 'r', peerId: 'p', role: 'host', ttlMs: 24 * 3600_000 }));
    expect(claims.exp - claims.iat).toBe(MAX_GRANT_TTL_MS);
  });

  it('creates the signing secret once in DATA_DIR, readable by its owner only', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yp-grants-'));
    try {
      const first = await loadGrantSecret(dir);
      expect(first.length).toBe(32);
      expect((await fs.stat(path.join(dir, GRANT_KEY_FILE))).mode & 0o777).toBe(0o600);
      expect((await loadGrantSecret(dir)).equals(first)).toBe(true);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
