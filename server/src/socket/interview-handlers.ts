import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import {
  AppError,
  INTERVIEW_CLIENT_EVENTS,
  INTERVIEW_EVENT_SCHEMAS,
  INTERVIEW_MAX_PEOPLE,
  INTERVIEW_OPENS_BEFORE_MS,
  INTERVIEW_WARNING_BEFORE_MS,
  type InterviewClientToServerEvents,
  type InterviewServerToClientEvents,
  type SocketData,
  type TInterviewCallRole,
  type TInterviewJoined,
  type TInterviewPerson,
  type TSessionUser,
} from '@yunpin/shared';
import type { AppContext } from '../context.js';
import { findBookingView, type SlotView } from '../domain/interviews/interview-views.js';
import type { MediaServer } from '../media/media-server.js';
import type { TurnConfig } from '../media/turn-credentials.js';
import { policy } from '../policy.js';
import { DEFAULT_MEDIA_RATE_LIMIT, MediaAccess, answerRequests, assertGrantFor, type IssuedAccess } from './media-relay.js';
import { socketActor } from './socket-actor.js';

type CallSocket = Socket<InterviewClientToServerEvents, InterviewServerToClientEvents, Record<string, never>, SocketData>;
type EventName = keyof InterviewClientToServerEvents;
type Payload<E extends EventName> = z.output<(typeof INTERVIEW_EVENT_SCHEMAS)[E]>;
type AckData<E extends EventName> = Parameters<Parameters<InterviewClientToServerEvents[E]>[1]>[0] extends infer A ? (A extends { ok: true; data: infer D } ? D : never) : never;

export interface InterviewCallOptions {
  /** The media server, created on first use; rejects when the media plane cannot start. */
  media: () => Promise<MediaServer>;
  /** TURN for the clients' RTCPeerConnection (credentials issued with each grant); none in development. */
  turn?: TurnConfig | undefined;
  /** Interview events a socket may send at once, and per second after that (ICE candidates come in bursts). */
  rateLimit?: { burst: number; perSecond: number };
}

interface Member {
  socket: CallSocket;
  userId: string;
  name: string;
  role: TInterviewCallRole;
}

/**
 * One interview's call on this node: the waiting room and the media room of a slot's room_key.
 * Held in memory, so every participant of one interview must reach the same server node.
 */
interface Call {
  roomKey: string;
  bookingId: string;
  startsAt: Date;
  endsAt: Date;
  candidateUserId: string;
  candidateName: string;
  admitted: boolean;
  mediaRoomId: string | undefined;
  creatingRoom: Promise<string> | undefined;
  /** socket id → member; a waiting candidate is a member too. */
  members: Map<string, Member>;
  /** peer id (user id) → the socket whose media peer it is. */
  mediaPeers: Map<string, string>;
  /** Peers publishing in the media room now. */
  publishers: Set<string>;
  timers: NodeJS.Timeout[];
  closed: boolean;
}

const MIN_GRANT_TTL_MS = 5 * 60_000;
const MAX_GRANT_TTL_MS = 60 * 60_000;

/** A grant lasts until a little after the interview's end, within the media server's limits. */
const grantTtlMs = (call: { endsAt: Date }) => Math.min(MAX_GRANT_TTL_MS, Math.max(MIN_GRANT_TTL_MS, call.endsAt.getTime() - Date.now() + MIN_GRANT_TTL_MS));

/**
 * Socket handlers of the cloud-interview call. Interviewers (the slot's panel, or the employer's
 * recruiters and admins) enter the media room at once; the booking's graduate waits until one of
 * them admits them, and can be sent back (their media stops and their grant is revoked). The media
 * signalling is relayed to the MediaServer port; its room events are pushed to the people in the call.
 */
