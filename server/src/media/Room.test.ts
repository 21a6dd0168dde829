import { describe, expect, it } from 'vitest';
import type { MediaGrant, MediaRole } from './grants.js';
import { ROLE_RIGHTS } from './grants.js';
import type { IceCandidate, MediaTarget, SessionDescription } from './media-server.js';
import type { PeerMedia } from './Peer.js';
import { Room, type RoomMedia } from './Room.js';

class FakePeerMedia implements PeerMedia {
  isPublishing = false;
  closeCount = 0;
  async publish(_offer: SessionDescription, onLive: () => void): Promise<SessionDescription> {
    this.isPublishing = true;
    queueMicrotask(onLive);
    return { type: 'answer', sdp: 'v=0' };
  }
  async subscribe(): Promise<SessionDescription> {
    return { type: 'offer', sdp: 'v=0' };
  }
  async startSubscription(): Promise<void> {}
  async unsubscribe(): Promise<void> {}
  async trickle(_target: MediaTarget, _candidate: IceCandidate | null): Promise<void> {}
  async close(): Promise<void> {
    this.closeCount += 1;
  }
}

class FakeRoomMedia implements RoomMedia<FakePeerMedia> {
  readonly opened: FakePeerMedia[] = [];
  closeCount = 0;
  /** When set, openPeer waits for this before answering. */
  gate: Promise<void> | undefined;
  async openPeer(): Promise<FakePeerMedia> {
    const media = new FakePeerMedia();
    this.opened.push(media);
    await this.gate;
    return media;
  }
  async close(): Promise<void> {
    this.closeCount += 1;
  }
}

const grant = (peerId: string, role: MediaRole = 'participant'): MediaGrant => ({ roomId: 'room', peerId, role, rights: [...ROLE_RIGHTS[role]], iat: 0, exp: Number.MAX_SAFE_INTEGER });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function room(options: { joinTimeoutMs?: number; emptyGraceMs?: number; closeWhenEmpty?: boolean } = {}) {
  const media = new FakeRoomMedia();
  const created = await Room.create({ roomId: 'room', media, joinTimeoutMs: options.joinTimeoutMs ?? 1000, emptyGraceMs: options.emptyGraceMs ?? 50, closeWhenEmpty: options.closeWhenEmpty ?? true });
  return { room: created, media };
}

describe('Room lifecycle', () => {
  it('close() is idempotent, emits closed once and closes every peer and the backend room', async () => {
    const { room: r, media } = await room();
    await r.join(grant('a'));
    await r.join(grant('b'));
    let closed = 0;
    r.on('closed', () => (closed += 1));
    const peerReasons: string[] = [];
    r.on('peerClosed', (peerId, reason) => peerReasons.push(`${peerId}:${reason}`));
    await Promise.all([r.close(), r.close()]);
    await r.close();
    expect(closed).toBe(1);
    expect(media.closeCount).toBe(1);
    expect(media.opened.map((m) => m.closeCount)).toEqual([1, 1]);
    expect(peerReasons.sort()).toEqual(['a:room-closed', 'b:room-closed']);
    expect(r.state).toBe('closed');
    await expect(r.join(grant('c'))).rejects.toMatchObject({ code: 'room-not-found' });
  });

  it('times a join out and closes the session that opens too late', async () => {
    const { room: r, media } = await room({ joinTimeoutMs: 30 });
    let open!: () => void;
    media.gate = new Promise((resolve) => (open = resolve));
    await expect(r.join(grant('slow'))).rejects.toMatchObject({ code: 'join-timeout' });
    expect(r.joiningCount).toBe(0);
    open();
    await sleep(10);
    expect(media.opened[0]!.closeCount).toBe(1);
    expect(r.peerCount).toBe(0);
  });

  it('a peer joining again with the same id replaces the old one', async () => {
    const { room: r, media } = await room();
    const first = await r.join(grant('a'));
    const reasons: string[] = [];
    r.on('peerClosed', (peerId, reason) => reasons.push(`${peerId}:${reason}`));
    const second = await r.join(grant('a'));
    expect(first.isClosed).toBe(true);
    expect(second.isClosed).toBe(false);
    expect(reasons).toEqual(['a:replaced']);
    expect(r.peerCount).toBe(1);
    expect(r.peer('a')).toBe(second);
    expect(media.opened[0]!.closeCount).toBe(1);
  });

  it('of two overlapping joins for one id, the later wins', async () => {
    const { room: r, media } = await room();
    let open!: () => void;
    media.gate = new Promise((resolve) => (open = resolve));
    const earlier = r.join(grant('a'));
    const later = r.join(grant('a'));
    open();
    await expect(earlier).rejects.toMatchObject({ code: 'join-cancelled' });
    await expect(later).resolves.toMatchObject({ peerId: 'a' });
    expect(r.peerCount).toBe(1);
    expect(media.opened.filter((m) => m.closeCount === 1)).toHaveLength(1);
  });

  it('a peer removed while joining does not end up in the room', async () => {
    const { room: r, media } = await room();
    let open!: () => void;
    media.gate = new Promise((resolve) => (open = resolve));
    const joining = r.join(grant('a'));
    await r.closePeer('a', 'removed');
    open();
    await expect(joining).rejects.toMatchObject({ code: 'join-cancelled' });
    expect(r.peerCount).toBe(0);
    expect(media.opened[0]!.closeCount).toBe(1);
  });

  it('waits before closing an empty room, so a quick reconnect keeps it', async () => {
    const { room: r } = await room({ emptyGraceMs: 80 });
    await r.join(grant('a'));
    await r.closePeer('a', 'left');
    await sleep(20);
    await r.join(grant('a'));
    await sleep(120);
    expect(r.state).toBe('ready');
    const closed = new Promise<void>((resolve) => r.once('closed', resolve));
    await r.closePeer('a', 'left');
    expect(r.state).toBe('ready');
    await closed;
    expect(r.state).toBe('closed');
  });

  it('a viewer may not publish; subscriptions end when their publisher leaves', async () => {
    const { room: r } = await room({ closeWhenEmpty: false });
    await r.join(grant('host', 'host'));
    await r.join(grant('viewer', 'viewer'));
    await expect(r.publish('viewer', { type: 'offer', sdp: 'v=0' })).rejects.toMatchObject({ code: 'forbidden' });
    const added = new Promise((resolve) => r.once('publisherAdded', resolve));
    await r.publish('host', { type: 'offer', sdp: 'v=0' });
    expect(await added).toBe('host');
    const { subscriptionId } = await r.subscribe('viewer', 'host');
    expect(r.peer('viewer').subscriptions.get(subscriptionId)).toBe('host');
    const removed = new Promise((resolve) => r.once('publisherRemoved', resolve));
    await r.closePeer('host', 'left');
    expect(await removed).toBe('host');
    expect(r.peer('viewer').subscriptions.size).toBe(0);
    await r.close();
  });

  it('a failed room drops its peers at once, refuses joins, and accepts them again after recovery', async () => {
    const { room: r } = await room();
    await r.join(grant('a'));
    const failed = r.fail('backend gone');
    expect(r.peerCount).toBe(0);
    await failed;
    await expect(r.join(grant('a'))).rejects.toMatchObject({ code: 'room-failed' });
    const media = new FakeRoomMedia();
    r.recover(media);
    expect(r.stats()).toMatchObject({ state: 'ready', recoveries: 1 });
    await r.join(grant('a'));
    expect(media.opened).toHaveLength(1);
    await r.close();
  });
});
