import { z } from 'zod';

export const ZSubsidyKindSchema = z.enum(['hiring', 'job_search', 'internship']);
export type TSubsidyKind = z.infer<typeof ZSubsidyKindSchema>;

export const ZSubsidyStatusSchema = z.enum(['submitted', 'eligible', 'ineligible', 'approved', 'rejected', 'paid']);
export type TSubsidyStatus = z.infer<typeof ZSubsidyStatusSchema>;

/**
 * The amount paid per claim, in yuan, by kind. Constants for now (documented in the README); a claim
 * keeps the amount it was made with, so changing these never changes a claim already made.
 */
export const SUBSIDY_AMOUNTS_YUAN: Record<TSubsidyKind, number> = { hiring: 2000, job_search: 1500, internship: 3000 };

/** An approved claim still unpaid this many days after approval is ageing. */
export const SUBSIDY_AGEING_DAYS = 30;

/**
 * A claim. Hiring: the employer names a countersigned offer and the rest is filled in from it.
 * Job search: a graduate for themselves, or a caseworker for a graduate of their towns.
 * Internship: the host employer names the graduate (who applied to one of its jobs), the position and the start.
 */
export const ZCreateSubsidyClaimSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('hiring'), offerId: z.uuid() }),
  z.strictObject({ kind: z.literal('job_search'), graduateId: z.uuid().optional() }),
  z.strictObject({
    kind: z.literal('internship'),
    graduateId: z.uuid(),
    position: z.string().trim().min(1).max(100),
    startDate: z.iso.date(),
  }),
]);
export type TCreateSubsidyClaim = z.infer<typeof ZCreateSubsidyClaimSchema>;

export const ZSubsidyClaimSchema = z.object({
  id: z.uuid(),
  kind: ZSubsidyKindSchema,
  status: ZSubsidyStatusSchema,
  graduateId: z.uuid(),
  graduateName: z.string(),
  townId: z.uuid().nullable(),
  townName: z.string().nullable(),
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
  offerId: z.uuid().nullable(),
  contractSha256: z.string().nullable(),
  position: z.string().nullable(),
  startDate: z.iso.date().nullable(),
  amountYuan: z.number().int(),
  eligibility: z.object({ isEligible: z.boolean(), reasons: z.array(z.string()) }).nullable(),
  reason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  approvedAt: z.iso.datetime().nullable(),
  paidAt: z.iso.datetime().nullable(),
  /** Approved, unpaid, and approved more than SUBSIDY_AGEING_DAYS ago. */
  isAgeing: z.boolean(),
  payment: z.object({ reference: z.string(), payee: z.string(), amountYuan: z.number().int(), at: z.iso.datetime() }).nullable(),
});
export type TSubsidyClaim = z.infer<typeof ZSubsidyClaimSchema>;

export const ZSubsidyListQuerySchema = z.strictObject({
  status: ZSubsidyStatusSchema.optional(),
  kind: ZSubsidyKindSchema.optional(),
  /** Only ageing claims. */
  ageing: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type TSubsidyListQuery = z.infer<typeof ZSubsidyListQuerySchema>;

export const ZSubsidyListSchema = z.object({
  items: z.array(ZSubsidyClaimSchema),
  /** How many of the listed claims are ageing. */
  ageingCount: z.number().int(),
});
export type TSubsidyList = z.infer<typeof ZSubsidyListSchema>;

export const ZDecideSubsidyClaimSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve'), reason: z.string().trim().max(500).optional() }),
  z.strictObject({ decision: z.literal('reject'), reason: z.string().trim().min(1).max(500) }),
]);
export type TDecideSubsidyClaim = z.infer<typeof ZDecideSubsidyClaimSchema>;

export const ZPaySubsidyClaimSchema = z.strictObject({
  /** The same key twice records one payment (a retried request). */
  idempotencyKey: z.string().trim().min(8).max(100),
  /** The bank transfer's reference. */
  reference: z.string().trim().min(1).max(100),
});
export type TPaySubsidyClaim = z.infer<typeof ZPaySubsidyClaimSchema>;

/** "100% paid": approved claims paid over approved claims (paid ones included), per town. */
export const ZSubsidyPaidRateSchema = z.object({
  towns: z.array(z.object({ townId: z.uuid().nullable(), townName: z.string(), approved: z.number().int(), paid: z.number().int(), ageing: z.number().int(), rate: z.number().nullable() })),
  district: z.object({ approved: z.number().int(), paid: z.number().int(), ageing: z.number().int(), rate: z.number().nullable() }),
});
export type TSubsidyPaidRate = z.infer<typeof ZSubsidyPaidRateSchema>;
