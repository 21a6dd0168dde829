import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../server/src/db/schema.js';
import { hashPassword } from '../../server/src/domain/auth/passwords.js';
import { insertUser } from '../../server/src/db/repositories/users.js';
import { insertGraduate } from '../../server/src/db/repositories/graduates.js';
import { PASSWORD, type Fixtures } from './fixtures.js';
import { testFieldCrypto } from './field-keys.js';

export interface EmployerStaff {
  adminId: string;
  adminLogin: string;
  recruiterId: string;
  recruiterLogin: string;
}

/** An administrator and a recruiter for an employer (the base fixtures give employer A's, not B's). */
export async function createEmployerStaff(db: Kysely<Database>, organisationId: string, index: number): Promise<EmployerStaff> {
  const hash = await hashPassword(PASSWORD);
  const staff = {
    adminId: randomUUID(),
    adminLogin: `1390000${String(index * 2).padStart(4, '0')}`,
    recruiterId: randomUUID(),
    recruiterLogin: `1390000${String(index * 2 + 1).padStart(4, '0')}`,
  };
  await insertUser(db, { id: staff.adminId, role: 'employer_admin', name: `人事${index}`, phone: staff.adminLogin, email: null, password_hash: hash, organisation_id: organisationId, region_id: null });
  await insertUser(db, { id: staff.recruiterId, role: 'recruiter', name: `招聘${index}`, phone: staff.recruiterLogin, email: null, password_hash: hash, organisation_id: organisationId, region_id: null });
  return staff;
}

/** More graduates with accounts and files, for capacity and concurrency tests. */
export async function createGraduates(db: Kysely<Database>, f: Fixtures, count: number, block = 0): Promise<{ id: string; login: string; name: string }[]> {
  const hash = await hashPassword(PASSWORD);
  const graduates = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const login = `134${String(block).padStart(2, '0')}00${String(i).padStart(4, '0')}`;
    const name = `同学${block}-${i + 1}`;
    await insertUser(db, { id, role: 'graduate', name, phone: login, email: null, password_hash: hash, organisation_id: null, region_id: null });
    await insertGraduate(db, testFieldCrypto, {
      id: randomUUID(),
      user_id: id,
      name,
      phone: login,
      email: null,
      school: '东华大学',
      major: '物流管理',
      degree: 'master',
      graduation_year: 2026,
      hukou_town_id: f.towns.b,
      job_intention: null,
      training_needs: null,
    });
    graduates.push({ id, login, name });
  }
  return graduates;
}

export interface TestFairOptions {
  status?: 'draft' | 'published' | 'live' | 'ended';
  level?: 'district' | 'region' | 'town';
  townIds?: string[];
  regionIds?: string[];
  startsAt?: Date;
  endsAt?: Date;
  capacity?: number;
  title?: string;
}

/** A fair written straight to the database (setup for tests that are about something else). */
export async function insertTestFair(db: Kysely<Database>, f: Fixtures, o: TestFairOptions = {}): Promise<string> {
  const id = randomUUID();
  const startsAt = o.startsAt ?? new Date(Date.now() + 86_400_000);
  await db
    .insertInto('fairs')
    .values({
      id,
      title: o.title ?? '测试招聘会',
      level: o.level ?? 'region',
      status: o.status ?? 'published',
      starts_at: startsAt,
      ends_at: o.endsAt ?? new Date(startsAt.getTime() + 8 * 3600_000),
      capacity: o.capacity ?? 1000,
      created_by: f.userIds.district_organiser,
    })
    .execute();
  const hosts = [
    ...(o.townIds ?? []).map((town_id) => ({ fair_id: id, town_id, region_id: null })),
    ...(o.regionIds ?? [f.regions.r1]).map((region_id) => ({ fair_id: id, town_id: null, region_id })),
  ];
  if (hosts.length) await db.insertInto('fair_hosts').values(hosts).execute();
  return id;
}

export interface TestBoothOptions {
  status?: 'applied' | 'approved' | 'rejected';
  representatives?: string[];
  /** Rota slots; each representative covers the given window. */
  onDuty?: { startsAt: Date; endsAt: Date };
}

export async function insertTestBooth(db: Kysely<Database>, fairId: string, organisationId: string, o: TestBoothOptions = {}): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('booths')
    .values({ id, fair_id: fairId, organisation_id: organisationId, status: o.status ?? 'approved', jobs: JSON.stringify([{ title: '物流专员', headcount: 2 }]), review_reason: null })
    .execute();
  for (const userId of o.representatives ?? []) {
    await db.insertInto('booth_representatives').values({ booth_id: id, user_id: userId }).execute();
    if (o.onDuty) {
      await db.insertInto('booth_rota').values({ id: randomUUID(), booth_id: id, user_id: userId, starts_at: o.onDuty.startsAt, ends_at: o.onDuty.endsAt }).execute();
    }
  }
  return id;
}

export async function insertTestBoothMessage(db: Kysely<Database>, boothId: string, graduateId: string, body = '请问还招人吗？'): Promise<string> {
  const id = randomUUID();
  await db.insertInto('booth_messages').values({ id, booth_id: boothId, graduate_id: graduateId, body, reply: null, replied_by: null, replied_at: null }).execute();
  return id;
}
