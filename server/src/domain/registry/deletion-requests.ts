import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError, type TCsvTable, type TDeletionListQuery, type TDeletionRequest, type TPage, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import type { Database, DeletionRequestRow } from '../../db/schema.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { findGraduate } from '../../db/repositories/graduates.js';
import { paginate } from '../../db/paginate.js';
import { policy, townScope } from '../../policy.js';

/** Why what stays, stays: signed employment contracts are kept under their own legal basis. */
export const KEPT_BASIS = '已签署的劳动合同（录用通知）及其签名、文件与事件链依法留存（个人信息保护法第十三条第二项、第四十七条） / Signed offers, their documents, signatures and event chain are kept to perform and prove the contract (PIPL art. 13(2), 47)';

type Row = DeletionRequestRow & { graduate_name: string; hukou_town_id: string | null };

function toRequest(row: Row): TDeletionRequest {
  return {
    id: row.id,
    graduateId: row.graduate_id,
    graduateName: row.graduate_name,
    hukouTownId: row.hukou_town_id,
    reason: row.reason,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    decidedBy: row.decided_by,
    decisionNote: row.decision_note,
    removed: row.removed,
    kept: row.kept,
  };
}

function requests(db: Kysely<Database>) {
  return db
    .selectFrom('deletion_requests')
    .innerJoin('graduate_profiles', 'graduate_profiles.id', 'deletion_requests.graduate_id')
    .selectAll('deletion_requests')
    .select(['graduate_profiles.name as graduate_name', 'graduate_profiles.hukou_town_id']);
}

async function ownFileId(ctx: AppContext, actor: TSessionUser): Promise<string> {
  if (!policy.canRequestDeletion(actor)) throw AppError.notFound('Route');
  const file = await ctx.db.selectFrom('graduate_profiles').select(['id', 'erased_at']).where('user_id', '=', actor.id).executeTakeFirst();
  if (!file) throw AppError.notFound('Graduate file');
  return file.id;
}

/** A graduate asks for their file to be erased; one open request at a time. */
export async function requestDeletion(ctx: AppContext, { actor, reason, meta }: { actor: TSessionUser; reason: string; meta: RequestMeta }): Promise<TDeletionRequest> {
  const graduateId = await ownFileId(ctx, actor);
  const open = await ctx.db.selectFrom('deletion_requests').select('id').where('graduate_id', '=', graduateId).where('status', '=', 'pending').executeTakeFirst();
  if (open) throw new AppError('conflict', '已有一份待处理的删除申请 / A deletion request is already waiting for the office');
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('deletion_requests').values({ id, graduate_id: graduateId, requested_by: actor.id, reason }).execute();
    await appendAudit(trx, { actorId: actor.id, action: 'registry.deletion_requested', entityType: 'graduate', entityId: graduateId, detail: { requestId: id }, ip: meta.ip });
  });
  return toRequest(await requests(ctx.db).where('deletion_requests.id', '=', id).executeTakeFirstOrThrow());
}

export async function listMyDeletionRequests(ctx: AppContext, actor: TSessionUser): Promise<TDeletionRequest[]> {
  const graduateId = await ownFileId(ctx, actor);
  const rows = await requests(ctx.db).where('deletion_requests.graduate_id', '=', graduateId).orderBy('deletion_requests.created_at', 'desc').execute();
  return rows.map(toRequest);
}

function scoped(db: Kysely<Database>, actor: TSessionUser, status: TDeletionListQuery['status']) {
  let q = db.selectFrom('deletion_requests').innerJoin('graduate_profiles', 'graduate_profiles.id', 'deletion_requests.graduate_id');
  const scope = townScope(actor);
  if (scope) q = scope.length ? q.where('graduate_profiles.hukou_town_id', 'in', scope) : q.where(({ lit }) => lit(false));
  if (status) q = q.where('deletion_requests.status', '=', status);
  return q;
}

