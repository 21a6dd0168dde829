import { z } from 'zod';
import { ZIdSchema } from './common.js';

export const ROLES = ['graduate', 'recruiter', 'employer_admin', 'caseworker', 'organiser', 'admin'] as const;
export const ZRoleSchema = z.enum(ROLES);
export type TRole = z.infer<typeof ZRoleSchema>;

/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
export const ZPhoneSchema = z.string().regex(/^1[3-9]\d{9}$/, 'Expected an 11-digit mainland mobile number');
export const ZEmailSchema = z.email().max(254);
/** A login is a phone number or an email address. */
export const ZLoginSchema = z.union([ZPhoneSchema, ZEmailSchema]);
export const ZPasswordSchema = z.string().min(8, 'At least 8 characters').max(128);
export const ZPersonNameSchema = z.string().trim().min(1).max(64);

export const ZRegisterGraduateSchema = z.strictObject({
  role: z.literal('graduate'),
  name: ZPersonNameSchema,
  login: ZLoginSchema,
  password: ZPasswordSchema,
});
export const ZRegisterEmployerSchema = z.strictObject({
  role: z.literal('employer_admin'),
  name: ZPersonNameSchema,
  login: ZLoginSchema,
  password: ZPasswordSchema,
  organisationName: z.string().trim().min(2).max(128),
  townId: ZIdSchema,
});
export const ZRegisterSchema = z.discriminatedUnion('role', [ZRegisterGraduateSchema, ZRegisterEmployerSchema]);
export type TRegister = z.infer<typeof ZRegisterSchema>;

export const ZLoginRequestSchema = z.strictObject({
  login: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(128),
});
export type TLoginRequest = z.infer<typeof ZLoginRequestSchema>;

export const ZSessionUserSchema = z.object({
  id: ZIdSchema,
  role: ZRoleSchema,
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  organisationId: ZIdSchema.nullable(),
  graduateProfileId: ZIdSchema.nullable(),
  /** Region an organiser is scoped to; null means the whole district. */
  regionId: ZIdSchema.nullable(),
  townIds: z.array(ZIdSchema),
});
export type TSessionUser = z.infer<typeof ZSessionUserSchema>;

export const ZSessionSchema = z.object({
  user: ZSessionUserSchema,
  csrfToken: z.string(),
  expiresAt: z.iso.datetime(),
});
export type TSession = z.infer<typeof ZSessionSchema>;

export const ZUpdateAccountSchema = z.strictObject({
  name: ZPersonNameSchema.optional(),
  phone: ZPhoneSchema.nullable().optional(),
  email: ZEmailSchema.nullable().optional(),
});
export type TUpdateAccount = z.infer<typeof ZUpdateAccountSchema>;

export const ZChangePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: ZPasswordSchema,
});
export type TChangePassword = z.infer<typeof ZChangePasswordSchema>;

export const ZUserSummarySchema = z.object({
  id: ZIdSchema,
  role: ZRoleSchema,
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  organisationId: ZIdSchema.nullable(),
  isDisabled: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type TUserSummary = z.infer<typeof ZUserSummarySchema>;

export const ZNotificationSchema = z.object({
  id: z.string(),
  channel: z.enum(['sms', 'email', 'inbox']),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
});
export type TNotification = z.infer<typeof ZNotificationSchema>;
