import { z } from 'zod';
import { ZIdSchema } from '../schemas/common.js';
import {
  ZChatMessageSchema,
  ZConversationOutcomeSchema,
  ZConversationSchema,
  ZLobbyBoothSchema,
  type TChatMessage,
  type TConversation,
  type TLobbyBooth,
} from '../schemas/fairs.js';
import type { TErrorCode } from '../errors.js';

/** Every request is answered by one ack of this shape. */
export type TAck<T> = { ok: true; data: T } | { ok: false; error: { code: TErrorCode; message: string; details?: unknown } };
export type TAckFn<T> = (ack: TAck<T>) => void;

// ---- request payloads (client → server), one schema each ----

export const ZFairRefSchema = z.strictObject({ fairId: ZIdSchema });
export const ZBoothRefSchema = z.strictObject({ boothId: ZIdSchema });
export const ZCallRefSchema = z.strictObject({ callId: ZIdSchema });
export const ZConversationRefSchema = z.strictObject({ conversationId: ZIdSchema });
export const ZSendMessageSchema = z.strictObject({
  conversationId: ZIdSchema,
  body: z.string().trim().min(1).max(2000),
  /** Chosen by the sender; a resend with the same id stores nothing twice. */
  clientMessageId: ZIdSchema,
});
export const ZExtendConversationSchema = z.strictObject({ conversationId: ZIdSchema, minutes: z.number().int().min(1).max(30) });
export const ZEndConversationSchema = ZConversationOutcomeSchema.extend({ conversationId: ZIdSchema });
export const ZHandOffSchema = z.strictObject({ conversationId: ZIdSchema, toRecruiterId: ZIdSchema });
export const ZAnswerVideoSchema = z.strictObject({ conversationId: ZIdSchema, accept: z.boolean() });
export const ZEmptySchema = z.strictObject({});

// ---- response and notification payloads ----

/** One graduate's place at one booth. Position counts only those ahead who can be called now. */
export const ZQueuePlaceSchema = z.object({
  /** The graduate's own ticket at this booth; booth-wide updates list tickets, never names. */
  ticket: z.string(),
  boothId: ZIdSchema,
  fairId: ZIdSchema,
  organisationName: z.string(),
  position: z.number().int(),
  waitingTotal: z.number().int(),
  estimatedWaitSeconds: z.number().int().nullable(),
  /** Held: the graduate is in a call or conversation elsewhere; the place is kept. */
  isHeld: z.boolean(),
  /** The graduate already let one call lapse here; a second lapse gives up the place. */
  hasMissedOnce: z.boolean(),
  joinedAt: z.iso.datetime(),
  /** The booth snapshot version these figures come from: older snapshots do not change them. */
  version: z.number().int(),
});
export type TQueuePlace = z.infer<typeof ZQueuePlaceSchema>;

export const ZIncomingCallSchema = z.object({
  callId: ZIdSchema,
  boothId: ZIdSchema,
  fairId: ZIdSchema,
  organisationName: z.string(),
  recruiterName: z.string(),
  expiresAt: z.iso.datetime(),
});
export type TIncomingCall = z.infer<typeof ZIncomingCallSchema>;

/** Length of a queue ticket: 8 hex characters, random per place, meaningful only to its holder. */
export const TICKET_LENGTH = 8;

/**
 * A booth's queue as every waiting graduate sees it, packed small because it goes to everyone at
 * the booth on every change: `tickets` is the call order as fixed-width tickets run together, and
 * `held` has one character per ticket, '1' when its holder is busy elsewhere or being called.
 * Changes close together are sent as one snapshot.
 */
export const ZBoothQueueSnapshotSchema = z.object({
  boothId: ZIdSchema,
  fairId: ZIdSchema,
  /**
   * Grows with every change of the booth's queue. Snapshots may arrive out of order (two server
   * nodes send them); one with a lower version than already seen is older and must be ignored.
   */
  version: z.number().int(),
  tickets: z.string(),
  held: z.string(),
  /** Conversations the booth can hold at once (recruiters online × K, at least 1). */
  servers: z.number().int(),
  /** Mean of recent conversation lengths; null until the booth has served anyone. */
  averageServiceSeconds: z.number().int().nullable(),
});
export type TBoothQueueSnapshot = z.infer<typeof ZBoothQueueSnapshotSchema>;

