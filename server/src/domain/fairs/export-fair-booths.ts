import { AppError, type TCsvTable } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { listBoothsForExport } from '../../db/repositories/booths.js';
import { policy } from '../../policy.js';
import { loadReadableFair } from './get-fair.js';
import { shanghaiDateTime, type ExportFairOptions } from './export-fair-registrations.js';

const STATUS_LABELS = { applied: '待审核', approved: '已通过', rejected: '未通过' } as const;

/** Every booth application of the fair as a spreadsheet for its organisers; everyone else is told it does not exist. */
export async function exportFairBooths(ctx: AppContext, { actor, fairId }: ExportFairOptions): Promise<TCsvTable> {
  const { fair, hosts } = await loadReadableFair(ctx, actor, fairId);
  if (!policy.canExportFair(actor, fair, hosts.townIds, hosts.regionIds)) throw AppError.notFound('Fair');
  const rows = await listBoothsForExport(ctx.db, fair.id);
  return {
    filename: `fair-${fair.id}-booths.csv`,
    columns: ['企业名称', '统一社会信用代码', '行业', '所在镇街', '审核状态', '岗位', '招聘人数', '展位代表', '审核意见', '申请时间'],
    rows: rows.map((r) => [
      r.organisation_name,
      r.credit_code,
      r.industry,
      r.town_name,
      STATUS_LABELS[r.status],
      r.jobs.map((j) => j.title).join('、'),
      r.jobs.reduce((sum, j) => sum + (j.headcount ?? 0), 0),
      r.representatives,
      r.review_reason,
      shanghaiDateTime(r.created_at),
    ]),
  };
}
