import type { TMessageJob } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import type { OfferView } from './offer-views.js';
import { shanghaiWallTime as shanghai } from '../district-time.js';

/** Reminders to the graduate before an unsigned offer expires. */
const REMINDERS = { '48h': 48 * 3600_000, '4h': 4 * 3600_000 } as const;
type ReminderKey = keyof typeof REMINDERS;
const reminderJobId = (offerId: string, before: ReminderKey) => `offer-reminder-${offerId}-${before}`;

async function reach(ctx: AppContext, userIds: (string | null)[], channel: 'sms' | 'inbox' = 'inbox'): Promise<TMessageJob['recipients']> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return [];
  const users = await ctx.db.selectFrom('users').select(['id', 'phone', 'email']).where('id', 'in', ids).where('is_disabled', '=', false).execute();
  return users.map((u) => ({ userId: u.id, to: (channel === 'sms' ? u.phone : null) ?? u.email ?? u.phone ?? u.id, channel: channel === 'sms' && u.phone ? 'sms' : 'inbox' }));
}

/** The employer's people on the offer: who drafted it, and who countersigned. */
function employerSide(view: OfferView): (string | null)[] {
  return [view.created_by, view.countersigner_id];
}

type Notice = 'sent' | 'revoked' | 'declined' | 'accepted' | 'completed';

/** Tells the other side what happened to an offer, in the inbox. One message per offer and event. */
export async function notifyOfferParties(ctx: AppContext, view: OfferView, notice: Notice, reason = ''): Promise<void> {
  const toGraduate = notice === 'sent' || notice === 'revoked' || notice === 'completed';
  const recipients = await reach(ctx, toGraduate ? [view.graduate_user_id, ...(notice === 'completed' ? employerSide(view) : [])] : employerSide(view));
  if (recipients.length === 0) return;
  const title = `「${view.position}」（${view.organisation_name}）`;
  const text: Record<Notice, { subject: string; body: string }> = {
    sent: { subject: '您收到一份录用通知', body: `${title}向您发出录用通知 ${view.reference}，请在 ${shanghai(view.expires_at)} 前登录查看并签署。` },
    revoked: { subject: '录用通知已撤回', body: `${title}已撤回录用通知 ${view.reference}。原因：${reason}` },
    declined: { subject: '毕业生拒绝了录用通知', body: `${view.graduate_name} 拒绝了录用通知 ${view.reference}（${view.position}）。${reason ? `原因：${reason}` : ''}` },
    accepted: { subject: '毕业生已签署录用通知，待会签', body: `${view.graduate_name} 已签署录用通知 ${view.reference}（${view.position}），请会签。` },
    completed: { subject: '录用通知签署完成', body: `录用通知 ${view.reference}（${view.position}）已由双方签署并加盖平台电子印章，可下载并在“验证”页核验。` },
  };
  await ctx.jobs.sendMessage(`offer-${notice}-${view.id}`, { recipients, ...text[notice] });
}

/** Reminders before the expiry, as delayed jobs; one whose time has passed is not queued. */
export async function scheduleOfferReminders(ctx: AppContext, view: OfferView): Promise<void> {
  const recipients = await reach(ctx, [view.graduate_user_id], 'sms');
  if (recipients.length === 0) return;
  for (const [before, ms] of Object.entries(REMINDERS) as [ReminderKey, number][]) {
    const delayMs = view.expires_at.getTime() - ms - ctx.clock().getTime();
    if (delayMs <= 0) continue;
    await ctx.jobs.sendMessage(
      reminderJobId(view.id, before),
      { recipients, subject: '录用通知即将过期', body: `${view.organisation_name}的录用通知 ${view.reference}（${view.position}）将于 ${shanghai(view.expires_at)} 过期，请及时签署或拒绝。` },
      { delayMs },
    );
  }
}

export async function cancelOfferReminders(ctx: AppContext, offerId: string): Promise<void> {
  for (const before of Object.keys(REMINDERS) as ReminderKey[]) await ctx.jobs.cancelMessage(reminderJobId(offerId, before));
}

/** The one-time code, by text message where there is a phone. */
export async function sendOtp(ctx: AppContext, view: OfferView, userId: string, code: string, messageId: string): Promise<string> {
  const [recipient] = await reach(ctx, [userId], 'sms');
  if (!recipient) return '';
  await ctx.jobs.sendMessage(messageId, {
    recipients: [recipient],
    subject: '签署验证码',
    body: `您正在签署录用通知 ${view.reference}（${view.position}），验证码 ${code}，10 分钟内有效。请勿告诉他人。`,
  });
  return recipient.to;
}
