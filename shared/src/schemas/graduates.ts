import { z } from 'zod';
import { ZIdSchema } from './common.js';
import { ZEmailSchema, ZPhoneSchema } from './auth.js';

export const DEGREES = ['junior_college', 'bachelor', 'master', 'doctorate', 'other'] as const;
export const EMPLOYMENT_STATUSES = ['unemployed', 'employed', 'further_study', 'not_seeking'] as const;
export const ZDegreeSchema = z.enum(DEGREES);
export type TDegree = z.infer<typeof ZDegreeSchema>;
export const ZEmploymentStatusSchema = z.enum(EMPLOYMENT_STATUSES);

/** What a census needs of every file; completeness is the share of these that are filled. */
export const CENSUS_FIELDS = ['nationalId', 'contact', 'school', 'major', 'degree', 'graduationYear', 'hukouTown', 'jobIntention', 'trainingNeeds'] as const;
export const ZCensusFieldSchema = z.enum(CENSUS_FIELDS);
export type TCensusField = z.infer<typeof ZCensusFieldSchema>;

/** Chinese and English names of the census fields, for reports and exports. */
export const CENSUS_FIELD_LABELS: Record<TCensusField, { zh: string; en: string }> = {
  nationalId: { zh: '身份证号', en: 'National ID' },
  contact: { zh: '联系方式', en: 'Contact' },
  school: { zh: '学校', en: 'School' },
  major: { zh: '专业', en: 'Major' },
  degree: { zh: '学历', en: 'Degree' },
  graduationYear: { zh: '毕业年份', en: 'Graduation year' },
  hukouTown: { zh: '户籍镇', en: 'Hukou town' },
  jobIntention: { zh: '求职意向', en: 'Job intention' },
  trainingNeeds: { zh: '培训需求', en: 'Training needs' },
};

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
  /** 3101**********1234; the full number only through the audited reveal. */
  nationalIdMasked: z.string().nullable(),
  /** 户籍: registered in the district, a priority group. */
  isRegisteredLocal: z.boolean(),
  /** Percent of CENSUS_FIELDS filled, 0–100, and which are missing. */
  completeness: z.number().int().min(0).max(100),
  missingFields: z.array(ZCensusFieldSchema),
  /** When the file was erased at the graduate's request (what remains is kept by law). */
  erasedAt: z.iso.datetime().nullable(),
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
  /** Office staff record who is registered in the district. */
  isRegisteredLocal: z.boolean().optional(),
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
