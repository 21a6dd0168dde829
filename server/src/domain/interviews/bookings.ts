import { randomUUID } from 'node:crypto';
import {
  AppError,
  type TCsvTable,
  type TInterview,
  type TInterviewFallback,
  type TRecordInterviewOutcome,
  type TSessionUser,
} from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { appendApplicationEvent, updateApplication } from '../../db/repositories/applications.js';
import { policy } from '../../policy.js';
import { recordCaseActivity } from '../cases/activity.js';
import { ownGraduateFile } from '../resumes/graduate-of.js';
import { cancelReminders, notifyCancelled, scheduleReminders } from './reminders.js';
import { findBookingView, presentInterviews, slotViews, type SlotView } from './interview-views.js';

/** "2026-11-28 14:30" in Asia/Shanghai, for spreadsheets. */
function shanghaiTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const OUTCOME_TEXT = { pass: '通过 passed', hold: '待定 on hold', fail: '未通过 not passed' } as const;

/**
 * A graduate whose application is at the interview stage books one open slot of that job. Booking
 * another slot moves the booking (the old slot opens again). Two graduates racing for one slot:
 * the slot is taken by a conditional update, so exactly one wins and the other gets 409.
 */
export async function bookInterview(ctx: AppContext, { actor, slotId, applicationId, meta }: { actor: TSessionUser; slotId: string; applicationId: string; meta: RequestMeta }): Promise<TInterview> {
  const graduate = await ownGraduateFile(ctx, actor);
  const application = await ctx.db.selectFrom('applications').selectAll().where('id', '=', applicationId).executeTakeFirst();
  if (!application || application.graduate_id !== graduate.id) throw AppError.notFound('Application');
  const slot = await ctx.db.selectFrom('interview_slots').selectAll().where('id', '=', slotId).executeTakeFirst();
  if (!slot || slot.job_id !== application.job_id) throw AppError.notFound('Interview slot');
  if (application.status !== 'interview') throw AppError.conflict('用人单位邀请面试后才能预约时间 / Interview times open once the employer invites you to interview');
  if (slot.starts_at.getTime() <= ctx.clock().getTime()) throw AppError.conflict('该时间已过 / This time has passed');
  const previous = await ctx.db.selectFrom('interview_bookings').select(['id', 'slot_id']).where('application_id', '=', applicationId).where('status', 'in', ['booked', 'callback']).executeTakeFirst();
  if (previous?.slot_id === slotId) return (await presentInterviews(ctx.db, [(await findBookingView(ctx.db, previous.id))!], false))[0]!;
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    const taken = await trx.updateTable('interview_slots').set({ status: 'booked' }).where('id', '=', slotId).where('status', '=', 'open').executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 0) throw AppError.conflict('该时段已被预约或取消，请另选时间 / That time was just taken or withdrawn; pick another');
    if (previous) {
      await trx.updateTable('interview_bookings').set({ status: 'cancelled', cancelled_at: ctx.clock() }).where('id', '=', previous.id).execute();
      await trx.updateTable('interview_slots').set({ status: 'open' }).where('id', '=', previous.slot_id).where('status', '=', 'booked').execute();
    }
    await trx.insertInto('interview_bookings').values({ id, slot_id: slotId, application_id: applicationId }).execute();
    await appendApplicationEvent(trx, { application_id: applicationId, from_status: 'interview', to_status: 'interview', actor_id: actor.id, note: `预约云面试 Interview booked: ${slot.starts_at.toISOString()}` });
    await appendAudit(trx, { actorId: actor.id, action: 'interview.booked', entityType: 'interview_booking', entityId: id, detail: { slotId, movedFrom: previous?.id ?? null }, ip: meta.ip });
    await recordCaseActivity(trx, { graduateId: graduate.id }, { kind: 'interview_booked', refId: id, summary: `预约云面试 Interview booked: ${slot.starts_at.toISOString()}`, at: ctx.clock() });
  });
  if (previous) await cancelReminders(ctx, previous.id);
  const view = (await findBookingView(ctx.db, id))!;
  await scheduleReminders(ctx, view);
  return (await presentInterviews(ctx.db, [view], false))[0]!;
}

