import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Hasher } from './hash';
import { digestHex, hashBool, hashFloat64Block, hashInt, hashNumber, hashString, newHasher } from './hash';
import { intensityIndex, modifierIndex, payIndex, pricingIndex, statusIndex } from './statehash';
import type { ModifierTarget } from './types';
import { INTENSITIES, PAY_LEVELS, PRICING_MODES } from './types';

// Every modifier target (the type lists them; the record makes a missing one a compile error).
const MODIFIER_TARGETS = Object.keys({
  cacDomestic: 0,
  cacOverseas: 0,
  arpuOverseas: 0,
  enterpriseDemand: 0,
  research: 0,
} satisfies Record<ModifierTarget, 0>);

const digestNumbers = (xs: readonly number[]): string => {
  const h = newHasher();
  for (const x of xs) hashNumber(h, x);
  return digestHex(h);
};

// The fixed sequence behind the golden digest below; changing the hasher changes every saved digest.
const feedGolden = (h: Hasher): void => {
  hashInt(h, 42);
  hashInt(h, -7);
  hashInt(h, 2 ** 40 + 3);
  hashNumber(h, 0.1 + 0.2);
  hashNumber(h, -0);
  hashNumber(h, Number.NaN);
  hashNumber(h, Number.NEGATIVE_INFINITY);
  hashString(h, 'Six Tigers 六小虎');
  hashString(h, '');
  hashBool(h, true);
  hashBool(h, false);
};

describe('hash', () => {
  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.array(fc.double()), (xs) => {
        expect(digestNumbers(xs)).toBe(digestNumbers(xs));
      }),
    );
  });

  it('produces 16 lowercase hex chars', () => {
    fc.assert(
      fc.property(fc.array(fc.double()), fc.string(), (xs, s) => {
        const h = newHasher();
        for (const x of xs) hashNumber(h, x);
        hashString(h, s);
        expect(digestHex(h)).toMatch(/^[0-9a-f]{16}$/);
      }),
    );
    expect(digestHex(newHasher())).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is order-sensitive', () => {
    expect(digestNumbers([1, 2])).not.toBe(digestNumbers([2, 1]));
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        fc.pre(a !== b);
        expect(digestNumbers([a, b])).not.toBe(digestNumbers([b, a]));
      }),
    );
  });

  it('distinguishes close floats but treats -0 as 0 and all NaNs alike', () => {
    expect(digestNumbers([0.1 + 0.2])).not.toBe(digestNumbers([0.3]));
    expect(digestNumbers([1])).not.toBe(digestNumbers([1 + Number.EPSILON]));
    expect(digestNumbers([Number.MIN_VALUE])).not.toBe(digestNumbers([0]));
    expect(digestNumbers([-0])).toBe(digestNumbers([0]));
    const otherNaN = new Float64Array(new Uint32Array([1, 0x7ff00000]).buffer)[0] as number;
    expect(Number.isNaN(otherNaN)).toBe(true);
    expect(digestNumbers([otherNaN])).toBe(digestNumbers([Number.NaN]));
    expect(digestNumbers([Number.NaN])).toBe(digestNumbers([0 / 0]));
    expect(digestNumbers([Number.NaN])).not.toBe(digestNumbers([Number.POSITIVE_INFINITY]));
  });

  it('gives distinct digests for distinct single values and pairs (no collisions in a sample)', () => {
    const seen = new Map<string, string>();
    const add = (key: string, d: string): void => {
      const prev = seen.get(d);
      if (prev !== undefined && prev !== key) throw new Error(`collision: ${prev} vs ${key}`);
      seen.set(d, key);
    };
    for (let i = -2000; i <= 2000; i++) {
      add(`n${i}`, digestNumbers([i]));
      add(`f${i}`, digestNumbers([(i + 0.5) / 7]));
      add(`p${i}`, digestNumbers([i, i + 1]));
    }
    expect(seen.size).toBe(3 * 4001);
  });

  it('hashInt: integers of every size, fallback for non-integers, -0 as 0', () => {
    const d = (n: number): string => {
      const h = newHasher();
      hashInt(h, n);
      return digestHex(h);
    };
    expect(d(-0)).toBe(d(0));
    expect(d(1)).not.toBe(d(2 ** 32 + 1));
    expect(d(-1)).not.toBe(d(2 ** 32 - 1));
    expect(d(Number.MAX_SAFE_INTEGER)).not.toBe(d(Number.MIN_SAFE_INTEGER));
    expect(d(0.5)).not.toBe(d(0));
    expect(d(0.5)).toBe(digestNumbers([0.5]));
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (a, b) => {
        fc.pre(a !== b);
        expect(d(a)).not.toBe(d(b));
      }),
    );
  });

  it('hashString is prefix-free and hashBool distinguishes values', () => {
    const strs = (...parts: string[]): string => {
      const h = newHasher();
      for (const p of parts) hashString(h, p);
      return digestHex(h);
    };
    expect(strs('ab', 'c')).not.toBe(strs('a', 'bc'));
    expect(strs('a')).not.toBe(strs('a', ''));
    expect(strs('abc')).not.toBe(strs('abd'));
    expect(strs('虎')).not.toBe(strs('虍'));
    const bools = (...bs: boolean[]): string => {
      const h = newHasher();
      for (const b of bs) hashBool(h, b);
      return digestHex(h);
    };
    expect(bools(true)).not.toBe(bools(false));
    expect(bools(true, false)).not.toBe(bools(false, true));
  });

  it('digestHex does not consume the hasher', () => {
    const h = newHasher();
    hashNumber(h, 3.5);
    const first = digestHex(h);
    expect(digestHex(h)).toBe(first);
    hashNumber(h, 1);
    expect(digestHex(h)).not.toBe(first);
  });

  it('matches the committed golden digest', () => {
    const h = newHasher();
    feedGolden(h);
    expect(digestHex(h)).toBe('07eaa65663c10bec');
    expect(digestNumbers([1, 2, 3])).toBe('2096c25169740fe1');
  });
});

describe('state hash enumerations', () => {
  it('index every name as its position in the engine’s lists, and anything else as -1', () => {
    const lists: [readonly string[], (x: string) => number][] = [
      [PRICING_MODES, pricingIndex],
      [PAY_LEVELS, payIndex],
      [INTENSITIES, intensityIndex],
      [['active', 'bankrupt', 'acquired'], statusIndex],
      [MODIFIER_TARGETS, modifierIndex],
    ];
    for (const [names, index] of lists) {
      for (const [i, name] of names.entries()) expect(index(name)).toBe(i);
      expect(index('nonsense')).toBe(-1);
    }
  });

  it('hash -0 as 0 and every NaN as one NaN in a block of numbers', () => {
    const digest = (xs: number[]) => {
      const h = newHasher();
      hashFloat64Block(h, Float64Array.from(xs), xs.length);
      return digestHex(h);
    };
    const nan2 = new Float64Array(new Uint32Array([1, 0x7ff00000]).buffer)[0]!; // a signalling-NaN pattern
    expect(Number.isNaN(nan2)).toBe(true);
    for (const n of [1, 2, 3, 4, 5]) {
      const base = Array.from({ length: n }, (_, i) => i + 0.5);
      for (let at = 0; at < n; at++) {
        const zero = base.slice();
        zero[at] = 0;
        const negZero = base.slice();
        negZero[at] = -0;
        expect(digest(negZero)).toBe(digest(zero));
        const a = base.slice();
        a[at] = Number.NaN;
        const b = base.slice();
        b[at] = nan2;
        expect(digest(b)).toBe(digest(a));
        expect(digest(a)).not.toBe(digest(zero));
      }
    }
  });
});
