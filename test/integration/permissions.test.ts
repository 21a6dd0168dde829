import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../server/src/http/app.js';
import { ApiClient } from '../support/client.js';
import { createFixtures, PASSWORD, type Fixtures, type FixtureRole } from '../support/fixtures.js';
import { insertTestBooth, insertTestBoothMessage, insertTestFair } from '../support/fair-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { insertTestApplication, insertTestBooking, insertTestJob, insertTestResume, insertTestSlot, PARSED_RESUME } from '../support/job-fixtures.js';
import { uploadFile } from '../support/uploads.js';
import { DEMO_RESUME_ZH, makeResumeDocx } from '../support/resume-fixtures.js';
import { offerTerms } from '../support/offer-fixtures.js';
import { insertDueFollowUp, insertTestClaim, insertTestGraduateFile, insertTestOffer } from '../support/placement-fixtures.js';
import { produceWeeklyReport } from '../../server/src/domain/reports/produce-weekly-report.js';
import { makeRegistryCsv, registryRow, uploadRegistry } from '../support/registry-fixtures.js';
import { insertGraduate } from '../../server/src/db/repositories/graduates.js';
import { nationalIdColumns } from '../../server/src/domain/registry/national-id.js';
import { makeNationalId } from '@yunpin/shared';

type Actor = FixtureRole | 'anonymous';
const ACTORS: Actor[] = ['anonymous', 'graduate', 'recruiter', 'employer_admin', 'caseworker', 'regional_organiser', 'district_organiser', 'admin'];
const STAFF: Actor[] = ['caseworker', 'regional_organiser', 'district_organiser', 'admin'];

interface Case {
  /** The route as declared (method and path pattern), so every declared route must appear here. */
  route: string;
  label: string;
  request: (f: Fixtures, actor: Actor) => { method: string; path: string; body?: unknown };
  allowed: Actor[];
  /** Status for a logged-in actor who is refused: 404 hides what exists; 403 when they may already see it. */
  deniedStatus?: (actor: Actor) => number;
  /** Status for a refused anonymous caller: 401, or 404 on public routes that hide what exists. */
  anonymousStatus?: number;
  /** Sends the request itself (a multipart upload) instead of a JSON body. */
  send?: (client: ApiClient, actor: Actor) => Promise<{ status: number; body: any }>;
}

const everyone = ACTORS;
const loggedIn = ACTORS.filter((a) => a !== 'anonymous');
let registrations = 0;

/** Fairs, booths and messages the fair rows act on, made in beforeAll. */
interface FairMatrix {
  /** Published, hosted by region 1: booth A (employer A, approved), booth B (employer B, applied). */
  fairR1: string;
  boothA: string;
  boothBApplied: string;
  /** Published, region 1: booth B applied, to be reviewed. */
  fairR1Review: string;
  boothBReview: string;
  /** Published, region 1: no booth of employer A (it applies here); booth B approved. */
  fairR1Open: string;
  boothBApproved: string;
  /** Published district fair hosted by region 2 (outside the regional organiser's scope), booth B applied. */
  fairR2: string;
  boothBR2: string;
  /** Published, region 2: moved forward by those allowed. */
  fairR2Status: string;
  /** A draft in region 1, and one per actor allowed to publish them. */
  draft: string;
  drafts: Partial<Record<Actor, string>>;
  /** Messages at booth A, one per employer actor who answers. */
  messages: { recruiter: string; employer_admin: string };
}
let fx: FairMatrix;

/** Jobs of employer A in town A (region 1), the graduate's resume and applications. */
interface JobMatrix {
  published: string;
  draft: string;
  drafts: Partial<Record<Actor, string>>;
  review: string;
  reviews: Partial<Record<Actor, string>>;
  resume: string;
  /** Applications of the graduate: read and explained, moved, bulk-moved, withdrawn. */
  app: string;
  appMove: string;
  appBulk: string;
  appWithdraw: string;
  /** A job where the graduate's application is at the interview stage, with open slots. */
  interviewJob: string;
  interviewApp: string;
  slotToBook: string;
  slots: Partial<Record<Actor, string>>;
  /** Booked interviews: one per actor who cancels, one per interviewer who records an outcome, one for messages. */
  cancelBookings: Partial<Record<Actor, string>>;
  outcomeBookings: Partial<Record<Actor, string>>;
  fallbackBooking: string;
}
let jx: JobMatrix;

/** Offers of employer A to the graduate (town A), in the states each offer row acts on. */
interface OfferMatrix {
  /** Sent, for reading, downloading, verifying and the code request; its document's bytes and hash. */
  sent: string;
  pdf: Uint8Array;
  sha256: string;
  /** Applications at the interview stage, one per employer actor who drafts. */
  applications: Partial<Record<Actor, string>>;
  /** Drafts (edit, preview, send, bulk send) and sent offers (revoke, bulk revoke), one per employer actor. */
  drafts: Partial<Record<Actor, string>>;
  toSend: Partial<Record<Actor, string>>;
  toBulkSend: Partial<Record<Actor, string>>;
  toRevoke: Partial<Record<Actor, string>>;
  toBulkRevoke: Partial<Record<Actor, string>>;
  /** Sent, with a known code for the graduate: declined, and accepted. */
  toDecline: string;
  toAccept: string;
  /** Signed by the graduate, awaiting countersignature, one per employer actor (with a known code). */
  toCountersign: Partial<Record<Actor, string>>;
  toCountersignCode: Partial<Record<Actor, string>>;
}
let ox: OfferMatrix;

/** Hires, claims, follow-ups and a report the subsidy, follow-up and report rows act on. */
interface PlacementMatrix {
  /** A countersigned offer of employer A per employer actor, to claim a hiring subsidy for. */
  hires: Partial<Record<Actor, string>>;
  /** The graduate file each office actor claims a job-search subsidy for: the graduate (town A), a file of town B. */
  files: Partial<Record<Actor, string>>;
  rejectOpenClaims: (graduateId: string) => Promise<void>;
  /** A hiring claim of employer A for the graduate (town A); one of employer B for graduate B (town B). */
  claimA: string;
  claimB: string;
  /** Submitted and approved claims for the graduate (town A), one per office actor. */
  toDecide: Partial<Record<Actor, string>>;
  toPay: Partial<Record<Actor, string>>;
  /** A due follow-up of employer A's hire of the graduate; one of employer B's hire of graduate B. */
  followUpA: string;
  followUpB: string;
  report: string;
}
let sx: PlacementMatrix;
/** What each actor claims: employers a hiring subsidy for their own hire, the others a job-search subsidy. */
const subsidyClaimBody = (actor: Actor) =>
  actor === 'graduate' ? { kind: 'job_search' } : EMPLOYER.includes(actor) ? { kind: 'hiring', offerId: sx.hires[actor] } : { kind: 'job_search', graduateId: sx.files[actor] ?? sx.files.caseworker };

/** A subsidy rate a day per actor, `from` days ahead in Asia/Shanghai (one rate per kind and day). */
const subsidyRateBody = (actor: Actor, from: number) => ({
  kind: 'internship',
  effectiveFrom: new Date(Date.now() + 8 * 3600_000 + (from + ACTORS.indexOf(actor)) * 86_400_000).toISOString().slice(0, 10),
  amountYuan: 3100,
});
const RATE_SETTERS: Actor[] = ['district_organiser', 'admin'];

/** Registry: pending deletion requests of town A files (no accounts), one per actor who executes or rejects one. */
interface RegistryMatrix {
  toExecute: Partial<Record<Actor, string>>;
  toReject: Partial<Record<Actor, string>>;
}
let rx: RegistryMatrix;
const DECIDERS: Actor[] = ['caseworker', 'admin'];
const REGISTRY_STAFF_ONLY = (actor: Actor) => (['regional_organiser', 'district_organiser'].includes(actor) ? 403 : 404);

/** Checklist items and templates the case rows act on (all on graduate A's file, or B's). */
interface CaseMatrix {
  /** One item per staff actor: their cross row crosses it, their undo row (which comes later) undoes it. */
  items: Partial<Record<Actor, string>>;
  intention: string;
  itemIds: string[];
  /** An organiser's own item and template, renamed by the settings rows. */
  item: string;
  template: string;
}
let cx: CaseMatrix;
/** The code the matrix's one-time-code rows hold. */
const KNOWN_CODE = '246810';
const EMPLOYER: Actor[] = ['recruiter', 'employer_admin'];
const MOVE_TO: Partial<Record<Actor, string>> = { recruiter: 'interview', employer_admin: 'offer' };
let docx: Uint8Array;
const MANAGERS: Actor[] = ['regional_organiser', 'district_organiser', 'admin'];
const hour = 3600_000;
const fairBody = (f: Fixtures) => ({
  title: '片区一春季招聘会',
  level: 'region',
  hosts: { regionIds: [f.regions.r1] },
  startsAt: '2031-03-01T09:00:00+08:00',
  endsAt: '2031-03-01T17:00:00+08:00',
  capacity: 100,
});

