import { sql, type SelectQueryBuilder } from 'kysely';
import { AppError, type TCaseloadItem, type TCaseloadQuery, type TCsvTable, type TNoServiceItem, type TNoServiceQuery, type TPage, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import type { Database } from '../../db/schema.js';
import { paginate } from '../../db/paginate.js';
import { escapeLike } from '../../db/repositories/organisations.js';
import { policy, townScope } from '../../policy.js';
import { shanghaiDateTime } from '../fairs/export-fair-registrations.js';
import { hardshipSealedValues, hasHardshipSql, logHardshipRead } from '../registry/hardship.js';
import { lastContactSql, noContactCutoff, noContactSinceSql } from './case-scope.js';

const EXPORT_LIMIT = 20_000;
const STATUS_LABELS: Record<string, string> = { unemployed: '未就业', employed: '已就业', further_study: '升学', not_seeking: '暂不就业' };

type GraduateQuery = SelectQueryBuilder<Database & { g: Database['graduate_profiles'] }, 'g', object>;

/** Graduates of the towns the actor serves (alias g), or none. */
function scopedGraduates(ctx: AppContext, actor: TSessionUser): GraduateQuery {
  const scope = townScope(actor);
  let q = ctx.db.selectFrom('graduate_profiles as g') as unknown as GraduateQuery;
  if (scope) q = scope.length ? q.where('g.hukou_town_id', 'in', scope) : q.where(sql<boolean>`false`);
  return q;
}

async function filteredCaseload(ctx: AppContext, actor: TSessionUser, query: TCaseloadQuery): Promise<GraduateQuery> {
  if (!policy.canViewCaseload(actor)) throw AppError.notFound('Route');
  // Hardship is sensitive: filtering by it would reveal it, so only those who may see it may filter.
  if (query.priority === 'hardship' && !policy.canSeeHardship(actor)) throw AppError.forbidden('The hardship filter is for authorised staff only');
  let q = scopedGraduates(ctx, actor);
  if (query.townId) q = q.where('g.hukou_town_id', '=', query.townId);
  if (query.employmentStatus) q = q.where('g.employment_status', '=', query.employmentStatus);
  // The statuses are sealed: the files with hardship are found by opening those of the towns asked about.
  if (query.priority === 'hardship') q = q.where(hasHardshipSql(await hardshipSealedValues(ctx, query.townId ? [query.townId] : townScope(actor)), 'g'));
  // Registered locally (户籍 in the district), as the registry records it: the dashboard's and the report's "local" group.
  if (query.priority === 'local') q = q.where('g.is_registered_local', '=', true);
  if (query.noContact) q = q.where(noContactSinceSql('g', noContactCutoff(ctx.clock())));
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    q = q.where((eb) => eb.or([eb('g.name', 'ilike', like), eb('g.school', 'ilike', like), eb('g.phone', 'ilike', like)]));
  }
  return q;
}

function caseloadColumns(q: GraduateQuery) {
  return q
    .leftJoin('towns as t', 't.id', 'g.hukou_town_id')
    .select([
      'g.id',
      'g.name',
      'g.phone',
      'g.school',
      'g.hukou_town_id',
      't.name as town_name',
      'g.employment_status',
      'g.hardship_sealed',
      lastContactSql('g').as('last_contact_at'),
      sql<number>`(select count(*)::int from case_checklist_marks m join case_checklist_items i on i.id = m.item_id where m.graduate_id = g.id and not i.is_retired)`.as('crossed'),
      sql<number>`(select count(*)::int from case_checklist_items i where not i.is_retired)`.as('total'),
      sql<number>`(select count(*)::int from case_services s where s.graduate_id = g.id)`.as('services'),
    ])
    .orderBy('g.name')
    .orderBy('g.id');
}

type CaseloadRow = Awaited<ReturnType<ReturnType<typeof caseloadColumns>['execute']>>[number];

function toCaseloadItem(row: CaseloadRow, isHardship: boolean | undefined): TCaseloadItem {
  const item: TCaseloadItem = {
    id: row.id,
    name: row.name,
    phone: row.phone,
    school: row.school,
    townId: row.hukou_town_id,
    townName: row.town_name,
    employmentStatus: row.employment_status,
    lastContactAt: row.last_contact_at === null ? null : new Date(row.last_contact_at).toISOString(),
    crossed: Number(row.crossed),
    total: Number(row.total),
    services: Number(row.services),
  };
  if (isHardship !== undefined) item.isHardship = isHardship;
  return item;
}

/**
 * Caseload rows as items; their hardship statuses opened (in one batch) only for those who may see
 * them, and that read logged.
 */
