import { UnrecoverableError, type Job } from 'bullmq';
import { ZWelcomeJobSchema } from '@yunpin/shared';
import type { Notifier } from '@yunpin/shared/node';

const ROLE_TEXT: Record<string, string> = {
  graduate: '您可以登录云聘完善个人档案、参加线上招聘会和云面试。',
  employer_admin: '贵单位的信息正在等待区就业促进中心审核，审核通过后即可发布职位和开设展位。',
};

/** Sends the welcome message for a new account; the message id is the job id, so a retry sends nothing twice. */
export function welcomeProcessor(notifier: Notifier) {
  return async (job: Job): Promise<{ messageId: string }> => {
    const parsed = ZWelcomeJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`Invalid welcome payload: ${parsed.error.message}`);
    const data = parsed.data;
    const messageId = job.id ?? `welcome-${data.userId}`;
    await notifier.send({
      id: messageId,
      userId: data.userId,
      channel: data.channel,
      to: data.to,
      subject: '欢迎使用云聘 24365',
      body: `${data.name}，您好！欢迎加入云聘 24365 就业服务平台。${ROLE_TEXT[data.role] ?? ''}`,
      createdAt: new Date(job.timestamp).toISOString(),
    });
    return { messageId };
  };
}
