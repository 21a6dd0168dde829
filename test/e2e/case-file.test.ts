import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, CLIENT_DIR, launchChromium, loggedInPage } from '../support/browser.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';

describe('case file in headless Chromium: a caseworker crosses an item off, writes a note from a template, and finds the graduate in the caseload', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestPlatform({ clientDir: CLIENT_DIR });
    f = await createFixtures(t.platform.ctx.db);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('crosses "intention recorded" with a note, adds a phone note that crosses "contacted", and shows both on the timeline', async () => {
    const page = await loggedInPage(browser, t.url, f.logins.caseworker, PASSWORD);
    await page.goto(`${t.url}/office/caseload`);
    await page.getByRole('link', { name: '李明' }).click({ timeout: 20_000 });
    await page.waitForURL(`**/office/cases/${f.graduates.a}`);

    const intention = page.getByTestId('checklist-intention_recorded');
    await intention.getByRole('button', { name: /^销\s*项$/ }).click({ timeout: 20_000 });
    await page.getByLabel('备注（可选）').fill('意向：软件开发');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }).click();
    await intention.getByRole('button', { name: /^撤\s*销$/ }).waitFor({ timeout: 15_000 });

    await page.getByRole('combobox', { name: '记录模板' }).click();
    await page.getByTitle('电话联系（联系类）').click();
    await page.getByLabel('记录内容').fill('电话联系毕业生，了解就业情况：暂未就业');
    await page.getByRole('button', { name: '添加记录' }).last().click();
    await page.getByTestId('checklist-contacted').getByText('自动', { exact: true }).waitFor({ timeout: 15_000 });
    await expect.poll(async () => page.getByTestId('case-timeline').innerText(), { timeout: 15_000 }).toContain('暂未就业');
    await page.screenshot({ path: path.join(ARTIFACTS, 'case-file.png'), fullPage: true });

    const marks = await t.platform.ctx.db.selectFrom('case_checklist_marks').select(['is_automatic', 'note']).where('graduate_id', '=', f.graduates.a).execute();
    expect(marks.map((m) => [m.is_automatic, m.note]).sort()).toEqual([[false, '意向：软件开发'], [true, null]]);
  });

  it('shows the graduate their own checklist progress, read-only', async () => {
    const page = await loggedInPage(browser, t.url, f.logins.graduate, PASSWORD);
    await page.goto(`${t.url}/graduate/checklist`);
    await page.getByText('已销 2 / 5 项').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('button', { name: /^(销\s*项|撤\s*销)$/ }).count()).toBe(0);
  });
});
