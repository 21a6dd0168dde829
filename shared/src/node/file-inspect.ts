/**
 * Checks an uploaded resume before anything is stored: the bytes must be the declared kind, a DOCX
 * must be a sane zip (no zip bomb, no entry escaping its folder, a word/document.xml), a PDF must
 * not be password-protected. Everything is decided from headers and dictionaries; nothing is
 * inflated except a PDF's compressed object streams (bounded) when looking for JavaScript.
 */
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { RESUME_MAX_BYTES, type TResumeKind } from '../schemas/resumes.js';

/** Limits on a DOCX's central directory; a file beyond any of them is refused as a zip bomb. */
export const DOCX_LIMITS = {
  /** Sum of the declared uncompressed sizes of all entries. */
  maxTotalUncompressedBytes: 50 * 1024 * 1024,
  maxEntries: 1000,
  /** An entry larger than `ratioMinBytes` may not expand more than `maxRatio` times. */
  maxRatio: 100,
  ratioMinBytes: 1024 * 1024,
} as const;

export type InspectFailureCode =
  | 'FILE_TOO_LARGE'
  | 'FILE_EMPTY'
  | 'FILE_TYPE_MISMATCH'
  | 'DOCX_INVALID'
  | 'DOCX_ZIP_BOMB'
  | 'ZIP_PATH_ESCAPE'
  | 'PDF_ENCRYPTED';

export type InspectResult =
  | { ok: true; kind: TResumeKind; pages?: number }
  | { ok: false; status: 413 | 415 | 422; code: InspectFailureCode; message: string };

type Failure = Extract<InspectResult, { ok: false }>;

const fail = (status: Failure['status'], code: InspectFailureCode, message: string): Failure => ({ ok: false, status, code, message });

const MESSAGES = {
  tooLarge: `文件超过 ${RESUME_MAX_BYTES / 1024 / 1024} MB 上限 / The file is larger than the ${RESUME_MAX_BYTES / 1024 / 1024} MB limit`,
  empty: '文件为空 / The file is empty',
  mismatch: "文件内容与类型不符 / The file's content does not match its type",
  legacyOffice:
    "文件内容与类型不符：这是旧版 Word（.doc）或设置了密码的文档，请另存为不加密的 .docx 后重新上传 / The file's content does not match its type: it is an old Word (.doc) or password-protected document; save it as an unprotected .docx and upload it again",
  docxInvalid: '文件不是有效的 Word（.docx）文档 / The file is not a valid Word (.docx) document',
  zipBomb: '文档解压后体积异常，已拒绝 / The document expands to an unsafe size when unpacked and was refused',
  pathEscape: '文档内含路径不安全的文件，已拒绝 / The document contains an entry with an unsafe path and was refused',
  pdfEncrypted: '该 PDF 设置了密码，请移除密码后重新上传 / This PDF is password-protected; remove the password and upload it again',
};

type Sniffed = 'pdf' | 'zip' | 'ole' | 'unknown';

/** What the first bytes say the file is. A PDF header may follow up to 1 KiB of junk, as readers allow. */
export function sniffFileKind(bytes: Uint8Array): Sniffed {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))) return 'zip';
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  return 'unknown';
}

export async function inspectResumeFile(bytes: Uint8Array, declared: TResumeKind): Promise<InspectResult> {
  if (bytes.byteLength > RESUME_MAX_BYTES) return fail(413, 'FILE_TOO_LARGE', MESSAGES.tooLarge);
  if (bytes.byteLength === 0) return fail(422, 'FILE_EMPTY', MESSAGES.empty);
  const sniffed = sniffFileKind(bytes);
  if (declared === 'pdf') {
    if (sniffed !== 'pdf') return fail(415, 'FILE_TYPE_MISMATCH', MESSAGES.mismatch);
    const pdf = scanPdf(bytes);
    if (pdf.encrypted) return fail(422, 'PDF_ENCRYPTED', MESSAGES.pdfEncrypted);
    return pdf.pages === undefined ? { ok: true, kind: 'pdf' } : { ok: true, kind: 'pdf', pages: pdf.pages };
  }
  if (sniffed === 'ole') return fail(415, 'FILE_TYPE_MISMATCH', MESSAGES.legacyOffice);
  if (sniffed !== 'zip') return fail(415, 'FILE_TYPE_MISMATCH', MESSAGES.mismatch);
  const problem = await inspectDocxZip(bytes);
  return problem ?? { ok: true, kind: 'docx' };
}

// ---------------------------------------------------------------------------------------------
// DOCX
// ---------------------------------------------------------------------------------------------

/** Why a zip entry name may not be extracted as is, or null when it stays inside its folder. */
export function unsafeZipPath(name: string): string | null {
  if (name.includes('\\')) return 'backslash';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[a-zA-Z]:/.test(name)) return 'drive letter';
  if (name.includes('\0')) return 'NUL byte';
  if (name.split('/').includes('..')) return 'parent segment';
  return null;
}

