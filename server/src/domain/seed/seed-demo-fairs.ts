import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { BoothJob, Database, NewFair, NewUser } from '../../db/schema.js';
import { pick } from './demo-district.js';

/** Job titles by industry for the demo booths. */
const JOBS_BY_INDUSTRY: Record<string, string[]> = {
  电子信息: ['嵌入式软件工程师', '硬件测试工程师', 'Java 开发工程师', '前端开发工程师', '技术支持工程师'],
  智能制造: ['机械设计工程师', '电气工程师', '工艺工程师', '设备维护技术员', '质量工程师'],
  生物医药: ['药物研发助理', '质量控制专员', '临床协调员', '注册专员', '实验室技术员'],
  现代物流: ['物流专员', '仓储主管助理', '供应链计划员', '报关员', '运输调度'],
  金融服务: ['柜员', '客户经理助理', '风控专员', '财务会计', '理财顾问'],
  文化创意: ['视觉设计师', '新媒体运营', '文案策划', '视频剪辑', '活动执行'],
  新材料: ['材料研发工程师', '化验员', '生产技术员', '销售工程师', '安全员'],
  商贸零售: ['储备店长', '采购专员', '电商运营', '门店导购', '市场推广专员'],
  教育培训: ['课程顾问', '小学英语教师', '教务专员', '数学教师', '班主任助理'],
  建筑工程: ['施工员', '造价员', '资料员', 'BIM 工程师', '安全员'],
};
const SALARIES = ['6K-8K', '7K-10K', '8K-12K', '10K-15K', '12K-18K', '面议'];

export interface DemoFairsInput {
  random: () => number;
  now: Date;
  regionIds: string[];
  towns: { id: string; name: string; regionId: string | null; isDevZone: boolean }[];
  organisations: { id: string; name: string; industry: string; town_id: string; is_verified: boolean }[];
  users: NewUser[];
  organiserId: string;
}

type FairStatus = 'published' | 'live' | 'ended';

/** `dayOffset` days from today at `hour`:00 in Asia/Shanghai (UTC+8 all year). */
function shanghaiAt(now: Date, dayOffset: number, hour: number): Date {
  const local = new Date(now.getTime() + 8 * 3600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + dayOffset, hour - 8));
}

/**
 * Demo fairs: one live district fair (all five regions and the development zone, from an hour
 * ago for a week, so the demo always has one open) with 20 approved booths, each staffed by its
 * employer's administrator and recruiter on a rota covering the fair; two upcoming published
 * fairs (one region, one town) and one that has ended.
 */
