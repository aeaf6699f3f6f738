import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RngState } from './rng';
import {
  cloneRng,
  deriveSeed,
  hashSeedString,
  isRngState,
  rngBernoulli,
  rngBinomialApprox,
  rngInt,
  rngNext,
  rngNormalish,
  rngPick,
  rngUint32,
  seedRng,
} from './rng';

const draw = (s: RngState, n: number): number[] => Array.from({ length: n }, () => rngNext(s));
const seeds = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });

describe('seedRng / rngNext', () => {
  it('gives the same sequence for the same seed', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        expect(draw(seedRng(seed), 20)).toEqual(draw(seedRng(seed), 20));
      }),
      { numRuns: 200 },
    );
  });

  it('gives unrelated sequences for nearby and for high-bit-only different seeds', () => {
    const firsts = new Set<number>();
    for (let seed = 0; seed < 1000; seed++) firsts.add(rngNext(seedRng(seed)));
    expect(firsts.size).toBe(1000);
    expect(draw(seedRng(1), 5)).not.toEqual(draw(seedRng(2), 5));
    expect(draw(seedRng(7), 5)).not.toEqual(draw(seedRng(7 + 2 ** 32), 5));
    expect(draw(seedRng(0), 5)).not.toEqual(draw(seedRng(2 ** 52), 5));
    fc.assert(
      fc.property(seeds, seeds, (a, b) => {
        fc.pre(a !== b);
        expect(seedRng(a)).not.toEqual(seedRng(b));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps values in [0, 1) and states as uint32 words', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const s = seedRng(seed);
        for (const x of draw(s, 50)) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
        }
        expect(isRngState(s)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('resumes the same sequence after a JSON round trip', () => {
    const s = seedRng(123456789);
    draw(s, 17);
    const restored: unknown = JSON.parse(JSON.stringify({ rng: s })).rng;
    expect(isRngState(restored)).toBe(true);
    if (!isRngState(restored)) return;
    expect(draw(restored, 50)).toEqual(draw(s, 50));
  });

  it('mutates in place, and cloneRng keeps the original untouched', () => {
    const s = seedRng(5);
    const copy = cloneRng(s);
    const before = [...s];
    rngNext(copy);
    expect(s).toEqual(before);
    rngNext(s);
    expect(s).not.toEqual(before);
    expect(s).toEqual(copy);
  });

  it('matches the committed golden sequence for seed 42', () => {
    const s = seedRng(42);
    expect(draw(s, 5)).toEqual([
      0.14862294169142842, 0.5179064881522208, 0.5460616289637983, 0.3670939195435494, 0.5441138967871666,
    ]);
    expect(s).toEqual([3235496794, 1098966272, 726631295, 18]);
  });

  it('rejects seeds outside [0, 2^53 - 1]', () => {
    expect(() => seedRng(-1)).toThrow(RangeError);
    expect(() => seedRng(1.5)).toThrow(RangeError);
    expect(() => seedRng(2 ** 53)).toThrow(RangeError);
    expect(() => seedRng(Number.NaN)).toThrow(RangeError);
    expect(() => seedRng(Number.MAX_SAFE_INTEGER)).not.toThrow();
  });

  it('isRngState rejects malformed states', () => {
    expect(isRngState([1, 2, 3])).toBe(false);
    expect(isRngState([1, 2, 3, -1])).toBe(false);
    expect(isRngState([1, 2, 3, 2 ** 32])).toBe(false);
    expect(isRngState([1, 2, 3, 0.5])).toBe(false);
    expect(isRngState(['1', 2, 3, 4])).toBe(false);
    expect(isRngState({ 0: 1, 1: 2, 2: 3, 3: 4, length: 4 })).toBe(false);
  });

  it('has roughly uniform 32-bit output', () => {
    const s = seedRng(99);
    const buckets = new Array<number>(16).fill(0);
    const n = 160_000;
    for (let i = 0; i < n; i++) {
      const b = rngUint32(s) >>> 28;
      buckets[b] = (buckets[b] as number) + 1;
    }
    for (const c of buckets) expect(Math.abs(c - n / 16)).toBeLessThan(600);
  });
});

describe('rngInt', () => {
  it('stays within the inclusive range', () => {
    fc.assert(
      fc.property(
        seeds,
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.integer({ min: 0, max: 1e6 }),
        (seed, lo, w) => {
          const s = seedRng(seed);
          for (let i = 0; i < 20; i++) {
            const x = rngInt(s, lo, lo + w);
            expect(Number.isInteger(x)).toBe(true);
            expect(x).toBeGreaterThanOrEqual(lo);
            expect(x).toBeLessThanOrEqual(lo + w);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('covers every value of a small range about equally, and supports huge spans', () => {
    const s = seedRng(3);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) {
      const k = rngInt(s, 1, 6) - 1;
      counts[k] = (counts[k] as number) + 1;
    }
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    expect(rngInt(s, 4, 4)).toBe(4);
    for (let i = 0; i < 100; i++) {
      const x = rngInt(s, 0, Number.MAX_SAFE_INTEGER);
      expect(Number.isSafeInteger(x) && x >= 0).toBe(true);
    }
    expect(() => rngInt(s, 2, 1)).toThrow(RangeError);
    expect(() => rngInt(s, 0, 1.5)).toThrow(RangeError);
  });
});

describe('rngPick', () => {
  it('follows the weights over 100k draws', () => {
    const s = seedRng(2024);
    const weights = [1, 0, 3, 6];
    const counts = [0, 0, 0, 0];
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const k = rngPick(s, weights);
      counts[k] = (counts[k] as number) + 1;
    }
    expect(counts[1]).toBe(0);
    expect(Math.abs((counts[0] as number) / n - 0.1)).toBeLessThan(0.01);
    expect(Math.abs((counts[2] as number) / n - 0.3)).toBeLessThan(0.01);
    expect(Math.abs((counts[3] as number) / n - 0.6)).toBeLessThan(0.01);
  });

  it('never picks a zero weight and rejects bad weights', () => {
    fc.assert(
      fc.property(
        seeds,
        fc.array(fc.constantFrom(0, 0.5, 1, 1e-300, 1e300), { minLength: 1, maxLength: 8 }),
        (seed, w) => {
          fc.pre(w.some((x) => x > 0));
          const s = seedRng(seed);
          for (let i = 0; i < 20; i++) expect(w[rngPick(s, w)]).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
    const s = seedRng(1);
    expect(() => rngPick(s, [])).toThrow(RangeError);
    expect(() => rngPick(s, [0, 0])).toThrow(RangeError);
    expect(() => rngPick(s, [1, -1])).toThrow(RangeError);
    expect(() => rngPick(s, [1, Number.NaN])).toThrow(RangeError);
    expect(() => rngPick(s, [1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

describe('rngNormalish / rngBernoulli / rngBinomialApprox', () => {
  it('normalish has mean ~0, variance ~1 and bounded support', () => {
    const s = seedRng(11);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const z = rngNormalish(s);
      expect(Math.abs(z)).toBeLessThanOrEqual(2 * Math.sqrt(3));
      sum += z;
      sumSq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.03);
  });

  it('bernoulli frequency follows p and consumes one draw even at p = 0 or 1', () => {
    const s = seedRng(12);
    let hits = 0;
    for (let i = 0; i < 100_000; i++) if (rngBernoulli(s, 0.25)) hits++;
    expect(Math.abs(hits / 100_000 - 0.25)).toBeLessThan(0.01);
    const a = seedRng(13);
    const b = seedRng(13);
    expect(rngBernoulli(a, 0)).toBe(false);
    expect(rngBernoulli(b, 1)).toBe(true);
    expect(a).toEqual(b);
  });

  it('binomial mean is roughly n·p for small and huge n, and stays in [0, n]', () => {
    const s = seedRng(14);
    for (const [n, p] of [
      [20, 0.3],
      [64, 0.9],
      [1000, 0.02],
      [10_000_000, 0.37],
    ] as const) {
      const trials = 4000;
      let sum = 0;
      for (let i = 0; i < trials; i++) {
        const k = rngBinomialApprox(s, n, p);
        expect(Number.isInteger(k) && k >= 0 && k <= n).toBe(true);
        sum += k;
      }
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(sum / trials - n * p)).toBeLessThan((5 * sd) / Math.sqrt(trials) + 1e-9);
    }
    expect(rngBinomialApprox(s, 0, 0.5)).toBe(0);
    expect(rngBinomialApprox(s, 1000, 0)).toBe(0);
    expect(rngBinomialApprox(s, 1000, 1)).toBe(1000);
    expect(rngBinomialApprox(s, 100, 2)).toBe(100);
    expect(() => rngBinomialApprox(s, -1, 0.5)).toThrow(RangeError);
    expect(() => rngBinomialApprox(s, 2.5, 0.5)).toThrow(RangeError);
    expect(() => rngBinomialApprox(s, 10, Number.NaN)).toThrow(RangeError);
  });
});

describe('hashSeedString / deriveSeed', () => {
  it('is 32-bit FNV-1a over UTF-8 (standard test vectors)', () => {
    expect(hashSeedString('')).toBe(0x811c9dc5);
    expect(hashSeedString('a')).toBe(0xe40c292c);
    expect(hashSeedString('foobar')).toBe(0xbf9cf968);
    expect(hashSeedString('六小虎')).toBe(0x70c17f43);
    expect(hashSeedString('é😀x')).toBe(0x64c3f45c);
  });

  it('derives uint32 sub-seeds that depend on both halves of the seed and on the label', () => {
    fc.assert(
      fc.property(seeds, fc.string(), (seed, label) => {
        const d = deriveSeed(seed, label);
        expect(Number.isInteger(d) && d >= 0 && d < 2 ** 32).toBe(true);
        expect(deriveSeed(seed, label)).toBe(d);
      }),
      { numRuns: 300 },
    );
    expect(deriveSeed(42, 'autopilot')).toBe(1472151597);
    expect(deriveSeed(42, 'autopilot')).not.toBe(deriveSeed(42, 'market'));
    expect(deriveSeed(42, 'autopilot')).not.toBe(deriveSeed(42 + 2 ** 32, 'autopilot'));
    expect(deriveSeed(42, 'autopilot')).not.toBe(deriveSeed(43, 'autopilot'));
    expect(() => deriveSeed(-1, 'x')).toThrow(RangeError);
    const sub = seedRng(deriveSeed(42, 'autopilot'));
    expect(draw(sub, 3)).not.toEqual(draw(seedRng(42), 3));
  });
});
