import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { insertTestApplication, insertTestJob, insertTestResume } from '../support/job-fixtures.js';
import { runPdfsig } from '../support/pdfsig.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { startTestWorkers } from '../support/workers.js';
import { waitFor } from '../support/wait.js';
import { ARTIFACTS, CLIENT_DIR, launchChromium, loggedInPage } from '../support/browser.js';
import type { RunningWorkers } from '../../workers/src/run-workers.js';

const SIGNING_TIMEOUT_MS = 120_000;
/** Steps wait this long for the page: the whole platform, its workers and two browsers share one machine. */
const STEP_TIMEOUT_MS = 60_000;
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `offer-${name}.png`), fullPage: true });

/**
 * The one-time code as the person reads it: in 账户设置 → 消息 (the local Notifier's outbox), on a
 * second tab so the signing dialog stays open. The message arrives through the workers, so the page
 * is reloaded until it is there.
 */
async function readCodeFromMessages(messages: Page, baseUrl: string, reference: string): Promise<string> {
  // A background tab gets no animation frames, and the message panels open with an animation.
  await messages.bringToFront();
  const probe = async () => {
    await messages.goto(`${baseUrl}/account`);
    const header = messages.getByText('签署验证码').first();
    if (!(await header.waitFor({ timeout: 10_000 }).then(() => true, () => false))) return undefined;
    await header.click();
    const body = messages.getByText(new RegExp(`${reference}.*验证码 \\d{6}`)).first();
    const text = await body.textContent({ timeout: 15_000 }).catch(() => null);
    return text ? /验证码 (\d{6})/.exec(text)?.[1] : undefined;
  };
  try {
    return await waitFor(probe, 'the one-time code in the messages', 90_000);
  } catch (error) {
    await shot(messages, 'failed-messages');
    throw error;
  }
}

/** Waits until the offer page shows `status` (the page polls while a worker signs). */
async function waitForStatus(page: Page, status: string): Promise<void> {
  await expect.poll(() => page.getByTestId('offer-detail').getAttribute('data-status'), { timeout: SIGNING_TIMEOUT_MS, interval: 250 }).toBe(status);
}

/** Opens the signing dialog, asks for a code, and reads it from the messages tab. */
async function requestCode(page: Page, messages: Page, baseUrl: string, reference: string, action: 'accept' | 'countersign', name: string): Promise<string> {
  await page.getByTestId(`offer-${action}`).click();
  await page.getByTestId('offer-sign-request-code').click();
  await page.getByTestId('offer-sign-code-sent').waitFor();
  expect(await page.getByTestId('offer-sign-request-code').textContent()).toMatch(/\d+ 秒后可重新获取/);
  await shot(page, `${name}-code-requested`);
  const code = await readCodeFromMessages(messages, baseUrl, reference);
  await shot(messages, `${name}-code-in-messages`);
  await page.bringToFront();
  return code;
}

async function enterCode(page: Page, code: string): Promise<void> {
  await page.getByTestId('offer-sign-code').fill(code);
  await page.getByTestId('offer-sign-confirm').click();
}

