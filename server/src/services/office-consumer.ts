import { Worker, type ConnectionOptions } from 'bullmq';
import { OFFICE_JOB_NAMES, OFFICE_QUEUE, ZFollowUpDueJobSchema, ZWeeklyReportJobSchema } from '@yunpin/shared';
import type { AppContext } from '../context.js';
import { createFollowUpTask } from '../domain/followups/create-followup-task.js';
import { produceWeeklyReport } from '../domain/reports/produce-weekly-report.js';

/**
 * Runs the office's timed work in the server, the only process that writes to the database: follow-up
 * tasks falling due and the weekly report. BullMQ gives each job to one node; the database keeps one task
 * per follow-up and one report per week, so a retry or a second node changes nothing.
 */
export function startOfficeConsumer(ctx: AppContext, connection: ConnectionOptions): Worker {
  const worker = new Worker(
    OFFICE_QUEUE,
    async (job) => {
      if (job.name === OFFICE_JOB_NAMES.followUpDue) await createFollowUpTask(ctx, ZFollowUpDueJobSchema.parse(job.data));
      else if (job.name === OFFICE_JOB_NAMES.weeklyReport) await produceWeeklyReport(ctx, ZWeeklyReportJobSchema.parse(job.data));
      else throw new Error(`No handler for office job ${job.name}`);
    },
    { connection, prefix: ctx.redisPrefix, concurrency: 2 },
  );
  worker.on('failed', (job, error) => ctx.logger.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: error }, 'office job failed'));
  worker.on('error', (error) => ctx.logger.error({ err: error }, 'office consumer error'));
  return worker;
}
