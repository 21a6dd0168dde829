/**
 * The baseline of the media benchmark: a 1:1 call driven straight through janode against Janus's
 * VideoRoom, with nothing of ours in between (no Socket.IO, no MediaServer, no grants). Each peer is
 * a Janus session with a publisher handle; its subscriptions are handles of the same session. The
 * peers' signalling is exposed in the MediaServer's shape, so the very same wrtc peers
 * (test/support/media-peers.ts) run on both paths.
 */
import { randomBytes } from 'node:crypto';
import Janode, { type JanodeSession } from 'janode';
import VideoRoomPlugin, { type VideoRoomHandle } from 'janode/plugins/videoroom';
import { randomJanusId } from '../../server/src/media/janus/JanusRoomMedia.js';
import type { MediaServer } from '../../server/src/media/media-server.js';
import type { JanusControl } from '../../test/support/janus-rooms.js';

export interface RawRoom {
  room: number;
  secret: string;
}

export interface RawPeer {
  feed: number;
  /** Resolves when Janus reports the publisher's WebRTC connection up (subscribing earlier answers 428). */
  live: Promise<void>;
  /** publish / subscribe (publisherPeerId = the other peer's feed) / startSubscription / trickle, straight to janode. */
  port: MediaServer;
  close(): Promise<void>;
}

/** A VideoRoom as our adapter creates one (private, VP8/Opus, a secret), through the control handle. */
export async function createRawRoom(control: JanusControl, adminKey: string): Promise<RawRoom> {
  const spec = { room: randomJanusId(), secret: randomBytes(18).toString('base64url') };
  await control.videoroom.create({ ...spec, is_private: true, max_publishers: 8, videocodec: 'vp8', audiocodec: 'opus', admin_key: adminKey });
  return spec;
}

export async function destroyRawRoom(control: JanusControl, room: RawRoom): Promise<void> {
  await control.videoroom.destroy(room);
}

/** A session in `room` with a publisher handle joined (not yet sending). */
export async function joinRawPeer(control: JanusControl, room: RawRoom, display: string): Promise<RawPeer> {
  const session: JanodeSession = await control.connection.create();
  const feed = randomJanusId();
  const publisher = await session.attach(VideoRoomPlugin);
  const live = new Promise<void>((resolve) => publisher.once(Janode.EVENT.HANDLE_WEBRTCUP, () => resolve()));
  await publisher.joinPublisher({ room: room.room, feed, display });
  const subscriptions = new Map<string, VideoRoomHandle>();
  const handleOf = (id: string) => {
    const handle = subscriptions.get(id);
    if (!handle) throw new Error(`no subscription ${id}`);
    return handle;
  };
  const relay: Pick<MediaServer, 'publish' | 'subscribe' | 'startSubscription' | 'trickle'> = {
    async publish(_roomId, _peerId, offer) {
      const { jsep } = await publisher.publish({ jsep: offer });
      if (!jsep) throw new Error('Janus sent no answer');
      return { type: 'answer', sdp: jsep.sdp };
    },
    async subscribe(_roomId, _peerId, publisherPeerId) {
      const handle = await session.attach(VideoRoomPlugin);
      const subscriptionId = String(handle.id);
      subscriptions.set(subscriptionId, handle);
      const { jsep } = await handle.joinSubscriber({ room: room.room, streams: [{ feed: Number(publisherPeerId) }] });
      if (!jsep) throw new Error('Janus sent no offer');
      return { subscriptionId, publisherPeerId, offer: { type: 'offer', sdp: jsep.sdp } };
    },
    async startSubscription(_roomId, _peerId, subscriptionId, answer) {
      await handleOf(subscriptionId).start({ jsep: answer });
    },
    async trickle(_roomId, _peerId, target, candidate) {
      const handle = target.kind === 'publish' ? publisher : handleOf(target.subscriptionId);
      if (candidate) await handle.trickle(candidate);
      else await handle.trickleComplete();
    },
  };
  return {
    feed,
    live,
    port: relay as MediaServer,
    close: () => session.destroy().catch(() => undefined),
  };
}
