import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import {
  AppError,
  LIVE_OFFER_STATUSES,
  type TBulkOfferAction,
  type TBulkOfferResult,
  type TCreateOffer,
  type TCsvTable,
  type TOffer,
  type TOfferDetail,
  type TOfferListQuery,
  type TOfferTemplate,
  type TOfferTemplateInput,
  type TSessionUser,
  type TUpdateOffer,
} from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { recordCaseActivity } from '../cases/activity.js';
import { appendApplicationEvent, updateApplication } from '../../db/repositories/applications.js';
import type { OfferTemplateRow } from '../../db/schema.js';
import { isStaff, policy, townScope } from '../../policy.js';
import { loadReadableApplication } from '../applications/present-application.js';
import { ownGraduateFile } from '../resumes/graduate-of.js';
import { appendOfferEvent } from './offer-chain.js';
import { effectiveStatus, findOfferView, loadReadableOffer, offerViews, presentOfferDetail, presentOffers, type OfferView } from './offer-views.js';
import { notifyOfferParties, scheduleOfferReminders, cancelOfferReminders } from './offer-notices.js';
import { offerDocument, storeVersion } from './offer-versions.js';

const STATUS_TEXT: Record<TOffer['status'], string> = {
  draft: '草稿 draft',
  sent: '待签署 awaiting the graduate',
  graduate_signing: '签署中 signing',
  accepted: '待会签 awaiting countersignature',
  employer_signing: '会签中 countersigning',
  completed: '已完成 completed',
  declined: '已拒绝 declined',
  revoked: '已撤回 revoked',
  expired: '已过期 expired',
};

function toTemplate(row: OfferTemplateRow): TOfferTemplate {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    salaryMonthlyYuan: row.salary_monthly_yuan,
    probationMonths: row.probation_months,
    location: row.location,
    conditions: row.conditions,
    validDays: row.valid_days,
  };
}

function requireEmployer(actor: TSessionUser): string {
  if (!policy.canPostJob(actor)) throw AppError.forbidden("Only an employer's recruiters issue offers");
  return actor.organisationId!;
}

export async function listOfferTemplates(ctx: AppContext, actor: TSessionUser): Promise<TOfferTemplate[]> {
  const organisationId = requireEmployer(actor);
  const rows = await ctx.db.selectFrom('offer_templates').selectAll().where('organisation_id', '=', organisationId).orderBy('name').execute();
  return rows.map(toTemplate);
}

