import { Queue, type ConnectionOptions } from 'bullmq';
import { QUEUE_NAMES, JOB_NAMES, ZWelcomeJobSchema, welcomeJobId, type TWelcomeJob } from '@yunpin/shared';

/** Enqueues background work; the only place the server touches BullMQ. */
export interface JobProducer {
  enqueueWelcome(job: TWelcomeJob): Promise<void>;
  queues(): Queue[];
  close(): Promise<void>;
}

export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;

export function createJobProducer(connection: ConnectionOptions, prefix: string): JobProducer {
  const notifications = new Queue(QUEUE_NAMES.notifications, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  let closing: Promise<void> | undefined;
  return {
    async enqueueWelcome(job) {
      const data = ZWelcomeJobSchema.parse(job);
      await notifications.add(JOB_NAMES.welcome, data, { jobId: welcomeJobId(data.userId) });
    },
    queues: () => [notifications],
    close() {
      closing ??= notifications.close();
      return closing;
    },
  };
}
