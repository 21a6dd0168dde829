import type { TRole } from '@yunpin/shared';

export type TPortal = 'graduate' | 'employer' | 'office';

const PORTAL_OF_ROLE: Record<TRole, TPortal> = {
  graduate: 'graduate',
  recruiter: 'employer',
  employer_admin: 'employer',
  caseworker: 'office',
  organiser: 'office',
  admin: 'office',
};

export function portalOf(role: TRole): TPortal {
  return PORTAL_OF_ROLE[role];
}

export function portalHome(role: TRole): string {
  return `/${portalOf(role)}`;
}
