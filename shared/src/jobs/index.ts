import { z } from 'zod';
import { ZResumeKindSchema, ZResumeParseOutputSchema } from '../schemas/resumes.js';
import { ZDegreeSchema } from '../schemas/graduates.js';
import { ZScreeningCandidateSchema, ZScreeningJobSchema, ZScreeningResultSchema } from '../schemas/screening.js';

/**
 * Queue names shared by producers and processors. The server enqueues `resumes` (parse a file) and
 * `screening` (score an application); the workers answer on `results`, which the server consumes and
 * writes to the database, so only the server touches PostgreSQL (embedded PGlite has one process).
 */
export const QUEUE_NAMES = { notifications: 'notifications', resumes: 'resumes', screening: 'screening', esign: 'esign', results: 'results' } as const;
export type TQueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** Retries with exponential backoff for transient faults; finished jobs are kept a while for their ids to deduplicate. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;

export const JOB_NAMES = {
  welcome: 'welcome',
  parseResume: 'parse-resume',
  screenApplication: 'screen-application',
  resumeParsed: 'resume-parsed',
  applicationScreened: 'application-screened',
  message: 'message',
  signOffer: 'sign-offer',
  offerSigned: 'offer-signed',
} as const;

/**
 * One message to one or more people, sent at once or later (a delayed job): interview reminders,
 * notices of cancelled interviews. Each recipient's copy is id `<job id>-<user id>`, so a retry sends nothing twice.
 */
export const ZMessageJobSchema = z.strictObject({
  recipients: z.array(z.strictObject({ userId: z.uuid(), to: z.string().min(1), channel: z.enum(['sms', 'email', 'inbox']) })).min(1).max(20),
  subject: z.string().min(1).max(200),
  body: z.string().min(1).max(4000),
});
export type TMessageJob = z.infer<typeof ZMessageJobSchema>;
export const interviewReminderJobId = (bookingId: string, before: '24h' | '15m') => `interview-reminder-${bookingId}-${before}`;

/** An application to score as soon as the resume is parsed, against its job as it stood when queued. */
export const ZInlineScreeningSchema = z.strictObject({
  applicationId: z.uuid(),
  requirementsVersion: z.number().int().min(1),
  job: ZScreeningJobSchema,
});

export const ZParseResumeJobSchema = z.strictObject({
  resumeId: z.uuid(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  kind: ZResumeKindSchema,
  /** The graduate's file fields the scorer may use (degree and major only). */
  file: z.strictObject({ major: z.string().nullable(), degree: ZDegreeSchema.nullable() }).nullable().default(null),
  /**
   * The graduate's open applications waiting for this resume: the worker scores them in the same job,
   * saving a round trip through the screening queue. Any it misses are queued when the result lands.
   */
  screen: z.array(ZInlineScreeningSchema).max(200).default([]),
});
export type TParseResumeJob = z.input<typeof ZParseResumeJobSchema>;
export const parseResumeJobId = (resumeId: string) => `parse-${resumeId}`;

export const ZScreenApplicationJobSchema = z.strictObject({
  applicationId: z.uuid(),
  requirementsVersion: z.number().int().min(1),
  resumeId: z.uuid(),
  resumeRevision: z.number().int().min(1),
  job: ZScreeningJobSchema,
  candidate: ZScreeningCandidateSchema,
});
export type TScreenApplicationJob = z.infer<typeof ZScreenApplicationJobSchema>;
type ScreeningKey = { applicationId: string; requirementsVersion: number; resumeId: string; resumeRevision: number };
/** One screening per application, requirements version and resume revision. */
export const screenApplicationJobId = (j: ScreeningKey) => `screen-${j.applicationId}-v${j.requirementsVersion}-${j.resumeId}-r${j.resumeRevision}`;

/** A parse outcome; a failure carries a code the graduate sees explained. */
export const ZResumeParsedResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    resumeId: z.uuid(),
    output: ZResumeParseOutputSchema,
    /** Scores of the applications the parse job carried. */
    screenings: z.array(z.strictObject({ applicationId: z.uuid(), requirementsVersion: z.number().int().min(1), result: ZScreeningResultSchema })).default([]),
  }),
  z.strictObject({ ok: z.literal(false), resumeId: z.uuid(), code: z.string(), message: z.string() }),
]);
export type TResumeParsedResult = z.infer<typeof ZResumeParsedResultSchema>;
export const resumeParsedJobId = (resumeId: string) => `parsed-${resumeId}`;

