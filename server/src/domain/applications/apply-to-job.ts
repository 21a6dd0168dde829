import { randomUUID } from 'node:crypto';
import { AppError, type TApplication, type TApply, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { appendApplicationEvent, findApplicationFor, findApplicationView, insertApplicationOnce, updateApplication } from '../../db/repositories/applications.js';
import { findResume, latestUsableResume } from '../../db/repositories/resumes.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { districtToday, loadReadableJob } from '../jobs/load-job.js';
import { ownGraduateFile } from '../resumes/graduate-of.js';
import { enqueueScreening } from './screening-input.js';
import { toApplication } from './present-application.js';

/**
 * A graduate applies to a published job before its deadline, once: applying again returns the same
 * application (a double click or a retry creates nothing), and applying after withdrawing reopens it.
 */
export async function applyToJob(ctx: AppContext, { actor, jobId, input, meta }: { actor: TSessionUser; jobId: string; input: TApply; meta: RequestMeta }): Promise<{ application: TApplication; created: boolean }> {
  const graduate = await ownGraduateFile(ctx, actor);
  const job = await loadReadableJob(ctx, actor, jobId);
  if (job.status !== 'published') throw AppError.conflict('This job is not open for applications');
  if (job.deadline < districtToday(ctx.clock())) throw AppError.conflict('The deadline for this job has passed');
  let resumeId: string | null = null;
  if (input.resumeId) {
    const resume = await findResume(ctx.db, input.resumeId);
    if (!resume || resume.graduate_id !== graduate.id) {
      throw new AppError('validation_failed', 'Unknown resume', { details: [{ path: 'body.resumeId', message: 'Not one of your resumes' }] });
    }
    if (resume.status === 'failed') throw AppError.conflict('That resume could not be read; upload another');
    resumeId = resume.id;
  } else {
    resumeId = (await latestUsableResume(ctx.db, graduate.id))?.id ?? null;
  }
  const id = randomUUID();
  let created = false;
  let reopened = false;
  await ctx.db.transaction().execute(async (trx) => {
    created = await insertApplicationOnce(trx, { id, job_id: jobId, graduate_id: graduate.id, resume_id: resumeId, cover_note: input.coverNote });
    if (created) {
      await appendApplicationEvent(trx, { application_id: id, from_status: null, to_status: 'new', actor_id: actor.id, note: '投递 Applied' });
      await appendAudit(trx, { actorId: actor.id, action: 'application.created', entityType: 'application', entityId: id, detail: { jobId }, ip: meta.ip });
      return;
    }
    const existing = (await findApplicationFor(trx, jobId, graduate.id))!;
    if (existing.status === 'withdrawn') {
      reopened = true;
      await updateApplication(trx, existing.id, { status: 'new', resume_id: resumeId ?? existing.resume_id, cover_note: input.coverNote || existing.cover_note });
      await appendApplicationEvent(trx, { application_id: existing.id, from_status: 'withdrawn', to_status: 'new', actor_id: actor.id, note: '重新投递 Applied again' });
    }
  });
  const row = (await findApplicationFor(ctx.db, jobId, graduate.id))!;
  if (created || reopened) await enqueueScreening(ctx, [row]);
  const view = await findApplicationView(ctx.db, row.id);
  return { application: toApplication(view!, actor), created: created || reopened };
}
