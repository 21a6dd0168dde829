/**
 * Incremental updates (ISO 32000-1 §7.5.6): the original bytes stay as they are, and the new and
 * changed objects are appended with their own cross-reference section and a trailer whose /Prev
 * points at the previous one. That is what keeps earlier signatures valid: pdf-lib's own save
 * rewrites the whole file.
 *
 * Only what an update touches is parsed: the cross-reference tables (following /Prev) and, on
 * demand, single objects (with pdf-lib's object parser). A whole-document parse costs several
 * times more than the rest of adding a signature. Objects created in `context` after opening get
 * numbers from the trailer's /Size up and are all written; changed objects are named by the caller.
 */
import { PDFArray, PDFContext, PDFDict, PDFName, PDFNumber, PDFObjectParser, PDFRef, type PDFObject } from 'pdf-lib';

export class PdfStructureError extends Error {}

export interface Revision {
  bytes: Buffer;
  /** Holds the objects parsed so far (under their own numbers) and the ones created for the update. */
  context: PDFContext;
  /** The trailer's /Size: objects numbered from here on are new. */
  size: number;
  root: PDFRef;
  info?: PDFObject;
  id?: PDFObject;
  /** Offset of the last cross-reference section. */
  startXref: number;
  /** Object number → byte offset, latest revision winning. */
  offsets: Map<number, number>;
}

const latin1 = (buf: Buffer, from: number, to: number) => buf.toString('latin1', from, Math.min(to, buf.length));

function parseAt(rev: Pick<Revision, 'bytes' | 'context'>, offset: number): PDFObject {
  return PDFObjectParser.forBytes(rev.bytes.subarray(offset), rev.context).parseObject();
}

/** Reads the xref section at `offset`: its entries (not overriding `offsets`) and its trailer dictionary. */
function readXrefSection(bytes: Buffer, context: PDFContext, offset: number, offsets: Map<number, number>): PDFDict {
  if (latin1(bytes, offset, offset + 4) !== 'xref') {
    throw new PdfStructureError('the PDF must use classic cross-reference tables (saved with useObjectStreams: false)');
  }
  const trailerAt = bytes.indexOf('trailer', offset, 'latin1');
  if (trailerAt < 0) throw new PdfStructureError('no trailer after the cross-reference table');
  const lines = latin1(bytes, offset + 4, trailerAt).split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean);
  let next = 0;
  let remaining = 0;
  for (const line of lines) {
    const parts = line.split(/\s+/);
    if (remaining === 0) {
      if (parts.length !== 2) throw new PdfStructureError(`bad cross-reference subsection header: ${line}`);
      next = Number(parts[0]);
      remaining = Number(parts[1]);
      continue;
    }
    if (parts.length !== 3) throw new PdfStructureError(`bad cross-reference entry: ${line}`);
    if (parts[2] === 'n' && !offsets.has(next)) offsets.set(next, Number(parts[0]));
    next++;
    remaining--;
  }
  const trailer = PDFObjectParser.forBytes(bytes.subarray(trailerAt + 'trailer'.length), context).parseObject();
  if (!(trailer instanceof PDFDict)) throw new PdfStructureError('the trailer is not a dictionary');
  return trailer;
}

export function openRevision(pdf: Uint8Array): Revision {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const at = bytes.lastIndexOf('startxref');
  const m = at >= 0 ? /^startxref\s+(\d+)/.exec(latin1(bytes, at, at + 40)) : null;
  if (!m) throw new PdfStructureError('no startxref in the PDF');
  const startXref = Number(m[1]);
  const context = PDFContext.create();
  const offsets = new Map<number, number>();
  const trailer = readXrefSection(bytes, context, startXref, offsets);
  const seen = new Set([startXref]);
  for (let prev = trailer.get(PDFName.of('Prev')); prev instanceof PDFNumber; ) {
    const offset = prev.asNumber();
    if (seen.has(offset)) throw new PdfStructureError('the /Prev chain loops');
    seen.add(offset);
    prev = readXrefSection(bytes, context, offset, offsets).get(PDFName.of('Prev'));
  }
  const size = trailer.get(PDFName.of('Size'));
  const root = trailer.get(PDFName.of('Root'));
  if (!(size instanceof PDFNumber) || !(root instanceof PDFRef)) throw new PdfStructureError('the trailer lacks /Size or /Root');
  context.largestObjectNumber = size.asNumber() - 1;
  const info = trailer.get(PDFName.of('Info'));
  const id = trailer.get(PDFName.of('ID'));
  return { bytes, context, size: size.asNumber(), root, startXref, offsets, ...(info ? { info } : {}), ...(id ? { id } : {}) };
}

