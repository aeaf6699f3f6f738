import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../../tests/fuzz';
import type { Luck } from './rng';
import { luckOf, nextUniform, Purpose, pickWeighted, streamOf, uniform, uniformInt } from './rng';

const seeds = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const small = (max: number) => fc.integer({ min: 0, max });

/** Mean, variance and the correlation of consecutive pairs (x[i], y[i]) over a list of keys. */
function moments(xs: readonly number[], ys: readonly number[]) {
  const n = xs.length;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i]!;
    sy += ys[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let vx = 0;
  let vy = 0;
  let cxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    vx += dx * dx;
    vy += dy * dy;
    cxy += dx * dy;
  }
  return { mean: mx, variance: vx / n, corr: cxy / Math.sqrt(vx * vy) };
}

/** Pearson's chi-square of values in [0, 1) over equal buckets. */
function chiSquare(us: readonly number[], buckets: number, scale = 1): number {
  const counts = new Array<number>(buckets).fill(0);
  for (const u of us) {
    const b = Math.floor(u * scale * buckets) % buckets;
    counts[b]!++;
  }
  const expected = us.length / buckets;
  return counts.reduce((s, c) => s + ((c - expected) * (c - expected)) / expected, 0);
}

describe('luckOf', () => {
  it('rejects seeds outside [0, 2^53 - 1] by name', () => {
    expect(() => luckOf(-1)).toThrow(/seed must be an integer/);
    expect(() => luckOf(1.5)).toThrow(RangeError);
    expect(() => luckOf(2 ** 53)).toThrow(RangeError);
    expect(() => luckOf(Number.NaN)).toThrow(RangeError);
    expect(() => luckOf(Number.MAX_SAFE_INTEGER)).not.toThrow();
  });

  it('gives distinct keys to distinct seeds (both halves count) and to distinct salts', () => {
    fc.assert(
      fc.property(seeds, seeds, (a, b) => {
        fc.pre(a !== b);
        expect(luckOf(a)).not.toEqual(luckOf(b));
      }),
      budget(500, 1),
    );
    expect(luckOf(7)).not.toEqual(luckOf(7 + 2 ** 32));
    expect(luckOf(0)).not.toEqual(luckOf(2 ** 52));
    expect(luckOf(7, 1)).not.toEqual(luckOf(7));
    expect(luckOf(7, 1)).not.toEqual(luckOf(7, 2));
    const k = luckOf(123);
    for (const w of [k.k0, k.k1]) expect(Number.isInteger(w) && w >= 0 && w < 2 ** 32).toBe(true);
  });
});

