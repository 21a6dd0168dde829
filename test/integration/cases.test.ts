import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../support/client.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { insertTestFair } from '../support/fair-fixtures.js';
import { insertTestApplication, insertTestJob, insertTestSlot } from '../support/job-fixtures.js';
import { offerTerms } from '../support/offer-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { createLiveFair } from '../support/live-fixtures.js';
import { ask, connectAs, must } from '../support/sockets.js';
import { insertGraduate } from '../../server/src/db/repositories/graduates.js';
import { workloadPeriods } from '../../server/src/domain/cases/workload.js';

const DAY = 24 * 3600_000;

describe('case management: checklist, caseload, notes, automatic activity, services, workload', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let caseworker: ApiClient;
  let district: ApiClient;
  let regional: ApiClient;
  let graduate: ApiClient;
  let recruiter: ApiClient;
  /** A second, unemployed graduate of town A with no account, never contacted. */
  let graduateC: string;
  /** A graduate with no hukou town in the district (not registered locally). */
  let graduateD: string;
  const as = (login: string) => loginAs(t.url, login, PASSWORD);
  const file = async (client: ApiClient, id: string) => {
    const res = await client.get(`/api/v1/cases/${id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const itemId = async (key: string) => (await district.get('/api/v1/case-settings/checklist-items')).body.items.find((i: { key: string }) => i.key === key).id as string;
  /** One live fair for the conversation tests (its recruiter logins are fixed, so it is made once). */
  let live: Promise<Awaited<ReturnType<typeof createLiveFair>>> | undefined;
  const liveFair = () => (live ??= createLiveFair(t.platform.ctx.db, f, { graduateCount: 2 }));
  const timeline = async (id: string) => (await caseworker.get(`/api/v1/cases/${id}/timeline`)).body.items as { type: string; kind?: string; refId?: string }[];
  const caseloadIds = async (client: ApiClient, query: string) => {
    const res = await client.get(`/api/v1/caseload?pageSize=200&${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.items as { id: string }[]).map((i) => i.id).sort();
  };

  beforeAll(async () => {
    t = await startTestPlatform();
    f = await createFixtures(t.platform.ctx.db);
    const base = { email: null, school: '东华大学', major: '会计', degree: 'bachelor' as const, graduation_year: 2026, job_intention: '财务', training_needs: '会计实务', user_id: null };
    graduateC = randomUUID();
    graduateD = randomUUID();
    await insertGraduate(t.platform.ctx.db, t.platform.ctx.fieldCrypto, { ...base, id: graduateC, name: '陈静', phone: '15900000003', hukou_town_id: f.towns.a });
    await insertGraduate(t.platform.ctx.db, t.platform.ctx.fieldCrypto, { ...base, id: graduateD, name: '赵磊', phone: '15900000004', hukou_town_id: null });
    [caseworker, district, regional, graduate, recruiter] = await Promise.all([
      as(f.logins.caseworker),
      as(f.logins.district_organiser),
      as(f.logins.regional_organiser),
      as(f.logins.graduate),
      as(f.logins.recruiter),
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('crosses items off with who, when and a note, undoes with a reason, and keeps both in the history', async () => {
    const intention = await itemId('intention_recorded');
    const crossed = await caseworker.post(`/api/v1/cases/${f.graduates.a}/checklist/${intention}/cross`, { note: '意向：软件开发' });
    expect(crossed.status, JSON.stringify(crossed.body)).toBe(200);
    const entry = crossed.body.checklist.find((c: { item: { id: string } }) => c.item.id === intention);
    expect(entry).toMatchObject({ isCrossed: true, crossedBy: 'caseworker', note: '意向：软件开发', isAutomatic: false });
    expect(crossed.body.progress).toEqual({ crossed: 1, total: 5 });
    // Crossing again is refused; undo needs a reason; neither changes anything.
    expect((await caseworker.post(`/api/v1/cases/${f.graduates.a}/checklist/${intention}/cross`, {})).status).toBe(409);
    const noReason = await caseworker.post(`/api/v1/cases/${f.graduates.a}/checklist/${intention}/undo`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('validation_failed');
    expect((await file(caseworker, f.graduates.a)).progress.crossed).toBe(1);

    const undone = await caseworker.post(`/api/v1/cases/${f.graduates.a}/checklist/${intention}/undo`, { reason: '意向有变，重新登记' });
    expect(undone.status).toBe(200);
    expect(undone.body.progress.crossed).toBe(0);
    expect(undone.body.history.map((e: { action: string; note: string; actorName: string }) => [e.action, e.note, e.actorName])).toEqual([
      ['undone', '意向有变，重新登记', 'caseworker'],
      ['crossed', '意向：软件开发', 'caseworker'],
    ]);
    expect((await caseworker.post(`/api/v1/cases/${f.graduates.a}/checklist/${intention}/undo`, { reason: '再撤' })).status).toBe(409);
    // Crossed again afterwards: three events, crossed now.
    await caseworker.post(`/api/v1/cases/${f.graduates.a}/checklist/${intention}/cross`, {});
    const again = await file(caseworker, f.graduates.a);
    expect(again.history).toHaveLength(3);
    expect(again.progress.crossed).toBe(1);
    const audit = await t.platform.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', f.graduates.a).where('action', 'like', 'case.%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['case.item_crossed', 'case.item_crossed', 'case.item_undone']);
  });

  it('lets district organisers add, rename, reorder and retire items: a new item is on every file, a retired one stops counting', async () => {
    expect((await caseworker.post('/api/v1/case-settings/checklist-items', { labelZh: '已参加培训', labelEn: 'Training attended' })).status).toBe(403);
    expect((await regional.post('/api/v1/case-settings/checklist-items', { labelZh: '已参加培训', labelEn: 'Training attended' })).status).toBe(403);
    const created = await district.post('/api/v1/case-settings/checklist-items', { labelZh: '已参加培训', labelEn: 'Training attended' });
    expect(created.status).toBe(201);
    const newId = created.body.id as string;
    for (const id of [f.graduates.a, f.graduates.b, graduateC]) {
      const items = (await file(district, id)).checklist.map((c: { item: { id: string } }) => c.item.id);
      expect(items).toHaveLength(6);
      expect(items.at(-1)).toBe(newId);
    }
    expect((await district.patch(`/api/v1/case-settings/checklist-items/${newId}`, { labelZh: '已参加职业培训' })).body.labelZh).toBe('已参加职业培训');
    expect((await district.patch(`/api/v1/case-settings/checklist-items/${newId}`, {})).status).toBe(400);

    // Move it to the front.
    const all = (await district.get('/api/v1/case-settings/checklist-items')).body.items.map((i: { id: string }) => i.id) as string[];
    const order = [newId, ...all.filter((id) => id !== newId)];
    expect((await district.put('/api/v1/case-settings/checklist-items/order', { ids: order.slice(1) })).status).toBe(400);
    const reordered = await district.put('/api/v1/case-settings/checklist-items/order', { ids: order });
    expect(reordered.status).toBe(200);
    expect((await file(caseworker, graduateC)).checklist[0].item.id).toBe(newId);

    await caseworker.post(`/api/v1/cases/${graduateC}/checklist/${newId}/cross`, { note: '参加了财务培训' });
    expect((await file(caseworker, graduateC)).progress).toEqual({ crossed: 1, total: 6 });
    expect((await district.patch(`/api/v1/case-settings/checklist-items/${newId}`, { isRetired: true })).status).toBe(200);
    const afterRetire = await file(caseworker, graduateC);
    expect(afterRetire.progress).toEqual({ crossed: 0, total: 5 });
    expect(afterRetire.checklist.map((c: { item: { id: string } }) => c.item.id)).not.toContain(newId);
    // Its crossing stays in the history; crossing a retired item is refused.
    expect(afterRetire.history.some((e: { itemId: string }) => e.itemId === newId)).toBe(true);
    expect((await caseworker.post(`/api/v1/cases/${graduateC}/checklist/${newId}/undo`, { reason: 'x' })).status).toBe(409);
    const listed = (await caseworker.get(`/api/v1/caseload?pageSize=200`)).body.items.find((i: { id: string }) => i.id === graduateC);
    expect(listed).toMatchObject({ crossed: 0, total: 5 });
  });

  it('writes case notes from templates; a contact template crosses "contacted" automatically, recording from what', async () => {
    const templates = (await caseworker.get('/api/v1/case-settings/note-templates')).body.items as { id: string; title: string; isContact: boolean; body: string }[];
    const phone = templates.find((x) => x.title === '电话联系')!;
    const remark = templates.find((x) => x.title === '情况备注')!;
    expect(phone.isContact).toBe(true);
    const contacted = await itemId('contacted');

    const plain = await caseworker.post(`/api/v1/cases/${graduateC}/notes`, { templateId: remark.id, body: '资料已核对' });
    expect(plain.status).toBe(201);
    expect((await file(caseworker, graduateC)).checklist.find((c: { item: { id: string } }) => c.item.id === contacted).isCrossed).toBe(false);

    const note = await caseworker.post(`/api/v1/cases/${f.graduates.a}/notes`, { templateId: phone.id, body: `${phone.body}暂未就业，希望做软件开发` });
    expect(note.status).toBe(201);
    const after = await file(caseworker, f.graduates.a);
    expect(after.checklist.find((c: { item: { id: string } }) => c.item.id === contacted)).toMatchObject({ isCrossed: true, isAutomatic: true, source: `note:${note.body.id}` });
    expect(after.graduate.lastContactAt).not.toBeNull();
    const notes = (await timeline(f.graduates.a)).filter((e) => e.type === 'note') as unknown as { title: string; body: string; authorName: string }[];
    expect(notes[0]).toMatchObject({ title: '电话联系', body: '电话联系毕业生，了解就业情况：暂未就业，希望做软件开发', authorName: 'caseworker' });

    // Organisers configure templates; a retired one cannot be used; a bad body changes nothing.
    const visit = await district.post('/api/v1/case-settings/note-templates', { title: '微信联系', body: '微信沟通：', isContact: true });
    expect(visit.status).toBe(201);
    expect((await caseworker.post('/api/v1/case-settings/note-templates', { title: 'x' })).status).toBe(403);
    await district.patch(`/api/v1/case-settings/note-templates/${visit.body.id}`, { isRetired: true });
    const refused = await caseworker.post(`/api/v1/cases/${graduateC}/notes`, { templateId: visit.body.id, body: '微信沟通：好' });
    expect(refused.status).toBe(400);
    expect((await caseworker.post(`/api/v1/cases/${graduateC}/notes`, { body: '' })).status).toBe(400);
    expect((await timeline(graduateC)).filter((e) => e.type === 'note')).toHaveLength(1);
  });

  it('filters the caseload: no contact in 14 days by the platform clock, unemployed, priority groups; hardship only for staff allowed', async () => {
    // Graduate A was contacted (a phone note) just now; C never was.
    expect(await caseloadIds(caseworker, 'noContact=14d')).toEqual([graduateC]);
    const realClock = t.platform.ctx.clock;
    t.platform.ctx.clock = () => new Date(Date.now() + 15 * DAY);
    try {
      // Sessions follow the clock too: log in again in the future.
      expect(await caseloadIds(await as(f.logins.caseworker), 'noContact=14d')).toEqual([f.graduates.a, graduateC].sort());
    } finally {
      t.platform.ctx.clock = realClock;
    }
    expect(await caseloadIds(caseworker, '')).toEqual([f.graduates.a, graduateC].sort());
    await t.platform.ctx.db.updateTable('graduate_profiles').set({ employment_status: 'employed' }).where('id', '=', graduateC).execute();
    expect(await caseloadIds(caseworker, 'employmentStatus=unemployed')).toEqual([f.graduates.a]);
    await t.platform.ctx.db.updateTable('graduate_profiles').set({ employment_status: 'unemployed' }).where('id', '=', graduateC).execute();
    expect(await caseloadIds(caseworker, 'priority=hardship')).toEqual([f.graduates.a]);
    // Registered locally: a hukou town in the district; D has none.
    const districtAll = await caseloadIds(district, '');
    expect(districtAll).toContain(graduateD);
    expect(await caseloadIds(district, 'priority=local')).not.toContain(graduateD);
    // Towns: the caseworker sees town A only, the district organiser town B too.
    expect(await caseloadIds(caseworker, `townId=${f.towns.b}`)).toEqual([]);
    expect(await caseloadIds(district, `townId=${f.towns.b}`)).toEqual([f.graduates.b]);
    const listed = (await caseworker.get('/api/v1/caseload')).body.items.find((i: { id: string }) => i.id === f.graduates.a);
    expect(listed.isHardship).toBe(true);
    // Graduates and employers have no caseload, and cannot filter by hardship either.
    expect((await graduate.get('/api/v1/caseload?priority=hardship')).status).toBe(404);
    expect((await recruiter.get('/api/v1/caseload')).status).toBe(404);
    expect((await caseworker.get('/api/v1/caseload?noContact=7d')).status).toBe(400);

    const csv = await caseworker.get('/api/v1/caseload.csv?noContact=14d');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body).toContain('陈静');
    expect(csv.body).not.toContain('李明');
  });

  it('writes fair registration, interview booking and outcome, and a sent offer into the case file automatically, once each', async () => {
    const db = t.platform.ctx.db;
    const fair = await insertTestFair(db, f, { regionIds: [f.regions.r1] });
    for (let i = 0; i < 2; i++) expect((await graduate.post(`/api/v1/fairs/${fair}/registration`)).status).toBeLessThan(300);

    const job = await insertTestJob(db, { organisationId: f.orgs.a, townId: f.towns.a, title: 'Java 开发工程师' });
    const application = await insertTestApplication(db, job, f.graduates.a);
    await db.updateTable('applications').set({ status: 'interview' }).where('id', '=', application).execute();
    const slot = await insertTestSlot(db, job, f.userIds.recruiter);
    const booked = await graduate.post(`/api/v1/interview-slots/${slot}/booking`, { applicationId: application });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect((await graduate.post(`/api/v1/interview-slots/${slot}/booking`, { applicationId: application })).status).toBeLessThan(300);
    const bookingId = booked.body.bookingId ?? (await db.selectFrom('interview_bookings').select('id').where('application_id', '=', application).executeTakeFirstOrThrow()).id;
    const outcome = await recruiter.post(`/api/v1/interview-bookings/${bookingId}/outcome`, { outcome: 'pass', scorecard: { criteria: [{ name: '专业能力', score: 4 }] }, moveTo: 'offer' });
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(200);

    const draft = await recruiter.post('/api/v1/offers', offerTerms(application));
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect((await recruiter.post(`/api/v1/offers/${draft.body.id}/send`, {})).status).toBe(200);
    expect((await recruiter.post(`/api/v1/offers/${draft.body.id}/send`, {})).status).toBe(409);

    const activity = (await timeline(f.graduates.a)).filter((e) => e.type === 'activity');
    const kinds = activity.map((e) => `${e.kind}:${e.refId}`).sort();
    expect(kinds).toEqual([`fair_registered:${fair}`, `interview_booked:${bookingId}`, `interview_outcome:${bookingId}`, `offer_sent:${draft.body.id}`].sort());
    const summaries = activity.map((e) => (e as unknown as { summary: string }).summary).join('\n');
    expect(summaries).toContain('Java 开发工程师');
    // Nothing reached the other graduate's file.
    expect((await district.get(`/api/v1/cases/${f.graduates.b}/timeline`)).body.items.filter((e: { type: string }) => e.type === 'activity')).toEqual([]);
  });

  it('writes an ended booth conversation, with its outcome, into the case file and crosses "contacted" from it', async () => {
    const live = await liveFair();
    const g = live.graduates[0]!;
    const fileId = (await t.platform.ctx.db.selectFrom('graduate_profiles').select('id').where('user_id', '=', g.id).executeTakeFirstOrThrow()).id;
    const { socket: gs } = await connectAs(t.url, g.login, PASSWORD);
    const { socket: rs } = await connectAs(t.url, live.logins.recruiterA, PASSWORD);
    try {
      await must(gs, 'queue:join', { boothId: live.booths.a });
      const call = await must(rs, 'call:next', { boothId: live.booths.a });
      const conversation = await must(gs, 'call:accept', { callId: call!.callId });
      await must(rs, 'conversation:end', { conversationId: conversation.id, notes: '基础扎实', rating: 4 });
      await must(rs, 'conversation:end', { conversationId: conversation.id, rating: 5 });
    } finally {
      gs.disconnect();
      rs.disconnect();
    }
    const items = (await district.get(`/api/v1/cases/${fileId}/timeline`)).body.items as { type: string; kind: string; summary: string }[];
    const talks = items.filter((e) => e.type === 'activity' && e.kind === 'conversation_ended');
    expect(talks).toHaveLength(1);
    expect(talks[0]!.summary).toContain('上海甲科技有限公司');
    expect(talks[0]!.summary).toContain('4/5');
    const contacted = (await file(district, fileId)).checklist.find((c: { item: { key: string } }) => c.item.key === 'contacted');
    expect(contacted).toMatchObject({ isCrossed: true, isAutomatic: true, source: expect.stringMatching(/^conversation:/) });
  });

  it('writes an ended conversation and its case-file line together: while the line cannot be written, the conversation stays open', async () => {
    const db = t.platform.ctx.db;
    const live = await liveFair();
    const g = live.graduates[1]!;
    const fileId = (await db.selectFrom('graduate_profiles').select('id').where('user_id', '=', g.id).executeTakeFirstOrThrow()).id;
    const { socket: gs } = await connectAs(t.url, g.login, PASSWORD);
    const { socket: rs } = await connectAs(t.url, live.logins.recruiterA, PASSWORD);
    let conversationId = '';
    try {
      await must(gs, 'queue:join', { boothId: live.booths.a });
      const call = await must(rs, 'call:next', { boothId: live.booths.a });
      conversationId = (await must(gs, 'call:accept', { callId: call!.callId })).id;
      // The case file refuses every new line for a moment.
      await sql`create function yp_test_refuse_line() returns trigger language plpgsql as $$ begin raise exception 'case file unavailable'; end $$`.execute(db);
      await sql`create trigger yp_test_refuse_line before insert on case_activity for each row execute function yp_test_refuse_line()`.execute(db);
      try {
        const refused = await ask(gs, 'conversation:end', { conversationId });
        expect(refused.ok).toBe(false);
        const row = await db.selectFrom('conversations').select(['status', 'ended_at']).where('id', '=', conversationId).executeTakeFirstOrThrow();
        expect(row).toEqual({ status: 'active', ended_at: null });
      } finally {
        await sql`drop trigger yp_test_refuse_line on case_activity`.execute(db);
        await sql`drop function yp_test_refuse_line()`.execute(db);
      }
      // The graduate ends it again: the conversation and its line are both written now.
      expect(await must(gs, 'conversation:end', { conversationId })).toMatchObject({ id: conversationId, status: 'ended' });
    } finally {
      gs.disconnect();
      rs.disconnect();
    }
    const items = (await district.get(`/api/v1/cases/${fileId}/timeline`)).body.items as { type: string; kind: string; refId: string; summary: string }[];
    const talks = items.filter((e) => e.type === 'activity' && e.kind === 'conversation_ended' && e.refId === conversationId);
    expect(talks).toHaveLength(1);
    expect(talks[0]!.summary).toBe('上海甲科技有限公司 展位交谈 Booth conversation: 毕业生结束 ended by the graduate');
  });

  it('records services; the no-service list shrinks, exports per town, and "service offered" and "contacted" are crossed automatically', async () => {
    const noService = async (client: ApiClient, query = '') => ((await client.get(`/api/v1/caseload/no-service?pageSize=200${query}`)).body.items as { id: string }[]).map((i) => i.id).sort();
    expect(await noService(caseworker)).toEqual([f.graduates.a, graduateC].sort());
    expect(await noService(district, `&townId=${f.towns.b}`)).toContain(f.graduates.b);
    expect(await noService(district, `&townId=${f.towns.b}`)).not.toContain(graduateC);

    const job = await insertTestJob(t.platform.ctx.db, { organisationId: f.orgs.a, townId: f.towns.a, title: '财务助理' });
    const bad = await caseworker.post(`/api/v1/cases/${graduateC}/services`, { type: 'haircut', date: '2026-06-01' });
    expect(bad.status).toBe(400);
    expect((await caseworker.post(`/api/v1/cases/${graduateC}/services`, { type: 'job_introduction', date: '2026-06-01', jobId: randomUUID() })).status).toBe(400);
    expect(await noService(caseworker)).toContain(graduateC);

    expect(await caseloadIds(caseworker, 'noContact=14d')).toContain(graduateC);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const served = await caseworker.post(`/api/v1/cases/${graduateC}/services`, { type: 'job_introduction', date: today, jobId: job, provider: '泗泾镇就业服务站', note: '推荐财务助理岗位', outcome: '已投递' });
    expect(served.status).toBe(201);
    expect(await noService(caseworker)).toEqual([f.graduates.a]);
    const entry = (await file(caseworker, graduateC)).checklist.find((c: { item: { key: string } }) => c.item.key === 'service_offered');
    expect(entry).toMatchObject({ isCrossed: true, isAutomatic: true, source: `service:${served.body.id}` });
    // A service is contact as well: "contacted" is crossed from it, and C leaves the "no contact" list.
    const contacted = (await file(caseworker, graduateC)).checklist.find((c: { item: { key: string } }) => c.item.key === 'contacted');
    expect(contacted).toMatchObject({ isCrossed: true, isAutomatic: true, source: `service:${served.body.id}` });
    expect(await caseloadIds(caseworker, 'noContact=14d')).not.toContain(graduateC);
    const service = (await timeline(graduateC)).find((e) => e.type === 'service') as unknown as { service: Record<string, unknown> };
    expect(service.service).toMatchObject({ type: 'job_introduction', date: today, jobTitle: '财务助理', caseworkerName: 'caseworker', outcome: '已投递' });

    const csv = await caseworker.get('/api/v1/caseload/no-service.csv');
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('李明');
    expect(csv.body).not.toContain('陈静');
    expect((await graduate.get('/api/v1/caseload/no-service')).status).toBe(404);
  });

  it('shows caseworker workload equal to a recount, exportable, to organisers only', async () => {
    const db = t.platform.ctx.db;
    // One more service this month by the caseworker, dated last year (outside both periods).
    await caseworker.post(`/api/v1/cases/${f.graduates.a}/services`, { type: 'career_guidance', date: '2025-01-02' });
    const res = await district.get('/api/v1/caseworkers/workload');
    expect(res.status).toBe(200);
    const row = res.body.items.find((r: { caseworkerId: string }) => r.caseworkerId === f.userIds.caseworker);
    const p = workloadPeriods(new Date());
    expect(res.body.weekStart).toBe(p.weekStart);
    const id = f.userIds.caseworker;
    const count = async (q: Promise<{ n: number }>) => Number((await q).n);
    const cutoff = new Date(Date.now() - 14 * DAY);
    const contactOf = async (g: string): Promise<number> => {
      const notes = await db.selectFrom('case_notes').select('at').where('graduate_id', '=', g).where('is_contact', '=', true).execute();
      const talks = await db.selectFrom('case_activity').select('at').where('graduate_id', '=', g).where('kind', '=', 'conversation_ended').execute();
      const services = await db.selectFrom('case_services').select('id').where('graduate_id', '=', g).where('served_on', '>=', cutoff.toISOString().slice(0, 10)).execute();
      return services.length + notes.filter((n) => n.at >= cutoff).length + talks.filter((n) => n.at >= cutoff).length;
    };
    const townA = await db.selectFrom('graduate_profiles').select(['id', 'employment_status']).where('hukou_town_id', '=', f.towns.a).execute();
    let noContact = 0;
    for (const g of townA.filter((x) => x.employment_status === 'unemployed')) if ((await contactOf(g.id)) === 0) noContact++;
    expect(row).toEqual({
      caseworkerId: id,
      name: 'caseworker',
      townNames: ['泗泾镇'],
      caseload: townA.length,
      servicesThisWeek: await count(db.selectFrom('case_services').select((eb) => eb.fn.countAll<number>().as('n')).where('caseworker_id', '=', id).where('served_on', '>=', p.weekStart).executeTakeFirstOrThrow()),
      servicesThisMonth: await count(db.selectFrom('case_services').select((eb) => eb.fn.countAll<number>().as('n')).where('caseworker_id', '=', id).where('served_on', '>=', p.monthStart).executeTakeFirstOrThrow()),
      notesThisMonth: await count(db.selectFrom('case_notes').select((eb) => eb.fn.countAll<number>().as('n')).where('author_id', '=', id).where('at', '>=', p.monthFrom).executeTakeFirstOrThrow()),
      itemsCrossedThisMonth: await count(db.selectFrom('case_checklist_events').select((eb) => eb.fn.countAll<number>().as('n')).where('actor_id', '=', id).where('action', '=', 'crossed').where('at', '>=', p.monthFrom).executeTakeFirstOrThrow()),
      noContact14d: noContact,
    });
    // The figures are not trivially zero.
    expect(row.servicesThisWeek).toBe(1);
    expect(row.notesThisMonth).toBe(2);
    expect(row.itemsCrossedThisMonth).toBe(3);
    const csv = await district.get('/api/v1/caseworkers/workload.csv');
    expect(csv.body).toContain('caseworker,泗泾镇');
    expect((await caseworker.get('/api/v1/caseworkers/workload')).status).toBe(404);
    // The regional organiser of region 1 sees town A's caseworker too.
    expect((await regional.get('/api/v1/caseworkers/workload')).body.items.map((r: { caseworkerId: string }) => r.caseworkerId)).toContain(id);
  });

  it('keeps case files to the towns served: 404 outside, read-only own progress for the graduate, nothing for employers', async () => {
    expect((await caseworker.get(`/api/v1/cases/${f.graduates.b}`)).status).toBe(404);
    expect((await caseworker.post(`/api/v1/cases/${f.graduates.b}/notes`, { body: '越权' })).status).toBe(404);
    expect((await caseworker.get(`/api/v1/cases/${f.graduates.b}/timeline`)).status).toBe(404);
    expect((await regional.get(`/api/v1/cases/${f.graduates.a}`)).status).toBe(200);
    expect((await regional.get(`/api/v1/cases/${f.graduates.b}`)).status).toBe(404);
    expect((await recruiter.get(`/api/v1/cases/${f.graduates.a}`)).status).toBe(404);
    const own = await file(graduate, f.graduates.a);
    expect(own.canEdit).toBe(false);
    expect(own.history).toBeUndefined();
    expect(own.graduate).not.toHaveProperty('isHardship');
    expect(own.progress.total).toBe(5);
    const contacted = own.checklist[0].item.id as string;
    expect((await graduate.post(`/api/v1/cases/${f.graduates.a}/checklist/${contacted}/undo`, { reason: '我自己来' })).status).toBe(403);
    expect((await graduate.get(`/api/v1/cases/${f.graduates.a}/timeline`)).status).toBe(403);
    expect((await graduate.get(`/api/v1/cases/${f.graduates.b}`)).status).toBe(404);
    expect((await file(caseworker, f.graduates.a)).progress.crossed).toBe(own.progress.crossed);
  });
});
