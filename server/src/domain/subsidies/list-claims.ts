import type { TCsvTable, TSessionUser, TSubsidyClaim, TSubsidyList, TSubsidyListQuery } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { ageingCutoff, loadReadableClaim, scopedClaims, toClaim } from './claim-views.js';

const LIST_LIMIT = 2000;

/** The claims the actor may see, newest first; `ageing` keeps the approved ones unpaid past the limit. */
export async function listClaims(ctx: AppContext, actor: TSessionUser, query: TSubsidyListQuery): Promise<TSubsidyList> {
  const now = ctx.clock();
  let q = scopedClaims(ctx.db, actor);
  if (query.status) q = q.where('c.status', '=', query.status);
  if (query.kind) q = q.where('c.kind', '=', query.kind);
  if (query.ageing === true) q = q.where('c.status', '=', 'approved').where('c.approved_at', '<', ageingCutoff(now));
  const rows = await q.orderBy('c.created_at', 'desc').orderBy('c.id').limit(LIST_LIMIT).execute();
  const items = rows.map((r) => toClaim(r, now));
  return { items, ageingCount: items.filter((c) => c.isAgeing).length };
}

export async function getClaim(ctx: AppContext, actor: TSessionUser, id: string): Promise<TSubsidyClaim> {
  return toClaim(await loadReadableClaim(ctx, actor, id), ctx.clock());
}

export const KIND_LABEL = { hiring: '吸纳就业补贴 Hiring', job_search: '求职补贴 Job search', internship: '见习补贴 Internship' } as const;
const STATUS_LABEL = { submitted: '已申请 Submitted', eligible: '审核通过 Eligible', ineligible: '不符合 Ineligible', approved: '已批准 Approved', rejected: '已驳回 Rejected', paid: '已发放 Paid' } as const;

export async function exportClaims(ctx: AppContext, actor: TSessionUser, query: TSubsidyListQuery): Promise<TCsvTable> {
  const { items } = await listClaims(ctx, actor, query);
  return {
    filename: 'subsidy-claims.csv',
    columns: ['类型 Kind', '状态 Status', '毕业生 Graduate', '镇 Town', '单位 Employer', '职位 Position', '入职日期 Start date', '金额(元) Amount (CNY)', '合同 SHA-256', '申请 Claimed', '批准 Approved', '发放 Paid', '付款凭证 Payment reference', '超期 Ageing', '原因 Reason'],
    rows: items.map((c) => [
      KIND_LABEL[c.kind],
      STATUS_LABEL[c.status],
      c.graduateName,
      c.townName,
      c.organisationName,
      c.position,
      c.startDate,
      c.amountYuan,
      c.contractSha256,
      c.createdAt,
      c.approvedAt,
      c.paidAt,
      c.payment?.reference ?? null,
      c.isAgeing ? '是 Yes' : '',
      c.reason ?? c.eligibility?.reasons.join('; ') ?? null,
    ]),
  };
}