export const ZApplicationScreenedResultSchema = z.strictObject({
  applicationId: z.uuid(),
  requirementsVersion: z.number().int().min(1),
  resumeId: z.uuid(),
  resumeRevision: z.number().int().min(1),
  result: ZScreeningResultSchema,
});
export type TApplicationScreenedResult = z.infer<typeof ZApplicationScreenedResultSchema>;
export const applicationScreenedJobId = (j: ScreeningKey) => `screened-${j.applicationId}-v${j.requirementsVersion}-${j.resumeId}-r${j.resumeRevision}`;

export const ZWelcomeJobSchema = z.strictObject({
  userId: z.uuid(),
  name: z.string().min(1),
  channel: z.enum(['sms', 'email']),
  to: z.string().min(3),
  role: z.string(),
});
export type TWelcomeJob = z.infer<typeof ZWelcomeJobSchema>;

/** Deterministic job id: one welcome per user, however often it is enqueued. */
export function welcomeJobId(userId: string): string {
  return `welcome-${userId}`;
}

/** One signature's line on the audit-trail page. */
export const ZOfferAuditLineSchema = z.strictObject({
  signer: z.string().min(1),
  role: z.string().min(1),
  signedAt: z.iso.datetime(),
  ip: z.string(),
  otpVerified: z.boolean(),
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * What a signature needs besides the document: who signs, when (the server's clock when the signer
 * confirmed, so a retried job writes the same bytes), from where, and (employer only) the earlier
 * signatures' audit lines. It holds personal data, so it does not travel in the job: the server
 * stores it in the blob store and the job names it by its SHA-256.
 */
export const ZSigningManifestSchema = z.strictObject({
  offerId: z.uuid(),
  reference: z.string().min(1),
  role: z.enum(['graduate', 'employer']),
  signer: z.strictObject({ userId: z.uuid(), name: z.string().min(1), organisation: z.string().optional() }),
  signingTime: z.iso.datetime(),
  ip: z.string(),
  reason: z.string().min(1).max(200),
  location: z.string().max(200),
  auditLines: z.array(ZOfferAuditLineSchema).max(4).default([]),
});
export type TSigningManifest = z.input<typeof ZSigningManifestSchema>;

/**
 * Apply one signer's signature to a stored version of an offer. The payload carries ids and hashes
 * only: the version to sign and the signing manifest, both in the blob store. It never carries a
 * key (the worker holds the signing keys under DATA_DIR) or personal data.
 */
export const ZSignOfferJobSchema = z.strictObject({
  offerId: z.uuid(),
  role: z.enum(['graduate', 'employer']),
  input: z.strictObject({ version: z.number().int().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  manifestSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TSignOfferJob = z.input<typeof ZSignOfferJobSchema>;
export const signOfferJobId = (offerId: string, role: string, inputVersion: number) => `esign-${offerId}-${role}-v${inputVersion}`;

export const ZOfferSignedResultSchema = z.strictObject({
  offerId: z.uuid(),
  role: z.enum(['graduate', 'employer']),
  inputVersion: z.number().int().min(1),
  /** The versions this job made, in order: the signed one, then (employer) the audit page and the seal. */
  versions: z.array(z.strictObject({ kind: z.enum(['graduate_signed', 'employer_signed', 'audit_page', 'sealed']), sha256: z.string().regex(/^[0-9a-f]{64}$/) })).min(1).max(3),
});
export type TOfferSignedResult = z.infer<typeof ZOfferSignedResultSchema>;
export const offerSignedJobId = (offerId: string, role: string, inputVersion: number) => `signed-${offerId}-${role}-v${inputVersion}`;