export async function createOfferTemplate(ctx: AppContext, { actor, input, meta }: { actor: TSessionUser; input: TOfferTemplateInput; meta: RequestMeta }): Promise<TOfferTemplate> {
  const organisationId = requireEmployer(actor);
  const taken = await ctx.db.selectFrom('offer_templates').select('id').where('organisation_id', '=', organisationId).where('name', '=', input.name).executeTakeFirst();
  if (taken) throw AppError.conflict('已有同名模板 / A template with this name exists');
  const id = randomUUID();
  await ctx.db
    .insertInto('offer_templates')
    .values({
      id,
      organisation_id: organisationId,
      name: input.name,
      position: input.position ?? null,
      salary_monthly_yuan: input.salaryMonthlyYuan ?? null,
      probation_months: input.probationMonths ?? null,
      location: input.location ?? null,
      conditions: input.conditions,
      valid_days: input.validDays,
    })
    .execute();
  await appendAudit(ctx.db, { actorId: actor.id, action: 'offer_template.created', entityType: 'offer_template', entityId: id, ip: meta.ip });
  return toTemplate((await ctx.db.selectFrom('offer_templates').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
}

/** OFR-2026-000123: readable on the letter and over the phone. */
async function nextReference(ctx: AppContext): Promise<string> {
  const { rows } = await sql<{ n: number }>`select nextval('offer_reference_seq')::int as n`.execute(ctx.db);
  return `OFR-${ctx.clock().getUTCFullYear()}-${String(rows[0]!.n).padStart(6, '0')}`;
}

/**
 * The employer drafts an offer for an application at the interview or offer stage. A template fills
 * the terms the request leaves out; the draft can be previewed and edited before it is sent.
 */
export async function createOffer(ctx: AppContext, { actor, input, meta }: { actor: TSessionUser; input: TCreateOffer; meta: RequestMeta }): Promise<TOfferDetail> {
  const organisationId = requireEmployer(actor);
  const application = await loadReadableApplication(ctx, actor, input.applicationId);
  if (!policy.canMoveApplication(actor, application)) throw AppError.notFound('Application');
  if (application.status !== 'interview' && application.status !== 'offer') {
    throw AppError.conflict('只能向面试或录用阶段的申请发放录用通知 / Offers go to applications at the interview or offer stage');
  }
  if (Date.parse(input.expiresAt) <= ctx.clock().getTime()) {
    throw new AppError('validation_failed', 'The expiry must be in the future', { details: [{ path: 'body.expiresAt', message: 'in the past' }] });
  }
  const live = await ctx.db.selectFrom('offers').select('id').where('application_id', '=', application.id).where('status', 'in', LIVE_OFFER_STATUSES).executeTakeFirst();
  if (live) throw AppError.conflict('该申请已有进行中的录用通知 / This application already has an offer in progress');
  const template = input.templateId
    ? await ctx.db.selectFrom('offer_templates').selectAll().where('id', '=', input.templateId).where('organisation_id', '=', organisationId).executeTakeFirst()
    : undefined;
  if (input.templateId && !template) throw AppError.notFound('Offer template');
  const id = randomUUID();
  const reference = await nextReference(ctx);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('offers')
        .values({
          id,
          reference,
          application_id: application.id,
          organisation_id: organisationId,
          position: input.position,
          salary_monthly_yuan: input.salaryMonthlyYuan,
          start_date: input.startDate,
          probation_months: input.probationMonths,
          location: input.location,
          conditions: input.conditions || template?.conditions || '',
          expires_at: new Date(input.expiresAt),
          created_by: actor.id,
        })
        .execute();
      await appendOfferEvent(trx, { offerId: id, actorId: actor.id, action: 'offer.drafted', detail: { reference, templateId: input.templateId ?? null }, ip: meta.ip, at: ctx.clock() });
      await appendAudit(trx, { actorId: actor.id, action: 'offer.drafted', entityType: 'offer', entityId: id, detail: { applicationId: application.id, reference }, ip: meta.ip });
    });
  } catch (error) {
    // Two drafts racing for one application: the partial unique index lets one through.
    if (error instanceof Error && /offers_application_live_uq/.test(error.message)) throw AppError.conflict('该申请已有进行中的录用通知 / This application already has an offer in progress');
    throw error;
  }
  return presentOfferDetail(ctx, actor, (await findOfferView(ctx.db, id))!);
}

async function loadManagedOffer(ctx: AppContext, actor: TSessionUser, id: string): Promise<OfferView> {
  const { view, isEmployer } = await loadReadableOffer(ctx, actor, id);
  if (!isEmployer) throw AppError.forbidden("Only the employer's recruiters manage this offer");
  return view;
}

export async function updateOffer(ctx: AppContext, { actor, id, input, meta }: { actor: TSessionUser; id: string; input: TUpdateOffer; meta: RequestMeta }): Promise<TOfferDetail> {
  const view = await loadManagedOffer(ctx, actor, id);
  if (view.status !== 'draft') throw AppError.conflict('发出后不能修改，请撤回后重新发放 / A sent offer cannot change; revoke it and issue a new one');
  if (input.expiresAt && Date.parse(input.expiresAt) <= ctx.clock().getTime()) {
    throw new AppError('validation_failed', 'The expiry must be in the future', { details: [{ path: 'body.expiresAt', message: 'in the past' }] });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('offers')
      .set({
        ...(input.position !== undefined ? { position: input.position } : {}),
        ...(input.salaryMonthlyYuan !== undefined ? { salary_monthly_yuan: input.salaryMonthlyYuan } : {}),
        ...(input.startDate !== undefined ? { start_date: input.startDate } : {}),
        ...(input.probationMonths !== undefined ? { probation_months: input.probationMonths } : {}),
        ...(input.location !== undefined ? { location: input.location } : {}),
        ...(input.conditions !== undefined ? { conditions: input.conditions } : {}),
        ...(input.expiresAt !== undefined ? { expires_at: new Date(input.expiresAt) } : {}),
      })
      .where('id', '=', id)
      .execute();
    await appendOfferEvent(trx, { offerId: id, actorId: actor.id, action: 'offer.edited', detail: { fields: Object.keys(input).sort() }, ip: meta.ip, at: ctx.clock() });
  });
  return presentOfferDetail(ctx, actor, (await findOfferView(ctx.db, id))!);
}

