import { z } from 'zod';
import { ZFollowUpMonthSchema } from '../schemas/followups.js';

/**
 * The office queue: timed work whose only effect is in the database (the weekly report, follow-up tasks
 * falling due). The server consumes it, since only the server touches PostgreSQL; BullMQ hands each job
 * to one server node, and the database keeps one report per week and one task per follow-up besides.
 */
export const OFFICE_QUEUE = 'office';

export const OFFICE_JOB_NAMES = { weeklyReport: 'weekly-report', followUpDue: 'follow-up-due' } as const;

/** Every Monday at 08:00 in Shanghai. */
export const WEEKLY_REPORT_CRON = '0 8 * * 1';
export const WEEKLY_REPORT_TZ = 'Asia/Shanghai';
export const WEEKLY_REPORT_SCHEDULER_ID = 'weekly-report';

/** The report job's payload: nothing but, optionally, the week (the scheduler's jobs carry none). */
export const ZWeeklyReportJobSchema = z.strictObject({ weekStart: z.iso.date().optional() });
export type TWeeklyReportJob = z.infer<typeof ZWeeklyReportJobSchema>;

/** A follow-up falls due: ids only, never names or personal data. */
export const ZFollowUpDueJobSchema = z.strictObject({ placementId: z.uuid(), month: ZFollowUpMonthSchema });
export type TFollowUpDueJob = z.infer<typeof ZFollowUpDueJobSchema>;
export const followUpDueJobId = (placementId: string, month: number) => `followup-${placementId}-m${month}`;
export const weeklyReportJobId = (weekStart: string) => `weekly-report-${weekStart}`;
