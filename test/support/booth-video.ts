import type { Socket } from 'socket.io-client';
import type { BoothVideoClientToServerEvents, BoothVideoServerToClientEvents, TAck, TConversation } from '@yunpin/shared';
import type { MediaServer } from '../../server/src/media/media-server.js';
import type { LiveFixtures } from './live-fixtures.js';
import { must as mustLive, type TestSocket } from './sockets.js';

/** A Socket.IO client speaking the booth-video events (conversation video, presentations, room-media signalling). */
export type VideoSocket = Socket<BoothVideoServerToClientEvents, BoothVideoClientToServerEvents>;
type Event = keyof BoothVideoClientToServerEvents;
type Payload<E extends Event> = Parameters<BoothVideoClientToServerEvents[E]>[0];
type Data<E extends Event> = Parameters<Parameters<BoothVideoClientToServerEvents[E]>[1]>[0] extends TAck<infer D> ? D : never;

export const videoSocket = (socket: TestSocket): VideoSocket => socket as unknown as VideoSocket;

/** Sends a booth-video request and returns the whole ack (payloads may be malformed on purpose). */
export async function askVideo<E extends Event>(socket: VideoSocket | TestSocket, event: E, payload: Payload<E> | Record<string, unknown>): Promise<TAck<Data<E>>> {
  const timed = (socket as VideoSocket).timeout(15_000);
  const emit = timed.emitWithAck as (e: string, p: unknown) => Promise<TAck<Data<E>>>;
  return emit.call(timed, event, payload);
}

/** Sends a booth-video request and returns its data; an error ack throws. */
export async function mustVideo<E extends Event>(socket: VideoSocket | TestSocket, event: E, payload: Payload<E>): Promise<Data<E>> {
  const ack = await askVideo(socket, event, payload);
  if (!ack.ok) throw new Error(`${event} failed: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/** Resolves with the next booth-video notification whose payload satisfies `match`. */
export function nextVideo<E extends keyof BoothVideoServerToClientEvents>(
  socket: VideoSocket | TestSocket,
  event: E,
  match: (p: Parameters<BoothVideoServerToClientEvents[E]>[0]) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<Parameters<BoothVideoServerToClientEvents[E]>[0]> {
  const s = socket as VideoSocket;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      s.off(event, listener as never);
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    const listener = (payload: Parameters<BoothVideoServerToClientEvents[E]>[0]) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      s.off(event, listener as never);
      resolve(payload);
    };
    s.on(event, listener as never);
  });
}

/** The MediaServer calls the wrtc test peers make, relayed through one socket's `room-media:*` requests for one room. */
export function roomSignalling(socket: VideoSocket | TestSocket, roomId: string): MediaServer {
  const relay: Pick<MediaServer, 'publish' | 'subscribe' | 'startSubscription' | 'trickle'> = {
    publish: async (_roomId, _peerId, offer) => ({ type: 'answer', sdp: (await mustVideo(socket, 'room-media:publish', { roomId, sdp: offer.sdp })).sdp }),
    subscribe: async (_roomId, _peerId, publisherPeerId) => {
      const offer = await mustVideo(socket, 'room-media:subscribe', { roomId, publisherPeerId });
      return { subscriptionId: offer.subscriptionId, publisherPeerId, offer: { type: 'offer', sdp: offer.sdp } };
    },
    startSubscription: async (_roomId, _peerId, subscriptionId, answer) => {
      await mustVideo(socket, 'room-media:answer', { roomId, subscriptionId, sdp: answer.sdp });
    },
    trickle: async (_roomId, _peerId, target, candidate) => {
      await mustVideo(socket, 'room-media:trickle', { roomId, ...(target.kind === 'subscription' ? { subscriptionId: target.subscriptionId } : {}), candidate });
    },
  };
  return relay as MediaServer;
}

/** Graduate `graduate` queues at booth A, the recruiter (console open) calls them, they accept: a conversation. */
export async function startConversation(live: LiveFixtures, recruiter: TestSocket, graduate: TestSocket): Promise<TConversation> {
  await mustLive(graduate, 'queue:join', { boothId: live.booths.a });
  await mustLive(recruiter, 'console:open', { boothId: live.booths.a });
  const call = await mustLive(recruiter, 'call:next', { boothId: live.booths.a });
  if (!call) throw new Error('nobody to call');
  return mustLive(graduate, 'call:accept', { callId: call.callId });
}
