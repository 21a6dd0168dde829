import {
  AppError,
  type TApplication,
  type TApplicationDetail,
  type TApplicationListQuery,
  type TBulkMoveApplications,
  type TCsvTable,
  type TMoveApplication,
  type TPage,
  type TScreeningProgress,
  type TSessionUser,
} from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import {
  allJobApplications,
  appendApplicationEvent,
  findApplicationView,
  findApplicationViews,
  listApplicationEvents,
  listJobApplications,
  openApplications,
  screeningCounts,
  updateApplication,
  type ApplicationView,
} from '../../db/repositories/applications.js';
import { findResume } from '../../db/repositories/resumes.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';
import { loadManagedJob } from '../jobs/load-job.js';
import { loadReadableApplication, toApplication } from './present-application.js';
import { enqueueScreening } from './screening-input.js';

/** The recruiter's pipeline for one job, best score first by default. */
export async function listJobPipeline(ctx: AppContext, actor: TSessionUser, jobId: string, q: TApplicationListQuery): Promise<TPage<TApplication>> {
  await loadManagedJob(ctx, actor, jobId);
  const page = await listJobApplications(ctx.db, jobId, q);
  return { ...page, items: page.items.map((v) => toApplication(v, actor)) };
}

export async function getApplication(ctx: AppContext, actor: TSessionUser, id: string): Promise<TApplicationDetail> {
  const view = await loadReadableApplication(ctx, actor, id);
  const [events, resume] = await Promise.all([listApplicationEvents(ctx.db, id), view.resume_id ? findResume(ctx.db, view.resume_id) : undefined]);
  return {
    ...toApplication(view, actor),
    history: events.map((e) => ({ fromStatus: e.from_status, toStatus: e.to_status, note: e.note, actorName: e.actor_name, at: e.at.toISOString() })),
    resume: resume?.parsed ?? null,
  };
}

function moveRefusal(view: ApplicationView, to: string): string | null {
  if (view.status === 'withdrawn') return 'withdrawn by the graduate';
  if (view.status === to) return `already ${to}`;
  return null;
}

/** A person moves applications along the pipeline; each move is kept in the history and clears a pending review request. */
async function move(ctx: AppContext, actor: TSessionUser, views: ApplicationView[], input: TMoveApplication, meta: RequestMeta) {
  await ctx.db.transaction().execute(async (trx) => {
    for (const view of views) {
      await updateApplication(trx, view.id, { status: input.status, review_requested_at: null, review_request_reason: null });
      await appendApplicationEvent(trx, { application_id: view.id, from_status: view.status, to_status: input.status, actor_id: actor.id, note: input.note });
      await appendAudit(trx, { actorId: actor.id, action: 'application.moved', entityType: 'application', entityId: view.id, detail: { from: view.status, to: input.status }, ip: meta.ip });
    }
  });
}

export async function moveApplication(ctx: AppContext, { actor, id, input, meta }: { actor: TSessionUser; id: string; input: TMoveApplication; meta: RequestMeta }): Promise<TApplication> {
  const view = await loadReadableApplication(ctx, actor, id);
  if (!policy.canMoveApplication(actor, view)) throw AppError.forbidden("Only the employer's recruiters decide on applications");
  const refusal = moveRefusal(view, input.status);
  if (refusal) throw AppError.conflict(`This application is ${refusal}`);
  await move(ctx, actor, [view], input, meta);
  return toApplication((await findApplicationView(ctx.db, id))!, actor);
}

/** Moves many applications of the actor's employer at once; the others are listed with the reason. */
export async function bulkMoveApplications(ctx: AppContext, { actor, input, meta }: { actor: TSessionUser; input: TBulkMoveApplications; meta: RequestMeta }) {
  if (!policy.canPostJob(actor)) throw AppError.forbidden("Only an employer's recruiters decide on applications");
  const ids = [...new Set(input.ids)];
  const views = new Map((await findApplicationViews(ctx.db, ids)).map((v) => [v.id, v]));
  const movable: ApplicationView[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const id of ids) {
    const view = views.get(id);
    if (!view || !policy.canMoveApplication(actor, view)) {
      skipped.push({ id, reason: 'not found' });
      continue;
    }
    const refusal = moveRefusal(view, input.status);
    if (refusal) skipped.push({ id, reason: refusal });
    else movable.push(view);
  }
  await move(ctx, actor, movable, input, meta);
  return { moved: movable.map((v) => v.id), skipped };
}

export async function screeningProgress(ctx: AppContext, actor: TSessionUser, jobId: string): Promise<TScreeningProgress> {
  const job = await loadManagedJob(ctx, actor, jobId);
  const counts = await screeningCounts(ctx.db, jobId, job.requirements_version);
  return { requirementsVersion: job.requirements_version, total: counts.total, screened: counts.screened, waitingResume: counts.waitingResume };
}

/** Runs screening again for every open application of the job (e.g. after the scorer improved). */
export async function rescreenJob(ctx: AppContext, actor: TSessionUser, jobId: string): Promise<TScreeningProgress> {
  await loadManagedJob(ctx, actor, jobId);
  await enqueueScreening(ctx, await openApplications(ctx.db, { jobId }));
  return screeningProgress(ctx, actor, jobId);
}

export async function exportJobApplications(ctx: AppContext, actor: TSessionUser, jobId: string): Promise<TCsvTable> {
  const job = await loadManagedJob(ctx, actor, jobId);
  const rows = await allJobApplications(ctx.db, jobId);
  return {
    filename: `applications-${job.id.slice(0, 8)}.csv`,
    columns: ['申请人 Graduate', '状态 Status', '评分 Score (advisory)', '技能 Skills', '学历 Degree', '专业 Major', '经历 Experience', '语言 Languages', '申请人工复核 Review requested', '投递时间 Applied at'],
    rows: rows.map((v) => {
      const points = (key: string) => {
        const c = v.screening_result?.criteria.find((x) => x.key === key);
        return c && c.weight > 0 ? Math.round(c.points * 10) / 10 : null;
      };
      return [
        v.graduate_name,
        v.status,
        v.screening_score === null ? null : Math.round(v.screening_score * 10) / 10,
        points('skills'),
        points('degree'),
        points('major'),
        points('experience'),
        points('languages'),
        v.review_requested_at ? '是 yes' : '',
        v.created_at.toISOString(),
      ];
    }),
  };
}