export async function seedDemoFairs(db: Kysely<Database>, input: DemoFairsInput): Promise<void> {
  const { random, now } = input;
  const staffOf = new Map<string, string[]>();
  for (const user of input.users) {
    if ((user.role === 'employer_admin' || user.role === 'recruiter') && user.organisation_id) {
      staffOf.set(user.organisation_id, [...(staffOf.get(user.organisation_id) ?? []), user.id]);
    }
  }
  const graduateIds = input.users.filter((u) => u.role === 'graduate').map((u) => u.id);
  // Employers with a recruiter first, so most live booths have two people on duty.
  const verified = input.organisations
    .filter((o) => o.is_verified && (staffOf.get(o.id)?.length ?? 0) > 0)
    .sort((a, b) => (staffOf.get(b.id)?.length ?? 0) - (staffOf.get(a.id)?.length ?? 0));
  let nextEmployer = 0;
  const takeEmployers = (n: number) => {
    const taken = verified.slice(nextEmployer, nextEmployer + n);
    nextEmployer += taken.length;
    return taken.length ? taken : verified.slice(0, n);
  };

  const fairs: NewFair[] = [];
  const hosts: { fair_id: string; town_id: string | null; region_id: string | null }[] = [];
  const registrations: { fair_id: string; user_id: string }[] = [];
  const booths: Insertable<Database['booths']>[] = [];
  const representatives: { booth_id: string; user_id: string }[] = [];
  const rota: { id: string; booth_id: string; user_id: string; starts_at: Date; ends_at: Date }[] = [];

  const addFair = (f: {
    title: string;
    description: string;
    level: 'district' | 'region' | 'town';
    status: FairStatus;
    startsAt: Date;
    endsAt: Date;
    capacity: number;
    hostTownIds: string[];
    hostRegionIds: string[];
    booths: { count: number; applied?: number };
    registered: number;
  }) => {
    const fairId = randomUUID();
    fairs.push({
      id: fairId,
      title: f.title,
      description: f.description,
      level: f.level,
      status: f.status,
      starts_at: f.startsAt,
      ends_at: f.endsAt,
      capacity: f.capacity,
      priority_lanes: f.level === 'district' ? ['local_hukou', 'low_income'] : [],
      created_by: input.organiserId,
    });
    for (const town_id of f.hostTownIds) hosts.push({ fair_id: fairId, town_id, region_id: null });
    for (const region_id of f.hostRegionIds) hosts.push({ fair_id: fairId, town_id: null, region_id });
    for (const user_id of graduateIds.slice(0, f.registered)) registrations.push({ fair_id: fairId, user_id });
    const employers = takeEmployers(f.booths.count + (f.booths.applied ?? 0));
    employers.forEach((org, index) => {
      const boothId = randomUUID();
      const titles = JOBS_BY_INDUSTRY[org.industry] ?? JOBS_BY_INDUSTRY['商贸零售'] ?? [];
      const jobCount = 3 + Math.floor(random() * 3);
      const jobs: BoothJob[] = titles.slice(0, jobCount).map((title) => ({ title, headcount: 1 + Math.floor(random() * 10), salary: pick(random, SALARIES) }));
      const isApproved = index < f.booths.count;
      booths.push({
        id: boothId,
        fair_id: fairId,
        organisation_id: org.id,
        status: isApproved ? 'approved' : 'applied',
        profile: `${org.name}诚邀${f.level === 'town' ? '本镇' : '松江'}高校毕业生加入，提供五险一金、带薪年假和系统培训。`,
        jobs: JSON.stringify(jobs),
        review_reason: null,
        created_at: new Date(f.startsAt.getTime() - 5 * 86_400_000),
      });
      if (!isApproved) return;
      for (const userId of staffOf.get(org.id) ?? []) {
        representatives.push({ booth_id: boothId, user_id: userId });
        rota.push({ id: randomUUID(), booth_id: boothId, user_id: userId, starts_at: f.startsAt, ends_at: f.endsAt });
      }
    });
  };

  const regionOne = input.regionIds[0];
  const devZone = input.towns.find((t) => t.isDevZone);
  const town = input.towns.find((t) => !t.isDevZone && t.regionId === input.regionIds[1]) ?? input.towns.find((t) => !t.isDevZone);
  addFair({
    title: '2026届高校毕业生“24365”云聘会·松江专场',
    description: '区就业促进中心联合五大片区和经开区举办，全天候线上洽谈，排队叫号、视频面试一站完成。',
    level: 'district',
    status: 'live',
    startsAt: new Date(now.getTime() - 3600_000),
    endsAt: new Date(now.getTime() + 7 * 86_400_000),
    capacity: 5000,
    hostTownIds: devZone ? [devZone.id] : [],
    hostRegionIds: input.regionIds,
    booths: { count: 20 },
    registered: 40,
  });
  addFair({
    title: '中心片区春季专场招聘会',
    description: '面向中心片区高校毕业生和失业青年，现场与线上同步。',
    level: 'region',
    status: 'published',
    startsAt: shanghaiAt(now, 3, 9),
    endsAt: shanghaiAt(now, 3, 17),
    capacity: 800,
    hostTownIds: [],
    hostRegionIds: regionOne ? [regionOne] : [],
    booths: { count: 5, applied: 2 },
    registered: 10,
  });
  addFair({
    title: `${town?.name ?? '镇街'}就业援助月专场`,
    description: '就业困难毕业生优先，镇社区事务受理中心提供一对一指导。',
    level: 'town',
    status: 'published',
    startsAt: shanghaiAt(now, 10, 9),
    endsAt: shanghaiAt(now, 10, 16),
    capacity: 300,
    hostTownIds: town ? [town.id] : [],
    hostRegionIds: [],
    booths: { count: 3 },
    registered: 5,
  });
  addFair({
    title: '2026届高校毕业生冬季云聘会',
    description: '已结束：共吸引数千人次参会。',
    level: 'district',
    status: 'ended',
    startsAt: shanghaiAt(now, -30, 9),
    endsAt: shanghaiAt(now, -30, 17),
    capacity: 3000,
    hostTownIds: devZone ? [devZone.id] : [],
    hostRegionIds: input.regionIds,
    booths: { count: 8 },
    registered: 30,
  });

  await db.insertInto('fairs').values(fairs).execute();
  if (hosts.length) await db.insertInto('fair_hosts').values(hosts).execute();
  if (registrations.length) await db.insertInto('fair_registrations').values(registrations).execute();
  if (booths.length) await db.insertInto('booths').values(booths).execute();
  if (representatives.length) await db.insertInto('booth_representatives').values(representatives).execute();
  if (rota.length) await db.insertInto('booth_rota').values(rota).execute();
}
