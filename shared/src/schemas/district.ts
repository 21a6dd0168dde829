import { z } from 'zod';
import { ZIdSchema } from './common.js';

export const TOWN_KINDS = ['subdistrict', 'town', 'dev_zone'] as const;

export const ZRegionSchema = z.object({ id: ZIdSchema, name: z.string(), code: z.string() });
export type TRegion = z.infer<typeof ZRegionSchema>;

export const ZTownSchema = z.object({
  id: ZIdSchema,
  name: z.string(),
  kind: z.enum(TOWN_KINDS),
  isDevZone: z.boolean(),
  /** The development zone belongs to no region: it is paired with every town ("1+5"). */
  regionId: ZIdSchema.nullable(),
});
export type TTown = z.infer<typeof ZTownSchema>;

export const ZAssignTownRegionSchema = z.strictObject({ regionId: ZIdSchema });
export type TAssignTownRegion = z.infer<typeof ZAssignTownRegionSchema>;

export const ZOrganisationSchema = z.object({
  id: ZIdSchema,
  name: z.string(),
  creditCode: z.string().nullable(),
  industry: z.string().nullable(),
  townId: ZIdSchema,
  isVerified: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type TOrganisation = z.infer<typeof ZOrganisationSchema>;

export const ZOrganisationListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  townId: ZIdSchema.optional(),
  isVerified: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: z.string().trim().max(64).optional(),
});
export type TOrganisationListQuery = z.infer<typeof ZOrganisationListQuerySchema>;

export const ZVerifyOrganisationSchema = z.strictObject({ isVerified: z.boolean() });
