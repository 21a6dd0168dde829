import { z } from 'zod';
import { ZIdSchema } from './common.js';

/** A panel is the candidate plus up to 7 interviewers. */
export const MAX_INTERVIEWERS = 7;

export const INTERVIEW_SLOT_STATUSES = ['open', 'booked', 'cancelled'] as const;
export const INTERVIEW_BOOKING_STATUSES = ['booked', 'cancelled', 'completed', 'callback'] as const;
export const INTERVIEW_OUTCOMES = ['pass', 'hold', 'fail'] as const;
export const ZInterviewOutcomeSchema = z.enum(INTERVIEW_OUTCOMES);

export const ZCreateInterviewSlotsSchema = z
  .strictObject({
    /** Start times; each slot lasts `durationMinutes`. */
    startsAt: z.array(z.iso.datetime({ offset: true })).min(1).max(50),
    durationMinutes: z.number().int().min(10).max(120),
    /** Colleagues on the panel besides the one publishing; all of the same employer. */
    interviewerIds: z.array(ZIdSchema).max(MAX_INTERVIEWERS - 1).default([]),
  })
  .refine((s) => new Set(s.startsAt.map((t) => Date.parse(t))).size === s.startsAt.length, { message: 'Start times must differ', path: ['startsAt'] });
export type TCreateInterviewSlots = z.infer<typeof ZCreateInterviewSlotsSchema>;

export const ZInterviewSlotSchema = z.object({
  id: ZIdSchema,
  jobId: ZIdSchema,
  jobTitle: z.string(),
  organisationName: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  status: z.enum(INTERVIEW_SLOT_STATUSES),
  interviewers: z.array(z.object({ userId: ZIdSchema, name: z.string() })),
  /** Present for the employer's staff, and for the graduate who booked it. */
  booking: z
    .object({
      id: ZIdSchema,
      applicationId: ZIdSchema,
      graduateName: z.string(),
      status: z.enum(INTERVIEW_BOOKING_STATUSES),
    })
    .nullable(),
});
export type TInterviewSlot = z.infer<typeof ZInterviewSlotSchema>;

export const ZBookInterviewSchema = z.strictObject({ applicationId: ZIdSchema });

export const ZScorecardSchema = z.strictObject({
  /** Each criterion scored 1–5 by the interviewer, e.g. 专业能力, 沟通表达. */
  criteria: z.array(z.strictObject({ name: z.string().trim().min(1).max(40), score: z.number().int().min(1).max(5) })).max(12),
  notes: z.string().trim().max(4000).default(''),
});
export type TScorecard = z.infer<typeof ZScorecardSchema>;

export const ZRecordInterviewOutcomeSchema = z.strictObject({
  outcome: ZInterviewOutcomeSchema,
  scorecard: ZScorecardSchema,
  /** Where a person moves the application next, if anywhere. */
  moveTo: z.enum(['offer', 'rejected']).optional(),
});
export type TRecordInterviewOutcome = z.infer<typeof ZRecordInterviewOutcomeSchema>;

/** When the call fails: a callback at a set time, or a message instead. */
export const ZInterviewFallbackSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('callback'), callbackAt: z.iso.datetime({ offset: true }), note: z.string().trim().max(500).default('') }),
  z.strictObject({ kind: z.literal('message'), body: z.string().trim().min(2).max(2000) }),
]);
export type TInterviewFallback = z.infer<typeof ZInterviewFallbackSchema>;

export const ZInterviewSchema = z.object({
  bookingId: ZIdSchema,
  slotId: ZIdSchema,
  applicationId: ZIdSchema,
  jobId: ZIdSchema,
  jobTitle: z.string(),
  organisationName: z.string(),
  graduateName: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  status: z.enum(INTERVIEW_BOOKING_STATUSES),
  interviewers: z.array(z.object({ userId: ZIdSchema, name: z.string() })),
  callbackAt: z.iso.datetime().nullable(),
  /** The employer's only: outcome and scorecard. */
  outcome: ZInterviewOutcomeSchema.nullable().optional(),
  scorecard: ZScorecardSchema.nullable().optional(),
});
export type TInterview = z.infer<typeof ZInterviewSchema>;
