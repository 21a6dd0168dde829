import {
  pageOf,
  ZCaseFileSchema,
  ZCaseItemParamsSchema,
  ZCaseloadItemSchema,
  ZCaseloadQuerySchema,
  ZChecklistItemSchema,
  ZCreateCaseNoteSchema,
  ZCreateChecklistItemSchema,
  ZCreateNoteTemplateSchema,
  ZCreateServiceSchema,
  ZCrossItemSchema,
  ZCsvTableSchema,
  ZIdParamsSchema,
  ZNoServiceItemSchema,
  ZNoServiceQuerySchema,
  ZNoteTemplateSchema,
  ZReorderSchema,
  ZTimelineSchema,
  ZUndoItemSchema,
  ZUpdateChecklistItemSchema,
  ZUpdateNoteTemplateSchema,
  ZWorkloadSchema,
} from '@yunpin/shared';
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../route.js';
import { exportCaseload, exportNoService, listCaseload, listNoService } from '../../domain/cases/caseload.js';
import { crossChecklistItem, getCaseFile, undoChecklistItem } from '../../domain/cases/checklist.js';
import { addCaseNote, caseTimeline, recordService } from '../../domain/cases/notes-and-services.js';
import {
  createChecklistItem,
  createNoteTemplate,
  listChecklistItems,
  listNoteTemplates,
  reorderChecklistItems,
  updateChecklistItem,
  updateNoteTemplate,
} from '../../domain/cases/case-settings.js';
import { caseworkerWorkload, exportWorkload } from '../../domain/cases/workload.js';

const ZCreatedSchema = z.object({ id: z.uuid() });
const TAG = 'cases';

