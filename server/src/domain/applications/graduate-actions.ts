import { AppError, type TApplication, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { appendApplicationEvent, findApplicationView, listGraduateApplications, updateApplication } from '../../db/repositories/applications.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { ownGraduateFile } from '../resumes/graduate-of.js';
import { toApplication } from './present-application.js';

async function loadOwn(ctx: AppContext, actor: TSessionUser, id: string) {
  const graduate = await ownGraduateFile(ctx, actor);
  const view = await findApplicationView(ctx.db, id);
  if (!view || view.graduate_id !== graduate.id) throw AppError.notFound('Application');
  return view;
}

export async function listMyApplications(ctx: AppContext, actor: TSessionUser): Promise<TApplication[]> {
  const graduate = await ownGraduateFile(ctx, actor);
  return (await listGraduateApplications(ctx.db, graduate.id)).map((v) => toApplication(v, actor));
}

/** The graduate withdraws; the employer keeps the history but no longer sees it among open applications. */
export async function withdrawApplication(ctx: AppContext, { actor, id, meta }: { actor: TSessionUser; id: string; meta: RequestMeta }): Promise<TApplication> {
  const view = await loadOwn(ctx, actor, id);
  if (view.status === 'withdrawn') return toApplication(view, actor);
  if (view.status === 'hired') throw AppError.conflict('A hired application cannot be withdrawn');
  await ctx.db.transaction().execute(async (trx) => {
    await updateApplication(trx, id, { status: 'withdrawn' });
    await appendApplicationEvent(trx, { application_id: id, from_status: view.status, to_status: 'withdrawn', actor_id: actor.id, note: '撤回 Withdrawn' });
    await appendAudit(trx, { actorId: actor.id, action: 'application.withdrawn', entityType: 'application', entityId: id, detail: { from: view.status }, ip: meta.ip });
  });
  return toApplication((await findApplicationView(ctx.db, id))!, actor);
}

/** The graduate asks how their application was scored; from then on they see the per-criterion reasons. */
export async function requestExplanation(ctx: AppContext, { actor, id, meta }: { actor: TSessionUser; id: string; meta: RequestMeta }): Promise<TApplication> {
  const view = await loadOwn(ctx, actor, id);
  if (!view.explanation_requested_at) {
    await updateApplication(ctx.db, id, { explanation_requested_at: ctx.clock() });
    await appendAudit(ctx.db, { actorId: actor.id, action: 'application.explanation_requested', entityType: 'application', entityId: id, detail: {}, ip: meta.ip });
  }
  return toApplication((await findApplicationView(ctx.db, id))!, actor);
}

/**
 * The graduate asks for a person to review the application (PIPL art. 24: the right to refuse
 * decisions made only by machines). The request shows on the recruiter's pipeline until a person moves it.
 */
export async function requestHumanReview(ctx: AppContext, { actor, id, reason, meta }: { actor: TSessionUser; id: string; reason: string; meta: RequestMeta }): Promise<TApplication> {
  const view = await loadOwn(ctx, actor, id);
  if (view.status === 'withdrawn') throw AppError.conflict('This application was withdrawn');
  await ctx.db.transaction().execute(async (trx) => {
    await updateApplication(trx, id, { review_requested_at: ctx.clock(), review_request_reason: reason });
    await appendApplicationEvent(trx, { application_id: id, from_status: view.status, to_status: view.status, actor_id: actor.id, note: `申请人工复核 Human review requested: ${reason}` });
    await appendAudit(trx, { actorId: actor.id, action: 'application.review_requested', entityType: 'application', entityId: id, detail: {}, ip: meta.ip });
  });
  return toApplication((await findApplicationView(ctx.db, id))!, actor);
}