async function toCaseloadItems(ctx: AppContext, actor: TSessionUser, rows: CaseloadRow[], meta: RequestMeta): Promise<TCaseloadItem[]> {
  if (!policy.canSeeHardship(actor)) return rows.map((row) => toCaseloadItem(row, undefined));
  const hardship = await ctx.fieldCrypto.openFlags(rows.map((r) => r.hardship_sealed));
  await logHardshipRead(ctx, actor, rows.map((r) => r.id), meta);
  return rows.map((row, i) => toCaseloadItem(row, hardship[i]));
}

/** A caseworker's caseload: the graduates of their towns, filtered, with checklist progress and last contact. */
export async function listCaseload(ctx: AppContext, actor: TSessionUser, query: TCaseloadQuery, meta: RequestMeta): Promise<TPage<TCaseloadItem>> {
  const page = await paginate(await filteredCaseload(ctx, actor, query), query, (q) => caseloadColumns(q as GraduateQuery) as never);
  return { ...page, items: await toCaseloadItems(ctx, actor, page.items as CaseloadRow[], meta) };
}

export async function exportCaseload(ctx: AppContext, actor: TSessionUser, query: TCaseloadQuery, meta: RequestMeta): Promise<TCsvTable> {
  const items = await toCaseloadItems(ctx, actor, await caseloadColumns(await filteredCaseload(ctx, actor, query)).limit(EXPORT_LIMIT).execute(), meta);
  const canSeeHardship = policy.canSeeHardship(actor);
  return {
    filename: 'caseload.csv',
    columns: ['姓名 Name', '手机号 Phone', '学校 School', '户籍镇街 Town', '就业状态 Status', ...(canSeeHardship ? ['困难家庭 Hardship'] : []), '最近联系 Last contact', '已销项 Crossed', '销项总数 Items', '服务次数 Services'],
    rows: items.map((item) => [
      item.name,
      item.phone,
      item.school,
      item.townName,
      STATUS_LABELS[item.employmentStatus] ?? item.employmentStatus,
      ...(canSeeHardship ? [item.isHardship ? '是' : '否'] : []),
      item.lastContactAt ? shanghaiDateTime(item.lastContactAt) : null,
      item.crossed,
      item.total,
      item.services,
    ]),
  };
}

/** Unemployed graduates of the actor's towns who have had no service yet, by town. */
function noServiceQuery(ctx: AppContext, actor: TSessionUser, query: TNoServiceQuery): GraduateQuery {
  if (!policy.canViewCaseload(actor)) throw AppError.notFound('Route');
  let q = scopedGraduates(ctx, actor)
    .where('g.employment_status', '=', 'unemployed')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('case_services as s').select('s.id').whereRef('s.graduate_id', '=', 'g.id'))));
  if (query.townId) q = q.where('g.hukou_town_id', '=', query.townId);
  return q;
}

function noServiceColumns(q: GraduateQuery) {
  return q
    .leftJoin('towns as t', 't.id', 'g.hukou_town_id')
    .select(['g.id', 'g.name', 'g.phone', 'g.school', 'g.major', 'g.hukou_town_id', 't.name as town_name', 'g.job_intention', 'g.training_needs', lastContactSql('g').as('last_contact_at')])
    .orderBy('t.name')
    .orderBy('g.name')
    .orderBy('g.id');
}

type NoServiceRow = Awaited<ReturnType<ReturnType<typeof noServiceColumns>['execute']>>[number];

function toNoServiceItem(r: NoServiceRow): TNoServiceItem {
  return {
    id: r.id,
    name: r.name,
    phone: r.phone,
    school: r.school,
    major: r.major,
    townId: r.hukou_town_id,
    townName: r.town_name,
    jobIntention: r.job_intention,
    trainingNeeds: r.training_needs,
    lastContactAt: r.last_contact_at === null ? null : new Date(r.last_contact_at).toISOString(),
  };
}

export async function listNoService(ctx: AppContext, actor: TSessionUser, query: TNoServiceQuery): Promise<TPage<TNoServiceItem>> {
  const page = await paginate(noServiceQuery(ctx, actor, query), query, (q) => noServiceColumns(q as GraduateQuery) as never);
  return { ...page, items: (page.items as NoServiceRow[]).map(toNoServiceItem) };
}

export async function exportNoService(ctx: AppContext, actor: TSessionUser, query: TNoServiceQuery): Promise<TCsvTable> {
  const rows = (await noServiceColumns(noServiceQuery(ctx, actor, query)).limit(EXPORT_LIMIT).execute()).map(toNoServiceItem);
  return {
    filename: 'no-service.csv',
    columns: ['户籍镇街 Town', '姓名 Name', '手机号 Phone', '学校 School', '专业 Major', '求职意向 Job intention', '培训需求 Training needs', '最近联系 Last contact'],
    rows: rows.map((r) => [r.townName, r.name, r.phone, r.school, r.major, r.jobIntention, r.trainingNeeds, r.lastContactAt ? shanghaiDateTime(r.lastContactAt) : null]),
  };
}
