import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TBalance, TDashboard, TGoal } from '@yunpin/shared';
import { ARTIFACTS, CLIENT_DIR, launchChromium, loggedInPage } from '../support/browser.js';
import { loginAs, type ApiClient } from '../support/client.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { insertTestJob } from '../support/job-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { makeRegistryXlsx, registryRow } from '../support/registry-fixtures.js';

interface Count {
  done: number;
  total: number;
}

/** The caseworker's dashboard as the API gives it: their scope is town A alone. */
async function apiGoals(api: ApiClient): Promise<TDashboard> {
  const res = await api.get('/api/v1/dashboard/goals');
  expect(res.status).toBe(200);
  return res.body as TDashboard;
}

/** What a goal card shows: its done and total, read from the numbers on the page. */
async function shownCount(page: Page, goal: TGoal): Promise<Count> {
  const numbers = page.getByTestId(`goal-${goal}-all`);
  await numbers.waitFor({ timeout: 15_000 });
  return { done: Number(await numbers.getAttribute('data-done')), total: Number(await numbers.getAttribute('data-total')) };
}

async function openDashboard(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: '4×100% 目标看板' }).click();
  await page.getByTestId('goal-census-all').waitFor({ timeout: 15_000 });
}

describe('a caseworker imports, crosses off checklist items, and the dashboard moves (headless Chromium)', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let browser: Browser;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestPlatform({ clientDir: CLIENT_DIR });
    f = await createFixtures(t.platform.ctx.db);
    await insertTestJob(t.platform.ctx.db, { organisationId: f.orgs.b, townId: f.towns.devZone, title: '经开区 Java 开发' });
    await insertTestJob(t.platform.ctx.db, { organisationId: f.orgs.a, townId: f.towns.a, title: '泗泾 会计' });
    api = await loginAs(t.url, f.logins.caseworker, PASSWORD);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the census and services goals moving after an import and a recorded service, matching the API', async () => {
    const page = await loggedInPage(browser, t.url, f.logins.caseworker, PASSWORD, { width: 1360, height: 900 });
    await openDashboard(page);

    // Before: town A has one file (李明, no national ID, so not census-clear), unemployed and not yet served.
    const before = (await apiGoals(api)).scope;
    expect(before.registered).toBe(1);
    expect(before.all.census).toEqual({ done: 0, total: 1 });
    expect(before.all.services).toEqual({ done: 0, total: 1 });
    expect(await shownCount(page, 'census')).toEqual(before.all.census);
    expect(await shownCount(page, 'services')).toEqual(before.all.services);
    expect(Number(await page.getByTestId('dashboard-registered').getAttribute('data-count'))).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-before-import.png'), fullPage: true });

    // Import three graduates of town A through the registry's import page: two complete files, one without training needs.
    const rows = [1, 2, 3].map((i) => registryRow(100 + i, { name: `导入毕业生${i}`, town: '泗泾镇' }));
    rows[2]![11] = '';
    await page.getByRole('menuitem', { name: /名册导入/ }).click();
    await page.locator('input[type=file]').setInputFiles({ name: '泗泾镇名册.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await makeRegistryXlsx(rows)) });
    await page.getByTestId('registry-validate').click();
    await expect.poll(() => page.getByTestId('registry-commit').isEnabled(), { timeout: 15_000 }).toBe(true);
    await page.getByTestId('registry-commit').click();
    await page.getByText('已导入 3 行').first().waitFor({ timeout: 15_000 });

    // The dashboard: three more files on record, two more census-clear, three more unemployed to serve; the API agrees.
    await openDashboard(page);
    const imported = (await apiGoals(api)).scope;
    expect(imported.registered).toBe(4);
    expect(imported.all.census).toEqual({ done: 2, total: 4 });
    expect(imported.all.services).toEqual({ done: 0, total: 4 });
    await expect.poll(() => shownCount(page, 'census'), { timeout: 15_000 }).toEqual(imported.all.census);
    expect(await shownCount(page, 'services')).toEqual(imported.all.services);
    expect(Number(await page.getByTestId('dashboard-registered').getAttribute('data-count'))).toBe(4);
    const townCensus = page.getByTestId(`area-${f.towns.a}-census`);
    expect([await townCensus.getAttribute('data-done'), await townCensus.getAttribute('data-total')]).toEqual(['2', '4']);

    // Drill down: the census list pending, then done, and its CSV.
    await page.getByTestId('goal-census-pending').click();
    const drawer = page.getByTestId('goal-drawer');
    await expect.poll(() => drawer.getByTestId('goal-list-count').getAttribute('data-count'), { timeout: 15_000 }).toBe('2');
    await expect.poll(async () => (await drawer.getByTestId('goal-list-case-link').allTextContents()).sort()).toEqual(['导入毕业生3', '李明']);
    await drawer.getByTestId('goal-list-state').getByText('已完成').click();
    await expect.poll(async () => (await drawer.getByTestId('goal-list-case-link').allTextContents()).sort(), { timeout: 15_000 }).toEqual(['导入毕业生1', '导入毕业生2']);
    const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByTestId('goal-list-export').click()]);
    const csv = await fs.readFile(await download.path(), 'utf8');
    expect(csv).toContain('导入毕业生1');
    expect(csv).not.toContain('李明');
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-census-drill-down.png'), fullPage: true });
    await page.keyboard.press('Escape');

    // From the services list (nobody served yet) to a graduate's case file.
    await page.getByTestId('goal-services-pending').click();
    await expect.poll(() => drawer.getByTestId('goal-list-count').getAttribute('data-count'), { timeout: 15_000 }).toBe('4');
    await drawer.getByTestId('goal-list-case-link').filter({ hasText: '导入毕业生1' }).click();
    await page.waitForURL(/\/office\/cases\/[0-9a-f-]+$/);
    const graduateId = page.url().split('/').pop()!;

    // Cross off "intention recorded", then record a career-guidance service (which crosses "service offered").
    const intention = page.getByTestId('checklist-intention_recorded');
    await intention.getByRole('button', { name: /销\s*项/ }).click();
    const crossDialog = page.getByRole('dialog');
    await crossDialog.getByRole('textbox').fill('已登记软件开发方向');
    await crossDialog.getByRole('button', { name: /确\s*定/ }).click();
    await intention.getByRole('button', { name: /撤\s*销/ }).waitFor({ timeout: 15_000 });

    await page.getByRole('button', { name: /登记服务/ }).first().click();
    const serviceDialog = page.getByRole('dialog');
    await serviceDialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('checklist-service_offered').getByRole('button', { name: /撤\s*销/ }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'case-file-service-recorded.png'), fullPage: true });

    const file = await api.get(`/api/v1/cases/${graduateId}`);
    expect(file.status).toBe(200);
    const crossed = (file.body.checklist as { item: { key: string | null }; isCrossed: boolean }[]).filter((e) => e.isCrossed).map((e) => e.item.key);
    expect(crossed).toEqual(expect.arrayContaining(['intention_recorded', 'service_offered']));

    // The services goal moves: one of four unemployed graduates served.
    await openDashboard(page);
    const served = (await apiGoals(api)).scope;
    expect(served.all.services).toEqual({ done: 1, total: 4 });
    expect(served.all.census).toEqual(imported.all.census);
    await expect.poll(() => shownCount(page, 'services'), { timeout: 15_000 }).toEqual(served.all.services);
    await page.getByTestId('goal-services-all-done').click();
    await expect.poll(async () => drawer.getByTestId('goal-list-case-link').allTextContents(), { timeout: 15_000 }).toEqual(['导入毕业生1']);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-after-service.png'), fullPage: true });

    // The "1+5" view: the development zone (the "1") beside town A, open positions against the four looking for work.
    const balance = (await api.get('/api/v1/dashboard/balance')).body as TBalance;
    expect(balance.rows.find((row) => row.isDevZone)).toMatchObject({ id: f.towns.devZone, openJobs: 1, openPositions: 2 });
    expect(balance.rows.find((row) => row.id === f.towns.a)).toMatchObject({ openJobs: 1, openPositions: 2, seekingGraduates: 4 });
    await page.getByRole('menuitem', { name: /岗位供需/ }).click();
    const devZone = page.getByTestId('balance-dev-zone');
    await devZone.waitFor({ timeout: 15_000 });
    expect([await devZone.getAttribute('data-open-jobs'), await devZone.getAttribute('data-open-positions')]).toEqual(['1', '2']);
    await page.getByTestId('balance-level').getByText('按镇街').click();
    await expect.poll(() => page.getByTestId('balance-table').locator('tbody tr.ant-table-row').count()).toBe(2);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-1-plus-5.png'), fullPage: true });
  }, 120_000);
});
