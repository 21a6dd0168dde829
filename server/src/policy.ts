import type { TSessionUser } from '@yunpin/shared';
import type { FairRow, GraduateRow, OrganisationRow } from './db/schema.js';

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

// ---- fairs: shared checks ----

interface BoothLike {
  organisation_id: string;
  status: 'applied' | 'approved' | 'rejected';
}

interface FairHostIds {
  townIds: string[];
  regionIds: string[];
}

/** Recruiters and administrators of one employer. */
function isStaffOf(actor: TSessionUser, organisationId: string): boolean {
  return (actor.role === 'recruiter' || actor.role === 'employer_admin') && actor.organisationId === organisationId;
}

/**
 * A fair is in a district organiser's or admin's scope always; in a regional organiser's when it has
 * hosts and every one is within their region (the region itself, or a town in it). The development
 * zone belongs to no region, so fairs it co-hosts are district business.
 */
function isFairInScope(actor: TSessionUser, hostTownIds: string[], hostRegionIds: string[]): boolean {
  if (isDistrictWide(actor)) return true;
  if (actor.role !== 'organiser' || actor.regionId === null) return false;
  return (
    hostTownIds.length + hostRegionIds.length > 0 &&
    hostRegionIds.every((id) => id === actor.regionId) &&
    hostTownIds.every((id) => actor.townIds.includes(id))
  );
}

function canManageFair(actor: TSessionUser, _fair: FairRow, hostTownIds: string[], hostRegionIds: string[]): boolean {
  return (actor.role === 'organiser' || actor.role === 'admin') && isFairInScope(actor, hostTownIds, hostRegionIds);
}

/** Who may see a named person's hardship status (see canSeeHardship). */
const seesHardship = (actor: TSessionUser) => actor.role === 'caseworker' || actor.role === 'admin';

