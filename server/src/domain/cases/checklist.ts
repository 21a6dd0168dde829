import { randomUUID } from 'node:crypto';
import { AppError, type TCaseFile, type TChecklistEvent, type TChecklistItem, type TCrossItem, type TSessionUser, type TUndoItem } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import type { Database } from '../../db/schema.js';
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';
import { logHardshipRead } from '../registry/hardship.js';
import { activeItems, lastContactSql, loadCaseGraduate } from './case-scope.js';

export function toChecklistItem(row: Selectable<Database['case_checklist_items']>): TChecklistItem {
  return { id: row.id, key: row.key, labelZh: row.label_zh, labelEn: row.label_en, position: row.position, isRetired: row.is_retired };
}

/** A graduate's checklist history, newest first. */
export async function checklistHistory(db: Kysely<Database>, graduateId: string): Promise<TChecklistEvent[]> {
  const rows = await db
    .selectFrom('case_checklist_events as e')
    .innerJoin('case_checklist_items as i', 'i.id', 'e.item_id')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.item_id', 'i.label_zh', 'i.label_en', 'e.action', 'u.name as actor_name', 'e.note', 'e.is_automatic', 'e.source', 'e.at'])
    .where('e.graduate_id', '=', graduateId)
    .orderBy('e.at', 'desc')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    itemId: r.item_id,
    itemLabelZh: r.label_zh,
    itemLabelEn: r.label_en,
    action: r.action,
    actorName: r.actor_name,
    note: r.note,
    isAutomatic: r.is_automatic,
    source: r.source,
    at: r.at.toISOString(),
  }));
}

/** The case file: the graduate's summary, the checklist in use with what is crossed, and (staff) its history. */
export async function getCaseFile(ctx: AppContext, actor: TSessionUser, id: string, meta: RequestMeta): Promise<TCaseFile> {
  const row = await loadCaseGraduate(ctx, actor, id, 'read');
  const summary = await ctx.db
    .selectFrom('graduate_profiles as g')
    .leftJoin('towns as t', 't.id', 'g.hukou_town_id')
    .select(['t.name as town_name', lastContactSql('g').as('last_contact_at')])
    .where('g.id', '=', id)
    .executeTakeFirstOrThrow();
  const items = await activeItems(ctx.db).execute();
  const marks = await ctx.db
    .selectFrom('case_checklist_marks as m')
    .leftJoin('users as u', 'u.id', 'm.crossed_by')
    .select(['m.item_id', 'm.crossed_at', 'u.name as crossed_by', 'm.note', 'm.is_automatic', 'm.source'])
    .where('m.graduate_id', '=', id)
    .execute();
  const markOf = new Map(marks.map((m) => [m.item_id, m]));
  const checklist = items.map((item) => {
    const mark = markOf.get(item.id);
    return {
      item: toChecklistItem(item),
      isCrossed: mark !== undefined,
      crossedAt: mark ? mark.crossed_at.toISOString() : null,
      crossedBy: mark?.crossed_by ?? null,
      note: mark?.note ?? null,
      isAutomatic: mark?.is_automatic ?? false,
      source: mark?.source ?? null,
    };
  });
  const isStaffReader = policy.canEditCaseFile(actor, row);
  const lastContact = summary.last_contact_at === null ? null : new Date(summary.last_contact_at);
  const file: TCaseFile = {
    graduate: {
      id: row.id,
      name: row.name,
      phone: row.phone,
      school: row.school,
      major: row.major,
      hukouTownId: row.hukou_town_id,
      townName: summary.town_name,
      jobIntention: row.job_intention,
      employmentStatus: row.employment_status,
      lastContactAt: lastContact ? lastContact.toISOString() : null,
    },
    checklist,
    progress: { crossed: checklist.filter((c) => c.isCrossed).length, total: checklist.length },
    canEdit: isStaffReader,
  };
  if (policy.canSeeHardship(actor)) {
    file.graduate.isHardship = await ctx.fieldCrypto.openFlag(row.hardship_sealed);
    await logHardshipRead(ctx, actor, [row.id], meta);
  }
  if (isStaffReader) file.history = await checklistHistory(ctx.db, id);
  return file;
}

async function loadActiveItem(ctx: AppContext, itemId: string) {
  const item = await ctx.db.selectFrom('case_checklist_items').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!item) throw AppError.notFound('Checklist item');
  if (item.is_retired) throw AppError.conflict('该销项已停用 / This checklist item is retired');
  return item;
}

/** Crosses an item off by hand: who, when and a note; crossing it again is refused. */
export async function crossChecklistItem(
  ctx: AppContext,
  { actor, graduateId, itemId, input, meta }: { actor: TSessionUser; graduateId: string; itemId: string; input: TCrossItem; meta: RequestMeta },
): Promise<TCaseFile> {
  await loadCaseGraduate(ctx, actor, graduateId, 'edit');
  await loadActiveItem(ctx, itemId);
  const at = ctx.clock();
  const note = input.note || null;
  await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('case_checklist_marks')
      .values({ graduate_id: graduateId, item_id: itemId, crossed_at: at, crossed_by: actor.id, note, is_automatic: false, source: null })
      .onConflict((oc) => oc.columns(['graduate_id', 'item_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) throw AppError.conflict('该项已销 / This item is already crossed off');
    await trx.insertInto('case_checklist_events').values({ id: randomUUID(), graduate_id: graduateId, item_id: itemId, action: 'crossed', actor_id: actor.id, note, at }).execute();
    await appendAudit(trx, { actorId: actor.id, action: 'case.item_crossed', entityType: 'graduate', entityId: graduateId, detail: { itemId }, ip: meta.ip });
  });
  return getCaseFile(ctx, actor, graduateId, meta);
}

/** Undoes a crossing with a reason; the crossing and the undo both stay in the history. */
export async function undoChecklistItem(
  ctx: AppContext,
  { actor, graduateId, itemId, input, meta }: { actor: TSessionUser; graduateId: string; itemId: string; input: TUndoItem; meta: RequestMeta },
): Promise<TCaseFile> {
  await loadCaseGraduate(ctx, actor, graduateId, 'edit');
  await loadActiveItem(ctx, itemId);
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('case_checklist_marks').where('graduate_id', '=', graduateId).where('item_id', '=', itemId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw AppError.conflict('该项尚未销 / This item is not crossed off');
    await trx.insertInto('case_checklist_events').values({ id: randomUUID(), graduate_id: graduateId, item_id: itemId, action: 'undone', actor_id: actor.id, note: input.reason, at: ctx.clock() }).execute();
    await appendAudit(trx, { actorId: actor.id, action: 'case.item_undone', entityType: 'graduate', entityId: graduateId, detail: { itemId }, ip: meta.ip });
  });
  return getCaseFile(ctx, actor, graduateId, meta);
}
