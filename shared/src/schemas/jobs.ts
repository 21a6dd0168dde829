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
