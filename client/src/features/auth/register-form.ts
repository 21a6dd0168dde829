import { ZRegisterSchema, type TRegister } from '@yunpin/shared';

export type TRegisterRole = TRegister['role'];

export interface TRegisterFormValues {
  role: TRegisterRole;
  name: string;
  login: string;
  password: string;
  organisationName?: string;
  townId?: string;
}

/** The request body for the chosen role, checked with the same schema the server uses; null when invalid. */
export function registerPayload(values: TRegisterFormValues): TRegister | null {
  const common = { name: values.name, login: values.login, password: values.password };
  const candidate =
    values.role === 'graduate'
      ? { role: values.role, ...common }
      : { role: values.role, ...common, organisationName: values.organisationName, townId: values.townId };
  const parsed = ZRegisterSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
