import { AppError, type TBooth, type TSessionUser, type TSetRota } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { listRepresentatives, replaceRota } from '../../db/repositories/booths.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { loadEditableBooth, reloadBooth } from './get-booth.js';

export interface SetBoothRotaOptions {
  actor: TSessionUser;
  id: string;
  input: TSetRota;
  meta: RequestMeta;
}

/** Replaces the duty rota: who is at the booth when. Every slot's person must represent the booth. */
export async function setBoothRota(ctx: AppContext, { actor, id, input, meta }: SetBoothRotaOptions): Promise<TBooth> {
  await loadEditableBooth(ctx, actor, id);
  const representatives = new Set((await listRepresentatives(ctx.db, id)).map((r) => r.userId));
  const details = input.slots.flatMap((slot, i) => [
    ...(representatives.has(slot.userId) ? [] : [{ path: `slots.${i}.userId`, message: 'Not a representative of this booth' }]),
    ...(Date.parse(slot.endsAt) > Date.parse(slot.startsAt) ? [] : [{ path: `slots.${i}.endsAt`, message: 'endsAt must be after startsAt' }]),
  ]);
  if (details.length) throw new AppError('validation_failed', 'Invalid rota', { details });
  const slots = input.slots.map((slot) => ({ userId: slot.userId, startsAt: new Date(slot.startsAt), endsAt: new Date(slot.endsAt) }));
  await ctx.db.transaction().execute(async (trx) => {
    await replaceRota(trx, id, slots);
    await appendAudit(trx, { actorId: actor.id, action: 'booth.rota_set', entityType: 'booth', entityId: id, detail: { slots: slots.length }, ip: meta.ip });
  });
  return reloadBooth(ctx, id);
}
