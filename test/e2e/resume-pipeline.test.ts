import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { createEmployerStaff, type EmployerStaff } from '../support/fair-fixtures.js';
import { insertTestJob } from '../support/job-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { startTestWorkers } from '../support/workers.js';
import { DEMO_RESUME_ZH, makeResumePdf } from '../support/resume-fixtures.js';
import { ARTIFACTS, CLIENT_DIR, launchChromium, loggedInPage } from '../support/browser.js';
import type { RunningWorkers } from '../../workers/src/run-workers.js';

describe('resumes in headless Chromium: upload with progress, confirm, apply, the recruiter sees the score', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let staff: EmployerStaff;
  let workers: RunningWorkers;
  let browser: Browser;
  let jobId: string;

  beforeAll(async () => {
    t = await startTestPlatform({ clientDir: CLIENT_DIR });
    f = await createFixtures(t.platform.ctx.db);
    staff = await createEmployerStaff(t.platform.ctx.db, f.orgs.b, 1);
    jobId = await insertTestJob(t.platform.ctx.db, { organisationId: f.orgs.b, townId: f.towns.devZone, title: 'Java 开发工程师' });
    workers = startTestWorkers(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await workers?.close();
    await t?.close();
  });

  const loggedIn = (login: string): Promise<Page> => loggedInPage(browser, t.url, login, PASSWORD, { width: 1280, height: 900 });

  it('parses the uploaded resume, lets the graduate confirm it and apply, and shows the advisory score in the pipeline', async () => {
    const graduate = await loggedIn(f.logins.graduate);
    await graduate.goto(`${t.url}/graduate/resumes`);
    await graduate.getByTestId('resume-upload-input').setInputFiles({ name: '王晓明-简历.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makeResumePdf(DEMO_RESUME_ZH)) });
    const progress = graduate.getByTestId('resume-progress');
    await expect.poll(() => progress.getAttribute('data-phase'), { timeout: 30_000 }).toBe('parsed');
    await expect.poll(() => graduate.getByTestId('resume-contact-name').inputValue(), { timeout: 15_000 }).toBe('王晓明');
    await graduate.screenshot({ path: path.join(ARTIFACTS, 'resume-parsed.png'), fullPage: true });
    await graduate.getByTestId('resume-confirm').click();
    await expect.poll(async () => (await graduate.getByTestId('resume-status').allTextContents()).join(' '), { timeout: 15_000 }).toMatch(/已确认|Confirmed/);

    await graduate.goto(`${t.url}/graduate/jobs/${jobId}`);
    await graduate.getByTestId('job-apply').click();
    // The application's own answer first, so a refused one fails here with its status; then the
    // page, which shows it once the refreshed list arrives (slow while the whole suite shares the machine).
    const applied = graduate.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/jobs/${jobId}/applications`), { timeout: 30_000 });
    await graduate.getByTestId('job-apply-submit').click();
    expect((await applied).status()).toBe(201);
    await graduate.getByTestId('job-applied').waitFor({ timeout: 30_000 });

    const recruiter = await loggedIn(staff.recruiterLogin);
    await recruiter.goto(`${t.url}/employer/jobs/${jobId}/pipeline`);
    const row = recruiter.getByTestId('pipeline-row').first();
    await expect.poll(async () => Number(await row.getAttribute('data-score')), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await row.getAttribute('data-status')).toBe('screened');
    await expect.poll(() => recruiter.getByTestId('advisory-score').first().textContent()).toMatch(/\d/);
    await recruiter.screenshot({ path: path.join(ARTIFACTS, 'pipeline-scored.png'), fullPage: true });
  });
});
