import { z } from 'zod';
import { ZIdSchema } from './common.js';
import { ZDegreeSchema } from './graduates.js';

export const RESUME_KINDS = ['pdf', 'docx'] as const;
export const ZResumeKindSchema = z.enum(RESUME_KINDS);
export type TResumeKind = z.infer<typeof ZResumeKindSchema>;

/** Largest resume file accepted, in bytes. */
export const RESUME_MAX_BYTES = 10 * 1024 * 1024;

export const RESUME_STATUSES = ['parsing', 'parsed', 'confirmed', 'failed'] as const;
export const ZResumeStatusSchema = z.enum(RESUME_STATUSES);
export type TResumeStatus = z.infer<typeof ZResumeStatusSchema>;

export const ZResumeEducationSchema = z.object({
  school: z.string().max(200).nullable(),
  major: z.string().max(200).nullable(),
  degree: ZDegreeSchema.nullable(),
  startYear: z.number().int().min(1950).max(2100).nullable(),
  endYear: z.number().int().min(1950).max(2100).nullable(),
});
export type TResumeEducation = z.infer<typeof ZResumeEducationSchema>;

export const ZResumeExperienceSchema = z.object({
  organisation: z.string().max(200).nullable(),
  title: z.string().max(200).nullable(),
  /** As written on the resume, normalised to YYYY-MM when a month is known, else YYYY. */
  start: z.string().max(20).nullable(),
  end: z.string().max(20).nullable(),
  description: z.string().max(4000),
});
export type TResumeExperience = z.infer<typeof ZResumeExperienceSchema>;

export const ZResumeLanguageSchema = z.object({
  /** Canonical lowercase English name: 'english', 'japanese', 'mandarin', ... */
  language: z.string().min(1).max(40),
  /** As written: 'CET-6', 'IELTS 7.0', '流利', 'native', ... */
  level: z.string().max(60).nullable(),
});
export type TResumeLanguage = z.infer<typeof ZResumeLanguageSchema>;

/** The structured profile a resume parses into; the graduate confirms or corrects it. */
export const ZParsedResumeSchema = z.object({
  contact: z.object({
    name: z.string().max(64).nullable(),
    phone: z.string().max(32).nullable(),
    email: z.string().max(254).nullable(),
  }),
  education: z.array(ZResumeEducationSchema).max(10),
  /** Canonical skill names (see shared/src/screening/skills.ts), deduplicated. */
  skills: z.array(z.string().min(1).max(60)).max(100),
  experience: z.array(ZResumeExperienceSchema).max(20),
  languages: z.array(ZResumeLanguageSchema).max(10),
});
export type TParsedResume = z.infer<typeof ZParsedResumeSchema>;

/** What the parsing worker returns: the profile, the plain text it came from, and what it noticed. */
export const ZResumeParseOutputSchema = z.object({
  parsed: ZParsedResumeSchema,
  /** Extracted plain text, truncated to 20,000 characters. */
  text: z.string(),
  /** Main language of the document. */
  language: z.enum(['zh', 'en', 'mixed']),
  pages: z.number().int().min(0),
  /** e.g. 'pdf_javascript_ignored', 'no_text_layer', 'text_truncated'. */
  warnings: z.array(z.string()),
});
export type TResumeParseOutput = z.infer<typeof ZResumeParseOutputSchema>;

export const ZResumeSchema = z.object({
  id: ZIdSchema,
  graduateId: ZIdSchema,
  filename: z.string(),
  kind: ZResumeKindSchema,
  sizeBytes: z.number().int(),
  sha256: z.string(),
  status: ZResumeStatusSchema,
  /** 0–100 while parsing. */
  progress: z.number().int().min(0).max(100),
  parsed: ZParsedResumeSchema.nullable(),
  warnings: z.array(z.string()),
  failureCode: z.string().nullable(),
  failureMessage: z.string().nullable(),
  createdAt: z.iso.datetime(),
  confirmedAt: z.iso.datetime().nullable(),
});
export type TResume = z.infer<typeof ZResumeSchema>;

/** The graduate's corrections; replaces the parsed profile and marks the resume confirmed. */
export const ZConfirmResumeSchema = z.strictObject({ parsed: ZParsedResumeSchema });
export type TConfirmResume = z.infer<typeof ZConfirmResumeSchema>;
