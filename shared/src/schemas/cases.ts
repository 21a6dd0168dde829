import { z } from 'zod';
import { ZIdSchema, ZPageQuerySchema } from './common.js';
import { ZEmploymentStatusSchema } from './graduates.js';

// ---- settings: checklist items and note templates ----

export const ZChecklistItemSchema = z.object({
  id: ZIdSchema,
  /** Seeded items only (contacted, intention_recorded, service_offered, placed, placement_verified). */
  key: z.string().nullable(),
  labelZh: z.string(),
  labelEn: z.string(),
  position: z.number().int(),
  isRetired: z.boolean(),
});
export type TChecklistItem = z.infer<typeof ZChecklistItemSchema>;

export const ZCreateChecklistItemSchema = z.strictObject({
  labelZh: z.string().trim().min(1).max(64),
  labelEn: z.string().trim().min(1).max(64),
});
export type TCreateChecklistItem = z.infer<typeof ZCreateChecklistItemSchema>;

export const ZUpdateChecklistItemSchema = z.strictObject({
  labelZh: z.string().trim().min(1).max(64).optional(),
  labelEn: z.string().trim().min(1).max(64).optional(),
  /** A retired item stops counting on every file; its crossings stay in the history. */
  isRetired: z.boolean().optional(),
});
export type TUpdateChecklistItem = z.infer<typeof ZUpdateChecklistItemSchema>;

/** The full new order: every item's id once. */
export const ZReorderSchema = z.strictObject({ ids: z.array(ZIdSchema).min(1).max(100) });
export type TReorder = z.infer<typeof ZReorderSchema>;

export const ZNoteTemplateSchema = z.object({
  id: ZIdSchema,
  title: z.string(),
  body: z.string(),
  /** A note from this template counts as contact with the graduate. */
  isContact: z.boolean(),
  position: z.number().int(),
  isRetired: z.boolean(),
});
export type TNoteTemplate = z.infer<typeof ZNoteTemplateSchema>;

export const ZCreateNoteTemplateSchema = z.strictObject({
  title: z.string().trim().min(1).max(32),
  body: z.string().max(2000).default(''),
  isContact: z.boolean().default(false),
});
export type TCreateNoteTemplate = z.infer<typeof ZCreateNoteTemplateSchema>;

export const ZUpdateNoteTemplateSchema = z.strictObject({
  title: z.string().trim().min(1).max(32).optional(),
  body: z.string().max(2000).optional(),
  isContact: z.boolean().optional(),
  isRetired: z.boolean().optional(),
});
export type TUpdateNoteTemplate = z.infer<typeof ZUpdateNoteTemplateSchema>;

// ---- the case file ----

export const ZChecklistEntrySchema = z.object({
  item: ZChecklistItemSchema,
  isCrossed: z.boolean(),
  crossedAt: z.iso.datetime().nullable(),
  crossedBy: z.string().nullable(),
  note: z.string().nullable(),
  isAutomatic: z.boolean(),
  /** What crossed it automatically, e.g. `note:<id>`, `conversation:<id>`, `service:<id>`. */
  source: z.string().nullable(),
});
export type TChecklistEntry = z.infer<typeof ZChecklistEntrySchema>;

export const ZChecklistEventSchema = z.object({
  id: ZIdSchema,
  itemId: ZIdSchema,
  itemLabelZh: z.string(),
  itemLabelEn: z.string(),
  action: z.enum(['crossed', 'undone']),
  actorName: z.string().nullable(),
  /** The note when crossed, the reason when undone. */
  note: z.string().nullable(),
  isAutomatic: z.boolean(),
  source: z.string().nullable(),
  at: z.iso.datetime(),
});
export type TChecklistEvent = z.infer<typeof ZChecklistEventSchema>;

export const ZCaseFileSchema = z.object({
  graduate: z.object({
    id: ZIdSchema,
    name: z.string(),
    phone: z.string().nullable(),
    school: z.string().nullable(),
    major: z.string().nullable(),
    hukouTownId: ZIdSchema.nullable(),
    townName: z.string().nullable(),
    jobIntention: z.string().nullable(),
    employmentStatus: ZEmploymentStatusSchema,
    /** Present only for roles allowed to see hardship. */
    isHardship: z.boolean().optional(),
    lastContactAt: z.iso.datetime().nullable(),
  }),
  checklist: z.array(ZChecklistEntrySchema),
  /** Crossed items out of the items in use (retired items do not count). */
  progress: z.object({ crossed: z.number().int(), total: z.number().int() }),
  /** Who crossed and undid what; office staff only (a graduate sees their progress only). */
  history: z.array(ZChecklistEventSchema).optional(),
  /** Whether the reader may cross items, write notes and record services. */
  canEdit: z.boolean(),
});
export type TCaseFile = z.infer<typeof ZCaseFileSchema>;

export const ZCrossItemSchema = z.strictObject({ note: z.string().trim().max(500).optional() });
export type TCrossItem = z.infer<typeof ZCrossItemSchema>;
export const ZUndoItemSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export type TUndoItem = z.infer<typeof ZUndoItemSchema>;
export const ZCaseItemParamsSchema = z.strictObject({ id: ZIdSchema, itemId: ZIdSchema });

export const ZCreateCaseNoteSchema = z.strictObject({
  templateId: ZIdSchema.optional(),
  /** The template's text as the caseworker edited it. */
  body: z.string().trim().min(1).max(4000),
});
export type TCreateCaseNote = z.infer<typeof ZCreateCaseNoteSchema>;

