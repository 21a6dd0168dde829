import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCREENING_CRITERIA, type TScreeningCandidate, type TScreeningJob, type TScreeningResult } from '../schemas/screening.js';
import { CRITERION_WEIGHTS, classifyMajor, scoreCandidate, SCORER_VERSION } from './score.js';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../../test/fixtures/ranking/${name}`, import.meta.url), 'utf8')) as T;

const job = (over: Partial<TScreeningJob> = {}): TScreeningJob => ({
  title: '',
  description: '',
  skills: [],
  preferredSkills: [],
  degree: null,
  majors: [],
  languages: [],
  ...over,
});
const candidate = (over: Partial<TScreeningCandidate> = {}): TScreeningCandidate => ({
  skills: [],
  education: [],
  experience: [],
  languages: [],
  text: '',
  ...over,
});
const criterion = (r: TScreeningResult, key: (typeof SCREENING_CRITERIA)[number]) => r.criteria.find((c) => c.key === key)!;

describe('scoreCandidate: skills', () => {
  const backend = job({ title: 'Java开发工程师', skills: ['Java', 'Spring Boot', 'MySQL', 'Git', 'Docker'] });

  it('counts required skills and names the missing ones in both languages', () => {
    const r = scoreCandidate(backend, candidate({ skills: ['Java', 'Spring', 'MySQL', 'Git'] }));
    const s = criterion(r, 'skills');
    expect(s.score).toBeCloseTo(0.8, 12);
    expect(s.matched).toEqual(['Java', 'Spring Boot', 'MySQL', 'Git']);
    expect(s.missing).toEqual(['Docker']);
    expect(s.explanationZh).toBe('满足 4/5 项必备技能，缺少：Docker。');
    expect(s.explanationEn).toBe('Meets 4 of 5 required skills; missing: Docker.');
  });

  it('finds skills in the resume text and experience, not only in the skills list', () => {
    const r = scoreCandidate(backend, candidate({
      skills: ['Java'],
      experience: [{ title: '后端开发实习生', description: '用SpringBoot和MySQL写接口，代码放在GitLab上。' }],
      text: '熟悉Docker容器部署',
    }));
    expect(criterion(r, 'skills').missing).toEqual([]);
    expect(criterion(r, 'skills').score).toBe(1);
  });

  it('matches Chinese and English names of the same skill', () => {
    const zhJob = job({ skills: ['会计核算', '纳税申报'] });
    const r1 = scoreCandidate(zhJob, candidate({ skills: ['Accounting', 'Tax filing'] }));
    expect(criterion(r1, 'skills').matched).toEqual(['会计核算', '纳税申报']);
    expect(criterion(r1, 'skills').score).toBe(1);

    const enJob = job({ skills: ['Accounting', 'Social media', 'Warehouse management'] });
    const r2 = scoreCandidate(enJob, candidate({ text: '负责账务处理；运营公众号；在物流仓做仓储管理' }));
    expect(criterion(r2, 'skills').matched).toEqual(['Accounting', 'Social media', 'Warehouse management']);
  });

  it('gives half credit for a closely related skill and says so', () => {
    const r = scoreCandidate(job({ skills: ['MySQL', 'Java'] }), candidate({ skills: ['PostgreSQL', 'Java'] }));
    const s = criterion(r, 'skills');
    expect(s.score).toBeCloseTo(0.75, 12);
    expect(s.matched).toEqual(['MySQL ≈ PostgreSQL', 'Java']);
    expect(s.explanationZh).toBe('满足 1/2 项必备技能，1 项以相近技能部分满足：MySQL（相近：PostgreSQL）。');
    expect(s.explanationEn).toBe('Meets 1 of 2 required skills; 1 partly met by related skills: MySQL (related: PostgreSQL).');
  });

  it('lets preferred skills add a smaller amount', () => {
    const j = job({ skills: ['Java', 'MySQL'], preferredSkills: ['Redis', 'Docker'] });
    const without = criterion(scoreCandidate(j, candidate({ skills: ['Java', 'MySQL'] })), 'skills');
    const withOne = criterion(scoreCandidate(j, candidate({ skills: ['Java', 'MySQL', 'Redis'] })), 'skills');
    const onlyPreferred = criterion(scoreCandidate(j, candidate({ skills: ['Redis', 'Docker'] })), 'skills');
    expect(without.score).toBeCloseTo(0.8, 12);
    expect(withOne.score).toBeCloseTo(0.9, 12);
    expect(onlyPreferred.score).toBeCloseTo(0.2, 12);
    expect(withOne.explanationZh).toBe('满足 2/2 项必备技能，具备 1/2 项加分技能。');
  });

  it('finds a skill the vocabulary does not know by its name, on word boundaries', () => {
    const j = job({ skills: ['LabVIEW'] });
    expect(criterion(scoreCandidate(j, candidate({ text: 'Built test rigs in LabVIEW.' })), 'skills').score).toBe(1);
    expect(criterion(scoreCandidate(j, candidate({ skills: ['labview'] })), 'skills').score).toBe(1);
    expect(criterion(scoreCandidate(j, candidate({ text: 'xlabviewx' })), 'skills').score).toBe(0);
  });
});

describe('scoreCandidate: degree', () => {
  const at = (need: TScreeningJob['degree'], ...has: TScreeningCandidate['education'][number]['degree'][]) =>
    criterion(scoreCandidate(job({ degree: need }), candidate({ education: has.map((degree) => ({ major: null, degree })) })), 'degree');

  it('is full at or above the minimum, half one level below, nothing further below', () => {
    expect(at('bachelor', 'bachelor').score).toBe(1);
    expect(at('bachelor', 'doctorate').score).toBe(1);
    expect(at('bachelor', 'junior_college').score).toBe(0.5);
    expect(at('master', 'junior_college').score).toBe(0);
    expect(at('bachelor', 'junior_college').explanationZh).toBe('最高学历大专，比要求的本科低一级，部分计分。');
    expect(at('bachelor', 'junior_college').missing).toEqual(['本科']);
  });

  it('takes the highest degree and treats "other" or none as unknown', () => {
    expect(at('master', 'bachelor', 'master').score).toBe(1);
    expect(at('junior_college', 'other').score).toBe(0);
    expect(at('junior_college', 'other').explanationEn).toBe('No recognised degree on the resume; the job asks for junior college or above.');
    expect(at('junior_college').score).toBe(0);
  });
});

describe('scoreCandidate: major', () => {
  const at = (wanted: string[], has: string) => criterion(scoreCandidate(job({ majors: wanted }), candidate({ education: [{ major: has, degree: 'bachelor' }] })), 'major');

  it('is full for the same major, in either language or a variant name', () => {
    expect(at(['计算机科学与技术'], '计算机科学与技术').score).toBe(1);
    expect(at(['计算机科学与技术'], 'Computer Science and Technology').score).toBe(1);
    expect(at(['会计学'], '会计电算化').score).toBe(1);
    expect(at(['Nursing'], '护理（涉外方向）').score).toBe(1);
  });

  it('gives partial credit for the same discipline family, less for a neighbouring one', () => {
    const family = at(['市场营销'], '电子商务');
    expect(family.score).toBe(0.6);
    expect(family.matched).toEqual(['电子商务 ≈ 市场营销']);
    expect(family.explanationEn).toBe('Major "电子商务" is in the same discipline family as "市场营销"; partly scored.');
    expect(at(['Electrical Engineering and Automation'], '自动化').score).toBe(0.6);
    expect(at(['Electrical Engineering and Automation'], '电子信息工程').score).toBe(0.6);
    expect(at(['软件工程'], '电子信息工程').score).toBe(0.3);
    const none = at(['会计学', '财务管理'], '护理');
    expect(none.score).toBe(0);
    expect(none.missing).toEqual(['会计学', '财务管理']);
  });

  it('places Chinese and English major names in the expected families', () => {
    const cases: [string, string][] = [
      ['软件技术', 'computing'], ['Software Engineering', 'computing'], ['数据科学与大数据技术', 'computing'],
      ['电气工程及其自动化', 'electrical'], ['Communication Engineering', 'electrical'], ['微电子科学与工程', 'electrical'],
      ['机械设计制造及其自动化', 'mechanical'], ['Mechanical Engineering', 'mechanical'], ['数控技术', 'mechanical'], ['模具制造', 'mechanical'],
      ['会计学', 'finance'], ['Financial Management', 'finance'], ['国际经济与贸易', 'finance'],
      ['市场营销', 'business'], ['Business Administration', 'business'], ['跨境电子商务', 'business'], ['E-commerce', 'business'],
      ['物流管理', 'logistics'], ['Supply Chain Management', 'logistics'], ['物流服务与管理', 'logistics'],
      ['应用化学', 'chemistry'], ['Materials Science and Engineering', 'chemistry'], ['药学', 'chemistry'],
      ['商务英语', 'languages'], ['Translation and Interpreting', 'languages'],
      ['法学', 'law'], ['学前教育', 'education'], ['护理学', 'medicine'], ['Midwifery', 'medicine'],
      ['视觉传达设计', 'design'], ['Journalism', 'design'], ['Mass Communication', 'design'],
    ];
    for (const [name, family] of cases) expect([name, classifyMajor(name).families]).toEqual([name, [family]]);
    expect(classifyMajor('机电一体化技术').families).toEqual(['electrical', 'mechanical']);
    expect(classifyMajor('天文学').families).toEqual([]);
  });

  it('explains a missing major', () => {
    const r = criterion(scoreCandidate(job({ majors: ['护理学'] }), candidate()), 'major');
    expect(r.score).toBe(0);
    expect(r.explanationZh).toBe('简历未注明专业；岗位要求：护理学。');
  });
});

describe('scoreCandidate: languages', () => {
  it('checks each required language and notes the level', () => {
    const r = criterion(scoreCandidate(job({ languages: ['英语'] }), candidate({ languages: [{ language: 'english', level: 'CET-6' }] })), 'languages');
    expect(r.score).toBe(1);
    expect(r.matched).toEqual(['English (CET-6)']);
    expect(r.explanationZh).toBe('具备所需语言：英语（CET-6）。');
  });

  it('scores a lower stated level partly and a missing language not at all', () => {
    const j = job({ languages: ['English CET-6', 'Japanese'] });
    const r = criterion(scoreCandidate(j, candidate({ languages: [{ language: 'english', level: 'CET-4' }] })), 'languages');
    expect(r.score).toBeCloseTo(0.3, 12);
    expect(r.missing).toEqual(['Japanese']);
    expect(r.explanationEn).toBe('Has the required languages: English (CET-4, below the level asked); missing: Japanese.');
  });

  it('takes language certificates from the resume text', () => {
    const r = criterion(scoreCandidate(job({ languages: ['English'] }), candidate({ text: '证书：大学英语六级' })), 'languages');
    expect(r.score).toBe(1);
    expect(r.matched).toEqual(['English (CET-6)']);
  });
});

describe('scoreCandidate: experience', () => {
  const j = job({ title: '仓储物流专员', description: '负责仓库收发货、库存盘点及WMS系统操作，编制库存日报。', skills: ['仓储管理', 'Excel'] });

  it('rates related experience above unrelated, in either language, and lists it', () => {
    const related = criterion(scoreCandidate(j, candidate({ experience: [{ title: '仓库管理员', description: '负责收发货、库存盘点，使用WMS扫码出入库。' }] })), 'experience');
    const english = criterion(scoreCandidate(j, candidate({ experience: [{ title: 'Warehouse Assistant', description: 'Checked inbound deliveries, ran stocktakes and kept daily inventory reports.' }] })), 'experience');
    const unrelated = criterion(scoreCandidate(j, candidate({ experience: [{ title: '前台', description: '来访接待和会议室预订。' }] })), 'experience');
    expect(related.score).toBeGreaterThan(0.8);
    expect(english.score).toBeGreaterThan(0.3);
    expect(unrelated.score).toBeLessThan(0.1);
    expect(related.matched).toEqual(['仓库管理员']);
    expect(related.explanationZh).toBe('经历“仓库管理员”与“仓储物流专员”相关。');
    expect(unrelated.matched).toEqual([]);
    expect(unrelated.explanationEn).toBe('The one experience entry does not relate closely to "仓储物流专员".');
  });

  it('is zero with an explanation when there is no experience', () => {
    const r = criterion(scoreCandidate(j, candidate()), 'experience');
    expect(r.score).toBe(0);
    expect(r.missing).toEqual(['仓储管理', 'Excel']);
    expect(r.explanationZh).toBe('简历中没有工作、实习或项目经历。');
  });
});

describe('scoreCandidate: weights and points', () => {
  it('drops criteria the job does not ask for and renormalises the rest', () => {
    const r = scoreCandidate(job({ title: '仓储物流专员', skills: ['Excel'] }), candidate({ skills: ['Excel'] }));
    const applicable = CRITERION_WEIGHTS.skills + CRITERION_WEIGHTS.experience;
    expect(criterion(r, 'skills').weight).toBeCloseTo(CRITERION_WEIGHTS.skills / applicable, 12);
    expect(criterion(r, 'experience').weight).toBeCloseTo(CRITERION_WEIGHTS.experience / applicable, 12);
    for (const key of ['degree', 'major', 'languages'] as const) {
      expect(criterion(r, key)).toMatchObject({ weight: 0, score: 0, points: 0, matched: [], missing: [] });
    }
    expect(criterion(r, 'degree').explanationZh).toBe('岗位未设学历要求，此项不计分。');
    expect(criterion(r, 'languages').explanationEn).toBe('The job requires no languages, so this is not scored.');
    expect(r.criteria.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 12);
    // Skills fully met, no experience: only the skills share counts.
    expect(r.score).toBe(61.5);
  });

  it('uses the base weights when every criterion applies', () => {
    const r = scoreCandidate(job({ title: 'x', skills: ['Excel'], degree: 'bachelor', majors: ['会计学'], languages: ['English'] }), candidate());
    for (const key of SCREENING_CRITERIA) expect(criterion(r, key).weight).toBeCloseTo(CRITERION_WEIGHTS[key], 12);
    expect(Object.values(CRITERION_WEIGHTS).reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
  });

  it('scores 0 for a job with no requirements at all', () => {
    const r = scoreCandidate(job(), candidate({ skills: ['Java'] }));
    expect(r.score).toBe(0);
    expect(r.criteria.every((c) => c.weight === 0 && c.points === 0)).toBe(true);
  });

  it('keeps every score within 0–100 with points summing to it, over all fixture pairs', () => {
    const jobs = fixture<{ jobs: { job: TScreeningJob }[] }>('jobs.json').jobs;
    const cands = fixture<{ candidates: { candidate: TScreeningCandidate }[] }>('candidates.json').candidates;
    let pairs = 0;
    for (const { job: j } of jobs) {
      for (const { candidate: c } of cands) {
        const r = scoreCandidate(j, c);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(r.criteria.reduce((s, x) => s + x.points, 0)).toBeCloseTo(r.score, 9);
        for (const x of r.criteria) {
          expect(x.score).toBeGreaterThanOrEqual(0);
          expect(x.score).toBeLessThanOrEqual(1);
          expect(Math.abs(x.points - x.weight * x.score * 100)).toBeLessThan(0.1 + 1e-9);
          expect(Number.isInteger(Math.round(x.points * 10 * 1e6) / 1e6)).toBe(true);
        }
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThanOrEqual(48);
  });

  it('gives exactly 100 to a resume meeting everything', () => {
    const j = job({ title: '临床护士', description: '临床护理', skills: ['临床护理'], degree: 'junior_college', majors: ['护理学'], languages: ['普通话'] });
    const r = scoreCandidate(j, candidate({
      skills: ['临床护理'],
      education: [{ major: '护理学', degree: 'bachelor' }],
      experience: [{ title: '临床护士', description: '病区临床护理' }],
      languages: [{ language: 'mandarin', level: 'native' }],
    }));
    expect(r.score).toBe(100);
    expect(r.criteria.map((c) => c.score)).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('scoreCandidate: result', () => {
  const fixtures = fixture<{ jobs: { job: TScreeningJob }[] }>('jobs.json').jobs;
  const people = fixture<{ candidates: { candidate: TScreeningCandidate }[] }>('candidates.json').candidates;

  it('has the criteria in contract order, a version and no decision fields', () => {
    const r = scoreCandidate(fixtures[0]!.job, people[0]!.candidate);
    expect(Object.keys(r).sort()).toEqual(['criteria', 'score', 'version']);
    expect(r.version).toBe('v1');
    expect(SCORER_VERSION).toBe('v1');
    expect(r.criteria.map((c) => c.key)).toEqual([...SCREENING_CRITERIA]);
    for (const c of r.criteria) {
      expect(Object.keys(c).sort()).toEqual(['explanationEn', 'explanationZh', 'key', 'matched', 'missing', 'points', 'score', 'weight']);
      expect(c.explanationZh.length).toBeGreaterThan(0);
      expect(c.explanationEn.length).toBeGreaterThan(0);
    }
  });

  it('is deterministic and leaves its inputs untouched', () => {
    const j = structuredClone(fixtures[1]!.job);
    const c = structuredClone(people[4]!.candidate);
    const first = scoreCandidate(Object.freeze(j), Object.freeze(c));
    expect(scoreCandidate(j, c)).toEqual(first);
    expect(j).toEqual(fixtures[1]!.job);
    expect(c).toEqual(people[4]!.candidate);
  });

  it('ignores anything outside the contract that a caller passes along', () => {
    const j = fixtures[6]!.job;
    const c = people[0]!.candidate;
    const withExtras = { ...c, isHardship: true, gender: 'female', age: 30, hukouTownId: 'sijing', ethnicity: '回族' } as TScreeningCandidate;
    expect(scoreCandidate(j, withExtras)).toEqual(scoreCandidate(j, c));
  });

  it('takes well under a millisecond per resume–job pair', () => {
    const pairs = fixtures.flatMap(({ job: j }) => people.map(({ candidate: c }) => [j, c] as const));
    for (const [j, c] of pairs) scoreCandidate(j, c);
    const rounds = 5;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) for (const [j, c] of pairs) scoreCandidate(j, c);
    const perCall = (performance.now() - started) / (rounds * pairs.length);
    console.log(`scoreCandidate: ${(perCall * 1000).toFixed(0)} µs per call over ${pairs.length} pairs`);
    // Loose bound so a loaded test machine does not fail it; typical is well under 0.2 ms.
    expect(perCall).toBeLessThan(2);
  });
});
