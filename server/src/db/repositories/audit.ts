import type { Kysely } from 'kysely';
import type { TAuditEntry, TAuditListQuery, TPage } from '@yunpin/shared';
import type { AuditRow, Database } from '../schema.js';
import { paginate } from '../paginate.js';

export interface AuditEvent {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

export function toAuditEntry(row: AuditRow): TAuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    detail: row.detail,
    ip: row.ip,
  };
}

/** Appends one entry; the table refuses updates and deletes. */
export async function appendAudit(db: Kysely<Database>, e: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: e.actorId,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      detail: JSON.stringify(e.detail ?? {}),
      ip: e.ip ?? null,
    })
    .execute();
}

export function listAudit(db: Kysely<Database>, query: TAuditListQuery): Promise<TPage<AuditRow>> {
  let q = db.selectFrom('audit_log');
  if (query.entityType) q = q.where('entity_type', '=', query.entityType);
  if (query.entityId) q = q.where('entity_id', '=', query.entityId);
  return paginate(q, query, (b) => b.selectAll().orderBy('id', 'desc'));
}
