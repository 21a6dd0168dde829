import { randomUUID } from 'node:crypto';
import { AppError, type TApplyBooth, type TBooth, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { findBoothOfOrganisation, insertBooth } from '../../db/repositories/booths.js';
import { findOrganisation } from '../../db/repositories/organisations.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';
import { loadReadableFair } from './get-fair.js';
import { reloadBooth } from './get-booth.js';

export interface ApplyForBoothOptions {
  actor: TSessionUser;
  fairId: string;
  input: TApplyBooth;
  meta: RequestMeta;
}

/** A verified employer's administrator applies for one booth at a published or live fair; organisers review it. */
export async function applyForBooth(ctx: AppContext, { actor, fairId, input, meta }: ApplyForBoothOptions): Promise<TBooth> {
  const { fair } = await loadReadableFair(ctx, actor, fairId);
  if (!policy.canApplyForBooth(actor) || !actor.organisationId) throw AppError.forbidden("Only an employer's administrator may apply for a booth");
  const organisation = await findOrganisation(ctx.db, actor.organisationId);
  if (!organisation?.is_verified) {
    throw AppError.forbidden('Your organisation has not been verified yet; the employment service must verify it before it can take a booth');
  }
  if (fair.status !== 'published' && fair.status !== 'live') throw AppError.conflict(`Booth applications are closed: this fair is ${fair.status}`);
  if (await findBoothOfOrganisation(ctx.db, fair.id, organisation.id)) throw AppError.conflict('Your organisation already has a booth at this fair');
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await insertBooth(trx, {
      id,
      fairId: fair.id,
      organisationId: organisation.id,
      profile: input.profile,
      jobs: input.jobs,
      maxConcurrentChats: input.maxConcurrentChats,
      softLimitMinutes: input.softLimitMinutes,
    });
    await appendAudit(trx, { actorId: actor.id, action: 'booth.applied', entityType: 'booth', entityId: id, detail: { fairId: fair.id, organisationId: organisation.id }, ip: meta.ip });
  });
  return reloadBooth(ctx, id);
}
