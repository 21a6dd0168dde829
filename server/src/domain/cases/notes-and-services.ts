import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError, type TCreateCaseNote, type TCreateService, type TSessionUser, type TTimelineEntry } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { autoCrossCtes } from './activity.js';
import { loadCaseGraduate } from './case-scope.js';
import { checklistHistory } from './checklist.js';

/**
 * A caseworker writes a case note, usually from a template they picked and edited. A note from a
 * contact template ("电话联系", "上门走访") is contact and crosses "contacted" automatically.
 */
export async function addCaseNote(ctx: AppContext, { actor, graduateId, input, meta }: { actor: TSessionUser; graduateId: string; input: TCreateCaseNote; meta: RequestMeta }): Promise<{ id: string }> {
  await loadCaseGraduate(ctx, actor, graduateId, 'edit');
  const template = input.templateId
    ? await ctx.db.selectFrom('case_note_templates').selectAll().where('id', '=', input.templateId).executeTakeFirst()
    : undefined;
  if (input.templateId && (!template || template.is_retired)) {
    throw new AppError('validation_failed', 'Unknown or retired note template', { details: [{ path: 'body.templateId', message: 'unknown or retired' }] });
  }
  const id = randomUUID();
  const at = ctx.clock();
  const isContact = template?.is_contact ?? false;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('case_notes')
      .values({ id, graduate_id: graduateId, template_id: template?.id ?? null, title: template?.title ?? '备注 Note', body: input.body, is_contact: isContact, author_id: actor.id, at })
      .execute();
    if (isContact) await sql`with contact as (select ${graduateId}::uuid as graduate_id), ${autoCrossCtes('contact', 'contacted', `note:${id}`, at)} select 1`.execute(trx);
    await appendAudit(trx, { actorId: actor.id, action: 'case.note_added', entityType: 'graduate', entityId: graduateId, detail: { noteId: id, templateId: template?.id ?? null }, ip: meta.ip });
  });
  return { id };
}

/**
 * Records a service given to a graduate. A service is given to a graduate the office has reached, so it
 * is contact as well: the first one crosses "service offered" and, if not yet crossed, "contacted".
 */
export async function recordService(ctx: AppContext, { actor, graduateId, input, meta }: { actor: TSessionUser; graduateId: string; input: TCreateService; meta: RequestMeta }): Promise<{ id: string }> {
  await loadCaseGraduate(ctx, actor, graduateId, 'edit');
  if (input.jobId && !(await ctx.db.selectFrom('jobs').select('id').where('id', '=', input.jobId).executeTakeFirst())) {
    throw new AppError('validation_failed', 'Unknown job', { details: [{ path: 'body.jobId', message: 'unknown job' }] });
  }
  const id = randomUUID();
  const at = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('case_services')
      .values({ id, graduate_id: graduateId, type: input.type, served_on: input.date, provider: input.provider ?? null, caseworker_id: actor.id, job_id: input.jobId ?? null, note: input.note, outcome: input.outcome, created_at: at })
      .execute();
    await sql`with served as (select ${graduateId}::uuid as graduate_id), ${autoCrossCtes('served', ['service_offered', 'contacted'], `service:${id}`, at)} select 1`.execute(trx);
    await appendAudit(trx, { actorId: actor.id, action: 'case.service_recorded', entityType: 'graduate', entityId: graduateId, detail: { serviceId: id, type: input.type }, ip: meta.ip });
  });
  return { id };
}

/** Services of one graduate with the names a view shows, newest first. */
export async function listServices(ctx: AppContext, graduateId: string) {
  const rows = await ctx.db
    .selectFrom('case_services as s')
    .leftJoin('users as u', 'u.id', 's.caseworker_id')
    .leftJoin('jobs as j', 'j.id', 's.job_id')
    .select(['s.id', 's.graduate_id', 's.type', sql<string>`to_char(s.served_on, 'YYYY-MM-DD')`.as('date'), 's.provider', 'u.name as caseworker_name', 's.job_id', 'j.title as job_title', 's.note', 's.outcome', 's.created_at'])
    .where('s.graduate_id', '=', graduateId)
    .orderBy('s.served_on', 'desc')
    .orderBy('s.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    createdAt: r.created_at,
    service: { id: r.id, graduateId: r.graduate_id, type: r.type, date: r.date, provider: r.provider, caseworkerName: r.caseworker_name, jobId: r.job_id, jobTitle: r.job_title, note: r.note, outcome: r.outcome },
  }));
}

/** Everything on the case file, newest first: notes, automatic fair activity, services and checklist changes. */
export async function caseTimeline(ctx: AppContext, actor: TSessionUser, graduateId: string): Promise<{ items: TTimelineEntry[] }> {
  await loadCaseGraduate(ctx, actor, graduateId, 'edit');
  const [notes, activity, services, history] = [
    await ctx.db
      .selectFrom('case_notes as n')
      .leftJoin('users as u', 'u.id', 'n.author_id')
      .select(['n.id', 'n.at', 'n.title', 'n.body', 'n.is_contact', 'u.name as author_name'])
      .where('n.graduate_id', '=', graduateId)
      .execute(),
    await ctx.db.selectFrom('case_activity').selectAll().where('graduate_id', '=', graduateId).execute(),
    await listServices(ctx, graduateId),
    await checklistHistory(ctx.db, graduateId),
  ];
  const items: TTimelineEntry[] = [
    ...notes.map((n) => ({ type: 'note' as const, id: n.id, at: n.at.toISOString(), title: n.title, body: n.body, isContact: n.is_contact, authorName: n.author_name })),
    ...activity.map((a) => ({ type: 'activity' as const, id: a.id, at: a.at.toISOString(), kind: a.kind as Extract<TTimelineEntry, { type: 'activity' }>['kind'], refId: a.ref_id, summary: a.summary })),
    ...services.map((s) => ({ type: 'service' as const, id: s.service.id, at: s.createdAt.toISOString(), service: s.service })),
    ...history.map((e) => ({ type: 'checklist' as const, id: e.id, at: e.at, event: e })),
  ];
  items.sort((a, b) => b.at.localeCompare(a.at));
  return { items };
}
