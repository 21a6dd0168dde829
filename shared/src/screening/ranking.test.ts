import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZScreeningCandidateSchema, ZScreeningJobSchema, ZScreeningResultSchema, type TScreeningCandidate, type TScreeningJob } from '../schemas/screening.js';
import { ndcgAt, rankGraduatesForJob, rankJobsForGraduate, townDistance, type TownRef } from './ranking.js';
import { scoreCandidate } from './score.js';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../../test/fixtures/ranking/${name}`, import.meta.url), 'utf8')) as T;

interface FixtureJob { id: string; town: TownRef; job: TScreeningJob }
interface FixtureCandidate {
  id: string;
  name: string;
  variantOf?: string;
  protected: { hardship: boolean; gender: string; age: number; hukouTownId: string | null; ethnicity: string };
  candidate: TScreeningCandidate;
}
interface Label { jobId: string; candidateId: string; relevance: number; reason: string }

const jobs = fixture<{ jobs: FixtureJob[] }>('jobs.json').jobs;
const candidates = fixture<{ candidates: FixtureCandidate[] }>('candidates.json').candidates;
const labels = fixture<{ labels: Label[] }>('labels.json').labels;
const candidateById = new Map(candidates.map((c) => [c.id, c]));

describe('ranking fixtures', () => {
  it('are well formed: 8+ jobs, 6+ judged resumes each, 48+ pairs, contract-shaped inputs', () => {
    expect(jobs.length).toBeGreaterThanOrEqual(8);
    expect(labels.length).toBeGreaterThanOrEqual(48);
    for (const j of jobs) {
      expect(ZScreeningJobSchema.parse(j.job)).toEqual(j.job);
      expect(labels.filter((l) => l.jobId === j.id).length).toBeGreaterThanOrEqual(6);
    }
    for (const c of candidates) {
      // The scorer's input has exactly the contract's fields; nothing protected rides along.
      expect(ZScreeningCandidateSchema.parse(c.candidate)).toEqual(c.candidate);
      expect(Object.keys(c.candidate).sort()).toEqual(['education', 'experience', 'languages', 'skills', 'text']);
    }
    for (const l of labels) {
      expect(candidateById.has(l.candidateId)).toBe(true);
      expect([0, 1, 2, 3]).toContain(l.relevance);
      expect(l.reason.length).toBeGreaterThan(0);
    }
    expect(new Set(labels.map((l) => `${l.jobId}/${l.candidateId}`)).size).toBe(labels.length);
  });

  it('ranks judged resumes with NDCG@5 of at least 0.8 averaged over jobs', () => {
    const perJob = jobs.map((j) => {
      const judged = labels.filter((l) => l.jobId === j.id);
      const ranked = rankGraduatesForJob(j.job, judged.map((l) => ({ id: l.candidateId, candidate: candidateById.get(l.candidateId)!.candidate })));
      const relevance = new Map(judged.map((l) => [l.candidateId, l.relevance]));
      return { id: j.id, ndcg: ndcgAt(5, ranked.map((r) => r.id), relevance) };
    });
    const mean = perJob.reduce((s, j) => s + j.ndcg, 0) / perJob.length;
    console.log(`NDCG@5 = ${mean.toFixed(3)} over ${perJob.length} jobs (${perJob.map((j) => `${j.id} ${j.ndcg.toFixed(2)}`).join(', ')})`);
    expect(mean).toBeGreaterThanOrEqual(0.8);
    for (const j of perJob) expect(j.ndcg).toBeGreaterThan(0.6);
  });

  it('gives protected-attribute variants exactly the same results for every job', () => {
    const variants = candidates.filter((c) => c.variantOf);
    expect(variants.length).toBeGreaterThanOrEqual(3);
    for (const v of variants) {
      const base = candidateById.get(v.variantOf!)!;
      // The variants really differ: hardship, gender, age, hukou, ethnicity, and the personal line of the text.
      expect(v.protected.hardship).not.toBe(base.protected.hardship);
      expect(v.protected.gender).not.toBe(base.protected.gender);
      expect(v.protected.age).not.toBe(base.protected.age);
      expect(v.protected.hukouTownId).not.toBe(base.protected.hukouTownId);
      expect(v.protected.ethnicity).not.toBe(base.protected.ethnicity);
      expect(v.candidate.text).not.toBe(base.candidate.text);
      for (const j of jobs) expect(scoreCandidate(j.job, v.candidate)).toEqual(scoreCandidate(j.job, base.candidate));
      const asJobs = jobs.map((j) => ({ id: j.id, job: j.job, town: j.town }));
      expect(rankJobsForGraduate(v.candidate, null, asJobs)).toEqual(rankJobsForGraduate(base.candidate, null, asJobs));
    }
  });

  it('produces results that satisfy the result contract for every fixture pair', () => {
    for (const j of jobs) {
      for (const c of candidates) {
        const r = scoreCandidate(j.job, c.candidate);
        expect(ZScreeningResultSchema.parse(r)).toEqual(r);
      }
    }
  });
});

describe('townDistance', () => {
  const sijing: TownRef = { id: 'sijing', regionId: 'r-north', isDevZone: false };
  const sheshan: TownRef = { id: 'sheshan', regionId: 'r-north', isDevZone: false };
  const chedun: TownRef = { id: 'chedun', regionId: 'r-south', isDevZone: false };
  const loose: TownRef = { id: 'maogang', regionId: null, isDevZone: false };
  const edz: TownRef = { id: 'edz', regionId: null, isDevZone: true };

  it('is 0 within a town, 1 within a region, 2 across regions', () => {
    expect(townDistance(sijing, sijing)).toBe(0);
    expect(townDistance(sijing, sheshan)).toBe(1);
    expect(townDistance(sheshan, sijing)).toBe(1);
    expect(townDistance(sijing, chedun)).toBe(2);
  });

  it('pairs the development zone with every town (1+5)', () => {
    expect(townDistance(sijing, edz)).toBe(1);
    expect(townDistance(edz, chedun)).toBe(1);
    expect(townDistance(loose, edz)).toBe(1);
    expect(townDistance(edz, edz)).toBe(0);
  });

  it('does not treat two towns without a region as one region', () => {
    expect(townDistance(loose, { id: 'xinbang', regionId: null, isDevZone: false })).toBe(2);
  });
});

describe('rankJobsForGraduate', () => {
  const base: TScreeningJob = { title: '会计助理', description: '账务处理和纳税申报', skills: ['会计核算', '纳税申报'], preferredSkills: [], degree: 'junior_college', majors: ['会计学'], languages: [] };
  const accountant: TScreeningCandidate = {
    skills: ['会计核算', '纳税申报', 'Excel'],
    education: [{ major: '会计学', degree: 'bachelor' }],
    experience: [{ title: '会计实习生', description: '负责凭证录入、账务处理和纳税申报。' }],
    languages: [],
    text: '会计学 本科 会计核算 纳税申报 Excel',
  };
  const home: TownRef = { id: 'sijing', regionId: 'r-north', isDevZone: false };
  const nurseJob: TScreeningJob = { title: '护士', description: '临床护理', skills: ['临床护理'], preferredSkills: [], degree: 'junior_college', majors: ['护理学'], languages: [] };

  it('orders by score, then by distance among equal whole-point scores, then by id', () => {
    const ranked = rankJobsForGraduate(accountant, home, [
      { id: 'far', job: base, town: { id: 'chedun', regionId: 'r-south', isDevZone: false } },
      { id: 'nurse', job: nurseJob, town: home },
      { id: 'zone', job: base, town: { id: 'edz', regionId: null, isDevZone: true } },
      { id: 'same-b', job: base, town: home },
      { id: 'same-a', job: base, town: home },
    ]);
    expect(ranked.map((r) => [r.id, r.distance])).toEqual([['same-a', 0], ['same-b', 0], ['zone', 1], ['far', 2], ['nurse', 0]]);
    expect(ranked[0]!.score).toBe(Math.round(ranked[0]!.result.score));
    expect(ranked[0]!.score).toBeGreaterThan(ranked[4]!.score);
  });

  it('lets near-equal scores tie so a nearer job comes first', () => {
    const cashier: TScreeningCandidate = { ...accountant, experience: [{ title: '出纳实习生', description: '负责现金收付和银行对账。' }] };
    const job = (extra: string): TScreeningJob => ({ ...base, description: `账务处理、纳税申报和银行对账${extra}` });
    const ranked = rankJobsForGraduate(cashier, home, [
      { id: 'a-far', job: job('，负责开票'), town: { id: 'chedun', regionId: 'r-south', isDevZone: false } },
      { id: 'b-near', job: job('，月末结账'), town: home },
    ]);
    const far = ranked.find((r) => r.id === 'a-far')!;
    const near = ranked.find((r) => r.id === 'b-near')!;
    expect(far.result.score).toBe(78.3);
    expect(near.result.score).toBe(77.9);
    expect(far.score).toBe(78);
    expect(near.score).toBe(78);
    expect(ranked.map((r) => r.id)).toEqual(['b-near', 'a-far']);
  });

  it('counts development-zone jobs as near when the graduate has no town', () => {
    const ranked = rankJobsForGraduate(accountant, null, [
      { id: 'town', job: base, town: home },
      { id: 'zone', job: base, town: { id: 'edz', regionId: null, isDevZone: true } },
    ]);
    expect(ranked.map((r) => [r.id, r.distance])).toEqual([['zone', 1], ['town', 2]]);
  });
});

describe('rankGraduatesForJob', () => {
  it('orders by score, ties by id', () => {
    const job = jobs.find((j) => j.id === 'j-nurse')!.job;
    const nurse = candidateById.get('c19')!.candidate;
    const machinist = candidateById.get('c10')!.candidate;
    const ranked = rankGraduatesForJob(job, [
      { id: 'm', candidate: machinist },
      { id: 'z', candidate: nurse },
      { id: 'a', candidate: nurse },
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['a', 'z', 'm']);
    expect(ranked[0]!.score).toBe(ranked[0]!.result.score);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[2]!.score);
  });
});

describe('ndcgAt', () => {
  it('is 1 for the ideal order and matches a hand computation otherwise', () => {
    const rel = { a: 3, b: 2, c: 0, d: 1 };
    expect(ndcgAt(5, ['a', 'b', 'd', 'c'], rel)).toBeCloseTo(1, 12);
    // DCG = (2^1-1)/log2(2) + 0 + (2^2-1)/log2(4) + (2^3-1)/log2(5)
    const dcg = 1 + 0 + 3 / 2 + 7 / Math.log2(5);
    const idcg = 7 + 3 / Math.log2(3) + 1 / Math.log2(4);
    expect(ndcgAt(5, ['d', 'c', 'b', 'a'], rel)).toBeCloseTo(dcg / idcg, 12);
  });

  it('only counts the first k, against the ideal first k', () => {
    const rel = new Map([['a', 3], ['b', 3], ['c', 1]]);
    expect(ndcgAt(1, ['b', 'c', 'a'], rel)).toBe(1);
    expect(ndcgAt(2, ['c', 'a', 'b'], rel)).toBeCloseTo((1 + 7 / Math.log2(3)) / (7 + 7 / Math.log2(3)), 12);
  });

  it('treats unjudged ids as irrelevant and is 0 when nothing is relevant', () => {
    expect(ndcgAt(3, ['x', 'a'], { a: 2 })).toBeCloseTo(3 / Math.log2(3) / 3, 12);
    expect(ndcgAt(3, ['toString', 'constructor'], { a: 2 })).toBe(0);
    expect(ndcgAt(3, ['a', 'b'], { a: 0, b: 0 })).toBe(0);
  });
});
