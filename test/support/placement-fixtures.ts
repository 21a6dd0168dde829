import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { TOfferStatus } from '@yunpin/shared';
import type { Database } from '../../server/src/db/schema.js';
import type { AppContext } from '../../server/src/context.js';
import { insertTestApplication, insertTestJob } from './job-fixtures.js';
import { recordPlacementFromOffer } from '../../server/src/domain/followups/schedule-followups.js';
import { createFollowUpTask } from '../../server/src/domain/followups/create-followup-task.js';
import { testFieldCrypto } from './field-keys.js';

export interface TestOffer {
  offerId: string;
  applicationId: string;
  /** The sealed document's SHA-256 (completed offers only). */
  sha256: string;
}

let references = 0;

/**
 * An offer of an employer to a graduate, straight into the database, as the signing flow leaves it
 * (offers.test.ts runs that flow itself): a completed one has a sealed version and a hired application.
 */
export async function insertTestOffer(db: Kysely<Database>, o: { organisationId: string; townId: string; graduateId: string; status?: TOfferStatus }): Promise<TestOffer> {
  const status = o.status ?? 'completed';
  const jobId = await insertTestJob(db, { organisationId: o.organisationId, townId: o.townId, title: 'Java 开发工程师' });
  const applicationId = await insertTestApplication(db, jobId, o.graduateId);
  const offerId = randomUUID();
  const sha256 = createHash('sha256').update(offerId).digest('hex');
  await db.updateTable('applications').set({ status: status === 'completed' ? 'hired' : 'offer' }).where('id', '=', applicationId).execute();
  await db
    .insertInto('offers')
    .values({
      id: offerId,
      reference: `TEST-${Date.now().toString(36)}-${++references}`,
      application_id: applicationId,
      organisation_id: o.organisationId,
      status,
      position: 'Java 开发工程师',
      salary_monthly_yuan: 9000,
      start_date: '2026-12-01',
      probation_months: 3,
      location: '上海市松江区',
      expires_at: new Date(Date.now() + 7 * 86_400_000),
      completed_at: status === 'completed' ? new Date() : null,
    })
    .execute();
  await db.insertInto('offer_versions').values({ offer_id: offerId, version: 1, kind: 'rendered', sha256: createHash('sha256').update(`${offerId}-rendered`).digest('hex') }).execute();
  if (status === 'completed') await db.insertInto('offer_versions').values({ offer_id: offerId, version: 4, kind: 'sealed', sha256 }).execute();
  return { offerId, applicationId, sha256 };
}

/** A completed offer's placement with its 1-month follow-up task already due. */
export async function insertDueFollowUp(ctx: AppContext, offerId: string, month: 1 | 3 | 6 | 12 = 1): Promise<{ placementId: string; followUpId: string }> {
  const placementId = (await recordPlacementFromOffer(ctx, offerId))!;
  await createFollowUpTask(ctx, { placementId, month });
  const row = await ctx.db.selectFrom('followups').select('id').where('placement_id', '=', placementId).where('month', '=', month).executeTakeFirstOrThrow();
  return { placementId, followUpId: row.id };
}

/** A graduate file with no account in a town (a claim needs its own graduate to be no duplicate). */
export async function insertTestGraduateFile(db: Kysely<Database>, townId: string, name = '张三'): Promise<string> {
  const id = randomUUID();
  await db.insertInto('graduate_profiles').values({ id, name, hukou_town_id: townId, graduation_year: 2026, hardship_sealed: await testFieldCrypto.sealFlag(false) }).execute();
  return id;
}

/** A job-search claim straight into the database, in the given state. */
export async function insertTestClaim(db: Kysely<Database>, graduateId: string, status: 'submitted' | 'approved' = 'submitted'): Promise<string> {
  const id = randomUUID();
  await db.insertInto('subsidy_claims').values({ id, kind: 'job_search', graduate_id: graduateId, amount_yuan: 1500, status, approved_at: status === 'approved' ? new Date() : null }).execute();
  return id;
}
