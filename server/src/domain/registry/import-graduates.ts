import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import {
  AppError,
  checkNationalId,
  IMPORT_MAX_ROWS,
  NATIONAL_ID_PROBLEM_TEXT,
  ZEmailSchema,
  ZPhoneSchema,
  type TImportMode,
  type TImportReport,
  type TImportRowError,
  type TSessionUser,
} from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import type { Database, GraduateUpdate } from '../../db/schema.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';
import { IMPORT_COLUMNS, matchHeader, parseDegree, parseEmploymentStatus, parseGraduationYear, parseYesNo, type ImportColumnKey } from './import-columns.js';
import { nationalIdColumns } from './national-id.js';
import type { SheetCell, SheetRows } from './read-spreadsheet.js';

const MAX_TEXT = { name: 64, school: 128, major: 128, jobIntention: 500, trainingNeeds: 500 } as const;
/** Rows per insert statement. */
const BATCH = 500;

type RowValues = Omit<GraduateUpdate, 'id' | 'created_at' | 'updated_at' | 'national_id_sealed' | 'national_id_hash' | 'national_id_masked'> & { name: string };

interface ValidRow {
  number: number;
  nationalId: string;
  hash: string;
  values: RowValues;
  existingId: string | undefined;
}

const zhOf = (key: ImportColumnKey) => IMPORT_COLUMNS.find((c) => c.key === key)!.zh;

function rowError(row: number, key: ImportColumnKey, problem: TImportRowError['problem'], reason: string, reasonEn: string): TImportRowError {
  return { row, column: zhOf(key), problem, reason, reasonEn };
}

const text = (cell: SheetCell | undefined): string => (cell instanceof Date ? cell.toISOString().slice(0, 10) : (cell ?? '').trim());

/** Town names as written in spreadsheets: "泗泾镇" or "泗泾", "岳阳街道" or "岳阳". */
async function townLookup(ctx: AppContext): Promise<Map<string, string>> {
  const towns = await ctx.db.selectFrom('towns').select(['id', 'name']).execute();
  const byName = new Map<string, string>();
  for (const t of towns) {
    byName.set(t.name, t.id);
    const short = t.name.replace(/(镇|街道)$/, '');
    if (short !== t.name && !byName.has(short)) byName.set(short, t.id);
  }
  return byName;
}

/** Updates many files in one statement: the rows travel as one JSON parameter. */
async function updateFiles(db: Kysely<Database>, rows: (RowValues & { id: string })[], now: Date): Promise<void> {
  await sql`
    update graduate_profiles as g set
      name = v.name, phone = v.phone, email = v.email, school = v.school, major = v.major, degree = v.degree,
      graduation_year = v.graduation_year, hukou_town_id = v.hukou_town_id, is_registered_local = v.is_registered_local,
      job_intention = v.job_intention, training_needs = v.training_needs,
      employment_status = coalesce(v.employment_status, g.employment_status),
      national_id_sealed = v.national_id_sealed, national_id_hash = v.national_id_hash, national_id_masked = v.national_id_masked,
      updated_at = ${now}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(
      id uuid, name text, phone text, email text, school text, major text, degree text, graduation_year integer,
      hukou_town_id uuid, is_registered_local boolean, job_intention text, training_needs text, employment_status text,
      national_id_sealed text, national_id_hash text, national_id_masked text)
    where g.id = v.id`.execute(db);
}

export interface ImportOptions {
  actor: TSessionUser;
  mode: TImportMode;
  sheet: SheetRows;
  meta: RequestMeta;
}

/**
 * Validates every row and reports each failure (row, column, reason in Chinese). In commit mode the
 * whole file goes in one transaction, and only when no row failed: nothing is ever half-imported.
 * A row whose national ID is already registered updates that file.
 */
