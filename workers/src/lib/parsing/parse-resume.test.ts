import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PDFDocument, rgb } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZResumeParseOutputSchema, canonicalSkill, findSkills, type TResumeParseOutput } from '@yunpin/shared';
import { CorruptFileError } from './errors.js';
import { MAX_TEXT_CHARS, detectLanguage, parseResume } from './parse-resume.js';
import {
  DEMO_RESUME_EN,
  DEMO_RESUME_ZH,
  makeEncryptedPdf,
  makePdfWithJavaScript,
  makeResumeDocx,
  makeResumePdf,
  makeZipBombDocx,
  makeZipSlipDocx,
  randomFixtureResume,
  type FixtureResume,
  type PhoneStyle,
} from '../../../../test/support/resume-fixtures.js';

/** The parse output matches the generated resume field by field. */
function expectRoundTrip(out: TResumeParseOutput, r: FixtureResume) {
  expect(ZResumeParseOutputSchema.parse(out)).toEqual(out);
  const p = out.parsed;
  expect(p.contact).toEqual({ name: r.name, phone: r.phone, email: r.email });
  expect(p.education).toEqual(r.education.map((e) => ({ school: e.school, major: e.major, degree: e.degree, startYear: e.startYear, endYear: e.endYear })));
  // The listed skills come first, in order; anything after is a known skill the text mentions.
  const listed = r.skills.map(canonicalSkill);
  expect(p.skills.slice(0, listed.length)).toEqual(listed);
  const mentioned = findSkills(out.text);
  for (const id of p.skills.slice(listed.length)) expect(mentioned).toContain(id);
  expect(p.experience).toEqual(r.experience.map((x) => ({ organisation: x.organisation, title: x.title, start: x.start, end: x.end, description: x.description })));
  expect(p.languages).toEqual(r.languages);
  expect(out.language).toBe(r.lang);
}

async function corrupt(p: Promise<unknown>): Promise<CorruptFileError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CorruptFileError);
  return err as CorruptFileError;
}

describe('parseResume round trips', () => {
  for (const [label, resume] of [
    ['Chinese', DEMO_RESUME_ZH],
    ['English', DEMO_RESUME_EN],
  ] as const) {
    it(`${label} PDF, every phone style`, async () => {
      for (const phoneStyle of ['plain', 'dashed', 'intl'] as PhoneStyle[]) {
        const out = await parseResume(await makeResumePdf(resume, { phoneStyle }), 'pdf');
        expectRoundTrip(out, resume);
        expect(out.pages).toBe(1);
        expect(out.warnings).toEqual([]);
      }
    });

    it(`${label} DOCX`, async () => {
      const out = await parseResume(await makeResumeDocx(resume, { phoneStyle: 'dashed' }), 'docx');
      expectRoundTrip(out, resume);
      expect(out.warnings).toEqual([]);
    });
  }

  it('the demo resumes give exactly the skills they list', async () => {
    expect((await parseResume(await makeResumePdf(DEMO_RESUME_ZH), 'pdf')).parsed.skills).toEqual(['java', 'python', 'mysql', 'redis', 'docker', 'data_analysis']);
    expect((await parseResume(await makeResumeDocx(DEMO_RESUME_EN), 'docx')).parsed.skills).toEqual(['python', 'sql', 'excel', 'data_analysis', 'machine_learning']);
  });

  it('generated resumes in both languages and both formats', async () => {
    for (let seed = 1; seed <= 10; seed++) {
      for (const lang of ['zh', 'en'] as const) {
        const r = randomFixtureResume(seed, lang);
        expectRoundTrip(await parseResume(await makeResumePdf(r, { phoneStyle: (['plain', 'dashed', 'intl'] as const)[seed % 3] }), 'pdf'), r);
        expectRoundTrip(await parseResume(await makeResumeDocx(r), 'docx'), r);
      }
    }
  });

  it('randomFixtureResume is deterministic and varied', () => {
    expect(randomFixtureResume(7, 'zh')).toEqual(randomFixtureResume(7, 'zh'));
    const names = new Set(Array.from({ length: 20 }, (_, i) => randomFixtureResume(i, 'zh').name));
    expect(names.size).toBeGreaterThan(10);
    const degrees = new Set(Array.from({ length: 40 }, (_, i) => randomFixtureResume(i, 'en').education[0]!.degree));
    expect(degrees.size).toBeGreaterThanOrEqual(3);
  });
});

