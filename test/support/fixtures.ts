import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../server/src/db/schema.js';
import { hashPassword } from '../../server/src/domain/auth/passwords.js';
import { insertRegion, insertTown } from '../../server/src/db/repositories/geography.js';
import { insertOrganisation } from '../../server/src/db/repositories/organisations.js';
import { assignCaseworkerTowns, insertUser } from '../../server/src/db/repositories/users.js';
import { insertGraduate } from '../../server/src/db/repositories/graduates.js';
import { testFieldCrypto } from './field-keys.js';

export const PASSWORD = 'correct-horse-42';

export type FixtureRole =
  | 'graduate'
  | 'recruiter'
  | 'employer_admin'
  | 'caseworker'
  | 'regional_organiser'
  | 'district_organiser'
  | 'admin';

export interface Fixtures {
  regions: { r1: string; r2: string };
  towns: { a: string; b: string; devZone: string };
  orgs: { a: string; b: string };
  /** Graduate files: `a` belongs to the graduate account and lives in town A; `b` lives in town B. */
  graduates: { a: string; b: string };
  logins: Record<FixtureRole, string>;
  userIds: Record<FixtureRole, string>;
}

/**
 * A small district with one user of every role: town A in region 1, town B in region 2,
 * the development zone; employer A in town A, employer B in town B; a caseworker for town A.
 * Graduate A's file has hardship; it is sealed with the test processes' field key (field-keys.ts).
 */
export async function createFixtures(db: Kysely<Database>): Promise<Fixtures> {
  const hash = await hashPassword(PASSWORD);
  const regions = { r1: randomUUID(), r2: randomUUID() };
  const towns = { a: randomUUID(), b: randomUUID(), devZone: randomUUID() };
  const orgs = { a: randomUUID(), b: randomUUID() };
  await insertRegion(db, { id: regions.r1, name: '片区一', code: 'R1' });
  await insertRegion(db, { id: regions.r2, name: '片区二', code: 'R2' });
  await insertTown(db, { id: towns.a, name: '泗泾镇', kind: 'town', is_dev_zone: false, region_id: regions.r1 });
  await insertTown(db, { id: towns.b, name: '新浜镇', kind: 'town', is_dev_zone: false, region_id: regions.r2 });
  await insertTown(db, { id: towns.devZone, name: '松江经济技术开发区', kind: 'dev_zone', is_dev_zone: true, region_id: null });
  await insertOrganisation(db, { id: orgs.a, name: '上海甲科技有限公司', townId: towns.a });
  await insertOrganisation(db, { id: orgs.b, name: '上海乙物流有限公司', townId: towns.b, isVerified: true });

  const logins = {} as Record<FixtureRole, string>;
  const userIds = {} as Record<FixtureRole, string>;
  const spec: [FixtureRole, 'graduate' | 'recruiter' | 'employer_admin' | 'caseworker' | 'organiser' | 'admin', Partial<{ organisation_id: string; region_id: string }>][] = [
    ['graduate', 'graduate', {}],
    ['recruiter', 'recruiter', { organisation_id: orgs.a }],
    ['employer_admin', 'employer_admin', { organisation_id: orgs.a }],
    ['caseworker', 'caseworker', {}],
    ['regional_organiser', 'organiser', { region_id: regions.r1 }],
    ['district_organiser', 'organiser', {}],
    ['admin', 'admin', {}],
  ];
  for (const [index, [key, role, extra]] of spec.entries()) {
    const id = randomUUID();
    const phone = `1380000${String(index).padStart(4, '0')}`;
    await insertUser(db, { id, role, name: key, phone, email: null, password_hash: hash, organisation_id: null, region_id: null, ...extra });
    logins[key] = phone;
    userIds[key] = id;
  }
  await assignCaseworkerTowns(db, userIds.caseworker, [towns.a]);
  const graduates = { a: randomUUID(), b: randomUUID() };
  const base = { email: null, school: '上海大学', major: '软件工程', degree: 'bachelor' as const, graduation_year: 2026, job_intention: null, training_needs: null };
  await insertGraduate(db, testFieldCrypto, { ...base, id: graduates.a, user_id: userIds.graduate, name: '李明', phone: logins.graduate, hukou_town_id: towns.a, is_registered_local: true, isHardship: true });
  await insertGraduate(db, testFieldCrypto, { ...base, id: graduates.b, user_id: null, name: '王芳', phone: '15900000002', hukou_town_id: towns.b, is_registered_local: true });
  return { regions, towns, orgs, graduates, logins, userIds };
}
