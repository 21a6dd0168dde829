import { z } from 'zod';
import { ZIdSchema } from './common.js';

/**
 * The four "100%" goals (see PROGRAM.md), each a share `done / total` of graduate files or claims:
 * - census: files with every census field filled (摸排100%清晰);
 * - services: unemployed graduates who have had at least one service (服务100%到位);
 * - subsidies: approved subsidy claims that are paid (补贴100%兑现);
 * - employment: graduates in the labour market (employed or unemployed) who are employed (学生100%就业).
 */
export const GOALS = ['census', 'services', 'subsidies', 'employment'] as const;
export const ZGoalSchema = z.enum(GOALS);
export type TGoal = z.infer<typeof ZGoalSchema>;

export const ZGoalCountSchema = z.object({ done: z.number().int(), total: z.number().int() });
export type TGoalCount = z.infer<typeof ZGoalCountSchema>;
export const ZGoalCountsSchema = z.object({ census: ZGoalCountSchema, services: ZGoalCountSchema, subsidies: ZGoalCountSchema, employment: ZGoalCountSchema });
export type TGoalCounts = z.infer<typeof ZGoalCountsSchema>;

/** One area's goals: all graduates, the registered-local group, and (for roles allowed to see hardship) the low-income group. */
export const ZAreaGoalsSchema = z.object({
  id: ZIdSchema.nullable(),
  name: z.string(),
  registered: z.number().int(),
  all: ZGoalCountsSchema,
  local: ZGoalCountsSchema,
  lowIncome: ZGoalCountsSchema.optional(),
});
export type TAreaGoals = z.infer<typeof ZAreaGoalsSchema>;

export const ZDashboardSchema = z.object({
  /** The whole of what the viewer covers: the district for district staff, their region or towns otherwise. */
  scope: ZAreaGoalsSchema,
  regions: z.array(ZAreaGoalsSchema.extend({ townIds: z.array(ZIdSchema) })),
  towns: z.array(ZAreaGoalsSchema.extend({ regionId: ZIdSchema.nullable(), isDevZone: z.boolean() })),
  /** Whether the viewer may open the low-income lists (they name people); the counts alone may show without. */
  lowIncomeListable: z.boolean(),
  generatedAt: z.iso.datetime(),
});
export type TDashboard = z.infer<typeof ZDashboardSchema>;

export const ZGoalListQuerySchema = z.strictObject({
  townId: ZIdSchema.optional(),
  regionId: ZIdSchema.optional(),
  /** 'pending' lists what keeps the goal from 100%; 'done' what counts towards it. */
  state: z.enum(['pending', 'done']).default('pending'),
  group: z.enum(['all', 'local', 'low_income']).default('all'),
});
export type TGoalListQuery = z.infer<typeof ZGoalListQuerySchema>;
export const ZGoalParamsSchema = z.strictObject({ goal: ZGoalSchema });

/** A row behind a number: a graduate file (census, services, employment) or a claim (subsidies). */
export const ZGoalListItemSchema = z.object({
  graduateId: ZIdSchema,
  name: z.string(),
  townName: z.string().nullable(),
  employmentStatus: z.string(),
  /** Census: the missing fields; subsidies: the claim's kind, amount and days since approval. */
  detail: z.string(),
});
export type TGoalListItem = z.infer<typeof ZGoalListItemSchema>;

/** The "1+5" view: open jobs against graduates looking for work, per town and region. */
export const ZBalanceRowSchema = z.object({
  id: ZIdSchema,
  name: z.string(),
  kind: z.enum(['town', 'region']),
  regionId: ZIdSchema.nullable(),
  isDevZone: z.boolean(),
  openJobs: z.number().int(),
  openPositions: z.number().int(),
  seekingGraduates: z.number().int(),
});
export const ZBalanceSchema = z.object({ rows: z.array(ZBalanceRowSchema) });
export type TBalance = z.infer<typeof ZBalanceSchema>;
