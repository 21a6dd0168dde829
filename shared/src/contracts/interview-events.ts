import { z } from 'zod';
import { ZIdSchema } from '../schemas/common.js';
import type { TAckFn } from './socket-events.js';

/**
 * The cloud-interview call over Socket.IO: a waiting room in front of a media room, and the media
 * signalling (SDP offer/answer, ICE candidates) relayed to the media server. Every request carries
 * an ack of the `TAck` shape; a refused request changes nothing.
 */

/** Interviewers and the candidate together; more are refused. */
export const INTERVIEW_MAX_PEOPLE = 8;
/** The call opens this long before the slot starts. */
export const INTERVIEW_OPENS_BEFORE_MS = 15 * 60_000;
/** `interview:time-warning` comes this long before the slot ends. */
export const INTERVIEW_WARNING_BEFORE_MS = 60_000;

const ZSdpSchema = z.string().min(10).max(100_000);

// ---- request payloads (client → server) ----

export const ZInterviewRefSchema = z.strictObject({ bookingId: ZIdSchema });
export const ZMediaJoinSchema = z.strictObject({ grant: z.string().min(10).max(4096) });
/** The client's offer for its own camera, microphone or screen. */
export const ZMediaPublishSchema = z.strictObject({ sdp: ZSdpSchema });
export const ZMediaSubscribeSchema = z.strictObject({ publisherPeerId: z.string().min(1).max(100) });
/** The client's answer to the offer `media:subscribe` returned. */
export const ZMediaAnswerSchema = z.strictObject({ subscriptionId: z.string().min(1).max(100), sdp: ZSdpSchema });
export const ZMediaSubscriptionRefSchema = z.strictObject({ subscriptionId: z.string().min(1).max(100) });
export const ZIceCandidateSchema = z.strictObject({
  candidate: z.string().max(2000),
  sdpMid: z.string().max(100).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(100).nullable().optional(),
});
/** One ICE candidate of the publication (no subscriptionId) or of one subscription; `null` ends them. */
export const ZMediaTrickleSchema = z.strictObject({
  subscriptionId: z.string().min(1).max(100).optional(),
  candidate: ZIceCandidateSchema.nullable(),
});
export const ZMediaLeaveSchema = z.strictObject({});

export type TInterviewRef = z.infer<typeof ZInterviewRefSchema>;
export type TIceCandidate = z.infer<typeof ZIceCandidateSchema>;

// ---- answers and notifications (server → client) ----

export const ZInterviewCallRoleSchema = z.enum(['interviewer', 'candidate']);
export type TInterviewCallRole = z.infer<typeof ZInterviewCallRoleSchema>;

export const ZIceServerSchema = z.object({ urls: z.union([z.string(), z.array(z.string())]), username: z.string().optional(), credential: z.string().optional() });
export type TIceServer = z.infer<typeof ZIceServerSchema>;

export const ZInterviewPersonSchema = z.object({ peerId: z.string(), name: z.string(), role: ZInterviewCallRoleSchema });
export type TInterviewPerson = z.infer<typeof ZInterviewPersonSchema>;