/** The office's queue: requests of files in the towns the caller serves. */
export async function listDeletionRequests(ctx: AppContext, actor: TSessionUser, query: TDeletionListQuery): Promise<TPage<TDeletionRequest>> {
  if (!policy.canListDeletionRequests(actor)) throw AppError.notFound('Route');
  const page = await paginate(scoped(ctx.db, actor, query.status), query, (q) =>
    q
      .selectAll('deletion_requests')
      .select(['graduate_profiles.name as graduate_name', 'graduate_profiles.hukou_town_id'])
      .orderBy('deletion_requests.created_at', 'desc')
      .orderBy('deletion_requests.id'),
  );
  return { ...page, items: page.items.map(toRequest) };
}

export async function exportDeletionRequestsCsv(ctx: AppContext, actor: TSessionUser, status: TDeletionListQuery['status']): Promise<TCsvTable> {
  if (!policy.canListDeletionRequests(actor)) throw AppError.notFound('Route');
  const rows = await scoped(ctx.db, actor, status)
    .selectAll('deletion_requests')
    .select(['graduate_profiles.name as graduate_name', 'graduate_profiles.hukou_town_id'])
    .orderBy('deletion_requests.created_at', 'desc')
    .execute();
  return {
    filename: 'deletion-requests.csv',
    columns: ['申请时间 Requested', '姓名 Name', '状态 Status', '理由 Reason', '处理时间 Decided', '处理说明 Note', '已删除 Removed', '保留 Kept'],
    rows: rows.map(toRequest).map((r) => [r.createdAt, r.graduateName, r.status, r.reason, r.decidedAt, r.decisionNote, JSON.stringify(r.removed), JSON.stringify(r.kept)]),
  };
}

interface DecideOptions {
  actor: TSessionUser;
  id: string;
  note: string;
  meta: RequestMeta;
}

async function loadDecidable(ctx: AppContext, actor: TSessionUser, id: string) {
  const request = await ctx.db.selectFrom('deletion_requests').selectAll().where('id', '=', id).executeTakeFirst();
  const file = request ? await findGraduate(ctx.db, request.graduate_id) : undefined;
  if (!request || !file || !policy.canListDeletionRequests(actor) || !policy.canReadGraduate(actor, file)) throw AppError.notFound('Deletion request');
  if (!policy.canDecideDeletion(actor, file)) throw AppError.forbidden('Only caseworkers of the town and admins decide deletion requests');
  if (request.status !== 'pending') throw new AppError('conflict', '该申请已处理 / This request has already been decided');
  return { request, file };
}

/**
 * Why funded subsidies stay: an approved or paid claim is an accounting record of public money, kept
 * with its payment entries and the service records it rests on.
 */
export const FUNDS_BASIS = '已批准或已支付的就业补贴申请、支付台账及其所依据的服务记录作为财政资金会计凭证依法留存（个人信息保护法第十三条第三项、第四十七条；会计法、会计档案管理办法） / Approved or paid subsidy claims, their payment entries and the service records they rest on are kept as public-funds accounting records (PIPL art. 13(3), 47; Accounting Law, Measures on Accounting Archives)';

/** A claim that committed public money: approved, and possibly paid since. */
const isFunded = (claim: { status: string; approved_at: Date | null }) => claim.approved_at !== null || claim.status === 'approved' || claim.status === 'paid';

/**
 * Carries out a request in one transaction, deleting what no law requires us to keep (PIPL art. 47)
 * and keeping the rest under its stated basis. The record says what went and what stayed.
 *
 * Erased: contact details, national ID, study and intention fields, hardship (sealed "no" again) and
 * its consents, resumes, applications that did not end in a signed contract (with their screenings,
 * interviews and unsigned offers), fair registrations and booth messages; the account is closed. The
 * case file goes too: case notes (caseworkers' free text), checklist ticks and their history, the
 * fair activity written into it, services no kept record rests on, placements recorded from the
 * graduate's own answers (job changes) with their follow-ups, and subsidy claims that never committed
 * public money (submitted, checked, refused: withdrawing them ends their purpose).
 *
 * Kept, under KEPT_BASIS (the contract): the name and town, applications with a completed offer
 * (documents, signatures, event chain), the placement each such offer recorded with its follow-ups
 * (the contract's performance, and a hiring subsidy's evidence), and job introductions to a kept
 * contract's job. Under FUNDS_BASIS (public funds accounting): approved or paid claims with their
 * payment ledger entries, and internship services when an internship subsidy was granted.
 */
