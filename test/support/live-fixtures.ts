import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../server/src/db/schema.js';
import { hashPassword } from '../../server/src/domain/auth/passwords.js';
import { insertUser } from '../../server/src/db/repositories/users.js';
import { PASSWORD, type Fixtures } from './fixtures.js';
import { createGraduates } from './fair-fixtures.js';

export interface LiveFixtures {
  fairId: string;
  booths: { a: string; b: string };
  /** Representatives: recruiter A and employer admin A staff booth A; recruiter B staffs booth B. */
  staff: { recruiterA: string; adminA: string; recruiterB: string };
  /** Graduates registered for the fair, with files. */
  graduates: { id: string; login: string; name: string }[];
  logins: { recruiterA: string; adminA: string; recruiterB: string };
}

/**
 * A live fair with two approved booths (employers A and B), both on duty now, K = `maxChats`,
 * and `graduateCount` registered graduates. Builds on the base fixtures.
 */
export async function createLiveFair(db: Kysely<Database>, f: Fixtures, o: { graduateCount?: number; maxChats?: number; status?: 'draft' | 'published' | 'live' | 'ended'; priorityLanes?: ('local_hukou' | 'low_income')[] } = {}): Promise<LiveFixtures> {
  const hash = await hashPassword(PASSWORD);
  const now = Date.now();
  const fairId = randomUUID();
  await db
    .insertInto('fairs')
    .values({
      id: fairId,
      title: '2026 松江区高校毕业生线上招聘会',
      level: 'district',
      status: o.status ?? 'live',
      starts_at: new Date(now - 3600_000),
      ends_at: new Date(now + 8 * 3600_000),
      capacity: 1000,
      priority_lanes: o.priorityLanes ?? [],
      created_by: f.userIds.district_organiser,
    })
    .execute();
  const recruiterB = randomUUID();
  const recruiterBLogin = '13600000001';
  await insertUser(db, { id: recruiterB, role: 'recruiter', name: '乙公司招聘', phone: recruiterBLogin, email: null, password_hash: hash, organisation_id: f.orgs.b, region_id: null });
  const booths = { a: randomUUID(), b: randomUUID() };
  for (const [boothId, orgId, reps] of [
    [booths.a, f.orgs.a, [f.userIds.recruiter, f.userIds.employer_admin]],
    [booths.b, f.orgs.b, [recruiterB]],
  ] as const) {
    await db
      .insertInto('booths')
      .values({ id: boothId, fair_id: fairId, organisation_id: orgId, status: 'approved', jobs: JSON.stringify([{ title: '软件工程师' }]), max_concurrent_chats: o.maxChats ?? 3, soft_limit_minutes: 10, review_reason: null })
      .execute();
    for (const userId of reps) {
      await db.insertInto('booth_representatives').values({ booth_id: boothId, user_id: userId }).execute();
      await db.insertInto('booth_rota').values({ id: randomUUID(), booth_id: boothId, user_id: userId, starts_at: new Date(now - 3600_000), ends_at: new Date(now + 8 * 3600_000) }).execute();
    }
  }
  const graduates = await createGraduates(db, f, o.graduateCount ?? 4, 50);
  for (const g of graduates) await db.insertInto('fair_registrations').values({ fair_id: fairId, user_id: g.id }).execute();
  return {
    fairId,
    booths,
    staff: { recruiterA: f.userIds.recruiter, adminA: f.userIds.employer_admin, recruiterB },
    graduates,
    logins: { recruiterA: f.logins.recruiter, adminA: f.logins.employer_admin, recruiterB: recruiterBLogin },
  };
}
