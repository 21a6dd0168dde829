import { z } from 'zod';
import { pageOf, ZIdSchema } from './common.js';
import { ZCensusFieldSchema, ZEmploymentStatusSchema } from './graduates.js';

/**
 * The registry ("one person, one file"): census completeness, spreadsheet import, national ID,
 * hardship consent and deletion requests.
 */

export const ZCensusQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  townId: ZIdSchema.optional(),
  missingField: ZCensusFieldSchema.optional(),
  /** Only files with at least one census field missing. */
  isIncomplete: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: z.string().trim().max(64).optional(),
});
export type TCensusQuery = z.infer<typeof ZCensusQuerySchema>;
export type TCensusQueryInput = z.input<typeof ZCensusQuerySchema>;
/** The exports take the same filters without paging. */
export const ZCensusExportQuerySchema = ZCensusQuerySchema.omit({ page: true, pageSize: true });
export type TCensusExportQuery = z.infer<typeof ZCensusExportQuerySchema>;

export const ZCensusEntrySchema = z.object({
  id: ZIdSchema,
  name: z.string(),
  hukouTownId: ZIdSchema.nullable(),
  townName: z.string().nullable(),
  nationalIdMasked: z.string().nullable(),
  isRegisteredLocal: z.boolean(),
  employmentStatus: ZEmploymentStatusSchema,
  /** Percent of CENSUS_FIELDS filled, 0–100. */
  completeness: z.number().int().min(0).max(100),
  missingFields: z.array(ZCensusFieldSchema),
});
export type TCensusEntry = z.infer<typeof ZCensusEntrySchema>;

export const ZCensusSummarySchema = z.object({
  /** Files in the caller's scope matching the town filter. */
  files: z.number().int(),
  complete: z.number().int(),
  averageCompleteness: z.number().int(),
  missingByField: z.record(ZCensusFieldSchema, z.number().int()),
});
export const ZCensusPageSchema = pageOf(ZCensusEntrySchema).extend({ summary: ZCensusSummarySchema });
export type TCensusPage = z.infer<typeof ZCensusPageSchema>;

// ---- import ----

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;

export const ZImportQuerySchema = z.strictObject({
  /** validate: report only; commit: all rows in one transaction, refused when any row fails. */
  mode: z.enum(['validate', 'commit']).default('validate'),
});
export type TImportMode = z.infer<typeof ZImportQuerySchema>['mode'];

export const IMPORT_PROBLEMS = ['required', 'national_id_format', 'national_id_birth_date', 'national_id_check_digit', 'duplicate_in_file', 'unknown_town', 'outside_scope', 'bad_date', 'bad_value', 'too_long', 'bad_phone', 'bad_email', 'missing_column'] as const;
export const ZImportProblemSchema = z.enum(IMPORT_PROBLEMS);

export const ZImportRowErrorSchema = z.object({
  /** The spreadsheet's row number (the header is row 1). */
  row: z.number().int(),
  /** The column's Chinese header. */
  column: z.string(),
  problem: ZImportProblemSchema,
  /** Why, in Chinese. */
  reason: z.string(),
  reasonEn: z.string(),
});
export type TImportRowError = z.infer<typeof ZImportRowErrorSchema>;

export const ZImportReportSchema = z.object({
  mode: z.enum(['validate', 'commit']),
  fileKind: z.enum(['xlsx', 'csv']),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  /** Rows that would create a file (validate) or did (commit), and those matching a file by national ID. */
  created: z.number().int(),
  updated: z.number().int(),
  isCommitted: z.boolean(),
  errors: z.array(ZImportRowErrorSchema),
});
export type TImportReport = z.infer<typeof ZImportReportSchema>;

// ---- national ID ----

export const ZSetNationalIdSchema = z.strictObject({ nationalId: z.string().trim().min(1).max(32) });
export type TSetNationalId = z.infer<typeof ZSetNationalIdSchema>;
export const ZNationalIdMaskedSchema = z.object({ nationalIdMasked: z.string() });
export const ZNationalIdRevealedSchema = z.object({ nationalId: z.string() });

// ---- hardship ----

export const CONSENT_BASES = ['written_form', 'online_form', 'in_person'] as const;
export const ZConsentBasisSchema = z.enum(CONSENT_BASES);

export const ZRecordHardshipSchema = z.discriminatedUnion('isHardship', [
  z.strictObject({
    isHardship: z.literal(true),
    /** Who gave consent: the graduate, or a guardian by name. */
    givenBy: z.string().trim().min(1).max(64),
    basis: ZConsentBasisSchema,
    consentedAt: z.iso.datetime({ offset: true }),
    note: z.string().trim().max(500).optional(),
  }),
  /** Clears the flag and withdraws the consents on file. */
  z.strictObject({ isHardship: z.literal(false), note: z.string().trim().max(500).optional() }),
]);
export type TRecordHardship = z.infer<typeof ZRecordHardshipSchema>;

export const ZHardshipConsentSchema = z.object({
  id: ZIdSchema,
  givenBy: z.string(),
  basis: ZConsentBasisSchema,
  consentedAt: z.iso.datetime(),
  note: z.string(),
  recordedBy: ZIdSchema.nullable(),
  recordedAt: z.iso.datetime(),
  withdrawnAt: z.iso.datetime().nullable(),
});
export type THardshipConsent = z.infer<typeof ZHardshipConsentSchema>;

export const ZHardshipRecordSchema = z.object({ isHardship: z.boolean(), consents: z.array(ZHardshipConsentSchema) });
export type THardshipRecord = z.infer<typeof ZHardshipRecordSchema>;

// ---- deletion requests (PIPL) ----

export const DELETION_STATUSES = ['pending', 'executed', 'rejected'] as const;
export const ZDeletionStatusSchema = z.enum(DELETION_STATUSES);

export const ZCreateDeletionRequestSchema = z.strictObject({ reason: z.string().trim().max(500).default('') });
export const ZDecideDeletionSchema = z.strictObject({ note: z.string().trim().max(500).default('') });
export const ZDeletionListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  status: ZDeletionStatusSchema.optional(),
});
export type TDeletionListQuery = z.infer<typeof ZDeletionListQuerySchema>;
export const ZDeletionExportQuerySchema = ZDeletionListQuerySchema.omit({ page: true, pageSize: true });

export const ZDeletionRequestSchema = z.object({
  id: ZIdSchema,
  graduateId: ZIdSchema,
  graduateName: z.string(),
  hukouTownId: ZIdSchema.nullable(),
  reason: z.string(),
  status: ZDeletionStatusSchema,
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  decidedBy: ZIdSchema.nullable(),
  decisionNote: z.string(),
  /** What was erased, item by item (counts or true). */
  removed: z.record(z.string(), z.union([z.number(), z.boolean()])),
  /** What was kept, with the legal basis. */
  kept: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
});
export type TDeletionRequest = z.infer<typeof ZDeletionRequestSchema>;
