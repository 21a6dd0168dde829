import { randomUUID } from 'node:crypto';
import { AppError } from '@yunpin/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface PaymentOrder {
  claimId: string;
  amountYuan: number;
  payee: string;
  reference: string;
  idempotencyKey: string;
  recordedBy: string | null;
  at: Date;
}

export interface PaymentEntry {
  id: string;
  claimId: string;
  amountYuan: number;
  payee: string;
  reference: string;
  at: Date;
}

/**
 * Where subsidy money goes out. The platform records payments in a local ledger; a bank integration would
 * be another implementation of this interface (out of scope here).
 */
export interface Payments {
  /** Pays once per idempotency key: a repeat returns the first entry and `isNew: false`. */
  pay(db: Kysely<Database>, order: PaymentOrder): Promise<{ entry: PaymentEntry; isNew: boolean }>;
}

/** The local ledger: one row per payment, keyed by its idempotency key. */
export const ledgerPayments: Payments = {
  async pay(db, order) {
    const inserted = await db
      .insertInto('payment_ledger')
      .values({ id: randomUUID(), idempotency_key: order.idempotencyKey, claim_id: order.claimId, amount_yuan: order.amountYuan, payee: order.payee, reference: order.reference, recorded_by: order.recordedBy, created_at: order.at })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    const row = await db.selectFrom('payment_ledger').selectAll().where('idempotency_key', '=', order.idempotencyKey).executeTakeFirstOrThrow();
    if (row.claim_id !== order.claimId) throw AppError.conflict('This idempotency key was used for another payment');
    return { entry: { id: row.id, claimId: row.claim_id, amountYuan: row.amount_yuan, payee: row.payee, reference: row.reference, at: row.created_at }, isNew: inserted !== undefined };
  },
};