export async function importGraduates(ctx: AppContext, { actor, mode, sheet, meta }: ImportOptions): Promise<TImportReport> {
  if (!policy.canImportRegistry(actor)) throw AppError.notFound('Route');
  const [header, ...body] = sheet.rows;
  const errors: TImportRowError[] = [];
  const columnAt = new Map<ImportColumnKey, number>();
  (header?.cells ?? []).forEach((cell, index) => {
    const key = matchHeader(text(cell));
    if (key && !columnAt.has(key)) columnAt.set(key, index);
  });
  for (const column of IMPORT_COLUMNS) {
    if (column.isRequired && !columnAt.has(column.key)) {
      errors.push(rowError(1, column.key, 'missing_column', `缺少必填列“${column.zh}”`, `The required column "${column.en}" is missing`));
    }
  }
  const report = (valid: ValidRow[], isCommitted: boolean): TImportReport => {
    const invalidRows = new Set(errors.map((e) => e.row)).size;
    return {
      mode,
      fileKind: sheet.kind,
      totalRows: body.length,
      validRows: valid.length,
      invalidRows,
      created: valid.filter((v) => !v.existingId).length,
      updated: valid.filter((v) => v.existingId).length,
      isCommitted,
      errors,
    };
  };
  if (errors.length) return report([], false);
  if (body.length > IMPORT_MAX_ROWS) throw new AppError('unprocessable_file', `一次最多导入 ${IMPORT_MAX_ROWS} 行 / At most ${IMPORT_MAX_ROWS} rows per file`);

  const towns = await townLookup(ctx);
  const scope = policy.registryScope(actor);
  const today = ctx.clock();
  const firstRowOfId = new Map<string, number>();
  const candidates: Omit<ValidRow, 'hash' | 'existingId'>[] = [];
  for (const { number, cells } of body) {
    const cell = (key: ImportColumnKey) => {
      const at = columnAt.get(key);
      return at === undefined ? '' : (cells[at] ?? '');
    };
    const before = errors.length;
    const fail = (key: ImportColumnKey, problem: TImportRowError['problem'], reason: string, reasonEn: string) => errors.push(rowError(number, key, problem, reason, reasonEn));
    const optionalText = (key: keyof typeof MAX_TEXT) => {
      const value = text(cell(key));
      if (value.length > MAX_TEXT[key]) fail(key, 'too_long', `不能超过 ${MAX_TEXT[key]} 个字`, `At most ${MAX_TEXT[key]} characters`);
      return value || null;
    };

    const name = optionalText('name');
    if (!name) fail('name', 'required', '姓名不能为空', 'The name is required');
    let nationalId = '';
    const rawId = text(cell('nationalId'));
    if (!rawId) fail('nationalId', 'required', '身份证号不能为空', 'The ID number is required');
    else {
      const check = checkNationalId(rawId, today);
      if (!check.ok) fail('nationalId', `national_id_${check.problem}`, NATIONAL_ID_PROBLEM_TEXT[check.problem].zh, NATIONAL_ID_PROBLEM_TEXT[check.problem].en);
      else {
        nationalId = check.value;
        const first = firstRowOfId.get(nationalId);
        if (first !== undefined) fail('nationalId', 'duplicate_in_file', `与第 ${first} 行的身份证号重复`, `Same ID number as row ${first}`);
        else firstRowOfId.set(nationalId, number);
      }
    }
    const phone = text(cell('phone')).replace(/[\s-]/g, '') || null;
    if (phone && !ZPhoneSchema.safeParse(phone).success) fail('phone', 'bad_phone', '手机号应为 11 位大陆手机号', 'Expected an 11-digit mainland mobile number');
    const email = text(cell('email')) || null;
    if (email && !ZEmailSchema.safeParse(email).success) fail('email', 'bad_email', '邮箱格式不正确', 'Not a valid email address');
    const school = optionalText('school');
    const major = optionalText('major');
    const degreeText = text(cell('degree'));
    const degree = degreeText ? parseDegree(degreeText) : null;
    if (degree === undefined) fail('degree', 'bad_value', '学历应为：专科、本科、硕士、博士或其他', 'Degree must be junior college, bachelor, master, doctorate or other');
    const dateCell = cell('graduationDate');
    const graduationYear = text(dateCell) ? parseGraduationYear(dateCell instanceof Date ? dateCell : text(dateCell)) : null;
    if (graduationYear === undefined) fail('graduationDate', 'bad_date', '毕业时间不是有效日期（如 2026-06 或 2026-06-30）', 'Not a valid graduation date (e.g. 2026-06 or 2026-06-30)');
    const townText = text(cell('hukouTown'));
    const hukouTownId = townText ? towns.get(townText) : null;
    if (hukouTownId === undefined) fail('hukouTown', 'unknown_town', `未知的镇（街道）“${townText}”`, `Unknown town "${townText}"`);
    else if (scope !== null && (hukouTownId === null || !scope.includes(hukouTownId))) {
      fail('hukouTown', 'outside_scope', '该镇不在您负责的范围内', 'This town is not one you serve');
    }
    const isRegisteredLocal = parseYesNo(text(cell('registeredLocal')));
    if (isRegisteredLocal === undefined) fail('registeredLocal', 'bad_value', '本区户籍应填“是”或“否”', 'Registered locally must be yes or no');
    const jobIntention = optionalText('jobIntention');
    const trainingNeeds = optionalText('trainingNeeds');
    const statusText = text(cell('employmentStatus'));
    const employmentStatus = statusText ? parseEmploymentStatus(statusText) : null;
    if (employmentStatus === undefined) fail('employmentStatus', 'bad_value', '就业状态应为：未就业、已就业、升学或暂不就业', 'Employment status must be unemployed, employed, further study or not seeking');

    if (errors.length > before || !name) continue;
    const values: RowValues = {
      name,
      phone,
      email,
      school,
      major,
      degree: degree ?? null,
      graduation_year: graduationYear ?? null,
      hukou_town_id: hukouTownId ?? null,
      is_registered_local: isRegisteredLocal ?? false,
      job_intention: jobIntention,
      training_needs: trainingNeeds,
      ...(employmentStatus ? { employment_status: employmentStatus } : {}),
    };
    candidates.push({ number, nationalId, values });
  }

  // Match by keyed hash: one query per batch, no plain number ever leaves this function.
  const hashed = await Promise.all(candidates.map(async (c) => ({ ...c, hash: await ctx.fieldCrypto.keyedHash(c.nationalId) })));
  const existing = new Map<string, { id: string; hukou_town_id: string | null; erased_at: Date | null }>();
  for (let i = 0; i < hashed.length; i += BATCH) {
    const hashes = hashed.slice(i, i + BATCH).map((c) => c.hash);
    const rows = await ctx.db.selectFrom('graduate_profiles').select(['id', 'national_id_hash', 'hukou_town_id', 'erased_at']).where('national_id_hash', 'in', hashes).execute();
    for (const r of rows) existing.set(r.national_id_hash!, r);
  }
  const valid: ValidRow[] = [];
  for (const c of hashed) {
    const file = existing.get(c.hash);
    if (file && scope !== null && (file.hukou_town_id === null || !scope.includes(file.hukou_town_id))) {
      errors.push(rowError(c.number, 'nationalId', 'outside_scope', '该身份证号已登记在您负责范围以外的档案中', 'This ID number is on a file outside the towns you serve'));
    } else if (file?.erased_at) {
      errors.push(rowError(c.number, 'nationalId', 'bad_value', '该档案已按本人申请删除，不能再导入', 'This file was erased at the graduate\'s request and cannot be imported again'));
    } else valid.push({ ...c, existingId: file?.id });
  }
  errors.sort((a, b) => a.row - b.row || IMPORT_COLUMNS.findIndex((x) => x.zh === a.column) - IMPORT_COLUMNS.findIndex((x) => x.zh === b.column));

  if (mode === 'validate') return report(valid, false);
  if (errors.length) {
    throw new AppError('unprocessable_file', `有 ${new Set(errors.map((e) => e.row)).size} 行未通过校验，未导入任何数据 / Rows failed validation; nothing was imported`, { details: report(valid, false) });
  }
  const now = ctx.clock();
  const sealed = await Promise.all(valid.map((v) => nationalIdColumns(ctx.fieldCrypto, v.nationalId)));
  // The import records no hardship: a new file's status is "no", sealed like every other.
  const noHardship = await Promise.all(valid.map((v) => (v.existingId ? '' : ctx.fieldCrypto.sealFlag(false))));
  await ctx.db.transaction().execute(async (trx) => {
    const inserts = valid.flatMap((v, i) => (v.existingId ? [] : [{ id: randomUUID(), user_id: null, ...v.values, ...sealed[i]!, hardship_sealed: noHardship[i]!, created_at: now, updated_at: now }]));
    for (let i = 0; i < inserts.length; i += BATCH) await trx.insertInto('graduate_profiles').values(inserts.slice(i, i + BATCH)).execute();
    const updates = valid.flatMap((v, i) => (v.existingId ? [{ id: v.existingId, ...v.values, ...sealed[i]! }] : []));
    for (let i = 0; i < updates.length; i += BATCH) await updateFiles(trx, updates.slice(i, i + BATCH), now);
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'registry.imported',
      entityType: 'registry',
      entityId: null,
      detail: { fileKind: sheet.kind, rows: valid.length, created: inserts.length, updated: valid.length - inserts.length },
      ip: meta.ip,
    });
  });
  return report(valid, true);
}
