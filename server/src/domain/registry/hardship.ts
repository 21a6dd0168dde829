import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { AppError, type THardshipConsent, type THardshipRecord, type TRecordHardship, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import type { Database, HardshipConsentRow } from '../../db/schema.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';
import { loadReadableGraduate } from '../graduates/get-graduate.js';

/**
 * The files with hardship among those of `towns` (all files when null), found by opening every
 * sealed status here (the database cannot tell them apart), given as their sealed values: a sealed
 * value fixes its status, so `hardship_sealed = any(<these>)` selects exactly those files in SQL.
 * One aggregated row of the values alone: at 30,000 files half the time of one with the ids
 * (uuid-to-text conversion and twice the bytes) and a third of a row per file; they open in one AES call.
 */
export async function hardshipSealedValues(ctx: Pick<AppContext, 'db' | 'fieldCrypto'>, towns: readonly string[] | null): Promise<string[]> {
  if (towns?.length === 0) return [];
  let q = ctx.db.selectFrom('graduate_profiles').select(sql<string | null>`string_agg(hardship_sealed, ',')`.as('sealed'));
  if (towns) q = q.where('hukou_town_id', 'in', towns);
  const { sealed } = await q.executeTakeFirstOrThrow();
  if (!sealed) return [];
  // Sealed values are base64url and dots: a comma never occurs in one.
  const values = sealed.split(',');
  const flags = await ctx.fieldCrypto.openFlags(values);
  return values.filter((_, i) => flags[i]);
}

/** SQL: the file (`graduate_profiles`, or the alias given) is one of those `hardshipSealedValues` returned. */
export function hasHardshipSql(sealedValues: readonly string[], table = 'graduate_profiles'): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(`${table}.hardship_sealed`)} = any(${sealedValues}::text[])`;
}

export async function hasActiveHardshipConsent(db: Kysely<Database>, graduateId: string): Promise<boolean> {
  const row = await db.selectFrom('hardship_consents').select('id').where('graduate_id', '=', graduateId).where('withdrawn_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

/** Every read of hardship status is written to the audit log: who, which files, from where. */
export async function logHardshipRead(ctx: AppContext, actor: TSessionUser, graduateIds: string[], meta: RequestMeta): Promise<void> {
  if (graduateIds.length === 0) return;
  await appendAudit(ctx.db, {
    actorId: actor.id,
    action: 'graduate.hardship_read',
    entityType: 'graduate',
    entityId: graduateIds.length === 1 ? graduateIds[0]! : null,
    detail: { graduateIds },
    ip: meta.ip,
  });
}

function toConsent(row: HardshipConsentRow): THardshipConsent {
  return {
    id: row.id,
    givenBy: row.given_by,
    basis: row.basis,
    consentedAt: row.consented_at.toISOString(),
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at.toISOString(),
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
  };
}

async function hardshipRecord(db: Kysely<Database>, graduateId: string, isHardship: boolean): Promise<THardshipRecord> {
  const rows = await db.selectFrom('hardship_consents').selectAll().where('graduate_id', '=', graduateId).orderBy('recorded_at', 'desc').orderBy('id').execute();
  return { isHardship, consents: rows.map(toConsent) };
}

export interface HardshipOptions {
  actor: TSessionUser;
  graduateId: string;
  meta: RequestMeta;
}

/** The hardship flag with its consents, for staff serving the file's town; the read is logged. */
export async function getHardship(ctx: AppContext, { actor, graduateId, meta }: HardshipOptions): Promise<THardshipRecord> {
  const row = await loadReadableGraduate(ctx, actor, graduateId);
  if (!policy.canReadHardshipRecord(actor, row)) throw AppError.notFound('Graduate file');
  await logHardshipRead(ctx, actor, [row.id], meta);
  return hardshipRecord(ctx.db, row.id, await ctx.fieldCrypto.openFlag(row.hardship_sealed));
}

/**
 * Sets the hardship flag together with its consent (who consented, when, on what basis), or
 * clears it and withdraws the consents on file; one transaction, audited without the status itself.
 */
export async function recordHardship(ctx: AppContext, { actor, graduateId, meta, input }: HardshipOptions & { input: TRecordHardship }): Promise<THardshipRecord> {
  const row = await loadReadableGraduate(ctx, actor, graduateId);
  if (!policy.canReadHardshipRecord(actor, row)) throw AppError.notFound('Graduate file');
  if (!policy.canRecordHardship(actor, row)) throw AppError.forbidden('Only caseworkers of the town and admins record hardship');
  if (row.erased_at) throw new AppError('conflict', '该档案已按本人申请删除 / This file was erased at the graduate\'s request');
  const now = ctx.clock();
  const sealed = await ctx.fieldCrypto.sealFlag(input.isHardship);
  await ctx.db.transaction().execute(async (trx) => {
    if (input.isHardship) {
      await trx
        .insertInto('hardship_consents')
        .values({ id: randomUUID(), graduate_id: row.id, given_by: input.givenBy, basis: input.basis, consented_at: input.consentedAt, note: input.note ?? '', recorded_by: actor.id })
        .execute();
    } else {
      await trx.updateTable('hardship_consents').set({ withdrawn_at: now }).where('graduate_id', '=', row.id).where('withdrawn_at', 'is', null).execute();
    }
    await trx.updateTable('graduate_profiles').set({ hardship_sealed: sealed, updated_at: now }).where('id', '=', row.id).execute();
    // The audit names the action, not the status: the log must not become a list of hardship cases.
    await appendAudit(trx, { actorId: actor.id, action: 'graduate.hardship_recorded', entityType: 'graduate', entityId: row.id, detail: {}, ip: meta.ip });
  });
  return hardshipRecord(ctx.db, row.id, input.isHardship);
}
