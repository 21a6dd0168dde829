import type { Socket } from 'socket.io-client';
import type { BoothVideoClientToServerEvents, BoothVideoServerToClientEvents, TMediaEntry, TPresentationSource } from '@yunpin/shared';
import type { TLiveSocket } from '../lib/socket';
import type { MediaChannel, MediaChannelHandlers, TMediaEntryResult } from './media-channel';
import { mediaRequest, type TRequestData, type TRequestPayload } from './socket-request';

/** The session's socket seen through the booth-video events (same connection as the live fair). */
export type TBoothVideoSocket = Socket<BoothVideoServerToClientEvents, BoothVideoClientToServerEvents>;
export type TBoothVideoEvent = keyof BoothVideoClientToServerEvents;

export function boothVideoSocket(socket: TLiveSocket): TBoothVideoSocket {
  return socket as unknown as TBoothVideoSocket;
}

/** Sends a booth-video request; a refusal or a timeout rejects with an ApiError. */
export function videoRequest<E extends TBoothVideoEvent>(socket: TBoothVideoSocket, event: E, payload: TRequestPayload<BoothVideoClientToServerEvents, E>): Promise<TRequestData<BoothVideoClientToServerEvents, E>> {
  return mediaRequest<BoothVideoClientToServerEvents, E>(socket, event, payload);
}

interface RoomChannelOptions {
  /** Asks for a way into the room (video:join, presentation:start or presentation:watch). */
  enter: () => Promise<TMediaEntry>;
  /** Leaves what the room belongs to (hang up, stop presenting, stop watching). */
  leave: () => Promise<unknown>;
  reportFailure?: (reason: string) => Promise<unknown>;
}

/** A media channel over the `room-media:*` relay, for the room the last entry named. */
function roomChannel(socket: TBoothVideoSocket, options: RoomChannelOptions): MediaChannel {
  let roomId: string | null = null;
  const room = () => {
    if (!roomId) throw new Error('no media room entered yet');
    return roomId;
  };
  return {
    async enter(): Promise<TMediaEntryResult> {
      const entry = await options.enter();
      roomId = entry.roomId;
      return { grant: entry.grant, iceServers: entry.iceServers };
    },
    join: (grant) => videoRequest(socket, 'room-media:join', { roomId: room(), grant }),
    publish: (sdp) => videoRequest(socket, 'room-media:publish', { roomId: room(), sdp }),
    subscribe: (publisherPeerId) => videoRequest(socket, 'room-media:subscribe', { roomId: room(), publisherPeerId }),
    answer: (subscriptionId, sdp) => videoRequest(socket, 'room-media:answer', { roomId: room(), subscriptionId, sdp }),
    trickle: (subscriptionId, candidate) => videoRequest(socket, 'room-media:trickle', { roomId: room(), ...(subscriptionId ? { subscriptionId } : {}), candidate }),
    leave: () => options.leave(),
    ...(options.reportFailure ? { reportFailure: options.reportFailure } : {}),
    listen(on: MediaChannelHandlers) {
      const mine = (payload: { roomId: string }) => payload.roomId === roomId;
      const added: BoothVideoServerToClientEvents['room-media:publisher-added'] = (p) => mine(p) && on.publisherAdded(p.peerId);
      const removed: BoothVideoServerToClientEvents['room-media:publisher-removed'] = (p) => mine(p) && on.publisherRemoved(p.peerId);
      const closed: BoothVideoServerToClientEvents['room-media:closed'] = (p) => mine(p) && on.closed(p.reason);
      const reconnected = () => on.reconnected();
      socket.on('room-media:publisher-added', added);
      socket.on('room-media:publisher-removed', removed);
      socket.on('room-media:closed', closed);
      (socket as unknown as Socket).on('connect', reconnected);
      return () => {
        socket.off('room-media:publisher-added', added);
        socket.off('room-media:publisher-removed', removed);
        socket.off('room-media:closed', closed);
        (socket as unknown as Socket).off('connect', reconnected);
      };
    },
  };
}

/**
 * A conversation's video, once the graduate has accepted: both sides publish; a failure is reported and the
 * chat goes on. Leaving only leaves the media room (a page that closes can come back); `video:hang-up` ends the video.
 */
export function conversationVideoChannel(socket: TBoothVideoSocket, conversationId: string): MediaChannel {
  let roomId: string | null = null;
  return roomChannel(socket, {
    enter: async () => {
      const entry = await videoRequest(socket, 'video:join', { conversationId });
      roomId = entry.roomId;
      return entry;
    },
    leave: async () => (roomId ? videoRequest(socket, 'room-media:leave', { roomId }) : null),
    reportFailure: (reason) => videoRequest(socket, 'video:report-failure', { conversationId, reason }),
  });
}

/** A booth presentation: the presenter publishes (camera or screen); graduates watch listen-only. */
export function presentationChannel(socket: TBoothVideoSocket, boothId: string, as: { presenter: TPresentationSource } | 'viewer'): MediaChannel {
  return roomChannel(socket, {
    enter: () => (as === 'viewer' ? videoRequest(socket, 'presentation:watch', { boothId }) : videoRequest(socket, 'presentation:start', { boothId, source: as.presenter })),
    leave: () => (as === 'viewer' ? videoRequest(socket, 'presentation:leave', { boothId }) : videoRequest(socket, 'presentation:stop', { boothId })),
  });
}