async function loadBooking(ctx: AppContext, actor: TSessionUser, bookingId: string): Promise<{ view: SlotView; isEmployer: boolean }> {
  const view = await findBookingView(ctx.db, bookingId);
  if (!view) throw AppError.notFound('Interview');
  const isEmployer = policy.canMoveApplication(actor, { organisation_id: view.organisation_id });
  const isGraduate = actor.role === 'graduate' && view.graduate_user_id === actor.id;
  if (!isEmployer && !isGraduate) throw AppError.notFound('Interview');
  return { view, isEmployer };
}

/** Either side cancels a booking; the slot opens again, reminders are withdrawn, everyone is told. */
export async function cancelInterviewBooking(ctx: AppContext, { actor, bookingId, meta }: { actor: TSessionUser; bookingId: string; meta: RequestMeta }): Promise<void> {
  const { view, isEmployer } = await loadBooking(ctx, actor, bookingId);
  if (view.booking_status !== 'booked' && view.booking_status !== 'callback') throw AppError.conflict('这场面试未在预约中 / This interview is not booked');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('interview_bookings').set({ status: 'cancelled', cancelled_at: ctx.clock() }).where('id', '=', bookingId).execute();
    await trx.updateTable('interview_slots').set({ status: 'open' }).where('id', '=', view.id).where('status', '=', 'booked').execute();
    await appendApplicationEvent(trx, { application_id: view.application_id!, from_status: 'interview', to_status: 'interview', actor_id: actor.id, note: '取消云面试 Interview cancelled' });
    await appendAudit(trx, { actorId: actor.id, action: 'interview.cancelled', entityType: 'interview_booking', entityId: bookingId, detail: { by: isEmployer ? 'employer' : 'graduate' }, ip: meta.ip });
  });
  await cancelReminders(ctx, bookingId);
  await notifyCancelled(ctx, view, isEmployer ? 'employer' : 'graduate');
}

export async function listMyInterviews(ctx: AppContext, actor: TSessionUser): Promise<TInterview[]> {
  const graduate = await ownGraduateFile(ctx, actor);
  const views = (await slotViews(ctx.db).where('a.graduate_id', '=', graduate.id).orderBy('s.starts_at').execute()) as SlotView[];
  return presentInterviews(ctx.db, views, false);
}

/** The employer's booked interviews from a day on (default today), soonest first. */
export async function listEmployerInterviews(ctx: AppContext, actor: TSessionUser, from?: string): Promise<TInterview[]> {
  if (!policy.canPostJob(actor)) throw AppError.forbidden("Only an employer's recruiters have an interview schedule");
  const start = from ? new Date(`${from}T00:00:00+08:00`) : new Date(ctx.clock().getTime() - 12 * 3600_000);
  const views = (await slotViews(ctx.db).where('j.organisation_id', '=', actor.organisationId!).where('s.ends_at', '>=', start).orderBy('s.starts_at').limit(1000).execute()) as SlotView[];
  return presentInterviews(ctx.db, views, true);
}

export async function exportEmployerInterviews(ctx: AppContext, actor: TSessionUser, from?: string): Promise<TCsvTable> {
  const items = await listEmployerInterviews(ctx, actor, from);
  return {
    filename: 'interviews.csv',
    columns: ['开始 Starts (UTC+8)', '结束 Ends (UTC+8)', '职位 Job', '候选人 Candidate', '面试官 Panel', '状态 Status', '结果 Outcome'],
    rows: items.map((i) => [shanghaiTime(i.startsAt), shanghaiTime(i.endsAt), i.jobTitle, i.graduateName, i.interviewers.map((p) => p.name).join('、'), i.status, i.outcome ?? null]),
  };
}

/**
 * The interviewer records the outcome and scorecard; it goes on the application's history, and a
 * person may move the application on (offer or rejected) in the same step.
 */
