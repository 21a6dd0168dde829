import type { TSessionUser } from '@yunpin/shared';

/** Mirrors the server's policy so the interface only offers what the server will allow. */

export function isStaff(user: TSessionUser): boolean {
  return user.role === 'caseworker' || user.role === 'organiser' || user.role === 'admin';
}

export function isDistrictWide(user: TSessionUser): boolean {
  return user.role === 'admin' || (user.role === 'organiser' && user.regionId === null);
}

/** Towns an office user looks after; null means the whole district. */
export function townScope(user: TSessionUser): string[] | null {
  if (isDistrictWide(user)) return null;
  return isStaff(user) ? user.townIds : [];
}

export function canVerifyOrganisation(user: TSessionUser, townId: string): boolean {
  const scope = townScope(user);
  return (user.role === 'organiser' || user.role === 'admin') && (scope === null || scope.includes(townId));
}

export function canOfferVerification(user: TSessionUser): boolean {
  return user.role === 'organiser' || user.role === 'admin';
}

export const canReadAudit = isDistrictWide;

export function canListUsers(user: TSessionUser): boolean {
  return user.role === 'admin';
}

/** Organisers and administrators run fairs: create and publish them, review booths, watch them live. */
export function canManageFairs(user: TSessionUser): boolean {
  return user.role === 'organiser' || user.role === 'admin';
}

/** An employer's administrator applies for booths and edits them; recruiters staff them. */
export function canManageBooths(user: TSessionUser): boolean {
  return user.role === 'employer_admin' && user.organisationId !== null;
}
