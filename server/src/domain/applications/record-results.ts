import type { TApplicationScreenedResult, TResumeParsedResult } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { appendApplicationEvent, insertScreeningOnce, updateApplication } from '../../db/repositories/applications.js';
import { completeParse, findResume } from '../../db/repositories/resumes.js';
import { applicationsAwaitingResume, enqueueScreening } from './screening-input.js';

/**
 * A parse result from the workers. Recorded once (a repeated result changes no resume); a parsed
 * resume is attached to the graduate's open applications that have none yet, and those are screened.
 */
export async function recordResumeParsed(ctx: AppContext, result: TResumeParsedResult): Promise<void> {
  const at = ctx.clock();
  await completeParse(
    ctx.db,
    result.resumeId,
    result.ok
      ? { ok: true, parsed: result.output.parsed, text: result.output.text, language: result.output.language, warnings: result.output.warnings, at }
      : { ok: false, code: result.code, message: result.message, at },
  );
  // Attaching and queuing below are idempotent, so a result delivered twice (or after a crash
  // between these steps) finishes the work instead of skipping it.
  if (!result.ok) return;
  const resume = await findResume(ctx.db, result.resumeId);
  if (!resume) return;
  const awaiting = await applicationsAwaitingResume(ctx, resume.graduate_id, resume.id);
  for (const a of awaiting) if (a.resume_id !== resume.id) await updateApplication(ctx.db, a.id, { resume_id: resume.id });
  const mine = awaiting.map((a) => ({ ...a, resume_id: resume.id }));
  if (!mine.length) return;
  // Scores the worker computed along with the parse count while they are still current: same job
  // requirements, and a resume the graduate has not corrected since. The rest go to the screening queue.
  const inline = new Map(result.screenings.map((s) => [s.applicationId, s]));
  const versions = new Map(
    (await ctx.db.selectFrom('jobs').select(['id', 'requirements_version']).where('id', 'in', [...new Set(mine.map((a) => a.job_id))]).execute()).map((j) => [j.id, j.requirements_version]),
  );
  const rest = [];
  for (const a of mine) {
    const s = inline.get(a.id);
    if (s && resume.revision === 1 && versions.get(a.job_id) === s.requirementsVersion) {
      await recordApplicationScreened(ctx, { applicationId: a.id, requirementsVersion: s.requirementsVersion, resumeId: resume.id, resumeRevision: resume.revision, result: s.result });
    } else {
      rest.push(a);
    }
  }
  await enqueueScreening(ctx, rest);
}

/**
 * A screening result from the workers, stored once per application, requirements version and resume
 * revision. A new application becomes 'screened'; no other status changes, since only people decide.
 */
export async function recordApplicationScreened(ctx: AppContext, result: TApplicationScreenedResult): Promise<void> {
  // One transaction: a crash between the two writes must not leave a score without its status move.
  await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertScreeningOnce(trx, {
      application_id: result.applicationId,
      requirements_version: result.requirementsVersion,
      resume_id: result.resumeId,
      resume_revision: result.resumeRevision,
      result: result.result,
    });
    if (!inserted) return;
    const moved = await trx
      .updateTable('applications')
      .set({ status: 'screened', updated_at: ctx.clock() })
      .where('id', '=', result.applicationId)
      .where('status', '=', 'new')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) > 0) {
      const score = Math.round(result.result.score);
      await appendApplicationEvent(trx, { application_id: result.applicationId, from_status: 'new', to_status: 'screened', actor_id: null, note: `自动评分 ${score}（仅供参考）Scored ${score} (advisory)` });
    }
  });
}
