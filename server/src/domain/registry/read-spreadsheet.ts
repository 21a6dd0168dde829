import ExcelJS from 'exceljs';
import { AppError } from '@yunpin/shared';
import { sniffFileKind } from '@yunpin/shared/node';

export type SheetCell = string | Date;

export interface SheetRows {
  kind: 'xlsx' | 'csv';
  /** Rows in file order; `number` is the row number a spreadsheet program shows. */
  rows: { number: number; cells: SheetCell[] }[];
}

const NOT_A_SPREADSHEET = '只接受 Excel（.xlsx）或 CSV 文件 / Only Excel (.xlsx) and CSV files are accepted';

/** What the name claims; the bytes must agree (a zip for xlsx, UTF-8 text for csv). */
function declaredKind(filename: string): 'xlsx' | 'csv' {
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'xlsx' || ext === 'csv') return ext;
  throw new AppError('unsupported_media_type', NOT_A_SPREADSHEET);
}

function isUtf8Text(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** RFC 4180: quoted cells may hold commas, quotes ("") and line breaks; a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let isQuoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (isQuoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') isQuoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') isQuoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function cellValue(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return value.result === undefined ? '' : cellValue(value.result as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  return '';
}

/** Loads the workbook whole: exceljs's streaming reader splits multi-byte characters at chunk boundaries (泗泾 becomes 泗\uFFFD). */
async function readXlsx(bytes: Buffer): Promise<SheetRows['rows']> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('unprocessable_file', '无法读取该 Excel 文件 / The Excel file could not be read');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('unprocessable_file', 'Excel 文件中没有工作表 / The workbook has no sheet');
  const rows: SheetRows['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: SheetCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    rows.push({ number, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}

/** Reads the first sheet of an xlsx, or a UTF-8 CSV (with or without BOM), after checking its bytes. */
export async function readSpreadsheet(file: { filename: string; bytes: Buffer }): Promise<SheetRows> {
  const kind = declaredKind(file.filename);
  const sniffed = sniffFileKind(file.bytes);
  if (kind === 'xlsx') {
    if (sniffed !== 'zip') throw new AppError('file_type_mismatch', `文件内容不是 Excel（.xlsx） / The file's content is not an Excel (.xlsx) workbook`);
    return { kind, rows: await readXlsx(file.bytes) };
  }
  if (sniffed !== 'unknown' || !isUtf8Text(file.bytes)) throw new AppError('file_type_mismatch', `文件内容不是 UTF-8 编码的 CSV / The file's content is not UTF-8 CSV text`);
  const rows = parseCsv(file.bytes.toString('utf8')).map((cells, i) => ({ number: i + 1, cells: cells as SheetCell[] }));
  return { kind, rows: rows.filter((r) => r.cells.some((c) => c !== '')) };
}
