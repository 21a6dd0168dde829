import { z } from 'zod';
import { AppError, ZCsvTableSchema, ZIdParamsSchema, ZSpreadsheetFileSchema, ZWeeklyReportSchema, ZWeeklyReportSummarySchema } from '@yunpin/shared';
import { defineRoute, type AnyRoute } from '../route.js';
import { exportWeeklyReports, getWeeklyReport, listWeeklyReports } from '../../domain/reports/weekly-reports.js';
import { weeklyReportXlsx } from '../../domain/reports/report-xlsx.js';
import { produceWeeklyReport } from '../../domain/reports/produce-weekly-report.js';
import { policy } from '../../policy.js';

export function reportRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/reports/weekly',
      summary: 'Stored weekly reports, newest first (office)',
      tag: 'reports',
      auth: 'user',
      response: z.object({ items: z.array(ZWeeklyReportSummarySchema) }),
      handler: async ({ ctx, actor }) => ({ items: await listWeeklyReports(ctx, actor) }),
    }),
    defineRoute({
      method: 'get',
      path: '/reports/weekly.csv',
      summary: 'Export the list of weekly reports',
      tag: 'reports',
      auth: 'user',
      response: ZCsvTableSchema,
      produces: 'text/csv',
      handler: ({ ctx, actor }) => exportWeeklyReports(ctx, actor),
    }),
    defineRoute({
      method: 'post',
      path: '/reports/weekly',
      summary: 'Produce the report for the last full week now (organisers); a week has one report',
      tag: 'reports',
      auth: 'user',
      response: ZWeeklyReportSchema,
      handler: async ({ ctx, actor }) => {
        if (!policy.canProduceWeeklyReport(actor)) throw AppError.forbidden('Only organisers produce a report on demand');
        const { id } = await produceWeeklyReport(ctx);
        return getWeeklyReport(ctx, actor, id);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/reports/weekly/:id',
      summary: 'One weekly report with the change against the previous week',
      tag: 'reports',
      auth: 'user',
      params: ZIdParamsSchema,
      response: ZWeeklyReportSchema,
      handler: ({ ctx, actor, params }) => getWeeklyReport(ctx, actor, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/reports/weekly/:id/report.xlsx',
      summary: 'Download one weekly report as a spreadsheet',
      tag: 'reports',
      auth: 'user',
      params: ZIdParamsSchema,
      response: ZSpreadsheetFileSchema,
      produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      handler: ({ ctx, actor, params }) => weeklyReportXlsx(ctx, actor, params.id),
    }),
  ];
}
