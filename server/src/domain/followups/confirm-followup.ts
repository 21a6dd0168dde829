import { randomUUID } from 'node:crypto';
import { AppError, type TConfirmFollowUp, type TFollowUpAnswer, type TFollowUpDetail, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';
import { recordCaseActivity } from '../cases/activity.js';
import { loadReadableFollowUp } from './followup-views.js';
import { getFollowUp } from './list-followups.js';

const QUESTIONS = ['stillEmployed', 'samePosition', 'salaryBand'] as const;
const QUESTION_TEXT: Record<string, string> = { stillEmployed: '是否在岗 still employed', samePosition: '是否原岗 same position', salaryBand: '薪资区间 salary band' };

/** The questions two answers disagree on (authenticity). */
export function answerMismatches(graduate: TFollowUpAnswer, employer: TFollowUpAnswer): string[] {
  return QUESTIONS.filter((q) => graduate[q] !== employer[q]);
}

/**
 * The graduate or the employer answers a follow-up (again, until both have). Once both have, the task is
 * confirmed, or flagged as a mismatch with the questions they disagree on, and the outcome is written
 * into the graduate's case file (a confirmation crosses "placement verified" the first time). A
 * graduate who changed job records the new one: the placement ends and a new one follows it in the history.
 */
export async function confirmFollowUp(ctx: AppContext, { actor, id, input, meta }: { actor: TSessionUser; id: string; input: TConfirmFollowUp; meta: RequestMeta }): Promise<TFollowUpDetail> {
  const view = await loadReadableFollowUp(ctx, actor, id);
  const side = policy.followUpSide(actor, view);
  if (!side) throw AppError.forbidden('Only the graduate and the employer answer a follow-up');
  if (input.newJob && side !== 'graduate') throw new AppError('validation_failed', 'Only the graduate records a new job', { details: [{ path: 'body.newJob', message: 'Graduate only' }] });
  if (input.newJob && input.stillEmployed && input.samePosition) throw new AppError('validation_failed', 'A new job means the graduate left this position', { details: [{ path: 'body.samePosition', message: 'Must be false with a new job' }] });
  const answer: TFollowUpAnswer = { stillEmployed: input.stillEmployed, samePosition: input.samePosition, salaryBand: input.salaryBand };
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    // Both sides may answer at the same moment: the row is locked, so the later one sees the earlier answer.
    const current = await trx.selectFrom('followups').select(['graduate_answer', 'employer_answer']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    const other = side === 'graduate' ? current.employer_answer : current.graduate_answer;
    const mismatches = other ? answerMismatches(side === 'graduate' ? answer : other, side === 'graduate' ? other : answer) : [];
    const status = other ? (mismatches.length ? 'mismatch' : 'confirmed') : 'open';
    await trx
      .updateTable('followups')
      .set({
        ...(side === 'graduate' ? { graduate_answer: JSON.stringify(answer), graduate_answered_at: now } : { employer_answer: JSON.stringify(answer), employer_answered_at: now }),
        status,
        mismatches: JSON.stringify(mismatches),
      })
      .where('id', '=', id)
      .execute();
    if (input.newJob) {
      await trx.updateTable('placements').set({ ended_at: now }).where('id', '=', view.placement_id).where('ended_at', 'is', null).execute();
      await trx
        .insertInto('placements')
        .values({ id: randomUUID(), graduate_id: view.graduate_id, organisation_id: null, employer_name: input.newJob.employerName, position: input.newJob.position, start_date: input.newJob.startDate, previous_placement_id: view.placement_id, created_at: now })
        .execute();
    }
    if (status !== 'open') {
      const about = `${view.employer_name} ${view.position}：${view.month}个月回访`;
      await recordCaseActivity(trx, { graduateId: view.graduate_id }, {
        kind: status === 'confirmed' ? 'followup_confirmed' : 'followup_mismatch',
        refId: id,
        summary: status === 'confirmed' ? `${about}双方一致 ${view.month}-month follow-up confirmed by both sides` : `${about}答复不一致 ${view.month}-month follow-up answers differ: ${mismatches.map((q) => QUESTION_TEXT[q] ?? q).join('、')}`,
        at: now,
      });
    }
    await appendAudit(trx, { actorId: actor.id, action: 'followup.answered', entityType: 'followup', entityId: id, detail: { side, status, mismatches, jobChanged: input.newJob !== undefined }, ip: meta.ip });
  });
  return getFollowUp(ctx, actor, id);
}
