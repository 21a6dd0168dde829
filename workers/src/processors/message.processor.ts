import { UnrecoverableError, type Job } from 'bullmq';
import { ZMessageJobSchema } from '@yunpin/shared';
import type { Notifier } from '@yunpin/shared/node';

/**
 * Sends one message to each recipient through the Notifier. Each copy's id is the job id plus the
 * recipient, so a retried job leaves one copy per person.
 */
export function messageProcessor(notifier: Notifier) {
  return async (job: Job): Promise<{ sent: number }> => {
    const parsed = ZMessageJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`Invalid message payload: ${parsed.error.message}`);
    const { recipients, subject, body } = parsed.data;
    const createdAt = new Date().toISOString();
    for (const r of recipients) {
      await notifier.send({ id: `${job.id ?? 'message'}-${r.userId}`, userId: r.userId, channel: r.channel, to: r.to, subject, body, createdAt });
    }
    return { sent: recipients.length };
  };
}
