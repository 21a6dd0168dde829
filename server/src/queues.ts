import { Queue, type ConnectionOptions } from 'bullmq';
import { closeWithin } from '@yunpin/shared/node';
import type { Logger } from './logger.js';
import {
  DEFAULT_JOB_OPTIONS,
  JOB_NAMES,
  QUEUE_NAMES,
  ZParseResumeJobSchema,
  ZScreenApplicationJobSchema,
  ZMessageJobSchema,
  ZWelcomeJobSchema,
  ZSignOfferJobSchema,
  signOfferJobId,
  parseResumeJobId,
  screenApplicationJobId,
  welcomeJobId,
  type TMessageJob,
  type TParseResumeJob,
  type TQueueHealth,
  type TScreenApplicationJob,
  type TSignOfferJob,
  type TWelcomeJob,
  OFFICE_QUEUE,
  OFFICE_JOB_NAMES,
  WEEKLY_REPORT_CRON,
  WEEKLY_REPORT_SCHEDULER_ID,
  WEEKLY_REPORT_TZ,
  ZFollowUpDueJobSchema,
  ZWeeklyReportJobSchema,
  followUpDueJobId,
  weeklyReportJobId,
  type TFollowUpDueJob,
} from '@yunpin/shared';

/** Enqueues background work; with the results consumer, the only place the server touches BullMQ. */
export interface JobProducer {
  enqueueWelcome(job: TWelcomeJob): Promise<void>;
  enqueueParseResume(job: TParseResumeJob): Promise<void>;
  /** One job per application and requirements version; enqueuing the same one twice adds nothing. */
  enqueueScreenings(jobs: TScreenApplicationJob[]): Promise<void>;
  /**
   * Where a resume's parse job is, as a percentage: 5 while it waits, 50 while a worker reads it,
   * 100 when done. A parse takes tens of milliseconds, so the
   * worker reports no steps of its own.
   */
  parseProgress(resumeId: string): Promise<number>;
  /** Applies one signer's signature; one job per offer, signer and document version. */
  enqueueSignOffer(job: TSignOfferJob): Promise<void>;
  /** A message to people, now or after `delayMs` (reminders); the id makes it happen once. */
  sendMessage(id: string, message: TMessageJob, options?: { delayMs?: number }): Promise<void>;
  /** Withdraws a message not yet sent (a reminder for an interview that was cancelled). */
  cancelMessage(id: string): Promise<void>;
  /** A follow-up task falls due after `delayMs`; one job per placement and month. */
  scheduleFollowUp(job: TFollowUpDueJob, delayMs: number): Promise<void>;
  /** The weekly report every Monday 08:00 Asia/Shanghai; registering it again (another node, a restart) changes nothing. */
  scheduleWeeklyReport(): Promise<void>;
  /** The weekly report for one week, now; one job per week. */
  enqueueWeeklyReport(weekStart: string): Promise<void>;
  /** The queue the server consumes itself (timed office work). */
  officeQueue(): Queue;
  health(): Promise<TQueueHealth>;
  queues(): Queue[];
  close(): Promise<void>;
}

const BULK_CHUNK = 500;
/**
 * How long closing the server waits for its queue consumers and producers (the consumers' jobs are
 * short database writes); past it their connections are dropped (see closeWithin).
 */
export const QUEUE_CLOSE_DEADLINE_MS = 5_000;

