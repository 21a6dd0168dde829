import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorruptFileError, ParseLimitError, ParsePool, createParsePool } from './parse-pool.js';
import { parseResume } from './parse-resume.js';
import { DEMO_RESUME_EN, DEMO_RESUME_ZH, makeEncryptedPdf, makeResumeDocx, makeResumePdf, randomFixtureResume } from '../../../../test/support/resume-fixtures.js';

// Under vitest the pool runs from TypeScript source, so each thread loads its entry through tsx
// (about a second per thread start here); the tests share pools where they can.

async function rejection(p: Promise<unknown>): Promise<Error> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Error);
  return err as Error;
}

/** OS threads of this process (Linux). */
const osThreads = () => readdirSync('/proc/self/task').length;

let zhPdf: Uint8Array;
let enPdf: Uint8Array;
let zhDocx: Uint8Array;
beforeAll(async () => {
  [zhPdf, enPdf, zhDocx] = await Promise.all([makeResumePdf(DEMO_RESUME_ZH), makeResumePdf(DEMO_RESUME_EN), makeResumeDocx(DEMO_RESUME_ZH)]);
});

describe('ParsePool at work', () => {
  const pool = createParsePool({ size: 2 });
  afterAll(() => pool.close());

  it('starts threads only when needed and gives the same output as parsing in-process', async () => {
    expect(pool.threadCount).toBe(0);
    expect(await pool.parse(zhPdf, 'pdf')).toEqual(await parseResume(zhPdf, 'pdf'));
    expect(pool.threadCount).toBe(1);
    const enDocx = await makeResumeDocx(DEMO_RESUME_EN);
    expect(await pool.parse(enDocx, 'docx')).toEqual(await parseResume(enDocx, 'docx'));
    expect(pool.threadCount).toBe(1);
  });

  it("spreads concurrent files over at most `size` threads and leaves the caller's bytes intact", async () => {
    const resumes = Array.from({ length: 8 }, (_, i) => randomFixtureResume(i, i % 2 ? 'en' : 'zh'));
    const files = await Promise.all(resumes.map((r) => makeResumePdf(r)));
    const copies = files.map((f) => f.slice());
    const outputs = await Promise.all(files.map((f) => pool.parse(f, 'pdf')));
    expect(outputs.map((o) => o.parsed.contact.name)).toEqual(resumes.map((r) => r.name));
    expect(pool.threadCount).toBe(2);
    expect(files).toEqual(copies);
  });

  it('rejects unreadable files with CorruptFileError and keeps its threads', async () => {
    const threads = pool.threadIds;
    const damaged = await rejection(pool.parse(new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<'), 'pdf'));
    expect(damaged).toBeInstanceOf(CorruptFileError);
    expect(damaged).toMatchObject({ code: 'FILE_CORRUPT', reason: 'PDF_INVALID' });
    expect(await rejection(pool.parse(makeEncryptedPdf(), 'pdf'))).toMatchObject({ code: 'FILE_CORRUPT', reason: 'PDF_ENCRYPTED' });
    expect(pool.threadIds).toEqual(threads);
  });

  it('applies the time limit to real files, replacing the thread', async () => {
    const threads = pool.threadIds;
    const err = await rejection(pool.parse(enPdf, 'pdf', { timeoutMs: 1 }));
    expect(err).toBeInstanceOf(ParseLimitError);
    expect(err).toMatchObject({ code: 'PARSE_TIMEOUT' });
    expect(pool.threadCount).toBe(2);
    expect(pool.threadIds.filter((id) => threads.includes(id))).toHaveLength(1);
    expect((await pool.parse(enPdf, 'pdf')).parsed.contact.name).toBe('Emily Chen');
  });
});

describe('ParsePool limits', () => {
  const pool = new ParsePool({ size: 1, testHooks: true });
  afterAll(() => pool.close());

  it('terminates and replaces a thread that overruns the time limit; the pool keeps working', async () => {
    await pool.parse(zhPdf, 'pdf');
    const [first] = pool.threadIds;
    const started = Date.now();
    const err = await rejection(pool.runTestTask('spin', { timeoutMs: 300 }));
    expect(err).toBeInstanceOf(ParseLimitError);
    expect((err as ParseLimitError).code).toBe('PARSE_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(pool.threadCount).toBe(1);
    expect(pool.threadIds).not.toContain(first);
    expect((await pool.parse(zhPdf, 'pdf')).parsed.contact.name).toBe('王晓明');
  });

  it('queues files behind a stuck thread and runs them on its replacement', async () => {
    const stuck = rejection(pool.runTestTask('spin', { timeoutMs: 300 }));
    const queued = pool.parse(zhPdf, 'pdf');
    expect(await stuck).toMatchObject({ code: 'PARSE_TIMEOUT' });
    expect((await queued).parsed.contact.email).toBe('wangxm@example.com');
  });

  it('turns a thread that runs out of heap into PARSE_MEMORY and replaces it', async () => {
    await pool.parse(zhDocx, 'docx');
    const [first] = pool.threadIds;
    const err = await rejection(pool.runTestTask('allocate'));
    expect(err).toBeInstanceOf(ParseLimitError);
    expect((err as ParseLimitError).code).toBe('PARSE_MEMORY');
    expect(pool.threadIds).not.toContain(first);
    expect((await pool.parse(zhDocx, 'docx')).parsed.contact.name).toBe('王晓明');
  });

  it('refuses test tasks unless created for tests', async () => {
    const plain = new ParsePool({ size: 1 });
    expect((await rejection(plain.runTestTask('spin'))).message).toMatch(/testHooks/);
    expect(plain.threadCount).toBe(0);
    await plain.close();
  });
});

describe('ParsePool from the compiled build', () => {
  it('starts ./parse-thread.js beside the compiled pool in workers/dist, without tsx', async () => {
    const compiled = new URL('../../../dist/lib/parsing/parse-pool.js', import.meta.url).href;
    const { ParsePool: CompiledPool } = (await import(compiled)) as { ParsePool: typeof ParsePool };
    const pool = new CompiledPool({ size: 1 });
    try {
      const out = await pool.parse(zhPdf, 'pdf');
      expect(out.parsed.contact).toEqual({ name: '王晓明', phone: '13812345678', email: 'wangxm@example.com' });
    } finally {
      await pool.close();
    }
  });
});

describe('ParsePool.close', () => {
  it('ends every thread, rejects running and later work, and leaves no OS threads behind', async () => {
    // Warm up once, so process-wide threads created on first use (libuv's pool and the like) exist before counting.
    const warm = new ParsePool({ size: 2 });
    await Promise.all([warm.parse(zhPdf, 'pdf'), warm.parse(zhPdf, 'pdf')]);
    await warm.close();
    const before = osThreads();

    const pool = new ParsePool({ size: 2, testHooks: true });
    await Promise.all([pool.parse(zhPdf, 'pdf'), pool.parse(zhPdf, 'pdf')]);
    expect(pool.threadCount).toBe(2);
    expect(osThreads()).toBeGreaterThan(before);
    const running = rejection(pool.runTestTask('spin', { timeoutMs: 60_000 }));
    await new Promise((r) => setTimeout(r, 100));
    await pool.close();
    expect((await running).message).toMatch(/closed/);
    expect(pool.threadCount).toBe(0);
    expect((await rejection(pool.parse(zhPdf, 'pdf'))).message).toMatch(/closed/);
    // A thread's exit event can come just before the OS has reaped it; allow a moment.
    for (let i = 0; i < 50 && osThreads() > before; i++) await new Promise((r) => setTimeout(r, 50));
    expect(osThreads()).toBeLessThanOrEqual(before);
  });
});
