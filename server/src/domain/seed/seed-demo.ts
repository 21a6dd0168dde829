import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, NewUser } from '../../db/schema.js';
import type { FieldCrypto } from '../../services/field-crypto.js';
import { hashPassword } from '../auth/passwords.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { seedDemoFairs } from './seed-demo-fairs.js';
import { seedDemoJobs } from './seed-demo-jobs.js';
import {
  COMPANY_SUFFIX, COMPANY_WORDS, DEMO_REGIONS, DEV_ZONE, GIVEN_CHARS, INDUSTRIES, INTENTIONS, MAJORS, SCHOOLS, SURNAMES, TRAINING,
  pick, seededRandom,
} from './demo-district.js';

export interface SeedScale {
  graduates: number;
  employers: number;
}

export const DEMO_SCALE: SeedScale = { graduates: 3000, employers: 300 };

export interface DemoLogin {
  role: string;
  login: string;
  name: string;
}

export interface SeedResult {
  logins: DemoLogin[];
  password: string;
}

const CHUNK = 500;

async function insertChunked<T extends keyof Database & string>(db: Kysely<Database>, table: T, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
  }
}

/** True when the database has no users yet, the only time the demo district is seeded. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) === undefined;
}

/** A random demo password: demo accounts must never share a well-known password. */
export function newDemoPassword(): string {
  return `yp-${randomBytes(6).toString('base64url')}`;
}

/**
 * Seeds the demo district in one transaction: the development zone and five regions of towns,
 * employers with an admin each (a recruiter for some), graduates' files (some with accounts),
 * one caseworker per town, a district organiser, a regional organiser and an administrator,
 * and the demo job fairs (one of them always live). Hardship statuses are sealed with the field key.
 */
