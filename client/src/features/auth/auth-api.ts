import type { TLoginRequest, TRegister, TSession } from '@yunpin/shared';
import { api } from '../../lib/api';

export const authApi = {
  login: (body: TLoginRequest) => api.post<TSession>('/auth/login', body),
  register: (body: TRegister) => api.post<TSession>('/auth/register', body),
  logout: () => api.post<void>('/auth/logout'),
};
