import { AppError, checkNationalId, maskNationalId, NATIONAL_ID_PROBLEM_TEXT, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';
import type { FieldCrypto } from '../../services/field-crypto.js';
import { loadReadableGraduate } from '../graduates/get-graduate.js';

/** The three columns that hold a national ID: sealed, keyed hash, masked. */
export async function nationalIdColumns(crypto: FieldCrypto, value: string) {
  return {
    national_id_sealed: await crypto.encrypt(value),
    national_id_hash: await crypto.keyedHash(value),
    national_id_masked: maskNationalId(value),
  };
}

export interface NationalIdOptions {
  actor: TSessionUser;
  graduateId: string;
  meta: RequestMeta;
}

/** Records or corrects a file's national ID; another file with the same number is a conflict. */
export async function setNationalId(ctx: AppContext, { actor, graduateId, meta, nationalId }: NationalIdOptions & { nationalId: string }): Promise<{ nationalIdMasked: string }> {
  const row = await loadReadableGraduate(ctx, actor, graduateId);
  if (!policy.canEditGraduate(actor, row)) throw AppError.forbidden('You may read this file but not change it');
  if (row.erased_at) throw new AppError('conflict', '该档案已按本人申请删除 / This file was erased at the graduate\'s request');
  const check = checkNationalId(nationalId, ctx.clock());
  if (!check.ok) {
    const text = NATIONAL_ID_PROBLEM_TEXT[check.problem];
    throw new AppError('validation_failed', `${text.zh} / ${text.en}`, { details: [{ path: 'body.nationalId', message: text.en }] });
  }
  const columns = await nationalIdColumns(ctx.fieldCrypto, check.value);
  const other = await ctx.db.selectFrom('graduate_profiles').select('id').where('national_id_hash', '=', columns.national_id_hash).where('id', '!=', row.id).executeTakeFirst();
  if (other) throw new AppError('conflict', '该身份证号已登记在另一份档案中 / This ID number is already on another file');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('graduate_profiles').set({ ...columns, updated_at: ctx.clock() }).where('id', '=', row.id).execute();
    await appendAudit(trx, { actorId: actor.id, action: 'graduate.national_id_set', entityType: 'graduate', entityId: row.id, detail: {}, ip: meta.ip });
  });
  return { nationalIdMasked: columns.national_id_masked };
}

/** The full number, for a caseworker of the file's town or an admin who asks; every reveal is audited. */
export async function revealNationalId(ctx: AppContext, { actor, graduateId, meta }: NationalIdOptions): Promise<{ nationalId: string }> {
  const row = await loadReadableGraduate(ctx, actor, graduateId);
  if (!policy.canRevealNationalId(actor, row)) throw AppError.forbidden('Only caseworkers of the town and admins may see the full ID number');
  if (!row.national_id_sealed) throw AppError.notFound('National ID');
  const nationalId = await ctx.fieldCrypto.decrypt(row.national_id_sealed);
  await appendAudit(ctx.db, { actorId: actor.id, action: 'graduate.national_id_revealed', entityType: 'graduate', entityId: row.id, detail: {}, ip: meta.ip });
  return { nationalId };
}
