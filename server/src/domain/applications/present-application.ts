import { AppError, type TApplication, type TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { findApplicationView, type ApplicationView } from '../../db/repositories/applications.js';
import { policy } from '../../policy.js';

/**
 * The score and its reasons are the employer's working information; the graduate sees them once
 * they ask for the explanation (PIPL art. 24), caseworkers when supporting the graduate.
 */
function canSeeScreening(actor: TSessionUser, view: ApplicationView): boolean {
  if (actor.role === 'graduate') return view.explanation_requested_at !== null;
  return true;
}

export function toApplication(view: ApplicationView, actor: TSessionUser): TApplication {
  const usable = view.resume_status === 'parsed' || view.resume_status === 'confirmed';
  const current =
    view.screening_result !== null &&
    view.screening_version === view.job_requirements_version &&
    view.screening_resume_id === view.resume_id &&
    view.screening_resume_revision === view.resume_revision;
  const screeningState: TApplication['screeningState'] = !usable ? 'waiting_resume' : current ? 'done' : 'queued';
  return {
    id: view.id,
    jobId: view.job_id,
    jobTitle: view.job_title,
    organisationName: view.organisation_name,
    graduateId: view.graduate_id,
    graduateName: view.graduate_name,
    resumeId: view.resume_id,
    status: view.status,
    coverNote: view.cover_note,
    screening:
      view.screening_result && canSeeScreening(actor, view)
        ? { ...view.screening_result, requirementsVersion: view.screening_version!, current, screenedAt: view.screened_at!.toISOString() }
        : null,
    screeningState,
    reviewRequestedAt: view.review_requested_at ? view.review_requested_at.toISOString() : null,
    reviewRequestReason: view.review_request_reason,
    explanationRequestedAt: view.explanation_requested_at ? view.explanation_requested_at.toISOString() : null,
    createdAt: view.created_at.toISOString(),
    updatedAt: view.updated_at.toISOString(),
  };
}

/** An application the actor may read, or not_found. */
export async function loadReadableApplication(ctx: AppContext, actor: TSessionUser, id: string): Promise<ApplicationView> {
  const view = await findApplicationView(ctx.db, id);
  if (!view) throw AppError.notFound('Application');
  const owner = await ctx.db.selectFrom('graduate_profiles').select(['user_id', 'hukou_town_id']).where('id', '=', view.graduate_id).executeTakeFirstOrThrow();
  if (!policy.canReadApplication(actor, { graduate_user_id: owner.user_id, organisation_id: view.organisation_id, hukou_town_id: owner.hukou_town_id })) {
    throw AppError.notFound('Application');
  }
  return view;
}
