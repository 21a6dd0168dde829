import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { CorruptFileError } from './errors.js';
import { extractText, itemsToText } from './extract-text.js';
import {
  DEMO_RESUME_EN,
  DEMO_RESUME_ZH,
  buildZip,
  deflatedZeros,
  makeEncryptedPdf,
  makeResumeDocx,
  makeResumePdf,
  minimalDocxEntries,
  type FixtureResume,
} from '../../../../test/support/resume-fixtures.js';

async function rejection(p: Promise<unknown>): Promise<CorruptFileError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CorruptFileError);
  return err as CorruptFileError;
}

const longResume: FixtureResume = {
  ...DEMO_RESUME_ZH,
  experience: Array.from({ length: 16 }, (_, i) => ({ ...DEMO_RESUME_ZH.experience[0]!, organisation: `上海第${i + 1}号信息技术有限公司` })),
};

describe('extractText: PDF', () => {
  it('keeps lines, and columns as tabs, in a Chinese PDF', async () => {
    const { text, pages } = await extractText(await makeResumePdf(DEMO_RESUME_ZH, { phoneStyle: 'dashed' }), 'pdf');
    expect(pages).toBe(1);
    const lines = text.split('\n');
    expect(lines[0]).toBe('王晓明');
    expect(lines[1]).toBe('电话：138-1234-5678 邮箱：wangxm@example.com');
    expect(lines).toContain('教育背景');
    expect(lines).toContain('2021.09 - 2024.06\t华东师范大学\t软件工程\t硕士');
    expect(lines).toContain('熟练掌握：Java、Python、MySQL、Redis、Docker、数据分析');
    expect(lines).toContain('2024.07 - 至今\t上海云启信息技术有限公司\t后端开发工程师');
    expect(lines).toContain('• 负责就业服务平台后端的设计与实现，日均处理请求两百万次。');
    expect(lines.slice(-2)).toEqual(['英语：CET-6', '日语：JLPT N2']);
  });

  it('reads an English PDF with right-aligned dates', async () => {
    const { text } = await extractText(await makeResumePdf(DEMO_RESUME_EN, { phoneStyle: 'intl' }), 'pdf');
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['Emily Chen', 'Phone: +86 159 0000 1234 Email: emily.chen@example.org', 'Education']);
    expect(lines).toContain('Fudan University\t2020 – 2022');
    expect(lines).toContain('Master of Science in Statistics');
    expect(lines).toContain('Business Analyst, Shanghai Bright Retail Co., Ltd.\tAug 2022 – Present');
  });

  it('reads every page of a longer PDF, and stops early once maxChars is reached', async () => {
    const pdf = await makeResumePdf(longResume);
    const pageCount = (await PDFDocument.load(pdf)).getPageCount();
    expect(pageCount).toBeGreaterThanOrEqual(2);
    const full = await extractText(pdf, 'pdf');
    expect(full.pages).toBe(pageCount);
    expect(full.text).toContain('上海第1号信息技术有限公司');
    expect(full.text).toContain('上海第16号信息技术有限公司');
    expect(full.text).toContain('日语：JLPT N2');
    const first = await extractText(pdf, 'pdf', { maxChars: 50 });
    expect(first.pages).toBe(pageCount);
    expect(first.text).toContain('上海第1号信息技术有限公司');
    expect(first.text).not.toContain('日语：JLPT N2');
  });

  it('refuses an encrypted PDF it cannot open, and the fixture really is encrypted', async () => {
    for (const xrefStream of [false, true]) {
      const pdf = makeEncryptedPdf({ xrefStream });
      const err = await rejection(extractText(pdf, 'pdf'));
      expect(err.reason).toBe('PDF_ENCRYPTED');
      expect(err.code).toBe('FILE_CORRUPT');
      // With the user password the same bytes decrypt to the page text.
      const doc = await pdfjs.getDocument({ data: pdf.slice(), password: 'user-secret', isEvalSupported: false, verbosity: 0 }).promise;
      const content = await (await doc.getPage(1)).getTextContent();
      expect(content.items.map((i) => ('str' in i ? i.str : '')).join('')).toBe('Zhang San resume');
      await doc.destroy();
    }
  });

  it('reads text in a non-embedded Chinese font through a predefined CMap, loaded from pdfjs-dist/cmaps offline', async () => {
    const content = 'BT /F1 24 Tf 20 100 Td <738B6653660E> Tj ET'; // 王晓明 in UCS-2
    const pdf = [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >> endobj',
      `4 0 obj << /Length ${content.length} >> stream\n${content}\nendstream endobj`,
      '5 0 obj << /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >> endobj',
      '6 0 obj << /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R >> endobj',
      '7 0 obj << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> endobj',
      'trailer << /Root 1 0 R >>',
      '%%EOF',
    ].join('\n');
    expect(await extractText(new TextEncoder().encode(pdf), 'pdf')).toEqual({ text: '王晓明', pages: 1 });
  });

  it('refuses a damaged PDF', async () => {
    const err = await rejection(extractText(new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'), 'pdf'));
    expect(err.reason).toBe('PDF_INVALID');
  });

  it('itemsToText: baseline changes break lines, wide gaps become tabs, narrow ones spaces', () => {
    const item = (str: string, x: number, y: number, width: number, hasEOL = false) => ({ str, transform: [10, 0, 0, 10, x, y], width, height: 10, hasEOL });
    expect(itemsToText([item('姓名', 50, 700, 20), item('张三', 72, 700, 20), item('2020', 300, 700, 20), item('下一行', 50, 680, 30)])).toBe('姓名 张三\t2020\n下一行');
    expect(itemsToText([item('a', 0, 10, 5, true), item('', 0, 10, 0, true), item('b', 0, 10, 5)])).toBe('a\nb');
  });
});

describe('extractText: DOCX', () => {
  it('reads a Chinese DOCX with one line per paragraph and tab-separated columns', async () => {
    const { text, pages } = await extractText(await makeResumeDocx(DEMO_RESUME_ZH), 'docx');
    const lines = text.split('\n');
    expect(lines[0]).toBe('王晓明');
    expect(lines).toContain('2021.09 - 2024.06\t华东师范大学\t软件工程\t硕士');
    expect(lines).toContain('日语：JLPT N2');
    expect(pages).toBe(1);
  });

  it('reads an English DOCX', async () => {
    const { text } = await extractText(await makeResumeDocx(DEMO_RESUME_EN), 'docx');
    expect(text.split('\n')).toContain('Research Intern, Delta Consulting\tJun 2021 – Sep 2021');
  });

  it('takes the page count Word recorded in docProps/app.xml', async () => {
    const app = '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Pages>3</Pages></Properties>';
    const docx = buildZip([...minimalDocxEntries(['张三', '13800138000']), { name: 'docProps/app.xml', data: new TextEncoder().encode(app) }]);
    expect(await extractText(docx, 'docx')).toEqual({ text: '张三\n13800138000', pages: 3 });
  });

  it('refuses a DOCX that is not a zip', async () => {
    const junk = new Uint8Array(500).fill(7);
    junk.set([0x50, 0x4b, 0x03, 0x04]);
    expect((await rejection(extractText(junk, 'docx'))).reason).toBe('DOCX_INVALID');
  });

  it('refuses a DOCX whose central directory understates what an entry inflates to', async () => {
    const zeros = deflatedZeros(8 * 1024 * 1024);
    const lying = buildZip([...minimalDocxEntries(), { name: 'word/styles.xml', deflated: { ...zeros, size: 1000 } }]);
    expect((await rejection(extractText(lying, 'docx'))).reason).toBe('DOCX_ZIP_BOMB');
  });
});
