import { z } from 'zod';
import { ZIdSchema } from '../schemas/common.js';
import { ZMediaAnswerSchema, ZMediaPublishSchema, ZMediaSubscribeSchema, ZMediaSubscriptionRefSchema, ZMediaTrickleSchema, ZIceServerSchema, type TMediaAnswerResult, type TMediaJoined, type TMediaOffer } from './interview-events.js';
import type { TAckFn } from './socket-events.js';

/**
 * Video at a live booth over Socket.IO: a conversation escalated to video (recruiter and graduate both
 * publish) and a booth presentation (the recruiter publishes, graduates at the booth watch listen-only).
 * Both enter a media room with a grant, then relay SDP and ICE candidates with the `room-media:*`
 * requests, which name the media room they are for. Every request carries an ack of the `TAck` shape.
 */

/** Graduates watching one presentation at once; the next is refused with `details.reason = 'presentation_full'`. */
export const PRESENTATION_MAX_VIEWERS = 50;

// ---- request payloads (client → server) ----

const ZRoomIdSchema = z.string().min(10).max(100);

export const ZVideoRefSchema = z.strictObject({ conversationId: ZIdSchema });
/** The client's own report that its media failed (ICE failed, no media): the chat goes on as text. */
export const ZVideoFailureSchema = z.strictObject({ conversationId: ZIdSchema, reason: z.string().trim().min(1).max(200) });
export const ZPresentationSourceSchema = z.enum(['camera', 'screen']);
export const ZPresentationStartSchema = z.strictObject({ boothId: ZIdSchema, source: ZPresentationSourceSchema });
export const ZPresentationRefSchema = z.strictObject({ boothId: ZIdSchema });
export const ZPresentationRemoveViewerSchema = z.strictObject({ boothId: ZIdSchema, viewerId: ZIdSchema });

export const ZRoomMediaJoinSchema = z.strictObject({ roomId: ZRoomIdSchema, grant: z.string().min(10).max(4096) });
export const ZRoomMediaPublishSchema = ZMediaPublishSchema.extend({ roomId: ZRoomIdSchema });
export const ZRoomMediaSubscribeSchema = ZMediaSubscribeSchema.extend({ roomId: ZRoomIdSchema });
export const ZRoomMediaAnswerSchema = ZMediaAnswerSchema.extend({ roomId: ZRoomIdSchema });
export const ZRoomMediaSubscriptionRefSchema = ZMediaSubscriptionRefSchema.extend({ roomId: ZRoomIdSchema });
export const ZRoomMediaTrickleSchema = ZMediaTrickleSchema.extend({ roomId: ZRoomIdSchema });
export const ZRoomMediaLeaveSchema = z.strictObject({ roomId: ZRoomIdSchema });

export type TPresentationSource = z.infer<typeof ZPresentationSourceSchema>;

// ---- answers and notifications (server → client) ----

/** A way into a media room: pass `grant` to `room-media:join`, `iceServers` to RTCPeerConnection. */
export const ZMediaEntrySchema = z.object({
  /** The media room (128 random bits; knowing it grants nothing). */
  roomId: z.string(),
  /** This person's id in the room (their user id). */
  peerId: z.string(),
  /** Short-lived, for this room and peer only, with the rights of the role. */
  grant: z.string(),
  /** When the grant (and the TURN credentials) expire. */
  expiresAt: z.iso.datetime(),
  /** May this peer publish (viewers may not). */
  canPublish: z.boolean(),
  /** For RTCPeerConnection: TURN with short-lived credentials when configured, empty in development. */
  iceServers: z.array(ZIceServerSchema),
});
export type TMediaEntry = z.infer<typeof ZMediaEntrySchema>;

export const ZVideoEntrySchema = ZMediaEntrySchema.extend({ conversationId: ZIdSchema });
export type TVideoEntry = z.infer<typeof ZVideoEntrySchema>;

export const ZPresentationStatusSchema = z.object({
  boothId: ZIdSchema,
  isLive: z.boolean(),
  presenterName: z.string().nullable(),
  source: ZPresentationSourceSchema.nullable(),
  viewers: z.number().int(),
  maxViewers: z.number().int(),
  startedAt: z.iso.datetime().nullable(),
});
export type TPresentationStatus = z.infer<typeof ZPresentationStatusSchema>;

export const ZPresentationEntrySchema = ZMediaEntrySchema.extend({ presentation: ZPresentationStatusSchema });
export type TPresentationEntry = z.infer<typeof ZPresentationEntrySchema>;

export const ZPresentationViewerSchema = z.object({ userId: ZIdSchema, name: z.string() });
export type TPresentationViewer = z.infer<typeof ZPresentationViewerSchema>;

export const ZRoomMediaClosedSchema = z.object({
  roomId: z.string(),
  /** failed: the media server failed; removed: this peer was removed; ended: the video or presentation ended. */
  reason: z.enum(['failed', 'removed', 'ended']),
});
export type TRoomMediaClosed = z.infer<typeof ZRoomMediaClosedSchema>;

