import { z } from 'zod';
import { ZIdSchema } from './common.js';

export const ZAuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actorId: ZIdSchema.nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntrySchema>;

export const ZAuditListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
});
export type TAuditListQuery = z.infer<typeof ZAuditListQuerySchema>;
