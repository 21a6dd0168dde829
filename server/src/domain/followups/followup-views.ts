import { sql, type Kysely } from 'kysely';
import { AppError, type TFollowUp, type TPlacement, type TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/schema.js';
import { policy, townScope } from '../../policy.js';

/** A follow-up task with its placement, its graduate and town. */
export function followUpViews(db: Kysely<Database>) {
  return db
    .selectFrom('followups as f')
    .innerJoin('placements as p', 'p.id', 'f.placement_id')
    .innerJoin('graduate_profiles as g', 'g.id', 'p.graduate_id')
    .leftJoin('towns as t', 't.id', 'g.hukou_town_id')
    .selectAll('f')
    .select([
      'p.graduate_id',
      'p.organisation_id',
      'p.employer_name',
      'p.position',
      sql<string>`to_char(p.start_date, 'YYYY-MM-DD')`.as('start_date'),
      'p.offer_id',
      'p.ended_at',
      'g.name as graduate_name',
      'g.user_id as graduate_user_id',
      'g.hukou_town_id',
      't.name as town_name',
    ]);
}

export type FollowUpView = Awaited<ReturnType<ReturnType<typeof followUpViews>['executeTakeFirstOrThrow']>>;

/** Tasks the actor may see: the office's towns, the employer's placements, the graduate's own. */
export function scopedFollowUps(db: Kysely<Database>, actor: TSessionUser) {
  const q = followUpViews(db);
  if (actor.role === 'graduate') return q.where('g.user_id', '=', actor.id);
  if (actor.role === 'recruiter' || actor.role === 'employer_admin') return q.where('p.organisation_id', '=', actor.organisationId ?? '00000000-0000-0000-0000-000000000000');
  const scope = townScope(actor);
  if (scope === null) return q;
  return scope.length ? q.where('g.hukou_town_id', 'in', scope) : q.where(sql<boolean>`false`);
}

export function toPlacement(p: { id: string; employer_name: string; organisation_id: string | null; position: string; start_date: string; offer_id: string | null; ended_at: Date | null }): TPlacement {
  return { id: p.id, employerName: p.employer_name, organisationId: p.organisation_id, position: p.position, startDate: p.start_date, offerId: p.offer_id, endedAt: p.ended_at?.toISOString() ?? null };
}

export function toFollowUp(v: FollowUpView): TFollowUp {
  return {
    id: v.id,
    month: v.month,
    dueAt: v.due_at.toISOString(),
    status: v.status,
    graduateId: v.graduate_id,
    graduateName: v.graduate_name,
    townName: v.town_name,
    placement: toPlacement({ ...v, id: v.placement_id }),
    graduateAnswer: v.graduate_answer,
    employerAnswer: v.employer_answer,
    mismatches: v.mismatches,
    createdAt: v.created_at.toISOString(),
  };
}

export async function loadReadableFollowUp(ctx: AppContext, actor: TSessionUser, id: string): Promise<FollowUpView> {
  const view = await followUpViews(ctx.db).where('f.id', '=', id).executeTakeFirst();
  if (!view || !policy.canReadPlacementRecord(actor, view)) throw AppError.notFound('Follow-up');
  return view;
}
