import { randomInt, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import {
  AppError,
  OFFER_OTP_MAX_FAILURES,
  OFFER_OTP_RESEND_SECONDS,
  OFFER_OTP_TTL_SECONDS,
  type TOfferDetail,
  type TOfferSignedResult,
  type TOfferSignerRole,
  type TOtpSent,
  type TSessionUser,
  ZSigningManifestSchema,
  type TSignOfferJob,
  type TSigningManifest,
} from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { recordCaseActivity } from '../cases/activity.js';
import { appendApplicationEvent, updateApplication } from '../../db/repositories/applications.js';
import { appendOfferEvent } from './offer-chain.js';
import { effectiveStatus, findOfferView, loadReadableOffer, presentOfferDetail, type OfferView } from './offer-views.js';
import { cancelOfferReminders, notifyOfferParties, sendOtp } from './offer-notices.js';
import { latestVersion } from './offer-versions.js';

/** What each signer signs from, and the state while the worker signs. */
const STEP = {
  graduate: { from: 'sent', signing: 'graduate_signing', to: 'accepted' },
  employer: { from: 'accepted', signing: 'employer_signing', to: 'completed' },
} as const;

const REASON = { graduate: '接受录用 Offer accepted', employer: '用人单位会签 Countersigned by the employer' } as const;

/** 138****0001 / z***@example.cn: enough to recognise, not to read off. */
function mask(to: string): string {
  if (to.includes('@')) return `${to[0]}***${to.slice(to.indexOf('@'))}`;
  return to.length > 7 ? `${to.slice(0, 3)}****${to.slice(-4)}` : '****';
}

/** Which signer the actor is on this offer, or a refusal. */
function signerRole(access: { isEmployer: boolean; isGraduate: boolean }, action: 'accept' | 'countersign'): TOfferSignerRole {
  if (action === 'accept') {
    if (!access.isGraduate) throw AppError.forbidden('Only the graduate the offer is for can sign it');
    return 'graduate';
  }
  if (!access.isEmployer) throw AppError.forbidden("Only the employer's recruiters can countersign");
  return 'employer';
}

function failuresOf(view: OfferView, role: TOfferSignerRole): number {
  return role === 'graduate' ? view.graduate_otp_failures : view.employer_otp_failures;
}

function assertCanSign(ctx: AppContext, view: OfferView, role: TOfferSignerRole): void {
  const status = effectiveStatus(view, ctx.clock());
  if (status === 'expired') throw new AppError('expired', '该录用通知已过期 / This offer has expired');
  if (status !== STEP[role].from) throw AppError.conflict(`现在不能签署 Cannot sign now: status is ${status}`);
  if (failuresOf(view, role) >= OFFER_OTP_MAX_FAILURES) throw new AppError('locked', '验证码错误次数过多，签署已锁定 / Too many wrong codes: signing is locked for you on this offer');
}

/** Sends the signer a one-time code (again at most once a minute); the code is kept only as an HMAC. */
export async function requestSigningCode(ctx: AppContext, { actor, id, action, meta }: { actor: TSessionUser; id: string; action: 'accept' | 'countersign'; meta: RequestMeta }): Promise<TOtpSent> {
  const access = await loadReadableOffer(ctx, actor, id);
  const role = signerRole(access, action);
  assertCanSign(ctx, access.view, role);
  const now = ctx.clock();
  const previous = await ctx.db.selectFrom('offer_otps').selectAll().where('offer_id', '=', id).where('role', '=', role).executeTakeFirst();
  if (previous && previous.consumed_at === null && previous.user_id === actor.id) {
    const wait = Math.ceil((previous.sent_at.getTime() + OFFER_OTP_RESEND_SECONDS * 1000 - now.getTime()) / 1000);
    if (wait > 0) throw new AppError('rate_limited', `请 ${wait} 秒后再获取验证码 / Ask for a new code in ${wait} s`, { retryAfterSeconds: wait });
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(now.getTime() + OFFER_OTP_TTL_SECONDS * 1000);
  const row = { offer_id: id, role, user_id: actor.id, code_hash: await ctx.esign.otpHash(id, role, code), sent_at: now, expires_at: expiresAt, consumed_at: null };
  await ctx.db
    .insertInto('offer_otps')
    .values(row)
    .onConflict((oc) => oc.columns(['offer_id', 'role']).doUpdateSet({ user_id: row.user_id, code_hash: row.code_hash, sent_at: row.sent_at, expires_at: row.expires_at, consumed_at: null }))
    .execute();
  const sentTo = await sendOtp(ctx, access.view, actor.id, code, `offer-otp-${id}-${role}-${now.getTime()}`);
  await appendAudit(ctx.db, { actorId: actor.id, action: 'offer.otp_sent', entityType: 'offer', entityId: id, detail: { role }, ip: meta.ip });
  return { sentTo: mask(sentTo), expiresAt: expiresAt.toISOString(), resendAfterSeconds: OFFER_OTP_RESEND_SECONDS };
}

/** Counts a wrong code; the fifth locks the offer for that signer. */
async function recordWrongCode(ctx: AppContext, view: OfferView, role: TOfferSignerRole, actor: TSessionUser, meta: RequestMeta): Promise<never> {
  const column = role === 'graduate' ? 'graduate_otp_failures' : 'employer_otp_failures';
  const failures = await ctx.db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ n: number }>`update offers set ${sql.ref(column)} = ${sql.ref(column)} + 1 where id = ${view.id} returning ${sql.ref(column)} as n`.execute(trx);
    const n = rows[0]!.n;
    await appendOfferEvent(trx, { offerId: view.id, actorId: actor.id, action: n >= OFFER_OTP_MAX_FAILURES ? 'offer.locked' : 'offer.otp_failed', detail: { role, failures: n }, ip: meta.ip, at: ctx.clock() });
    return n;
  });
  if (failures >= OFFER_OTP_MAX_FAILURES) throw new AppError('locked', '验证码错误次数过多，签署已锁定 / Too many wrong codes: signing is locked for you on this offer');
  throw new AppError('otp_invalid', `验证码错误或已过期，还可尝试 ${OFFER_OTP_MAX_FAILURES - failures} 次 / Wrong or expired code; ${OFFER_OTP_MAX_FAILURES - failures} tries left`, { details: { triesLeft: OFFER_OTP_MAX_FAILURES - failures } });
}

