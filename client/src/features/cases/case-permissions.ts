import type { TSessionUser } from '@yunpin/shared';
import { isDistrictWide, isStaff } from '../../lib/permissions';

/** Mirrors server/src/policy.ts for case management. */
export const canViewCaseload = isStaff;
export const canManageCaseSettings = isDistrictWide;
export function canViewWorkload(user: TSessionUser): boolean {
  return user.role === 'organiser' || user.role === 'admin';
}
