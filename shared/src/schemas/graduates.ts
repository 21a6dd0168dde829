import { z } from 'zod';
import { ZIdSchema } from './common.js';
import { ZEmailSchema, ZPhoneSchema } from './auth.js';

export const DEGREES = ['junior_college', 'bachelor', 'master', 'doctorate', 'other'] as const;
export const EMPLOYMENT_STATUSES = ['unemployed', 'employed', 'further_study', 'not_seeking'] as const;
export const ZDegreeSchema = z.enum(DEGREES);
export type TDegree = z.infer<typeof ZDegreeSchema>;
export const ZEmploymentStatusSchema = z.enum(EMPLOYMENT_STATUSES);

/** The one-person-one-file record. `isHardship` is present only for roles allowed to see it. */
export const ZGraduateProfileSchema = z.object({
  id: ZIdSchema,
  userId: ZIdSchema.nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  school: z.string().nullable(),
  major: z.string().nullable(),
  degree: ZDegreeSchema.nullable(),
  graduationYear: z.number().int().nullable(),
  hukouTownId: ZIdSchema.nullable(),
  jobIntention: z.string().nullable(),
  trainingNeeds: z.string().nullable(),
  isHardship: z.boolean().optional(),
  employmentStatus: ZEmploymentStatusSchema,
  /** The graduate lets employers find them among recommended candidates. */
  discoverable: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type TGraduateProfile = z.infer<typeof ZGraduateProfileSchema>;

export const ZUpdateGraduateProfileSchema = z.strictObject({
  name: z.string().trim().min(1).max(64).optional(),
  phone: ZPhoneSchema.nullable().optional(),
  email: ZEmailSchema.nullable().optional(),
  school: z.string().trim().max(128).nullable().optional(),
  major: z.string().trim().max(128).nullable().optional(),
  degree: ZDegreeSchema.nullable().optional(),
  graduationYear: z.number().int().min(1990).max(2100).nullable().optional(),
  hukouTownId: ZIdSchema.nullable().optional(),
  jobIntention: z.string().trim().max(500).nullable().optional(),
  trainingNeeds: z.string().trim().max(500).nullable().optional(),
  /** Only caseworkers, organisers and admins may set this. */
  isHardship: z.boolean().optional(),
  employmentStatus: ZEmploymentStatusSchema.optional(),
  /** Only the graduate decides this. */
  discoverable: z.boolean().optional(),
});
export type TUpdateGraduateProfile = z.infer<typeof ZUpdateGraduateProfileSchema>;

export const ZGraduateListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  townId: ZIdSchema.optional(),
  employmentStatus: ZEmploymentStatusSchema.optional(),
  q: z.string().trim().max(64).optional(),
});
export type TGraduateListQuery = z.infer<typeof ZGraduateListQuerySchema>;
