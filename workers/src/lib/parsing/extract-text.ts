/**
 * Plain text out of a resume file. PDFs go through the pdf.js legacy build with everything that
 * could run code or reach the network switched off; DOCX through mammoth, after the real inflated
 * sizes of its XML parts have been checked against what its central directory declares.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { DOCX_LIMITS } from '@yunpin/shared/node';
import type { TResumeKind } from '@yunpin/shared';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { CorruptFileError } from './errors.js';

type PdfJs = typeof PdfJsModule;

export interface ExtractedText {
  text: string;
  pages: number;
}

export interface ExtractOptions {
  /** Stop reading further pages once this many characters are collected (the rest would be cut anyway). */
  maxChars?: number;
}

let pdfjsPromise: Promise<PdfJs> | null = null;
let pdfjsDir: string | null = null;

/**
 * Loads pdf.js once per thread. In Node it runs its "worker" in the same thread (it imports
 * pdf.worker.mjs from its own folder on first use), which is what we want inside a parse thread.
 */
function loadPdfjs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

/** pdfjs-dist's folder on disk, for the bundled CMaps and standard fonts (read with fs, never fetched). */
function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string; iccUrl: string } {
  pdfjsDir ??= path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const dir = (name: string) => path.join(pdfjsDir!, name) + path.sep;
  return { cMapUrl: dir('cmaps'), standardFontDataUrl: dir('standard_fonts'), wasmUrl: dir('wasm'), iccUrl: dir('iccs') };
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/**
 * Rebuilds lines from pdf.js text items in content-stream order (which keeps the columns of a
 * two-column layout apart): a change of baseline starts a new line, a wide horizontal gap becomes
 * a tab (a column break), a narrow one a space.
 */
export function itemsToText(items: readonly TextItemLike[]): string {
  let out = '';
  let line = '';
  let lastY: number | null = null;
  let lastEnd: number | null = null;
  let pendingGap = '';
  const flush = () => {
    const trimmed = line.replace(/[ \t]+$/, '');
    if (trimmed.trim() !== '') out += (out ? '\n' : '') + trimmed;
    line = '';
    lastEnd = null;
    pendingGap = '';
  };
  for (const item of items) {
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
    const size = Math.max(Math.hypot(c, d), Math.hypot(a, b), item.height, 1);
    if (lastY !== null && Math.abs(y - lastY) > size * 0.4) flush();
    lastY = y;
    if (item.str.trim() === '') {
      if (item.str.length > 0 || item.width > 0) pendingGap = item.width > size * 1.5 ? '\t' : pendingGap || ' ';
    } else {
      if (line) {
        const gap = lastEnd === null ? 0 : x - lastEnd;
        const sep = pendingGap || (gap > size * 1.5 ? '\t' : gap > size * 0.15 ? ' ' : '');
        line += sep === '\t' ? '\t' : sep;
      }
      line += item.str;
      lastEnd = x + item.width;
      pendingGap = '';
    }
    if (item.hasEOL) flush();
  }
  flush();
  return out;
}

async function extractPdf(bytes: Uint8Array, maxChars: number): Promise<ExtractedText> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    ...pdfjsAssets(),
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') throw new CorruptFileError('The PDF is password-protected', 'PDF_ENCRYPTED');
    throw new CorruptFileError(`The PDF cannot be read: ${(err as Error).message}`, 'PDF_INVALID');
  }
  try {
    const pages: string[] = [];
    let length = 0;
    for (let n = 1; n <= doc.numPages && length <= maxChars; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ disableNormalization: false });
      const text = itemsToText(content.items.flatMap((i) => ('str' in i ? [i] : [])));
      page.cleanup();
      pages.push(text);
      length += text.length + 2;
    }
    return { text: pages.filter((p) => p !== '').join('\n\n'), pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

/** The stored bytes of a zip entry, found through its local header. */
function entryData(zip: Buffer, entry: yauzl.Entry): Buffer {
  const at = entry.relativeOffsetOfLocalHeader;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50) throw new Error('bad local file header');
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  if (start + entry.compressedSize > zip.length) throw new Error('entry data runs past the end of the file');
  return zip.subarray(start, start + entry.compressedSize);
}

