import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtures, PASSWORD } from '../support/fixtures.js';
import { createLiveFair, type LiveFixtures } from '../support/live-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { ARTIFACTS, CLIENT_DIR, launchChromium, loggedInPage } from '../support/browser.js';

describe('live fair in headless Chromium: queue, call, chat', () => {
  let t: TestPlatform;
  let live: LiveFixtures;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestPlatform({ clientDir: CLIENT_DIR });
    live = await createLiveFair(t.platform.ctx.db, await createFixtures(t.platform.ctx.db), { graduateCount: 2 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const loggedIn = (login: string): Promise<Page> => loggedInPage(browser, t.url, login, PASSWORD);

  it('lets a graduate queue at a booth, be called by the recruiter, and chat with them', async () => {
    const graduate = await loggedIn(live.graduates[0]!.login);
    const recruiter = await loggedIn(live.logins.recruiterA);
    try {
      await graduate.goto(`${t.url}/fairs/${live.fairId}/booths/${live.booths.a}`);
      await graduate.getByTestId('queue-join').click();
      await expect.poll(() => graduate.getByTestId('queue-position').textContent(), { timeout: 15_000 }).toContain('1');
      await graduate.screenshot({ path: path.join(ARTIFACTS, 'live-graduate-queued.png'), fullPage: true });

      // A second graduate behind the first: their position moves up live when the first is called.
      const second = await loggedIn(live.graduates[1]!.login);
      await second.goto(`${t.url}/fairs/${live.fairId}/booths/${live.booths.a}`);
      await second.getByTestId('queue-join').click();
      await expect.poll(() => second.getByTestId('queue-position').textContent(), { timeout: 15_000 }).toContain('2');

      await recruiter.goto(`${t.url}/employer/fairs/${live.fairId}/booths/${live.booths.a}/console`);
      await expect.poll(() => recruiter.getByTestId('console-queue').textContent(), { timeout: 15_000 }).toContain(live.graduates[0]!.name);
      await recruiter.getByTestId('call-next').click();

      await expect.poll(() => second.getByTestId('queue-position').textContent(), { timeout: 15_000 }).toContain('1');
      await second.context().close();
      await graduate.getByTestId('call-accept').click({ timeout: 15_000 });
      await graduate.getByTestId('chat-panel').waitFor({ timeout: 15_000 });
      await graduate.getByTestId('chat-input').fill('您好，我对软件工程师岗位很感兴趣');
      await graduate.getByTestId('chat-send').click();

      await expect.poll(() => recruiter.getByTestId('chat-panel').first().textContent(), { timeout: 15_000 }).toContain('您好，我对软件工程师岗位很感兴趣');
      await recruiter.getByTestId('chat-input').first().fill('欢迎！请先介绍一下你的项目经历。');
      await recruiter.getByTestId('chat-send').first().click();
      await expect.poll(() => graduate.getByTestId('chat-panel').textContent(), { timeout: 15_000 }).toContain('欢迎！请先介绍一下你的项目经历。');

      await graduate.screenshot({ path: path.join(ARTIFACTS, 'live-graduate-chat.png'), fullPage: true });
      await recruiter.screenshot({ path: path.join(ARTIFACTS, 'live-recruiter-console.png'), fullPage: true });

      const messages = await t.platform.ctx.db.selectFrom('chat_messages').select(['body', 'sender_id']).orderBy('sent_at').execute();
      expect(messages).toEqual([
        { body: '您好，我对软件工程师岗位很感兴趣', sender_id: live.graduates[0]!.id },
        { body: '欢迎！请先介绍一下你的项目经历。', sender_id: live.staff.recruiterA },
      ]);
    } finally {
      await graduate.context().close();
      await recruiter.context().close();
    }
  });
});
