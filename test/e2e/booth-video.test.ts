import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/logger.js';
import { GrantAuthority } from '../../server/src/media/grants.js';
import { JanusMediaServer } from '../../server/src/media/janus/JanusMediaServer.js';
import { startJanus, type JanusProcess } from '../../server/src/services/janus-launcher.js';
import { startConversation } from '../support/booth-video.js';
import { ARTIFACTS, CLIENT_DIR, launchChromium, loggedInPage } from '../support/browser.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { createLiveFair, type LiveFixtures } from '../support/live-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { connectAs } from '../support/sockets.js';

const panel = (page: Page) => page.getByTestId('video-panel');
const framesDecoded = async (page: Page) => Number((await panel(page).getAttribute('data-frames-decoded')) ?? 0);

describe('conversation video in headless Chromium: the recruiter’s console and the graduate’s conversation page', () => {
  let janus: JanusProcess;
  let media: JanusMediaServer | undefined;
  let t: TestPlatform;
  let f: Fixtures;
  let live: LiveFixtures;
  let browser: Browser;

  beforeAll(async () => {
    const logger = createLogger('silent');
    janus = await startJanus(logger, { restartOnExit: false });
    t = await startTestPlatform({
      clientDir: CLIENT_DIR,
      media: async () => {
        media = await JanusMediaServer.create({ url: janus.url, adminKey: janus.adminKey, grants: new GrantAuthority(randomBytes(32)), logger });
        return { media, close: () => media!.close() };
      },
    });
    f = await createFixtures(t.platform.ctx.db);
    live = await createLiveFair(t.platform.ctx.db, f, { graduateCount: 1 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await janus?.stop();
  });

  it('the recruiter invites, the graduate accepts, both pages decode the other’s video; hanging up goes back to text', async () => {
    // The conversation itself, started over sockets (queue, call, accept are tested elsewhere).
    const graduateLogin = live.graduates[0]!.login;
    const setup = await Promise.all([connectAs(t.url, live.logins.recruiterA, PASSWORD), connectAs(t.url, graduateLogin, PASSWORD)]);
    const conversation = await startConversation(live, setup[0].socket, setup[1].socket);
    for (const { socket } of setup) socket.close();

    const recruiter = await loggedInPage(browser, t.url, live.logins.recruiterA, PASSWORD);
    const graduate = await loggedInPage(browser, t.url, graduateLogin, PASSWORD);
    try {
      await recruiter.goto(`${t.url}/employer/fairs/${live.fairId}/booths/${live.booths.a}/console`);
      await graduate.goto(`${t.url}/graduate/conversations/${conversation.id}`);
      await recruiter.getByTestId('video-invite').click({ timeout: 20_000 });
      await graduate.getByTestId('video-accept').click({ timeout: 15_000 });
      const acceptedAt = Date.now();

      await expect.poll(() => panel(graduate).getAttribute('data-phase'), { timeout: 20_000 }).toBe('in-call');
      await expect.poll(() => panel(recruiter).getAttribute('data-phase'), { timeout: 20_000 }).toBe('in-call');
      await expect.poll(() => framesDecoded(graduate), { timeout: 20_000 }).toBeGreaterThan(0);
      await expect.poll(() => framesDecoded(recruiter), { timeout: 20_000 }).toBeGreaterThan(0);
      const decodingAfterMs = Date.now() - acceptedAt;
      const before = [await framesDecoded(graduate), await framesDecoded(recruiter)];
      await new Promise((resolve) => setTimeout(resolve, 4000));
      const after = [await framesDecoded(graduate), await framesDecoded(recruiter)];
      console.info(`[booth video e2e] both pages decoding ${decodingAfterMs} ms after the graduate accepted; frames decoded graduate ${before[0]}→${after[0]}, recruiter ${before[1]}→${after[1]} over ~4 s`);
      expect(after[0]!).toBeGreaterThan(before[0]!);
      expect(after[1]!).toBeGreaterThan(before[1]!);
      expect(media!.dump()).toMatchObject({ rooms: 1, peers: 2 });
      await graduate.screenshot({ path: path.join(ARTIFACTS, 'booth-video-graduate-call.png'), fullPage: true });
      await recruiter.screenshot({ path: path.join(ARTIFACTS, 'booth-video-recruiter-console.png'), fullPage: true });

      // The graduate hangs up: both pages are back in text, the conversation goes on.
      await graduate.getByTestId('video-hang-up').click();
      await graduate.getByTestId('video-ended').waitFor({ timeout: 15_000 });
      await recruiter.getByTestId('video-ended').waitFor({ timeout: 15_000 });
      expect(await panel(recruiter).count()).toBe(0);
      expect(await graduate.getByTestId('chat-status').textContent()).toBe('洽谈中');
      await expect.poll(() => media!.dump().rooms, { timeout: 10_000 }).toBe(0);
      await recruiter.screenshot({ path: path.join(ARTIFACTS, 'booth-video-recruiter-back-to-text.png'), fullPage: true });
    } catch (error) {
      await graduate.screenshot({ path: path.join(ARTIFACTS, 'booth-video-graduate-failure.png'), fullPage: true }).catch(() => undefined);
      await recruiter.screenshot({ path: path.join(ARTIFACTS, 'booth-video-recruiter-failure.png'), fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await graduate.context().close();
      await recruiter.context().close();
    }
  }, 180_000);
});