/** Pictures, which mammoth does not open when extracting text. */
const IMAGE_PART = /\.(?:png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|webp)$/i;

/**
 * Inflates every part but pictures (mammoth opens no pictures for plain text) with the
 * output capped at each part's declared size, so a zip whose central directory understates what
 * a part inflates to is refused before mammoth unpacks it. Returns docProps/app.xml when present.
 */
async function verifyDocx(bytes: Uint8Array): Promise<string | null> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true });
  } catch (err) {
    throw new CorruptFileError(`The DOCX cannot be read: ${(err as Error).message}`, 'DOCX_INVALID');
  }
  if (zip.entryCount > DOCX_LIMITS.maxEntries) throw new CorruptFileError('The DOCX has too many parts', 'DOCX_ZIP_BOMB');
  let total = 0;
  let appXml: string | null = null;
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/') || IMAGE_PART.test(entry.fileName)) continue;
      if (total + entry.uncompressedSize > DOCX_LIMITS.maxTotalUncompressedBytes) throw new CorruptFileError('The DOCX expands to an unsafe size', 'DOCX_ZIP_BOMB');
      const data = entryData(buf, entry);
      let inflated: Buffer;
      if (entry.compressionMethod === 0) inflated = data;
      else if (entry.compressionMethod === 8) inflated = zlib.inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
      else throw new Error(`unsupported compression method ${entry.compressionMethod}`);
      if (inflated.length !== entry.uncompressedSize) throw new Error(`${entry.fileName} is ${inflated.length} bytes, not the ${entry.uncompressedSize} declared`);
      total += inflated.length;
      if (entry.fileName === 'docProps/app.xml') appXml = inflated.toString('utf8');
    }
  } catch (err) {
    if (err instanceof CorruptFileError) throw err;
    // zlib stops at maxOutputLength: the part inflates to more than the central directory says.
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new CorruptFileError('The DOCX expands beyond its declared size', 'DOCX_ZIP_BOMB');
    throw new CorruptFileError(`The DOCX cannot be read: ${(err as Error).message}`, 'DOCX_INVALID');
  } finally {
    zip.close();
  }
  return appXml;
}

async function extractDocx(bytes: Uint8Array): Promise<ExtractedText> {
  const appXml = await verifyDocx(bytes);
  let raw: string;
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    raw = result.value;
  } catch (err) {
    throw new CorruptFileError(`The DOCX cannot be read: ${(err as Error).message}`, 'DOCX_INVALID');
  }
  // mammoth separates paragraphs with a blank line; one line per paragraph reads like the PDF text.
  const text = raw
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .filter((l) => l.trim() !== '')
    .join('\n');
  // Word stores the page count it last laid out in docProps/app.xml; other writers may not, and
  // then the count is estimated (about 1,500 characters per page).
  const declared = appXml ? /<Pages>(\d+)<\/Pages>/.exec(appXml) : null;
  const pages = declared ? Number(declared[1]) : text === '' ? 0 : Math.max(1, Math.ceil(text.length / 1500));
  return { text, pages };
}

export async function extractText(bytes: Uint8Array, kind: TResumeKind, opts: ExtractOptions = {}): Promise<ExtractedText> {
  const maxChars = opts.maxChars ?? Number.POSITIVE_INFINITY;
  return kind === 'pdf' ? extractPdf(bytes, maxChars) : extractDocx(bytes);
}

/** Loads pdf.js ahead of the first file, so a thread's first parse is as fast as the rest. */
export async function warmUpExtractors(): Promise<void> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({ data: new TextEncoder().encode(TINY_PDF), ...pdfjsAssets(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  await doc.destroy();
}

const TINY_PDF = [
  '%PDF-1.4',
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
  '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >> endobj',
  'trailer << /Root 1 0 R >>',
  '%%EOF',
].join('\n');