export const ZMyQueuesSchema = z.object({
  places: z.array(ZQueuePlaceSchema),
  call: ZIncomingCallSchema.nullable(),
  conversationIds: z.array(ZIdSchema),
});
export type TMyQueues = z.infer<typeof ZMyQueuesSchema>;


/** What a recruiter sees of a waiting graduate. Never the hardship flag. */
export const ZCandidateSummarySchema = z.object({
  userId: ZIdSchema,
  name: z.string(),
  school: z.string().nullable(),
  major: z.string().nullable(),
  degree: z.string().nullable(),
  graduationYear: z.number().int().nullable(),
  jobIntention: z.string().nullable(),
});
export type TCandidateSummary = z.infer<typeof ZCandidateSummarySchema>;

export const ZStaffQueueEntrySchema = z.object({
  candidate: ZCandidateSummarySchema,
  joinedAt: z.iso.datetime(),
  isHeld: z.boolean(),
  isCalled: z.boolean(),
  hasMissedOnce: z.boolean(),
  /** Organisers switched on a priority lane and this graduate is in it (which lane is not said). */
  isPriority: z.boolean(),
});
export const ZStaffQueueSchema = z.object({
  boothId: ZIdSchema,
  /** Grows with every change of the booth's figures; an update with a lower one is older. */
  version: z.number().int(),
  entries: z.array(ZStaffQueueEntrySchema),
  activeConversations: z.array(ZConversationSchema),
  pendingCalls: z.array(z.object({ callId: ZIdSchema, recruiterId: ZIdSchema, candidate: ZCandidateSummarySchema, expiresAt: z.iso.datetime() })),
  averageServiceSeconds: z.number().int().nullable(),
});
export type TStaffQueue = z.infer<typeof ZStaffQueueSchema>;
/**
 * What `console:updated` carries: the staff queue without its conversations. Those change only
 * with conversation:started / conversation:updated, which the console applies itself.
 */
export const ZStaffQueueUpdateSchema = ZStaffQueueSchema.omit({ activeConversations: true });
export type TStaffQueueUpdate = z.infer<typeof ZStaffQueueUpdateSchema>;

export const ZCallPlacedSchema = z.object({
  callId: ZIdSchema,
  boothId: ZIdSchema,
  candidate: ZCandidateSummarySchema,
  expiresAt: z.iso.datetime(),
});
export type TCallPlaced = z.infer<typeof ZCallPlacedSchema>;

export const ZLobbySchema = z.object({ fairId: ZIdSchema, booths: z.array(ZLobbyBoothSchema) });
export type TLobby = z.infer<typeof ZLobbySchema>;

export const ZConversationDetailSchema = z.object({ conversation: ZConversationSchema, messages: z.array(ZChatMessageSchema) });
export type TConversationDetail = z.infer<typeof ZConversationDetailSchema>;

