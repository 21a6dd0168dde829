import { AppError, type TGraduateProfile, type TSessionUser, type TUpdateGraduateProfile } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import type { GraduateUpdate } from '../../db/schema.js';
import { findGraduate, toGraduateProfiles, updateGraduate as updateRow } from '../../db/repositories/graduates.js';
import { findTown } from '../../db/repositories/geography.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';
import { loadReadableGraduate } from './get-graduate.js';
import { hasActiveHardshipConsent } from '../registry/hardship.js';

export interface UpdateGraduateOptions {
  actor: TSessionUser;
  id: string;
  input: TUpdateGraduateProfile;
  meta: RequestMeta;
}

const COLUMN_OF = {
  name: 'name',
  phone: 'phone',
  email: 'email',
  school: 'school',
  major: 'major',
  degree: 'degree',
  graduationYear: 'graduation_year',
  hukouTownId: 'hukou_town_id',
  jobIntention: 'job_intention',
  trainingNeeds: 'training_needs',
  isHardship: 'hardship_sealed',
  employmentStatus: 'employment_status',
  isRegisteredLocal: 'is_registered_local',
  discoverable: 'discoverable',
} as const satisfies Record<keyof TUpdateGraduateProfile, keyof GraduateUpdate>;

/** Edits a file: the graduate their own, a caseworker those of their towns; sensitive fields need staff rights. */
export async function updateGraduate(ctx: AppContext, { actor, id, input, meta }: UpdateGraduateOptions): Promise<TGraduateProfile> {
  const row = await loadReadableGraduate(ctx, actor, id);
  if (!policy.canEditGraduate(actor, row)) throw AppError.forbidden('You may read this file but not change it');
  if (input.isHardship !== undefined && !policy.canSetHardship(actor)) throw AppError.forbidden('Only office staff may set the hardship flag');
  if (input.isHardship === true && !(await ctx.fieldCrypto.openFlag(row.hardship_sealed)) && !(await hasActiveHardshipConsent(ctx.db, id))) {
    throw new AppError('conflict', '记录困难家庭身份前须先登记本人同意 / Record the consent before setting the hardship flag (registry hardship record)');
  }
  if (input.isRegisteredLocal !== undefined && !policy.canSetEmploymentStatus(actor)) {
    throw AppError.forbidden('Registration in the district is recorded by office staff');
  }
  if (input.employmentStatus !== undefined && !policy.canSetEmploymentStatus(actor)) {
    throw AppError.forbidden('Employment status is recorded by office staff');
  }
  if (input.discoverable !== undefined && !(actor.role === 'graduate' && row.user_id === actor.id)) {
    throw AppError.forbidden('Only the graduate decides whether employers may find them');
  }
  if (input.hukouTownId && !(await findTown(ctx.db, input.hukouTownId))) {
    throw new AppError('validation_failed', 'Unknown town', { details: [{ path: 'hukouTownId', message: 'Unknown town' }] });
  }
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input) as [keyof TUpdateGraduateProfile, unknown][]) {
    if (value !== undefined) changes[COLUMN_OF[field]] = value;
  }
  // Hardship is written sealed, with a fresh IV (the same status written again looks different).
  if (input.isHardship !== undefined) changes[COLUMN_OF.isHardship] = await ctx.fieldCrypto.sealFlag(input.isHardship);
  await ctx.db.transaction().execute(async (trx) => {
    await updateRow(trx, id, changes as GraduateUpdate);
    // Field names only: the audit trail must not become a second copy of personal data.
    await appendAudit(trx, { actorId: actor.id, action: 'graduate.updated', entityType: 'graduate', entityId: id, detail: { fields: Object.keys(input) }, ip: meta.ip });
  });
  const updated = await findGraduate(ctx.db, id);
  if (!updated) throw AppError.notFound('Graduate file');
  const [profile] = await toGraduateProfiles(ctx.fieldCrypto, [updated], policy.canSeeHardship(actor));
  return profile!;
}
