import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { ARTIFACTS, CLIENT_DIR, launchChromium } from '../support/browser.js';


describe('web client in headless Chromium', () => {
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

  it('registers a graduate, shows the portal in Chinese, logs out and logs back in', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(`${t.url}/register`);
      await page.getByTestId('register-role-graduate').click();
      await page.getByTestId('register-name').fill('陈小雨');
      await page.getByTestId('register-login').fill('13812340000');
      await page.getByTestId('register-password').fill('graduate-pass-1');
      await page.getByTestId('register-submit').click();

      await expect.poll(() => page.getByTestId('portal-title').textContent(), { timeout: 15_000 }).toContain('毕业生门户');
      await expect.poll(() => page.getByTestId('header-user').textContent()).toContain('陈小雨');
      await page.screenshot({ path: path.join(ARTIFACTS, 'graduate-portal.png'), fullPage: true });

      await page.getByTestId('logout').click();
      await page.waitForURL(/\/login/);
      await page.getByTestId('login-login').fill('13812340000');
      await page.getByTestId('login-password').fill('graduate-pass-1');
      await page.getByTestId('login-submit').click();
      await expect.poll(() => page.getByTestId('portal-title').textContent(), { timeout: 15_000 }).toContain('毕业生门户');

      const user = await t.platform.ctx.db.selectFrom('users').select(['role', 'name']).where('phone', '=', '13812340000').executeTakeFirstOrThrow();
      expect(user).toEqual({ role: 'graduate', name: '陈小雨' });
    } finally {
      await context.close();
    }
  });

  it('shows a caseworker the office portal and switches to English', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(`${t.url}/login`);
      await page.getByTestId('login-login').fill(f.logins.caseworker);
      await page.getByTestId('login-password').fill(PASSWORD);
      await page.getByTestId('login-submit').click();
      await expect.poll(() => page.getByTestId('portal-title').textContent(), { timeout: 15_000 }).toContain('就业服务门户');
      await page.screenshot({ path: path.join(ARTIFACTS, 'office-portal-zh.png'), fullPage: true });
      const chineseTitle = await page.getByTestId('portal-title').textContent();

      await page.getByTestId('lang-switch').click();
      const englishOption = page.getByText('English', { exact: true });
      if (await englishOption.isVisible().catch(() => false)) await englishOption.click();
      await expect.poll(() => page.getByTestId('portal-title').textContent()).not.toBe(chineseTitle);
      expect(await page.getByTestId('portal-title').textContent()).toMatch(/[A-Za-z]/);
      await page.screenshot({ path: path.join(ARTIFACTS, 'office-portal-en.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('shows one generic message for a wrong password', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await page.goto(`${t.url}/login`);
      await page.getByTestId('login-login').fill(f.logins.admin);
      await page.getByTestId('login-password').fill('wrong-password');
      await page.getByTestId('login-submit').click();
      await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 }).toContain('账号或密码错误');
      expect(page.url()).toContain('/login');
    } finally {
      await context.close();
    }
  });
});
