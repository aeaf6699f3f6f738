// Luck-neutral grading: a score is placed among many autopilot runs of the same level, seed and
// company, so a student is compared with what the same world gave everyone else, not with
// students who drew a kinder seed.

import { playGame } from './game';
import type { Level } from './level';
import type { PolicyName } from './policies';
import { POLICIES } from './policies';

/**
 * Scores of `runs` autopilot games on the same level, seed and company, sorted ascending: the
 * named policies in turn, then seeded random play (each run its own autopilot stream).
 */
export function autopilotBaseline(level: Level, seed: number, company: string, runs: number): number[] {
  const named = POLICIES.filter((p) => p !== 'random');
  const scores: number[] = [];
  for (let i = 0; i < runs; i++) {
    const policy: PolicyName = i < named.length ? named[i]! : 'random';
    const { state } = playGame(level, seed, company, policy, i < named.length ? 0 : i);
    scores.push(state.ending ? state.ending.score : 0);
  }
  return scores.sort((a, b) => a - b);
}

/**
 * Percentile (0..100) of a score within a sorted baseline: the share of runs it beats, counting
 * ties as half (the mid-rank rule), so equal scores get equal percentiles.
 */
export function percentileOf(score: number, sortedBaseline: readonly number[]): number {
  const n = sortedBaseline.length;
  if (n === 0) return 50;
  let below = 0;
  let equal = 0;
  for (const x of sortedBaseline) {
    if (x < score) below++;
    else if (x === score) equal++;
  }
  return (100 * (below + equal / 2)) / n;
}

/** The luck-neutral percentile of a score among `runs` autopilot games of the same world. */
export function luckNeutralPercentile(
  level: Level,
  seed: number,
  company: string,
  score: number,
  runs = 100,
): number {
  return percentileOf(score, autopilotBaseline(level, seed, company, runs));
}