export async function recordInterviewOutcome(ctx: AppContext, { actor, bookingId, input, meta }: { actor: TSessionUser; bookingId: string; input: TRecordInterviewOutcome; meta: RequestMeta }): Promise<TInterview> {
  const { view, isEmployer } = await loadBooking(ctx, actor, bookingId);
  if (!isEmployer) throw AppError.forbidden('Only the interviewers record the outcome');
  if (view.booking_status === 'cancelled') throw AppError.conflict('这场面试已取消 / This interview was cancelled');
  const application = await ctx.db.selectFrom('applications').select(['status']).where('id', '=', view.application_id!).executeTakeFirstOrThrow();
  if (input.moveTo && application.status === 'withdrawn') throw AppError.conflict('The graduate has withdrawn this application');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('interview_bookings').set({ status: 'completed', outcome: input.outcome, scorecard: JSON.stringify(input.scorecard), decided_by: actor.id }).where('id', '=', bookingId).execute();
    const mean = input.scorecard.criteria.length ? input.scorecard.criteria.reduce((s, c) => s + c.score, 0) / input.scorecard.criteria.length : null;
    const note = `面试结果 Interview outcome: ${OUTCOME_TEXT[input.outcome]}${mean === null ? '' : `，评分 ${mean.toFixed(1)}/5`}`;
    await appendApplicationEvent(trx, { application_id: view.application_id!, from_status: application.status, to_status: input.moveTo ?? application.status, actor_id: actor.id, note });
    if (input.moveTo) await updateApplication(trx, view.application_id!, { status: input.moveTo, review_requested_at: null, review_request_reason: null });
    await appendAudit(trx, { actorId: actor.id, action: 'interview.outcome', entityType: 'interview_booking', entityId: bookingId, detail: { outcome: input.outcome, moveTo: input.moveTo ?? null }, ip: meta.ip });
    await recordCaseActivity(trx, { graduateId: view.graduate_id! }, { kind: 'interview_outcome', refId: bookingId, summary: `${view.organisation_name} ${view.job_title} ${note}`, at: ctx.clock() });
  });
  await cancelReminders(ctx, bookingId);
  return (await presentInterviews(ctx.db, [(await findBookingView(ctx.db, bookingId))!], true))[0]!;
}

/**
 * When the call fails it is not a dead end: either side books a callback time (with new reminders)
 * or sends a message to the other side instead.
 */
export async function interviewFallback(ctx: AppContext, { actor, bookingId, input, meta }: { actor: TSessionUser; bookingId: string; input: TInterviewFallback; meta: RequestMeta }): Promise<TInterview> {
  const { view, isEmployer } = await loadBooking(ctx, actor, bookingId);
  if (view.booking_status === 'cancelled' || view.booking_status === 'completed') throw AppError.conflict('这场面试已结束或取消 / This interview is closed');
  if (input.kind === 'callback') {
    const at = new Date(input.callbackAt);
    if (at.getTime() <= ctx.clock().getTime()) throw new AppError('validation_failed', 'The callback must be in the future', { details: [{ path: 'body.callbackAt', message: 'in the past' }] });
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('interview_bookings').set({ status: 'callback', callback_at: at }).where('id', '=', bookingId).execute();
      await appendApplicationEvent(trx, { application_id: view.application_id!, from_status: 'interview', to_status: 'interview', actor_id: actor.id, note: `视频中断，约定回电 Call failed; callback booked for ${at.toISOString()}${input.note ? `: ${input.note}` : ''}` });
      await appendAudit(trx, { actorId: actor.id, action: 'interview.callback', entityType: 'interview_booking', entityId: bookingId, detail: { callbackAt: at.toISOString() }, ip: meta.ip });
    });
    await cancelReminders(ctx, bookingId);
    await scheduleReminders(ctx, { ...view, starts_at: at });
  } else {
    await appendApplicationEvent(ctx.db, { application_id: view.application_id!, from_status: 'interview', to_status: 'interview', actor_id: actor.id, note: `面试留言 Message instead of the call: ${input.body}` });
    const others = isEmployer ? [view.graduate_user_id] : view.interviewer_ids;
    const users = await ctx.db.selectFrom('users').select(['id', 'phone', 'email']).where('id', 'in', others.filter((x): x is string => x !== null)).execute();
    if (users.length) {
      await ctx.jobs.sendMessage(`interview-message-${bookingId}-${randomUUID()}`, {
        recipients: users.map((u) => ({ userId: u.id, to: u.phone ?? u.email ?? u.id, channel: 'inbox' as const })),
        subject: `关于「${view.job_title}」云面试的留言`,
        body: input.body,
      });
    }
  }
  return (await presentInterviews(ctx.db, [(await findBookingView(ctx.db, bookingId))!], isEmployer))[0]!;
}
