import { z } from 'zod';
import { ZIdSchema } from './common.js';

export const FAIR_LEVELS = ['district', 'region', 'town'] as const;
export const FAIR_STATUSES = ['draft', 'published', 'live', 'ended'] as const;
export const BOOTH_STATUSES = ['applied', 'approved', 'rejected'] as const;
/** Priority lanes an organiser may switch on per fair; graduates in a lane are called first. */
export const PRIORITY_LANES = ['local_hukou', 'low_income'] as const;

export const ZFairLevelSchema = z.enum(FAIR_LEVELS);
export const ZFairStatusSchema = z.enum(FAIR_STATUSES);
export const ZBoothStatusSchema = z.enum(BOOTH_STATUSES);
export const ZPriorityLaneSchema = z.enum(PRIORITY_LANES);
export type TFairLevel = z.infer<typeof ZFairLevelSchema>;
export type TFairStatus = z.infer<typeof ZFairStatusSchema>;
export type TPriorityLane = z.infer<typeof ZPriorityLaneSchema>;

/** Co-hosts: any set of towns (the development zone is a town) and regions. */
export const ZFairHostsSchema = z.strictObject({
  townIds: z.array(ZIdSchema).max(50).default([]),
  regionIds: z.array(ZIdSchema).max(5).default([]),
});

/** The fields of a fair without creation defaults, so a partial update never resets what it leaves out. */
const FAIR_FIELDS = {
  title: z.string().trim().min(2).max(120),
  description: z.string().trim().max(4000),
  level: ZFairLevelSchema,
  hosts: ZFairHostsSchema,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  /** Most graduates who may register. */
  capacity: z.number().int().min(1).max(100_000),
  priorityLanes: z.array(ZPriorityLaneSchema).max(2),
  /** Seconds a called graduate has to accept before the call passes on. */
  callTimeoutSeconds: z.number().int().min(10).max(600),
};

const ZFairFieldsSchema = z.strictObject({
  ...FAIR_FIELDS,
  description: FAIR_FIELDS.description.default(''),
  priorityLanes: FAIR_FIELDS.priorityLanes.default([]),
  callTimeoutSeconds: FAIR_FIELDS.callTimeoutSeconds.default(60),
});

export const ZCreateFairSchema = ZFairFieldsSchema.refine((f) => Date.parse(f.endsAt) > Date.parse(f.startsAt), {
  message: 'endsAt must be after startsAt',
  path: ['endsAt'],
});
export type TCreateFair = z.infer<typeof ZCreateFairSchema>;

/** Only the fields sent change; `hosts`, when sent, replaces the whole set. */
export const ZUpdateFairSchema = z.strictObject(FAIR_FIELDS).partial();
export type TUpdateFair = z.infer<typeof ZUpdateFairSchema>;

export const ZFairStatusChangeSchema = z.strictObject({ status: ZFairStatusSchema });

export const ZFairSchema = z.object({
  id: ZIdSchema,
  title: z.string(),
  description: z.string(),
  level: ZFairLevelSchema,
  status: ZFairStatusSchema,
  hosts: z.object({ townIds: z.array(ZIdSchema), regionIds: z.array(ZIdSchema) }),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  capacity: z.number().int(),
  registeredCount: z.number().int(),
  boothCount: z.number().int(),
  priorityLanes: z.array(ZPriorityLaneSchema),
  callTimeoutSeconds: z.number().int(),
  /** Whether the caller is registered (graduates only; false for others). */
  isRegistered: z.boolean(),
  industries: z.array(z.string()),
  createdAt: z.iso.datetime(),
});
export type TFair = z.infer<typeof ZFairSchema>;

export const ZFairListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  level: ZFairLevelSchema.optional(),
  regionId: ZIdSchema.optional(),
  townId: ZIdSchema.optional(),
  status: ZFairStatusSchema.optional(),
  /** Fairs that overlap [from, to]. */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  industry: z.string().trim().max(64).optional(),
});
export type TFairListQuery = z.infer<typeof ZFairListQuerySchema>;

export const ZBoothJobSchema = z.strictObject({
  title: z.string().trim().min(1).max(80),
  headcount: z.number().int().min(1).max(10_000).optional(),
  salary: z.string().trim().max(40).optional(),
});

/** The fields of a booth without application defaults (see FAIR_FIELDS). */
const BOOTH_FIELDS = {
  profile: z.string().trim().max(4000),
  jobs: z.array(ZBoothJobSchema).max(50),
  /** K: conversations one recruiter may hold at once. */
  maxConcurrentChats: z.number().int().min(1).max(10),
  /** Minutes before both sides are warned; never a hard cut. */
  softLimitMinutes: z.number().int().min(1).max(120),
};

export const ZApplyBoothSchema = z.strictObject({
  profile: BOOTH_FIELDS.profile.default(''),
  jobs: BOOTH_FIELDS.jobs.default([]),
  maxConcurrentChats: BOOTH_FIELDS.maxConcurrentChats.default(3),
  softLimitMinutes: BOOTH_FIELDS.softLimitMinutes.default(10),
});
export type TApplyBooth = z.infer<typeof ZApplyBoothSchema>;
export const ZUpdateBoothSchema = z.strictObject(BOOTH_FIELDS).partial();
export type TUpdateBooth = z.infer<typeof ZUpdateBoothSchema>;

export const ZReviewBoothSchema = z.strictObject({ decision: z.enum(['approved', 'rejected']), reason: z.string().trim().max(500).optional() });