export const SERVICE_TYPES = ['job_introduction', 'career_guidance', 'vocational_training', 'internship', 'startup_coaching'] as const;
export const ZServiceTypeSchema = z.enum(SERVICE_TYPES);
export type TServiceType = z.infer<typeof ZServiceTypeSchema>;
const ZDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const ZCreateServiceSchema = z.strictObject({
  type: ZServiceTypeSchema,
  date: ZDateSchema,
  /** Who gave it (a training school, an employer); the recording caseworker is kept as well. */
  provider: z.string().trim().max(128).optional(),
  /** A job introduced (job_introduction), e.g. from the recommended jobs. */
  jobId: ZIdSchema.optional(),
  note: z.string().trim().max(2000).default(''),
  outcome: z.string().trim().max(500).default(''),
});
export type TCreateService = z.infer<typeof ZCreateServiceSchema>;

export const ZServiceRecordSchema = z.object({
  id: ZIdSchema,
  graduateId: ZIdSchema,
  type: ZServiceTypeSchema,
  date: z.string(),
  provider: z.string().nullable(),
  caseworkerName: z.string().nullable(),
  jobId: ZIdSchema.nullable(),
  jobTitle: z.string().nullable(),
  note: z.string(),
  outcome: z.string(),
});
export type TServiceRecord = z.infer<typeof ZServiceRecordSchema>;

export const CASE_ACTIVITY_KINDS = [
  'fair_registered',
  'conversation_ended',
  'interview_booked',
  'interview_outcome',
  'offer_sent',
  'offer_signed',
  'offer_completed',
  'followup_confirmed',
  'followup_mismatch',
] as const;
export const ZCaseActivityKindSchema = z.enum(CASE_ACTIVITY_KINDS);
export type TCaseActivityKind = z.infer<typeof ZCaseActivityKindSchema>;

/** One line of the case file's timeline: a note, automatic fair activity, a service or a checklist change. */
export const ZTimelineEntrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('note'), id: ZIdSchema, at: z.iso.datetime(), title: z.string(), body: z.string(), isContact: z.boolean(), authorName: z.string().nullable() }),
  z.object({ type: z.literal('activity'), id: ZIdSchema, at: z.iso.datetime(), kind: ZCaseActivityKindSchema, refId: z.string(), summary: z.string() }),
  z.object({ type: z.literal('service'), id: ZIdSchema, at: z.iso.datetime(), service: ZServiceRecordSchema }),
  z.object({ type: z.literal('checklist'), id: ZIdSchema, at: z.iso.datetime(), event: ZChecklistEventSchema }),
]);
export type TTimelineEntry = z.infer<typeof ZTimelineEntrySchema>;
export const ZTimelineSchema = z.object({ items: z.array(ZTimelineEntrySchema) });

// ---- caseload, no-service list, workload ----

export const ZCaseloadQuerySchema = ZPageQuerySchema.extend({
  townId: ZIdSchema.optional(),
  employmentStatus: ZEmploymentStatusSchema.optional(),
  /** No contact (contact note, booth conversation, service, "contacted" crossed by hand) in the last 14 days, by the platform clock. */
  noContact: z.enum(['14d']).optional(),
  /** Priority groups: registered locally (a hukou town in the district), or hardship (authorised staff only). */
  priority: z.enum(['local', 'hardship']).optional(),
  q: z.string().trim().max(64).optional(),
});
export type TCaseloadQuery = z.infer<typeof ZCaseloadQuerySchema>;

export const ZCaseloadItemSchema = z.object({
  id: ZIdSchema,
  name: z.string(),
  phone: z.string().nullable(),
  school: z.string().nullable(),
  townId: ZIdSchema.nullable(),
  townName: z.string().nullable(),
  employmentStatus: ZEmploymentStatusSchema,
  isHardship: z.boolean().optional(),
  lastContactAt: z.iso.datetime().nullable(),
  crossed: z.number().int(),
  total: z.number().int(),
  services: z.number().int(),
});
export type TCaseloadItem = z.infer<typeof ZCaseloadItemSchema>;

export const ZNoServiceQuerySchema = ZPageQuerySchema.extend({
  townId: ZIdSchema.optional(),
});
export type TNoServiceQuery = z.infer<typeof ZNoServiceQuerySchema>;

export const ZWorkloadRowSchema = z.object({
  caseworkerId: ZIdSchema,
  name: z.string(),
  townNames: z.array(z.string()),
  caseload: z.number().int(),
  servicesThisWeek: z.number().int(),
  servicesThisMonth: z.number().int(),
  notesThisMonth: z.number().int(),
  itemsCrossedThisMonth: z.number().int(),
  /** Unemployed graduates of their towns with no contact in the last 14 days. */
  noContact14d: z.number().int(),
});
export type TWorkloadRow = z.infer<typeof ZWorkloadRowSchema>;
export const ZWorkloadSchema = z.object({
  /** Monday of this week and the first of this month (Asia/Shanghai), by the platform clock. */
  weekStart: z.string(),
  monthStart: z.string(),
  items: z.array(ZWorkloadRowSchema),
});
export type TWorkload = z.infer<typeof ZWorkloadSchema>;

export const ZNoServiceItemSchema = z.object({
  id: ZIdSchema,
  name: z.string(),
  phone: z.string().nullable(),
  school: z.string().nullable(),
  major: z.string().nullable(),
  townId: ZIdSchema.nullable(),
  townName: z.string().nullable(),
  jobIntention: z.string().nullable(),
  trainingNeeds: z.string().nullable(),
  lastContactAt: z.iso.datetime().nullable(),
});
export type TNoServiceItem = z.infer<typeof ZNoServiceItemSchema>;