export function createJobProducer(connection: ConnectionOptions, prefix: string, logger: Logger): JobProducer {
  const make = (name: string) => {
    const queue = new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    // Connection errors while Redis is away; BullMQ would print them to stderr without a listener.
    queue.on('error', (error) => logger.warn({ queue: name, err: error }, 'job queue redis error'));
    return queue;
  };
  const notifications = make(QUEUE_NAMES.notifications);
  const resumes = make(QUEUE_NAMES.resumes);
  const screening = make(QUEUE_NAMES.screening);
  const esign = make(QUEUE_NAMES.esign);
  const results = make(QUEUE_NAMES.results);
  const office = make(OFFICE_QUEUE);
  const all = [notifications, resumes, screening, esign, results, office];
  let closing: Promise<void> | undefined;
  return {
    async enqueueWelcome(job) {
      const data = ZWelcomeJobSchema.parse(job);
      await notifications.add(JOB_NAMES.welcome, data, { jobId: welcomeJobId(data.userId) });
    },
    async enqueueParseResume(job) {
      const data = ZParseResumeJobSchema.parse(job);
      await resumes.add(JOB_NAMES.parseResume, data, { jobId: parseResumeJobId(data.resumeId) });
    },
    async enqueueScreenings(jobs) {
      for (let i = 0; i < jobs.length; i += BULK_CHUNK) {
        const chunk = jobs.slice(i, i + BULK_CHUNK).map((j) => ZScreenApplicationJobSchema.parse(j));
        await screening.addBulk(chunk.map((data) => ({ name: JOB_NAMES.screenApplication, data, opts: { jobId: screenApplicationJobId(data) } })));
      }
    },
    async enqueueSignOffer(job) {
      const data = ZSignOfferJobSchema.parse(job);
      await esign.add(JOB_NAMES.signOffer, data, { jobId: signOfferJobId(data.offerId, data.role, data.input.version) });
    },
    async parseProgress(resumeId) {
      const id = parseResumeJobId(resumeId);
      const state = await resumes.getJobState(id);
      if (state === 'completed' || state === 'failed') return 100;
      if (state === 'active') return 50;
      return state === 'waiting' || state === 'prioritized' || state === 'delayed' ? 5 : 0;
    },
    async sendMessage(id, message, options = {}) {
      const data = ZMessageJobSchema.parse(message);
      await notifications.add(JOB_NAMES.message, data, { jobId: id, ...(options.delayMs && options.delayMs > 0 ? { delay: options.delayMs } : {}) });
    },
    async cancelMessage(id) {
      const job = await notifications.getJob(id);
      if (job && (await job.isDelayed() || await job.isWaiting())) await job.remove();
    },
    async scheduleFollowUp(job, delayMs) {
      const data = ZFollowUpDueJobSchema.parse(job);
      await office.add(OFFICE_JOB_NAMES.followUpDue, data, { jobId: followUpDueJobId(data.placementId, data.month), delay: Math.max(0, delayMs) });
    },
    async scheduleWeeklyReport() {
      await office.upsertJobScheduler(WEEKLY_REPORT_SCHEDULER_ID, { pattern: WEEKLY_REPORT_CRON, tz: WEEKLY_REPORT_TZ }, { name: OFFICE_JOB_NAMES.weeklyReport, data: {} });
    },
    async enqueueWeeklyReport(weekStart) {
      const data = ZWeeklyReportJobSchema.parse({ weekStart });
      await office.add(OFFICE_JOB_NAMES.weeklyReport, data, { jobId: weeklyReportJobId(weekStart) });
    },
    officeQueue: () => office,
    async health() {
      const queues = await Promise.all(
        all.map(async (q) => {
          const [counts, completed, failed] = await Promise.all([
            q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized'),
            q.getMetrics('completed', 0, 4),
            q.getMetrics('failed', 0, 4),
          ]);
          const perMinute = (m: { data: number[] }) => (m.data.length ? m.data.reduce((a, b) => a + b, 0) / m.data.length : 0);
          return {
            name: q.name,
            waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
            active: counts.active ?? 0,
            delayed: counts.delayed ?? 0,
            failed: counts.failed ?? 0,
            completed: counts.completed ?? 0,
            completedPerMinute: Math.round(perMinute(completed) * 10) / 10,
            failedPerMinute: Math.round(perMinute(failed) * 10) / 10,
          };
        }),
      );
      const workers = await Promise.all(all.map((q) => q.getWorkersCount()));
      return { queues, workersOnline: Math.max(...workers) };
    },
    queues: () => all,
    close() {
      closing ??= closeWithin(all, QUEUE_CLOSE_DEADLINE_MS).then(() => undefined);
      return closing;
    },
  };
}
