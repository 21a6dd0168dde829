import { randomUUID } from 'node:crypto';
import { AppError, ERROR_STATUS, type TErrorCode, type TResume, type TSessionUser } from '@yunpin/shared';
import { inspectResumeFile } from '@yunpin/shared/node';
import type { AppContext, RequestMeta } from '../../context.js';
import { insertResumeOnce, toResume } from '../../db/repositories/resumes.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { declaredResumeKind, type UploadedFile } from '../../http/upload.js';
import { inlineScreening } from '../applications/screening-input.js';
import { ownGraduateFile } from './graduate-of.js';

function inspectionError(code: string, message: string, status: number): AppError {
  const known = code.toLowerCase();
  const appCode = (known in ERROR_STATUS ? known : status === 415 ? 'file_type_mismatch' : status === 413 ? 'payload_too_large' : 'unprocessable_file') as TErrorCode;
  return new AppError(appCode, message);
}

/**
 * A graduate uploads a PDF or DOCX resume. The file is checked before anything is stored (type by
 * magic bytes, zip bombs and escaping entries, encryption); then it goes to the blob store by hash,
 * gets one resume record per graduate and file, and one parse job.
 */
export async function uploadResume(ctx: AppContext, { actor, file, meta }: { actor: TSessionUser; file: UploadedFile; meta: RequestMeta }): Promise<{ resume: TResume; created: boolean }> {
  const graduate = await ownGraduateFile(ctx, actor);
  const kind = declaredResumeKind(file);
  const inspection = await inspectResumeFile(file.bytes, kind);
  if (!inspection.ok) throw inspectionError(inspection.code, inspection.message, inspection.status);
  const blob = await ctx.blobs.put(file.bytes);
  const filename = file.filename.replace(/[\\/]/g, '_').slice(0, 200) || `resume.${kind}`;
  const { row, created } = await insertResumeOnce(ctx.db, { id: randomUUID(), graduate_id: graduate.id, filename, kind, size_bytes: blob.size, sha256: blob.sha256 });
  if (created) {
    await appendAudit(ctx.db, { actorId: actor.id, action: 'resume.uploaded', entityType: 'resume', entityId: row.id, detail: { kind, size: blob.size }, ip: meta.ip });
  }
  // Queued again for a resume still parsing: the job id is the resume's, so this adds nothing twice.
  if (row.status === 'parsing') {
    await ctx.jobs.enqueueParseResume({ resumeId: row.id, sha256: row.sha256, kind: row.kind, ...(await inlineScreening(ctx, graduate.id, row.id)) });
  }
  return { resume: toResume(row, 0), created };
}
