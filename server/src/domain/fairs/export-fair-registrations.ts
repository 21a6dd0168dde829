import { AppError, type TCsvTable, type TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { listRegistrationsForExport } from '../../db/repositories/fairs.js';
import { policy } from '../../policy.js';
import { loadReadableFair } from './get-fair.js';

const DEGREE_LABELS: Record<string, string> = { junior_college: '大专', bachelor: '本科', master: '硕士', doctorate: '博士', other: '其他' };

const SHANGHAI = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment as the district reads it: `2026-06-15 08:00`, Asia/Shanghai. */
export function shanghaiDateTime(at: Date | string): string {
  const parts = Object.fromEntries(SHANGHAI.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

export interface ExportFairOptions {
  actor: TSessionUser;
  fairId: string;
}

/** The fair's registrations as a spreadsheet for its organisers; everyone else is told it does not exist. */
export async function exportFairRegistrations(ctx: AppContext, { actor, fairId }: ExportFairOptions): Promise<TCsvTable> {
  const { fair, hosts } = await loadReadableFair(ctx, actor, fairId);
  if (!policy.canExportFair(actor, fair, hosts.townIds, hosts.regionIds)) throw AppError.notFound('Fair');
  const rows = await listRegistrationsForExport(ctx.db, fair.id);
  return {
    filename: `fair-${fair.id}-registrations.csv`,
    columns: ['姓名', '手机号', '邮箱', '学校', '专业', '学历', '毕业年份', '户籍镇街', '报名时间'],
    rows: rows.map((r) => [
      r.name,
      r.phone,
      r.email,
      r.school,
      r.major,
      r.degree ? (DEGREE_LABELS[r.degree] ?? r.degree) : null,
      r.graduation_year,
      r.hukou_town,
      shanghaiDateTime(r.registered_at),
    ]),
  };
}