/** The entry's name from its own bytes and, when present, from the Info-ZIP Unicode Path extra field. */
function entryNames(entry: yauzl.Entry): string[] {
  const raw = entry.fileNameRaw;
  const names = [raw.toString((entry.generalPurposeBitFlag & 0x800) !== 0 ? 'utf8' : 'latin1')];
  for (const f of entry.extraFields) {
    if (f.id === 0x7075 && f.data.length >= 6 && f.data[0] === 1) names.push(f.data.subarray(5).toString('utf8'));
  }
  return names;
}

async function inspectDocxZip(bytes: Uint8Array): Promise<Failure | null> {
  let zip: yauzl.ZipFile;
  try {
    // decodeStrings: false keeps names as written, so yauzl neither rewrites backslashes nor
    // rejects unsafe names with an untyped error; we judge them ourselves.
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, decodeStrings: false });
  } catch {
    return fail(422, 'DOCX_INVALID', MESSAGES.docxInvalid);
  }
  if (zip.entryCount > DOCX_LIMITS.maxEntries) {
    zip.close();
    return fail(422, 'DOCX_ZIP_BOMB', MESSAGES.zipBomb);
  }
  let total = 0;
  let hasDocument = false;
  try {
    for await (const entry of zip.eachEntry()) {
      const names = entryNames(entry);
      if (names.some((n) => unsafeZipPath(n) !== null)) return fail(422, 'ZIP_PATH_ESCAPE', MESSAGES.pathEscape);
      const size = entry.uncompressedSize;
      total += size;
      if (total > DOCX_LIMITS.maxTotalUncompressedBytes) return fail(422, 'DOCX_ZIP_BOMB', MESSAGES.zipBomb);
      if (size > DOCX_LIMITS.ratioMinBytes && size > DOCX_LIMITS.maxRatio * Math.max(entry.compressedSize, 1)) {
        return fail(422, 'DOCX_ZIP_BOMB', MESSAGES.zipBomb);
      }
      if (names[0] === 'word/document.xml') hasDocument = true;
    }
  } catch {
    return fail(422, 'DOCX_INVALID', MESSAGES.docxInvalid);
  } finally {
    zip.close();
  }
  return hasDocument ? null : fail(422, 'DOCX_INVALID', MESSAGES.docxInvalid);
}

// ---------------------------------------------------------------------------------------------
// PDF
// ---------------------------------------------------------------------------------------------

const NAME_END = String.raw`(?=[\s()<>\[\]{}/%]|$)`;
const RE_ENCRYPT = new RegExp(String.raw`/Encrypt${NAME_END}`);
const RE_XREF_TYPE = new RegExp(String.raw`/Type\s*/XRef${NAME_END}`);
const RE_JAVASCRIPT = new RegExp(String.raw`/(?:JavaScript|JS)${NAME_END}`);
const RE_OBJSTM = new RegExp(String.raw`/Type\s*/ObjStm${NAME_END}`);
const RE_FLATE = new RegExp(String.raw`/Filter\s*(?:\[\s*)?/FlateDecode${NAME_END}`);
const RE_PAGES = new RegExp(String.raw`/Type\s*/Pages${NAME_END}`, 'g');

/**
 * The text with literal strings emptied and comments removed, so "(see /JS docs)" or "% /Encrypt"
 * cannot pass for a key. Hex strings cannot contain "/" and are left alone.
 */
function withoutStringsAndComments(s: string): string {
  if (!s.includes('(') && !s.includes('%')) return s;
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x28 /* ( */) {
      out += s.slice(from, i) + '()';
      let nest = 1;
      for (i++; i < s.length && nest > 0; i++) {
        const d = s.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x28) nest++;
        else if (d === 0x29) nest--;
      }
      from = i;
      i--;
    } else if (c === 0x25 /* % */) {
      out += s.slice(from, i);
      while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
      from = i;
    }
  }
  return out + s.slice(from);
}

/** PDF names may spell any character as #xx; readers decode them, so "/J#53" is "/JS". */
function decodeNames(s: string): string {
  return s.includes('#') ? s.replace(/(\/[^\s()<>[\]{}/%]*)/g, (name) => name.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))) : s;
}

/** The dictionary starting at `start` ("<<"), balanced, skipping strings and comments; capped at 64 KiB. */
function dictionaryAt(s: string, start: number): string {
  let depth = 0;
  const end = Math.min(s.length, start + 65536);
  for (let i = start; i < end; i++) {
    const c = s[i];
    if (c === '(') {
      let nest = 1;
      for (i++; i < end && nest > 0; i++) {
        if (s[i] === '\\') i++;
        else if (s[i] === '(') nest++;
        else if (s[i] === ')') nest--;
      }
      i--;
    } else if (c === '%') {
      while (i < end && s[i] !== '\n' && s[i] !== '\r') i++;
    } else if (c === '<' && s[i + 1] === '<') {
      depth++;
      i++;
    } else if (c === '>' && s[i + 1] === '>') {
      depth--;
      i++;
      if (depth === 0) return s.slice(start, i + 1);
    }
  }
  return s.slice(start, end);
}

