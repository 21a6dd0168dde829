import { sql, type RawBuilder } from 'kysely';
import { CENSUS_FIELDS, type TGoalCounts } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { MISSING_SQL } from '../registry/census-fields.js';
import { hardshipSealedValues, hasHardshipSql } from '../registry/hardship.js';
import { servedSql, servicesSql } from '../cases/outreach.js';

/**
 * The four goals as SQL conditions on one graduate file (`graduate_profiles`, not aliased), so the
 * counts, the lists behind them and the recount in the tests all say the same thing.
 */
export const GOAL_SQL = {
  /** Every census field filled. */
  censusClear: sql<boolean>`not (${sql.join(CENSUS_FIELDS.map((f) => MISSING_SQL[f]), sql` or `)})`,
  /** Looking for work: the population the services and employment goals are about. */
  unemployed: sql<boolean>`graduate_profiles.employment_status = 'unemployed'`,
  employed: sql<boolean>`graduate_profiles.employment_status = 'employed'`,
  /** At least one service recorded (job introduction, guidance, training, internship, start-up coaching): `servedSql`, as the weekly report counts it. */
  served: sql<boolean>`${servedSql('graduate_profiles')}`,
} as const;

/** Files the registry counts: erased ones (a deletion request carried out) are no longer files. */
export const IS_FILE = sql<boolean>`graduate_profiles.erased_at is null`;

export const GROUPS = ['all', 'local', 'low_income'] as const;
export type TGroup = (typeof GROUPS)[number];

/**
 * The priority groups as SQL conditions on one file, like GOAL_SQL. Low income is the hardship
 * status, which SQL cannot read (it is sealed): `hardship` names the files whose status opened to
 * true in the application (`hardshipSealedValues`), passed as one array parameter.
 */
export function groupSql(hardship: readonly string[]): Record<TGroup, RawBuilder<boolean>> {
  return {
    all: sql<boolean>`true`,
    local: sql<boolean>`graduate_profiles.is_registered_local`,
    low_income: hasHardshipSql(hardship),
  };
}

/** One group's condition for files of `towns` (all when null); hardship is opened only for the low-income group. */
export async function groupCondition(ctx: Pick<AppContext, 'db' | 'fieldCrypto'>, group: TGroup, towns: readonly string[] | null): Promise<RawBuilder<boolean>> {
  return groupSql(group === 'low_income' ? await hardshipSealedValues(ctx, towns) : [])[group];
}

export interface TownCounts {
  townId: string | null;
  registered: number;
  groups: Record<TGroup, TGoalCounts>;
}

const emptyCounts = (): TGoalCounts => ({ census: { done: 0, total: 0 }, services: { done: 0, total: 0 }, subsidies: { done: 0, total: 0 }, employment: { done: 0, total: 0 } });

const count = (alias: string, condition: RawBuilder<boolean>) => sql`count(*) filter (where ${condition})::int as ${sql.ref(alias)}`;

/**
 * The goals per town (the graduate's hukou town; null for files without one), for all graduates and
 * each priority group: two grouped scans, one over the files and one over the subsidy claims.
 */
export async function goalCountsByTown(ctx: Pick<AppContext, 'db' | 'fieldCrypto'>, towns: string[] | null): Promise<TownCounts[]> {
  const { db } = ctx;
  const inScope = towns === null ? sql<boolean>`true` : towns.length ? sql<boolean>`graduate_profiles.hukou_town_id in (${sql.join(towns)})` : sql<boolean>`false`;
  const groups = [...GROUPS];
  const inGroup = groupSql(await hardshipSealedValues(ctx, towns));
  // Each file's flags once (one pass, services joined by hash rather than probed per file), then counted per group.
  // Materialized: inlined, the low-income set lookup would run again in every count's filter (≈50 ms at 30,000 files).
  const fileColumns = groups.flatMap((g) => {
    const cond = sql.ref(`f.${g}`);
    return [
      count(`${g}_registered`, sql`${cond}`),
      count(`${g}_census_done`, sql`${cond} and f.census_clear`),
      count(`${g}_unemployed`, sql`${cond} and f.unemployed`),
      count(`${g}_served`, sql`${cond} and f.unemployed and f.served`),
      count(`${g}_employed`, sql`${cond} and f.employed`),
    ];
  });
  const files = await sql<Record<string, number | string | null>>`
    with served as (select distinct graduate_id from (${servicesSql()}) s),
    f as materialized (
      select graduate_profiles.hukou_town_id as town_id,
        ${sql.join(groups.map((g) => sql`${inGroup[g]} as ${sql.ref(g)}`))},
        ${GOAL_SQL.censusClear} as census_clear, ${GOAL_SQL.unemployed} as unemployed, ${GOAL_SQL.employed} as employed,
        served.graduate_id is not null as served
      from graduate_profiles left join served on served.graduate_id = graduate_profiles.id
      where ${IS_FILE} and ${inScope}
    )
    select f.town_id, ${sql.join(fileColumns)} from f group by f.town_id`.execute(db);
  const claimColumns = groups.flatMap((g) => [count(`${g}_approved`, sql`${inGroup[g]} and c.approved_at is not null`), count(`${g}_paid`, sql`${inGroup[g]} and c.status = 'paid'`)]);
  const claims = await sql<Record<string, number | string | null>>`
    select graduate_profiles.hukou_town_id as town_id, ${sql.join(claimColumns)}
    from subsidy_claims c join graduate_profiles on graduate_profiles.id = c.graduate_id
    where ${IS_FILE} and ${inScope}
    group by graduate_profiles.hukou_town_id`.execute(db);

  const byTown = new Map<string | null, TownCounts>();
  const entry = (townId: string | null) => {
    let e = byTown.get(townId);
    if (!e) {
      e = { townId, registered: 0, groups: { all: emptyCounts(), local: emptyCounts(), low_income: emptyCounts() } };
      byTown.set(townId, e);
    }
    return e;
  };
  const n = (row: Record<string, number | string | null>, key: string) => Number(row[key] ?? 0);
  for (const row of files.rows) {
    const e = entry(row.town_id as string | null);
    e.registered = n(row, 'all_registered');
    for (const g of groups) {
      const c = e.groups[g];
      c.census = { done: n(row, `${g}_census_done`), total: n(row, `${g}_registered`) };
      c.services = { done: n(row, `${g}_served`), total: n(row, `${g}_unemployed`) };
      c.employment = { done: n(row, `${g}_employed`), total: n(row, `${g}_employed`) + n(row, `${g}_unemployed`) };
    }
  }
  for (const row of claims.rows) {
    const e = entry(row.town_id as string | null);
    for (const g of groups) e.groups[g].subsidies = { done: n(row, `${g}_paid`), total: n(row, `${g}_approved`) };
  }
  return [...byTown.values()];
}

/** Adds goal counts together (towns into a region, regions into the district). */
export function sumCounts(items: TGoalCounts[]): TGoalCounts {
  const total = emptyCounts();
  for (const item of items) {
    for (const goal of Object.keys(total) as (keyof TGoalCounts)[]) {
      total[goal].done += item[goal].done;
      total[goal].total += item[goal].total;
    }
  }
  return total;
}
