/**
 * The audit-trail page: who signed, when, from where, whether the one-time code was verified, and
 * the SHA-256 of the version each signer signed. Appended as an incremental update (new page,
 * content stream and font subset, plus the page-tree nodes whose /Kids and /Count change), so the
 * signatures before it stay valid; the platform seal then covers it.
 */
import { PDFDict, PDFName, PDFRef } from 'pdf-lib';
import { z } from 'zod';
import { cjkFont, subsetFontName } from './font.js';
import { appendUpdate, openForUpdate } from './incremental.js';
import { TextFlow, beijingTime } from './layout.js';

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
  const session = await openForUpdate(pdf);
  const { doc } = session;
  const { fontkit, bytes } = cjkFont();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(bytes, { subset: true, customName: subsetFontName(JSON.stringify(['audit', meta, entries])) });

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
  await doc.flush();

  // The page-tree nodes above the new pages changed (/Kids, /Count).
  const changed = new Set<PDFRef>();
  for (const page of flow.pages) {
    let node: PDFDict | undefined = page.node;
    for (let depth = 0; node && depth < 32; depth++) {
      const parent = node.get(PDFName.of('Parent'));
      if (!(parent instanceof PDFRef)) break;
      changed.add(parent);
      node = doc.context.lookupMaybe(parent, PDFDict);
    }
  }
  return appendUpdate(session, [...changed]);
}
