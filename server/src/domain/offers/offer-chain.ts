import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** The hash before an offer's first event. */
export const CHAIN_START = '0'.repeat(64);

export interface OfferEventInput {
  offerId: string;
  actorId: string | null;
  action: string;
  detail?: Record<string, unknown>;
  ip?: string | null;
  at: Date;
}

interface ChainedEvent {
  offer_id: string;
  seq: number;
  at: Date;
  actor_id: string | null;
  action: string;
  detail: Record<string, unknown>;
  ip: string | null;
  prev_hash: string;
}

/** Key order fixed, so the same event always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** SHA-256 over the previous hash and the event's fields. */
export function eventHash(e: ChainedEvent): string {
  const body = canonical({ offerId: e.offer_id, seq: e.seq, at: e.at.toISOString(), actorId: e.actor_id, action: e.action, detail: e.detail, ip: e.ip });
  return createHash('sha256').update(e.prev_hash).update('\n').update(body).digest('hex');
}

/**
 * Appends one event to the offer's trail, carrying the previous event's hash. Run it inside the
 * transaction that makes the change; the offer row is locked first, so two writers cannot both
 * take the same sequence number.
 */
export async function appendOfferEvent(trx: Kysely<Database>, input: OfferEventInput): Promise<void> {
  await sql`select 1 from offers where id = ${input.offerId} for update`.execute(trx);
  const last = await trx.selectFrom('offer_events').select(['seq', 'hash']).where('offer_id', '=', input.offerId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  // Stored to the millisecond, as timestamptz keeps microseconds and the hash must recompute.
  const event: ChainedEvent = {
    offer_id: input.offerId,
    seq: (last?.seq ?? 0) + 1,
    at: new Date(Math.floor(input.at.getTime())),
    actor_id: input.actorId,
    action: input.action,
    detail: input.detail ?? {},
    ip: input.ip ?? null,
    prev_hash: last?.hash ?? CHAIN_START,
  };
  await trx
    .insertInto('offer_events')
    .values({ ...event, detail: JSON.stringify(event.detail), hash: eventHash(event) })
    .execute();
}

/** Recomputes the chain: true when every event's hash and link is intact. */
export function chainIsIntact(rows: (ChainedEvent & { hash: string })[]): boolean {
  let prev = CHAIN_START;
  for (const [i, row] of rows.entries()) {
    if (row.seq !== i + 1 || row.prev_hash !== prev || eventHash(row) !== row.hash) return false;
    prev = row.hash;
  }
  return true;
}
