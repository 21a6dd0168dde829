import { AppError, type TConfirmResume, type TResume, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { confirmResume as writeConfirmation, findResume, listResumes as listRows, toResume } from '../../db/repositories/resumes.js';
import { openApplications } from '../../db/repositories/applications.js';
import { appendAudit } from '../../db/repositories/audit.js';
import type { ResumeRow } from '../../db/schema.js';
import { enqueueScreening } from '../applications/screening-input.js';
import { ownGraduateFile } from './graduate-of.js';

async function present(ctx: AppContext, row: ResumeRow): Promise<TResume> {
  return toResume(row, row.status === 'parsing' ? await ctx.jobs.parseProgress(row.id) : 100);
}

async function loadOwnResume(ctx: AppContext, actor: TSessionUser, id: string): Promise<ResumeRow> {
  const graduate = await ownGraduateFile(ctx, actor);
  const row = await findResume(ctx.db, id);
  if (!row || row.graduate_id !== graduate.id) throw AppError.notFound('Resume');
  return row;
}

export async function listMyResumes(ctx: AppContext, actor: TSessionUser): Promise<TResume[]> {
  const graduate = await ownGraduateFile(ctx, actor);
  return Promise.all((await listRows(ctx.db, graduate.id)).map((r) => present(ctx, r)));
}

/** One resume with its parsing progress (0–100 while the workers read it). */
export async function getMyResume(ctx: AppContext, actor: TSessionUser, id: string): Promise<TResume> {
  return present(ctx, await loadOwnResume(ctx, actor, id));
}

/** The graduate confirms the parsed profile, with any corrections; applications using it are re-screened. */
export async function confirmMyResume(ctx: AppContext, { actor, id, input, meta }: { actor: TSessionUser; id: string; input: TConfirmResume; meta: RequestMeta }): Promise<TResume> {
  const row = await loadOwnResume(ctx, actor, id);
  if (row.status === 'parsing') throw AppError.conflict('This resume is still being read; confirm it when parsing has finished');
  if (row.status === 'failed') throw AppError.conflict('This resume could not be read; upload it again in another format');
  await writeConfirmation(ctx.db, id, input.parsed, ctx.clock());
  await appendAudit(ctx.db, { actorId: actor.id, action: 'resume.confirmed', entityType: 'resume', entityId: id, detail: {}, ip: meta.ip });
  await enqueueScreening(ctx, await openApplications(ctx.db, { resumeId: id }));
  const updated = await findResume(ctx.db, id);
  return present(ctx, updated!);
}
