// Duplicate scoring (par.ts): the fixed reference set (named autopilots and their shifted variants,
// never random play), par as the median of its scores on one world, the par difference, and the
// mid-rank percentile among the reference runs (ties, bounds).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../../tests/fuzz';
import { getTestLevel } from '../../tests/helpers';
import { getLevel, LEVEL_IDS } from '../app/levels';
import { playGame } from './game';
import {
  median,
  PAR_RUNS,
  parFromScores,
  parOf,
  percentileOf,
  REFERENCE_STRATEGIES,
  referenceScores,
  standingOf,
} from './par';
import { POLICIES } from './policies';
import { withoutQuarterHashes } from './quarter/record';

const level = getTestLevel();
const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

describe('the reference set', () => {
  it('is fixed: these 25 runs, in this order (changing it changes every par: bump PAR_VERSION)', () => {
    const shifts = ['', ' runway-2', ' runway+2', ' pretraining-10%', ' pretraining+10%'];
    const named = [
      'balanced',
      'pretraining-first',
      'applications-first',
      'overseas-first',
      'enterprise-first',
    ];
    expect(REFERENCE_STRATEGIES.map((r) => r.id)).toEqual(named.flatMap((p) => shifts.map((s) => p + s)));
    expect(PAR_RUNS).toBe(25);
    expect(PAR_RUNS % 2).toBe(1); // odd: par is one of the runs' own scores
    expect(new Set(REFERENCE_STRATEGIES.map((r) => r.id)).size).toBe(PAR_RUNS);
  });

  it('never holds random play; every named autopilot appears as named', () => {
    expect(REFERENCE_STRATEGIES.every((r) => (r.policy as string) !== 'random')).toBe(true);
    for (const p of POLICIES.filter((x) => x !== 'random'))
      expect(
        REFERENCE_STRATEGIES.some(
          (r) => r.policy === p && r.shift.runway === 0 && r.shift.pretrainingBp === 0,
        ),
      ).toBe(true);
  });

  it('an unshifted reference run is the named autopilot exactly; a shifted one plays differently', () => {
    const plain = playGame(level, 9, 'zhipu', 'balanced');
    const zero = playGame(level, 9, 'zhipu', 'balanced', 0, { runway: 0, pretrainingBp: 0 });
    expect(zero.log).toEqual(plain.log);
    for (const shift of [
      { runway: 2, pretrainingBp: 0 },
      { runway: 0, pretrainingBp: -1000 },
    ])
      expect(playGame(level, 9, 'zhipu', 'balanced', 0, shift).log).not.toEqual(plain.log);
  });

  it('a run played without quarter hashes is the same game, its hashes left empty', () => {
    const level = getLevel('historical-2023');
    for (const [seed, company, policy] of [
      [3, 'zhipu', 'balanced'],
      [8, 'baichuan', 'overseas-first'],
    ] as const) {
      const hashed = playGame(level, seed, company, policy, 0, { runway: -2, pretrainingBp: 0 });
      const bare = withoutQuarterHashes(() =>
        playGame(level, seed, company, policy, 0, { runway: -2, pretrainingBp: 0 }),
      );
      expect(hashed.state.history.every((q) => q.hash.length > 0)).toBe(true);
      expect(bare.state.history.every((q) => q.hash === '')).toBe(true);
      const blank = (s: typeof hashed.state) => ({
        ...s,
        history: s.history.map((q) => ({ ...q, hash: '' })),
      });
      expect(blank(bare.state)).toEqual(blank(hashed.state));
      expect(bare.log).toEqual(hashed.log);
      // And the switch is put back: the next game hashes again.
      expect(playGame(level, seed, company, policy).state.history[0]!.hash).not.toBe('');
    }
  });

  it('plays on every bundled level without an illegal command', () => {
    for (const id of LEVEL_IDS) {
      const lvl = getLevel(id);
      const company = lvl.player.companies[0]!;
      const scores = referenceScores(lvl, 5, company);
      expect(scores).toHaveLength(PAR_RUNS);
      for (const x of scores) expect(Number.isInteger(x)).toBe(true);
    }
  });
});

describe('median', () => {
  it('the middle of an odd count, the mean of the two middle ones of an even count, in any order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([2, 2, 9])).toBe(2);
    expect(median([])).toBeNaN();
  });
});

describe('percentileOf (mid-rank)', () => {
  it('the share of runs beaten, a tie counting half', () => {
    expect(percentileOf(5, [1, 2, 3, 4])).toBe(100);
    expect(percentileOf(0, [1, 2, 3, 4])).toBe(0);
    expect(percentileOf(2.5, [1, 2, 3, 4])).toBe(50);
    expect(percentileOf(2, [1, 2, 3, 4])).toBe(37.5);
    expect(percentileOf(7, [7, 7, 7, 7])).toBe(50);
    expect(percentileOf(2, [1, 2, 2, 3])).toBe(50);
    expect(percentileOf(3, [1, 2, 3, 3, 3, 9])).toBe(((2 + 1.5) / 6) * 100);
    expect(percentileOf(1, [1])).toBe(50);
    expect(percentileOf(123, [])).toBe(50);
  });

  it('within 0..100, monotone, equal for equal scores; 100 above every run, 0 below; runs average 50', () => {
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
          if (a < b && base.some((x) => x >= a && x < b)) expect(pa).toBeLessThan(pb);
          expect(percentileOf(Math.max(...xs) + 1, base)).toBe(100);
          expect(percentileOf(Math.min(...xs) - 1, base)).toBe(0);
          const mean = base.reduce((s, x) => s + percentileOf(x, base), 0) / base.length;
          expect(mean).toBeCloseTo(50, 9);
        },
      ),
      budget(300, 17),
    );
  });

  it('with 25 runs every percentile is a whole even number', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: PAR_RUNS, maxLength: PAR_RUNS }),
        fc.integer({ min: -1, max: 21 }),
        (xs, score) => {
          const p = percentileOf(score, sorted(xs));
          expect(Number.isInteger(p)).toBe(true);
          expect(p % 2).toBe(0);
        },
      ),
      budget(200, 23),
    );
  });
});

describe('par of a world', () => {
  const p = parOf(level, 3, 'baichuan');

  it('is the median of the reference scores, one of them, and deterministic', () => {
    const scores = referenceScores(level, 3, 'baichuan');
    expect(p.scores).toEqual(sorted(scores));
    expect(p.par).toBe(median(scores));
    expect(p.par).toBe(p.scores[(PAR_RUNS - 1) / 2]);
    expect(parOf(level, 3, 'baichuan')).toEqual(p);
    expect(parFromScores(scores)).toEqual(p);
  });

  it('depends on the seed and the company (another world, another par)', () => {
    expect(parOf(level, 4, 'baichuan').scores).not.toEqual(p.scores);
    expect(parOf(level, 3, 'stepfun').scores).not.toEqual(p.scores);
  });

  it('a score stands at score − par, at a percentile among the runs', () => {
    expect(standingOf(p.par, p)).toMatchObject({ par: p.par, difference: 0 });
    const top = p.scores[PAR_RUNS - 1]!;
    expect(standingOf(top + 1, p)).toEqual({ par: p.par, difference: top + 1 - p.par, percentile: 100 });
    expect(standingOf(p.scores[0]! - 1, p).percentile).toBe(0);
    // Par itself, when no other run ties it, is exactly the 50th percentile.
    if (p.scores.filter((x) => x === p.par).length === 1) expect(standingOf(p.par, p).percentile).toBe(50);
  });
});
