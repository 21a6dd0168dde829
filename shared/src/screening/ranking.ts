/**
 * Ordering jobs for a graduate and graduates for a job by screening score, and NDCG for checking
 * such orderings against human judgements.
 */
import type { TScreeningCandidate, TScreeningJob, TScreeningResult } from '../schemas/screening.js';
import { prepareCandidate, prepareJob, scorePrepared } from './score.js';

/** Where a job or a graduate is: a town (or subdistrict), its region, and whether it is the development zone. */
export interface TownRef {
  id: string;
  regionId: string | null;
  isDevZone: boolean;
}

/**
 * 0 for the same town; 1 within a region, or when either side is the economic development zone
 * (the "1+5" model pairs the zone with every town, so its jobs count as near for everyone); else 2.
 */
export function townDistance(a: TownRef, b: TownRef): number {
  if (a.id === b.id) return 0;
  if (a.isDevZone || b.isDevZone) return 1;
  if (a.regionId !== null && a.regionId === b.regionId) return 1;
  return 2;
}

export interface RankedJob {
  id: string;
  /** The screening score rounded to whole points: the sort key. */
  score: number;
  distance: number;
  result: TScreeningResult;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Jobs for one graduate, best first: score (whole points, so near-equal scores tie), then nearer
 * towns, then id. A graduate with no known town is 1 from development-zone jobs and 2 from others.
 */
export function rankJobsForGraduate(
  candidate: TScreeningCandidate,
  graduateTown: TownRef | null,
  jobs: readonly { id: string; job: TScreeningJob; town: TownRef }[],
): RankedJob[] {
  const c = prepareCandidate(candidate);
  return jobs
    .map(({ id, job, town }) => {
      const result = scorePrepared(prepareJob(job), c);
      const distance = graduateTown ? townDistance(graduateTown, town) : town.isDevZone ? 1 : 2;
      return { id, score: Math.round(result.score), distance, result };
    })
    .sort((a, b) => b.score - a.score || a.distance - b.distance || byId(a, b));
}

export interface RankedGraduate {
  id: string;
  /** The screening score (0–100, one decimal). */
  score: number;
  result: TScreeningResult;
}

/** Graduates for one job, best first: score, then id. */
export function rankGraduatesForJob(job: TScreeningJob, candidates: readonly { id: string; candidate: TScreeningCandidate }[]): RankedGraduate[] {
  const j = prepareJob(job);
  return candidates
    .map(({ id, candidate }) => {
      const result = scorePrepared(j, prepareCandidate(candidate));
      return { id, score: result.score, result };
    })
    .sort((a, b) => b.score - a.score || byId(a, b));
}

/**
 * Normalised discounted cumulative gain of the first k of a ranking: gain 2^rel − 1, discount
 * log2(position + 1). Ids without a judgement count as 0; the ideal ordering is taken over all
 * judged ids. Returns 0 when nothing judged is relevant.
 */
export function ndcgAt(k: number, rankedIds: readonly string[], relevanceById: ReadonlyMap<string, number> | Readonly<Record<string, number>>): number {
  const rel = (id: string) =>
    (relevanceById instanceof Map ? relevanceById.get(id) : Object.hasOwn(relevanceById, id) ? (relevanceById as Readonly<Record<string, number>>)[id] : 0) ?? 0;
  const all = relevanceById instanceof Map ? [...relevanceById.values()] : Object.values(relevanceById);
  const dcg = (gains: readonly number[]) => gains.slice(0, k).reduce((s, r, i) => s + (2 ** r - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...all].sort((a, b) => b - a));
  return ideal > 0 ? dcg(rankedIds.map(rel)) / ideal : 0;
}
