import { z } from 'zod';

export const ZReportGroupSchema = z.enum(['all', 'local', 'low_income']);
export type TReportGroup = z.infer<typeof ZReportGroupSchema>;

export const ZReportFiguresSchema = z.object({
  registered: z.number().int(),
  contacted: z.number().int(),
  served: z.number().int(),
  employed: z.number().int(),
  subsidiesPaid: z.number().int(),
  subsidiesPaidYuan: z.number().int(),
});
export type TReportFigures = z.infer<typeof ZReportFiguresSchema>;
export const REPORT_METRICS = ['registered', 'contacted', 'served', 'employed', 'subsidiesPaid', 'subsidiesPaidYuan'] as const;

export const ZWeeklyReportRowSchema = z.object({
  scope: z.enum(['town', 'region', 'district']),
  scopeId: z.uuid().nullable(),
  scopeName: z.string(),
  group: ZReportGroupSchema,
  figures: ZReportFiguresSchema,
  /** The change against the same row of the previous week's report; null when there is none. */
  change: ZReportFiguresSchema.nullable(),
});
export type TWeeklyReportRow = z.infer<typeof ZWeeklyReportRowSchema>;

export const ZWeeklyReportSummarySchema = z.object({
  id: z.uuid(),
  /** The Monday (Asia/Shanghai) the week starts on. */
  weekStart: z.iso.date(),
  generatedAt: z.iso.datetime(),
});
export type TWeeklyReportSummary = z.infer<typeof ZWeeklyReportSummarySchema>;

export const ZWeeklyReportSchema = ZWeeklyReportSummarySchema.extend({
  previousWeekStart: z.iso.date().nullable(),
  rows: z.array(ZWeeklyReportRowSchema),
});
export type TWeeklyReport = z.infer<typeof ZWeeklyReportSchema>;
