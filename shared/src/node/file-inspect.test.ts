import zlib from 'node:zlib';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { RESUME_MAX_BYTES } from '../schemas/resumes.js';
import { DOCX_LIMITS, detectPdfJavaScript, inspectResumeFile, scanPdf, unsafeZipPath } from './file-inspect.js';
import {
  DEMO_RESUME_EN,
  DEMO_RESUME_ZH,
  buildZip,
  deflatedZeros,
  makeEncryptedPdf,
  makePdfWithJavaScript,
  makeResumeDocx,
  makeResumePdf,
  makeZipBombDocx,
  makeZipSlipDocx,
  minimalDocxEntries,
  randomFixtureResume,
  type FixtureResume,
} from '../../../test/support/resume-fixtures.js';

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

/** Every failure message is Chinese first, then " / ", then English. */
function expectBilingual(message: string) {
  const [zh, en] = message.split(' / ');
  expect(zh).toMatch(/[\u4e00-\u9fff]/);
  expect(en).toMatch(/^[A-Z][\x20-\x7e]+$/);
}

describe('inspectResumeFile: files that are what they claim', () => {
  it('accepts generated Chinese and English PDFs and reports their page count', async () => {
    for (const r of [DEMO_RESUME_ZH, DEMO_RESUME_EN]) {
      const pdf = await makeResumePdf(r);
      expect(await inspectResumeFile(pdf, 'pdf')).toEqual({ ok: true, kind: 'pdf', pages: 1 });
    }
  });

  it('counts pages of a longer PDF the same way pdf-lib does, with and without object streams', async () => {
    const long: FixtureResume = { ...DEMO_RESUME_ZH, experience: Array.from({ length: 14 }, () => DEMO_RESUME_ZH.experience[0]!) };
    for (const useObjectStreams of [true, false]) {
      const pdf = await makeResumePdf(long, { useObjectStreams });
      const expected = (await PDFDocument.load(pdf)).getPageCount();
      expect(expected).toBeGreaterThan(1);
      expect(await inspectResumeFile(pdf, 'pdf')).toEqual({ ok: true, kind: 'pdf', pages: expected });
    }
  });

  it('accepts generated DOCX files', async () => {
    for (const r of [DEMO_RESUME_ZH, randomFixtureResume(3, 'en')]) {
      expect(await inspectResumeFile(await makeResumeDocx(r), 'docx')).toEqual({ ok: true, kind: 'docx' });
    }
  });

  it('accepts a PDF whose header follows some leading bytes, as readers do', async () => {
    const pdf = await makeResumePdf(DEMO_RESUME_EN);
    const padded = new Uint8Array([...new TextEncoder().encode('\r\n\r\n'), ...pdf]);
    expect((await inspectResumeFile(padded, 'pdf')).ok).toBe(true);
  });
});

describe('inspectResumeFile: type and size', () => {
  it('refuses a DOCX declared as PDF and a PDF declared as DOCX with 415 FILE_TYPE_MISMATCH', async () => {
    const pdf = await makeResumePdf(DEMO_RESUME_ZH);
    const docx = await makeResumeDocx(DEMO_RESUME_ZH);
    for (const [bytes, declared] of [[docx, 'pdf'], [pdf, 'docx']] as const) {
      const r = await inspectResumeFile(bytes, declared);
      expect(r).toMatchObject({ ok: false, status: 415, code: 'FILE_TYPE_MISMATCH' });
      if (!r.ok) {
        expect(r.message).toBe("文件内容与类型不符 / The file's content does not match its type");
        expectBilingual(r.message);
      }
    }
  });

  it('refuses a PNG declared as PDF and plain text declared as DOCX', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(await inspectResumeFile(png, 'pdf')).toMatchObject({ ok: false, status: 415, code: 'FILE_TYPE_MISMATCH' });
    expect(await inspectResumeFile(latin1('Zhang San, resume'), 'docx')).toMatchObject({ ok: false, status: 415, code: 'FILE_TYPE_MISMATCH' });
  });

  it('refuses an old binary .doc (or a password-protected Office file) declared as DOCX, saying so', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const r = await inspectResumeFile(ole, 'docx');
    expect(r).toMatchObject({ ok: false, status: 415, code: 'FILE_TYPE_MISMATCH' });
    if (!r.ok) {
      expect(r.message).toContain('.doc');
      expectBilingual(r.message);
    }
  });

  it('refuses files over the size limit with 413 and empty files with 422', async () => {
    const big = new Uint8Array(RESUME_MAX_BYTES + 1);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    expect(await inspectResumeFile(big, 'pdf')).toMatchObject({ ok: false, status: 413, code: 'FILE_TOO_LARGE' });
    expect(await inspectResumeFile(new Uint8Array(), 'docx')).toMatchObject({ ok: false, status: 422, code: 'FILE_EMPTY' });
  });
});

