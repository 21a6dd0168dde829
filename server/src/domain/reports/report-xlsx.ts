import ExcelJS from 'exceljs';
import { REPORT_METRICS, type TReportFigures, type TSessionUser, type TSpreadsheetFile } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { getWeeklyReport } from './weekly-reports.js';

const SCOPE_LABEL = { district: '全区 District', region: '片区 Region', town: '镇/街道 Town' } as const;
const GROUP_LABEL = { all: '全部 All', local: '本区户籍 Registered local', low_income: '困难家庭 Low-income' } as const;
const METRIC_LABEL: Record<keyof TReportFigures, string> = {
  registered: '登记 Registered',
  contacted: '已联系 Contacted',
  served: '已服务 Served',
  employed: '已就业 Employed',
  subsidiesPaid: '补贴发放(笔) Subsidies paid',
  subsidiesPaidYuan: '补贴发放(元) Subsidies paid (CNY)',
};

/** The report as a workbook: one sheet of figures with each figure's change against the previous week beside it. */
export async function weeklyReportXlsx(ctx: AppContext, actor: TSessionUser, id: string): Promise<TSpreadsheetFile> {
  const report = await getWeeklyReport(ctx, actor, id);
  const workbook = new ExcelJS.Workbook();
  workbook.created = ctx.clock();
  const sheet = workbook.addWorksheet(`周报 ${report.weekStart}`);
  sheet.addRow([`毕业生就业周报 Weekly graduate employment report — ${report.weekStart}`]);
  sheet.addRow([`对比 Compared with: ${report.previousWeekStart ?? '—'}`]);
  sheet.addRow(['范围 Scope', '名称 Name', '人群 Group', ...REPORT_METRICS.flatMap((m) => [METRIC_LABEL[m], `${METRIC_LABEL[m]} 周变化 Change`])]).font = { bold: true };
  for (const r of report.rows) {
    sheet.addRow([SCOPE_LABEL[r.scope], r.scopeName, GROUP_LABEL[r.group], ...REPORT_METRICS.flatMap((m) => [r.figures[m], r.change ? r.change[m] : null])]);
  }
  sheet.getColumn(2).width = 24;
  sheet.getColumn(3).width = 22;
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return { filename: `weekly-report-${report.weekStart}.xlsx`, bytes };
}
