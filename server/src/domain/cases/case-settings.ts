import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import {
  AppError,
  type TChecklistItem,
  type TCreateChecklistItem,
  type TCreateNoteTemplate,
  type TNoteTemplate,
  type TReorder,
  type TSessionUser,
  type TUpdateChecklistItem,
  type TUpdateNoteTemplate,
} from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import type { CaseNoteTemplatesTable } from '../../db/schema.js';
import type { Selectable } from 'kysely';
import { appendAudit } from '../../db/repositories/audit.js';
import { isStaff, policy } from '../../policy.js';
import { toChecklistItem } from './checklist.js';

function requireSettings(actor: TSessionUser): void {
  if (!isStaff(actor)) throw AppError.notFound('Route');
  if (!policy.canManageCaseSettings(actor)) throw AppError.forbidden('Checklist items and note templates are set by district organisers');
}

function requireChanges(input: object): void {
  if (Object.values(input).every((v) => v === undefined)) {
    throw new AppError('validation_failed', 'Nothing to change', { details: [{ path: 'body', message: 'give at least one field' }] });
  }
}

function toNoteTemplate(row: Selectable<CaseNoteTemplatesTable>): TNoteTemplate {
  return { id: row.id, title: row.title, body: row.body, isContact: row.is_contact, position: row.position, isRetired: row.is_retired };
}

/** Every checklist item, retired ones last; office staff read them. */
export async function listChecklistItems(ctx: AppContext, actor: TSessionUser): Promise<{ items: TChecklistItem[] }> {
  if (!isStaff(actor)) throw AppError.notFound('Route');
  const rows = await ctx.db.selectFrom('case_checklist_items').selectAll().orderBy('is_retired').orderBy('position').orderBy('created_at').execute();
  return { items: rows.map(toChecklistItem) };
}

/** A new item goes last and appears on every graduate's checklist at once. */
export async function createChecklistItem(ctx: AppContext, { actor, input, meta }: { actor: TSessionUser; input: TCreateChecklistItem; meta: RequestMeta }): Promise<TChecklistItem> {
  requireSettings(actor);
  const id = randomUUID();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('case_checklist_items')
      .values({ id, key: null, label_zh: input.labelZh, label_en: input.labelEn, position: sql<number>`(select coalesce(max(position), 0) + 1 from case_checklist_items)` })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actorId: actor.id, action: 'case.item_created', entityType: 'case_checklist_item', entityId: id, detail: { labelZh: input.labelZh }, ip: meta.ip });
    return inserted;
  });
  return toChecklistItem(row);
}

/** Renames, retires or brings back an item. A retired item stops counting; its history stays. */
export async function updateChecklistItem(ctx: AppContext, { actor, id, input, meta }: { actor: TSessionUser; id: string; input: TUpdateChecklistItem; meta: RequestMeta }): Promise<TChecklistItem> {
  requireSettings(actor);
  requireChanges(input);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('case_checklist_items')
      .set({
        ...(input.labelZh !== undefined ? { label_zh: input.labelZh } : {}),
        ...(input.labelEn !== undefined ? { label_en: input.labelEn } : {}),
        ...(input.isRetired !== undefined ? { is_retired: input.isRetired } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw AppError.notFound('Checklist item');
    await appendAudit(trx, { actorId: actor.id, action: 'case.item_updated', entityType: 'case_checklist_item', entityId: id, detail: { fields: Object.keys(input) }, ip: meta.ip });
    return updated;
  });
  return toChecklistItem(row);
}

/** Puts the items in the given order; the list must name every item exactly once. */
export async function reorderChecklistItems(ctx: AppContext, { actor, input, meta }: { actor: TSessionUser; input: TReorder; meta: RequestMeta }): Promise<{ items: TChecklistItem[] }> {
  requireSettings(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('case_checklist_items').select('id').execute();
    const given = new Set(input.ids);
    if (given.size !== input.ids.length || existing.length !== given.size || existing.some((r) => !given.has(r.id))) {
      throw new AppError('validation_failed', 'Name every checklist item exactly once', { details: [{ path: 'body.ids', message: 'must list every item once' }] });
    }
    for (const [index, itemId] of input.ids.entries()) {
      await trx.updateTable('case_checklist_items').set({ position: index + 1 }).where('id', '=', itemId).execute();
    }
    await appendAudit(trx, { actorId: actor.id, action: 'case.items_reordered', entityType: 'case_checklist_item', entityId: null, detail: { ids: input.ids }, ip: meta.ip });
  });
  return listChecklistItems(ctx, actor);
}

/** Note templates, retired ones last; office staff pick from the ones in use. */
export async function listNoteTemplates(ctx: AppContext, actor: TSessionUser): Promise<{ items: TNoteTemplate[] }> {
  if (!isStaff(actor)) throw AppError.notFound('Route');
  const rows = await ctx.db.selectFrom('case_note_templates').selectAll().orderBy('is_retired').orderBy('position').orderBy('created_at').execute();
  return { items: rows.map(toNoteTemplate) };
}

export async function createNoteTemplate(ctx: AppContext, { actor, input, meta }: { actor: TSessionUser; input: TCreateNoteTemplate; meta: RequestMeta }): Promise<TNoteTemplate> {
  requireSettings(actor);
  const id = randomUUID();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('case_note_templates')
      .values({ id, title: input.title, body: input.body, is_contact: input.isContact, position: sql<number>`(select coalesce(max(position), 0) + 1 from case_note_templates)` })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actorId: actor.id, action: 'case.template_created', entityType: 'case_note_template', entityId: id, detail: { title: input.title }, ip: meta.ip });
    return inserted;
  });
  return toNoteTemplate(row);
}

export async function updateNoteTemplate(ctx: AppContext, { actor, id, input, meta }: { actor: TSessionUser; id: string; input: TUpdateNoteTemplate; meta: RequestMeta }): Promise<TNoteTemplate> {
  requireSettings(actor);
  requireChanges(input);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('case_note_templates')
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
        ...(input.isContact !== undefined ? { is_contact: input.isContact } : {}),
        ...(input.isRetired !== undefined ? { is_retired: input.isRetired } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw AppError.notFound('Note template');
    await appendAudit(trx, { actorId: actor.id, action: 'case.template_updated', entityType: 'case_note_template', entityId: id, detail: { fields: Object.keys(input) }, ip: meta.ip });
    return updated;
  });
  return toNoteTemplate(row);
}