export function caseRoutes(): AnyRoute[] {
  return [
    defineRoute({ method: 'get', path: '/caseload', summary: "The graduates of the caller's towns, with checklist progress and last contact", tag: TAG, auth: 'user', query: ZCaseloadQuerySchema, response: pageOf(ZCaseloadItemSchema), handler: ({ ctx, actor, query, meta }) => listCaseload(ctx, actor, query, meta) }),
    defineRoute({ method: 'get', path: '/caseload.csv', summary: 'The caseload as CSV, with the same filters', tag: TAG, auth: 'user', query: ZCaseloadQuerySchema, response: ZCsvTableSchema, produces: 'text/csv', handler: ({ ctx, actor, query, meta }) => exportCaseload(ctx, actor, query, meta) }),
    defineRoute({ method: 'get', path: '/caseload/no-service', summary: 'Unemployed graduates who have had no service yet, by town', tag: TAG, auth: 'user', query: ZNoServiceQuerySchema, response: pageOf(ZNoServiceItemSchema), handler: ({ ctx, actor, query }) => listNoService(ctx, actor, query) }),
    defineRoute({ method: 'get', path: '/caseload/no-service.csv', summary: 'The no-service list as CSV', tag: TAG, auth: 'user', query: ZNoServiceQuerySchema, response: ZCsvTableSchema, produces: 'text/csv', handler: ({ ctx, actor, query }) => exportNoService(ctx, actor, query) }),
    defineRoute({ method: 'get', path: '/caseworkers/workload', summary: "Caseworkers' workload in the organiser's scope", tag: TAG, auth: 'user', response: ZWorkloadSchema, handler: ({ ctx, actor }) => caseworkerWorkload(ctx, actor) }),
    defineRoute({ method: 'get', path: '/caseworkers/workload.csv', summary: "Caseworkers' workload as CSV", tag: TAG, auth: 'user', response: ZCsvTableSchema, produces: 'text/csv', handler: ({ ctx, actor }) => exportWorkload(ctx, actor) }),
    defineRoute({ method: 'get', path: '/cases/:id', summary: "A graduate's case file: checklist, progress and its history", tag: TAG, auth: 'user', params: ZIdParamsSchema, response: ZCaseFileSchema, handler: ({ ctx, actor, params, meta }) => getCaseFile(ctx, actor, params.id, meta) }),
    defineRoute({ method: 'get', path: '/cases/:id/timeline', summary: 'Case notes, automatic fair activity, services and checklist changes, newest first', tag: TAG, auth: 'user', params: ZIdParamsSchema, response: ZTimelineSchema, handler: ({ ctx, actor, params }) => caseTimeline(ctx, actor, params.id) }),
    defineRoute({
      method: 'post',
      path: '/cases/:id/checklist/:itemId/cross',
      summary: 'Cross a checklist item off, with a note',
      tag: TAG,
      auth: 'user',
      params: ZCaseItemParamsSchema,
      body: ZCrossItemSchema,
      response: ZCaseFileSchema,
      handler: ({ ctx, actor, params, body, meta }) => crossChecklistItem(ctx, { actor, graduateId: params.id, itemId: params.itemId, input: body ?? {}, meta }),
    }),
    defineRoute({
      method: 'post',
      path: '/cases/:id/checklist/:itemId/undo',
      summary: 'Undo a crossing, with a reason (kept in the history)',
      tag: TAG,
      auth: 'user',
      params: ZCaseItemParamsSchema,
      body: ZUndoItemSchema,
      response: ZCaseFileSchema,
      handler: ({ ctx, actor, params, body, meta }) => undoChecklistItem(ctx, { actor, graduateId: params.id, itemId: params.itemId, input: body, meta }),
    }),
    defineRoute({ method: 'post', path: '/cases/:id/notes', summary: 'Write a case note, usually from a template', tag: TAG, auth: 'user', status: 201, params: ZIdParamsSchema, body: ZCreateCaseNoteSchema, response: ZCreatedSchema, handler: ({ ctx, actor, params, body, meta }) => addCaseNote(ctx, { actor, graduateId: params.id, input: body, meta }) }),
    defineRoute({ method: 'post', path: '/cases/:id/services', summary: 'Record a service given to the graduate', tag: TAG, auth: 'user', status: 201, params: ZIdParamsSchema, body: ZCreateServiceSchema, response: ZCreatedSchema, handler: ({ ctx, actor, params, body, meta }) => recordService(ctx, { actor, graduateId: params.id, input: body, meta }) }),
    defineRoute({ method: 'get', path: '/case-settings/checklist-items', summary: 'Checklist items, retired ones last', tag: TAG, auth: 'user', response: z.object({ items: z.array(ZChecklistItemSchema) }), handler: ({ ctx, actor }) => listChecklistItems(ctx, actor) }),
    defineRoute({ method: 'post', path: '/case-settings/checklist-items', summary: 'Add a checklist item (it appears on every file)', tag: TAG, auth: 'user', status: 201, body: ZCreateChecklistItemSchema, response: ZChecklistItemSchema, handler: ({ ctx, actor, body, meta }) => createChecklistItem(ctx, { actor, input: body, meta }) }),
    defineRoute({ method: 'put', path: '/case-settings/checklist-items/order', summary: 'Reorder the checklist items', tag: TAG, auth: 'user', body: ZReorderSchema, response: z.object({ items: z.array(ZChecklistItemSchema) }), handler: ({ ctx, actor, body, meta }) => reorderChecklistItems(ctx, { actor, input: body, meta }) }),
    defineRoute({ method: 'patch', path: '/case-settings/checklist-items/:id', summary: 'Rename, retire or restore a checklist item', tag: TAG, auth: 'user', params: ZIdParamsSchema, body: ZUpdateChecklistItemSchema, response: ZChecklistItemSchema, handler: ({ ctx, actor, params, body, meta }) => updateChecklistItem(ctx, { actor, id: params.id, input: body, meta }) }),
    defineRoute({ method: 'get', path: '/case-settings/note-templates', summary: 'Case note templates, retired ones last', tag: TAG, auth: 'user', response: z.object({ items: z.array(ZNoteTemplateSchema) }), handler: ({ ctx, actor }) => listNoteTemplates(ctx, actor) }),
    defineRoute({ method: 'post', path: '/case-settings/note-templates', summary: 'Add a case note template', tag: TAG, auth: 'user', status: 201, body: ZCreateNoteTemplateSchema, response: ZNoteTemplateSchema, handler: ({ ctx, actor, body, meta }) => createNoteTemplate(ctx, { actor, input: body, meta }) }),
    defineRoute({ method: 'patch', path: '/case-settings/note-templates/:id', summary: 'Edit, retire or restore a case note template', tag: TAG, auth: 'user', params: ZIdParamsSchema, body: ZUpdateNoteTemplateSchema, response: ZNoteTemplateSchema, handler: ({ ctx, actor, params, body, meta }) => updateNoteTemplate(ctx, { actor, id: params.id, input: body, meta }) }),
  ];
}
