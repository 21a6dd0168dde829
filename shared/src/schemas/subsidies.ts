import { z } from 'zod';

export const ZSubsidyKindSchema = z.enum(['hiring', 'job_search', 'internship']);
export type TSubsidyKind = z.infer<typeof ZSubsidyKindSchema>;

export const ZSubsidyStatusSchema = z.enum(['submitted', 'eligible', 'ineligible', 'approved', 'rejected', 'paid']);
export type TSubsidyStatus = z.infer<typeof ZSubsidyStatusSchema>;

/**
 * The amounts in force before they became organiser settings: migration 0011 seeds them as each kind's
 * first rate. A new claim never reads them (it takes the rate in effect, see ZSubsidyRateSchema); left
 * unchanged so that every database starts from the same history.
 */
export const SUBSIDY_AMOUNTS_YUAN: Record<TSubsidyKind, number> = { hiring: 2000, job_search: 1500, internship: 3000 };

/** The largest amount a rate may be set to, in yuan (a typo guard; the database checks it too). */
export const SUBSIDY_RATE_MAX_YUAN = 50_000;

/** How far ahead a rate may be scheduled, in days (a year's policy, published early, fits). */
export const SUBSIDY_RATE_MAX_DAYS_AHEAD = 730;

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

/** A rate is scheduled (takes effect after today), current (in effect today) or past (replaced by a later one). */
export const ZSubsidyRateStateSchema = z.enum(['scheduled', 'current', 'past']);
export type TSubsidyRateState = z.infer<typeof ZSubsidyRateStateSchema>;

/**
 * One rate of one kind: the amount a claim made on or after `effectiveFrom` (Asia/Shanghai), and before
 * the kind's next rate, is made with. `setBy` is null for the rates the platform started with.
 */
export const ZSubsidyRateSchema = z.object({
  id: z.uuid(),
  kind: ZSubsidyKindSchema,
  effectiveFrom: z.iso.date(),
  amountYuan: z.number().int(),
  note: z.string().nullable(),
  setBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  setAt: z.iso.datetime(),
  state: ZSubsidyRateStateSchema,
});
export type TSubsidyRate = z.infer<typeof ZSubsidyRateSchema>;

export const ZSubsidyRateListQuerySchema = z.strictObject({ kind: ZSubsidyKindSchema.optional() });
export type TSubsidyRateListQuery = z.infer<typeof ZSubsidyRateListQuerySchema>;

export const ZSubsidyRateListSchema = z.object({
  /** Today in the district's calendar, which decides each rate's state. */
  today: z.iso.date(),
  /** Every rate, latest effective date first. */
  items: z.array(ZSubsidyRateSchema),
});
export type TSubsidyRateList = z.infer<typeof ZSubsidyRateListSchema>;

/** A new rate from today up to SUBSIDY_RATE_MAX_DAYS_AHEAD days ahead (checked by the server's clock); one rate per kind and date. */
export const ZCreateSubsidyRateSchema = z.strictObject({
  kind: ZSubsidyKindSchema,
  effectiveFrom: z.iso.date(),
  amountYuan: z.number().int().min(1).max(SUBSIDY_RATE_MAX_YUAN),
  /** Usually the policy document that sets the amount. */
  note: z.string().trim().max(500).optional(),
});
export type TCreateSubsidyRate = z.infer<typeof ZCreateSubsidyRateSchema>;