describe('offer signing in headless Chromium: send, accept with a code, countersign, download, verify publicly', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let workers: RunningWorkers;
  let browser: Browser;
  let jobId: string;
  let applicationId: string;
  let downloadDir: string;

  beforeAll(async () => {
    t = await startTestPlatform({ clientDir: CLIENT_DIR });
    f = await createFixtures(t.platform.ctx.db);
    const db = t.platform.ctx.db;
    jobId = await insertTestJob(db, { organisationId: f.orgs.a, townId: f.towns.a, title: 'Java 开发工程师' });
    applicationId = await insertTestApplication(db, jobId, f.graduates.a, await insertTestResume(db, f.graduates.a));
    await db.updateTable('applications').set({ status: 'interview' }).where('id', '=', applicationId).execute();
    workers = startTestWorkers(t);
    browser = await launchChromium();
    downloadDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yp-offer-download-'));
  });
  afterAll(async () => {
    await browser?.close();
    await workers?.close();
    await t?.close();
    if (downloadDir) await fs.rm(downloadDir, { recursive: true, force: true });
  });

  it('takes an offer from the pipeline to a sealed PDF that pdfsig and the public page both find valid, and the application ends hired', { timeout: 600_000 }, async () => {
    const pages: Page[] = [];
    onTestFailed(async () => {
      for (const [index, page] of pages.entries()) await shot(page, `failed-${index}`).catch(() => undefined);
    });
    const open = async (login: string): Promise<Page> => {
      const page = await loggedInPage(browser, t.url, login, PASSWORD, { width: 1440, height: 900 });
      page.context().setDefaultTimeout(STEP_TIMEOUT_MS);
      pages.push(page);
      return page;
    };

    // The recruiter drafts the offer from the application in the pipeline, prefilled from the job.
    const recruiter = await open(f.logins.recruiter);
    await recruiter.goto(`${t.url}/employer/jobs/${jobId}/pipeline`);
    await recruiter.locator(`[data-testid="pipeline-row"][data-application-id="${applicationId}"]`).getByTestId('pipeline-open').click();
    await recruiter.getByTestId('offer-send-open').click();
    await recruiter.getByTestId('offer-form').waitFor();
    expect(await recruiter.getByTestId('offer-position').inputValue()).toBe('Java 开发工程师');
    expect(await recruiter.getByTestId('offer-location').inputValue()).toBe('泗泾镇');
    expect(await recruiter.getByTestId('offer-salary').inputValue()).toMatch(/^7,?500$/);
    await recruiter.getByTestId('offer-conditions').fill('提供住宿；缴纳五险一金。');
    await shot(recruiter, '01-draft-form');
    await recruiter.getByTestId('offer-form-submit').click();
    await recruiter.waitForURL(/\/employer\/offers\/[0-9a-f-]{36}$/);
    await waitForStatus(recruiter, 'draft');
    const offerId = (await recruiter.getByTestId('offer-detail').getAttribute('data-offer-id'))!;
    const reference = (await recruiter.getByTestId('offer-reference').textContent())!;
    expect(reference).toMatch(/^OFR-\d{4}-\d{6}$/);
    expect(await recruiter.getByTestId('offer-pdf').getAttribute('data-src')).toBe(`/api/v1/offers/${offerId}/preview.pdf`);
    await shot(recruiter, '02-draft-preview');

    await recruiter.getByTestId('offer-send').click();
    await recruiter.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
    await waitForStatus(recruiter, 'sent');
    await recruiter.locator('[data-testid="offer-version-row"][data-kind="rendered"]').waitFor();
    await shot(recruiter, '03-sent');

    // The graduate reads it in My offers, asks for a code, tries a wrong one, then signs.
    const graduate = await open(f.logins.graduate);
    const graduateMessages = await graduate.context().newPage();
    await graduate.goto(`${t.url}/graduate/offers`);
    await graduate.locator(`[data-testid="offer-row"][data-offer-id="${offerId}"]`).waitFor();
    await shot(graduate, '04-my-offers');
    await graduate.getByTestId('offer-open').first().click();
    await waitForStatus(graduate, 'sent');
    expect(Number(await graduate.getByTestId('offer-countdown').getAttribute('data-left'))).toBeGreaterThan(0);
    await shot(graduate, '05-graduate-offer');

    const graduateCode = await requestCode(graduate, graduateMessages, t.url, reference, 'accept', '06-graduate');
    await enterCode(graduate, graduateCode === '000000' ? '111111' : '000000');
    const wrong = graduate.getByTestId('offer-sign-error');
    await expect.poll(() => wrong.getAttribute('data-kind')).toBe('wrong');
    expect(await wrong.textContent()).toContain('还可尝试 4 次');
    await shot(graduate, '07-graduate-wrong-code');
    await enterCode(graduate, graduateCode);
    await expect.poll(() => graduate.getByTestId('offer-detail').getAttribute('data-status'), { timeout: SIGNING_TIMEOUT_MS }).toMatch(/^(graduate_signing|accepted)$/);
    await shot(graduate, '08-graduate-signing');
    await waitForStatus(graduate, 'accepted');
    await graduate.locator('[data-testid="offer-version-row"][data-kind="graduate_signed"]').waitFor();
    await shot(graduate, '09-graduate-signed');

    // The recruiter countersigns with their own code; the worker appends the audit page and the seal.
    const recruiterMessages = await recruiter.context().newPage();
    await recruiter.bringToFront();
    await recruiter.reload();
    await waitForStatus(recruiter, 'accepted');
    await enterCode(recruiter, await requestCode(recruiter, recruiterMessages, t.url, reference, 'countersign', '10-recruiter'));
    await waitForStatus(recruiter, 'completed');
    const verdict = recruiter.getByTestId('offer-verification').getByTestId('verify-verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict'), { timeout: 30_000 }).toBe('valid');
    expect(await recruiter.getByTestId('offer-verification').getByTestId('verify-sealed').getAttribute('data-ok')).toBe('true');
    expect(await recruiter.getByTestId('offer-verification').getByTestId('verify-chain').getAttribute('data-ok')).toBe('true');
    const sealedSha = await recruiter.locator('[data-testid="offer-version-row"][data-kind="sealed"]').getAttribute('data-sha256');
    expect(sealedSha).toMatch(/^[0-9a-f]{64}$/);
    await shot(recruiter, '11-completed');

    // The signed PDF, downloaded through the page's link, checked by Poppler's pdfsig.
    const [download] = await Promise.all([recruiter.waitForEvent('download'), recruiter.getByTestId('offer-download').click()]);
    const pdfPath = path.join(downloadDir, download.suggestedFilename() || 'offer-signed.pdf');
    await download.saveAs(pdfPath);
    const { signatures, raw } = await runPdfsig(pdfPath);
    expect(signatures.length, raw).toBeGreaterThanOrEqual(3);
    for (const signature of signatures) expect(signature.valid, raw).toBe(true);
    expect(signatures.at(-1)!.totalDocumentSigned, raw).toBe(true);
    await fs.writeFile(path.join(ARTIFACTS, 'offer-pdfsig.txt'), raw);

    // Anyone can check it on the public page, reached from the login page without logging in.
    const visitorContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const visitor = await visitorContext.newPage();
      await visitor.goto(`${t.url}/login`);
      await visitor.getByTestId('verify-link').click();
      await visitor.waitForURL(/\/verify$/);
      await visitor.getByTestId('verify-upload-input').setInputFiles(pdfPath);
      const report = visitor.getByTestId('verify-report');
      await expect.poll(() => report.getAttribute('data-verdict'), { timeout: 30_000 }).toBe('valid');
      expect(await visitor.getByTestId('verify-verdict').textContent()).toBe('有效');
      expect(await visitor.getByTestId('verify-modified').getAttribute('data-ok')).toBe('true');
      expect(await visitor.getByTestId('verify-known-version').textContent()).toContain(reference);
      expect(await visitor.locator('[data-testid="verify-signature-row"][data-valid="true"]').count()).toBe(signatures.length);
      expect(await visitor.locator('[data-testid="verify-signature-row"]').last().getAttribute('data-covers-whole')).toBe('true');
      await shot(visitor, '12-public-verify-upload');

      await visitor.getByTestId('verify-tab-hash').click();
      await visitor.getByTestId('verify-hash-input').fill(sealedSha!);
      await visitor.getByTestId('verify-hash-submit').click();
      await expect.poll(() => visitor.getByTestId('verify-report').getAttribute('data-verdict'), { timeout: 30_000 }).toBe('valid');
      expect(await visitor.getByTestId('verify-sha256').textContent()).toBe(sealedSha);
      await shot(visitor, '13-public-verify-hash');
    } finally {
      await visitorContext.close();
    }

    // The countersigned offer hired the application: the pipeline and the database agree.
    await recruiter.goto(`${t.url}/employer/jobs/${jobId}/pipeline`);
    const row = recruiter.locator(`[data-testid="pipeline-row"][data-application-id="${applicationId}"]`);
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('hired');
    const stored = await t.platform.ctx.db.selectFrom('applications').select('status').where('id', '=', applicationId).executeTakeFirstOrThrow();
    expect(stored.status).toBe('hired');
    await recruiter.goto(`${t.url}/employer/offers`);
    await recruiter.locator(`[data-testid="offer-row"][data-offer-id="${offerId}"][data-status="completed"]`).waitFor();
    await shot(recruiter, '14-offers-list');

    await graduate.context().close();
    await recruiter.context().close();
  });
});
