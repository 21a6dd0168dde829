import { interviewReminderJobId, type TMessageJob } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import type { SlotView } from './interview-views.js';
import { shanghaiWallTime as shanghai } from '../district-time.js';

const BEFORE = { '24h': 24 * 3600_000, '15m': 15 * 60_000 } as const;

/** The graduate and the panel, with where each is reached. */
async function recipients(ctx: AppContext, view: SlotView): Promise<TMessageJob['recipients']> {
  const ids = [...new Set([view.graduate_user_id, ...view.interviewer_ids].filter((id): id is string => id !== null))];
  const users = await ctx.db.selectFrom('users').select(['id', 'phone', 'email']).where('id', 'in', ids).execute();
  return users.map((u) => (u.phone ? { userId: u.id, to: u.phone, channel: 'sms' as const } : { userId: u.id, to: u.email ?? u.id, channel: 'email' as const }));
}

/** Reminders 24 h and 15 min before, as delayed jobs; a reminder whose time has passed is not sent. */
export async function scheduleReminders(ctx: AppContext, view: SlotView): Promise<void> {
  const to = await recipients(ctx, view);
  for (const [before, ms] of Object.entries(BEFORE) as ['24h' | '15m', number][]) {
    const delayMs = view.starts_at.getTime() - ms - ctx.clock().getTime();
    if (delayMs <= 0) continue;
    await ctx.jobs.sendMessage(
      interviewReminderJobId(view.booking_id!, before),
      {
        recipients: to,
        subject: before === '24h' ? '云面试提醒：明天有一场面试' : '云面试提醒：15 分钟后开始',
        body: `「${view.job_title}」（${view.organisation_name}）云面试将于 ${shanghai(view.starts_at)} 开始，候选人：${view.graduate_name ?? ''}。请提前进入设备检测。`,
      },
      { delayMs },
    );
  }
}

export async function cancelReminders(ctx: AppContext, bookingId: string): Promise<void> {
  for (const before of Object.keys(BEFORE) as ('24h' | '15m')[]) await ctx.jobs.cancelMessage(interviewReminderJobId(bookingId, before));
}

/** Tells the graduate and the panel at once that an interview is off. */
export async function notifyCancelled(ctx: AppContext, view: SlotView, by: 'employer' | 'graduate'): Promise<void> {
  await ctx.jobs.sendMessage(`interview-cancelled-${view.booking_id!}`, {
    recipients: await recipients(ctx, view),
    subject: '云面试已取消',
    body: `「${view.job_title}」${shanghai(view.starts_at)} 的云面试已由${by === 'employer' ? '用人单位' : '候选人'}取消。${by === 'employer' ? '您可以在“我的申请”中另约时间。' : ''}`,
  });
}