describe('inspectResumeFile: DOCX structure', () => {
  it('refuses bytes that start like a zip but are not one', async () => {
    const junk = new Uint8Array(2000).map((_, i) => (i * 37) & 255);
    junk.set([0x50, 0x4b, 0x03, 0x04]);
    const r = await inspectResumeFile(junk, 'docx');
    expect(r).toMatchObject({ ok: false, status: 422, code: 'DOCX_INVALID' });
    if (!r.ok) expectBilingual(r.message);
  });

  it('refuses a valid zip without word/document.xml', async () => {
    const zip = buildZip(minimalDocxEntries().filter((e) => e.name !== 'word/document.xml'));
    expect(await inspectResumeFile(zip, 'docx')).toMatchObject({ ok: false, status: 422, code: 'DOCX_INVALID' });
    expect(await inspectResumeFile(buildZip(minimalDocxEntries()), 'docx')).toEqual({ ok: true, kind: 'docx' });
  });

  it('refuses each kind of zip bomb from the central directory', async () => {
    for (const variant of ['ratio', 'total-size', 'entry-count'] as const) {
      const bomb = makeZipBombDocx(variant);
      expect(bomb.byteLength).toBeLessThan(RESUME_MAX_BYTES);
      const r = await inspectResumeFile(bomb, 'docx');
      expect(r, variant).toMatchObject({ ok: false, status: 422, code: 'DOCX_ZIP_BOMB' });
      if (!r.ok) expectBilingual(r.message);
    }
  });

  it('the ratio bomb is real: its entry inflates to 200 MiB of zeros with a matching CRC', async () => {
    const bomb = Buffer.from(makeZipBombDocx('ratio'));
    const zip = await yauzl.fromBufferPromise(bomb, { lazyEntries: true });
    let inflated = 0;
    let declared = 0;
    let compressed = 0;
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== 'word/media/image1.bin') continue;
      declared = entry.uncompressedSize;
      compressed = entry.compressedSize;
      // yauzl checks the inflated size against the declared one; the CRC is checked below.
      const stream = await zip.openReadStreamPromise(entry);
      let crc = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        crc = zlib.crc32(chunk, crc);
      }
      expect(crc >>> 0).toBe(entry.crc32);
    }
    expect(declared).toBe(200 * 1024 * 1024);
    expect(inflated).toBe(declared);
    expect(declared / compressed).toBeGreaterThan(DOCX_LIMITS.maxRatio);
  });

  it('accepts a large but ordinary entry (below 1 MiB, however well it compresses)', async () => {
    const zeros = deflatedZeros(1024 * 1024);
    const zip = buildZip([...minimalDocxEntries(), { name: 'word/media/image1.bin', deflated: zeros }]);
    expect(await inspectResumeFile(zip, 'docx')).toEqual({ ok: true, kind: 'docx' });
  });

  it('refuses entries that climb out of their folder', async () => {
    for (const name of ['../../evil.txt', 'word/../../evil.txt', '/etc/cron.d/evil', 'word\\..\\..\\evil.txt', 'C:/Windows/evil.txt', 'c:evil.txt']) {
      const r = await inspectResumeFile(makeZipSlipDocx(name), 'docx');
      expect(r, name).toMatchObject({ ok: false, status: 422, code: 'ZIP_PATH_ESCAPE' });
      if (!r.ok) expectBilingual(r.message);
    }
    expect((await inspectResumeFile(makeZipSlipDocx(), 'docx')).ok).toBe(false);
  });

  it('unsafeZipPath judges names segment by segment', () => {
    expect(unsafeZipPath('word/document.xml')).toBeNull();
    expect(unsafeZipPath('word/media/..image.png')).toBeNull();
    expect(unsafeZipPath('./word/document.xml')).toBeNull();
    expect(unsafeZipPath('word/..')).toBe('parent segment');
    expect(unsafeZipPath('\\\\server\\share')).toBe('backslash');
    expect(unsafeZipPath('/abs')).toBe('absolute path');
    expect(unsafeZipPath('D:x')).toBe('drive letter');
  });
});

