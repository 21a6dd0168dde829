import type { Socket } from 'socket.io-client';
import type { InterviewClientToServerEvents, InterviewServerToClientEvents } from '@yunpin/shared';
import type { TLiveSocket } from '../lib/socket';
import type { MediaChannel, MediaChannelHandlers, TMediaEntryResult } from './media-channel';
import { mediaRequest, type TRequestData, type TRequestPayload } from './socket-request';

export { mediaCodeOf } from './socket-request';

/** The session's socket seen through the interview call's events (same connection as the live fair). */
export type TInterviewSocket = Socket<InterviewServerToClientEvents, InterviewClientToServerEvents>;

export type TCallEvent = keyof InterviewClientToServerEvents;

export function interviewSocket(socket: TLiveSocket): TInterviewSocket {
  return socket as unknown as TInterviewSocket;
}

/** Sends an interview request; a refusal or a timeout rejects with an ApiError (its details carry `media` codes). */
export function callRequest<E extends TCallEvent>(socket: TInterviewSocket, event: E, payload: TRequestPayload<InterviewClientToServerEvents, E>): Promise<TRequestData<InterviewClientToServerEvents, E>> {
  return mediaRequest<InterviewClientToServerEvents, E>(socket, event, payload);
}

/** An interview call's media channel: the waiting room, admission by an interviewer, and the `media:*` relay. */
export interface InterviewChannel extends MediaChannel {
  admit(): Promise<unknown>;
  sendBack(): Promise<unknown>;
}

export function interviewChannel(socket: TInterviewSocket, bookingId: string): InterviewChannel {
  const mine = (payload: { bookingId?: string }) => payload.bookingId === undefined || payload.bookingId === bookingId;
  return {
    async enter(): Promise<TMediaEntryResult> {
      const joined = await callRequest(socket, 'interview:join', { bookingId });
      return {
        grant: joined.grant,
        iceServers: joined.iceServers,
        details: { role: joined.role, startsAt: joined.startsAt, endsAt: joined.endsAt, candidateWaiting: joined.candidateWaiting, people: joined.people },
      };
    },
    join: (grant) => callRequest(socket, 'media:join', { grant }),
    publish: (sdp) => callRequest(socket, 'media:publish', { sdp }),
    subscribe: (publisherPeerId) => callRequest(socket, 'media:subscribe', { publisherPeerId }),
    answer: (subscriptionId, sdp) => callRequest(socket, 'media:answer', { subscriptionId, sdp }),
    trickle: (subscriptionId, candidate) => callRequest(socket, 'media:trickle', { ...(subscriptionId ? { subscriptionId } : {}), candidate }),
    leave: () => callRequest(socket, 'interview:leave', { bookingId }),
    admit: () => callRequest(socket, 'interview:admit', { bookingId }),
    sendBack: () => callRequest(socket, 'interview:send-back', { bookingId }),
    listen(on: MediaChannelHandlers) {
      const offs: (() => void)[] = [];
      const follow = <E extends keyof InterviewServerToClientEvents>(event: E, listener: InterviewServerToClientEvents[E]) => {
        socket.on(event, listener as never);
        offs.push(() => socket.off(event, listener as never));
      };
      follow('interview:waiting', (p) => mine(p) && on.details({ candidateWaiting: p.candidatePresent, candidateName: p.candidateName }));
      follow('interview:people', (p) => mine(p) && on.details({ people: p.people }));
      follow('interview:admitted', (p) => mine(p) && on.admitted(p.grant, p.iceServers));
      follow('interview:sent-back', (p) => mine(p) && on.sentBack());
      follow('interview:time-warning', (p) => mine(p) && on.endingSoon());
      follow('interview:ended', (p) => mine(p) && on.closed('ended'));
      follow('media:publisher-added', (p) => mine(p) && on.publisherAdded(p.peerId));
      follow('media:publisher-removed', (p) => mine(p) && on.publisherRemoved(p.peerId));
      follow('media:room-failed', (p) => mine(p) && on.roomFailed());
      follow('media:room-recovered', (p) => mine(p) && on.roomRecovered());
      const onConnect = () => on.reconnected();
      (socket as unknown as Socket).on('connect', onConnect);
      offs.push(() => (socket as unknown as Socket).off('connect', onConnect));
      return () => {
        for (const off of offs.splice(0)) off();
      };
    },
  };
}