describe('uniform: a hash of (seed, quarter, purpose, actor, index)', () => {
  it('is a pure function of its key, in [0, 1)', () => {
    fc.assert(
      fc.property(seeds, small(200), small(63), small(65535), small(65535), (seed, turn, p, actor, index) => {
        const u = uniform(luckOf(seed), turn, p as Purpose, actor, index);
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThan(1);
        expect(uniform(luckOf(seed), turn, p as Purpose, actor, index)).toBe(u);
      }),
      budget(300, 2),
    );
  });

  it('matches committed values (they fix every game of these rules)', () => {
    const luck = luckOf(42);
    expect([
      uniform(luck, 0, Purpose.cardOffered, 0),
      uniform(luck, 3, Purpose.hireFill, 2, 1),
      uniform(luck, 15, Purpose.autopilot, 0, 9),
      uniform(luckOf(Number.MAX_SAFE_INTEGER), 1, Purpose.trainingLuck, 5),
    ]).toEqual([0.44320089330280654, 0.02603330264539061, 0.8534887128714101, 0.6276010814759212]);
  });

  it('changes with every field of the key (no two keys of a game share a draw)', () => {
    const luck = luckOf(2024);
    const seen = new Set<number>();
    let n = 0;
    for (let turn = 0; turn < 16; turn++)
      for (const p of Object.values(Purpose))
        for (let actor = 0; actor < 8; actor++)
          for (let index = 0; index < 4; index++) {
            seen.add(uniform(luck, turn, p, actor, index));
            n++;
          }
    expect(seen.size).toBe(n);
  });

  it('has the mean and variance of U(0, 1) and a flat chi-square, in both its high and low bits', () => {
    const luck = luckOf(99);
    const us: number[] = [];
    for (let turn = 0; turn < 16; turn++)
      for (let actor = 0; actor < 8; actor++)
        for (let index = 0; index < 1000; index++)
          us.push(uniform(luck, turn, Purpose.attrition, actor, index));
    const { mean, variance } = moments(us, us);
    // n = 128,000: the mean's standard error is 0.0008, the variance's about 0.0002.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.004);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.001);
    // 64 buckets, 63 degrees of freedom: 103.4 is the 0.1 % point.
    expect(chiSquare(us, 64)).toBeLessThan(103.4);
    // The second 32-bit word: buckets of the bits 2^-27 .. 2^-32 of u.
    expect(chiSquare(us, 64, 2 ** 26)).toBeLessThan(103.4);
  });

  it('shows no correlation between adjacent keys: index, actor, quarter, purpose or seed', () => {
    const n = 50_000;
    const pairs: Record<string, [number[], number[]]> = {
      index: [[], []],
      actor: [[], []],
      turn: [[], []],
      purpose: [[], []],
      seed: [[], []],
    };
    const luck = luckOf(5);
    for (let i = 0; i < n; i++) {
      const turn = i % 16;
      const actor = Math.floor(i / 16) % 64;
      const index = Math.floor(i / 1024);
      const u = uniform(luck, turn, Purpose.poaching, actor, index);
      pairs.index![0].push(u);
      pairs.index![1].push(uniform(luck, turn, Purpose.poaching, actor, index + 1));
      pairs.actor![0].push(u);
      pairs.actor![1].push(uniform(luck, turn, Purpose.poaching, actor + 1, index));
      pairs.turn![0].push(u);
      pairs.turn![1].push(uniform(luck, turn + 1, Purpose.poaching, actor, index));
      pairs.purpose![0].push(u);
      pairs.purpose![1].push(uniform(luck, turn, Purpose.trainingLuck, actor, index));
      pairs.seed![0].push(uniform(luckOf(i), 3, Purpose.cardPick, 1));
      pairs.seed![1].push(uniform(luckOf(i + 1), 3, Purpose.cardPick, 1));
    }
    // The correlation of independent uniforms has standard error 1/sqrt(n) = 0.0045: 4 of them.
    for (const [name, [xs, ys]] of Object.entries(pairs))
      expect(Math.abs(moments(xs, ys).corr), name).toBeLessThan(0.018);
  });
});

describe('uniformInt / pickWeighted / streams', () => {
  it('uniformInt stays in [lo, hi] and covers a small range evenly', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: -1e6, max: 1e6 }),
        small(1e6),
        (u, lo, w) => {
          const x = uniformInt(u, lo, lo + w);
          expect(Number.isInteger(x) && x >= lo && x <= lo + w).toBe(true);
        },
      ),
      budget(300, 3),
    );
    expect(uniformInt(0.999999999999, 4, 4)).toBe(4);
    const luck = luckOf(3);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++)
      counts[uniformInt(uniform(luck, 0, Purpose.autopilot, 0, i), 1, 6) - 1]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('pickWeighted follows the weights and never picks a zero weight', () => {
    const luck = luckOf(2024);
    const weights = [1, 0, 3, 6];
    const counts = [0, 0, 0, 0];
    const n = 100_000;
    for (let i = 0; i < n; i++) counts[pickWeighted(uniform(luck, 1, Purpose.cardPick, 0, i), weights)]!++;
    expect(counts[1]).toBe(0);
    expect(Math.abs(counts[0]! / n - 0.1)).toBeLessThan(0.01);
    expect(Math.abs(counts[2]! / n - 0.3)).toBeLessThan(0.01);
    expect(Math.abs(counts[3]! / n - 0.6)).toBeLessThan(0.01);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.array(fc.constantFrom(0, 0.5, 1, 1e-300, 1e300), { minLength: 1, maxLength: 8 }),
        (u, w) => {
          fc.pre(w.some((x) => x > 0));
          expect(w[pickWeighted(u, w)]).toBeGreaterThan(0);
        },
      ),
      budget(300, 4),
    );
  });

  it('a stream gives the key’s draws at index 0, 1, 2, ... whatever was drawn elsewhere', () => {
    const luck: Luck = luckOf(77);
    const st = streamOf(luck, 4, Purpose.autopilot, 1);
    const got = [nextUniform(st), nextUniform(st), nextUniform(st)];
    expect(got).toEqual([0, 1, 2].map((i) => uniform(luck, 4, Purpose.autopilot, 1, i)));
    expect(st.n).toBe(3);
  });
});
