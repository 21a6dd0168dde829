import type { Response } from 'express';
import { XLSX_MIME, type TCsvTable, type TPdfFile, type TSpreadsheetFile } from '@yunpin/shared';

const BOM = '\uFEFF';

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break. A cell that a
 * spreadsheet would run as a formula gets a leading apostrophe, so names cannot inject formulas.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM (so spreadsheet programs read UTF-8 Chinese correctly), header, rows, CRLF line ends. */
export function toCsv(table: TCsvTable): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

function disposition(kind: 'attachment' | 'inline', filename: string): string {
  const asciiName = filename.replace(/[^\w.-]/g, '_');
  return `${kind}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** A PDF shown in the browser, saved under its name. */
export function sendPdf(res: Response, status: number, file: TPdfFile): void {
  res
    .status(status)
    .set('Content-Type', 'application/pdf')
    .set('Content-Disposition', disposition('inline', file.filename))
    .set('Cache-Control', 'no-store')
    .set('X-Content-SHA256', file.sha256)
    .send(Buffer.from(file.bytes));
}

/** A spreadsheet, saved under its name. */
export function sendXlsx(res: Response, status: number, file: TSpreadsheetFile): void {
  res.status(status).set('Content-Type', XLSX_MIME).set('Content-Disposition', disposition('attachment', file.filename)).set('Cache-Control', 'no-store').send(Buffer.from(file.bytes));
}

export function sendCsv(res: Response, status: number, table: TCsvTable): void {
  res
    .status(status)
    .set('Content-Type', 'text/csv; charset=utf-8')
    .set('Content-Disposition', disposition('attachment', table.filename))
    .set('Cache-Control', 'no-store')
    .send(toCsv(table));
}