/** The object `ref` names, parsed from the file on first use. */
export function lookup(rev: Revision, ref: PDFRef): PDFObject {
  const known = rev.context.lookup(ref);
  if (known) return known;
  const offset = rev.offsets.get(ref.objectNumber);
  if (offset === undefined) throw new PdfStructureError(`object ${ref.toString()} is not in the cross-reference table`);
  const header = /^(\d+)\s+(\d+)\s+obj\b/.exec(latin1(rev.bytes, offset, offset + 40));
  if (!header || Number(header[1]) !== ref.objectNumber) throw new PdfStructureError(`the cross-reference offset of ${ref.toString()} is wrong`);
  const object = parseAt(rev, offset + header[0].length);
  rev.context.assign(ref, object);
  return object;
}

/** `value`, or the object it refers to. */
export function resolve(rev: Revision, value: PDFObject | undefined): PDFObject | undefined {
  return value instanceof PDFRef ? lookup(rev, value) : value;
}

export function resolveDict(rev: Revision, value: PDFObject | undefined, what: string): PDFDict {
  const object = resolve(rev, value);
  if (!(object instanceof PDFDict)) throw new PdfStructureError(`${what} is not a dictionary`);
  return object;
}

/** The array under `key` in `dict` (created if missing), and the reference of the object to rewrite when it changes. */
export function arrayEntry(rev: Revision, dict: PDFDict, key: string, holder: PDFRef): { array: PDFArray; holder: PDFRef } {
  const raw = dict.get(PDFName.of(key));
  if (raw instanceof PDFRef) {
    const array = lookup(rev, raw);
    if (!(array instanceof PDFArray)) throw new PdfStructureError(`/${key} is not an array`);
    return { array, holder: raw };
  }
  if (raw instanceof PDFArray) return { array: raw, holder };
  const array = rev.context.obj([]);
  dict.set(PDFName.of(key), array);
  return { array, holder };
}

/** The first page: its reference and dictionary. */
export function firstPage(rev: Revision): { ref: PDFRef; page: PDFDict } {
  const catalog = resolveDict(rev, rev.root, 'the catalog');
  let node: PDFObject | undefined = catalog.get(PDFName.of('Pages'));
  for (let depth = 0; depth < 32; depth++) {
    if (!(node instanceof PDFRef)) break;
    const dict = resolveDict(rev, node, 'a page-tree node');
    if (dict.get(PDFName.of('Type')) === PDFName.of('Page')) return { ref: node, page: dict };
    const kids = resolve(rev, dict.get(PDFName.of('Kids')));
    node = kids instanceof PDFArray ? kids.get(0) : undefined;
  }
  throw new PdfStructureError('the document has no pages');
}

/** The original bytes followed by an update with every new object and the `changed` ones. */
export function appendUpdate(rev: Revision, changed: Iterable<PDFRef>): Buffer {
  const { bytes, context } = rev;
  const entries = new Map<number, [PDFRef, PDFObject]>();
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (ref.objectNumber >= rev.size) entries.set(ref.objectNumber, [ref, object]);
  }
  for (const ref of changed) entries.set(ref.objectNumber, [ref, lookup(rev, ref)]);
  const sorted = [...entries.values()].sort((a, b) => a[0].objectNumber - b[0].objectNumber);

  const parts: Buffer[] = [];
  let offset = bytes.length;
  const push = (b: Buffer) => {
    parts.push(b);
    offset += b.length;
  };
  if (bytes[bytes.length - 1] !== 0x0a) push(Buffer.from('\n'));
  const written: [number, number, number][] = [];
  for (const [ref, object] of sorted) {
    written.push([ref.objectNumber, ref.generationNumber, offset]);
    const head = Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`, 'latin1');
    const body = Buffer.alloc(head.length + object.sizeInBytes() + '\nendobj\n'.length);
    head.copy(body, 0);
    const end = head.length + object.copyBytesInto(body, head.length);
    body.write('\nendobj\n', end, 'latin1');
    push(body);
  }

  // One subsection per run of consecutive object numbers.
  const xrefOffset = offset;
  const lines = ['xref'];
  for (let i = 0; i < written.length; ) {
    let j = i;
    while (j + 1 < written.length && written[j + 1]![0] === written[j]![0] + 1) j++;
    lines.push(`${written[i]![0]} ${j - i + 1}`);
    for (let k = i; k <= j; k++) {
      const [, gen, at] = written[k]!;
      lines.push(`${String(at).padStart(10, '0')} ${String(gen).padStart(5, '0')} n `);
    }
    i = j + 1;
  }
  const trailer = PDFDict.withContext(context);
  trailer.set(PDFName.of('Size'), PDFNumber.of(Math.max(rev.size, context.largestObjectNumber + 1)));
  trailer.set(PDFName.of('Root'), rev.root);
  if (rev.info) trailer.set(PDFName.of('Info'), rev.info);
  if (rev.id) trailer.set(PDFName.of('ID'), rev.id);
  trailer.set(PDFName.of('Prev'), PDFNumber.of(rev.startXref));
  push(Buffer.from(`${lines.join('\n')}\ntrailer\n${trailer.toString()}\nstartxref\n${xrefOffset}\n%%EOF`, 'latin1'));
  return Buffer.concat([bytes, ...parts]);
}
