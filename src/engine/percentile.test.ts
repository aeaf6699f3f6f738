// Luck-neutral grading (percentile.ts): the mid-rank percentile of a score within a sorted baseline,
// and baselines of autopilot runs on the same level, seed and company.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getTestLevel } from '../../tests/helpers';
import { getLevel, LEVEL_IDS } from '../app/levels';
import { playGame } from './game';
import { autopilotBaseline, luckNeutralPercentile, percentileOf } from './percentile';
import { POLICIES } from './policies';

const level = getTestLevel();
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('percentileOf', () => {
  it('small arrays: the share beaten, ties counted as half (mid-rank)', () => {
    expect(percentileOf(5, [1, 2, 3, 4])).toBe(100);
    expect(percentileOf(0, [1, 2, 3, 4])).toBe(0);
    expect(percentileOf(2.5, [1, 2, 3, 4])).toBe(50);
    expect(percentileOf(2, [1, 2, 3, 4])).toBe(37.5);
    expect(percentileOf(1, [1, 2, 3, 4])).toBe(12.5);
    expect(percentileOf(4, [1, 2, 3, 4])).toBe(87.5);
    // ties get the middle of their ranks
    expect(percentileOf(7, [7, 7, 7, 7])).toBe(50);
    expect(percentileOf(2, [1, 2, 2, 3])).toBe(50);
    expect(percentileOf(3, [1, 2, 3, 3, 3, 9])).toBe(((2 + 1.5) / 6) * 100);
    expect(percentileOf(1, [1])).toBe(50);
    // an empty baseline says nothing: the middle
    expect(percentileOf(123, [])).toBe(50);
  });

  it('equal scores get equal percentiles; within 0..100; monotone in the score', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: -60, max: 60 }),
        fc.integer({ min: -60, max: 60 }),
        (xs, a, b) => {
          const base = sorted(xs);
          const pa = percentileOf(a, base);
          const pb = percentileOf(b, base);
          expect(pa).toBeGreaterThanOrEqual(0);
          expect(pa).toBeLessThanOrEqual(100);
          if (a < b) expect(pa).toBeLessThanOrEqual(pb);
          if (a === b) expect(pa).toBe(pb);
          // strictly higher when a run lies between the two scores
          if (a < b && base.some((x) => x >= a && x < b)) expect(pa).toBeLessThan(pb);
          // a score above everything is 100, below everything 0
          expect(percentileOf(Math.max(...xs) + 1, base)).toBe(100);
          expect(percentileOf(Math.min(...xs) - 1, base)).toBe(0);
          // the mean percentile of the baseline's own scores is 50 (mid-rank)
          const mean = base.reduce((s, x) => s + percentileOf(x, base), 0) / base.length;
          expect(mean).toBeCloseTo(50, 9);
        },
      ),
      { numRuns: 300, seed: 17 },
    );
  });
});

describe('autopilotBaseline', () => {
  const RUNS = 8;

  it('is deterministic, sorted ascending, of the requested length', () => {
    const a = autopilotBaseline(level, 11, 'moonshot', RUNS);
    const b = autopilotBaseline(level, 11, 'moonshot', RUNS);
    expect(a).toEqual(b);
    expect(a).toHaveLength(RUNS);
    expect(a).toEqual(sorted(a));
    for (const x of a) expect(Number.isFinite(x)).toBe(true);
    expect(autopilotBaseline(level, 11, 'moonshot', 0)).toEqual([]);
    expect(autopilotBaseline(level, 11, 'moonshot', 3)).toHaveLength(3);
  });

  it('holds the named autopilots’ scores, then seeded random play', () => {
    const named = POLICIES.filter((p) => p !== 'random');
    const base = autopilotBaseline(level, 5, 'zhipu', named.length + 2);
    const expected = [
      ...named.map((p) => playGame(level, 5, 'zhipu', p).state.ending!.score),
      playGame(level, 5, 'zhipu', 'random', named.length).state.ending!.score,
      playGame(level, 5, 'zhipu', 'random', named.length + 1).state.ending!.score,
    ];
    expect(base).toEqual(sorted(expected));
  });

  it('depends on the seed and the company (another world, another baseline)', () => {
    const a = autopilotBaseline(level, 1, 'minimax', RUNS);
    const b = autopilotBaseline(level, 2, 'minimax', RUNS);
    const c = autopilotBaseline(level, 1, 'stepfun', RUNS);
    expect(a).not.toEqual(b);
    expect(a).not.toEqual(c);
  });
});

describe('luckNeutralPercentile', () => {
  it('a very high score is the 100th percentile, a very low one the 0th; a baseline score is in between', () => {
    const runs = 8;
    expect(luckNeutralPercentile(level, 3, 'baichuan', 1e15, runs)).toBe(100);
    expect(luckNeutralPercentile(level, 3, 'baichuan', -1e15, runs)).toBe(0);
    const base = autopilotBaseline(level, 3, 'baichuan', runs);
    const mid = base[Math.floor(runs / 2)]!;
    const p = luckNeutralPercentile(level, 3, 'baichuan', mid, runs);
    expect(p).toBe(percentileOf(mid, base));
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(100);
  });
});

// Baselines include 'random' autopilot runs, which answer cards at random (strategic investors
// included) and must never send a command the reducer refuses (playGame throws if they do).
describe('autopilotBaseline on the bundled levels (random runs included)', () => {
  it('plays every bundled level without an illegal autopilot command', () => {
    for (const id of LEVEL_IDS)
      for (const [seed, company] of [
        [5, 'zhipu'],
        [3, 'baichuan'],
      ] as const) {
        const lvl = getLevel(id);
        if (!lvl.player.companies.includes(company)) continue;
        const base = autopilotBaseline(lvl, seed, company, 8);
        expect(base).toHaveLength(8);
      }
  });
});
