import { sql } from 'kysely';
import type { TCsvTable, TFollowUp, TFollowUpDetail, TFollowUpListQuery, TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { loadReadableFollowUp, scopedFollowUps, toFollowUp, toPlacement } from './followup-views.js';

const LIST_LIMIT = 2000;

/** The follow-up tasks the actor may see, due first. */
export async function listFollowUps(ctx: AppContext, actor: TSessionUser, query: TFollowUpListQuery): Promise<TFollowUp[]> {
  let q = scopedFollowUps(ctx.db, actor);
  if (query.status) q = q.where('f.status', '=', query.status);
  const rows = await q.orderBy('f.due_at', 'desc').orderBy('f.id').limit(LIST_LIMIT).execute();
  return rows.map(toFollowUp);
}

/** One task with the graduate's placement history, newest first. */
export async function getFollowUp(ctx: AppContext, actor: TSessionUser, id: string): Promise<TFollowUpDetail> {
  const view = await loadReadableFollowUp(ctx, actor, id);
  const history = await ctx.db
    .selectFrom('placements')
    .select(['id', 'employer_name', 'organisation_id', 'position', sql<string>`to_char(start_date, 'YYYY-MM-DD')`.as('start_date'), 'offer_id', 'ended_at'])
    .where('graduate_id', '=', view.graduate_id)
    .orderBy('created_at', 'desc')
    .execute();
  return { ...toFollowUp(view), history: history.map(toPlacement) };
}

const answerText = (a: TFollowUp['graduateAnswer']) => (a ? `${a.stillEmployed ? '在岗' : '离职'} / ${a.samePosition ? '原岗' : '换岗'} / ${a.salaryBand}` : null);

export async function exportFollowUps(ctx: AppContext, actor: TSessionUser, query: TFollowUpListQuery): Promise<TCsvTable> {
  const items = await listFollowUps(ctx, actor, query);
  return {
    filename: 'follow-ups.csv',
    columns: ['毕业生 Graduate', '镇 Town', '单位 Employer', '职位 Position', '入职日期 Start date', '回访(月) Month', '到期 Due', '状态 Status', '毕业生答复 Graduate answer', '单位答复 Employer answer', '不一致 Mismatches'],
    rows: items.map((f) => [f.graduateName, f.townName, f.placement.employerName, f.placement.position, f.placement.startDate, f.month, f.dueAt, f.status, answerText(f.graduateAnswer), answerText(f.employerAnswer), f.mismatches.join('; ')]),
  };
}
