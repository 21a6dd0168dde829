/**
 * The CJK font for offer documents: WenQuanYi Micro Hei, picked out of the Debian collection
 * (`fonts-wqy-microhei`, a .ttc that pdf-lib cannot read directly) as a standalone TrueType file,
 * parsed once per process and handed to pdf-lib through a fontkit stand-in, so each document only
 * pays for its own subset. It has Latin glyphs too, so it is the only font a document uses (every
 * font embedded, nothing left to the reader's system fonts).
 *
 * Streams are compressed with Node's zlib rather than pdf-lib's bundled pure-JS deflate, which
 * took a third of the time to render an offer.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { deflateSync } from 'node:zlib';
import { PDFContentStream, PDFName, PDFRawStream, type PDFContext, type PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

export const CJK_FONT_PATH = process.env.YP_ESIGN_FONT ?? '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
export const CJK_FONT_POSTSCRIPT_NAME = 'WenQuanYiMicroHei';

/** The face at `index` of a TrueType collection, as a standalone sfnt file. */
export function extractTtcFace(ttc: Buffer, index: number): Buffer {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') return ttc; // already a single font
  const numFonts = ttc.readUInt32BE(8);
  if (index < 0 || index >= numFonts) throw new Error(`font collection has ${numFonts} faces, not ${index + 1}`);
  const faceOffset = ttc.readUInt32BE(12 + 4 * index);
  const numTables = ttc.readUInt16BE(faceOffset + 4);
  const headerLength = 12 + 16 * numTables;
  const tables = Array.from({ length: numTables }, (_, i) => {
    const record = faceOffset + 12 + 16 * i;
    return {
      tag: ttc.subarray(record, record + 4),
      checksum: ttc.readUInt32BE(record + 4),
      offset: ttc.readUInt32BE(record + 8),
      length: ttc.readUInt32BE(record + 12),
    };
  });
  const padded = (n: number) => (n + 3) & ~3;
  const size = headerLength + tables.reduce((sum, t) => sum + padded(t.length), 0);
  const out = Buffer.alloc(size);
  ttc.copy(out, 0, faceOffset, faceOffset + 12); // sfnt version, numTables, search fields
  let cursor = headerLength;
  tables.forEach((t, i) => {
    const record = 12 + 16 * i;
    t.tag.copy(out, record);
    out.writeUInt32BE(t.checksum, record + 4);
    out.writeUInt32BE(cursor, record + 8);
    out.writeUInt32BE(t.length, record + 12);
    ttc.copy(out, cursor, t.offset, t.offset + t.length);
    cursor += padded(t.length);
  });
  return out;
}

type FontkitFont = ReturnType<Fontkit['create']>;

interface LoadedFont {
  /** A fontkit stand-in for `PDFDocument.registerFontkit` that hands out the parsed face. */
  fontkit: Fontkit;
  /** Bytes passed to `embedFont` (only used as a key: the stand-in ignores them). */
  bytes: Uint8Array;
  font: FontkitFont;
  /** Advance width of a character at size 1, in points. */
  advance(char: string): number;
}

let loaded: LoadedFont | undefined;

export function cjkFont(): LoadedFont {
  if (loaded) return loaded;
  let ttc: Buffer;
  try {
    ttc = fs.readFileSync(CJK_FONT_PATH);
  } catch (e) {
    throw new Error(`the offer PDF font ${CJK_FONT_PATH} cannot be read (install Debian fonts-wqy-microhei or set YP_ESIGN_FONT): ${(e as Error).message}`);
  }
  let index = 0;
  if (ttc.toString('latin1', 0, 4) === 'ttcf') {
    const collection = fontkit.create(ttc) as unknown as { fonts: { postscriptName: string }[] };
    index = collection.fonts.findIndex((f) => f.postscriptName === CJK_FONT_POSTSCRIPT_NAME);
    if (index < 0) throw new Error(`${CJK_FONT_PATH} has no face ${CJK_FONT_POSTSCRIPT_NAME}`);
  }
  const bytes = extractTtcFace(ttc, index);
  const font = fontkit.create(bytes) as FontkitFont;
  // Glyphs straight from the cmap, one per code point, instead of OpenType shaping: Chinese and
  // Latin text needs none, and pdf-lib keeps only the glyph ids of a layout (not the positions).
  // Shaping was about a fifth of the time to render an offer.
  const glyphs = (text: string) => Array.from(text, (c) => font.glyphForCodePoint(c.codePointAt(0) ?? 0));
  (font as { layout: unknown }).layout = (text: string) => ({ glyphs: glyphs(text), positions: [] });
  const scale = 1 / font.unitsPerEm;
  const widths = new Map<string, number>();
  loaded = {
    fontkit: { create: () => font } as unknown as Fontkit,
    bytes,
    font,
    advance(char: string): number {
      let w = widths.get(char);
      if (w === undefined) {
        w = font.glyphForCodePoint(char.codePointAt(0) ?? 0).advanceWidth * scale;
        widths.set(char, w);
      }
      return w;
    },
  };
  return loaded;
}

/** A PDF font subset name: six capital letters derived from `seed`, "+", the PostScript name. */
export function subsetFontName(seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  const tag = Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
  return `${tag}+${CJK_FONT_POSTSCRIPT_NAME}`;
}

/** Breaks `text` into lines no wider than `maxWidth` at `size`: between CJK characters, at spaces in Latin text. */
export function wrapText(text: string, size: number, maxWidth: number): string[] {
  const { advance } = cjkFont();
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    // Tokens: a run of non-space non-CJK characters (a Latin word), a single CJK character, or spaces.
    const tokens = paragraph.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|\s+|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+/gu) ?? [];
    let line = '';
    let width = 0;
    const push = () => {
      lines.push(line.trimEnd());
      line = '';
      width = 0;
    };
    for (const token of tokens) {
      const w = [...token].reduce((sum, c) => sum + advance(c) * size, 0);
      if (/^\s+$/.test(token)) {
        if (line !== '') {
          line += ' ';
          width += advance(' ') * size;
        }
        continue;
      }
      if (width + w > maxWidth && line.trim() !== '') push();
      if (w <= maxWidth) {
        line += token;
        width += w;
        continue;
      }
      // A word longer than a line: break it between characters.
      for (const c of token) {
        const cw = advance(c) * size;
        if (width + cw > maxWidth && line.trim() !== '') push();
        line += c;
        width += cw;
      }
    }
    push();
  }
  return lines;
}

/** Makes `context.flateStream` (font files, ToUnicode maps) compress with Node's zlib. */
export function useNativeDeflate(context: PDFContext): void {
  context.flateStream = (contents, dict = {}) =>
    context.stream(deflateSync(typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents), { ...dict, Filter: 'FlateDecode' });
}

/** Replaces every page content stream not yet compressed by a copy compressed with Node's zlib. */
export function deflateContentStreams(context: PDFContext): void {
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFContentStream)) continue;
    const dict = object.dict.clone(context);
    dict.delete(PDFName.of('Length'));
    dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
    context.assign(ref, PDFRawStream.of(dict, deflateSync(object.getUnencodedContents())));
  }
}
