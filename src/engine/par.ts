// Duplicate scoring: a game is scored against *par*, what a fixed set of competent reference
// strategies score on the same level, seed and company. Keyed luck (rng.ts) makes every reference
// run face the very luck the player faced, as duplicate bridge deals the same hands at every
// table. The set is fixed and never holds random play, so the ending screen, the instructor view,
// `verify --rank` and its CSV all compute the same numbers from this one module.

import { playGame } from './game';
import type { Level } from './level';
import type { PolicyName, ProfileShift } from './policies';
import { withoutQuarterHashes } from './quarter/record';

/** A reference strategy: a named autopilot, its profile maybe shifted. */
export interface ReferenceStrategy {
  /** Stable name, e.g. `balanced`, `balanced runway-2`, `overseas-first pretraining+10%`. */
  id: string;
  policy: Exclude<PolicyName, 'random'>;
  shift: ProfileShift;
}

/** The named autopilots of the set (every one but random play). */
const REFERENCE_POLICIES = [
  'balanced',
  'pretraining-first',
  'applications-first',
  'overseas-first',
  'enterprise-first',
] as const satisfies readonly Exclude<PolicyName, 'random'>[];

/**
 * The shifts each named autopilot is played with: as named; a leaner and a more cautious budget
 * (two quarters less or more of runway kept, a round opened that much sooner or later); and ten
 * points less or more of the spend on pretraining. Five shifts of five autopilots: 25 runs, an odd
 * number, so par is one of the runs' own scores.
 */
const SHIFTS: readonly { suffix: string; shift: ProfileShift }[] = [
  { suffix: '', shift: { runway: 0, pretrainingBp: 0 } },
  { suffix: ' runway-2', shift: { runway: -2, pretrainingBp: 0 } },
  { suffix: ' runway+2', shift: { runway: 2, pretrainingBp: 0 } },
  { suffix: ' pretraining-10%', shift: { runway: 0, pretrainingBp: -1000 } },
  { suffix: ' pretraining+10%', shift: { runway: 0, pretrainingBp: 1000 } },
];

/** The reference set, in a fixed order. Changing it changes every par: bump PAR_VERSION. */
export const REFERENCE_STRATEGIES: readonly ReferenceStrategy[] = REFERENCE_POLICIES.flatMap((policy) =>
  SHIFTS.map(({ suffix, shift }) => ({ id: `${policy}${suffix}`, policy, shift })),
);

/** Runs in the reference set. */
export const PAR_RUNS = REFERENCE_STRATEGIES.length;

/** Which reference set (with RULES_VERSION) a par was computed with. */
export const PAR_VERSION = 6;

/** A world's par: the reference runs' scores, sorted ascending, and their median. */
export interface Par {
  /** The PAR_RUNS reference scores, ascending, 万元. */
  scores: readonly number[];
  /** The median reference score, 万元 (the middle one: PAR_RUNS is odd). */
  par: number;
}

/** Where a score stands against par. */
export interface Standing {
  par: number;
  /** Score − par, 万元. */
  difference: number;
  /** Percentile among the reference runs, 0..100 (see percentileOf). */
  percentile: number;
}

/** The final score of one reference strategy on a world. */
export function referenceScore(level: Level, seed: number, company: string, r: ReferenceStrategy): number {
  // Only the score is read: the history's quarter hashes are not computed.
  const { state } = withoutQuarterHashes(() => playGame(level, seed, company, r.policy, 0, r.shift));
  return state.ending ? state.ending.score : 0;
}

/** The reference scores of a world, in REFERENCE_STRATEGIES order. Throws if a run cannot be played. */
export function referenceScores(level: Level, seed: number, company: string): number[] {
  return REFERENCE_STRATEGIES.map((r) => referenceScore(level, seed, company, r));
}

/**
 * The median of some scores: the middle one of an odd count, the mean of the two middle ones of
 * an even count. NaN for none.
 */
export function median(scores: readonly number[]): number {
  const s = [...scores].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return Number.NaN;
  const m = n >> 1;
  return n % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A par from reference scores in any order. */
export function parFromScores(scores: readonly number[]): Par {
  const sorted = [...scores].sort((a, b) => a - b);
  return { scores: sorted, par: median(sorted) };
}

/** The par of a world: plays the whole reference set. */
export function parOf(level: Level, seed: number, company: string): Par {
  return parFromScores(referenceScores(level, seed, company));
}

/**
 * Percentile (0..100) of a score among sorted reference scores: the share of runs it beats, a run
 * it ties counting half (the mid-rank rule). So equal scores get equal percentiles, a score above
 * every run is 100, below every run 0, and a run's own score averages 50 over the set. With 25 runs
 * every percentile is a whole, even number. An empty set says nothing: 50.
 */
export function percentileOf(score: number, sortedScores: readonly number[]): number {
  const n = sortedScores.length;
  if (n === 0) return 50;
  let below = 0;
  let equal = 0;
  for (const x of sortedScores) {
    if (x < score) below++;
    else if (x === score) equal++;
  }
  return (100 * (below + equal / 2)) / n;
}

/** A score against a world's par. */
export function standingOf(score: number, p: Par): Standing {
  return { par: p.par, difference: score - p.par, percentile: percentileOf(score, p.scores) };
}