export async function executeDeletion(ctx: AppContext, { actor, id, note, meta }: DecideOptions): Promise<TDeletionRequest> {
  const { file } = await loadDecidable(ctx, actor, id);
  const now = ctx.clock();
  const noHardship = await ctx.fieldCrypto.sealFlag(false);
  const orphanedBlobs = await ctx.db.transaction().execute(async (trx) => {
    const kept = await trx
      .selectFrom('applications')
      .select(['applications.id', 'applications.job_id'])
      .where('applications.graduate_id', '=', file.id)
      .where((eb) => eb.or([eb('applications.status', '=', 'hired'), eb.exists(eb.selectFrom('offers').select('offers.id').whereRef('offers.application_id', '=', 'applications.id').where('offers.status', '=', 'completed'))]))
      .execute();
    const keptIds = kept.map((k) => k.id);
    const keptOffers = keptIds.length ? (await trx.selectFrom('offers').select('id').where('application_id', 'in', keptIds).where('status', '=', 'completed').execute()).map((o) => o.id) : [];
    let removedApps = trx.deleteFrom('applications').where('graduate_id', '=', file.id);
    if (keptIds.length) removedApps = removedApps.where('id', 'not in', keptIds);
    const applications = Number((await removedApps.executeTakeFirst()).numDeletedRows);
    const resumes = await trx.deleteFrom('resumes').where('graduate_id', '=', file.id).returning('sha256').execute();
    const consents = Number((await trx.deleteFrom('hardship_consents').where('graduate_id', '=', file.id).executeTakeFirst()).numDeletedRows);
    let fairRegistrations = 0;
    let boothMessages = 0;
    if (file.user_id) {
      fairRegistrations = Number((await trx.deleteFrom('fair_registrations').where('user_id', '=', file.user_id).executeTakeFirst()).numDeletedRows);
      boothMessages = Number((await trx.deleteFrom('booth_messages').where('graduate_id', '=', file.user_id).executeTakeFirst()).numDeletedRows);
      await trx.deleteFrom('sessions').where('user_id', '=', file.user_id).execute();
      // A login must remain (table constraint): an address that can never receive mail.
      await trx.updateTable('users').set({ phone: null, email: `erased-${file.user_id}@erased.invalid`, is_disabled: true, updated_at: now }).where('id', '=', file.user_id).execute();
    }

    // The case file.
    const deleted = async (table: 'case_notes' | 'case_checklist_marks' | 'case_checklist_events' | 'case_activity') =>
      Number((await trx.deleteFrom(table).where('graduate_id', '=', file.id).executeTakeFirst()).numDeletedRows);
    const caseNotes = await deleted('case_notes');
    const checklistTicks = await deleted('case_checklist_marks');
    const checklistHistory = await deleted('case_checklist_events');
    const caseActivity = await deleted('case_activity');

    const claims = await trx.selectFrom('subsidy_claims').select(['id', 'kind', 'status', 'approved_at']).where('graduate_id', '=', file.id).execute();
    const fundedClaims = claims.filter(isFunded);
    const withdrawnClaims = claims.filter((c) => !isFunded(c)).map((c) => c.id);
    if (withdrawnClaims.length) await trx.deleteFrom('subsidy_claims').where('id', 'in', withdrawnClaims).execute();
    const payments = fundedClaims.length ? (await trx.selectFrom('payment_ledger').select('id').where('claim_id', 'in', fundedClaims.map((c) => c.id)).execute()).length : 0;

    const keptJobs = new Set(kept.map((k) => k.job_id));
    const hasInternshipSubsidy = fundedClaims.some((c) => c.kind === 'internship');
    const services = await trx.selectFrom('case_services').select(['id', 'type', 'job_id']).where('graduate_id', '=', file.id).execute();
    const keptServices = services.filter((s) => (s.type === 'job_introduction' && s.job_id !== null && keptJobs.has(s.job_id)) || (s.type === 'internship' && hasInternshipSubsidy));
    const removedServices = services.filter((s) => !keptServices.includes(s)).map((s) => s.id);
    if (removedServices.length) await trx.deleteFrom('case_services').where('id', 'in', removedServices).execute();

    const placements = await trx.selectFrom('placements').select(['id', 'offer_id']).where('graduate_id', '=', file.id).execute();
    const isKeptPlacement = (p: { offer_id: string | null }) => p.offer_id !== null && keptOffers.includes(p.offer_id);
    const removedPlacements = placements.filter((p) => !isKeptPlacement(p)).map((p) => p.id);
    const keptPlacements = placements.filter(isKeptPlacement).map((p) => p.id);
    const followUpsOf = async (ids: string[]) => (ids.length ? (await trx.selectFrom('followups').select('id').where('placement_id', 'in', ids).execute()).length : 0);
    const removedFollowUps = await followUpsOf(removedPlacements);
    const keptFollowUps = await followUpsOf(keptPlacements);
    // One statement: a job change refers to the placement before it, and both go together.
    if (removedPlacements.length) await trx.deleteFrom('placements').where('id', 'in', removedPlacements).execute();

    await trx
      .updateTable('graduate_profiles')
      .set({
        phone: null,
        email: null,
        school: null,
        major: null,
        degree: null,
        graduation_year: null,
        job_intention: null,
        training_needs: null,
        hardship_sealed: noHardship,
        discoverable: false,
        is_registered_local: false,
        national_id_sealed: null,
        national_id_hash: null,
        national_id_masked: null,
        erased_at: now,
        updated_at: now,
      })
      .where('id', '=', file.id)
      .execute();
    const removed = {
      contact: true,
      nationalId: true,
      studyAndIntention: true,
      hardshipAndConsents: consents,
      resumes: resumes.length,
      applications,
      fairRegistrations,
      boothMessages,
      caseNotes,
      checklistTicks,
      checklistHistory,
      caseActivity,
      services: removedServices.length,
      placements: removedPlacements.length,
      followUps: removedFollowUps,
      subsidyClaims: withdrawnClaims.length,
      account: file.user_id !== null,
    };
    const keptCounts = {
      applications: keptIds.length,
      signedOffers: keptOffers.length,
      placements: keptPlacements.length,
      followUps: keptFollowUps,
      subsidyClaims: fundedClaims.length,
      payments,
      services: keptServices.length,
    };
    const keptRecord = { name: true, town: true, ...keptCounts, basis: KEPT_BASIS, fundsBasis: FUNDS_BASIS };
    await trx
      .updateTable('deletion_requests')
      .set({ status: 'executed', decided_by: actor.id, decided_at: now, decision_note: note, removed: JSON.stringify(removed), kept: JSON.stringify(keptRecord) })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, { actorId: actor.id, action: 'registry.deletion_executed', entityType: 'graduate', entityId: file.id, detail: { requestId: id, removed, kept: keptCounts }, ip: meta.ip });
    return [...new Set(resumes.map((r) => r.sha256))];
  });
  // Stored files go once no remaining resume uses the same bytes.
  for (const sha256 of orphanedBlobs) {
    const inUse = await ctx.db.selectFrom('resumes').select('id').where('sha256', '=', sha256).executeTakeFirst();
    if (!inUse) await ctx.blobs.delete(sha256).catch((error: unknown) => ctx.logger.warn({ err: error, requestId: id }, 'erased resume file not removed'));
  }
  return toRequest(await requests(ctx.db).where('deletion_requests.id', '=', id).executeTakeFirstOrThrow());
}

export async function rejectDeletion(ctx: AppContext, { actor, id, note, meta }: DecideOptions): Promise<TDeletionRequest> {
  const { file } = await loadDecidable(ctx, actor, id);
  if (!note) throw new AppError('validation_failed', '请说明不予删除的理由 / Give the reason for refusing', { details: [{ path: 'body.note', message: 'Required' }] });
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('deletion_requests').set({ status: 'rejected', decided_by: actor.id, decided_at: ctx.clock(), decision_note: note }).where('id', '=', id).execute();
    await appendAudit(trx, { actorId: actor.id, action: 'registry.deletion_rejected', entityType: 'graduate', entityId: file.id, detail: { requestId: id }, ip: meta.ip });
  });
  return toRequest(await requests(ctx.db).where('deletion_requests.id', '=', id).executeTakeFirstOrThrow());
}

