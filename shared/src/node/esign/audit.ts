/**
 * The audit-trail page: who signed, when, from where, whether the one-time code was verified, and
 * the SHA-256 of the version each signer signed. Appended as an incremental update (new page,
 * content stream and font subset, plus the page-tree nodes whose /Kids and /Count change), so the
 * signatures before it stay valid; the platform seal then covers it.
 */
import { PDFName, PDFNumber, PDFObjectCopier, PDFRef } from 'pdf-lib';
import { z } from 'zod';
import { appendUpdate, arrayEntry, openRevision, PdfStructureError, resolveDict } from './incremental.js';
import { TextFlow, beijingTime } from './layout.js';
import { finishDrawing, newDocument } from './render.js';

export const AuditEntrySchema = z.object({
  signer: z.string().trim().min(1).max(300),
  role: z.string().trim().min(1).max(100),
  signedAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO date-time'),
  ip: z.string().trim().min(1).max(100),
  otpVerified: z.boolean(),
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const AuditMetaSchema = z.object({ offerId: z.string().trim().min(1).max(100), reference: z.string().trim().min(1).max(100) });

const ROLE_NAMES: Record<string, string> = { graduate: '毕业生 graduate', employer: '用人单位 employer', platform: '平台 platform' };

export async function appendAuditPage(pdf: Uint8Array, entriesInput: AuditEntry[], metaInput: { offerId: string; reference: string }): Promise<Uint8Array> {
  const entries = z.array(AuditEntrySchema).min(1).max(20).parse(entriesInput);
  const meta = AuditMetaSchema.parse(metaInput);
  const rev = openRevision(pdf);
  // The page is laid out in a document of its own, then copied into the update with new numbers.
  const { doc, font } = await newDocument(JSON.stringify(['audit', meta, entries]));
  const flow = new TextFlow(doc, font);
  flow.heading('签署审计记录  Audit trail', 18);
  flow.paragraph(`录用通知书编号 Reference: ${meta.reference}    Offer ID: ${meta.offerId}`, 9, { color: 'muted' });
  flow.gap(6);
  const label = 150;
  entries.forEach((e, i) => {
    flow.rule();
    flow.paragraph(`${i + 1}. ${e.signer}（${ROLE_NAMES[e.role] ?? e.role}）`, 12);
    flow.field('签署时间 Signed at', `${beijingTime(e.signedAt)}（北京时间 Beijing time） ${new Date(e.signedAt).toISOString()}`, 9.5, label);
    flow.field('IP 地址 IP address', e.ip, 9.5, label);
    flow.field('短信验证码 OTP', e.otpVerified ? '已验证 verified' : '未验证 not verified', 9.5, label);
    flow.field('所签文件 SHA-256', e.documentSha256, 9.5, label);
  });
  flow.rule();
  flow.gap(6);
  flow.paragraph(
    '本页在各方签署之后以增量更新方式追加，不改动此前任何字节；平台电子印章随后覆盖本页及此前全部内容。' +
      'This page was appended as an incremental update after the signatures, changing none of the bytes before it; the platform seal then covers this page and everything before it.',
    8.5,
    { color: 'muted' },
  );
  flow.footers((n, count) => `云聘24365 · 审计记录 Audit trail · ${meta.reference}${count > 1 ? ` · ${n}/${count}` : ''}`);
  await finishDrawing(doc);

  const catalog = resolveDict(rev, rev.root, 'the catalog');
  const pagesRef = catalog.get(PDFName.of('Pages'));
  if (!(pagesRef instanceof PDFRef)) throw new PdfStructureError('the catalog has no page tree');
  const pages = resolveDict(rev, pagesRef, 'the page tree');
  const kids = arrayEntry(rev, pages, 'Kids', pagesRef);
  const count = pages.get(PDFName.of('Count'));
  if (!(count instanceof PDFNumber)) throw new PdfStructureError('the page tree has no /Count');
  const copier = PDFObjectCopier.for(doc.context, rev.context);
  for (const page of flow.pages) {
    const copy = copier.copy(page.node);
    copy.set(PDFName.of('Parent'), pagesRef);
    kids.array.push(rev.context.register(copy));
  }
  pages.set(PDFName.of('Count'), PDFNumber.of(count.asNumber() + flow.pages.length));
  return appendUpdate(rev, [pagesRef, kids.holder]);
}
