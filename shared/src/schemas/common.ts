import { z } from 'zod';

export const ZIdSchema = z.uuid();
export const ZIdParamsSchema = z.strictObject({ id: ZIdSchema });
export type TIdParams = z.infer<typeof ZIdParamsSchema>;

export const ZPageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TPageQuery = z.infer<typeof ZPageQuerySchema>;

/** A page of items with the total count, for every list endpoint. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}
export interface TPage<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export const ZErrorEnvelopeSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type TErrorEnvelope = z.infer<typeof ZErrorEnvelopeSchema>;

export const ZOkSchema = z.object({ ok: z.literal(true) });

/** A table an export route sends as CSV (UTF-8 with BOM) rather than JSON. */
export const ZCsvTableSchema = z.object({
  filename: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
});
export type TCsvTable = z.infer<typeof ZCsvTableSchema>;

/** A PDF a route sends as the file itself rather than JSON. */
export const ZPdfFileSchema = z.object({ filename: z.string(), sha256: z.string(), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes') });
export type TPdfFile = z.infer<typeof ZPdfFileSchema>;

/** A spreadsheet (xlsx) a route sends as a download rather than JSON. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ZSpreadsheetFileSchema = z.object({ filename: z.string(), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes') });
export type TSpreadsheetFile = z.infer<typeof ZSpreadsheetFileSchema>;