export interface BoothVideoClientToServerEvents {
  /** Conversation video, after the graduate accepted: a grant for the conversation's media room (opened on first use). */
  'video:join': (payload: z.input<typeof ZVideoRefSchema>, ack: TAckFn<TVideoEntry>) => void;
  /** Either side: back to text (the room closes, both grants are revoked; the chat goes on). */
  'video:hang-up': (payload: z.input<typeof ZVideoRefSchema>, ack: TAckFn<null>) => void;
  /** Either side: this side's media failed; the video state becomes `failed`, both sides are told, the chat goes on. */
  'video:report-failure': (payload: z.input<typeof ZVideoFailureSchema>, ack: TAckFn<null>) => void;
  /** Anyone who may visit the booth: whether a presentation is live (and `presentation:updated` from now on). */
  'presentation:status': (payload: z.input<typeof ZPresentationRefSchema>, ack: TAckFn<TPresentationStatus>) => void;
  /** A representative present at the booth: start presenting (camera or screen); one presentation per booth. */
  'presentation:start': (payload: z.input<typeof ZPresentationStartSchema>, ack: TAckFn<TPresentationEntry>) => void;
  'presentation:stop': (payload: z.input<typeof ZPresentationRefSchema>, ack: TAckFn<null>) => void;
  /** A graduate registered for the fair: a listen-only grant; refused when the presentation is full. */
  'presentation:watch': (payload: z.input<typeof ZPresentationRefSchema>, ack: TAckFn<TPresentationEntry>) => void;
  'presentation:leave': (payload: z.input<typeof ZPresentationRefSchema>, ack: TAckFn<null>) => void;
  /** The booth's representatives: who is watching. */
  'presentation:viewers': (payload: z.input<typeof ZPresentationRefSchema>, ack: TAckFn<TPresentationViewer[]>) => void;
  /** The booth's representatives: remove a viewer (their grant is revoked and their media stops now; they cannot come back). */
  'presentation:remove-viewer': (payload: z.input<typeof ZPresentationRemoveViewerSchema>, ack: TAckFn<null>) => void;
  'room-media:join': (payload: z.input<typeof ZRoomMediaJoinSchema>, ack: TAckFn<TMediaJoined>) => void;
  'room-media:publish': (payload: z.input<typeof ZRoomMediaPublishSchema>, ack: TAckFn<TMediaAnswerResult>) => void;
  'room-media:subscribe': (payload: z.input<typeof ZRoomMediaSubscribeSchema>, ack: TAckFn<TMediaOffer>) => void;
  'room-media:answer': (payload: z.input<typeof ZRoomMediaAnswerSchema>, ack: TAckFn<null>) => void;
  'room-media:unsubscribe': (payload: z.input<typeof ZRoomMediaSubscriptionRefSchema>, ack: TAckFn<null>) => void;
  'room-media:trickle': (payload: z.input<typeof ZRoomMediaTrickleSchema>, ack: TAckFn<null>) => void;
  'room-media:leave': (payload: z.input<typeof ZRoomMediaLeaveSchema>, ack: TAckFn<null>) => void;
}

export interface BoothVideoServerToClientEvents {
  /** To everyone following the booth (`presentation:status`): the presentation started, stopped or its audience changed. */
  'presentation:updated': (payload: TPresentationStatus) => void;
  /** To the presenter: who is watching changed. */
  'presentation:viewers-changed': (payload: { boothId: string; viewers: TPresentationViewer[] }) => void;
  'room-media:publisher-added': (payload: { roomId: string; peerId: string }) => void;
  'room-media:publisher-removed': (payload: { roomId: string; peerId: string }) => void;
  /** This socket's media in the room is over: close the connections. */
  'room-media:closed': (payload: TRoomMediaClosed) => void;
}

/** Names of every booth-video request event. */
export const BOOTH_VIDEO_CLIENT_EVENTS = [
  'video:join', 'video:hang-up', 'video:report-failure',
  'presentation:status', 'presentation:start', 'presentation:stop', 'presentation:watch', 'presentation:leave', 'presentation:viewers', 'presentation:remove-viewer',
  'room-media:join', 'room-media:publish', 'room-media:subscribe', 'room-media:answer', 'room-media:unsubscribe', 'room-media:trickle', 'room-media:leave',
] as const satisfies readonly (keyof BoothVideoClientToServerEvents)[];

/** Each request event's payload schema. */
export const BOOTH_VIDEO_EVENT_SCHEMAS = {
  'video:join': ZVideoRefSchema,
  'video:hang-up': ZVideoRefSchema,
  'video:report-failure': ZVideoFailureSchema,
  'presentation:status': ZPresentationRefSchema,
  'presentation:start': ZPresentationStartSchema,
  'presentation:stop': ZPresentationRefSchema,
  'presentation:watch': ZPresentationRefSchema,
  'presentation:leave': ZPresentationRefSchema,
  'presentation:viewers': ZPresentationRefSchema,
  'presentation:remove-viewer': ZPresentationRemoveViewerSchema,
  'room-media:join': ZRoomMediaJoinSchema,
  'room-media:publish': ZRoomMediaPublishSchema,
  'room-media:subscribe': ZRoomMediaSubscribeSchema,
  'room-media:answer': ZRoomMediaAnswerSchema,
  'room-media:unsubscribe': ZRoomMediaSubscriptionRefSchema,
  'room-media:trickle': ZRoomMediaTrickleSchema,
  'room-media:leave': ZRoomMediaLeaveSchema,
} as const satisfies { [E in keyof BoothVideoClientToServerEvents]: z.ZodType };
