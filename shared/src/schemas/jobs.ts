import { z } from 'zod';
import { ZIdSchema } from './common.js';
import { ZDegreeSchema } from './graduates.js';

export const JOB_STATUSES = ['draft', 'review', 'published', 'closed'] as const;
export const ZJobStatusSchema = z.enum(JOB_STATUSES);
export type TJobStatus = z.infer<typeof ZJobStatusSchema>;

/**
 * What screening scores against. Skills are free text; the scorer maps them to canonical names
 * (shared/src/screening/skills.ts). `degree` is the minimum degree; `majors` any of which fits.
 */
export const ZJobRequirementsSchema = z.object({
  skills: z.array(z.string().trim().min(1).max(60)).max(30),
  preferredSkills: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
  degree: ZDegreeSchema.nullable(),
  majors: z.array(z.string().trim().min(1).max(60)).max(20),
  languages: z.array(z.string().trim().min(1).max(40)).max(5).default([]),
});
export type TJobRequirements = z.infer<typeof ZJobRequirementsSchema>;

const JOB_FIELDS = {
  title: z.string().trim().min(2).max(100),
  description: z.string().trim().max(8000),
  requirements: ZJobRequirementsSchema,
  townId: ZIdSchema,
  /** Monthly salary in yuan. */
  salaryMin: z.number().int().min(0).max(1_000_000),
  salaryMax: z.number().int().min(0).max(1_000_000),
  headcount: z.number().int().min(1).max(10_000),
  /** Last day to apply, a date in Asia/Shanghai. */
  deadline: z.iso.date(),
};

const salaryOrder = (j: { salaryMin?: number | undefined; salaryMax?: number | undefined }) =>
  j.salaryMin === undefined || j.salaryMax === undefined || j.salaryMax >= j.salaryMin;

export const ZCreateJobSchema = z
  .strictObject({ ...JOB_FIELDS, description: JOB_FIELDS.description.default('') })
  .refine(salaryOrder, { message: 'salaryMax must not be below salaryMin', path: ['salaryMax'] });
export type TCreateJob = z.infer<typeof ZCreateJobSchema>;

/** Only the fields sent change. A change of requirements re-screens every open application. */
export const ZUpdateJobSchema = z.strictObject(JOB_FIELDS).partial().refine(salaryOrder, { message: 'salaryMax must not be below salaryMin', path: ['salaryMax'] });
export type TUpdateJob = z.infer<typeof ZUpdateJobSchema>;

/**
 * Employers submit (a verified employer's job is published at once, an unverified one's goes to review)
 * and close; organisers approve or send back with a note.
 */
export const ZJobActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('submit') }),
  z.strictObject({ action: z.literal('close') }),
  z.strictObject({ action: z.literal('approve') }),
  z.strictObject({ action: z.literal('return'), note: z.string().trim().min(2).max(1000) }),
]);
export type TJobAction = z.infer<typeof ZJobActionSchema>;

export const ZJobSchema = z.object({
  id: ZIdSchema,
  organisationId: ZIdSchema,
  organisationName: z.string(),
  employerVerified: z.boolean(),
  industry: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  requirements: ZJobRequirementsSchema,
  requirementsVersion: z.number().int(),
  townId: ZIdSchema,
  townName: z.string(),
  salaryMin: z.number().int(),
  salaryMax: z.number().int(),
  headcount: z.number().int(),
  deadline: z.iso.date(),
  status: ZJobStatusSchema,
  reviewNote: z.string().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Open applications; present for the employer's staff and organisers. */
  applicationCount: z.number().int().optional(),
});
export type TJob = z.infer<typeof ZJobSchema>;

export const ZJobSearchQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  /** Words in Chinese or English, matched against title, description, skills and employer. */
  q: z.string().trim().max(100).optional(),
  townId: ZIdSchema.optional(),
  regionId: ZIdSchema.optional(),
  degree: ZDegreeSchema.optional(),
  industry: z.string().trim().max(60).optional(),
  salaryMin: z.coerce.number().int().min(0).optional(),
  /** Staff only: list jobs in any status (e.g. 'review' for the review queue). Others see published jobs. */
  status: ZJobStatusSchema.optional(),
  /** 'mine': the jobs of the caller's own employer, in every status. */
  scope: z.enum(['public', 'mine']).default('public'),
});
export type TJobSearchQuery = z.infer<typeof ZJobSearchQuerySchema>;
