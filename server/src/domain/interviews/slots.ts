import { randomBytes, randomUUID } from 'node:crypto';
import { AppError, MAX_INTERVIEWERS, type TCreateInterviewSlots, type TInterviewSlot, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';
import { loadManagedJob, loadReadableJob } from '../jobs/load-job.js';
import { ownGraduateFile } from '../resumes/graduate-of.js';
import { cancelReminders, notifyCancelled } from './reminders.js';
import { presentSlots, slotViews, type SlotView } from './interview-views.js';

/** 128 random bits: room names nobody can guess or derive from other ids. */
export function newRoomKey(): string {
  return randomBytes(16).toString('base64url');
}

/** The employer publishes interview slots for a job, with a panel of its own staff. */
export async function createInterviewSlots(ctx: AppContext, { actor, jobId, input, meta }: { actor: TSessionUser; jobId: string; input: TCreateInterviewSlots; meta: RequestMeta }): Promise<TInterviewSlot[]> {
  const job = await loadManagedJob(ctx, actor, jobId);
  if (job.status !== 'published') throw AppError.conflict('Interviews are scheduled for published jobs');
  const panel = [...new Set([actor.id, ...input.interviewerIds])];
  if (panel.length > MAX_INTERVIEWERS) throw new AppError('validation_failed', `At most ${MAX_INTERVIEWERS} interviewers`, { details: [{ path: 'body.interviewerIds', message: 'too many' }] });
  const users = await ctx.db.selectFrom('users').select(['id', 'role', 'organisation_id', 'is_disabled']).where('id', 'in', panel).execute();
  const bad = panel.filter((id) => {
    const u = users.find((x) => x.id === id);
    return !u || !policy.canRepresentOrganisation(u, job.organisation_id);
  });
  if (bad.length) throw new AppError('validation_failed', 'Interviewers must be recruiters of this employer', { details: bad.map((id) => ({ path: 'body.interviewerIds', message: `not a colleague: ${id}` })) });
  const now = ctx.clock().getTime();
  const starts = input.startsAt.map((t) => new Date(t));
  const past = starts.findIndex((s) => s.getTime() <= now);
  if (past >= 0) throw new AppError('validation_failed', 'Slots must start in the future', { details: [{ path: `body.startsAt.${past}`, message: 'in the past' }] });
  const rows = starts.map((s) => ({ id: randomUUID(), job_id: jobId, starts_at: s, ends_at: new Date(s.getTime() + input.durationMinutes * 60_000), interviewer_ids: panel, room_key: newRoomKey(), created_by: actor.id }));
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('interview_slots').values(rows).execute();
    await appendAudit(trx, { actorId: actor.id, action: 'interview.slots_created', entityType: 'job', entityId: jobId, detail: { count: rows.length }, ip: meta.ip });
  });
  const views = (await slotViews(ctx.db).where('s.id', 'in', rows.map((r) => r.id)).orderBy('s.starts_at').execute()) as SlotView[];
  return presentSlots(ctx.db, views, () => true);
}

/**
 * A job's slots: all of them for the employer; for a graduate whose application to the job is at
 * the interview stage, the open ones in the future and their own booking.
 */
export async function listInterviewSlots(ctx: AppContext, actor: TSessionUser, jobId: string): Promise<TInterviewSlot[]> {
  const job = await loadReadableJob(ctx, actor, jobId);
  const all = (await slotViews(ctx.db).where('s.job_id', '=', jobId).where('s.status', '!=', 'cancelled').orderBy('s.starts_at').execute()) as SlotView[];
  if (policy.canManageJob(actor, job)) return presentSlots(ctx.db, all, () => true);
  const graduate = await ownGraduateFile(ctx, actor);
  const application = await ctx.db.selectFrom('applications').select(['id', 'status']).where('job_id', '=', jobId).where('graduate_id', '=', graduate.id).executeTakeFirst();
  if (!application || application.status !== 'interview') throw AppError.forbidden('Interview times open once the employer invites you to interview');
  const now = ctx.clock().getTime();
  const visible = all.filter((v) => v.application_id === application.id || (v.status === 'open' && v.starts_at.getTime() > now));
  return presentSlots(ctx.db, visible, (v) => v.application_id === application.id);
}

/** The employer withdraws a slot; a booking on it is cancelled, its reminders withdrawn, and both sides told. */
export async function cancelInterviewSlot(ctx: AppContext, { actor, id, meta }: { actor: TSessionUser; id: string; meta: RequestMeta }): Promise<void> {
  const view = (await slotViews(ctx.db).where('s.id', '=', id).executeTakeFirst()) as SlotView | undefined;
  if (!view || !policy.canManageJob(actor, { organisation_id: view.organisation_id, town_id: '' })) throw AppError.notFound('Interview slot');
  if (view.status === 'cancelled') return;
  if (view.booking_status === 'completed') throw AppError.conflict('这场面试已结束，时段不能撤回 / This interview has taken place; its slot cannot be withdrawn');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('interview_slots').set({ status: 'cancelled' }).where('id', '=', id).execute();
    if (view.booking_id) await trx.updateTable('interview_bookings').set({ status: 'cancelled', cancelled_at: ctx.clock() }).where('id', '=', view.booking_id).execute();
    await appendAudit(trx, { actorId: actor.id, action: 'interview.slot_cancelled', entityType: 'interview_slot', entityId: id, detail: { bookingId: view.booking_id }, ip: meta.ip });
  });
  if (view.booking_id && view.booking_status === 'booked') {
    await cancelReminders(ctx, view.booking_id);
    await notifyCancelled(ctx, view, 'employer');
  }
}
