// Skill vs luck (scripts/luck.ts): the two-way ANOVA split on hand-made tables with known answers,
// quartiles, percentile spreads, pairwise win rates, where the strategy × seed part comes from,
// and `tournament --luck` end to end on a small run.

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  companyLuck,
  interactionBy,
  pairBeats,
  percentileSpread,
  quantile,
  varianceSplit,
} from '../scripts/luck';
import { PAR_RUNS, REFERENCE_STRATEGIES } from '../src/engine/index';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

describe('varianceSplit (two-way ANOVA, one score per strategy × seed)', () => {
  it('an additive table: strategy 60 %, seed 40 %, no interaction', () => {
    // Row means 2 and 4, column means 2, 3, 4, grand mean 3: SS_strategy = 3·(1 + 1) = 6,
    // SS_seed = 2·(1 + 0 + 1) = 4, SS_total = 4 + 1 + 0 + 0 + 1 + 4 = 10.
    const s = varianceSplit([
      [1, 2, 3],
      [3, 4, 5],
    ]);
    expect(s.ss).toEqual({ strategy: 6, seed: 4, interaction: 0, total: 10 });
    expect([s.strategy, s.seed, s.interaction]).toEqual([60, 40, 0]);
  });

  it('a pure crossing: all interaction', () => {
    const s = varianceSplit([
      [1, 0],
      [0, 1],
    ]);
    expect([s.strategy, s.seed, s.interaction]).toEqual([0, 0, 100]);
  });

  it('one lucky cell: a third each', () => {
    // Grand mean 0.5; row and column means 1 and 0: SS 1, 1 and a total of 2.25 + 3·0.25 = 3.
    const s = varianceSplit([
      [2, 0],
      [0, 0],
    ]);
    expect(s.ss.total).toBeCloseTo(3, 12);
    expect(s.strategy).toBeCloseTo(100 / 3, 9);
    expect(s.seed).toBeCloseTo(100 / 3, 9);
    expect(s.interaction).toBeCloseTo(100 / 3, 9);
  });

  it('a constant or empty table has nothing to split; ragged rows are refused', () => {
    expect(varianceSplit([[5, 5]]).strategy).toBe(0);
    expect(varianceSplit([]).ss.total).toBe(0);
    expect(() => varianceSplit([[1, 2], [3]])).toThrow(RangeError);
  });
});

describe('the other figures', () => {
  it('quartiles interpolate between order statistics (QUARTILE.INC)', () => {
    expect(quantile([4, 1, 3, 2], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it("a strategy's percentile among the set on each seed, and its interquartile range", () => {
    // Strategy 0 is best on seeds 1–3 and worst on seed 4.
    const y = [
      [9, 9, 9, 0],
      [5, 5, 5, 5],
      [1, 1, 1, 1],
    ];
    const s = percentileSpread(y, 0, 'a');
    // Percentiles by seed: 500/6 ≈ 83.3 three times, then 100/6 ≈ 16.7.
    expect(s.q1).toBeCloseTo(100 / 6 + 0.75 * (400 / 6), 9);
    expect(s.q3).toBeCloseTo(500 / 6, 9);
    expect(s.median).toBeCloseTo(500 / 6, 9);
  });

  it('pairwise: the better strategy by mean wins on most seeds; close pairs are left out', () => {
    const y = [
      [10, 10, 10, 0], // mean 7.5
      [5, 5, 5, 5], // mean 5
      [5, 5, 5, 5.2], // mean 5.05: within 10 % of the second, left out against it
    ];
    const p = pairBeats(y, ['a', 'b', 'c']);
    expect(p.pairs).toBe(2);
    expect(p.beatRate).toBe(75);
    expect(p.pairsAt80).toBe(0);
    expect(p.worst).toEqual({ better: 'a', worse: 'b', beatRate: 75 });
  });

  it('the strategy × seed part by ending adds up to 100 % of it and of the games', () => {
    const y = [
      [2, 0],
      [0, 0],
    ];
    const by = interactionBy(y, [
      ['made-it', 'times-up'],
      ['times-up', 'times-up'],
    ]);
    // Residuals are ±0.5 in every cell: each carries a quarter.
    expect(by['made-it']).toEqual({ ss: 25, games: 25 });
    expect(by['times-up']).toEqual({ ss: 75, games: 75 });
    const c = companyLuck(
      'x',
      y,
      [
        ['a', 'a'],
        ['a', 'a'],
      ],
      ['s', 't'],
      [true, false],
    );
    expect(c.spreads.map((s) => s.strategy)).toEqual(['s']);
    expect(c.interactionByEnding).toEqual({ a: { ss: 100, games: 100 } });
  });
});

function tournament(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      ['scripts/tournament.ts', ...args],
      { cwd: ROOT, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        resolve({ code: err && typeof err.code === 'number' ? err.code : err ? 1 : 0, stdout, stderr });
      },
    );
  });
}

describe('tournament --luck', () => {
  it('plays the reference set on every seed and prints the split as JSON', async () => {
    const r = await tournament([
      '--luck',
      '--seeds',
      '1-2',
      '--companies',
      'zhipu',
      '--workers',
      '0',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.games).toBe(2 * PAR_RUNS);
    expect(doc.strategies).toEqual(REFERENCE_STRATEGIES.map((s) => s.id));
    const [c] = doc.companies;
    expect(c.company).toBe('zhipu');
    expect(c.split.strategy + c.split.seed + c.split.interaction).toBeCloseTo(100, 6);
    expect(c.spreads).toHaveLength(5);
  });

  it('refuses --policies: the reference set is fixed', async () => {
    const r = await tournament(['--luck', '--policies', 'balanced']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--luck plays the fixed par reference set/);
  });
});
