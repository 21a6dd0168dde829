import { AppError, type TGraduateListQuery, type TGraduateProfile, type TPage, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { logHardshipRead } from '../registry/hardship.js';
import { listGraduates as listRows, toGraduateProfiles } from '../../db/repositories/graduates.js';
import { policy, townScope } from '../../policy.js';

/** Office staff list the files of the towns they serve. */
export async function listGraduates(ctx: AppContext, actor: TSessionUser, query: TGraduateListQuery, meta: RequestMeta): Promise<TPage<TGraduateProfile>> {
  if (!policy.canListGraduates(actor)) throw AppError.notFound('Route');
  const page = await listRows(ctx.db, query, townScope(actor));
  const canSeeHardship = policy.canSeeHardship(actor);
  if (canSeeHardship) await logHardshipRead(ctx, actor, page.items.map((row) => row.id), meta);
  return { ...page, items: await toGraduateProfiles(ctx.fieldCrypto, page.items, canSeeHardship) };
}