export const policy = {
  canListGraduates: (actor: TSessionUser) => isStaff(actor),
  canReadGraduate: (actor: TSessionUser, file: GraduateRow) =>
    (actor.role === 'graduate' && file.user_id === actor.id) || (isStaff(actor) && inTownScope(actor, file.hukou_town_id)),
  canEditGraduate: (actor: TSessionUser, file: GraduateRow) =>
    (actor.role === 'graduate' && file.user_id === actor.id) ||
    ((actor.role === 'caseworker' || actor.role === 'admin') && inTownScope(actor, file.hukou_town_id)),
  /**
   * A person's hardship status is sensitive personal information: caseworkers (who serve and record
   * it) and admins see it, on a file, in a list or as a filter; every such read is logged. Organisers
   * run fairs and priority lanes without seeing who is in them.
   */
  canSeeHardship: (actor: TSessionUser) => seesHardship(actor),
  /** Counts of the low-income group, naming no one (dashboard, weekly report): all office staff. */
  canSeeHardshipCounts: (actor: TSessionUser) => isStaff(actor),
  canSetHardship: (actor: TSessionUser) => seesHardship(actor),
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
  /** Organisers and admins create fairs hosted within their scope (see `isFairInScope`). */
  canCreateFair: (actor: TSessionUser, hostTownIds: string[], hostRegionIds: string[]) =>
    (actor.role === 'organiser' || actor.role === 'admin') && isFairInScope(actor, hostTownIds, hostRegionIds),
  /** ...and manage those fairs: edit, move status, review booths, export, watch live. */
  canManageFair,
  /** Published, live and ended fairs are public; drafts only for those who may manage them. */
  canReadFair: (actor: TSessionUser | undefined, fair: FairRow, hostTownIds: string[], hostRegionIds: string[]) =>
    fair.status !== 'draft' || (actor !== undefined && canManageFair(actor, fair, hostTownIds, hostRegionIds)),
  /** Which drafts a fair list may include: all of them, none, or those hosted within one region's towns. */
  draftFairScope: (actor: TSessionUser | undefined): 'all' | 'none' | { regionId: string; townIds: string[] } => {
    if (!actor || !(actor.role === 'organiser' || actor.role === 'admin')) return 'none';
    if (isDistrictWide(actor)) return 'all';
    return actor.regionId ? { regionId: actor.regionId, townIds: actor.townIds } : 'none';
  },
  /** The organisers' live dashboard of a fair (queues, visitors, conversations). */
  canViewFairLive: (actor: TSessionUser, fair: FairRow, hostTownIds: string[], hostRegionIds: string[]) =>
    canManageFair(actor, fair, hostTownIds, hostRegionIds),
  canExportFair: (actor: TSessionUser, fair: FairRow, hostTownIds: string[], hostRegionIds: string[]) =>
    canManageFair(actor, fair, hostTownIds, hostRegionIds),
  /** Graduates register themselves for fairs. */
  canRegisterForFair: (actor: TSessionUser) => actor.role === 'graduate',
  /** An employer's administrator applies for its booth (verification is a separate, explained refusal). */
  canApplyForBooth: (actor: TSessionUser) => actor.role === 'employer_admin' && actor.organisationId !== null,
  /**
   * Approved booths are public; applied and rejected ones only for the booth's own employer
   * and for whoever manages the fair.
   */
  canReadBooth: (actor: TSessionUser | undefined, booth: BoothLike, fair: FairRow, hosts: FairHostIds) =>
    booth.status === 'approved' ||
    (actor !== undefined && (isStaffOf(actor, booth.organisation_id) || canManageFair(actor, fair, hosts.townIds, hosts.regionIds))),
  /** Profile, jobs, representatives and rota are the employer administrator's to change. */
  canEditBooth: (actor: TSessionUser, booth: BoothLike) => actor.role === 'employer_admin' && actor.organisationId === booth.organisation_id,
  canReviewBooth: (actor: TSessionUser, fair: FairRow, hosts: FairHostIds) => canManageFair(actor, fair, hosts.townIds, hosts.regionIds),
  /** Who may be named a representative of an employer's booth: its recruiters and administrators. */
  canRepresentOrganisation: (user: { role: TSessionUser['role']; organisation_id: string | null; is_disabled: boolean }, organisationId: string) =>
    (user.role === 'recruiter' || user.role === 'employer_admin') && user.organisation_id === organisationId && !user.is_disabled,
  /** A recruiter who represents the booth, or any admin of the booth's employer, staffs it. */
  canStaffBooth: (actor: TSessionUser, booth: { organisation_id: string }, isRepresentative: boolean) =>
    actor.organisationId === booth.organisation_id &&
    (actor.role === 'employer_admin' || (actor.role === 'recruiter' && isRepresentative)),
  /** Only graduates queue at booths and talk to recruiters as candidates. */
  canQueueAtBooth: (actor: TSessionUser) => actor.role === 'graduate',
  /** Any graduate may leave a message at an approved booth, whether or not someone is on duty. */
  canLeaveBoothMessage: (actor: TSessionUser) => actor.role === 'graduate',
  /** An employer's recruiters and administrators read and answer its 24365 inbox; nobody else sees it. */
  canUseInbox: (actor: TSessionUser, organisationId: string) => isStaffOf(actor, organisationId),

  // ---- jobs, resumes, applications ----
  /** Recruiters and administrators post their own employer's jobs. */
  canPostJob: (actor: TSessionUser) => (actor.role === 'recruiter' || actor.role === 'employer_admin') && actor.organisationId !== null,
  canManageJob: (actor: TSessionUser, job: JobLike) => isStaffOf(actor, job.organisation_id),
  /** Organisers review jobs of unverified employers in the towns they cover. */
  canReviewJob: (actor: TSessionUser, job: JobLike) => (actor.role === 'organiser' || actor.role === 'admin') && inTownScope(actor, job.town_id),
  /** Published jobs are public; drafts are the employer's; jobs in review or closed also the organisers' of the town. */
  canReadJob: (actor: TSessionUser | undefined, job: JobLike & { status: string }) =>
    job.status === 'published' ||
    (actor !== undefined &&
      (isStaffOf(actor, job.organisation_id) || (job.status !== 'draft' && (actor.role === 'organiser' || actor.role === 'admin') && inTownScope(actor, job.town_id)))),
  /** Only graduates apply, upload resumes and withdraw. */
  canApply: (actor: TSessionUser) => actor.role === 'graduate',
  /**
   * An application is its graduate's, its employer's staff's, and the graduate's caseworkers'
   * (who keep the file until the graduate is employed).
   */
  canReadApplication: (actor: TSessionUser, app: { graduate_user_id: string | null; organisation_id: string; hukou_town_id: string | null }) =>
    (actor.role === 'graduate' && app.graduate_user_id === actor.id) ||
    isStaffOf(actor, app.organisation_id) ||
    (isStaff(actor) && inTownScope(actor, app.hukou_town_id)),
  /** Pipeline decisions are the employer's people's, never a machine's. */
  canMoveApplication: (actor: TSessionUser, app: { organisation_id: string }) => isStaffOf(actor, app.organisation_id),
  /** Which graduates an actor may see as recommended candidates for a job: discoverable ones, or the towns' files. */
  candidateScope: (actor: TSessionUser, job: JobLike): { discoverableOnly: true } | { townIds: string[] | null } | null => {
    if (isStaffOf(actor, job.organisation_id)) return { discoverableOnly: true };
    if (isStaff(actor)) return { townIds: townScope(actor) };
    return null;
  },
  canViewSystemHealth: (actor: TSessionUser) => actor.role === 'organiser' || actor.role === 'admin',

  // ---- registry ----
  /** Caseworkers (rows of their towns) and admins import spreadsheets into the registry. */
  canImportRegistry: (actor: TSessionUser) => actor.role === 'caseworker' || actor.role === 'admin',
  /** Office staff see the census of the towns they serve. */
  canReadCensus: (actor: TSessionUser) => isStaff(actor),
  /** The full national ID: a caseworker of the file's town or an admin, on explicit request, audited. */
  canRevealNationalId: (actor: TSessionUser, file: GraduateRow) =>
    (actor.role === 'caseworker' || actor.role === 'admin') && inTownScope(actor, file.hukou_town_id),
  /** Hardship and its consents: caseworkers and admins serving the file's town read and record them. */
  canReadHardshipRecord: (actor: TSessionUser, file: GraduateRow) => seesHardship(actor) && inTownScope(actor, file.hukou_town_id),
  canRecordHardship: (actor: TSessionUser, file: GraduateRow) =>
    (actor.role === 'caseworker' || actor.role === 'admin') && inTownScope(actor, file.hukou_town_id),
  /** A graduate asks for their own file to be erased (PIPL); staff of the town see and decide. */
  canRequestDeletion: (actor: TSessionUser) => actor.role === 'graduate',
  canListDeletionRequests: (actor: TSessionUser) => isStaff(actor),
  canDecideDeletion: (actor: TSessionUser, file: GraduateRow) =>
    (actor.role === 'caseworker' || actor.role === 'admin') && inTownScope(actor, file.hukou_town_id),
  /** Files of these towns are the actor's to import into; null is the whole district. */
  registryScope: (actor: TSessionUser) => townScope(actor),

  // ---- subsidies, follow-ups, weekly reports ----
  /** Employers claim hiring and internship subsidies; graduates, or caseworkers for them, job-search subsidies. */
  canClaimSubsidy: (actor: TSessionUser, kind: 'hiring' | 'job_search' | 'internship') =>
    kind === 'job_search' ? actor.role === 'graduate' || actor.role === 'caseworker' || actor.role === 'admin' : (actor.role === 'recruiter' || actor.role === 'employer_admin') && actor.organisationId !== null,
  /** A claim, or a follow-up, is its graduate's, its employer's staff's, and the office's for the graduate's town. */
  canReadPlacementRecord: (actor: TSessionUser, record: PlacementRecordLike) =>
    (actor.role === 'graduate' && record.graduate_user_id === actor.id) ||
    (record.organisation_id !== null && isStaffOf(actor, record.organisation_id)) ||
    (isStaff(actor) && inTownScope(actor, record.hukou_town_id)),
  /** The office checks, approves, rejects and pays claims of graduates in its towns. */
  canDecideSubsidy: (actor: TSessionUser, claim: { hukou_town_id: string | null }) => isStaff(actor) && inTownScope(actor, claim.hukou_town_id),
  /** Subsidy amounts are the district's: office staff read them, district organisers and admins set them. */
  canReadSubsidyRates: (actor: TSessionUser) => isStaff(actor),
  canSetSubsidyRates: (actor: TSessionUser) => isDistrictWide(actor),
  /** Which side of a follow-up the actor answers for, if any. */
  followUpSide: (actor: TSessionUser, record: PlacementRecordLike): 'graduate' | 'employer' | null => {
    if (actor.role === 'graduate' && record.graduate_user_id === actor.id) return 'graduate';
    if (record.organisation_id !== null && isStaffOf(actor, record.organisation_id)) return 'employer';
    return null;
  },
  /** Weekly reports are the office's; organisers and admins may also produce one on demand. */
  canReadWeeklyReports: (actor: TSessionUser) => isStaff(actor),
  canProduceWeeklyReport: (actor: TSessionUser) => actor.role === 'organiser' || actor.role === 'admin',

  // ---- case management ----
  /** Office staff keep the case files of the towns they serve; a graduate reads their own checklist progress only. */
  canReadCaseFile: (actor: TSessionUser, file: GraduateRow) =>
    (actor.role === 'graduate' && file.user_id === actor.id) || (isStaff(actor) && inTownScope(actor, file.hukou_town_id)),
  canEditCaseFile: (actor: TSessionUser, file: GraduateRow) => isStaff(actor) && inTownScope(actor, file.hukou_town_id),
  canViewCaseload: (actor: TSessionUser) => isStaff(actor),
  /** The checklist items and note templates are the district's: district organisers and admins set them. */
  canManageCaseSettings: (actor: TSessionUser) => isDistrictWide(actor),
  /** Caseworkers' workload is an organiser's view. */
  canViewWorkload: (actor: TSessionUser) => actor.role === 'organiser' || actor.role === 'admin',
};

interface JobLike {
  organisation_id: string;
  town_id: string;
}

interface PlacementRecordLike {
  graduate_user_id: string | null;
  organisation_id: string | null;
  hukou_town_id: string | null;
}
