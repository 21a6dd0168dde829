import ExcelJS from 'exceljs';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import {
  AppError,
  CENSUS_FIELD_LABELS,
  CENSUS_FIELDS,
  type TCensusEntry,
  type TCensusExportQuery,
  type TCensusField,
  type TCensusPage,
  type TCensusQuery,
  type TCsvTable,
  type TSessionUser,
  type TSpreadsheetFile,
} from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import type { Database, GraduateRow } from '../../db/schema.js';
import { escapeLike } from '../../db/repositories/organisations.js';
import { policy, townScope } from '../../policy.js';
import { completenessOf, MISSING_SQL, missingCensusFields } from './census-fields.js';

type Filtered = SelectQueryBuilder<Database, 'graduate_profiles' | 'towns', object>;

/** Files in the caller's towns, not erased, narrowed by the filters. */
function censusQuery(db: Kysely<Database>, actor: TSessionUser, query: TCensusExportQuery, withFieldFilters = true): Filtered {
  let q = db.selectFrom('graduate_profiles').leftJoin('towns', 'towns.id', 'graduate_profiles.hukou_town_id').where('graduate_profiles.erased_at', 'is', null) as Filtered;
  const scope = townScope(actor);
  if (scope) q = scope.length ? q.where('graduate_profiles.hukou_town_id', 'in', scope) : q.where(({ lit }) => lit(false));
  if (query.townId) q = q.where('graduate_profiles.hukou_town_id', '=', query.townId);
  if (query.q) q = q.where('graduate_profiles.name', 'ilike', `%${escapeLike(query.q)}%`);
  if (withFieldFilters && query.missingField) q = q.where(MISSING_SQL[query.missingField]);
  if (withFieldFilters && query.isIncomplete !== undefined) {
    const anyMissing = sql<boolean>`(${sql.join(CENSUS_FIELDS.map((f) => MISSING_SQL[f]), sql` or `)})`;
    q = q.where(query.isIncomplete ? anyMissing : sql<boolean>`not ${anyMissing}`);
  }
  return q;
}

function toEntry(row: GraduateRow & { town_name: string | null }): TCensusEntry {
  const missingFields = missingCensusFields(row);
  return {
    id: row.id,
    name: row.name,
    hukouTownId: row.hukou_town_id,
    townName: row.town_name,
    nationalIdMasked: row.national_id_masked,
    isRegisteredLocal: row.is_registered_local,
    employmentStatus: row.employment_status,
    completeness: completenessOf(missingFields),
    missingFields,
  };
}

const selectRows = (q: Filtered) =>
  q.selectAll('graduate_profiles').select('towns.name as town_name').orderBy('graduate_profiles.name').orderBy('graduate_profiles.id');

/** Who is missing what: one page of files with their completeness, and a summary of the towns' gaps. */
export async function listCensus(ctx: AppContext, actor: TSessionUser, query: TCensusQuery): Promise<TCensusPage> {
  if (!policy.canReadCensus(actor)) throw AppError.notFound('Route');
  const filtered = censusQuery(ctx.db, actor, query);
  const total = await filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await selectRows(filtered).limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute();
  const counts = await censusQuery(ctx.db, actor, query, false)
    .select((eb) => [
      eb.fn.countAll<number>().as('files'),
      ...CENSUS_FIELDS.map((f) => sql<number>`count(*) filter (where ${MISSING_SQL[f]})::int`.as(f)),
      sql<number>`count(*) filter (where not (${sql.join(CENSUS_FIELDS.map((f) => MISSING_SQL[f]), sql` or `)}))::int`.as('complete'),
    ])
    .executeTakeFirstOrThrow();
  const summaryCounts = counts as unknown as Record<TCensusField | 'files' | 'complete', number | string>;
  const files = Number(summaryCounts.files);
  const missingByField = Object.fromEntries(CENSUS_FIELDS.map((f) => [f, Number(summaryCounts[f])])) as Record<TCensusField, number>;
  const missingTotal = CENSUS_FIELDS.reduce((sum, f) => sum + missingByField[f], 0);
  return {
    items: rows.map(toEntry),
    page: query.page,
    pageSize: query.pageSize,
    total: Number(total.n),
    summary: {
      files,
      complete: Number(summaryCounts.complete),
      averageCompleteness: files === 0 ? 100 : Math.floor(100 - (missingTotal * 100) / (files * CENSUS_FIELDS.length)),
      missingByField,
    },
  };
}

const COLUMNS = ['姓名 Name', '户籍镇 Town', '身份证号 National ID', '本区户籍 Registered locally', '就业状态 Status', '完整度 Completeness (%)', '缺少 Missing'];

async function censusTable(ctx: AppContext, actor: TSessionUser, query: TCensusExportQuery): Promise<(string | number)[][]> {
  if (!policy.canReadCensus(actor)) throw AppError.notFound('Route');
  const rows = await selectRows(censusQuery(ctx.db, actor, query)).execute();
  return rows.map(toEntry).map((e) => [
    e.name,
    e.townName ?? '',
    e.nationalIdMasked ?? '',
    e.isRegisteredLocal ? '是' : '否',
    e.employmentStatus,
    e.completeness,
    e.missingFields.map((f) => CENSUS_FIELD_LABELS[f].zh).join('、'),
  ]);
}

export async function exportCensusCsv(ctx: AppContext, actor: TSessionUser, query: TCensusExportQuery): Promise<TCsvTable> {
  return { filename: 'census.csv', columns: COLUMNS, rows: await censusTable(ctx, actor, query) };
}

export async function exportCensusXlsx(ctx: AppContext, actor: TSessionUser, query: TCensusExportQuery): Promise<TSpreadsheetFile> {
  const rows = await censusTable(ctx, actor, query);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('摸排 Census');
  sheet.addRow(COLUMNS).font = { bold: true };
  sheet.addRows(rows);
  sheet.columns.forEach((c) => {
    c.width = 18;
  });
  return { filename: 'census.xlsx', bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}
