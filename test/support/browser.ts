import fs from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ARTIFACTS = path.resolve('test/artifacts');
export const CLIENT_DIR = path.resolve('client/dist');

/** Debian's Chromium, headless, with fake camera and microphone; fails clearly when the client is not built. */
export async function launchChromium(): Promise<Browser> {
  await fs.access(path.join(CLIENT_DIR, 'index.html')).catch(() => {
    throw new Error('client/dist is missing: run `npm run build` first (npm test does)');
  });
  await fs.mkdir(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.YP_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  });
}

/** A fresh browser context (zh-CN) logged in through the real login page. */
export async function loggedInPage(browser: Browser, baseUrl: string, login: string, password: string, viewport = { width: 1280, height: 860 }): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-login').fill(login);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('portal-title').waitFor({ timeout: 15_000 });
  return page;
}
