import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkNationalId, makeNationalId, nationalIdCheckChar, type TImportRowError } from '@yunpin/shared';
import { loginAs, type ApiClient } from '../support/client.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { uploadFile, uploadStreamed } from '../support/uploads.js';
import { seedDemoNationalIds } from '../../server/src/domain/registry/seed-national-ids.js';
import { makeRegistryCsv, makeRegistryXlsx, registryRow, uploadRegistry, type RegistryRow } from '../support/registry-fixtures.js';

/** A number whose check character is deliberately wrong. */
function wrongCheck(i: number): string {
  const good = makeNationalId('310117', '20020202', i);
  const wrong = good[17] === '0' ? '1' : '0';
  return good.slice(0, 17) + wrong;
}

describe('registry import', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let admin: ApiClient;
  let caseworker: ApiClient;
  const count = async () => Number((await t.platform.ctx.db.selectFrom('graduate_profiles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await startTestPlatform();
    f = await createFixtures(t.platform.ctx.db);
    admin = await loginAs(t.url, f.logins.admin, PASSWORD);
    caseworker = await loginAs(t.url, f.logins.caseworker, PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reports every bad row of a 3,000-row xlsx exactly, commits nothing, then takes the 2,980 good rows in one go and updates them by national ID', async () => {
    const rows: RegistryRow[] = Array.from({ length: 3000 }, (_, i) => registryRow(i));
    const expected: Pick<TImportRowError, 'row' | 'column' | 'problem'>[] = [];
    const bad = (index: number, column: string, problem: TImportRowError['problem'], row: RegistryRow) => {
      rows[index] = row;
      expected.push({ row: index + 2, column, problem });
    };
    // Four kinds of bad national ID, unknown towns, duplicates and wrong dates: 20 rows in all.
    for (const i of [11, 612, 1305, 2990]) bad(i, '身份证号', 'national_id_check_digit', registryRow(i, { nationalId: wrongCheck(i) }));
    for (const i of [40, 1500, 2400]) bad(i, '身份证号', 'national_id_format', registryRow(i, { nationalId: `31011720020202${i}`.slice(0, 16) }));
    for (const [n, i] of [700, 1800, 2222].entries()) {
      const first17 = `3101172002023${n}00${n}`.slice(0, 17);
      bad(i, '身份证号', 'national_id_birth_date', registryRow(i, { nationalId: first17 + nationalIdCheckChar(first17) }));
    }
    for (const [n, i] of [5, 999, 2001, 2998].entries()) bad(i, '户籍镇', 'unknown_town', registryRow(i, { town: ['火星镇', '不存在街道', 'Atlantis', '泗泾乡'][n]! }));
    for (const i of [101, 1701, 2801]) bad(i, '身份证号', 'duplicate_in_file', registryRow(i, { nationalId: rows[i - 100]![1]! }));
    for (const [n, i] of [333, 1444, 2555].entries()) bad(i, '毕业时间', 'bad_date', registryRow(i, { graduationDate: ['2026-13-01', '明年六月', '2026/02/30'][n]! }));
    expect(expected).toHaveLength(20);
    const file = await makeRegistryXlsx(rows);

    const validated = await uploadRegistry(admin, file, 'graduates.xlsx', 'validate');
    expect(validated.status, JSON.stringify(validated.body).slice(0, 500)).toBe(200);
    expect(validated.body).toMatchObject({ mode: 'validate', fileKind: 'xlsx', totalRows: 3000, validRows: 2980, invalidRows: 20, created: 2980, updated: 0, isCommitted: false });
    const got = (validated.body.errors as TImportRowError[]).map(({ row, column, problem }) => ({ row, column, problem }));
    expect(got).toEqual([...expected].sort((a, b) => a.row - b.row));
    const reasons = new Map((validated.body.errors as TImportRowError[]).map((e) => [e.row, e.reason]));
    expect(reasons.get(13)).toBe('身份证号校验位错误');
    expect(reasons.get(7)).toBe('未知的镇（街道）“火星镇”');
    expect(reasons.get(103)).toBe('与第 3 行的身份证号重复');
    expect(reasons.get(335)).toBe('毕业时间不是有效日期（如 2026-06 或 2026-06-30）');
    expect(await count()).toBe(2);

    const refused = await uploadRegistry(admin, file, 'graduates.xlsx', 'commit');
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('unprocessable_file');
    expect(refused.body.error.details.errors).toHaveLength(20);
    expect(await count()).toBe(2);

    const badRows = new Set(expected.map((e) => e.row - 2));
    const good = rows.filter((_, i) => !badRows.has(i));
    const committed = await uploadRegistry(admin, await makeRegistryXlsx(good), 'good.xlsx', 'commit');
    expect(committed.status, JSON.stringify(committed.body).slice(0, 500)).toBe(200);
    expect(committed.body).toMatchObject({ totalRows: 2980, validRows: 2980, created: 2980, updated: 0, isCommitted: true, errors: [] });
    expect(await count()).toBe(2982);
    // The imported files only (the two fixture files are registered local too).
    const local = await t.platform.ctx.db.selectFrom('graduate_profiles').select((eb) => eb.fn.countAll<number>().as('n')).where('is_registered_local', '=', true).where('id', 'not in', [f.graduates.a, f.graduates.b]).executeTakeFirstOrThrow();
    expect(Number(local.n)).toBe(good.filter((r) => r[9] === '是').length);

    const changed = good.map((r) => [...r.slice(0, 5), '数据科学', ...r.slice(6)]);
    const again = await uploadRegistry(admin, await makeRegistryXlsx(changed), 'again.xlsx', 'commit');
    expect(again.body).toMatchObject({ created: 0, updated: 2980, isCommitted: true });
    expect(await count()).toBe(2982);
    const majors = await t.platform.ctx.db.selectFrom('graduate_profiles').select('major').distinct().where('national_id_hash', 'is not', null).execute();
    expect(majors.map((m) => m.major)).toEqual(['数据科学']);
    const sample = await t.platform.ctx.db.selectFrom('graduate_profiles').select(['national_id_sealed', 'national_id_masked']).where('name', '=', '毕业生0').executeTakeFirstOrThrow();
    const id0 = good[0]![1]!;
    expect(sample.national_id_sealed).not.toContain(id0);
    expect(sample.national_id_masked).toBe(`${id0.slice(0, 4)}**********${id0.slice(-4)}`);
  });

  it('imports CSV in UTF-8 with and without a BOM, and re-imports update by national ID', async () => {
    const rows = [registryRow(5001, { name: '陈, 晓' }), registryRow(5002), registryRow(5003)];
    const withBom = await uploadRegistry(admin, makeRegistryCsv(rows, { hasBom: true }), 'bom.csv', 'commit');
    expect(withBom.status, JSON.stringify(withBom.body)).toBe(200);
    expect(withBom.body).toMatchObject({ fileKind: 'csv', totalRows: 3, created: 3, updated: 0, isCommitted: true });
    const withoutBom = await uploadRegistry(admin, makeRegistryCsv(rows.map((r) => [...r.slice(0, 10), '数据分析', ...r.slice(11)]), { hasBom: false }), 'plain.csv', 'commit');
    expect(withoutBom.body).toMatchObject({ fileKind: 'csv', created: 0, updated: 3, isCommitted: true });
    const chen = await t.platform.ctx.db.selectFrom('graduate_profiles').select(['name', 'job_intention']).where('name', '=', '陈, 晓').execute();
    expect(chen).toEqual([{ name: '陈, 晓', job_intention: '数据分析' }]);
  });

  it('lets a caseworker import only rows of their towns', async () => {
    const rows = [registryRow(6000), registryRow(6001)];
    const res = await uploadRegistry(caseworker, makeRegistryCsv(rows, { hasBom: true }), 'mixed.csv', 'validate');
    expect(res.body.errors).toEqual([expect.objectContaining({ row: 3, column: '户籍镇', problem: 'outside_scope' })]);
  });

  it('refuses a file that is not xlsx or CSV (415) and one over 20 MB (413), and a missing column is reported', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
    expect((await uploadRegistry(admin, pdf, 'graduates.xlsx', 'validate')).status).toBe(415);
    expect((await uploadFile(admin, '/api/v1/registry/import', pdf, 'graduates.pdf')).status).toBe(415);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const binary = await uploadRegistry(admin, png, 'graduates.csv', 'validate');
    expect(binary.status).toBe(415);
    expect(binary.body.error.code).toBe('file_type_mismatch');
    const big = await uploadStreamed(admin, '/api/v1/registry/import', 21 * 1024 * 1024, 'big.xlsx');
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    const noId = new TextEncoder().encode('姓名 Name,学校 School\r\n张三,上海大学\r\n');
    const report = await uploadRegistry(admin, noId, 'no-id.csv', 'validate');
    expect(report.body.errors).toEqual([expect.objectContaining({ row: 1, column: '身份证号', problem: 'missing_column' })]);
    expect(await count()).toBe(2982 + 3);
  });

  it('serves a template whose example row imports cleanly', async () => {
    const res = await fetch(`${t.url}/api/v1/registry/template.xlsx`, { headers: { cookie: admin.cookie ?? '' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('姓名 Name');
    expect(sheet.getRow(1).getCell(2).value).toBe('身份证号 National ID');
    expect(checkNationalId(String(sheet.getRow(2).getCell(2).value)).ok).toBe(true);
    const report = await uploadRegistry(admin, bytes, 'template.xlsx', 'validate');
    expect(report.body).toMatchObject({ totalRows: 1, validRows: 1, errors: [] });
  });

  it('lists the census with completeness and missing fields, filtered, and exports it', async () => {
    const all = await admin.get('/api/v1/registry/census?pageSize=5');
    expect(all.status).toBe(200);
    expect(all.body.summary.files).toBe(2985);
    // The two fixture files have no national ID and no job intention or training needs.
    expect(all.body.summary.missingByField).toMatchObject({ nationalId: 2, jobIntention: 2, trainingNeeds: 2, school: 0 });
    const missing = await admin.get('/api/v1/registry/census?missingField=nationalId');
    expect(missing.body.items.map((e: { id: string }) => e.id).sort()).toEqual([f.graduates.a, f.graduates.b].sort());
    expect(missing.body.items[0].completeness).toBe(66);
    const own = await caseworker.get(`/api/v1/registry/census?missingField=nationalId`);
    expect(own.body.items.map((e: { id: string }) => e.id)).toEqual([f.graduates.a]);
    const csv = await fetch(`${t.url}/api/v1/registry/census.csv?townId=${f.towns.a}&missingField=jobIntention`, { headers: { cookie: caseworker.cookie ?? '' } });
    const text = await csv.text();
    expect(text.split('\r\n')[1]).toContain('李明');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(2);
    const xlsx = await fetch(`${t.url}/api/v1/registry/census.xlsx?isIncomplete=true`, { headers: { cookie: admin.cookie ?? '' } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as ExcelJS.Buffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(1 + 2);
  });

  it('gives demo files without a national ID a valid, sealed one', async () => {
    const ctx = t.platform.ctx;
    expect(await seedDemoNationalIds(ctx.db, ctx.fieldCrypto)).toBe(2);
    const rows = await ctx.db.selectFrom('graduate_profiles').select('national_id_sealed').where('id', 'in', [f.graduates.a, f.graduates.b]).execute();
    for (const row of rows) expect(checkNationalId(await ctx.fieldCrypto.decrypt(row.national_id_sealed!))).toMatchObject({ ok: true });
    expect(await seedDemoNationalIds(ctx.db, ctx.fieldCrypto)).toBe(0);
  });
});
