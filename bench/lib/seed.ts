/**
 * Bulk seeding for the live-fair benchmarks, straight into the database (multi-row inserts, no
 * HTTP, no password hashing): a live fair with approved, staffed booths and registered graduates,
 * plus a ready session for every user, so clients connect with `yp_session=<token>` directly.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../server/src/db/schema.js';
import type { FieldCrypto } from '../../server/src/services/field-crypto.js';

export interface SeededUser {
  id: string;
  /** The raw session token: the cookie value. Only its SHA-256 is stored. */
  token: string;
}

/** What the recruiter console shows of a graduate (as LiveFairService.joinQueue builds it). */
export interface CandidateSummary {
  userId: string;
  name: string;
  school: string | null;
  major: string | null;
  degree: string | null;
  graduationYear: number | null;
  jobIntention: string | null;
}

export interface LiveFairSeed {
  fairId: string;
  booths: string[];
  /** recruiters[i] is the one representative of booths[i], on the rota now. */
  recruiters: SeededUser[];
  graduates: (SeededUser & { summary: CandidateSummary })[];
}

export interface SeedOptions {
  booths: number;
  graduates: number;
  maxConcurrentChats: number;
}

const CHUNK = 1000;

async function insertChunked<T extends keyof Database>(db: Kysely<Database>, table: T, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
// Nobody logs in with a password here; the column only needs a value (it is not a valid hash).
const NO_PASSWORD = 'bench:no-password-login';

/** `crypto` seals the graduates' hardship statuses (none has hardship) under the servers' field key. */
export async function seedLiveFair(db: Kysely<Database>, crypto: Pick<FieldCrypto, 'sealFlag'>, o: SeedOptions): Promise<LiveFairSeed> {
  const now = Date.now();
  const regions = [randomUUID(), randomUUID()];
  const towns = [randomUUID(), randomUUID()];
  await insertChunked(db, 'regions', [
    { id: regions[0], name: '片区一', code: 'R1' },
    { id: regions[1], name: '片区二', code: 'R2' },
  ]);
  await insertChunked(db, 'towns', [
    { id: towns[0], name: '泗泾镇', kind: 'town', is_dev_zone: false, region_id: regions[0] },
    { id: towns[1], name: '新浜镇', kind: 'town', is_dev_zone: false, region_id: regions[1] },
  ]);
  // One booth per employer and fair (a unique constraint), so one organisation per booth, in the two towns.
  const orgs = Array.from({ length: o.booths }, () => randomUUID());
  await insertChunked(
    db,
    'organisations',
    orgs.map((id, i) => ({ id, name: `上海测试企业${String(i + 1).padStart(3, '0')}有限公司`, industry: i % 2 ? '物流' : '软件和信息技术', town_id: towns[i % 2], is_verified: true })),
  );

  const organiser = randomUUID();
  const users: Record<string, unknown>[] = [
    { id: organiser, role: 'organiser', name: '区就业促进中心', phone: '13700000000', email: null, password_hash: NO_PASSWORD, organisation_id: null, region_id: null },
  ];
  const recruiters = orgs.map(() => ({ id: randomUUID(), token: randomBytes(32).toString('base64url') }));
  recruiters.forEach((r, i) =>
    users.push({ id: r.id, role: 'recruiter', name: `招聘专员${i + 1}`, phone: `1360${String(i).padStart(7, '0')}`, email: null, password_hash: NO_PASSWORD, organisation_id: orgs[i], region_id: null }),
  );
  const graduates = Array.from({ length: o.graduates }, () => ({ id: randomUUID(), token: randomBytes(32).toString('base64url') }));
  graduates.forEach((g, i) =>
    users.push({ id: g.id, role: 'graduate', name: `毕业生${i + 1}`, phone: `1350${String(i).padStart(7, '0')}`, email: null, password_hash: NO_PASSWORD, organisation_id: null, region_id: null }),
  );
  await insertChunked(db, 'users', users);
  const noHardship = await Promise.all(graduates.map(() => crypto.sealFlag(false)));
  const profiles = graduates.map((g, i) => ({
    id: randomUUID(),
    user_id: g.id,
    name: `毕业生${i + 1}`,
    phone: `1350${String(i).padStart(7, '0')}`,
    email: null,
    school: i % 3 === 0 ? '上海大学' : i % 3 === 1 ? '东华大学' : '上海工程技术大学',
    major: i % 2 ? '软件工程' : '物流管理',
    degree: 'bachelor',
    graduation_year: 2026,
    hukou_town_id: towns[i % 2],
    job_intention: '软件开发',
    training_needs: null,
    hardship_sealed: noHardship[i],
  }));
  await insertChunked(db, 'graduate_profiles', profiles);

  const fairId = randomUUID();
  await insertChunked(db, 'fairs', [
    {
      id: fairId,
      title: '2026 高校毕业生线上招聘会（压测）',
      level: 'district',
      status: 'live',
      starts_at: new Date(now - 3600_000),
      ends_at: new Date(now + 8 * 3600_000),
      capacity: o.graduates * 2,
      created_by: organiser,
    },
  ]);
  const booths = orgs.map(() => randomUUID());
  await insertChunked(
    db,
    'booths',
    booths.map((id, i) => ({
      id,
      fair_id: fairId,
      organisation_id: orgs[i],
      status: 'approved',
      jobs: JSON.stringify([{ title: '软件工程师', headcount: 3 }, { title: '运营专员' }]),
      max_concurrent_chats: o.maxConcurrentChats,
      soft_limit_minutes: 10,
      review_reason: null,
    })),
  );
  await insertChunked(
    db,
    'booth_representatives',
    booths.map((boothId, i) => ({ booth_id: boothId, user_id: recruiters[i]!.id })),
  );
  await insertChunked(
    db,
    'booth_rota',
    booths.map((boothId, i) => ({ id: randomUUID(), booth_id: boothId, user_id: recruiters[i]!.id, starts_at: new Date(now - 3600_000), ends_at: new Date(now + 8 * 3600_000) })),
  );
  await insertChunked(
    db,
    'fair_registrations',
    graduates.map((g) => ({ fair_id: fairId, user_id: g.id })),
  );
  const expiresAt = new Date(now + 24 * 3600_000);
  await insertChunked(
    db,
    'sessions',
    [...recruiters, ...graduates].map((u) => ({
      token_hash: sha256(u.token),
      user_id: u.id,
      csrf_token: randomBytes(16).toString('base64url'),
      expires_at: expiresAt,
      ip: '127.0.0.1',
      user_agent: 'yunpin-bench',
    })),
  );
  return {
    fairId,
    booths,
    recruiters,
    graduates: graduates.map((g, i) => {
      const p = profiles[i]!;
      return { ...g, summary: { userId: g.id, name: p.name, school: p.school, major: p.major, degree: p.degree, graduationYear: p.graduation_year, jobIntention: p.job_intention } };
    }),
  };
}
