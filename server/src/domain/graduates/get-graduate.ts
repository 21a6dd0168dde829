import { AppError, type TGraduateProfile, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { logHardshipRead } from '../registry/hardship.js';
import type { GraduateRow } from '../../db/schema.js';
import { findGraduate, toGraduateProfiles } from '../../db/repositories/graduates.js';
import { policy } from '../../policy.js';

/** Loads a file the actor may read, or throws not_found (also when it exists but is not theirs). */
export async function loadReadableGraduate(ctx: AppContext, actor: TSessionUser, id: string): Promise<GraduateRow> {
  const row = await findGraduate(ctx.db, id);
  if (!row || !policy.canReadGraduate(actor, row)) throw AppError.notFound('Graduate file');
  return row;
}

export async function getGraduate(ctx: AppContext, actor: TSessionUser, id: string, meta: RequestMeta): Promise<TGraduateProfile> {
  const row = await loadReadableGraduate(ctx, actor, id);
  const canSeeHardship = policy.canSeeHardship(actor);
  if (canSeeHardship) await logHardshipRead(ctx, actor, [row.id], meta);
  const [profile] = await toGraduateProfiles(ctx.fieldCrypto, [row], canSeeHardship);
  return profile!;
}