export async function seedDemo(db: Kysely<Database>, crypto: Pick<FieldCrypto, 'sealFlag'>, password: string, scale: SeedScale = DEMO_SCALE): Promise<SeedResult> {
  const random = seededRandom(20_200_615);
  const passwordHash = await hashPassword(password);
  const logins: DemoLogin[] = [];
  let phoneCounter = 0;
  const nextPhone = (block: number) => `13${block}${String(++phoneCounter).padStart(8, '0')}`;
  const personName = () => `${pick(random, SURNAMES)}${pick(random, GIVEN_CHARS)}${random() < 0.6 ? pick(random, GIVEN_CHARS) : ''}`;
  const users: NewUser[] = [];
  const addUser = (u: Omit<NewUser, 'id' | 'password_hash' | 'email' | 'region_id' | 'organisation_id'> & Partial<NewUser>, isListed: boolean) => {
    const user: NewUser = { id: randomUUID(), password_hash: passwordHash, email: null, region_id: null, organisation_id: null, ...u };
    users.push(user);
    if (isListed) logins.push({ role: user.role, login: user.phone ?? user.email ?? '', name: user.name });
    return user;
  };

  await db.transaction().execute(async (trx) => {
    const regionIds: string[] = [];
    const towns: { id: string; name: string; regionId: string | null; isDevZone: boolean }[] = [];
    const devZoneId = randomUUID();
    towns.push({ id: devZoneId, name: DEV_ZONE.name, regionId: null, isDevZone: true });
    for (const region of DEMO_REGIONS) {
      const regionId = randomUUID();
      regionIds.push(regionId);
      await trx.insertInto('regions').values({ id: regionId, name: region.name, code: region.code }).execute();
      for (const place of region.places) towns.push({ id: randomUUID(), name: place.name, regionId, isDevZone: false });
    }
    await insertChunked(trx, 'towns', towns.map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.isDevZone ? 'dev_zone' : t.name.endsWith('街道') ? 'subdistrict' : 'town',
      is_dev_zone: t.isDevZone,
      region_id: t.regionId,
    })));

    addUser({ role: 'admin', name: '系统管理员', phone: nextPhone(8) }, true);
    const districtOrganiser = addUser({ role: 'organiser', name: '区就业促进中心', phone: nextPhone(8) }, true);
    addUser({ role: 'organiser', name: '中心片区组织员', phone: nextPhone(8), region_id: regionIds[0] ?? null }, true);
    const caseworkers = towns.map((town, index) => ({
      user: addUser({ role: 'caseworker', name: `${town.isDevZone ? '经开区' : town.name.replace(/(街道|镇)$/, '')}就业服务专员`, phone: nextPhone(8) }, index < 2),
      townId: town.id,
    }));

    // The development zone is job-rich: a third of the employers sit there.
    const organisations = Array.from({ length: scale.employers }, (_, i) => {
      const town = i % 3 === 0 ? towns[0] : pick(random, towns.slice(1));
      return {
        id: randomUUID(),
        name: `上海${pick(random, COMPANY_WORDS)}${pick(random, COMPANY_WORDS)}${pick(random, COMPANY_SUFFIX)}`,
        credit_code: `9131011${String(700_000_000 + i).padStart(11, '0')}`,
        industry: pick(random, INDUSTRIES),
        town_id: town?.id ?? devZoneId,
        is_verified: i % 10 !== 9,
      };
    });
    await insertChunked(trx, 'organisations', organisations);
    organisations.forEach((org, i) => {
      addUser({ role: 'employer_admin', name: `${personName()}（人事）`, phone: nextPhone(7), organisation_id: org.id }, i === 0);
      if (i < 30) addUser({ role: 'recruiter', name: `${personName()}（招聘）`, phone: nextPhone(7), organisation_id: org.id }, i === 0);
    });

    const graduates = Array.from({ length: scale.graduates }, (_, i) => {
      const name = personName();
      const hasAccount = i < 50;
      const user = hasAccount ? addUser({ role: 'graduate', name, phone: nextPhone(9) }, i === 0) : undefined;
      const status = random();
      return {
        id: randomUUID(),
        user_id: user?.id ?? null,
        name,
        phone: user?.phone ?? `15${String(900_000_000 + i).padStart(9, '0')}`,
        email: null,
        school: pick(random, SCHOOLS),
        major: pick(random, MAJORS),
        degree: random() < 0.7 ? 'bachelor' : random() < 0.6 ? 'junior_college' : 'master',
        graduation_year: 2026,
        // Graduates live mostly in the towns, rarely in the development zone.
        hukou_town_id: (random() < 0.02 ? towns[0] : pick(random, towns.slice(1)))?.id ?? null,
        job_intention: pick(random, INTENTIONS),
        training_needs: pick(random, TRAINING),
        isHardship: random() < 0.05,
        employment_status: status < 0.55 ? 'unemployed' : status < 0.9 ? 'employed' : status < 0.97 ? 'further_study' : 'not_seeking',
        discoverable: random() < 0.5,
      };
    });

    await insertChunked(trx, 'users', users as unknown as Record<string, unknown>[]);
    await insertChunked(trx, 'caseworker_towns', caseworkers.map((c) => ({ user_id: c.user.id, town_id: c.townId })));
    const graduateRows = await Promise.all(graduates.map(async ({ isHardship, ...g }) => ({ ...g, hardship_sealed: await crypto.sealFlag(isHardship) })));
    await insertChunked(trx, 'graduate_profiles', graduateRows);
    await appendAudit(trx, {
      actorId: null,
      action: 'system.demo_seeded',
      entityType: 'system',
      entityId: null,
      detail: { graduates: scale.graduates, employers: scale.employers, users: users.length },
    });
    await seedDemoFairs(trx, { random, now: new Date(), regionIds, towns, organisations, users, organiserId: districtOrganiser.id });
    const employerAdmins = new Map(users.filter((u) => u.role === 'employer_admin' && u.organisation_id).map((u) => [u.organisation_id!, u.id]));
    await seedDemoJobs(trx, { random, now: new Date(), towns, organisations, createdBy: employerAdmins });
  });
  return { logins, password };
}