describe('inspectResumeFile: PDF encryption', () => {
  it('refuses a PDF with /Encrypt in its trailer, asking in both languages to remove the password', async () => {
    const r = await inspectResumeFile(makeEncryptedPdf(), 'pdf');
    expect(r).toMatchObject({ ok: false, status: 422, code: 'PDF_ENCRYPTED' });
    if (!r.ok) {
      expect(r.message).toContain('密码');
      expect(r.message).toMatch(/remove the password and upload it again/);
      expectBilingual(r.message);
    }
  });

  it('refuses a PDF with /Encrypt in a cross-reference stream dictionary', async () => {
    const pdf = makeEncryptedPdf({ xrefStream: true });
    expect(Buffer.from(pdf).toString('latin1')).not.toContain('trailer');
    expect(await inspectResumeFile(pdf, 'pdf')).toMatchObject({ ok: false, code: 'PDF_ENCRYPTED' });
  });

  it('sees through #xx escapes in the key name', async () => {
    const text = Buffer.from(makeEncryptedPdf()).toString('latin1').replace('/Encrypt 6 0 R', '/Encr#79pt 6 0 R');
    expect(text).not.toContain('/Encrypt ');
    expect(await inspectResumeFile(latin1(text), 'pdf')).toMatchObject({ ok: false, code: 'PDF_ENCRYPTED' });
  });

  it('is not fooled by the word /Encrypt inside a string', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.catalog.set(PDFName.of('Lang'), PDFString.of('about /Encrypt and /JS'));
    const pdf = await doc.save({ useObjectStreams: false });
    expect(Buffer.from(pdf).toString('latin1')).toContain('(about /Encrypt and /JS)');
    expect(await inspectResumeFile(pdf, 'pdf')).toEqual({ ok: true, kind: 'pdf', pages: 1 });
    expect(detectPdfJavaScript(pdf)).toBe(false);
  });
});

describe('detectPdfJavaScript', () => {
  it('finds an /OpenAction script inside a compressed object stream and in a plain object', async () => {
    const compressed = await makePdfWithJavaScript(DEMO_RESUME_ZH, { useObjectStreams: true });
    expect(Buffer.from(compressed).toString('latin1')).not.toContain('/JavaScript');
    expect(detectPdfJavaScript(compressed)).toBe(true);
    expect(detectPdfJavaScript(await makePdfWithJavaScript(DEMO_RESUME_EN, { useObjectStreams: false }))).toBe(true);
    // The file is otherwise an ordinary, acceptable resume.
    expect(await inspectResumeFile(compressed, 'pdf')).toEqual({ ok: true, kind: 'pdf', pages: 1 });
  });

  it('finds a /JS key spelled with #xx escapes and a /Names JavaScript tree', () => {
    const escaped = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /OpenAction << /S /JavaScript /J#53 (app.alert(1)) >> >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';
    expect(detectPdfJavaScript(latin1(escaped.replace('/S /JavaScript ', '')))).toBe(true);
    const names = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Names << /JavaScript 2 0 R >> >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';
    expect(detectPdfJavaScript(latin1(names))).toBe(true);
  });

  it('reports nothing for ordinary resumes', async () => {
    for (const r of [DEMO_RESUME_ZH, DEMO_RESUME_EN, randomFixtureResume(8, 'zh')]) {
      expect(detectPdfJavaScript(await makeResumePdf(r))).toBe(false);
    }
  });

  it('ignores a /JS that only appears in a comment or inside stream data', () => {
    const commented = '%PDF-1.4\n% /JS (not a key)\n1 0 obj\n<< /Type /Catalog >>\nendobj\n2 0 obj\n<< /Length 9 >>\nstream\n/JS /Enc\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';
    expect(scanPdf(latin1(commented))).toMatchObject({ javascript: false, encrypted: false });
  });
});