/**
 * The job that applies a signer's signature, rebuilt from what the database holds (also after a
 * restart). Who signs, when and from where go into a manifest in the blob store, not into Redis.
 */
async function buildSignJob(ctx: AppContext, view: OfferView, role: TOfferSignerRole): Promise<TSignOfferJob> {
  const input = await latestVersion(ctx, view.id);
  if (!input) throw new Error(`offer ${view.id} has no document`);
  const confirmedAt = role === 'graduate' ? view.graduate_confirmed_at : view.employer_confirmed_at;
  const ip = (role === 'graduate' ? view.graduate_confirmed_ip : view.employer_confirmed_ip) ?? '';
  let signer: TSigningManifest['signer'];
  let auditLines: TSigningManifest['auditLines'] = [];
  if (role === 'graduate') signer = { userId: view.graduate_user_id!, name: view.graduate_name };
  else {
    const user = await ctx.db.selectFrom('users').select(['id', 'name']).where('id', '=', view.countersigner_id!).executeTakeFirstOrThrow();
    signer = { userId: user.id, name: user.name, organisation: view.organisation_name };
    const graduate = await ctx.db.selectFrom('offer_signatures').selectAll().where('offer_id', '=', view.id).where('role', '=', 'graduate').executeTakeFirstOrThrow();
    auditLines = [{ signer: graduate.signer_name, role: '毕业生 Graduate', signedAt: graduate.signed_at.toISOString(), ip: graduate.ip ?? '', otpVerified: graduate.otp_verified, documentSha256: graduate.document_sha256 }];
  }
  const manifest: TSigningManifest = {
    offerId: view.id,
    reference: view.reference,
    role,
    signer,
    signingTime: confirmedAt!.toISOString(),
    ip,
    reason: REASON[role],
    location: view.location,
    auditLines,
  };
  const stored = await ctx.blobs.put(new TextEncoder().encode(JSON.stringify(ZSigningManifestSchema.parse(manifest))));
  return { offerId: view.id, role, input: { version: input.version, sha256: input.sha256 }, manifestSha256: stored.sha256 };
}

/**
 * The signer confirms with their code: the graduate to accept, the employer to countersign. The
 * code is consumed and the offer moves to its signing state in one conditional update, so a
 * double-submitted confirmation queues one job; the job id (offer, signer, version) makes sure of it.
 * The signing time is now, on the server, and goes into the signature itself.
 */