interface PdfStream {
  /** Text between the object header and the stream keyword (the stream's dictionary). */
  dict: string;
  dataStart: number;
  dataEnd: number;
}

/** Locates every `stream ... endstream` body, with the dictionary that precedes it. */
function findStreams(s: string): PdfStream[] {
  const out: PdfStream[] = [];
  const re = />>\s*stream(?:\r\n|\n|\r)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const dataStart = m.index + m[0].length;
    let dataEnd = s.indexOf('endstream', dataStart);
    if (dataEnd < 0) dataEnd = s.length;
    const objStart = s.lastIndexOf(' obj', m.index);
    const dictStart = Math.max(objStart, out.length > 0 ? out[out.length - 1]!.dataEnd : 0, m.index - 4096);
    out.push({ dict: decodeNames(withoutStringsAndComments(s.slice(dictStart, m.index + 2))), dataStart, dataEnd });
    re.lastIndex = dataEnd;
  }
  return out;
}

/** The file's text with stream bodies left out, so binary data cannot look like a keyword. */
function outsideStreams(s: string, streams: PdfStream[]): string {
  if (streams.length === 0) return s;
  const parts: string[] = [];
  let cursor = 0;
  for (const st of streams) {
    parts.push(s.slice(cursor, st.dataStart));
    cursor = st.dataEnd;
  }
  parts.push(s.slice(cursor));
  return parts.join('\n');
}

/** Inflates compressed object streams (where modern writers put most dictionaries), within a budget. */
function objectStreamTexts(s: string, streams: PdfStream[], budget = 32 * 1024 * 1024): string[] {
  const out: string[] = [];
  let left = budget;
  for (const st of streams) {
    if (left <= 0) break;
    if (!RE_OBJSTM.test(st.dict) || !RE_FLATE.test(st.dict)) continue;
    try {
      const raw = Buffer.from(s.slice(st.dataStart, st.dataEnd), 'latin1');
      const inflated = zlib.inflateSync(raw, { maxOutputLength: left, finishFlush: zlib.constants.Z_SYNC_FLUSH });
      left -= inflated.length;
      out.push(decodeNames(withoutStringsAndComments(inflated.toString('latin1'))));
    } catch {
      // A damaged or oversized object stream: readers would fail on it too.
    }
  }
  return out;
}

export interface PdfScan {
  /** An /Encrypt entry in a trailer or a cross-reference stream dictionary. */
  encrypted: boolean;
  /** /JavaScript or /JS anywhere outside stream bodies or inside an object stream. */
  javascript: boolean;
  /** From the largest /Count of a page-tree node; undefined when none is found. */
  pages: number | undefined;
}

export function scanPdf(bytes: Uint8Array): PdfScan {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const streams = findStreams(s);
  const outside = decodeNames(outsideStreams(s, streams));
  const plain = withoutStringsAndComments(outside);

  // Trailers are read from the text as is (dictionaryAt skips strings itself), so a stray "(" earlier
  // in the file cannot hide one.
  let encrypted = false;
  const trailerRe = /trailer\s*<</g;
  let m: RegExpExecArray | null;
  while (!encrypted && (m = trailerRe.exec(outside)) !== null) {
    if (RE_ENCRYPT.test(withoutStringsAndComments(dictionaryAt(outside, m.index + m[0].length - 2)))) encrypted = true;
  }
  for (const st of streams) {
    if (encrypted) break;
    if (RE_XREF_TYPE.test(st.dict) && RE_ENCRYPT.test(st.dict)) encrypted = true;
  }

  const objectStreams = objectStreamTexts(s, streams);
  const texts = [plain, ...objectStreams];
  const javascript = texts.some((t) => RE_JAVASCRIPT.test(t));

  let pages: number | undefined;
  for (const t of texts) {
    for (const pm of t.matchAll(RE_PAGES)) {
      const open = t.lastIndexOf('<<', pm.index);
      if (open < 0) continue;
      const count = /\/Count\s+(\d+)/.exec(dictionaryAt(t, open));
      if (count) pages = Math.max(pages ?? 0, Number(count[1]));
    }
  }
  return { encrypted, javascript, pages };
}

/** Whether a PDF carries JavaScript (/JavaScript name trees or /JS actions), compressed or not. */
export function detectPdfJavaScript(bytes: Uint8Array): boolean {
  return scanPdf(bytes).javascript;
}
