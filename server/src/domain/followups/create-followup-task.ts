import { randomUUID } from 'node:crypto';
import type { TFollowUpDueJob } from '@yunpin/shared';
import type { AppContext } from '../../context.js';

/**
 * A follow-up falls due: its task appears, for the caseworkers of the graduate's town and both parties.
 * The job may run twice (a retry, two server nodes); the task is created once.
 */
export async function createFollowUpTask(ctx: AppContext, job: TFollowUpDueJob): Promise<void> {
  const placement = await ctx.db.selectFrom('placements').select('id').where('id', '=', job.placementId).executeTakeFirst();
  if (!placement) return; // the placement is gone with its graduate's file
  await ctx.db
    .insertInto('followups')
    .values({ id: randomUUID(), placement_id: placement.id, month: job.month, due_at: ctx.clock(), created_at: ctx.clock() })
    .onConflict((oc) => oc.columns(['placement_id', 'month']).doNothing())
    .execute();
}