export const ZRotaSlotSchema = z.strictObject({
  userId: ZIdSchema,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
});
export const ZSetRepresentativesSchema = z.strictObject({ userIds: z.array(ZIdSchema).min(1).max(20) });
export const ZSetRotaSchema = z.strictObject({ slots: z.array(ZRotaSlotSchema).max(200) });

export const ZRepresentativeSchema = z.object({ userId: ZIdSchema, name: z.string() });

export const ZBoothSchema = z.object({
  id: ZIdSchema,
  fairId: ZIdSchema,
  organisationId: ZIdSchema,
  organisationName: z.string(),
  industry: z.string().nullable(),
  townId: ZIdSchema,
  status: ZBoothStatusSchema,
  profile: z.string(),
  jobs: z.array(z.object({ title: z.string(), headcount: z.number().int().optional(), salary: z.string().optional() })),
  maxConcurrentChats: z.number().int(),
  softLimitMinutes: z.number().int(),
  representatives: z.array(ZRepresentativeSchema),
  rota: z.array(z.object({ userId: ZIdSchema, startsAt: z.iso.datetime(), endsAt: z.iso.datetime() })),
  /** Someone is on the rota right now. */
  isOnDuty: z.boolean(),
  reviewReason: z.string().nullable(),
});
export type TBooth = z.infer<typeof ZBoothSchema>;

/** A message left at a booth (e.g. when nobody is on duty), answered later from the employer's inbox. */
export const ZLeaveBoothMessageSchema = z.strictObject({ body: z.string().trim().min(1).max(2000) });
export const ZReplyBoothMessageSchema = z.strictObject({ reply: z.string().trim().min(1).max(2000) });
export const ZBoothMessageSchema = z.object({
  id: ZIdSchema,
  boothId: ZIdSchema,
  fairId: ZIdSchema,
  organisationId: ZIdSchema,
  graduateId: ZIdSchema,
  graduateName: z.string(),
  body: z.string(),
  reply: z.string().nullable(),
  repliedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type TBoothMessage = z.infer<typeof ZBoothMessageSchema>;

export const ZConversationStatusSchema = z.enum(['active', 'ended']);
/** failed: the media room failed (the chat goes on); ended: someone hung up (back to text). */
export const ZVideoStateSchema = z.enum(['none', 'invited', 'accepted', 'declined', 'failed', 'ended']);

export const ZConversationSchema = z.object({
  id: ZIdSchema,
  fairId: ZIdSchema,
  boothId: ZIdSchema,
  organisationName: z.string(),
  graduateId: ZIdSchema,
  graduateName: z.string(),
  recruiterId: ZIdSchema,
  recruiterName: z.string(),
  status: ZConversationStatusSchema,
  videoState: ZVideoStateSchema,
  startedAt: z.iso.datetime(),
  softLimitAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
});
export type TConversation = z.infer<typeof ZConversationSchema>;

export const ZChatMessageSchema = z.object({
  id: ZIdSchema,
  conversationId: ZIdSchema,
  senderId: ZIdSchema,
  body: z.string(),
  sentAt: z.iso.datetime(),
});
export type TChatMessage = z.infer<typeof ZChatMessageSchema>;

export const ZConversationOutcomeSchema = z.strictObject({
  notes: z.string().trim().max(4000).optional(),
  /** 1 (poor fit) to 5 (excellent). */
  rating: z.number().int().min(1).max(5).optional(),
});

/** One booth in the live lobby: real figures, never capped or invented. */
export const ZLobbyBoothSchema = z.object({
  boothId: ZIdSchema,
  organisationName: z.string(),
  industry: z.string().nullable(),
  jobTitles: z.array(z.string()),
  waiting: z.number().int(),
  inConversation: z.number().int(),
  /** Estimate for someone joining now, from recent service times; null until the booth has any. */
  estimatedWaitSeconds: z.number().int().nullable(),
  isOnDuty: z.boolean(),
});
export type TLobbyBooth = z.infer<typeof ZLobbyBoothSchema>;

export const ZFairLiveBoothSchema = ZLobbyBoothSchema.extend({
  conversationsTotal: z.number().int(),
  representativesOnline: z.number().int(),
});
export const ZFairLiveSchema = z.object({
  fairId: ZIdSchema,
  visitorsOnline: z.number().int(),
  registered: z.number().int(),
  booths: z.array(ZFairLiveBoothSchema),
});
export type TFairLive = z.infer<typeof ZFairLiveSchema>;

/** An employer's 24365 inbox: newest first; `unanswered=true` keeps only messages still waiting for a reply. */
export const ZBoothInboxQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  unanswered: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  fairId: ZIdSchema.optional(),
});
export type TBoothInboxQuery = z.infer<typeof ZBoothInboxQuerySchema>;

/** A message as its graduate sees it, with the employer it was left for. */
export const ZSentBoothMessageSchema = ZBoothMessageSchema.extend({ organisationName: z.string() });
export type TSentBoothMessage = z.infer<typeof ZSentBoothMessageSchema>;

export type TFairHosts = z.infer<typeof ZFairHostsSchema>;
export type TReviewBooth = z.infer<typeof ZReviewBoothSchema>;
export type TSetRepresentatives = z.infer<typeof ZSetRepresentativesSchema>;
export type TSetRota = z.infer<typeof ZSetRotaSchema>;
export type TLeaveBoothMessage = z.infer<typeof ZLeaveBoothMessageSchema>;
export type TReplyBoothMessage = z.infer<typeof ZReplyBoothMessageSchema>;
export type TFairStatusChange = z.infer<typeof ZFairStatusChangeSchema>;