export async function confirmSignature(
  ctx: AppContext,
  { actor, id, action, code, meta }: { actor: TSessionUser; id: string; action: 'accept' | 'countersign'; code: string; meta: RequestMeta },
): Promise<TOfferDetail> {
  const access = await loadReadableOffer(ctx, actor, id);
  const role = signerRole(access, action);
  const { view } = access;
  // Already confirmed by this signer (a second click, a retried request): the same answer, no second job.
  const alreadySigning = view.status === STEP[role].signing || (role === 'graduate' && ['accepted', 'employer_signing', 'completed'].includes(view.status)) || (role === 'employer' && view.status === 'completed');
  if (alreadySigning && (role === 'graduate' || view.countersigner_id === actor.id)) return presentOfferDetail(ctx, actor, view);
  assertCanSign(ctx, view, role);
  const otp = await ctx.db.selectFrom('offer_otps').selectAll().where('offer_id', '=', id).where('role', '=', role).executeTakeFirst();
  const now = ctx.clock();
  const given = Buffer.from(await ctx.esign.otpHash(id, role, code), 'hex');
  const expected = otp && otp.user_id === actor.id ? Buffer.from(otp.code_hash, 'hex') : null;
  const matches = expected !== null && expected.length === given.length && timingSafeEqual(expected, given);
  // The same code submitted twice at once: the first consumed it; the second gets the same answer.
  if (matches && otp?.consumed_at) return presentOfferDetail(ctx, actor, (await findOfferView(ctx.db, id))!);
  if (!matches || !otp || otp.expires_at.getTime() <= now.getTime()) return recordWrongCode(ctx, view, role, actor, meta);

  const confirmed = await ctx.db.transaction().execute(async (trx) => {
    const used = await trx.updateTable('offer_otps').set({ consumed_at: now }).where('offer_id', '=', id).where('role', '=', role).where('consumed_at', 'is', null).executeTakeFirst();
    if (Number(used.numUpdatedRows) === 0) return false; // the other submission got here first
    const moved = await trx
      .updateTable('offers')
      .set(
        role === 'graduate'
          ? { status: 'graduate_signing', graduate_confirmed_at: now, graduate_confirmed_ip: meta.ip }
          : { status: 'employer_signing', employer_confirmed_at: now, employer_confirmed_ip: meta.ip, countersigner_id: actor.id },
      )
      .where('id', '=', id)
      .where('status', '=', STEP[role].from)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) throw AppError.conflict('该录用通知状态已变化 / The offer changed meanwhile');
    await appendOfferEvent(trx, { offerId: id, actorId: actor.id, action: role === 'graduate' ? 'offer.accepted' : 'offer.countersign_confirmed', detail: { otpVerified: true, signingTime: now.toISOString() }, ip: meta.ip, at: now });
    await appendAudit(trx, { actorId: actor.id, action: role === 'graduate' ? 'offer.accepted' : 'offer.countersigned', entityType: 'offer', entityId: id, detail: { otpVerified: true }, ip: meta.ip });
    return true;
  });
  const current = (await findOfferView(ctx.db, id))!;
  if (confirmed) {
    if (role === 'graduate') await cancelOfferReminders(ctx, id);
    await ctx.jobs.enqueueSignOffer(await buildSignJob(ctx, current, role));
  }
  return presentOfferDetail(ctx, actor, current);
}

/**
 * Records what the e-sign worker made: the signature, each new version's hash, the next status.
 * Idempotent: a result recorded twice (a worker killed after posting, a retried job) changes
 * nothing the second time; there is one signature per signer.
 */
