import { z } from 'zod';
import { ZIdSchema } from './common.js';

/**
 * An offer of employment: drafted by the employer, sent, signed by the graduate (accepted), then
 * countersigned by the employer, audited and sealed by the platform (completed). It can be declined
 * by the graduate, revoked by the employer before it completes, or run past its expiry date.
 * 'signing' states are a worker applying a signature.
 */
export const OFFER_STATUSES = ['draft', 'sent', 'graduate_signing', 'accepted', 'employer_signing', 'completed', 'declined', 'revoked', 'expired'] as const;
export const ZOfferStatusSchema = z.enum(OFFER_STATUSES);
export type TOfferStatus = z.infer<typeof ZOfferStatusSchema>;
/** Statuses in which an offer still waits for someone; a second offer for the application is refused. */
export const LIVE_OFFER_STATUSES = ['draft', 'sent', 'graduate_signing', 'accepted', 'employer_signing'] as const satisfies readonly TOfferStatus[];

export const OFFER_SIGNER_ROLES = ['graduate', 'employer'] as const;
export const ZOfferSignerRoleSchema = z.enum(OFFER_SIGNER_ROLES);
export type TOfferSignerRole = z.infer<typeof ZOfferSignerRoleSchema>;

/** Wrong codes a signer may enter before the offer locks for them. */
export const OFFER_OTP_MAX_FAILURES = 5;
/** A code is good for 10 minutes; a new one may be asked for after 60 s. */
export const OFFER_OTP_TTL_SECONDS = 600;
export const OFFER_OTP_RESEND_SECONDS = 60;

const ZOfferTermsShape = {
  position: z.string().trim().min(1).max(100),
  salaryMonthlyYuan: z.number().int().min(1).max(1_000_000),
  startDate: z.iso.date(),
  probationMonths: z.number().int().min(0).max(6),
  location: z.string().trim().min(1).max(200),
  conditions: z.string().trim().max(4000).default(''),
};

/** An employer's saved offer letter defaults; any field may be left for the offer to fill. */
export const ZOfferTemplateInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  position: ZOfferTermsShape.position.optional(),
  salaryMonthlyYuan: ZOfferTermsShape.salaryMonthlyYuan.optional(),
  probationMonths: ZOfferTermsShape.probationMonths.optional(),
  location: ZOfferTermsShape.location.optional(),
  conditions: ZOfferTermsShape.conditions,
  /** Days from sending until the offer expires. */
  validDays: z.number().int().min(1).max(60).default(7),
});
export type TOfferTemplateInput = z.infer<typeof ZOfferTemplateInputSchema>;
export const ZOfferTemplateSchema = z.object({
  id: ZIdSchema,
  name: z.string(),
  position: z.string().nullable(),
  salaryMonthlyYuan: z.number().nullable(),
  probationMonths: z.number().nullable(),
  location: z.string().nullable(),
  conditions: z.string(),
  validDays: z.number(),
});
export type TOfferTemplate = z.infer<typeof ZOfferTemplateSchema>;

export const ZCreateOfferSchema = z
  .strictObject({
    applicationId: ZIdSchema,
    /** Fields the template fills; those given here win. */
    templateId: ZIdSchema.optional(),
    ...ZOfferTermsShape,
    expiresAt: z.iso.datetime({ offset: true }),
  })
  .refine((o) => Date.parse(`${o.startDate}T00:00:00+08:00`) >= Date.parse(o.expiresAt) - 86_400_000, {
    message: 'The start date must not come before the offer expires',
    path: ['startDate'],
  });
export type TCreateOffer = z.infer<typeof ZCreateOfferSchema>;

export const ZUpdateOfferSchema = z.strictObject({ ...ZOfferTermsShape, expiresAt: z.iso.datetime({ offset: true }) }).partial();
export type TUpdateOffer = z.infer<typeof ZUpdateOfferSchema>;

