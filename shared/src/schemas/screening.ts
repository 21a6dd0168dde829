import { z } from 'zod';
import { ZDegreeSchema } from './graduates.js';

/** The criteria screening scores on. Nothing else is an input: see ZScreeningCandidateSchema. */
export const SCREENING_CRITERIA = ['skills', 'degree', 'major', 'experience', 'languages'] as const;
export const ZScreeningCriterionKeySchema = z.enum(SCREENING_CRITERIA);
export type TScreeningCriterionKey = z.infer<typeof ZScreeningCriterionKeySchema>;

/** One criterion's part of the score, with the evidence a person can check. */
export const ZScreeningCriterionSchema = z.object({
  key: ZScreeningCriterionKeySchema,
  /** Share of the total this criterion can contribute (weights sum to 1 over applicable criteria). */
  weight: z.number().min(0).max(1),
  /** How well the candidate meets it, 0–1. */
  score: z.number().min(0).max(1),
  /** weight × score × 100: points this criterion adds to the total. */
  points: z.number().min(0).max(100),
  matched: z.array(z.string()),
  missing: z.array(z.string()),
  /** One sentence in Chinese and one in English saying why. */
  explanationZh: z.string(),
  explanationEn: z.string(),
});
export type TScreeningCriterion = z.infer<typeof ZScreeningCriterionSchema>;

export const ZScreeningResultSchema = z.object({
  /** 0–100, the sum of the criteria's points. Advisory only: screening never rejects anyone. */
  score: z.number().min(0).max(100),
  criteria: z.array(ZScreeningCriterionSchema),
  /** Scorer version; a change re-screens. */
  version: z.string(),
});
export type TScreeningResult = z.infer<typeof ZScreeningResultSchema>;

/**
 * Everything the scorer may look at. Hardship status, gender, age, ethnicity and hukou are
 * deliberately absent, so they cannot count for or against anyone.
 */
export const ZScreeningCandidateSchema = z.object({
  skills: z.array(z.string()),
  /** Highest degree first is not required; the scorer takes the highest. */
  education: z.array(z.object({
    major: z.string().nullable(),
    degree: ZDegreeSchema.nullable(),
  })),
  experience: z.array(z.object({ title: z.string().nullable(), description: z.string() })),
  languages: z.array(z.object({ language: z.string(), level: z.string().nullable() })),
  /** Resume text, for evidence of skills not listed in the skills section. */
  text: z.string(),
});
export type TScreeningCandidate = z.infer<typeof ZScreeningCandidateSchema>;

export const ZScreeningJobSchema = z.object({
  title: z.string(),
  description: z.string(),
  skills: z.array(z.string()),
  preferredSkills: z.array(z.string()),
  degree: ZDegreeSchema.nullable(),
  majors: z.array(z.string()),
  languages: z.array(z.string()),
});
export type TScreeningJob = z.infer<typeof ZScreeningJobSchema>;