const CASES: Case[] = [
  { route: 'get /auth/session', label: 'session', request: () => ({ method: 'GET', path: '/auth/session' }), allowed: loggedIn },
  {
    route: 'post /auth/register',
    label: 'register',
    request: () => ({ method: 'POST', path: '/auth/register', body: { role: 'graduate', name: '新同学', login: `1370000${String(++registrations).padStart(4, '0')}`, password: 'a-new-password' } }),
    allowed: everyone,
  },
  {
    route: 'post /auth/login',
    label: 'login with own credentials',
    request: (f, actor) => ({ method: 'POST', path: '/auth/login', body: { login: actor === 'anonymous' ? f.logins.graduate : f.logins[actor], password: PASSWORD } }),
    allowed: everyone,
  },
  { route: 'post /auth/logout', label: 'logout', request: () => ({ method: 'POST', path: '/auth/logout' }), allowed: loggedIn },
  { route: 'get /account', label: 'own account', request: () => ({ method: 'GET', path: '/account' }), allowed: loggedIn },
  { route: 'patch /account', label: 'rename own account', request: () => ({ method: 'PATCH', path: '/account', body: { name: '改名' } }), allowed: loggedIn },
  {
    route: 'post /account/password',
    label: 'change own password',
    request: () => ({ method: 'POST', path: '/account/password', body: { currentPassword: PASSWORD, newPassword: PASSWORD } }),
    allowed: loggedIn,
  },
  { route: 'get /account/notifications', label: 'own messages', request: () => ({ method: 'GET', path: '/account/notifications' }), allowed: loggedIn },
  { route: 'get /regions', label: 'regions', request: () => ({ method: 'GET', path: '/regions' }), allowed: everyone },
  { route: 'get /towns', label: 'towns', request: () => ({ method: 'GET', path: '/towns' }), allowed: everyone },
  {
    route: 'patch /towns/:id/region',
    label: 'move a town between regions',
    request: (f) => ({ method: 'PATCH', path: `/towns/${f.towns.a}/region`, body: { regionId: f.regions.r1 } }),
    allowed: ['district_organiser', 'admin'],
    deniedStatus: () => 403,
  },
  { route: 'get /graduates', label: 'list graduate files', request: () => ({ method: 'GET', path: '/graduates' }), allowed: STAFF },
  {
    route: 'get /graduates/:id',
    label: 'read the file in town A',
    request: (f) => ({ method: 'GET', path: `/graduates/${f.graduates.a}` }),
    allowed: ['graduate', ...STAFF],
  },
  {
    route: 'get /graduates/:id',
    label: 'read the file in town B',
    request: (f) => ({ method: 'GET', path: `/graduates/${f.graduates.b}` }),
    allowed: ['district_organiser', 'admin'],
  },
  {
    route: 'patch /graduates/:id',
    label: 'edit the file in town A',
    request: (f) => ({ method: 'PATCH', path: `/graduates/${f.graduates.a}`, body: { jobIntention: '软件开发' } }),
    allowed: ['graduate', 'caseworker', 'admin'],
    deniedStatus: (actor) => (actor === 'regional_organiser' || actor === 'district_organiser' ? 403 : 404),
  },
  {
    route: 'patch /graduates/:id',
    label: 'edit the file in town B',
    request: (f) => ({ method: 'PATCH', path: `/graduates/${f.graduates.b}`, body: { jobIntention: '物流' } }),
    allowed: ['admin'],
    deniedStatus: (actor) => (actor === 'district_organiser' ? 403 : 404),
  },
  { route: 'get /organisations', label: 'list employers', request: () => ({ method: 'GET', path: '/organisations' }), allowed: STAFF },
  {
    route: 'get /organisations/:id',
    label: 'read employer A',
    request: (f) => ({ method: 'GET', path: `/organisations/${f.orgs.a}` }),
    allowed: ['recruiter', 'employer_admin', ...STAFF],
  },
  {
    route: 'get /organisations/:id',
    label: 'read employer B',
    request: (f) => ({ method: 'GET', path: `/organisations/${f.orgs.b}` }),
    allowed: STAFF,
  },
  {
    route: 'patch /organisations/:id/verification',
    label: 'verify employer A',
    request: (f) => ({ method: 'PATCH', path: `/organisations/${f.orgs.a}/verification`, body: { isVerified: true } }),
    allowed: ['regional_organiser', 'district_organiser', 'admin'],
    deniedStatus: (actor) => (actor === 'graduate' ? 404 : 403),
  },
  {
    route: 'patch /organisations/:id/verification',
    label: 'verify employer B (outside region 1)',
    request: (f) => ({ method: 'PATCH', path: `/organisations/${f.orgs.b}/verification`, body: { isVerified: true } }),
    allowed: ['district_organiser', 'admin'],
    deniedStatus: (actor) => (['graduate', 'recruiter', 'employer_admin'].includes(actor) ? 404 : 403),
  },
  { route: 'get /audit', label: 'audit log', request: () => ({ method: 'GET', path: '/audit' }), allowed: ['district_organiser', 'admin'] },
  { route: 'get /users', label: 'all accounts', request: () => ({ method: 'GET', path: '/users' }), allowed: ['admin'] },

  // ---- fairs ----
  { route: 'get /fairs', label: 'browse fairs', request: () => ({ method: 'GET', path: '/fairs' }), allowed: everyone },
  {
    route: 'post /fairs',
    label: 'create a fair in region 1',
    request: (f) => ({ method: 'POST', path: '/fairs', body: fairBody(f) }),
    allowed: MANAGERS,
    deniedStatus: () => 403,
  },
  {
    route: 'post /fairs',
    label: 'create a fair in region 2',
    request: (f) => ({ method: 'POST', path: '/fairs', body: { ...fairBody(f), hosts: { regionIds: [f.regions.r2] } } }),
    allowed: ['district_organiser', 'admin'],
    deniedStatus: () => 403,
  },
  { route: 'get /fairs/:id', label: 'read a published fair', request: () => ({ method: 'GET', path: `/fairs/${fx.fairR1}` }), allowed: everyone },
  {
    route: 'get /fairs/:id',
    label: 'read a draft in region 1',
    request: () => ({ method: 'GET', path: `/fairs/${fx.draft}` }),
    allowed: MANAGERS,
    anonymousStatus: 404,
  },
  {
    route: 'patch /fairs/:id',
    label: 'edit a published fair in region 1',
    request: () => ({ method: 'PATCH', path: `/fairs/${fx.fairR1}`, body: { description: '更新' } }),
    allowed: MANAGERS,
    deniedStatus: () => 403,
  },
  {
    route: 'patch /fairs/:id',
    label: 'edit a published fair in region 2',
    request: () => ({ method: 'PATCH', path: `/fairs/${fx.fairR2}`, body: { description: '更新' } }),
    allowed: ['district_organiser', 'admin'],
    deniedStatus: () => 403,
  },
  {
    route: 'post /fairs/:id/status',
    label: 'publish a draft in region 1',
    request: (_f, actor) => ({ method: 'POST', path: `/fairs/${fx.drafts[actor] ?? fx.drafts.admin}/status`, body: { status: 'published' } }),
    allowed: MANAGERS,
  },
  {
    route: 'post /fairs/:id/status',
    label: 'move a published fair in region 2 forward',
    request: (_f, actor) => ({ method: 'POST', path: `/fairs/${fx.fairR2Status}/status`, body: { status: actor === 'admin' ? 'ended' : 'live' } }),
    allowed: ['district_organiser', 'admin'],
    deniedStatus: () => 403,
  },
  {
    route: 'post /fairs/:id/registration',
    label: 'register for a fair',
    request: () => ({ method: 'POST', path: `/fairs/${fx.fairR1}/registration` }),
    allowed: ['graduate'],
    deniedStatus: () => 403,
  },
  {
    route: 'delete /fairs/:id/registration',
    label: 'cancel a registration',
    request: () => ({ method: 'DELETE', path: `/fairs/${fx.fairR1}/registration` }),
    allowed: ['graduate'],
    deniedStatus: () => 403,
  },
  { route: 'get /fairs/:id/booths', label: "a fair's booths", request: () => ({ method: 'GET', path: `/fairs/${fx.fairR1}/booths` }), allowed: everyone },
  {
    route: 'post /fairs/:id/booths',
    label: 'apply for a booth',
    request: () => ({ method: 'POST', path: `/fairs/${fx.fairR1Open}/booths`, body: { profile: '甲公司展位', jobs: [{ title: '软件工程师' }] } }),
    allowed: ['employer_admin'],
    deniedStatus: () => 403,
  },
  {
    route: 'get /fairs/:id/live',
    label: 'live view of a region 1 fair',
    request: () => ({ method: 'GET', path: `/fairs/${fx.fairR1}/live` }),
    allowed: MANAGERS,
  },
  {
    route: 'get /fairs/:id/registrations.csv',
    label: 'export registrations of a region 1 fair',
    request: () => ({ method: 'GET', path: `/fairs/${fx.fairR1}/registrations.csv` }),
    allowed: MANAGERS,
  },
  {
    route: 'get /fairs/:id/booths.csv',
    label: 'export booths of a region 2 fair',
    request: () => ({ method: 'GET', path: `/fairs/${fx.fairR2}/booths.csv` }),
    allowed: ['district_organiser', 'admin'],
  },

  // ---- booths and the 24365 inbox ----
  { route: 'get /booths/:id', label: 'read an approved booth', request: () => ({ method: 'GET', path: `/booths/${fx.boothA}` }), allowed: everyone },
  {
    route: 'get /booths/:id',
    label: "read employer B's application",
    request: () => ({ method: 'GET', path: `/booths/${fx.boothBApplied}` }),
    allowed: MANAGERS,
    anonymousStatus: 404,
  },
  {
    route: 'patch /booths/:id',
    label: "edit employer A's booth",
    request: () => ({ method: 'PATCH', path: `/booths/${fx.boothA}`, body: { profile: '更新简介' } }),
    allowed: ['employer_admin'],
    deniedStatus: () => 403,
  },
  {
    route: 'patch /booths/:id',
    label: "edit employer B's application",
    request: () => ({ method: 'PATCH', path: `/booths/${fx.boothBApplied}`, body: { profile: '篡改' } }),
    allowed: [],
    deniedStatus: (actor) => (MANAGERS.includes(actor) ? 403 : 404),
  },
  {
    route: 'put /booths/:id/representatives',
    label: "name booth A's representatives",
    request: (f) => ({ method: 'PUT', path: `/booths/${fx.boothA}/representatives`, body: { userIds: [f.userIds.recruiter, f.userIds.employer_admin] } }),
    allowed: ['employer_admin'],
    deniedStatus: () => 403,
  },
  {
    route: 'put /booths/:id/rota',
    label: "set booth A's rota",
    request: (f) => ({
      method: 'PUT',
      path: `/booths/${fx.boothA}/rota`,
      body: { slots: [{ userId: f.userIds.employer_admin, startsAt: new Date(Date.now() - hour).toISOString(), endsAt: new Date(Date.now() + hour).toISOString() }] },
    }),
    allowed: ['employer_admin'],
    deniedStatus: () => 403,
  },
  {
    route: 'post /booths/:id/review',
    label: 'review an application in region 1',
    request: () => ({ method: 'POST', path: `/booths/${fx.boothBReview}/review`, body: { decision: 'rejected', reason: '资料不全' } }),
    allowed: MANAGERS,
  },
  {
    route: 'post /booths/:id/review',
    label: 'review an application in region 2',
    request: () => ({ method: 'POST', path: `/booths/${fx.boothBR2}/review`, body: { decision: 'rejected', reason: '资料不全' } }),
    allowed: ['district_organiser', 'admin'],
  },
  {
    route: 'post /booths/:id/messages',
    label: 'leave a message at an approved booth',
    request: () => ({ method: 'POST', path: `/booths/${fx.boothBApproved}/messages`, body: { body: '请问还招人吗？' } }),
    allowed: ['graduate'],
    deniedStatus: () => 403,
  },
  {
    route: 'get /organisations/:id/inbox',
    label: "employer A's inbox",
    request: (f) => ({ method: 'GET', path: `/organisations/${f.orgs.a}/inbox` }),
    allowed: ['recruiter', 'employer_admin'],
  },
  {
    route: 'post /booth-messages/:id/reply',
    label: 'answer a message at booth A',
    request: (_f, actor) => ({ method: 'POST', path: `/booth-messages/${actor === 'employer_admin' ? fx.messages.employer_admin : fx.messages.recruiter}/reply`, body: { reply: '欢迎投递简历' } }),
    allowed: ['recruiter', 'employer_admin'],
  },
  { route: 'get /account/booth-messages', label: 'own booth messages', request: () => ({ method: 'GET', path: '/account/booth-messages' }), allowed: loggedIn },
  // ---- jobs ----
  { route: 'get /jobs', label: 'search published jobs', request: () => ({ method: 'GET', path: '/jobs?q=java' }), allowed: everyone },
  { route: 'get /jobs.csv', label: 'export the job list', request: () => ({ method: 'GET', path: '/jobs.csv' }), allowed: loggedIn },
  {
    route: 'post /jobs',
    label: 'post a job',
    request: (f) => ({ method: 'POST', path: '/jobs', body: { title: '测试工程师', requirements: { skills: ['软件测试'], degree: null, majors: [] }, townId: f.towns.a, salaryMin: 6000, salaryMax: 8000, headcount: 1, deadline: '2031-01-01' } }),
    allowed: EMPLOYER,
    deniedStatus: () => 403,
  },
  { route: 'get /jobs/:id', label: 'a published job', request: () => ({ method: 'GET', path: `/jobs/${jx.published}` }), allowed: everyone },
  {
    route: 'patch /jobs/:id',
    label: "edit employer A's published job",
    request: () => ({ method: 'PATCH', path: `/jobs/${jx.published}`, body: { headcount: 3 } }),
    allowed: EMPLOYER,
    deniedStatus: () => 403,
  },
  {
    route: 'post /jobs/:id/status',
    label: "submit employer A's draft",
    request: (_f, actor) => ({ method: 'POST', path: `/jobs/${jx.drafts[actor] ?? jx.draft}/status`, body: { action: 'submit' } }),
    allowed: EMPLOYER,
  },
  {
    route: 'post /jobs/:id/status',
    label: 'approve a job in review in town A',
    request: (_f, actor) => ({ method: 'POST', path: `/jobs/${jx.reviews[actor] ?? jx.review}/status`, body: { action: 'approve' } }),
    allowed: MANAGERS,
    deniedStatus: (actor) => (EMPLOYER.includes(actor) ? 403 : 404),
  },
  {
    route: 'post /jobs/:id/applications',
    label: 'apply to a published job',
    request: () => ({ method: 'POST', path: `/jobs/${jx.published}/applications`, body: {} }),
    allowed: ['graduate'],
    deniedStatus: () => 403,
  },
  ...(['get /jobs/:id/applications', 'get /jobs/:id/applications.csv', 'get /jobs/:id/screening', 'post /jobs/:id/screening'] as const).map((route) => ({
    route,
    label: `${route} of employer A's job`,
    request: () => ({ method: route.split(' ')[0]!.toUpperCase(), path: route.split(' ')[1]!.replace(':id', jx.published) }),
    allowed: EMPLOYER,
    deniedStatus: () => 403,
  })),
  {
    route: 'get /jobs/:id/recommended-graduates',
    label: "recommended candidates for employer A's job",
    request: () => ({ method: 'GET', path: `/jobs/${jx.published}/recommended-graduates` }),
    allowed: [...EMPLOYER, ...STAFF],
    deniedStatus: () => 403,
  },
  // ---- resumes and applications ----
  {
    route: 'post /me/resumes',
    label: 'upload a resume',
    request: () => ({ method: 'POST', path: '/me/resumes' }),
    send: (client) => uploadFile(client, '/api/v1/me/resumes', docx, 'resume.docx'),
    allowed: ['graduate'],
    deniedStatus: () => 403,
  },
  { route: 'get /me/resumes', label: 'own resumes', request: () => ({ method: 'GET', path: '/me/resumes' }), allowed: ['graduate'], deniedStatus: () => 403 },
  { route: 'get /me/resumes/:id', label: 'own resume', request: () => ({ method: 'GET', path: `/me/resumes/${jx.resume}` }), allowed: ['graduate'], deniedStatus: () => 403 },
  {
    route: 'put /me/resumes/:id/confirmation',
    label: 'confirm own resume',
    request: () => ({ method: 'PUT', path: `/me/resumes/${jx.resume}/confirmation`, body: { parsed: PARSED_RESUME } }),
    allowed: ['graduate'],
    deniedStatus: () => 403,
  },
  { route: 'get /me/applications', label: 'own applications', request: () => ({ method: 'GET', path: '/me/applications' }), allowed: ['graduate'], deniedStatus: () => 403 },
  { route: 'get /me/recommended-jobs', label: 'own recommended jobs', request: () => ({ method: 'GET', path: '/me/recommended-jobs' }), allowed: ['graduate'] },
  {
    route: 'get /graduates/:id/recommended-jobs',
    label: "recommended jobs for town A's graduate",
    request: (f) => ({ method: 'GET', path: `/graduates/${f.graduates.a}/recommended-jobs` }),
    allowed: ['graduate', ...STAFF],
  },
  { route: 'get /applications/:id', label: "the graduate's application to employer A", request: () => ({ method: 'GET', path: `/applications/${jx.app}` }), allowed: loggedIn },
  {
    route: 'post /applications/:id/status',
    label: 'move an application to employer A',
    request: (_f, actor) => ({ method: 'POST', path: `/applications/${jx.appMove}/status`, body: { status: MOVE_TO[actor] ?? 'rejected' } }),
    allowed: EMPLOYER,
    deniedStatus: () => 403,
  },
  {
    route: 'post /applications/bulk-status',
    label: 'move applications in bulk',
    request: (_f, actor) => ({ method: 'POST', path: '/applications/bulk-status', body: { ids: [jx.appBulk], status: MOVE_TO[actor] ?? 'rejected' } }),
    allowed: EMPLOYER,
    deniedStatus: () => 403,
  },
  {
    route: 'post /applications/:id/withdrawal',
    label: 'withdraw own application',
    request: () => ({ method: 'POST', path: `/applications/${jx.appWithdraw}/withdrawal` }),
    allowed: ['graduate'],
    deniedStatus: () => 403,
  },
  {
    route: 'post /applications/:id/explanation',
    label: 'ask for the explanation of own score',
    request: () => ({ method: 'POST', path: `/applications/${jx.app}/explanation` }),
    allowed: ['graduate'],
    deniedStatus: () => 403,
  },
  {
    route: 'post /applications/:id/review-request',
    label: 'ask a person to review own application',
    request: () => ({ method: 'POST', path: `/applications/${jx.app}/review-request`, body: { reason: '请人工复核' } }),
    allowed: ['graduate'],
    deniedStatus: () => 403,
  },
  { route: 'get /system/queues', label: 'queue health', request: () => ({ method: 'GET', path: '/system/queues' }), allowed: MANAGERS, deniedStatus: () => 403 },
  // ---- interviews ----
  {
    route: 'post /jobs/:id/interview-slots',
    label: "publish interview slots for employer A's job",
    request: () => ({ method: 'POST', path: `/jobs/${jx.published}/interview-slots`, body: { startsAt: [new Date(Date.now() + 3 * 86_400_000).toISOString()], durationMinutes: 30 } }),
    allowed: EMPLOYER,
    deniedStatus: () => 403,
  },
  {
    route: 'get /jobs/:id/interview-slots',
    label: 'interview slots of a job the graduate is invited to interview for',
    request: () => ({ method: 'GET', path: `/jobs/${jx.interviewJob}/interview-slots` }),
    allowed: ['graduate', ...EMPLOYER],
    deniedStatus: () => 403,
  },
  {
    route: 'delete /interview-slots/:id',
    label: "withdraw employer A's slot",
    request: (_f, actor) => ({ method: 'DELETE', path: `/interview-slots/${jx.slots[actor] ?? jx.slotToBook}` }),
    allowed: EMPLOYER,
  },
  {
    route: 'post /interview-slots/:id/booking',
    label: 'book an interview slot',
    request: () => ({ method: 'POST', path: `/interview-slots/${jx.slotToBook}/booking`, body: { applicationId: jx.interviewApp } }),
    allowed: ['graduate'],
    deniedStatus: () => 403,
  },
  {
    route: 'delete /interview-bookings/:id',
    label: 'cancel a booked interview',
    request: (_f, actor) => ({ method: 'DELETE', path: `/interview-bookings/${jx.cancelBookings[actor] ?? jx.fallbackBooking}` }),
    allowed: ['graduate', ...EMPLOYER],
  },
  {
    route: 'post /interview-bookings/:id/outcome',
    label: 'record an interview outcome',
    request: (_f, actor) => ({ method: 'POST', path: `/interview-bookings/${jx.outcomeBookings[actor] ?? jx.fallbackBooking}/outcome`, body: { outcome: 'hold', scorecard: { criteria: [{ name: '专业能力', score: 3 }] } } }),
    allowed: EMPLOYER,
    deniedStatus: (actor) => (actor === 'graduate' ? 403 : 404),
  },
  {
    route: 'post /interview-bookings/:id/fallback',
    label: 'send a message instead of a failed call',
    request: () => ({ method: 'POST', path: `/interview-bookings/${jx.fallbackBooking}/fallback`, body: { kind: 'message', body: '网络中断，改为电话沟通' } }),
    allowed: ['graduate', ...EMPLOYER],
  },
  { route: 'get /me/interviews', label: 'own interviews', request: () => ({ method: 'GET', path: '/me/interviews' }), allowed: ['graduate'], deniedStatus: () => 403 },
  { route: 'get /employer/interviews', label: "the employer's interview schedule", request: () => ({ method: 'GET', path: '/employer/interviews' }), allowed: EMPLOYER, deniedStatus: () => 403 },
  { route: 'get /employer/interviews.csv', label: "export the employer's interview schedule", request: () => ({ method: 'GET', path: '/employer/interviews.csv' }), allowed: EMPLOYER, deniedStatus: () => 403 },
  // ---- dashboard ----
  { route: 'get /dashboard/goals', label: 'the 4×100% dashboard', request: () => ({ method: 'GET', path: '/dashboard/goals' }), allowed: STAFF, deniedStatus: () => 403 },
  {
    route: 'get /dashboard/goals/:goal/graduates',
    label: 'the list behind a goal in town A',
    request: (f) => ({ method: 'GET', path: `/dashboard/goals/employment/graduates?townId=${f.towns.a}` }),
    allowed: STAFF,
    deniedStatus: () => 403,
  },
  {
    route: 'get /dashboard/goals/:goal/graduates',
    label: 'the list behind a goal in town B',
    request: (f) => ({ method: 'GET', path: `/dashboard/goals/census/graduates?townId=${f.towns.b}` }),
    allowed: ['district_organiser', 'admin'],
    // Office staff without town B do not see it exists; others have no dashboard at all.
    deniedStatus: (actor) => (actor === 'caseworker' || actor === 'regional_organiser' ? 404 : 403),
  },
  {
    route: 'get /dashboard/goals/:goal/graduates.csv',
    label: 'export the list behind a goal',
    request: () => ({ method: 'GET', path: '/dashboard/goals/services/graduates.csv' }),
    allowed: STAFF,
    deniedStatus: () => 403,
  },
  { route: 'get /dashboard/balance', label: 'the "1+5" jobs against graduates', request: () => ({ method: 'GET', path: '/dashboard/balance' }), allowed: STAFF, deniedStatus: () => 403 },
  // ---- offers ----
  { route: 'get /employer/offer-templates', label: 'offer templates', request: () => ({ method: 'GET', path: '/employer/offer-templates' }), allowed: EMPLOYER, deniedStatus: () => 403 },
  {
    route: 'post /employer/offer-templates',
    label: 'save an offer template',
    request: (_f, actor) => ({ method: 'POST', path: '/employer/offer-templates', body: { name: `模板-${actor}`, probationMonths: 3 } }),
    allowed: EMPLOYER,
    deniedStatus: () => 403,
  },
  {
    route: 'post /offers',
    label: 'draft an offer',
    request: (_f, actor) => ({ method: 'POST', path: '/offers', body: offerTerms(ox.applications[actor] ?? ox.applications.recruiter!) }),
    allowed: EMPLOYER,
    deniedStatus: () => 403,
  },
  { route: 'get /offers', label: 'list offers', request: () => ({ method: 'GET', path: '/offers' }), allowed: [...EMPLOYER, ...STAFF], deniedStatus: () => 403 },
  { route: 'get /offers.csv', label: 'export offers', request: () => ({ method: 'GET', path: '/offers.csv' }), allowed: [...EMPLOYER, ...STAFF], deniedStatus: () => 403 },
  {
    route: 'post /offers/bulk-send',
    label: 'send offers in bulk',
    request: (_f, actor) => ({ method: 'POST', path: '/offers/bulk-send', body: { ids: [ox.toBulkSend[actor] ?? ox.sent] } }),
    allowed: EMPLOYER,
    deniedStatus: () => 403,
  },
  {
    route: 'post /offers/bulk-revoke',
    label: 'revoke offers in bulk',
    request: (_f, actor) => ({ method: 'POST', path: '/offers/bulk-revoke', body: { ids: [ox.toBulkRevoke[actor] ?? ox.sent], reason: '计划调整' } }),
    allowed: EMPLOYER,
    deniedStatus: () => 403,
  },
  { route: 'get /me/offers', label: 'own offers', request: () => ({ method: 'GET', path: '/me/offers' }), allowed: ['graduate'], deniedStatus: () => 403 },
  { route: 'get /offers/:id', label: 'read an offer to a graduate of town A', request: () => ({ method: 'GET', path: `/offers/${ox.sent}` }), allowed: loggedIn },
  {
    route: 'patch /offers/:id',
    label: 'edit a draft offer',
    request: (_f, actor) => ({ method: 'PATCH', path: `/offers/${ox.drafts[actor] ?? ox.drafts.recruiter}`, body: { salaryMonthlyYuan: 9900 } }),
    allowed: EMPLOYER,
    // The graduate does not see drafts; office staff see the offer but do not manage it.
    deniedStatus: (actor) => (actor === 'graduate' ? 404 : 403),
  },
  {
    route: 'get /offers/:id/preview.pdf',
    label: 'preview a draft offer',
    request: (_f, actor) => ({ method: 'GET', path: `/offers/${ox.drafts[actor] ?? ox.drafts.recruiter}/preview.pdf` }),
    allowed: EMPLOYER,
  },
  { route: 'get /offers/:id/document.pdf', label: "download an offer's document", request: () => ({ method: 'GET', path: `/offers/${ox.sent}/document.pdf` }), allowed: loggedIn },
  {
    route: 'post /offers/:id/send',
    label: 'send a draft offer',
    request: (_f, actor) => ({ method: 'POST', path: `/offers/${ox.toSend[actor] ?? ox.drafts.recruiter}/send` }),
    allowed: EMPLOYER,
    deniedStatus: (actor) => (actor === 'graduate' ? 404 : 403),
  },
  {
    route: 'post /offers/:id/revoke',
    label: 'revoke a sent offer',
    request: (_f, actor) => ({ method: 'POST', path: `/offers/${ox.toRevoke[actor] ?? ox.sent}/revoke`, body: { reason: '岗位调整' } }),
    allowed: EMPLOYER,
    deniedStatus: () => 403,
  },
  {
    route: 'post /offers/:id/decline',
    label: 'decline an offer',
    request: () => ({ method: 'POST', path: `/offers/${ox.toDecline}/decline`, body: { reason: '已有其他选择' } }),
    allowed: ['graduate'],
    deniedStatus: () => 403,
  },
  { route: 'post /offers/:id/accept/code', label: 'ask for a signing code', request: () => ({ method: 'POST', path: `/offers/${ox.sent}/accept/code` }), allowed: ['graduate'], deniedStatus: () => 403 },
  {
    route: 'post /offers/:id/accept',
    label: 'accept and sign an offer with the code',
    request: () => ({ method: 'POST', path: `/offers/${ox.toAccept}/accept`, body: { code: KNOWN_CODE } }),
    allowed: ['graduate'],
    deniedStatus: () => 403,
  },
  {
    route: 'post /offers/:id/countersign/code',
    label: 'ask for a countersigning code',
    request: (_f, actor) => ({ method: 'POST', path: `/offers/${ox.toCountersignCode[actor] ?? ox.toCountersignCode.recruiter}/countersign/code` }),
    allowed: EMPLOYER,
    deniedStatus: () => 403,
  },
  {
    route: 'post /offers/:id/countersign',
    label: 'countersign an offer with the code',
    request: (_f, actor) => ({ method: 'POST', path: `/offers/${ox.toCountersign[actor] ?? ox.toCountersign.recruiter}/countersign`, body: { code: KNOWN_CODE } }),
    allowed: EMPLOYER,
    deniedStatus: () => 403,
  },
  { route: 'get /offers/:id/verify', label: "verify an offer's document", request: () => ({ method: 'GET', path: `/offers/${ox.sent}/verify` }), allowed: loggedIn },
  {
    route: 'post /verify',
    label: 'verify an uploaded PDF (public)',
    request: () => ({ method: 'POST', path: '/verify' }),
    send: (client) => uploadFile(client, '/api/v1/verify', ox.pdf, 'offer.pdf'),
    allowed: everyone,
  },
  { route: 'get /verify/:sha256', label: 'verify a document hash (public)', request: () => ({ method: 'GET', path: `/verify/${ox.sha256}` }), allowed: everyone },
  { route: 'get /caseload', label: "caseload of the caller's towns", request: () => ({ method: 'GET', path: '/caseload?noContact=14d' }), allowed: STAFF },
  { route: 'get /caseload.csv', label: 'export the caseload', request: () => ({ method: 'GET', path: '/caseload.csv' }), allowed: STAFF },
  { route: 'get /caseload/no-service', label: 'graduates with no service yet', request: () => ({ method: 'GET', path: '/caseload/no-service' }), allowed: STAFF },
  { route: 'get /caseload/no-service.csv', label: 'export the no-service list', request: () => ({ method: 'GET', path: '/caseload/no-service.csv' }), allowed: STAFF },
  { route: 'get /caseworkers/workload', label: "caseworkers' workload", request: () => ({ method: 'GET', path: '/caseworkers/workload' }), allowed: MANAGERS },
  { route: 'get /caseworkers/workload.csv', label: "export caseworkers' workload", request: () => ({ method: 'GET', path: '/caseworkers/workload.csv' }), allowed: MANAGERS },
  { route: 'get /cases/:id', label: 'read the case file in town A', request: (f) => ({ method: 'GET', path: `/cases/${f.graduates.a}` }), allowed: ['graduate', ...STAFF] },
  { route: 'get /cases/:id', label: 'read the case file in town B', request: (f) => ({ method: 'GET', path: `/cases/${f.graduates.b}` }), allowed: ['district_organiser', 'admin'] },
  {
    route: 'get /cases/:id/timeline',
    label: "read a case file's timeline in town A",
    request: (f) => ({ method: 'GET', path: `/cases/${f.graduates.a}/timeline` }),
    allowed: STAFF,
    // The graduate sees their own checklist progress, not the caseworkers' notes.
    deniedStatus: (actor) => (actor === 'graduate' ? 403 : 404),
  },
  {
    route: 'post /cases/:id/checklist/:itemId/cross',
    label: 'cross a checklist item off in town A',
    request: (f, actor) => ({ method: 'POST', path: `/cases/${f.graduates.a}/checklist/${cx.items[actor] ?? cx.intention}/cross`, body: { note: '已登记' } }),
    allowed: STAFF,
    deniedStatus: (actor) => (actor === 'graduate' ? 403 : 404),
  },
  {
    route: 'post /cases/:id/checklist/:itemId/undo',
    label: 'undo a crossing in town A',
    request: (f, actor) => ({ method: 'POST', path: `/cases/${f.graduates.a}/checklist/${cx.items[actor] ?? cx.intention}/undo`, body: { reason: '核实有误' } }),
    allowed: STAFF,
    deniedStatus: (actor) => (actor === 'graduate' ? 403 : 404),
  },
  {
    route: 'post /cases/:id/checklist/:itemId/cross',
    label: 'cross a checklist item off in town B',
    request: (f, actor) => ({ method: 'POST', path: `/cases/${f.graduates.b}/checklist/${actor === 'admin' ? cx.item : cx.intention}/cross`, body: {} }),
    allowed: ['district_organiser', 'admin'],
  },
  {
    route: 'post /cases/:id/notes',
    label: 'write a case note in town A',
    request: (f) => ({ method: 'POST', path: `/cases/${f.graduates.a}/notes`, body: { body: '电话联系，暂未就业' } }),
    allowed: STAFF,
    deniedStatus: (actor) => (actor === 'graduate' ? 403 : 404),
  },
  {
    route: 'post /cases/:id/services',
    label: 'record a service in town A',
    request: (f) => ({ method: 'POST', path: `/cases/${f.graduates.a}/services`, body: { type: 'career_guidance', date: '2026-06-01' } }),
    allowed: STAFF,
    deniedStatus: (actor) => (actor === 'graduate' ? 403 : 404),
  },
  { route: 'get /case-settings/checklist-items', label: 'checklist items', request: () => ({ method: 'GET', path: '/case-settings/checklist-items' }), allowed: STAFF },
  {
    route: 'put /case-settings/checklist-items/order',
    label: 'reorder checklist items',
    request: () => ({ method: 'PUT', path: '/case-settings/checklist-items/order', body: { ids: cx.itemIds } }),
    allowed: ['district_organiser', 'admin'],
    deniedStatus: (actor) => (STAFF.includes(actor) ? 403 : 404),
  },
  {
    route: 'post /case-settings/checklist-items',
    label: 'add a checklist item',
    request: () => ({ method: 'POST', path: '/case-settings/checklist-items', body: { labelZh: '已参加见习', labelEn: 'Internship started' } }),
    allowed: ['district_organiser', 'admin'],
    deniedStatus: (actor) => (STAFF.includes(actor) ? 403 : 404),
  },
  {
    route: 'patch /case-settings/checklist-items/:id',
    label: 'rename a checklist item',
    request: () => ({ method: 'PATCH', path: `/case-settings/checklist-items/${cx.item}`, body: { labelZh: '已参加职业培训' } }),
    allowed: ['district_organiser', 'admin'],
    deniedStatus: (actor) => (STAFF.includes(actor) ? 403 : 404),
  },
  { route: 'get /case-settings/note-templates', label: 'case note templates', request: () => ({ method: 'GET', path: '/case-settings/note-templates' }), allowed: STAFF },
  {
    route: 'post /case-settings/note-templates',
    label: 'add a case note template',
    request: () => ({ method: 'POST', path: '/case-settings/note-templates', body: { title: '微信联系', body: '微信沟通：', isContact: true } }),
    allowed: ['district_organiser', 'admin'],
    deniedStatus: (actor) => (STAFF.includes(actor) ? 403 : 404),
  },
  {
    route: 'patch /case-settings/note-templates/:id',
    label: 'edit a case note template',
    request: () => ({ method: 'PATCH', path: `/case-settings/note-templates/${cx.template}`, body: { body: '上门走访，了解：' } }),
    allowed: ['district_organiser', 'admin'],
    deniedStatus: (actor) => (STAFF.includes(actor) ? 403 : 404),
  },

  // ---- registry ----
  { route: 'get /registry/template.xlsx', label: 'import template', request: () => ({ method: 'GET', path: '/registry/template.xlsx' }), allowed: DECIDERS },
  {
    route: 'post /registry/import',
    label: 'validate an import',
    request: () => ({ method: 'POST', path: '/registry/import?mode=validate' }),
    allowed: DECIDERS,
    send: (client) => uploadRegistry(client, makeRegistryCsv([registryRow(9000)], { hasBom: true }), 'rows.csv', 'validate'),
  },
  { route: 'get /registry/census', label: 'census', request: () => ({ method: 'GET', path: '/registry/census' }), allowed: STAFF },
  { route: 'get /registry/census.csv', label: 'census as CSV', request: () => ({ method: 'GET', path: '/registry/census.csv' }), allowed: STAFF },
  { route: 'get /registry/census.xlsx', label: 'census as xlsx', request: () => ({ method: 'GET', path: '/registry/census.xlsx' }), allowed: STAFF },
  {
    route: 'put /registry/graduates/:id/national-id',
    label: 'set the national ID of the file in town A',
    request: (f) => ({ method: 'PUT', path: `/registry/graduates/${f.graduates.a}/national-id`, body: { nationalId: makeNationalId('310117', '20040506', 1) } }),
    allowed: ['graduate', 'caseworker', 'admin'],
    deniedStatus: REGISTRY_STAFF_ONLY,
  },
  {
    route: 'post /registry/graduates/:id/national-id/reveal',
    label: 'reveal the national ID of the file in town A',
    request: (f) => ({ method: 'POST', path: `/registry/graduates/${f.graduates.a}/national-id/reveal` }),
    allowed: DECIDERS,
    deniedStatus: (actor) => (['graduate', 'regional_organiser', 'district_organiser'].includes(actor) ? 403 : 404),
  },
  {
    route: 'get /registry/graduates/:id/hardship',
    label: 'read hardship and consents of the file in town A',
    request: (f) => ({ method: 'GET', path: `/registry/graduates/${f.graduates.a}/hardship` }),
    // A named person's hardship: caseworkers and admins only; to anyone else the record is not there.
    allowed: DECIDERS,
  },
  {
    route: 'post /registry/graduates/:id/hardship',
    label: 'record hardship with consent for the file in town A',
    request: (f) => ({ method: 'POST', path: `/registry/graduates/${f.graduates.a}/hardship`, body: { isHardship: true, givenBy: '李明', basis: 'in_person', consentedAt: '2026-03-01T09:00:00+08:00' } }),
    allowed: DECIDERS,
  },
  { route: 'get /me/deletion-requests', label: 'own deletion requests', request: () => ({ method: 'GET', path: '/me/deletion-requests' }), allowed: ['graduate'] },
  { route: 'post /me/deletion-requests', label: 'ask for erasure', request: () => ({ method: 'POST', path: '/me/deletion-requests', body: { reason: '测试' } }), allowed: ['graduate'] },
  { route: 'get /registry/deletion-requests', label: 'deletion requests', request: () => ({ method: 'GET', path: '/registry/deletion-requests' }), allowed: STAFF },
  { route: 'get /registry/deletion-requests.csv', label: 'deletion requests as CSV', request: () => ({ method: 'GET', path: '/registry/deletion-requests.csv' }), allowed: STAFF },
  {
    route: 'post /registry/deletion-requests/:id/execute',
    label: 'carry out a deletion request in town A',
    request: (_f, actor) => ({ method: 'POST', path: `/registry/deletion-requests/${rx.toExecute[actor] ?? rx.toExecute.admin}/execute`, body: {} }),
    allowed: DECIDERS,
    deniedStatus: REGISTRY_STAFF_ONLY,
  },
  {
    route: 'post /registry/deletion-requests/:id/reject',
    label: 'refuse a deletion request in town A',
    request: (_f, actor) => ({ method: 'POST', path: `/registry/deletion-requests/${rx.toReject[actor] ?? rx.toReject.admin}/reject`, body: { note: '身份未核实' } }),
    allowed: DECIDERS,
    deniedStatus: REGISTRY_STAFF_ONLY,
  },
  // ---- subsidies, follow-ups, weekly reports ----
  { route: 'get /subsidies/claims', label: 'list subsidy claims in scope', request: () => ({ method: 'GET', path: '/subsidies/claims' }), allowed: loggedIn },
  { route: 'get /subsidies/claims.csv', label: 'export subsidy claims', request: () => ({ method: 'GET', path: '/subsidies/claims.csv' }), allowed: loggedIn },
  {
    route: 'post /subsidies/claims',
    label: 'claim a subsidy (employers: hiring; graduates and caseworkers: job search)',
    request: (_f, actor) => ({
      method: 'POST',
      path: '/subsidies/claims',
      body: subsidyClaimBody(actor),
    }),
    // The caseworker claims for the graduate of town A, whose own claim (the graduate's cell) is rejected first: no duplicate.
    send: async (client, actor) => {
      if (actor === 'caseworker') await sx.rejectOpenClaims(sx.files.caseworker!);
      return client.request('POST', '/api/v1/subsidies/claims', subsidyClaimBody(actor));
    },
    allowed: ['graduate', ...EMPLOYER, 'caseworker', 'admin'],
    deniedStatus: () => 403,
  },
  { route: 'get /subsidies/claims/:id', label: "read a claim for town B's graduate", request: () => ({ method: 'GET', path: `/subsidies/claims/${sx.claimB}` }), allowed: ['district_organiser', 'admin'] },
  {
    route: 'post /subsidies/claims/:id/check',
    label: 'check a claim for a graduate of town A',
    request: () => ({ method: 'POST', path: `/subsidies/claims/${sx.claimA}/check` }),
    allowed: STAFF,
    deniedStatus: () => 403,
  },
  {
    route: 'post /subsidies/claims/:id/decision',
    label: 'reject a claim with a reason',
    request: (_f, actor) => ({ method: 'POST', path: `/subsidies/claims/${sx.toDecide[actor] ?? sx.toDecide.caseworker}/decision`, body: { decision: 'reject', reason: '材料不全' } }),
    allowed: STAFF,
    deniedStatus: () => 403,
  },
  {
    route: 'post /subsidies/claims/:id/payment',
    label: 'record the payment of an approved claim',
    request: (_f, actor) => ({ method: 'POST', path: `/subsidies/claims/${sx.toPay[actor] ?? sx.toPay.caseworker}/payment`, body: { idempotencyKey: `matrix-${actor}-payment`, reference: 'BANK-1' } }),
    allowed: STAFF,
    deniedStatus: () => 403,
  },
  { route: 'get /subsidies/paid-rate', label: 'the paid rate by town', request: () => ({ method: 'GET', path: '/subsidies/paid-rate' }), allowed: loggedIn },
  { route: 'get /subsidies/rates', label: 'list subsidy rates', request: () => ({ method: 'GET', path: '/subsidies/rates' }), allowed: STAFF, deniedStatus: () => 403 },
  { route: 'get /subsidies/rates.csv', label: 'export subsidy rates', request: () => ({ method: 'GET', path: '/subsidies/rates.csv' }), allowed: STAFF, deniedStatus: () => 403 },
  {
    route: 'post /subsidies/rates',
    label: 'schedule a subsidy rate',
    request: (_f, actor) => ({ method: 'POST', path: '/subsidies/rates', body: subsidyRateBody(actor, 1) }),
    allowed: RATE_SETTERS,
    deniedStatus: () => 403,
  },
  {
    route: 'delete /subsidies/rates/:id',
    label: 'delete a scheduled subsidy rate',
    request: () => ({ method: 'DELETE', path: `/subsidies/rates/${randomUUID()}` }),
    // Those allowed delete a rate they have just scheduled; the others are refused before the rate is looked up.
    send: async (client, actor) => {
      const scheduled = await client.request('POST', '/api/v1/subsidies/rates', subsidyRateBody(actor, 20));
      return client.request('DELETE', `/api/v1/subsidies/rates/${(scheduled.body?.id as string | undefined) ?? randomUUID()}`);
    },
    allowed: RATE_SETTERS,
    deniedStatus: () => 403,
  },
  { route: 'get /followups', label: 'list follow-up tasks in scope', request: () => ({ method: 'GET', path: '/followups' }), allowed: loggedIn },
  { route: 'get /followups.csv', label: 'export follow-up tasks', request: () => ({ method: 'GET', path: '/followups.csv' }), allowed: loggedIn },
  { route: 'get /followups/:id', label: "read a follow-up of town B's graduate", request: () => ({ method: 'GET', path: `/followups/${sx.followUpB}` }), allowed: ['district_organiser', 'admin'] },
  {
    route: 'post /followups/:id/confirm',
    label: 'answer a follow-up (the graduate and the employer)',
    request: () => ({ method: 'POST', path: `/followups/${sx.followUpA}/confirm`, body: { stillEmployed: true, samePosition: true, salaryBand: '8000_12000' } }),
    allowed: ['graduate', ...EMPLOYER],
    deniedStatus: () => 403,
  },
  { route: 'get /reports/weekly', label: 'list weekly reports', request: () => ({ method: 'GET', path: '/reports/weekly' }), allowed: STAFF },
  { route: 'get /reports/weekly.csv', label: 'export the weekly report list', request: () => ({ method: 'GET', path: '/reports/weekly.csv' }), allowed: STAFF },
  { route: 'post /reports/weekly', label: 'produce the weekly report now', request: () => ({ method: 'POST', path: '/reports/weekly' }), allowed: MANAGERS, deniedStatus: () => 403 },
  { route: 'get /reports/weekly/:id', label: 'read a weekly report', request: () => ({ method: 'GET', path: `/reports/weekly/${sx.report}` }), allowed: STAFF },
  { route: 'get /reports/weekly/:id/report.xlsx', label: 'download a weekly report', request: () => ({ method: 'GET', path: `/reports/weekly/${sx.report}/report.xlsx` }), allowed: STAFF },
];

