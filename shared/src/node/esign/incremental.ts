/**
 * Incremental updates (ISO 32000-1 §7.5.6): the original bytes stay as they are, and the new and
 * changed objects are appended with their own cross-reference section and a trailer whose /Prev
 * points at the previous one. That is what keeps earlier signatures valid: pdf-lib's own save
 * rewrites the whole file.
 *
 * The document is parsed with pdf-lib (which reads every revision, later definitions winning), the
 * caller changes it through pdf-lib, and `appendUpdate` writes the objects created since loading
 * plus the ones the caller says it changed.
 */
import { PDFDocument, PDFDict, PDFName, PDFRef, ParseSpeeds, type PDFObject } from 'pdf-lib';

export interface UpdateSession {
  doc: PDFDocument;
  original: Buffer;
  /** Objects numbered above this were created after loading. */
  baseLargestObject: number;
  /** Offset of the last cross-reference section in `original`. */
  prevStartXref: number;
}

export class PdfStructureError extends Error {}

function lastStartXref(pdf: Buffer): number {
  const at = pdf.lastIndexOf('startxref');
  const m = at >= 0 ? /^startxref\s+(\d+)/.exec(pdf.subarray(at, at + 40).toString('latin1')) : null;
  if (!m) throw new PdfStructureError('no startxref in the PDF');
  const offset = Number(m[1]);
  if (pdf.subarray(offset, offset + 4).toString('latin1') !== 'xref') {
    // A cross-reference stream (PDF 1.5 object streams): not what renderOfferPdf writes.
    throw new PdfStructureError('the PDF must use a classic cross-reference table (saved with useObjectStreams: false)');
  }
  return offset;
}

export async function openForUpdate(pdf: Uint8Array): Promise<UpdateSession> {
  const original = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const prevStartXref = lastStartXref(original);
  const doc = await PDFDocument.load(original, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest, throwOnInvalidObject: true });
  return { doc, original, baseLargestObject: doc.context.largestObjectNumber, prevStartXref };
}

/** The bytes of `pdf` followed by an update holding the new objects and `changed`. */
export function appendUpdate(session: UpdateSession, changed: PDFRef[]): Buffer {
  const { doc, original, baseLargestObject, prevStartXref } = session;
  const context = doc.context;
  const entries = new Map<number, [PDFRef, PDFObject]>();
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (ref.objectNumber > baseLargestObject) entries.set(ref.objectNumber, [ref, object]);
  }
  for (const ref of changed) {
    const object = context.lookup(ref);
    if (!object) throw new PdfStructureError(`object ${ref.toString()} is missing`);
    entries.set(ref.objectNumber, [ref, object]);
  }
  const sorted = [...entries.values()].sort((a, b) => a[0].objectNumber - b[0].objectNumber);

  const parts: Buffer[] = [];
  let offset = original.length;
  const push = (b: Buffer) => {
    parts.push(b);
    offset += b.length;
  };
  if (original[original.length - 1] !== 0x0a) push(Buffer.from('\n'));
  const offsets: [number, number, number][] = [];
  for (const [ref, object] of sorted) {
    offsets.push([ref.objectNumber, ref.generationNumber, offset]);
    const body = Buffer.alloc(object.sizeInBytes());
    object.copyBytesInto(body, 0);
    push(Buffer.concat([Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`), body, Buffer.from('\nendobj\n')]));
  }

  // Cross-reference section: one subsection per run of consecutive object numbers.
  const xrefOffset = offset;
  const lines = ['xref'];
  for (let i = 0; i < offsets.length; ) {
    let j = i;
    while (j + 1 < offsets.length && offsets[j + 1]![0] === offsets[j]![0] + 1) j++;
    lines.push(`${offsets[i]![0]} ${j - i + 1}`);
    for (let k = i; k <= j; k++) {
      const [, gen, at] = offsets[k]!;
      lines.push(`${String(at).padStart(10, '0')} ${String(gen).padStart(5, '0')} n `);
    }
    i = j + 1;
  }
  const trailer = PDFDict.withContext(context);
  trailer.set(PDFName.of('Size'), context.obj(context.largestObjectNumber + 1));
  const info = context.trailerInfo;
  if (info.Root) trailer.set(PDFName.of('Root'), info.Root);
  if (info.Info) trailer.set(PDFName.of('Info'), info.Info);
  if (info.ID) trailer.set(PDFName.of('ID'), info.ID);
  trailer.set(PDFName.of('Prev'), context.obj(prevStartXref));
  push(Buffer.from(`${lines.join('\n')}\ntrailer\n${trailer.toString()}\nstartxref\n${xrefOffset}\n%%EOF`, 'latin1'));
  return Buffer.concat([original, ...parts]);
}

/** The indirect reference that holds `dict`'s entry `key`: the entry's own reference if it is one, else `holder`. */
export function holderOf(dict: PDFDict, key: string, holder: PDFRef): PDFRef {
  const raw = dict.get(PDFName.of(key));
  return raw instanceof PDFRef ? raw : holder;
}
