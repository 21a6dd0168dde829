import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAMES, interviewReminderJobId } from '@yunpin/shared';
import type { ApiClient} from '../support/client.js';
import { loginAs } from '../support/client.js';
import { waitFor } from '../support/wait.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { createGraduates } from '../support/fair-fixtures.js';
import { insertTestApplication, insertTestJob } from '../support/job-fixtures.js';
import { TEST_REDIS_URL } from '../support/env.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { startTestWorkers } from '../support/workers.js';
import type { RunningWorkers } from '../../workers/src/run-workers.js';


const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

describe('cloud interviews: slots, booking, reminders, outcome and fallback', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let workers: RunningWorkers;
  let recruiter: ApiClient;
  let graduate: ApiClient;
  let jobId: string;
  let applicationId: string;
  let queue: Queue;
  const as = (login: string) => loginAs(t.url, login, PASSWORD);
  const messagesOf = async (client: ApiClient) => (await client.get('/api/v1/account/notifications')).body.items as { id: string; subject: string; body: string }[];

  beforeAll(async () => {
    t = await startTestPlatform();
    f = await createFixtures(t.platform.ctx.db);
    workers = startTestWorkers(t);
    queue = new Queue(QUEUE_NAMES.notifications, { connection: { url: TEST_REDIS_URL }, prefix: t.redisPrefix });
    jobId = await insertTestJob(t.platform.ctx.db, { organisationId: f.orgs.a, townId: f.towns.a, title: 'Java 开发工程师' });
    applicationId = await insertTestApplication(t.platform.ctx.db, jobId, f.graduates.a);
    recruiter = await as(f.logins.recruiter);
    graduate = await as(f.logins.graduate);
  });
  afterAll(async () => {
    await queue?.close();
    await workers?.close();
    await t?.close();
  });

  it('publishes slots with a panel of colleagues and refuses bad ones', async () => {
    const made = await recruiter.post(`/api/v1/jobs/${jobId}/interview-slots`, { startsAt: [inMinutes(15.1), inMinutes(3 * 24 * 60)], durationMinutes: 30, interviewerIds: [f.userIds.employer_admin] });
    expect(made.status).toBe(201);
    expect(made.body.items).toHaveLength(2);
    expect(made.body.items[0].interviewers.map((i: { name: string }) => i.name).sort()).toEqual(['employer_admin', 'recruiter']);
    // A stranger on the panel, a time in the past, an empty list: refused, nothing stored.
    for (const body of [
      { startsAt: [inMinutes(60)], durationMinutes: 30, interviewerIds: [f.userIds.caseworker] },
      { startsAt: [inMinutes(-5)], durationMinutes: 30 },
      { startsAt: [], durationMinutes: 30 },
      { startsAt: [inMinutes(60)], durationMinutes: 500 },
    ]) {
      const res = await recruiter.post(`/api/v1/jobs/${jobId}/interview-slots`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await recruiter.get(`/api/v1/jobs/${jobId}/interview-slots`)).body.items).toHaveLength(2);
  });

  it('opens booking only at the interview stage, sends the 15-minute reminder, and lets the graduate move the booking', async () => {
    expect((await graduate.get(`/api/v1/jobs/${jobId}/interview-slots`)).status).toBe(403);
    await recruiter.post(`/api/v1/applications/${applicationId}/status`, { status: 'interview', note: '邀请面试' });
    const slots = (await graduate.get(`/api/v1/jobs/${jobId}/interview-slots`)).body.items;
    expect(slots).toHaveLength(2);
    expect(slots.every((s: { booking: unknown }) => s.booking === null)).toBe(true);

    const soon = slots[0].id as string;
    const booked = await graduate.post(`/api/v1/interview-slots/${soon}/booking`, { applicationId });
    expect(booked.status).toBe(201);
    const bookingId = booked.body.bookingId as string;
    // The 24-hour reminder's time has passed, so only the 15-minute one is queued; it fires within seconds.
    expect(await queue.getJob(interviewReminderJobId(bookingId, '24h'))).toBeUndefined();
    const reminder = await waitFor(async () => (await messagesOf(graduate)).find((m) => m.subject.includes('15 分钟')), '15-minute reminder');
    expect(reminder.body).toContain('Java 开发工程师');
    expect((await messagesOf(recruiter)).some((m) => m.subject.includes('15 分钟'))).toBe(true);

    // Moving to the later slot frees the first, and schedules both reminders for the new one.
    const later = slots[1].id as string;
    const moved = await graduate.post(`/api/v1/interview-slots/${later}/booking`, { applicationId });
    expect(moved.status).toBe(201);
    const laterBooking = moved.body.bookingId as string;
    expect(await (await queue.getJob(interviewReminderJobId(laterBooking, '24h')))?.isDelayed()).toBe(true);
    expect(await (await queue.getJob(interviewReminderJobId(laterBooking, '15m')))?.isDelayed()).toBe(true);
    const employerView = (await recruiter.get(`/api/v1/jobs/${jobId}/interview-slots`)).body.items;
    expect(employerView.map((s: { status: string }) => s.status)).toEqual(['open', 'booked']);
    expect((await graduate.get('/api/v1/me/interviews')).body.items.filter((i: { status: string }) => i.status === 'booked')).toHaveLength(1);
  });

  it('gives a contested slot to exactly one of two graduates', async () => {
    const [other] = await createGraduates(t.platform.ctx.db, f, 1, 3);
    const otherFile = await t.platform.ctx.db.selectFrom('graduate_profiles').select('id').where('phone', '=', other!.login).executeTakeFirstOrThrow();
    const otherApp = await insertTestApplication(t.platform.ctx.db, jobId, otherFile.id);
    await t.platform.ctx.db.updateTable('applications').set({ status: 'interview' }).where('id', '=', otherApp).execute();
    const contested = (await recruiter.post(`/api/v1/jobs/${jobId}/interview-slots`, { startsAt: [inMinutes(5 * 24 * 60)], durationMinutes: 30 })).body.items[0].id;
    const otherClient = await as(other!.login);
    const results = await Promise.all([
      graduate.post(`/api/v1/interview-slots/${contested}/booking`, { applicationId }),
      otherClient.post(`/api/v1/interview-slots/${contested}/booking`, { applicationId: otherApp }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const live = await t.platform.ctx.db.selectFrom('interview_bookings').select('id').where('slot_id', '=', contested).where('status', '!=', 'cancelled').execute();
    expect(live).toHaveLength(1);
  });

  it('cancels: reminders are withdrawn and both sides are told', async () => {
    const mine = (await graduate.get('/api/v1/me/interviews')).body.items.find((i: { status: string }) => i.status === 'booked');
    const cancelled = await recruiter.delete(`/api/v1/interview-bookings/${mine.bookingId}`);
    expect(cancelled.status).toBe(204);
    expect(await queue.getJob(interviewReminderJobId(mine.bookingId, '24h'))).toBeUndefined();
    expect(await queue.getJob(interviewReminderJobId(mine.bookingId, '15m'))).toBeUndefined();
    const notice = await waitFor(async () => (await messagesOf(graduate)).find((m) => m.subject === '云面试已取消'), 'cancellation notice');
    expect(notice.body).toContain('用人单位');
    // Another user cannot touch the booking.
    const stranger = await as(f.logins.caseworker);
    expect((await stranger.delete(`/api/v1/interview-bookings/${mine.bookingId}`)).status).toBe(404);
  });

  it('turns a failed call into a booked callback or a message, and records the outcome with a scorecard on the application', async () => {
    const slots = (await graduate.get(`/api/v1/jobs/${jobId}/interview-slots`)).body.items;
    const open = slots.find((s: { status: string; booking: unknown }) => s.status === 'open' && s.booking === null);
    const booking = (await graduate.post(`/api/v1/interview-slots/${open.id}/booking`, { applicationId })).body.bookingId as string;

    const callback = await graduate.post(`/api/v1/interview-bookings/${booking}/fallback`, { kind: 'callback', callbackAt: inMinutes(2 * 24 * 60), note: '网络中断' });
    expect(callback.body).toMatchObject({ status: 'callback' });
    expect(callback.body.callbackAt).toEqual(expect.any(String));
    const message = await recruiter.post(`/api/v1/interview-bookings/${booking}/fallback`, { kind: 'message', body: '网络不稳定，我们改为电话沟通。' });
    expect(message.status).toBe(200);
    await waitFor(async () => (await messagesOf(graduate)).find((m) => m.body === '网络不稳定，我们改为电话沟通。'), 'message to the graduate');

    // Only the employer records the outcome; the graduate never sees the scorecard.
    const scorecard = { criteria: [{ name: '专业能力', score: 4 }, { name: '沟通表达', score: 5 }], notes: '基础扎实' };
    expect((await graduate.post(`/api/v1/interview-bookings/${booking}/outcome`, { outcome: 'pass', scorecard })).status).toBe(403);
    const outcome = await recruiter.post(`/api/v1/interview-bookings/${booking}/outcome`, { outcome: 'pass', scorecard, moveTo: 'offer' });
    expect(outcome.body).toMatchObject({ status: 'completed', outcome: 'pass', scorecard });
    const app = (await recruiter.get(`/api/v1/applications/${applicationId}`)).body;
    expect(app.status).toBe('offer');
    expect(app.history.at(-1).note).toContain('4.5/5');
    const mine = (await graduate.get('/api/v1/me/interviews')).body.items.find((i: { bookingId: string }) => i.bookingId === booking);
    expect(mine).not.toHaveProperty('scorecard');
    // A slot whose interview has taken place stays on record.
    expect((await recruiter.delete(`/api/v1/interview-slots/${mine.slotId}`)).status).toBe(409);
    const csv = await recruiter.get('/api/v1/employer/interviews.csv');
    expect(String(csv.body)).toContain('李明');
    expect(String(csv.body)).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  });
});