export async function recordOfferSigned(ctx: AppContext, result: TOfferSignedResult): Promise<void> {
  const view = await findOfferView(ctx.db, result.offerId);
  if (!view) return; // the offer is gone (its job was deleted); nothing to record
  const { role } = result;
  const recorded = await ctx.db.transaction().execute(async (trx) => {
    const input = await trx.selectFrom('offer_versions').select(['sha256']).where('offer_id', '=', view.id).where('version', '=', result.inputVersion).executeTakeFirstOrThrow();
    const signerName = role === 'graduate' ? view.graduate_name : (await trx.selectFrom('users').select('name').where('id', '=', view.countersigner_id!).executeTakeFirstOrThrow()).name;
    const signedAt = (role === 'graduate' ? view.graduate_confirmed_at : view.employer_confirmed_at)!;
    const inserted = await trx
      .insertInto('offer_signatures')
      .values({
        offer_id: view.id,
        role,
        signer_id: role === 'graduate' ? view.graduate_user_id : view.countersigner_id,
        signer_name: signerName,
        signed_at: signedAt,
        ip: role === 'graduate' ? view.graduate_confirmed_ip : view.employer_confirmed_ip,
        otp_verified: true,
        input_version: result.inputVersion,
        document_sha256: input.sha256,
        result_sha256: result.versions[0]!.sha256,
      })
      .onConflict((oc) => oc.columns(['offer_id', 'role']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
    for (const [i, v] of result.versions.entries()) {
      await trx.insertInto('offer_versions').values({ offer_id: view.id, version: result.inputVersion + i + 1, kind: v.kind, sha256: v.sha256 }).onConflict((oc) => oc.doNothing()).execute();
    }
    const sealed = result.versions.find((v) => v.kind === 'sealed');
    if (sealed) {
      await trx
        .insertInto('offer_signatures')
        .values({ offer_id: view.id, role: 'platform', signer_id: null, signer_name: '云聘24365 平台电子印章 Platform seal', signed_at: signedAt, ip: null, otp_verified: false, input_version: result.inputVersion + result.versions.length - 1, document_sha256: result.versions.at(-2)!.sha256, result_sha256: sealed.sha256 })
        .onConflict((oc) => oc.columns(['offer_id', 'role']).doNothing())
        .execute();
    }
    const next = STEP[role].to;
    await recordCaseActivity(trx, { applicationId: view.application_id }, { kind: role === 'graduate' ? 'offer_signed' : 'offer_completed', refId: view.id, summary: `${view.organisation_name} ${view.job_title} (${view.reference}): ${role === 'graduate' ? '毕业生已签署 signed by the graduate' : '双方签署完成 signed by both sides'}`, at: ctx.clock() });
    await trx.updateTable('offers').set({ status: next, ...(next === 'completed' ? { completed_at: ctx.clock() } : {}) }).where('id', '=', view.id).where('status', '=', STEP[role].signing).execute();
    await appendOfferEvent(trx, { offerId: view.id, actorId: null, action: role === 'graduate' ? 'offer.signed_by_graduate' : 'offer.completed', detail: { versions: result.versions.map((v, i) => ({ version: result.inputVersion + i + 1, kind: v.kind, sha256: v.sha256 })) }, at: ctx.clock() });
    if (role === 'employer') {
      // A countersigned offer is a hire: the application is hired and the graduate's file says employed.
      await updateApplication(trx, view.application_id, { status: 'hired', review_requested_at: null, review_request_reason: null });
      await appendApplicationEvent(trx, { application_id: view.application_id, from_status: view.application_status, to_status: 'hired', actor_id: view.countersigner_id, note: `录用通知签署完成 Offer signed by both sides: ${view.reference} (SHA-256 ${sealed?.sha256 ?? ''})` });
      await trx.updateTable('graduate_profiles').set({ employment_status: 'employed' }).where('user_id', '=', view.graduate_user_id!).execute();
      await appendAudit(trx, { actorId: view.countersigner_id, action: 'offer.completed', entityType: 'offer', entityId: view.id, detail: { sha256: sealed?.sha256 ?? null, applicationId: view.application_id } });
    } else {
      await appendApplicationEvent(trx, { application_id: view.application_id, from_status: view.application_status, to_status: view.application_status, actor_id: view.graduate_user_id, note: `毕业生已签署录用通知 Offer signed by the graduate: ${view.reference}` });
    }
    return true;
  });
  if (recorded) await notifyOfferParties(ctx, view, role === 'graduate' ? 'accepted' : 'completed');
}

/** Offers confirmed by a signer whose signature was never recorded (the server stopped): queue the job again. */
export async function requeuePendingSignatures(ctx: AppContext): Promise<number> {
  const pending = (await ctx.db.selectFrom('offers').select(['id', 'status']).where('status', 'in', ['graduate_signing', 'employer_signing']).execute()) as { id: string; status: 'graduate_signing' | 'employer_signing' }[];
  for (const p of pending) {
    const view = (await findOfferView(ctx.db, p.id))!;
    await ctx.jobs.enqueueSignOffer(await buildSignJob(ctx, view, p.status === 'graduate_signing' ? 'graduate' : 'employer'));
  }
  return pending.length;
}