/** Why a draft cannot be sent now, or null. */
function sendRefusal(view: OfferView, now: Date): string | null {
  if (view.status !== 'draft') return `不是草稿 not a draft (${view.status})`;
  if (view.expires_at.getTime() <= now.getTime()) return '已过期 the expiry date has passed';
  if (view.application_status === 'withdrawn') return '申请已撤回 the graduate withdrew the application';
  return null;
}

/**
 * Sends a draft: the letter is rendered once, stored by its SHA-256 as version 1 (what the graduate
 * reads is what they sign), the application moves to 'offer', the graduate is told, and reminders
 * before the expiry are queued.
 */
async function send(ctx: AppContext, actor: TSessionUser, view: OfferView, meta: RequestMeta): Promise<void> {
  const sentAt = ctx.clock();
  const pdf = await ctx.esign.render(offerDocument(view, sentAt));
  const sha256 = await storeVersion(ctx, pdf);
  await ctx.db.transaction().execute(async (trx) => {
    const moved = await trx.updateTable('offers').set({ status: 'sent', sent_at: sentAt }).where('id', '=', view.id).where('status', '=', 'draft').executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) throw AppError.conflict('该录用通知已发出或已撤回 / This offer was sent or revoked meanwhile');
    await trx.insertInto('offer_versions').values({ offer_id: view.id, version: 1, kind: 'rendered', sha256 }).execute();
    await appendOfferEvent(trx, { offerId: view.id, actorId: actor.id, action: 'offer.sent', detail: { version: 1, sha256 }, ip: meta.ip, at: sentAt });
    if (view.application_status !== 'offer') {
      await updateApplication(trx, view.application_id, { status: 'offer', review_requested_at: null, review_request_reason: null });
    }
    await appendApplicationEvent(trx, { application_id: view.application_id, from_status: view.application_status, to_status: 'offer', actor_id: actor.id, note: `发放录用通知 Offer sent: ${view.reference}` });
    await appendAudit(trx, { actorId: actor.id, action: 'offer.sent', entityType: 'offer', entityId: view.id, detail: { sha256 }, ip: meta.ip });
    await recordCaseActivity(trx, { applicationId: view.application_id }, { kind: 'offer_sent', refId: view.id, summary: `${view.organisation_name} 发出录用通知 Offer sent: ${view.job_title} (${view.reference})`, at: sentAt });
  });
  await notifyOfferParties(ctx, view, 'sent');
  await scheduleOfferReminders(ctx, view);
}

export async function sendOffer(ctx: AppContext, { actor, id, meta }: { actor: TSessionUser; id: string; meta: RequestMeta }): Promise<TOfferDetail> {
  const view = await loadManagedOffer(ctx, actor, id);
  const refusal = sendRefusal(view, ctx.clock());
  if (refusal) throw AppError.conflict(`不能发出 Cannot send: ${refusal}`);
  await send(ctx, actor, view, meta);
  return presentOfferDetail(ctx, actor, (await findOfferView(ctx.db, id))!);
}