export const ZOtpCodeSchema = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'expected the 6-digit code') });
export const ZDeclineOfferSchema = z.strictObject({ reason: z.string().trim().max(1000).default('') });
export const ZRevokeOfferSchema = z.strictObject({ reason: z.string().trim().min(2).max(1000) });
export const ZBulkOfferActionSchema = z.strictObject({ ids: z.array(ZIdSchema).min(1).max(200), reason: z.string().trim().max(1000).default('') });
export type TBulkOfferAction = z.infer<typeof ZBulkOfferActionSchema>;
export const ZBulkOfferResultSchema = z.object({
  done: z.array(ZIdSchema),
  skipped: z.array(z.object({ id: ZIdSchema, reason: z.string() })),
});
export type TBulkOfferResult = z.infer<typeof ZBulkOfferResultSchema>;

export const ZOfferSignatureSchema = z.object({
  role: z.enum(['graduate', 'employer', 'platform']),
  signerName: z.string(),
  signedAt: z.iso.datetime(),
  otpVerified: z.boolean(),
  /** SHA-256 of the version the signer signed, and of the version the signature made. */
  documentSha256: z.string(),
  resultSha256: z.string(),
});

export const ZOfferVersionSchema = z.object({
  version: z.number().int(),
  kind: z.enum(['rendered', 'graduate_signed', 'employer_signed', 'audit_page', 'sealed']),
  sha256: z.string(),
  createdAt: z.iso.datetime(),
});

export const ZOfferEventSchema = z.object({
  seq: z.number().int(),
  at: z.iso.datetime(),
  actorName: z.string().nullable(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

export const ZOfferSchema = z.object({
  id: ZIdSchema,
  reference: z.string(),
  applicationId: ZIdSchema,
  jobId: ZIdSchema,
  jobTitle: z.string(),
  organisationName: z.string(),
  graduateName: z.string(),
  status: ZOfferStatusSchema,
  position: z.string(),
  salaryMonthlyYuan: z.number(),
  startDate: z.iso.date(),
  probationMonths: z.number(),
  location: z.string(),
  conditions: z.string(),
  expiresAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  completedAt: z.iso.datetime().nullable(),
  declineReason: z.string().nullable(),
  revokeReason: z.string().nullable(),
  /** Whether the viewer's own signing is locked by wrong codes. */
  lockedForMe: z.boolean(),
  /** What the viewer can do now. */
  can: z.object({ edit: z.boolean(), send: z.boolean(), revoke: z.boolean(), accept: z.boolean(), decline: z.boolean(), countersign: z.boolean() }),
  /** The latest stored version of the document. */
  latestSha256: z.string().nullable(),
  signatures: z.array(ZOfferSignatureSchema),
});
export type TOffer = z.infer<typeof ZOfferSchema>;

export const ZOfferDetailSchema = ZOfferSchema.extend({
  versions: z.array(ZOfferVersionSchema),
  events: z.array(ZOfferEventSchema),
});
export type TOfferDetail = z.infer<typeof ZOfferDetailSchema>;

export const ZOfferListQuerySchema = z.strictObject({ status: ZOfferStatusSchema.optional() });
export type TOfferListQuery = z.infer<typeof ZOfferListQuerySchema>;

export const ZOtpSentSchema = z.object({ sentTo: z.string(), expiresAt: z.iso.datetime(), resendAfterSeconds: z.number() });
export type TOtpSent = z.infer<typeof ZOtpSentSchema>;

/** What a verification reports for a PDF (uploaded, or the offer's latest version). */
export const ZVerifiedSignatureSchema = z.object({
  index: z.number().int(),
  signerName: z.string(),
  organisation: z.string().optional(),
  role: z.string().optional(),
  signingTime: z.string().nullable(),
  certificateIssuedByPlatformCa: z.boolean(),
  digestValid: z.boolean(),
  coversWholeDocument: z.boolean(),
});
export const ZVerificationSchema = z.object({
  sha256: z.string(),
  /** The file is a version the platform stored, and of which offer. */
  knownVersion: z.object({ offerReference: z.string(), version: z.number().int(), kind: z.string(), latest: z.boolean() }).nullable(),
  signatures: z.array(ZVerifiedSignatureSchema),
  allValid: z.boolean(),
  sealed: z.boolean(),
  modifiedAfterLastSignature: z.boolean(),
  /** The offer's audit chain recomputes hash for hash (for an offer's own verification). */
  auditChainValid: z.boolean().nullable(),
  verdict: z.enum(['valid', 'invalid', 'unknown']),
});
export type TVerification = z.infer<typeof ZVerificationSchema>;
export const ZVerifyHashParamsSchema = z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in hex') });
