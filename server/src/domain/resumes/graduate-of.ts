import { AppError, type TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { findGraduate } from '../../db/repositories/graduates.js';
import type { GraduateRow } from '../../db/schema.js';
import { policy } from '../../policy.js';

/** The acting graduate's own file; graduates only. */
export async function ownGraduateFile(ctx: AppContext, actor: TSessionUser): Promise<GraduateRow> {
  if (!policy.canApply(actor)) throw AppError.forbidden('Only graduates have resumes and applications');
  const row = await ctx.db.selectFrom('graduate_profiles').select('id').where('user_id', '=', actor.id).executeTakeFirst();
  const file = row ? await findGraduate(ctx.db, row.id) : undefined;
  if (!file) throw AppError.notFound('Graduate file');
  return file;
}