/** Why an offer cannot be revoked now, or null. Once countersigning has started it is the employer's signature. */
function revokeRefusal(view: OfferView, now: Date): string | null {
  const status = effectiveStatus(view, now);
  if (status === 'draft' || status === 'sent' || status === 'accepted') return null;
  return `状态为 status is ${status}`;
}

async function revoke(ctx: AppContext, actor: TSessionUser, view: OfferView, reason: string, meta: RequestMeta): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const moved = await trx.updateTable('offers').set({ status: 'revoked', revoke_reason: reason }).where('id', '=', view.id).where('status', 'in', ['draft', 'sent', 'accepted']).executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) throw AppError.conflict('该录用通知正在签署或已结束 / This offer is being signed or is closed');
    await appendOfferEvent(trx, { offerId: view.id, actorId: actor.id, action: 'offer.revoked', detail: { reason }, ip: meta.ip, at: ctx.clock() });
    if (view.status !== 'draft') {
      await appendApplicationEvent(trx, { application_id: view.application_id, from_status: view.application_status, to_status: view.application_status, actor_id: actor.id, note: `撤回录用通知 Offer revoked: ${reason}` });
    }
    await appendAudit(trx, { actorId: actor.id, action: 'offer.revoked', entityType: 'offer', entityId: view.id, detail: { reason }, ip: meta.ip });
  });
  await cancelOfferReminders(ctx, view.id);
  if (view.status !== 'draft') await notifyOfferParties(ctx, view, 'revoked', reason);
}

export async function revokeOffer(ctx: AppContext, { actor, id, reason, meta }: { actor: TSessionUser; id: string; reason: string; meta: RequestMeta }): Promise<TOfferDetail> {
  const view = await loadManagedOffer(ctx, actor, id);
  const refusal = revokeRefusal(view, ctx.clock());
  if (refusal) throw AppError.conflict(`不能撤回 Cannot revoke: ${refusal}`);
  await revoke(ctx, actor, view, reason, meta);
  return presentOfferDetail(ctx, actor, (await findOfferView(ctx.db, id))!);
}

/** Sends or revokes many of the employer's offers; the others are listed with the reason. */
export async function bulkOfferAction(
  ctx: AppContext,
  { actor, action, input, meta }: { actor: TSessionUser; action: 'send' | 'revoke'; input: TBulkOfferAction; meta: RequestMeta },
): Promise<TBulkOfferResult> {
  const organisationId = requireEmployer(actor);
  if (action === 'revoke' && input.reason.length < 2) throw new AppError('validation_failed', 'A reason is needed to revoke', { details: [{ path: 'body.reason', message: 'required' }] });
  const ids = [...new Set(input.ids)];
  const views = new Map(((await offerViews(ctx.db).where('f.id', 'in', ids).execute()) as OfferView[]).map((v) => [v.id, v]));
  const result: TBulkOfferResult = { done: [], skipped: [] };
  for (const id of ids) {
    const view = views.get(id);
    if (!view || view.organisation_id !== organisationId) {
      result.skipped.push({ id, reason: '未找到 not found' });
      continue;
    }
    const refusal = action === 'send' ? sendRefusal(view, ctx.clock()) : revokeRefusal(view, ctx.clock());
    if (refusal) {
      result.skipped.push({ id, reason: refusal });
      continue;
    }
    try {
      if (action === 'send') await send(ctx, actor, view, meta);
      else await revoke(ctx, actor, view, input.reason, meta);
      result.done.push(id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.skipped.push({ id, reason: error.message });
    }
  }
  return result;
}

export async function declineOffer(ctx: AppContext, { actor, id, reason, meta }: { actor: TSessionUser; id: string; reason: string; meta: RequestMeta }): Promise<TOfferDetail> {
  const { view, isGraduate } = await loadReadableOffer(ctx, actor, id);
  if (!isGraduate) throw AppError.forbidden('Only the graduate the offer is for can decline it');
  const status = effectiveStatus(view, ctx.clock());
  if (status === 'expired') throw new AppError('expired', '该录用通知已过期 / This offer has expired');
  if (status !== 'sent') throw AppError.conflict(`不能拒绝 Cannot decline: status is ${status}`);
  await ctx.db.transaction().execute(async (trx) => {
    const moved = await trx.updateTable('offers').set({ status: 'declined', decline_reason: reason || null }).where('id', '=', id).where('status', '=', 'sent').executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) throw AppError.conflict('该录用通知状态已变化 / The offer changed meanwhile');
    await appendOfferEvent(trx, { offerId: id, actorId: actor.id, action: 'offer.declined', detail: { reason }, ip: meta.ip, at: ctx.clock() });
    await appendApplicationEvent(trx, { application_id: view.application_id, from_status: view.application_status, to_status: view.application_status, actor_id: actor.id, note: `毕业生拒绝录用 Offer declined${reason ? `: ${reason}` : ''}` });
    await appendAudit(trx, { actorId: actor.id, action: 'offer.declined', entityType: 'offer', entityId: id, ip: meta.ip });
  });
  await cancelOfferReminders(ctx, id);
  await notifyOfferParties(ctx, view, 'declined', reason);
  return presentOfferDetail(ctx, actor, (await findOfferView(ctx.db, id))!);
}

