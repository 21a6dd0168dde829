import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/logger.js';
import { GrantAuthority } from '../../server/src/media/grants.js';
import { JanusMediaServer } from '../../server/src/media/janus/JanusMediaServer.js';
import { startJanus, type JanusProcess } from '../../server/src/services/janus-launcher.js';
import { ARTIFACTS, CLIENT_DIR, launchChromium, loggedInPage } from '../support/browser.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { insertTestApplication, insertTestBooking, insertTestJob } from '../support/job-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';

const framesDecoded = async (page: Page) => Number((await page.getByTestId('room-quality').getAttribute('data-frames-decoded')) ?? 0);
const phaseOf = (page: Page) => page.getByTestId('interview-room').getAttribute('data-phase');
const mediaJoins = (page: Page) => page.getByTestId('interview-room').getAttribute('data-media-joins');

describe('cloud interview in headless Chromium: waiting room, admission, video both ways', () => {
  let janus: JanusProcess;
  let media: JanusMediaServer | undefined;
  let t: TestPlatform;
  let f: Fixtures;
  let browser: Browser;

  beforeAll(async () => {
    const logger = createLogger('silent');
    janus = await startJanus(logger, { restartOnExit: true });
    t = await startTestPlatform({
      clientDir: CLIENT_DIR,
      media: async () => {
        media = await JanusMediaServer.create({ url: janus.url, adminKey: janus.adminKey, grants: new GrantAuthority(randomBytes(32)), logger });
        return { media, close: () => media!.close() };
      },
    });
    f = await createFixtures(t.platform.ctx.db);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await janus?.stop();
  });

  it('the interviewer admits the graduate from the waiting room and each page decodes the other’s video', async () => {
    const db = t.platform.ctx.db;
    const job = await insertTestJob(db, { organisationId: f.orgs.a, townId: f.towns.a, title: '软件工程师' });
    const bookingId = await insertTestBooking(db, job, await insertTestApplication(db, job, f.graduates.a), f.userIds.recruiter);
    const { slot_id } = await db.selectFrom('interview_bookings').select('slot_id').where('id', '=', bookingId).executeTakeFirstOrThrow();
    await db.updateTable('interview_slots').set({ starts_at: new Date(Date.now() - 60_000), ends_at: new Date(Date.now() + 30 * 60_000) }).where('id', '=', slot_id).execute();

    const graduate = await loggedInPage(browser, t.url, f.logins.graduate, PASSWORD);
    const recruiter = await loggedInPage(browser, t.url, f.logins.recruiter, PASSWORD);
    try {
      // The graduate comes through the device check.
      await graduate.goto(`${t.url}/interviews/${bookingId}/check`);
      await graduate.getByTestId('device-check-enter').click();
      await graduate.waitForURL(`**/interviews/${bookingId}/room`);
      await expect.poll(() => phaseOf(graduate), { timeout: 15_000 }).toBe('waiting');
      await graduate.getByTestId('room-waiting').waitFor();
      await expect.poll(() => graduate.getByTestId('room-mute').isEnabled()).toBe(true);
      await graduate.screenshot({ path: path.join(ARTIFACTS, 'interview-graduate-waiting.png'), fullPage: true });

      await recruiter.goto(`${t.url}/interviews/${bookingId}/room`);
      await expect.poll(() => phaseOf(recruiter), { timeout: 15_000 }).toBe('in-call');
      await recruiter.getByTestId('room-admit').click({ timeout: 15_000 });
      const admittedAt = Date.now();
      await expect.poll(() => phaseOf(graduate), { timeout: 15_000 }).toBe('in-call');

      await graduate.getByTestId('room-remote-video').waitFor({ timeout: 15_000 });
      await recruiter.getByTestId('room-remote-video').waitFor({ timeout: 15_000 });
      await expect.poll(() => framesDecoded(graduate), { timeout: 20_000 }).toBeGreaterThan(0);
      await expect.poll(() => framesDecoded(recruiter), { timeout: 20_000 }).toBeGreaterThan(0);
      const decodedAfterMs = Date.now() - admittedAt;
      // Decoding goes on: more frames a few seconds later.
      const before = [await framesDecoded(graduate), await framesDecoded(recruiter)];
      await new Promise((resolve) => setTimeout(resolve, 4000));
      const after = [await framesDecoded(graduate), await framesDecoded(recruiter)];
      console.info(`[interview e2e] both pages decoding ${decodedAfterMs} ms after admission; frames decoded graduate ${before[0]}→${after[0]}, interviewer ${before[1]}→${after[1]} over ~4 s`);
      expect(after[0]!).toBeGreaterThan(before[0]!);
      expect(after[1]!).toBeGreaterThan(before[1]!);
      expect(await graduate.getByTestId('room-quality').getAttribute('data-quality')).not.toBe('poor');
      await graduate.screenshot({ path: path.join(ARTIFACTS, 'interview-graduate-call.png'), fullPage: true });
      await recruiter.screenshot({ path: path.join(ARTIFACTS, 'interview-recruiter-call.png'), fullPage: true });

      // Sent back: the graduate waits again and the interviewer's remote video goes.
      await recruiter.getByTestId('room-send-back').click();
      await expect.poll(() => phaseOf(graduate), { timeout: 15_000 }).toBe('waiting');
      await expect.poll(() => recruiter.getByTestId('room-remote-video').count(), { timeout: 15_000 }).toBe(0);
      await recruiter.getByTestId('room-admit').waitFor({ timeout: 15_000 });
      await recruiter.screenshot({ path: path.join(ARTIFACTS, 'interview-recruiter-sent-back.png'), fullPage: true });

      // Admitted again; then Janus dies mid-call: both pages rejoin once it is back, and video flows again.
      await recruiter.getByTestId('room-admit').click();
      await expect.poll(() => framesDecoded(graduate), { timeout: 20_000 }).toBeGreaterThan(0);
      await expect.poll(() => framesDecoded(recruiter), { timeout: 20_000 }).toBeGreaterThan(0);
      const joins = [Number(await mediaJoins(graduate)), Number(await mediaJoins(recruiter))];
      const killedAt = Date.now();
      process.kill(janus.pid()!, 'SIGKILL');
      await expect.poll(async () => Number(await mediaJoins(graduate)), { timeout: 20_000 }).toBeGreaterThan(joins[0]!);
      await expect.poll(async () => Number(await mediaJoins(recruiter)), { timeout: 20_000 }).toBeGreaterThan(joins[1]!);
      await expect.poll(() => framesDecoded(graduate), { timeout: 20_000 }).toBeGreaterThan(0);
      await expect.poll(() => framesDecoded(recruiter), { timeout: 20_000 }).toBeGreaterThan(0);
      console.info(`[interview e2e] kill -9 of Janus: both pages decoding again ${Date.now() - killedAt} ms after the kill`);
      expect(await phaseOf(graduate)).toBe('in-call');
      await graduate.screenshot({ path: path.join(ARTIFACTS, 'interview-graduate-recovered.png'), fullPage: true });
    } finally {
      await graduate.context().close();
      await recruiter.context().close();
    }
  });
});
