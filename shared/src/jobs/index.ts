import { z } from 'zod';

/** Queue names shared by producers (server) and processors (workers). */
export const QUEUE_NAMES = { notifications: 'notifications' } as const;
export type TQueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

export const JOB_NAMES = { welcome: 'welcome' } as const;

export const ZWelcomeJobSchema = z.strictObject({
  userId: z.uuid(),
  name: z.string().min(1),
  channel: z.enum(['sms', 'email']),
  to: z.string().min(3),
  role: z.string(),
});
export type TWelcomeJob = z.infer<typeof ZWelcomeJobSchema>;

/** Deterministic job id: one welcome per user, however often it is enqueued. */
export function welcomeJobId(userId: string): string {
  return `welcome-${userId}`;
}
