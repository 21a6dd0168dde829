import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/logger.js';
import { GrantAuthority } from '../../server/src/media/grants.js';
import { JanusMediaServer } from '../../server/src/media/janus/JanusMediaServer.js';
import type { MediaServer } from '../../server/src/media/media-server.js';
import { startJanus, type JanusProcess } from '../../server/src/services/janus-launcher.js';
import { publisherLive, sleep, startPublisher, startSubscriber } from '../support/media-peers.js';

function nextEvent<E extends 'roomFailed' | 'roomRecovered'>(media: MediaServer, event: E, roomId: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    const listener = (e: { roomId: string }) => {
      if (e.roomId !== roomId) return;
      clearTimeout(timer);
      media.off(event, listener);
      resolve(Date.now() - started);
    };
    media.on(event, listener);
  });
}

/** A call with media flowing; returns the frames the subscriber decoded in one second. */
async function call(media: MediaServer, roomId: string, grants: { host: string; viewer: string }) {
  await media.join(grants.host);
  await media.join(grants.viewer);
  const live = publisherLive(media, roomId, 'host');
  const publisher = await startPublisher(media, roomId, 'host');
  await live;
  const subscriber = await startSubscriber(media, roomId, 'viewer', 'host');
  await subscriber.firstFrame();
  const before = subscriber.received();
  await sleep(1000);
  return { publisher, subscriber, framesPerSecond: subscriber.received() - before };
}

describe('media server when Janus fails', () => {
  let janus: JanusProcess;
  let media: JanusMediaServer;

  beforeAll(async () => {
    const logger = createLogger('silent');
    janus = await startJanus(logger, { restartOnExit: true });
    media = await JanusMediaServer.create({ url: janus.url, adminKey: janus.adminKey, grants: new GrantAuthority(randomBytes(32)), logger, emptyRoomGraceMs: 60_000 });
  });

  afterAll(async () => {
    await media?.close();
    await janus?.stop();
  });

  it('kill -9 mid-call: the room fails within 5 s, comes back when Janus restarts, and clients rejoin', async () => {
    const { roomId } = await media.createRoom();
    const grants = { host: media.issueGrant({ roomId, peerId: 'host', role: 'host' }), viewer: media.issueGrant({ roomId, peerId: 'viewer', role: 'viewer' }) };
    const first = await call(media, roomId, grants);
    expect(first.framesPerSecond).toBeGreaterThanOrEqual(25);

    const closedPeers: string[] = [];
    const onPeerClosed = (e: { peerId: string; reason: string }) => closedPeers.push(`${e.peerId}:${e.reason}`);
    media.on('peerClosed', onPeerClosed);
    const failed = nextEvent(media, 'roomFailed', roomId, 5000);
    const recovered = nextEvent(media, 'roomRecovered', roomId, 20_000);
    const oldPid = janus.pid();
    process.kill(oldPid!, 'SIGKILL');
    const failedAfterMs = await failed;
    first.publisher.close();
    first.subscriber.close();
    expect(media.stats(roomId)).toMatchObject({ state: 'failed', peers: 0, joining: 0, subscriptions: 0 });
    expect(media.dump()).toMatchObject({ rooms: 1, roomSpecs: 1, peers: 0, joining: 0, subscriptions: 0, subscriberHandles: 0 });
    await expect(media.join(grants.host)).rejects.toMatchObject({ code: expect.stringMatching(/room-failed/) });

    const recoveredAfterMs = await recovered;
    media.off('peerClosed', onPeerClosed);
    console.info(`[media] kill -9: room failed after ${failedAfterMs} ms, recreated ${recoveredAfterMs} ms after the kill`);
    expect(closedPeers.sort()).toEqual(['host:media-failed', 'viewer:media-failed']);
    expect(janus.pid()).not.toBe(oldPid);
    expect(await media.health()).toMatchObject({ isUp: true, rooms: 1, failedRooms: 0, peers: 0 });
    expect(media.stats(roomId)).toMatchObject({ state: 'ready', recoveries: 1 });

    // The same grants still hold (they were not revoked): the clients rejoin and media flows again.
    const second = await call(media, roomId, grants);
    expect(second.framesPerSecond).toBeGreaterThanOrEqual(25);
    second.publisher.close();
    second.subscriber.close();
    await media.closeRoom(roomId);
    expect(media.dump()).toEqual({ rooms: 0, roomSpecs: 0, peers: 0, joining: 0, subscriptions: 0, subscriberHandles: 0, revocations: 0 });
  });

  it('a Janus that hangs (SIGSTOP) is marked down within 5 s and its rooms are recreated once it answers again', async () => {
    const { roomId } = await media.createRoom();
    const grants = { host: media.issueGrant({ roomId, peerId: 'host', role: 'host' }), viewer: media.issueGrant({ roomId, peerId: 'viewer', role: 'viewer' }) };
    const first = await call(media, roomId, grants);
    const failed = nextEvent(media, 'roomFailed', roomId, 5000);
    const pid = janus.pid()!;
    process.kill(pid, 'SIGSTOP');
    let failedAfterMs: number;
    try {
      failedAfterMs = await failed;
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    first.publisher.close();
    first.subscriber.close();
    const recoveredAfterMs = await nextEvent(media, 'roomRecovered', roomId, 20_000);
    console.info(`[media] SIGSTOP: room failed after ${failedAfterMs} ms; recreated ${recoveredAfterMs} ms after SIGCONT`);
    expect(janus.pid()).toBe(pid);
    const second = await call(media, roomId, grants);
    expect(second.framesPerSecond).toBeGreaterThanOrEqual(25);
    second.publisher.close();
    second.subscriber.close();
    await media.closeRoom(roomId);
    expect(media.dump()).toMatchObject({ rooms: 0, peers: 0, subscriberHandles: 0 });
  });
});
