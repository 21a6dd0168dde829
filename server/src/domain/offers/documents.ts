import { AppError, type TPdfFile, type TSessionUser, type TVerification } from '@yunpin/shared';
import { sha256Hex } from '@yunpin/shared/node';
import type { AppContext } from '../../context.js';
import { chainIsIntact } from './offer-chain.js';
import { loadReadableOffer } from './offer-views.js';
import { offerDocument } from './offer-versions.js';

/** A draft as it would be sent, rendered now: the employer's preview. */
export async function previewOffer(ctx: AppContext, actor: TSessionUser, id: string): Promise<TPdfFile> {
  const { view, isEmployer } = await loadReadableOffer(ctx, actor, id);
  if (!isEmployer) throw AppError.notFound('Offer');
  const bytes = await ctx.esign.render(offerDocument(view, view.sent_at ?? ctx.clock()));
  return { filename: `${view.reference}-preview.pdf`, sha256: sha256Hex(bytes), bytes };
}

/** A stored version of the document (the newest when none is named), for the parties and the office. */
export async function offerDocumentFile(ctx: AppContext, actor: TSessionUser, id: string, version?: number): Promise<TPdfFile> {
  const { view } = await loadReadableOffer(ctx, actor, id);
  let q = ctx.db.selectFrom('offer_versions').select(['version', 'sha256', 'kind']).where('offer_id', '=', id);
  q = version === undefined ? q.orderBy('version', 'desc').limit(1) : q.where('version', '=', version);
  const row = await q.executeTakeFirst();
  if (!row) throw AppError.notFound('Document version');
  const bytes = await ctx.blobs.get(row.sha256);
  const suffix = row.kind === 'sealed' ? 'signed' : `v${row.version}`;
  return { filename: `${view.reference}-${suffix}.pdf`, sha256: row.sha256, bytes };
}

type Known = TVerification['knownVersion'];

async function knownVersion(ctx: AppContext, sha256: string): Promise<{ known: Known; offerId: string | null }> {
  const row = await ctx.db
    .selectFrom('offer_versions as v')
    .innerJoin('offers as f', 'f.id', 'v.offer_id')
    .select(['v.offer_id', 'v.version', 'v.kind', 'f.reference'])
    .select((eb) => eb.selectFrom('offer_versions as l').select((e) => e.fn.max('l.version').as('m')).whereRef('l.offer_id', '=', 'v.offer_id').as('latest'))
    .where('v.sha256', '=', sha256)
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return { known: null, offerId: null };
  return { known: { offerReference: row.reference, version: row.version, kind: row.kind, latest: Number(row.latest) === row.version }, offerId: row.offer_id };
}

async function auditChainValid(ctx: AppContext, offerId: string): Promise<boolean> {
  const rows = await ctx.db.selectFrom('offer_events').selectAll().where('offer_id', '=', offerId).orderBy('seq').execute();
  return chainIsIntact(rows);
}

/**
 * Checks a PDF: every signature's digest and signer certificate (issued by the platform CA), whether
 * anything was added after the last signature, whether the platform sealed it, and whether it is a
 * version the platform stored. The verdict is valid when every signature checks out and nothing was
 * added after the last one; `sealed` says whether the signing finished (the platform's seal is last).
 */
export async function verifyDocument(ctx: AppContext, pdf: Uint8Array, withChain = false): Promise<TVerification> {
  const sha256 = sha256Hex(pdf);
  const [{ known, offerId }, report] = await Promise.all([knownVersion(ctx, sha256), ctx.esign.verify(pdf).catch(() => null)]);
  const signatures = (report?.signatures ?? []).map((s) => ({
    index: s.index,
    signerName: s.signerName,
    ...(s.organisation ? { organisation: s.organisation } : {}),
    ...(s.role ? { role: s.role } : {}),
    signingTime: s.signingTime,
    certificateIssuedByPlatformCa: s.certificateIssuedByPlatformCa,
    digestValid: s.digestValid,
    coversWholeDocument: s.coversWholeDocument,
  }));
  const allValid = signatures.length > 0 && signatures.every((s) => s.digestValid && s.certificateIssuedByPlatformCa);
  const modified = report?.modifiedAfterLastSignature ?? false;
  const sealed = report?.sealed ?? false;
  const chain = withChain && offerId ? await auditChainValid(ctx, offerId) : null;
  const verdict = signatures.length === 0 ? (known ? 'unknown' : 'invalid') : allValid && !modified && chain !== false ? 'valid' : 'invalid';
  return { sha256, knownVersion: known, signatures, allValid, sealed, modifiedAfterLastSignature: modified, auditChainValid: chain, verdict };
}

/** Verifies the offer's newest stored version and recomputes its audit chain. */
export async function verifyOffer(ctx: AppContext, actor: TSessionUser, id: string): Promise<TVerification> {
  const file = await offerDocumentFile(ctx, actor, id);
  return verifyDocument(ctx, file.bytes, true);
}

/** A hash someone holds: is it a version we stored, and if so, what does that version show. */
export async function verifyHash(ctx: AppContext, sha256: string): Promise<TVerification> {
  const { known } = await knownVersion(ctx, sha256);
  if (!known) {
    return { sha256, knownVersion: null, signatures: [], allValid: false, sealed: false, modifiedAfterLastSignature: false, auditChainValid: null, verdict: 'unknown' };
  }
  return verifyDocument(ctx, await ctx.blobs.get(sha256));
}