export async function getOffer(ctx: AppContext, actor: TSessionUser, id: string): Promise<TOfferDetail> {
  const { view } = await loadReadableOffer(ctx, actor, id);
  return presentOfferDetail(ctx, actor, view);
}

/** The graduate's offers (sent or later), newest first. */
export async function listMyOffers(ctx: AppContext, actor: TSessionUser): Promise<TOffer[]> {
  const graduate = await ownGraduateFile(ctx, actor);
  const views = (await offerViews(ctx.db).where('a.graduate_id', '=', graduate.id).where('f.status', '<>', 'draft').orderBy('f.created_at', 'desc').execute()) as OfferView[];
  return presentOffers(ctx, actor, views);
}

/**
 * Offers the actor manages or oversees: the employer's own; for office staff, those to graduates of
 * the towns they cover (the whole district for district staff).
 */
export async function listOffers(ctx: AppContext, actor: TSessionUser, query: TOfferListQuery): Promise<TOffer[]> {
  let q = offerViews(ctx.db);
  if (policy.canPostJob(actor)) q = q.where('f.organisation_id', '=', actor.organisationId!);
  else if (isStaff(actor)) {
    const scope = townScope(actor);
    if (scope !== null) q = scope.length ? q.where('g.hukou_town_id', 'in', scope) : q.where(sql<boolean>`false`);
  } else throw AppError.forbidden('Only employers and the office list offers');
  if (query.status === 'expired') q = q.where((eb) => eb.or([eb('f.status', '=', 'expired'), eb.and([eb('f.status', 'in', ['draft', 'sent']), eb('f.expires_at', '<=', ctx.clock())])]));
  else if (query.status) q = q.where('f.status', '=', query.status).where((eb) => (query.status === 'draft' || query.status === 'sent' ? eb('f.expires_at', '>', ctx.clock()) : eb.val(true)));
  const views = (await q.orderBy('f.created_at', 'desc').limit(2000).execute()) as OfferView[];
  return presentOffers(ctx, actor, views);
}

export async function exportOffers(ctx: AppContext, actor: TSessionUser, query: TOfferListQuery): Promise<TCsvTable> {
  const items = await listOffers(ctx, actor, query);
  return {
    filename: 'offers.csv',
    columns: ['编号 Reference', '单位 Employer', '职位 Position', '毕业生 Graduate', '月薪 Monthly salary (CNY)', '入职日期 Start date', '试用期(月) Probation (months)', '地点 Location', '状态 Status', '发出 Sent', '截止 Expires', '完成 Completed', '文档 SHA-256'],
    rows: items.map((o) => [o.reference, o.organisationName, o.position, o.graduateName, o.salaryMonthlyYuan, o.startDate, o.probationMonths, o.location, STATUS_TEXT[o.status], o.sentAt, o.expiresAt, o.completedAt, o.latestSha256]),
  };
}
