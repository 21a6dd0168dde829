import { AppError, type TPaySubsidyClaim, type TSessionUser, type TSubsidyClaim } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { loadDecidableClaim } from './claim-views.js';
import { getClaim } from './list-claims.js';
import { ledgerPayments, type Payments } from './payments.js';

export interface PayClaimOptions {
  actor: TSessionUser;
  id: string;
  input: TPaySubsidyClaim;
  meta: RequestMeta;
  /** Where the money goes out; the local ledger unless a bank integration is given. */
  payments?: Payments;
}

/**
 * Records the payment of an approved claim. A repeat with the same idempotency key answers with the
 * paid claim and records nothing more; a claim already paid under another key is a conflict.
 */
export async function payClaim(ctx: AppContext, { actor, id, input, meta, payments = ledgerPayments }: PayClaimOptions): Promise<TSubsidyClaim> {
  const claim = await loadDecidableClaim(ctx, actor, id);
  if (claim.status !== 'approved' && claim.status !== 'paid') throw AppError.conflict('Only an approved claim is paid');
  const payee = claim.organisation_name ?? claim.graduate_name;
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    const paid = await trx.selectFrom('payment_ledger').select('idempotency_key').where('claim_id', '=', id).executeTakeFirst();
    if (paid && paid.idempotency_key !== input.idempotencyKey) throw AppError.conflict('This claim has already been paid');
    const { isNew } = await payments.pay(trx, { claimId: id, amountYuan: claim.amount_yuan, payee, reference: input.reference, idempotencyKey: input.idempotencyKey, recordedBy: actor.id, at: now });
    if (!isNew) return;
    await trx.updateTable('subsidy_claims').set({ status: 'paid', paid_at: now }).where('id', '=', id).where('status', '=', 'approved').execute();
    await appendAudit(trx, { actorId: actor.id, action: 'subsidy.paid', entityType: 'subsidy_claim', entityId: id, detail: { amountYuan: claim.amount_yuan, reference: input.reference }, ip: meta.ip });
  });
  return getClaim(ctx, actor, id);
}
