import ExcelJS from 'exceljs';
import { AppError, makeNationalId, type TSessionUser, type TSpreadsheetFile } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { policy } from '../../policy.js';
import { headerOf, IMPORT_COLUMNS } from './import-columns.js';

const NOTES: Record<string, string> = {
  name: '必填 Required',
  nationalId: '必填，18 位，末位可为 X；设为文本格式 Required, 18 characters, stored as text',
  phone: '11 位手机号 11-digit mobile',
  degree: '专科 / 本科 / 硕士 / 博士 / 其他',
  graduationDate: '如 2026-06 或 2026-06-30 e.g. 2026-06',
  hukouTown: '镇或街道名称，如 泗泾镇 Town name',
  registeredLocal: '是 / 否 Yes / No',
  employmentStatus: '未就业 / 已就业 / 升学 / 暂不就业',
};

/** The import template: a header row in Chinese and English, an example row, and notes per column. */
export async function importTemplate(ctx: AppContext, actor: TSessionUser): Promise<TSpreadsheetFile> {
  if (!policy.canImportRegistry(actor)) throw AppError.notFound('Route');
  const town = await ctx.db.selectFrom('towns').select('name').where('is_dev_zone', '=', false).orderBy('name').executeTakeFirst();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('毕业生名册 Graduates');
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: headerOf(c), key: c.key, width: c.key === 'nationalId' ? 24 : 16, style: c.key === 'nationalId' ? { numFmt: '@' } : {} }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow({
    name: '张三',
    nationalId: makeNationalId('310117', '20030615', 21),
    phone: '13800138000',
    email: 'zhangsan@example.com',
    school: '上海大学',
    major: '软件工程',
    degree: '本科',
    graduationDate: '2026-06',
    hukouTown: town?.name ?? '泗泾镇',
    registeredLocal: '是',
    jobIntention: '软件开发',
    trainingNeeds: '面试技巧',
    employmentStatus: '未就业',
  });
  const notes = workbook.addWorksheet('填写说明 Notes');
  notes.columns = [{ header: '列 Column', width: 28 }, { header: '说明 Notes', width: 60 }];
  for (const c of IMPORT_COLUMNS) notes.addRow([headerOf(c), NOTES[c.key] ?? '']);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return { filename: '毕业生名册导入模板.xlsx', bytes };
}