/** Typed events, declared once and used by the server and the clients. Requests carry an ack. */
export interface ClientToServerEvents {
  'lobby:enter': (payload: z.input<typeof ZFairRefSchema>, ack: TAckFn<TLobby>) => void;
  'lobby:leave': (payload: z.input<typeof ZFairRefSchema>, ack: TAckFn<null>) => void;
  'queue:join': (payload: z.input<typeof ZBoothRefSchema>, ack: TAckFn<TQueuePlace>) => void;
  'queue:leave': (payload: z.input<typeof ZBoothRefSchema>, ack: TAckFn<null>) => void;
  'queue:mine': (payload: z.input<typeof ZEmptySchema>, ack: TAckFn<TMyQueues>) => void;
  'console:open': (payload: z.input<typeof ZBoothRefSchema>, ack: TAckFn<TStaffQueue>) => void;
  'call:next': (payload: z.input<typeof ZBoothRefSchema>, ack: TAckFn<TCallPlaced | null>) => void;
  /** Pass over the called graduate (counts as their one lapse) and call the next. */
  'call:skip': (payload: z.input<typeof ZCallRefSchema>, ack: TAckFn<TCallPlaced | null>) => void;
  /** Put the called graduate back in their place, without penalty. */
  'call:return': (payload: z.input<typeof ZCallRefSchema>, ack: TAckFn<null>) => void;
  'call:accept': (payload: z.input<typeof ZCallRefSchema>, ack: TAckFn<TConversation>) => void;
  'call:decline': (payload: z.input<typeof ZCallRefSchema>, ack: TAckFn<null>) => void;
  'conversation:open': (payload: z.input<typeof ZConversationRefSchema>, ack: TAckFn<TConversationDetail>) => void;
  'conversation:send': (payload: z.input<typeof ZSendMessageSchema>, ack: TAckFn<TChatMessage>) => void;
  'conversation:extend': (payload: z.input<typeof ZExtendConversationSchema>, ack: TAckFn<TConversation>) => void;
  'conversation:end': (payload: z.input<typeof ZEndConversationSchema>, ack: TAckFn<TConversation>) => void;
  'conversation:hand-off': (payload: z.input<typeof ZHandOffSchema>, ack: TAckFn<TConversation>) => void;
  'conversation:invite-video': (payload: z.input<typeof ZConversationRefSchema>, ack: TAckFn<TConversation>) => void;
  'conversation:answer-video': (payload: z.input<typeof ZAnswerVideoSchema>, ack: TAckFn<TConversation>) => void;
}

export interface ServerToClientEvents {
  /** To everyone watching a fair's lobby: one booth's figures changed. */
  'lobby:booth-updated': (booth: TLobbyBooth & { fairId: string }) => void;
  /** To everyone queued at (or watching) a booth: the order changed. Positions follow from it. */
  'queue:booth-updated': (snapshot: TBoothQueueSnapshot) => void;
  /** To one graduate: a place was given up (declined, lapsed twice, or the fair ended). */
  'queue:place-removed': (payload: { boothId: string; reason: 'declined' | 'lapsed' | 'left' | 'served' | 'closed' }) => void;
  /** To a booth's staff: the queue changed (at most a few times a second per booth). */
  'console:updated': (queue: TStaffQueueUpdate) => void;
  'call:incoming': (call: TIncomingCall) => void;
  /** To both sides: a call lapsed, was skipped or declined. */
  'call:cancelled': (payload: { callId: string; reason: 'expired' | 'skipped' | 'declined' | 'returned'; placeKept: boolean }) => void;
  'conversation:started': (conversation: TConversation) => void;
  'conversation:updated': (conversation: TConversation) => void;
  'conversation:message': (message: TChatMessage) => void;
  /** The soft limit is reached: a warning only, the chat goes on until someone ends it. */
  'conversation:time-warning': (payload: { conversationId: string; softLimitAt: string }) => void;
}

export interface SocketData {
  userId: string;
}

// ---- between server nodes ----

/**
 * Booths changed on one node, with the channels to re-broadcast ('q' queue, 's' staff console,
 * 'l' lobby card): every other node broadcasts them to its own sockets.
 */
export const ZBoothChangesSchema = z.array(z.tuple([ZIdSchema, z.string().regex(/^[qsl]{1,3}$/)])).max(10_000);
export type TBoothChanges = z.infer<typeof ZBoothChangesSchema>;

export interface InterNodeEvents {
  'live:booths-changed': (changes: TBoothChanges) => void;
}

/** Names of every request event, for per-event validation and rate limiting. */
export const CLIENT_EVENTS = [
  'lobby:enter', 'lobby:leave', 'queue:join', 'queue:leave', 'queue:mine', 'console:open', 'call:next', 'call:skip',
  'call:accept', 'call:decline', 'conversation:open', 'conversation:send', 'conversation:extend', 'conversation:end',
  'call:return', 'conversation:hand-off', 'conversation:invite-video', 'conversation:answer-video',
] as const satisfies readonly (keyof ClientToServerEvents)[];

