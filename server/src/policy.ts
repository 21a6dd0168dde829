import type { TSessionUser } from '@yunpin/shared';
import type { GraduateRow, OrganisationRow } from './db/schema.js';

/**
 * Every permission decision lives here, taken per resource.
 * Callers turn a refusal to read into 404, so nobody can probe what exists.
 */

const STAFF = new Set(['caseworker', 'organiser', 'admin']);

export function isStaff(actor: TSessionUser): boolean {
  return STAFF.has(actor.role);
}

function isDistrictWide(actor: TSessionUser): boolean {
  return actor.role === 'admin' || (actor.role === 'organiser' && actor.regionId === null);
}

/** Towns whose records an office user may manage; null means the whole district, [] means none. */
export function townScope(actor: TSessionUser): string[] | null {
  if (isDistrictWide(actor)) return null;
  if (actor.role === 'organiser' || actor.role === 'caseworker') return actor.townIds;
  return [];
}

function inTownScope(actor: TSessionUser, townId: string | null): boolean {
  const scope = townScope(actor);
  return scope === null || (townId !== null && scope.includes(townId));
}

export const policy = {
  canListGraduates: (actor: TSessionUser) => isStaff(actor),
  canReadGraduate: (actor: TSessionUser, file: GraduateRow) =>
    (actor.role === 'graduate' && file.user_id === actor.id) || (isStaff(actor) && inTownScope(actor, file.hukou_town_id)),
  canEditGraduate: (actor: TSessionUser, file: GraduateRow) =>
    (actor.role === 'graduate' && file.user_id === actor.id) ||
    ((actor.role === 'caseworker' || actor.role === 'admin') && inTownScope(actor, file.hukou_town_id)),
  /** Hardship is sensitive personal information: office staff only, and only they may set it. */
  canSeeHardship: (actor: TSessionUser) => isStaff(actor),
  canSetHardship: (actor: TSessionUser) => actor.role === 'caseworker' || actor.role === 'admin',
  /** A graduate may not declare themselves employed; placements are recorded by staff. */
  canSetEmploymentStatus: (actor: TSessionUser) => actor.role === 'caseworker' || actor.role === 'admin',
  canListOrganisations: (actor: TSessionUser) => isStaff(actor),
  canReadOrganisation: (actor: TSessionUser, org: OrganisationRow) =>
    actor.organisationId === org.id || isStaff(actor),
  canVerifyOrganisation: (actor: TSessionUser, org: OrganisationRow) =>
    (actor.role === 'organiser' || actor.role === 'admin') && inTownScope(actor, org.town_id),
  canEditRegions: (actor: TSessionUser) => isDistrictWide(actor),
  canReadAudit: (actor: TSessionUser) => isDistrictWide(actor),
  canListUsers: (actor: TSessionUser) => actor.role === 'admin',

  // ---- fairs ----
  /** A recruiter who represents the booth, or any admin of the booth's employer, staffs it. */
  canStaffBooth: (actor: TSessionUser, booth: { organisation_id: string }, isRepresentative: boolean) =>
    actor.organisationId === booth.organisation_id &&
    (actor.role === 'employer_admin' || (actor.role === 'recruiter' && isRepresentative)),
  /** Only graduates queue at booths and talk to recruiters as candidates. */
  canQueueAtBooth: (actor: TSessionUser) => actor.role === 'graduate',
};
