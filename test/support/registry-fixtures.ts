import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { makeNationalId } from '@yunpin/shared';
import type { ApiClient } from './client.js';
import { uploadFile, type UploadResponse } from './uploads.js';

/** The template's header, Chinese and English. */
export const REGISTRY_HEADER = ['姓名 Name', '身份证号 National ID', '手机号 Mobile', '邮箱 Email', '学校 School', '专业 Major', '学历 Degree', '毕业时间 Graduation date', '户籍镇 Hukou town', '本区户籍 Registered locally', '求职意向 Job intention', '培训需求 Training needs', '就业状态 Employment status'];

export type RegistryRow = string[];

/** A valid row for person `i`: a unique national ID born in 2003 or 2004, town A (泗泾镇) or B (新浜镇). */
export function registryRow(i: number, overrides: Partial<Record<'name' | 'nationalId' | 'major' | 'graduationDate' | 'town', string>> = {}): RegistryRow {
  const birth = `${2003 + (i % 2)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}`;
  return [
    overrides.name ?? `毕业生${i}`,
    overrides.nationalId ?? makeNationalId(String(310100 + Math.floor(i / 1000)), birth, i % 1000),
    `139${String(i).padStart(8, '0')}`,
    `g${i}@example.com`,
    '上海大学',
    overrides.major ?? '软件工程',
    i % 3 === 0 ? '硕士' : '本科',
    overrides.graduationDate ?? '2026-06',
    overrides.town ?? (i % 2 === 0 ? '泗泾镇' : '新浜'),
    i % 4 === 0 ? '否' : '是',
    '软件开发',
    '面试技巧',
    '未就业',
  ];
}

/** A real xlsx through exceljs's streaming writer (inline strings, no styles), which is fast enough for thousands of rows. */
export async function makeRegistryXlsx(rows: RegistryRow[]): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('名册');
  sheet.addRow(REGISTRY_HEADER).commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function makeRegistryCsv(rows: RegistryRow[], { hasBom }: { hasBom: boolean }): Uint8Array {
  const text = [REGISTRY_HEADER, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return new TextEncoder().encode((hasBom ? '\uFEFF' : '') + text);
}

const MIME = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv' } as const;

export function uploadRegistry(client: ApiClient, bytes: Uint8Array, filename: string, mode: 'validate' | 'commit'): Promise<UploadResponse> {
  const ext = filename.split('.').pop() as keyof typeof MIME;
  return uploadFile(client, `/api/v1/registry/import?mode=${mode}`, bytes, filename, MIME[ext] ?? 'application/octet-stream');
}