describe('parseResume warnings', () => {
  it('marks a PDF without a text layer', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawRectangle({ x: 50, y: 600, width: 200, height: 100, color: rgb(0.2, 0.2, 0.2) });
    const out = await parseResume(await doc.save(), 'pdf');
    expect(out).toEqual({
      parsed: { contact: { name: null, phone: null, email: null }, education: [], skills: [], experience: [], languages: [] },
      text: '',
      language: 'zh',
      pages: 1,
      warnings: ['no_text_layer'],
    });
  });

  it('truncates long text to 20,000 characters, from DOCX and from a many-page PDF', async () => {
    const long: FixtureResume = {
      ...DEMO_RESUME_ZH,
      experience: Array.from({ length: 60 }, (_, i) => ({
        ...DEMO_RESUME_ZH.experience[0]!,
        organisation: `上海第${i + 1}号信息技术有限公司`,
        description: '负责就业服务平台后端的设计与实现，日均处理请求两百万次，并撰写了详细的技术文档和运维手册。'.repeat(8),
      })),
    };
    for (const [bytes, kind] of [
      [await makeResumeDocx(long), 'docx'],
      [await makeResumePdf(long), 'pdf'],
    ] as const) {
      const out = await parseResume(bytes, kind);
      expect(out.text.length).toBe(MAX_TEXT_CHARS);
      expect(out.warnings).toEqual(['text_truncated']);
      expect(out.parsed.contact.name).toBe('王晓明');
      expect(out.parsed.experience.length).toBe(20);
      if (kind === 'pdf') expect(out.pages).toBeGreaterThan(10);
    }
  });
});

describe('parseResume on a PDF with JavaScript', () => {
  let server: http.Server;
  let hits = 0;
  let url = '';
  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      hits++;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/steal`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads the text, warns, and runs nothing: no global set, no request made', async () => {
    const pdf = await makePdfWithJavaScript(DEMO_RESUME_ZH, { submitUrl: url });
    expect(Buffer.from(pdf).includes(Buffer.from(url))).toBe(false); // the script sits in a compressed object stream
    const out = await parseResume(pdf, 'pdf');
    expect(out.warnings).toEqual(['pdf_javascript_ignored']);
    expectRoundTrip(out, DEMO_RESUME_ZH);
    expect(out.text).not.toContain('app.alert');
    expect((globalThis as Record<string, unknown>).__resumeJsRan).toBeUndefined();
    await new Promise((r) => setTimeout(r, 200));
    expect(hits).toBe(0);
  });
});

describe('parseResume refuses hostile files', () => {
  it('zip bombs', async () => {
    for (const variant of ['ratio', 'total-size', 'entry-count'] as const) {
      const err = await corrupt(parseResume(makeZipBombDocx(variant), 'docx'));
      expect(err.code).toBe('FILE_CORRUPT');
      expect(err.reason).toBe('DOCX_ZIP_BOMB');
    }
  });

  it('zip slip', async () => {
    expect((await corrupt(parseResume(makeZipSlipDocx(), 'docx'))).reason).toBe('ZIP_PATH_ESCAPE');
  });

  it('encrypted PDFs', async () => {
    expect((await corrupt(parseResume(makeEncryptedPdf(), 'pdf'))).reason).toBe('PDF_ENCRYPTED');
    expect((await corrupt(parseResume(makeEncryptedPdf({ xrefStream: true }), 'pdf'))).reason).toBe('PDF_ENCRYPTED');
  });

  it('a file of the wrong kind', async () => {
    expect((await corrupt(parseResume(await makeResumeDocx(DEMO_RESUME_ZH), 'pdf'))).reason).toBe('FILE_TYPE_MISMATCH');
  });
});

describe('detectLanguage', () => {
  it('tells Chinese, English and bilingual text apart', () => {
    expect(detectLanguage('王晓明\n教育背景\n华东师范大学 软件工程 硕士\n熟练掌握 Java、Python')).toBe('zh');
    expect(detectLanguage('Emily Chen\nEducation\nFudan University (复旦大学), Master of Science in Statistics\nWork Experience\nBusiness Analyst, Shanghai Bright Retail Co., Ltd.\nBuilt weekly revenue dashboards for forty stores.')).toBe('en');
    expect(detectLanguage('教育背景 Education\n华东师范大学 East China Normal University\n软件工程 Software Engineering')).toBe('mixed');
  });
});

describe('parse speed', () => {
  it('parses a one-page resume in well under the 20 ms budget on average (warm)', async () => {
    const files = await Promise.all([0, 1, 2, 3].map((i) => makeResumePdf(randomFixtureResume(100 + i, i % 2 ? 'en' : 'zh'))));
    for (const f of files) await parseResume(f, 'pdf');
    const start = performance.now();
    for (let round = 0; round < 5; round++) for (const f of files) await parseResume(f, 'pdf');
    const perFile = (performance.now() - start) / (5 * files.length);
    // Generous bound so a busy test machine does not fail it; the measured figure is ~5-8 ms.
    expect(perFile).toBeLessThan(60);
  });
});
