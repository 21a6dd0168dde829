import { z } from 'zod';

export const FOLLOW_UP_MONTHS = [1, 3, 6, 12] as const;
export const ZFollowUpMonthSchema = z.union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)]);

export const ZFollowUpStatusSchema = z.enum(['open', 'confirmed', 'mismatch']);
export type TFollowUpStatus = z.infer<typeof ZFollowUpStatusSchema>;

export const SALARY_BANDS = ['below_5000', '5000_8000', '8000_12000', 'above_12000'] as const;
export const ZSalaryBandSchema = z.enum(SALARY_BANDS);

/** One side's answer to a follow-up. */
export const ZFollowUpAnswerSchema = z.object({
  stillEmployed: z.boolean(),
  samePosition: z.boolean(),
  salaryBand: ZSalaryBandSchema,
});
export type TFollowUpAnswer = z.infer<typeof ZFollowUpAnswerSchema>;

/**
 * The graduate's or the employer's confirmation. A graduate who changed job names the new employer
 * and position: a new placement is recorded and the old one kept in the history.
 */
export const ZConfirmFollowUpSchema = z.strictObject({
  stillEmployed: z.boolean(),
  samePosition: z.boolean(),
  salaryBand: ZSalaryBandSchema,
  newJob: z.strictObject({ employerName: z.string().trim().min(1).max(100), position: z.string().trim().min(1).max(100), startDate: z.iso.date() }).optional(),
});
export type TConfirmFollowUp = z.infer<typeof ZConfirmFollowUpSchema>;

export const ZPlacementSchema = z.object({
  id: z.uuid(),
  employerName: z.string(),
  organisationId: z.uuid().nullable(),
  position: z.string(),
  startDate: z.iso.date(),
  offerId: z.uuid().nullable(),
  endedAt: z.iso.datetime().nullable(),
});
export type TPlacement = z.infer<typeof ZPlacementSchema>;

export const ZFollowUpSchema = z.object({
  id: z.uuid(),
  month: ZFollowUpMonthSchema,
  dueAt: z.iso.datetime(),
  status: ZFollowUpStatusSchema,
  graduateId: z.uuid(),
  graduateName: z.string(),
  townName: z.string().nullable(),
  placement: ZPlacementSchema,
  graduateAnswer: ZFollowUpAnswerSchema.nullable(),
  employerAnswer: ZFollowUpAnswerSchema.nullable(),
  /** The questions the two sides answered differently (authenticity). */
  mismatches: z.array(z.string()),
  createdAt: z.iso.datetime(),
});
export type TFollowUp = z.infer<typeof ZFollowUpSchema>;

export const ZFollowUpDetailSchema = ZFollowUpSchema.extend({
  /** Every placement of the graduate, newest first (stability). */
  history: z.array(ZPlacementSchema),
});
export type TFollowUpDetail = z.infer<typeof ZFollowUpDetailSchema>;

export const ZFollowUpListQuerySchema = z.strictObject({ status: ZFollowUpStatusSchema.optional() });
export type TFollowUpListQuery = z.infer<typeof ZFollowUpListQuerySchema>;
