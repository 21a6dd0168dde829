/**
 * The offer of employment as a PDF: A4, Chinese first and English second, one embedded subset of
 * WenQuanYi Micro Hei, classic cross-reference table (no object streams, so signatures can be
 * added as incremental updates) and an empty AcroForm that the signatures join.
 *
 * Deterministic: metadata dates come from `issuedAt`, the document ID and the font subset tag
 * from the content, so rendering the same offer twice gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { z } from 'zod';
import { cjkFont, deflateContentStreams, subsetFontName, useNativeDeflate } from './font.js';
import { TextFlow, beijingTime, formatYuan } from './layout.js';

const isoDateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s), 'an ISO date-time');
const line = (max: number) => z.string().trim().min(1).max(max);

export const OfferDocumentSchema = z.object({
  offerId: line(100),
  reference: line(100),
  employerName: line(300),
  graduateName: line(200),
  position: line(300),
  salaryMonthlyYuan: z.number().positive().max(10_000_000),
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  probationMonths: z.number().int().min(0).max(6),
  location: line(300),
  conditions: z.string().max(5000),
  expiresAt: isoDateTime,
  issuedAt: isoDateTime,
});
export type OfferDocument = z.infer<typeof OfferDocumentSchema>;

export const PRODUCER = 'Yunpin 24365 esign (pdf-lib)';

/** 16 bytes of the SHA-256 of `parts`, as a PDF file identifier. */
export function documentId(...parts: string[]): PDFHexString {
  return PDFHexString.of(createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32).toUpperCase());
}

/** A new document with the CJK font embedded (as a subset named from `seed`), and fixed metadata if given. */
export async function newDocument(seed: string, meta?: { title: string; author: string; subject: string; date: Date }) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  useNativeDeflate(doc.context);
  const { fontkit, bytes } = cjkFont();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(bytes, { subset: true, customName: subsetFontName(seed) });
  if (meta) {
    doc.setTitle(meta.title);
    doc.setAuthor(meta.author);
    doc.setSubject(meta.subject);
    doc.setCreator('云聘24365');
    doc.setProducer(PRODUCER);
    doc.setLanguage('zh-CN');
    doc.setCreationDate(meta.date);
    doc.setModificationDate(meta.date);
  }
  return { doc, font };
}

/** Embeds the font subsets and compresses the page content with Node's zlib; call once, after the last drawing. */
export async function finishDrawing(doc: PDFDocument): Promise<void> {
  await doc.flush();
  deflateContentStreams(doc.context);
}

export async function renderOfferPdf(input: OfferDocument): Promise<Uint8Array> {
  const o = OfferDocumentSchema.parse(input);
  const seed = JSON.stringify(o);
  const { doc, font } = await newDocument(seed, {
    title: `录用通知书 Offer of Employment ${o.reference}`,
    author: o.employerName,
    subject: `${o.position} — ${o.graduateName}`,
    date: new Date(o.issuedAt),
  });
  const flow = new TextFlow(doc, font);
  const salary = formatYuan(o.salaryMonthlyYuan);
  const expires = beijingTime(o.expiresAt);
  const issued = beijingTime(o.issuedAt);
  const conditions = o.conditions.trim();

  // 中文
  flow.heading('录用通知书', 22);
  flow.paragraph(`编号：${o.reference}`, 9, { color: 'muted' });
  flow.gap(8);
  flow.paragraph(`${o.graduateName}：`, 11);
  flow.paragraph(`经${o.employerName}研究决定，录用您担任以下职位。具体条款如下：`, 11, { indent: 22 });
  flow.gap(4);
  const zhLabel = 84;
  flow.field('职位', o.position, 11, zhLabel);
  flow.field('工作地点', o.location, 11, zhLabel);
  flow.field('月薪（税前）', `人民币 ${salary} 元`, 11, zhLabel);
  flow.field('入职日期', o.startDate, 11, zhLabel);
  flow.field('试用期', o.probationMonths === 0 ? '无' : `${o.probationMonths} 个月`, 11, zhLabel);
  if (conditions) flow.field('其他条件', conditions, 11, zhLabel);
  flow.gap(6);
  flow.paragraph(`本录用通知有效期至 ${expires}（北京时间）。请在有效期内登录云聘24365平台，以电子签名方式确认接受；双方签署后，平台加盖电子印章。`, 11, { indent: 22 });
  flow.paragraph(`签发单位：${o.employerName}`, 11);
  flow.paragraph(`签发时间：${issued}（北京时间）`, 11);
  flow.gap(6);
  flow.rule();

  // English
  flow.gap(6);
  flow.heading('Offer of Employment', 18);
  flow.paragraph(`Reference: ${o.reference}`, 9, { color: 'muted' });
  flow.gap(8);
  flow.paragraph(`Dear ${o.graduateName},`, 11);
  flow.paragraph(`${o.employerName} is pleased to offer you the position below, on these terms:`, 11);
  flow.gap(4);
  const enLabel = 130;
  flow.field('Position', o.position, 11, enLabel);
  flow.field('Place of work', o.location, 11, enLabel);
  flow.field('Monthly salary (gross)', `CNY ${salary}`, 11, enLabel);
  flow.field('Start date', o.startDate, 11, enLabel);
  flow.field('Probation', o.probationMonths === 0 ? 'none' : `${o.probationMonths} month${o.probationMonths === 1 ? '' : 's'}`, 11, enLabel);
  if (conditions) flow.field('Other conditions', conditions, 11, enLabel);
  flow.gap(6);
  flow.paragraph(
    `This offer is open until ${expires} (Beijing time). To accept it, sign it electronically on Yunpin 24365 before then; once both parties have signed, the platform adds its electronic seal.`,
    11,
  );
  flow.paragraph(`Issued by: ${o.employerName}`, 11);
  flow.paragraph(`Issued at: ${issued} (Beijing time)`, 11);
  flow.gap(10);
  flow.paragraph(
    '本文件以可靠电子签名签署，签名信息见签名面板及文末审计页。This document is signed with electronic signatures; see the signature panel and the audit page at the end.',
    8,
    { color: 'muted' },
  );
  flow.footers((n, count) => `云聘24365 · 录用通知书 Offer of Employment ${o.reference} · 第 ${n} / ${count} 页 Page ${n} of ${count}`);

  // An empty form the signature fields join (an indirect object, so each signature rewrites only it).
  const acroForm = doc.context.register(doc.context.obj({ Fields: [] }));
  doc.catalog.set(PDFName.of('AcroForm'), acroForm);
  const id = documentId('offer', o.offerId, seed);
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);

  await finishDrawing(doc);
  return doc.save({ useObjectStreams: false, addDefaultPage: false, objectsPerTick: Infinity, updateFieldAppearances: false });
}