/** The answer to `interview:join`. */
export const ZInterviewJoinedSchema = z.object({
  bookingId: ZIdSchema,
  role: ZInterviewCallRoleSchema,
  /** Interviewers are always in; a candidate waits until an interviewer admits them. */
  admitted: z.boolean(),
  /** This person's id in the media room (their user id). */
  peerId: z.string(),
  /** Present when admitted: pass it to `media:join`. Short-lived; `interview:join` again for a new one. */
  grant: z.string().nullable(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  /** Peers publishing now, to `media:subscribe` to (empty while waiting). */
  publishers: z.array(z.string()),
  /** Who is in the call now (names for the tiles). */
  people: z.array(ZInterviewPersonSchema),
  /** For interviewers: whether the candidate is in the waiting room. */
  candidateWaiting: z.boolean(),
  /** For RTCPeerConnection; empty in development (host candidates only). */
  iceServers: z.array(ZIceServerSchema),
});
export type TInterviewJoined = z.infer<typeof ZInterviewJoinedSchema>;

export const ZMediaJoinedSchema = z.object({ publishers: z.array(z.string()) });
export type TMediaJoined = z.infer<typeof ZMediaJoinedSchema>;

export const ZMediaAnswerResultSchema = z.object({ sdp: z.string() });
export type TMediaAnswerResult = z.infer<typeof ZMediaAnswerResultSchema>;

export const ZMediaOfferSchema = z.object({ subscriptionId: z.string(), publisherPeerId: z.string(), sdp: z.string() });
export type TMediaOffer = z.infer<typeof ZMediaOfferSchema>;

export const ZInterviewWaitingSchema = z.object({ bookingId: ZIdSchema, candidatePresent: z.boolean(), candidateName: z.string().nullable() });
export type TInterviewWaiting = z.infer<typeof ZInterviewWaitingSchema>;

/** `iceServers` carry TURN credentials for the new grant's lifetime (empty in development). */
export const ZInterviewAdmittedSchema = z.object({ bookingId: ZIdSchema, grant: z.string(), iceServers: z.array(ZIceServerSchema) });
export type TInterviewAdmitted = z.infer<typeof ZInterviewAdmittedSchema>;

export const ZInterviewPeopleSchema = z.object({ bookingId: ZIdSchema, people: z.array(ZInterviewPersonSchema) });
export type TInterviewPeople = z.infer<typeof ZInterviewPeopleSchema>;

export const ZInterviewEndedSchema = z.object({ bookingId: ZIdSchema, reason: z.enum(['time-up']) });
export type TInterviewEnded = z.infer<typeof ZInterviewEndedSchema>;

export interface InterviewClientToServerEvents {
  /** Enter the call: interviewers go in, the candidate waits until admitted. */
  'interview:join': (payload: z.input<typeof ZInterviewRefSchema>, ack: TAckFn<TInterviewJoined>) => void;
  /** Interviewers: let the waiting candidate in (they receive `interview:admitted` with a grant). */
  'interview:admit': (payload: z.input<typeof ZInterviewRefSchema>, ack: TAckFn<null>) => void;
  /** Interviewers: move the candidate back to the waiting room; their media stops and their grant is revoked. */
  'interview:send-back': (payload: z.input<typeof ZInterviewRefSchema>, ack: TAckFn<null>) => void;
  /** Leave the call (and the waiting room). */
  'interview:leave': (payload: z.input<typeof ZInterviewRefSchema>, ack: TAckFn<null>) => void;
  /** Join the media room with a grant from `interview:join` or `interview:admitted`. */
  'media:join': (payload: z.input<typeof ZMediaJoinSchema>, ack: TAckFn<TMediaJoined>) => void;
  'media:publish': (payload: z.input<typeof ZMediaPublishSchema>, ack: TAckFn<TMediaAnswerResult>) => void;
  'media:subscribe': (payload: z.input<typeof ZMediaSubscribeSchema>, ack: TAckFn<TMediaOffer>) => void;
  'media:answer': (payload: z.input<typeof ZMediaAnswerSchema>, ack: TAckFn<null>) => void;
  'media:unsubscribe': (payload: z.input<typeof ZMediaSubscriptionRefSchema>, ack: TAckFn<null>) => void;
  'media:trickle': (payload: z.input<typeof ZMediaTrickleSchema>, ack: TAckFn<null>) => void;
  /** Leave the media room only (back to the waiting state for a candidate's own choice; interviewers may rejoin). */
  'media:leave': (payload: z.input<typeof ZMediaLeaveSchema>, ack: TAckFn<null>) => void;
}

export interface InterviewServerToClientEvents {
  /** To interviewers: whether the candidate is in the waiting room. */
  'interview:waiting': (payload: TInterviewWaiting) => void;
  /** To the candidate: come in, with the grant for `media:join`. */
  'interview:admitted': (payload: TInterviewAdmitted) => void;
  /** To the candidate: back to the waiting room; their media was stopped. */
  'interview:sent-back': (payload: { bookingId: string }) => void;
  /** To everyone in the call: who is in it changed. */
  'interview:people': (payload: TInterviewPeople) => void;
  /** To everyone: one minute left. */
  'interview:time-warning': (payload: { bookingId: string; endsAt: string }) => void;
  /** To everyone: the slot's time is over; the media room is closed. */
  'interview:ended': (payload: TInterviewEnded) => void;
  'media:publisher-added': (payload: { bookingId: string; peerId: string }) => void;
  'media:publisher-removed': (payload: { bookingId: string; peerId: string }) => void;
  /** The media server failed: media is gone until `media:room-recovered`. */
  'media:room-failed': (payload: { bookingId: string; reason: string }) => void;
  /** The media room exists again: `media:join` (with the grant, or a fresh one from `interview:join`) and publish again. */
  'media:room-recovered': (payload: { bookingId: string }) => void;
}

/** Names of every interview request event. */
export const INTERVIEW_CLIENT_EVENTS = [
  'interview:join', 'interview:admit', 'interview:send-back', 'interview:leave',
  'media:join', 'media:publish', 'media:subscribe', 'media:answer', 'media:unsubscribe', 'media:trickle', 'media:leave',
] as const satisfies readonly (keyof InterviewClientToServerEvents)[];

/** Each request event's payload schema. */
export const INTERVIEW_EVENT_SCHEMAS = {
  'interview:join': ZInterviewRefSchema,
  'interview:admit': ZInterviewRefSchema,
  'interview:send-back': ZInterviewRefSchema,
  'interview:leave': ZInterviewRefSchema,
  'media:join': ZMediaJoinSchema,
  'media:publish': ZMediaPublishSchema,
  'media:subscribe': ZMediaSubscribeSchema,
  'media:answer': ZMediaAnswerSchema,
  'media:unsubscribe': ZMediaSubscriptionRefSchema,
  'media:trickle': ZMediaTrickleSchema,
  'media:leave': ZMediaLeaveSchema,
} as const satisfies { [E in keyof InterviewClientToServerEvents]: z.ZodType };