describe('permission matrix: every role × every route', () => {
  let t: TestPlatform;
  let f: Fixtures;

  beforeAll(async () => {
    t = await startTestPlatform();
    f = await createFixtures(t.platform.ctx.db);
    const db = t.platform.ctx.db;
    // Employer A must be verified to apply for a booth (the verification rows above set it anyway).
    await db.updateTable('organisations').set({ is_verified: true }).where('id', '=', f.orgs.a).execute();
    const r1 = { regionIds: [f.regions.r1] };
    const fairR1 = await insertTestFair(db, f, r1);
    const fairR1Review = await insertTestFair(db, f, r1);
    const fairR1Open = await insertTestFair(db, f, r1);
    const fairR2 = await insertTestFair(db, f, { level: 'district', regionIds: [f.regions.r2] });
    const boothA = await insertTestBooth(db, fairR1, f.orgs.a, { representatives: [f.userIds.recruiter, f.userIds.employer_admin] });
    fx = {
      fairR1,
      boothA,
      boothBApplied: await insertTestBooth(db, fairR1, f.orgs.b, { status: 'applied' }),
      fairR1Review,
      boothBReview: await insertTestBooth(db, fairR1Review, f.orgs.b, { status: 'applied' }),
      fairR1Open,
      boothBApproved: await insertTestBooth(db, fairR1Open, f.orgs.b),
      fairR2,
      boothBR2: await insertTestBooth(db, fairR2, f.orgs.b, { status: 'applied' }),
      fairR2Status: await insertTestFair(db, f, { regionIds: [f.regions.r2] }),
      draft: await insertTestFair(db, f, { ...r1, status: 'draft' }),
      drafts: {},
      messages: {
        recruiter: await insertTestBoothMessage(db, boothA, f.userIds.graduate),
        employer_admin: await insertTestBoothMessage(db, boothA, f.userIds.graduate),
      },
    };
    for (const actor of MANAGERS) fx.drafts[actor] = await insertTestFair(db, f, { ...r1, status: 'draft' });
    const job = (status: 'draft' | 'review' | 'published' = 'published') => insertTestJob(db, { organisationId: f.orgs.a, townId: f.towns.a, status, title: 'Java 开发工程师' });
    const resume = await insertTestResume(db, f.graduates.a);
    jx = {
      published: await job(),
      draft: await job('draft'),
      drafts: { recruiter: await job('draft'), employer_admin: await job('draft') },
      review: await job('review'),
      reviews: {},
      resume,
      app: await insertTestApplication(db, await job(), f.graduates.a, resume),
      appMove: await insertTestApplication(db, await job(), f.graduates.a, resume),
      appBulk: await insertTestApplication(db, await job(), f.graduates.a, resume),
      appWithdraw: await insertTestApplication(db, await job(), f.graduates.a, resume),
      interviewJob: await job(),
      interviewApp: '',
      slotToBook: '',
      slots: {},
      cancelBookings: {},
      outcomeBookings: {},
      fallbackBooking: '',
    };
    jx.interviewApp = await insertTestApplication(db, jx.interviewJob, f.graduates.a, resume);
    await db.updateTable('applications').set({ status: 'interview' }).where('id', '=', jx.interviewApp).execute();
    jx.slotToBook = await insertTestSlot(db, jx.interviewJob, f.userIds.recruiter);
    for (const actor of EMPLOYER) jx.slots[actor] = await insertTestSlot(db, jx.interviewJob, f.userIds.recruiter);
    const booking = async () => {
      const j = await job();
      return insertTestBooking(db, j, await insertTestApplication(db, j, f.graduates.a, resume), f.userIds.recruiter);
    };
    for (const actor of ['graduate', ...EMPLOYER] as Actor[]) jx.cancelBookings[actor] = await booking();
    for (const actor of EMPLOYER) jx.outcomeBookings[actor] = await booking();
    jx.fallbackBooking = await booking();
    for (const actor of MANAGERS) jx.reviews[actor] = await job('review');
    docx = await makeResumeDocx(DEMO_RESUME_ZH);
    ox = await offerMatrix(t, f, job);
    sx = await placementMatrix(t, f);
    rx = await registryMatrix(t, f);
    cx = await caseMatrix(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('covers every declared API route', () => {
    const declared = new Set(apiRoutes(t.platform.httpOptions).map((r) => `${r.method} ${r.path}`));
    const covered = new Set(CASES.map((c) => c.route));
    expect([...declared].filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !declared.has(r))).toEqual([]);
  });

  for (const c of CASES) {
    describe(c.label, () => {
      for (const actor of ACTORS) {
        const isAllowed = c.allowed.includes(actor);
        it(`${actor} is ${isAllowed ? 'allowed' : 'refused'}`, async () => {
          // A fresh session per cell: logout and password changes must not leak into other cells.
          const client = new ApiClient(t.url);
          if (actor !== 'anonymous') await client.login(f.logins[actor], PASSWORD);
          const { method, path, body } = c.request(f, actor);
          const res = c.send ? await c.send(client, actor) : await client.request(method, `/api/v1${path}`, body);
          if (isAllowed) {
            expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(200);
            expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
          } else {
            const expected = actor === 'anonymous' ? (c.anonymousStatus ?? 401) : (c.deniedStatus?.(actor) ?? 404);
            expect(res.status, JSON.stringify(res.body)).toBe(expected);
            expect(res.body.error.code).toBeTypeOf('string');
          }
        });
      }
    });
  }

  it('shows the hardship flag to staff only', async () => {
    const graduate = new ApiClient(t.url);
    await graduate.login(f.logins.graduate, PASSWORD);
    const own = await graduate.get(`/api/v1/graduates/${f.graduates.a}`);
    expect(own.status).toBe(200);
    expect(own.body).not.toHaveProperty('isHardship');
    const caseworker = new ApiClient(t.url);
    await caseworker.login(f.logins.caseworker, PASSWORD);
    const seen = await caseworker.get(`/api/v1/graduates/${f.graduates.a}`);
    expect(seen.body.isHardship).toBe(true);
  });

  it('lets a caseworker list only the files of their towns', async () => {
    const caseworker = new ApiClient(t.url);
    await caseworker.login(f.logins.caseworker, PASSWORD);
    const res = await caseworker.get('/api/v1/graduates');
    // Other rows add files in town A (the registry's deletion requests); none of town B may appear.
    const ids = res.body.items.map((g: { id: string; hukouTownId: string }) => g.hukouTownId);
    expect(res.body.items.map((g: { id: string }) => g.id)).toContain(f.graduates.a);
    expect(new Set(ids)).toEqual(new Set([f.towns.a]));
    const admin = new ApiClient(t.url);
    await admin.login(f.logins.admin, PASSWORD);
    const all = await admin.get('/api/v1/graduates?pageSize=200');
    expect(all.body.items.map((g: { id: string }) => g.id)).toEqual(expect.arrayContaining([f.graduates.a, f.graduates.b]));
  });

  it('refuses a graduate who tries to set their own hardship flag or employment status, and changes nothing', async () => {
    const graduate = new ApiClient(t.url);
    await graduate.login(f.logins.graduate, PASSWORD);
    const hardship = await graduate.patch(`/api/v1/graduates/${f.graduates.a}`, { isHardship: false });
    expect(hardship.status).toBe(403);
    const status = await graduate.patch(`/api/v1/graduates/${f.graduates.a}`, { employmentStatus: 'employed' });
    expect(status.status).toBe(403);
    const row = await t.platform.ctx.db.selectFrom('graduate_profiles').selectAll().where('id', '=', f.graduates.a).executeTakeFirstOrThrow();
    expect(await t.platform.ctx.fieldCrypto.openFlag(row.hardship_sealed)).toBe(true);
    expect(row.employment_status).toBe('unemployed');
  });
});

/** Builds the offers the offer rows act on, through the API as employer A's recruiter. */
async function offerMatrix(t: TestPlatform, f: Fixtures, job: () => Promise<string>): Promise<OfferMatrix> {
  const db = t.platform.ctx.db;
  const recruiter = new ApiClient(t.url);
  await recruiter.login(f.logins.recruiter, PASSWORD);
  const application = async () => {
    const id = await insertTestApplication(db, await job(), f.graduates.a);
    await db.updateTable('applications').set({ status: 'interview' }).where('id', '=', id).execute();
    return id;
  };
  const draft = async () => (await recruiter.post('/api/v1/offers', offerTerms(await application()))).body.id as string;
  const sent = async () => {
    const id = await draft();
    const res = await recruiter.post(`/api/v1/offers/${id}/send`);
    if (res.status !== 200) throw new Error(`send: ${res.status} ${JSON.stringify(res.body)}`);
    return id;
  };
  /** A one-time code row the actor can confirm with, as if the message had been read. */
  const knownCode = async (offerId: string, role: 'graduate' | 'employer', userId: string) => {
    const now = new Date();
    await db
      .insertInto('offer_otps')
      .values({ offer_id: offerId, role, user_id: userId, code_hash: await t.platform.ctx.esign.otpHash(offerId, role, KNOWN_CODE), sent_at: new Date(now.getTime() - 120_000), expires_at: new Date(now.getTime() + 600_000), consumed_at: null })
      .execute();
  };
  const perEmployer = async (make: () => Promise<string>) => Object.fromEntries(await Promise.all(EMPLOYER.map(async (a) => [a, await make()] as const))) as Partial<Record<Actor, string>>;
  const m: OfferMatrix = {
    sent: await sent(),
    pdf: new Uint8Array(),
    sha256: '',
    applications: await perEmployer(application),
    drafts: await perEmployer(draft),
    toSend: await perEmployer(draft),
    toBulkSend: await perEmployer(draft),
    toRevoke: await perEmployer(sent),
    toBulkRevoke: await perEmployer(sent),
    toDecline: await sent(),
    toAccept: await sent(),
    toCountersign: {},
    toCountersignCode: {},
  };
  await knownCode(m.toAccept, 'graduate', f.userIds.graduate);
  const graduateSigned = async () => {
    const id = await sent();
    // Signed by the graduate already: the state a countersignature starts from.
    const v1 = await db.selectFrom('offer_versions').select('sha256').where('offer_id', '=', id).executeTakeFirstOrThrow();
    await db.updateTable('offers').set({ status: 'accepted', graduate_confirmed_at: new Date() }).where('id', '=', id).execute();
    await db
      .insertInto('offer_signatures')
      .values({ offer_id: id, role: 'graduate', signer_id: f.userIds.graduate, signer_name: '李明', signed_at: new Date(), ip: '127.0.0.1', otp_verified: true, input_version: 1, document_sha256: v1.sha256, result_sha256: v1.sha256 })
      .execute();
    return id;
  };
  for (const actor of EMPLOYER) {
    m.toCountersign[actor] = await graduateSigned();
    await knownCode(m.toCountersign[actor], 'employer', f.userIds[actor as FixtureRole]);
    m.toCountersignCode[actor] = await graduateSigned();
  }
  const doc = await fetch(`${t.url}/api/v1/offers/${m.sent}/document.pdf`, { headers: { cookie: recruiter.cookie ?? '' } });
  m.pdf = new Uint8Array(await doc.arrayBuffer());
  m.sha256 = doc.headers.get('x-content-sha256') ?? '';
  return m;
}

/** A checklist item per staff actor (crossed by the cross rows, then undone by the undo rows), and an item and a template to rename. */
async function caseMatrix(t: TestPlatform): Promise<CaseMatrix> {
  const db = t.platform.ctx.db;
  const items = await db.selectFrom('case_checklist_items').select(['id', 'key']).orderBy('position').execute();
  const m: CaseMatrix = { items: {}, intention: items.find((i) => i.key === 'intention_recorded')!.id, itemIds: items.map((i) => i.id), item: randomUUID(), template: randomUUID() };
  const addItem = async (id: string, label: string) => {
    await db.insertInto('case_checklist_items').values({ id, key: null, label_zh: label, label_en: label, position: m.itemIds.length + 1 }).execute();
    m.itemIds.push(id);
  };
  await addItem(m.item, '已参加培训');
  for (const actor of STAFF) {
    const id = randomUUID();
    m.items[actor] = id;
    await addItem(id, `销项${actor}`);
  }
  await db.insertInto('case_note_templates').values({ id: m.template, title: '上门走访（片区）', body: '上门走访：', is_contact: true, position: 10 }).execute();
  return m;
}

/** Pending deletion requests of town A files without accounts: erasing them touches no other row. */
async function registryMatrix(t: TestPlatform, f: Fixtures): Promise<RegistryMatrix> {
  const db = t.platform.ctx.db;
  await db.updateTable('graduate_profiles').set(await nationalIdColumns(t.platform.ctx.fieldCrypto, makeNationalId('310117', '20040506', 1))).where('id', '=', f.graduates.a).execute();
  const request = async (n: number) => {
    const graduateId = randomUUID();
    await insertGraduate(db, t.platform.ctx.fieldCrypto, { id: graduateId, user_id: null, name: `待删除${n}`, phone: null, email: null, school: null, major: null, degree: null, graduation_year: null, hukou_town_id: f.towns.a, job_intention: null, training_needs: null });
    const id = randomUUID();
    await db.insertInto('deletion_requests').values({ id, graduate_id: graduateId, requested_by: null, reason: '测试' }).execute();
    return id;
  };
  const m: RegistryMatrix = { toExecute: {}, toReject: {} };
  for (const [i, actor] of DECIDERS.entries()) {
    m.toExecute[actor] = await request(i);
    m.toReject[actor] = await request(10 + i);
  }
  return m;
}

async function placementMatrix(t: TestPlatform, f: Fixtures): Promise<PlacementMatrix> {
  const { db } = t.platform.ctx;
  const offerOf = (org: 'a' | 'b') => insertTestOffer(db, { organisationId: f.orgs[org], townId: f.towns[org], graduateId: f.graduates[org] });
  const hireA = await offerOf('a');
  const hireB = await offerOf('b');
  const claimOf = async (hire: { offerId: string; sha256: string }, org: 'a' | 'b') => {
    const id = await insertTestClaim(db, f.graduates[org]);
    await db.updateTable('subsidy_claims').set({ kind: 'hiring', organisation_id: f.orgs[org], offer_id: hire.offerId, contract_sha256: hire.sha256 }).where('id', '=', id).execute();
    return id;
  };
  const m: PlacementMatrix = {
    hires: {},
    files: { caseworker: f.graduates.a, admin: await insertTestGraduateFile(db, f.towns.b) },
    rejectOpenClaims: async (graduateId) => {
      await db.updateTable('subsidy_claims').set({ status: 'rejected' }).where('graduate_id', '=', graduateId).where('kind', '=', 'job_search').execute();
    },
    claimA: await claimOf(hireA, 'a'),
    claimB: await claimOf(hireB, 'b'),
    toDecide: {},
    toPay: {},
    followUpA: (await insertDueFollowUp(t.platform.ctx, hireA.offerId)).followUpId,
    followUpB: (await insertDueFollowUp(t.platform.ctx, hireB.offerId)).followUpId,
    report: (await produceWeeklyReport(t.platform.ctx)).id,
  };
  for (const actor of EMPLOYER) m.hires[actor] = (await offerOf('a')).offerId;
  // Hiring claims for the graduate, each tied to its own contract, so none is a duplicate of another.
  for (const actor of STAFF) {
    m.toDecide[actor] = await claimOf(await offerOf('a'), 'a');
    m.toPay[actor] = await claimOf(await offerOf('a'), 'a');
    await db.updateTable('subsidy_claims').set({ status: 'approved', approved_at: new Date() }).where('id', '=', m.toPay[actor]).execute();
  }
  return m;
}
