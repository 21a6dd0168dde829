import { AppError, type TGraduateListQuery, type TGraduateProfile, type TPage, type TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { listGraduates as listRows, toGraduateProfile } from '../../db/repositories/graduates.js';
import { policy, townScope } from '../../policy.js';

/** Office staff list the files of the towns they serve. */
export async function listGraduates(ctx: AppContext, actor: TSessionUser, query: TGraduateListQuery): Promise<TPage<TGraduateProfile>> {
  if (!policy.canListGraduates(actor)) throw AppError.notFound('Route');
  const page = await listRows(ctx.db, query, townScope(actor));
  const canSeeHardship = policy.canSeeHardship(actor);
  return { ...page, items: page.items.map((row) => toGraduateProfile(row, canSeeHardship)) };
}
