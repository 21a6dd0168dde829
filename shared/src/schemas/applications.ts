import { z } from 'zod';
import { ZIdSchema } from './common.js';
import { ZParsedResumeSchema } from './resumes.js';
import { ZScreeningResultSchema } from './screening.js';

export const APPLICATION_STATUSES = ['new', 'screened', 'interview', 'offer', 'hired', 'rejected', 'withdrawn'] as const;
export const ZApplicationStatusSchema = z.enum(APPLICATION_STATUSES);
export type TApplicationStatus = z.infer<typeof ZApplicationStatusSchema>;

/** Statuses a recruiter moves an application to; 'withdrawn' is the graduate's alone. */
export const PIPELINE_STATUSES = ['new', 'screened', 'interview', 'offer', 'hired', 'rejected'] as const;
export const ZPipelineStatusSchema = z.enum(PIPELINE_STATUSES);
export type TPipelineStatus = z.infer<typeof ZPipelineStatusSchema>;

export const ZApplySchema = z.strictObject({
  /** Which of the graduate's resumes to send; the newest parsed one when left out. */
  resumeId: ZIdSchema.optional(),
  coverNote: z.string().trim().max(2000).default(''),
});
export type TApply = z.infer<typeof ZApplySchema>;

export const ZMoveApplicationSchema = z.strictObject({
  status: ZPipelineStatusSchema,
  note: z.string().trim().max(1000).default(''),
});
export type TMoveApplication = z.infer<typeof ZMoveApplicationSchema>;

export const ZBulkMoveApplicationsSchema = z.strictObject({
  ids: z.array(ZIdSchema).min(1).max(500),
  status: ZPipelineStatusSchema,
  note: z.string().trim().max(1000).default(''),
});
export type TBulkMoveApplications = z.infer<typeof ZBulkMoveApplicationsSchema>;

export const ZBulkMoveResultSchema = z.object({
  moved: z.array(ZIdSchema),
  /** Applications not moved, each with why (not found, withdrawn, already there). */
  skipped: z.array(z.object({ id: ZIdSchema, reason: z.string() })),
});

/** The graduate asks a person to look at the application again (PIPL art. 24). */
export const ZRequestReviewSchema = z.strictObject({ reason: z.string().trim().min(2).max(1000) });

export const ZApplicationEventSchema = z.object({
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  note: z.string(),
  actorName: z.string().nullable(),
  at: z.iso.datetime(),
});

export const ZApplicationScreeningSchema = ZScreeningResultSchema.extend({
  requirementsVersion: z.number().int(),
  /** False while a newer requirements version is being screened. */
  current: z.boolean(),
  screenedAt: z.iso.datetime(),
});

export const ZApplicationSchema = z.object({
  id: ZIdSchema,
  jobId: ZIdSchema,
  jobTitle: z.string(),
  organisationName: z.string(),
  graduateId: ZIdSchema,
  graduateName: z.string(),
  resumeId: ZIdSchema.nullable(),
  status: ZApplicationStatusSchema,
  coverNote: z.string(),
  /** Advisory score; shown to the employer, and to the graduate once they ask for the explanation. */
  screening: ZApplicationScreeningSchema.nullable(),
  /** 'waiting_resume' until a parsed resume is attached, 'queued' while the workers score it. */
  screeningState: z.enum(['waiting_resume', 'queued', 'done']),
  reviewRequestedAt: z.iso.datetime().nullable(),
  reviewRequestReason: z.string().nullable(),
  explanationRequestedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TApplication = z.infer<typeof ZApplicationSchema>;

/** One application with its history and the resume profile, for the recruiter's detail view. */
export const ZApplicationDetailSchema = ZApplicationSchema.extend({
  history: z.array(ZApplicationEventSchema),
  resume: ZParsedResumeSchema.nullable(),
});
export type TApplicationDetail = z.infer<typeof ZApplicationDetailSchema>;

export const ZApplicationListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  status: ZApplicationStatusSchema.optional(),
  sort: z.enum(['score', 'newest']).default('score'),
});
export type TApplicationListQuery = z.infer<typeof ZApplicationListQuerySchema>;

export const ZScreeningProgressSchema = z.object({
  requirementsVersion: z.number().int(),
  /** Open applications with a parsed resume. */
  total: z.number().int(),
  /** Of those, screened against the current requirements. */
  screened: z.number().int(),
  waitingResume: z.number().int(),
});
export type TScreeningProgress = z.infer<typeof ZScreeningProgressSchema>;

export const ZRecommendedJobSchema = z.object({
  jobId: ZIdSchema,
  title: z.string(),
  organisationName: z.string(),
  townName: z.string(),
  salaryMin: z.number().int(),
  salaryMax: z.number().int(),
  score: z.number(),
  /** 0 same town, 1 same region or the development zone ("1+5"), 2 elsewhere in the district. */
  distance: z.number().int(),
  criteria: ZScreeningResultSchema.shape.criteria,
});
export type TRecommendedJob = z.infer<typeof ZRecommendedJobSchema>;

export const ZRecommendedGraduateSchema = z.object({
  graduateId: ZIdSchema,
  name: z.string(),
  school: z.string().nullable(),
  major: z.string().nullable(),
  degree: z.string().nullable(),
  townName: z.string().nullable(),
  score: z.number(),
  criteria: ZScreeningResultSchema.shape.criteria,
  /** Whether this graduate has already applied to the job. */
  applied: z.boolean(),
});
export type TRecommendedGraduate = z.infer<typeof ZRecommendedGraduateSchema>;

export const ZQueueHealthSchema = z.object({
  queues: z.array(z.object({
    name: z.string(),
    waiting: z.number().int(),
    active: z.number().int(),
    delayed: z.number().int(),
    failed: z.number().int(),
    completed: z.number().int(),
    /** Jobs completed per minute, averaged over the last 5 minutes. */
    completedPerMinute: z.number(),
    failedPerMinute: z.number(),
  })),
  workersOnline: z.number().int(),
});
export type TQueueHealth = z.infer<typeof ZQueueHealthSchema>;
