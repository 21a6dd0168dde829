import type { Kysely } from 'kysely';
import type { Socket } from 'socket.io-client';
import type { InterviewClientToServerEvents, InterviewServerToClientEvents, TAck } from '@yunpin/shared';
import type { Database } from '../../server/src/db/schema.js';
import type { MediaServer } from '../../server/src/media/media-server.js';
import type { Fixtures } from './fixtures.js';
import { insertTestApplication, insertTestBooking, insertTestJob } from './job-fixtures.js';
import { ask as askEvent, must as mustEvent, next as nextEvent } from './sockets.js';

/** A Socket.IO client speaking the cloud-interview events (the call's waiting room and media signalling). */
export type CallSocket = Socket<InterviewServerToClientEvents, InterviewClientToServerEvents>;
export type CallEvent = keyof InterviewClientToServerEvents;
type Payload<E extends CallEvent> = Parameters<InterviewClientToServerEvents[E]>[0];
type Data<E extends CallEvent> = Parameters<Parameters<InterviewClientToServerEvents[E]>[1]>[0] extends TAck<infer D> ? D : never;

// The request and event functions of sockets.ts, typed for the interview events (a separate event map on the same connection).
/** Sends an interview request and returns the whole ack (payloads may be malformed on purpose). */
export const ask = askEvent as unknown as <E extends CallEvent>(socket: CallSocket, event: E, payload: Payload<E> | Record<string, unknown>) => Promise<TAck<Data<E>>>;
/** Sends an interview request and returns its data; an error ack throws. */
export const must = mustEvent as unknown as <E extends CallEvent>(socket: CallSocket, event: E, payload: Payload<E>) => Promise<Data<E>>;
/** Resolves with the next `event` whose payload satisfies `match`. */
export const next = nextEvent as unknown as <E extends keyof InterviewServerToClientEvents>(
  socket: CallSocket,
  event: E,
  match?: (p: Parameters<InterviewServerToClientEvents[E]>[0]) => boolean,
  timeoutMs?: number,
) => Promise<Parameters<InterviewServerToClientEvents[E]>[0]>;

/** The MediaServer calls the wrtc peers of media-peers.ts make, relayed through one socket's media:* events. */
export function signalling(socket: CallSocket): MediaServer {
  const relay: Pick<MediaServer, 'publish' | 'subscribe' | 'startSubscription' | 'trickle'> = {
    publish: async (_roomId, _peerId, offer) => ({ type: 'answer', sdp: (await must(socket, 'media:publish', { sdp: offer.sdp })).sdp }),
    subscribe: async (_roomId, _peerId, publisherPeerId) => {
      const offer = await must(socket, 'media:subscribe', { publisherPeerId });
      return { subscriptionId: offer.subscriptionId, publisherPeerId, offer: { type: 'offer', sdp: offer.sdp } };
    },
    startSubscription: async (_roomId, _peerId, subscriptionId, answer) => {
      await must(socket, 'media:answer', { subscriptionId, sdp: answer.sdp });
    },
    trickle: async (_roomId, _peerId, target, candidate) => {
      await must(socket, 'media:trickle', { ...(target.kind === 'subscription' ? { subscriptionId: target.subscriptionId } : {}), candidate });
    },
  };
  return relay as MediaServer;
}

/** The media room a grant names (read without checking the signature). */
export const roomOf = (grant: string) => (JSON.parse(Buffer.from(grant.split('.')[0]!, 'base64url').toString()) as { roomId: string }).roomId;

/** A booking of graduate A with the recruiter as the panel, from `startsInMs` for `lengthMs` (the call is open now by default). */
export async function insertCallBooking(db: Kysely<Database>, f: Fixtures, startsInMs = -60_000, lengthMs = 30 * 60_000): Promise<string> {
  const job = await insertTestJob(db, { organisationId: f.orgs.a, townId: f.towns.a });
  const bookingId = await insertTestBooking(db, job, await insertTestApplication(db, job, f.graduates.a), f.userIds.recruiter);
  const { slot_id } = await db.selectFrom('interview_bookings').select('slot_id').where('id', '=', bookingId).executeTakeFirstOrThrow();
  const startsAt = new Date(Date.now() + startsInMs);
  await db.updateTable('interview_slots').set({ starts_at: startsAt, ends_at: new Date(startsAt.getTime() + lengthMs) }).where('id', '=', slot_id).execute();
  return bookingId;
}

/** Runs `task` over `items`, at most `limit` at a time. */
export async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let at = 0;
  const lane = async () => {
    while (at < items.length) {
      const i = at++;
      await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * Opens one interview call per booking: socket i sends `interview:join` for booking i as an interviewer, which creates
 * the call's media room (a Janus VideoRoom) and issues a grant; nobody publishes. The calls stay open while the sockets stay in.
 */
export async function openIdleCalls(sockets: readonly CallSocket[], bookingIds: readonly string[], limit = 10): Promise<string[]> {
  const rooms: string[] = [];
  await eachLimited(bookingIds, limit, async (bookingId, i) => {
    const joined = await must(sockets[i]!, 'interview:join', { bookingId });
    if (!joined.grant) throw new Error(`interview:join for ${bookingId} gave no grant`);
    rooms.push(roomOf(joined.grant));
  });
  return rooms;
}

/** Socket i leaves booking i's call; the last one out closes the call and its media room. */
export async function leaveCalls(sockets: readonly CallSocket[], bookingIds: readonly string[], limit = 10): Promise<void> {
  await eachLimited(bookingIds, limit, async (bookingId, i) => {
    await must(sockets[i]!, 'interview:leave', { bookingId });
  });
}