export function attachInterviewCalls(anyIo: object, ctx: AppContext, options: InterviewCallOptions | undefined): void {
  const io = anyIo as unknown as Server<InterviewClientToServerEvents, InterviewServerToClientEvents, Record<string, never>, SocketData>;
  const logger = ctx.logger.child({ part: 'interview-calls' });
  const calls = new Map<string, Call>();
  const byMediaRoom = new Map<string, Call>();
  const callOfSocket = new Map<string, Call>();
  const rate = options?.rateLimit ?? DEFAULT_MEDIA_RATE_LIMIT;
  const access = new MediaAccess({
    media: options ? options.media : () => Promise.reject(new Error('no media plane configured')),
    turn: options?.turn,
    logger,
    unavailableMessage: '视频服务暂不可用，请稍后再试或改用回电 / The video service is unavailable; try again or arrange a callback',
  });
  access.onServer((server) => listen(server));
  /** The media server, with its room events wired to the calls once. */
  const media = () => access.server();

  function inMedia(call: Call): Member[] {
    return [...call.members.values()].filter((m) => m.role === 'interviewer' || call.admitted);
  }

  function listen(server: MediaServer): void {
    server.on('publisherAdded', ({ roomId, peerId }) => {
      const call = byMediaRoom.get(roomId);
      if (!call) return;
      call.publishers.add(peerId);
      for (const member of inMedia(call)) if (call.mediaPeers.get(member.userId) === member.socket.id && member.userId !== peerId) member.socket.emit('media:publisher-added', { bookingId: call.bookingId, peerId });
    });
    server.on('publisherRemoved', ({ roomId, peerId }) => {
      const call = byMediaRoom.get(roomId);
      if (!call) return;
      call.publishers.delete(peerId);
      for (const member of inMedia(call)) if (member.userId !== peerId) member.socket.emit('media:publisher-removed', { bookingId: call.bookingId, peerId });
    });
    server.on('peerClosed', ({ roomId, peerId, reason }) => {
      const call = byMediaRoom.get(roomId);
      // A replaced peer's successor is recorded by its own join.
      if (call && reason !== 'replaced') call.mediaPeers.delete(peerId);
    });
    server.on('roomFailed', ({ roomId, reason }) => {
      const call = byMediaRoom.get(roomId);
      if (!call) return;
      call.mediaPeers.clear();
      call.publishers.clear();
      logger.warn({ room: roomId, booking: call.bookingId, reason }, 'interview media room failed');
      for (const member of inMedia(call)) member.socket.emit('media:room-failed', { bookingId: call.bookingId, reason });
    });
    server.on('roomRecovered', ({ roomId }) => {
      const call = byMediaRoom.get(roomId);
      if (!call) return;
      for (const member of inMedia(call)) member.socket.emit('media:room-recovered', { bookingId: call.bookingId });
    });
    server.on('roomClosed', ({ roomId }) => {
      const call = byMediaRoom.get(roomId);
      byMediaRoom.delete(roomId);
      if (!call || call.mediaRoomId !== roomId) return;
      call.mediaRoomId = undefined;
      call.mediaPeers.clear();
      call.publishers.clear();
    });
  }

  async function ensureRoom(call: Call): Promise<string> {
    if (call.mediaRoomId) return call.mediaRoomId;
    call.creatingRoom ??= (async () => {
      const server = await media();
      try {
        const { roomId } = await server.createRoom({ label: `interview ${call.bookingId}`, maxPublishers: INTERVIEW_MAX_PEOPLE, closeWhenEmpty: false });
        if (call.closed) {
          await server.closeRoom(roomId);
          throw new AppError('conflict', 'This interview has ended');
        }
        call.mediaRoomId = roomId;
        byMediaRoom.set(roomId, call);
        return roomId;
      } finally {
        call.creatingRoom = undefined;
      }
    })();
    return call.creatingRoom;
  }

  function grantFor(server: MediaServer, call: Call, roomId: string, member: { userId: string; role: TInterviewCallRole }): IssuedAccess {
    return access.issue(server, { roomId, peerId: member.userId, role: member.role === 'interviewer' ? 'host' : 'participant', ttlMs: grantTtlMs(call) });
  }

  function people(call: Call): TInterviewPerson[] {
    const seen = new Map<string, TInterviewPerson>();
    for (const m of call.members.values()) {
      if (m.role === 'candidate' && !call.admitted) continue;
      seen.set(m.userId, { peerId: m.userId, name: m.name, role: m.role });
    }
    return [...seen.values()];
  }

  const candidatePresent = (call: Call) => [...call.members.values()].some((m) => m.role === 'candidate');

  function tellPanel(call: Call): void {
    const present = candidatePresent(call);
    for (const m of call.members.values()) {
      if (m.role === 'interviewer') m.socket.emit('interview:waiting', { bookingId: call.bookingId, candidatePresent: present && !call.admitted, candidateName: present ? call.candidateName : null });
    }
  }

  function tellPeople(call: Call): void {
    const list = people(call);
    for (const m of inMedia(call)) m.socket.emit('interview:people', { bookingId: call.bookingId, people: list });
  }

  async function closeCall(call: Call): Promise<void> {
    if (call.closed) return;
    call.closed = true;
    for (const timer of call.timers) clearTimeout(timer);
    call.timers = [];
    calls.delete(call.roomKey);
    for (const socketId of call.members.keys()) callOfSocket.delete(socketId);
    call.members.clear();
    call.mediaPeers.clear();
    const roomId = call.mediaRoomId ?? (await call.creatingRoom?.catch(() => undefined));
    if (roomId) {
      byMediaRoom.delete(roomId);
      const server = await access.started();
      await server?.closeRoom(roomId).catch((error: unknown) => logger.warn({ err: error, room: roomId }, 'closing an interview media room failed'));
    }
  }

  function openCall(view: SlotView, bookingId: string): Call {
    const existing = calls.get(view.room_key);
    if (existing) return existing;
    const call: Call = {
      roomKey: view.room_key,
      bookingId,
      startsAt: view.starts_at,
      endsAt: view.ends_at,
      candidateUserId: view.graduate_user_id ?? '',
      candidateName: view.graduate_name ?? '',
      admitted: false,
      mediaRoomId: undefined,
      creatingRoom: undefined,
      members: new Map(),
      mediaPeers: new Map(),
      publishers: new Set(),
      timers: [],
      closed: false,
    };
    const now = Date.now();
    const endsAt = call.endsAt.getTime();
    // Who joins within the last minute is warned on joining.
    if (endsAt - INTERVIEW_WARNING_BEFORE_MS > now) {
      const warning = setTimeout(() => {
        for (const m of call.members.values()) m.socket.emit('interview:time-warning', { bookingId, endsAt: call.endsAt.toISOString() });
      }, endsAt - INTERVIEW_WARNING_BEFORE_MS - now);
      warning.unref();
      call.timers.push(warning);
    }
    const end = setTimeout(() => {
      for (const m of call.members.values()) m.socket.emit('interview:ended', { bookingId, reason: 'time-up' });
      void closeCall(call);
    }, Math.max(0, endsAt - now));
    end.unref();
    call.timers.push(end);
    calls.set(call.roomKey, call);
    return call;
  }

  /** Leaves this socket's call: its media peer leaves, the others hear of it, an empty call closes. */
  async function leaveCall(socket: CallSocket): Promise<void> {
    const call = callOfSocket.get(socket.id);
    if (!call) return;
    callOfSocket.delete(socket.id);
    const member = call.members.get(socket.id);
    call.members.delete(socket.id);
    if (!member) return;
    if (call.mediaPeers.get(member.userId) === socket.id) {
      call.mediaPeers.delete(member.userId);
      const server = await access.started();
      if (server && call.mediaRoomId) await server.leave(call.mediaRoomId, member.userId).catch(() => undefined);
    }
    if (call.members.size === 0) {
      await closeCall(call);
      return;
    }
    if (member.role === 'candidate') tellPanel(call);
    tellPeople(call);
  }

  /** The socket's user, from its session (re-read on each call-changing request, so a logout takes effect). */
  const actorOf = (socket: CallSocket): Promise<TSessionUser> => socketActor(ctx, socket);

  function memberOf(socket: CallSocket, bookingId?: string): { call: Call; member: Member } {
    const call = callOfSocket.get(socket.id);
    const member = call?.members.get(socket.id);
    if (!call || !member || (bookingId !== undefined && call.bookingId !== bookingId)) throw new AppError('conflict', 'Join the interview first');
    return { call, member };
  }

  function interviewerOf(socket: CallSocket, bookingId: string): { call: Call; member: Member } {
    const found = memberOf(socket, bookingId);
    if (found.member.role !== 'interviewer') throw AppError.forbidden('Only the interviewers admit or send back the candidate');
    return found;
  }

  /** The socket's media peer in its call's room. */
  function mediaPeerOf(socket: CallSocket): { roomId: string; peerId: string } {
    const { call, member } = memberOf(socket);
    if (!call.mediaRoomId || call.mediaPeers.get(member.userId) !== socket.id) throw new AppError('conflict', 'Join the media room first (media:join)');
    return { roomId: call.mediaRoomId, peerId: member.userId };
  }

  const handlers: { [E in EventName]: (socket: CallSocket, payload: Payload<E>) => Promise<AckData<E>> } = {
    'interview:join': async (socket, { bookingId }) => {
      const user = await actorOf(socket);
      const view = await findBookingView(ctx.db, bookingId);
      if (!view) throw AppError.notFound('Interview');
      const isCandidate = user.role === 'graduate' && view.graduate_user_id === user.id;
      // The panel, or the employer's recruiters and admins.
      const isInterviewer = !isCandidate && (view.interviewer_ids.includes(user.id) || policy.canMoveApplication(user, { organisation_id: view.organisation_id }));
      if (!isCandidate && !isInterviewer) throw AppError.notFound('Interview');
      if (view.booking_status !== 'booked' && view.booking_status !== 'callback') throw AppError.conflict('This interview is not booked');
      const now = Date.now();
      if (now < view.starts_at.getTime() - INTERVIEW_OPENS_BEFORE_MS) throw AppError.conflict('面试间将在开始前 15 分钟开放 / The interview room opens 15 minutes before the start');
      if (now >= view.ends_at.getTime()) throw AppError.conflict('面试时间已结束 / This interview time is over');
      const role: TInterviewCallRole = isCandidate ? 'candidate' : 'interviewer';
      const current = callOfSocket.get(socket.id);
      if (current && current.roomKey !== view.room_key) await leaveCall(socket);
      const call = openCall(view, bookingId);
      const isNewPerson = ![...call.members.values()].some((m) => m.userId === user.id);
      const headcount = new Set([...call.members.values()].filter((m) => m.role === 'interviewer').map((m) => m.userId)).size + 1;
      if (role === 'interviewer' && isNewPerson && headcount + 1 > INTERVIEW_MAX_PEOPLE) {
        if (call.members.size === 0) await closeCall(call);
        throw AppError.conflict(`一场面试最多 ${INTERVIEW_MAX_PEOPLE} 人 / At most ${INTERVIEW_MAX_PEOPLE} people in one interview`);
      }
      const inside = role === 'interviewer' || call.admitted;
      let grant: string | null = null;
      let publishers: string[] = [];
      // A waiting candidate gets TURN credentials now too, for as long as a grant would last.
      let iceServers = access.iceServers(user.id, Date.now() + grantTtlMs(call));
      if (inside) {
        try {
          const roomId = await ensureRoom(call);
          const server = await media();
          const issued = grantFor(server, call, roomId, { userId: user.id, role });
          grant = issued.grant;
          iceServers = issued.iceServers;
          publishers = [...call.publishers].filter((id) => id !== user.id);
        } catch (error) {
          if (call.members.size === 0) await closeCall(call);
          throw error;
        }
      }
      call.members.set(socket.id, { socket, userId: user.id, name: user.name, role });
      callOfSocket.set(socket.id, call);
      if (role === 'candidate') tellPanel(call);
      else if (candidatePresent(call)) tellPanel(call);
      if (inside) tellPeople(call);
      if (Date.now() >= call.endsAt.getTime() - INTERVIEW_WARNING_BEFORE_MS) {
        // After the ack has gone out.
        setImmediate(() => socket.emit('interview:time-warning', { bookingId, endsAt: call.endsAt.toISOString() }));
      }
      const joined: TInterviewJoined = {
        bookingId,
        role,
        admitted: inside,
        peerId: user.id,
        grant,
        startsAt: call.startsAt.toISOString(),
        endsAt: call.endsAt.toISOString(),
        publishers,
        people: people(call),
        candidateWaiting: role === 'interviewer' && candidatePresent(call) && !call.admitted,
        iceServers,
      };
      return joined;
    },

    'interview:admit': async (socket, { bookingId }) => {
      await actorOf(socket);
      const { call } = interviewerOf(socket, bookingId);
      const candidates = [...call.members.values()].filter((m) => m.role === 'candidate');
      if (candidates.length === 0) throw AppError.conflict('The candidate is not in the waiting room');
      if (call.admitted) return null;
      const roomId = await ensureRoom(call);
      const server = await media();
      const { grant, iceServers } = grantFor(server, call, roomId, { userId: call.candidateUserId, role: 'candidate' });
      call.admitted = true;
      for (const m of candidates) m.socket.emit('interview:admitted', { bookingId, grant, iceServers });
      tellPanel(call);
      tellPeople(call);
      return null;
    },

    'interview:send-back': async (socket, { bookingId }) => {
      await actorOf(socket);
      const { call } = interviewerOf(socket, bookingId);
      if (!call.admitted) throw AppError.conflict('The candidate is not in the call');
      call.admitted = false;
      call.mediaPeers.delete(call.candidateUserId);
      const server = await access.started();
      // Revokes the candidate's grants and stops their media now.
      if (server && call.mediaRoomId) await server.removePeer(call.mediaRoomId, call.candidateUserId).catch((error: unknown) => logger.warn({ err: error }, 'removing the candidate from the media room failed'));
      for (const m of call.members.values()) if (m.role === 'candidate') m.socket.emit('interview:sent-back', { bookingId });
      tellPanel(call);
      tellPeople(call);
      return null;
    },

    'interview:leave': async (socket, { bookingId }) => {
      memberOf(socket, bookingId);
      await leaveCall(socket);
      return null;
    },

    'media:join': async (socket, { grant }) => {
      const { call, member } = memberOf(socket);
      if (member.role === 'candidate' && !call.admitted) throw AppError.forbidden('Wait until an interviewer admits you');
      if (!call.mediaRoomId) throw new AppError('forbidden', 'This media grant is not for this interview or not yours', { details: { media: 'grant-invalid' } });
      assertGrantFor(grant, { roomId: call.mediaRoomId, peerId: member.userId }, 'interview');
      const joined = await access.join(grant);
      if (call.closed || !callOfSocket.has(socket.id)) {
        await access.leave(joined);
        throw AppError.conflict('You left the interview');
      }
      call.mediaPeers.set(member.userId, socket.id);
      return { publishers: joined.publishers };
    },

    'media:publish': (socket, { sdp }) => access.publish(mediaPeerOf(socket), sdp),
    'media:subscribe': (socket, { publisherPeerId }) => access.subscribe(mediaPeerOf(socket), publisherPeerId),
    'media:answer': (socket, { subscriptionId, sdp }) => access.answer(mediaPeerOf(socket), subscriptionId, sdp),
    'media:unsubscribe': (socket, { subscriptionId }) => access.unsubscribe(mediaPeerOf(socket), subscriptionId),
    'media:trickle': (socket, { subscriptionId, candidate }) => access.trickle(mediaPeerOf(socket), subscriptionId, candidate),

    'media:leave': async (socket) => {
      const { call, member } = memberOf(socket);
      if (call.mediaPeers.get(member.userId) !== socket.id || !call.mediaRoomId) return null;
      call.mediaPeers.delete(member.userId);
      await (await media()).leave(call.mediaRoomId, member.userId);
      return null;
    },
  };

  io.on('connection', (socket) => {
    answerRequests(socket, { events: INTERVIEW_CLIENT_EVENTS, schemas: INTERVIEW_EVENT_SCHEMAS, handlers, rateLimit: rate, logger, label: 'interview' });
    socket.on('disconnect', () => {
      leaveCall(socket).catch((error: unknown) => logger.error({ err: error, socket: socket.id }, 'leaving the interview call failed'));
    });
  });
}
