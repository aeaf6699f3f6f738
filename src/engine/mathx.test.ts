import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clamp, expD, lnD, logisticD, logitShares, powD, sqrtD } from './mathx';

// Math.* is allowed here: tests compare the deterministic versions with the engine's own (close, not identical).
const relErr = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));
const ULP1 = 2.220446049250313e-16;
const runs = { numRuns: 2000 };

describe('expD', () => {
  it('is within 1e-14 of Math.exp over [-700, 700]', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        expect(relErr(expD(x), Math.exp(x))).toBeLessThanOrEqual(1e-14);
      }),
      runs,
    );
  });

  it('is accurate for small arguments', () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), (x) => {
        expect(relErr(expD(x), Math.exp(x))).toBeLessThanOrEqual(1e-15);
      }),
      runs,
    );
  });

  it('handles special values, overflow and the subnormal range', () => {
    expect(expD(0)).toBe(1);
    expect(expD(-0)).toBe(1);
    expect(relErr(expD(1), Math.E)).toBeLessThanOrEqual(ULP1);
    expect(expD(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(expD(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(expD(Number.NaN)).toBeNaN();
    expect(expD(710)).toBe(Number.POSITIVE_INFINITY);
    expect(expD(-746)).toBe(0);
    expect(relErr(expD(709.78), Math.exp(709.78))).toBeLessThanOrEqual(1e-14);
    expect(Number.isFinite(expD(709.782712893384))).toBe(true);
    for (const x of [-708, -720, -730, -740, -744.4]) {
      expect(Math.abs(expD(x) - Math.exp(x))).toBeLessThanOrEqual(Math.exp(x) * 1e-14 + 5e-324);
    }
    expect(expD(-745)).toBe(5e-324);
  });
});

describe('lnD', () => {
  it('is within 1e-14 (relative) of Math.log over the whole positive range', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        expect(relErr(lnD(x), Math.log(x))).toBeLessThanOrEqual(1e-14);
      }),
      runs,
    );
  });

  it('is accurate near 1, where the result is tiny', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 2, noNaN: true }), (x) => {
        const want = Math.log(x);
        expect(Math.abs(lnD(x) - want)).toBeLessThanOrEqual(1e-14 * Math.abs(want) + 1e-300);
      }),
      runs,
    );
  });

  it('inverts expD', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        expect(Math.abs(lnD(expD(x)) - x)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(x)));
      }),
      runs,
    );
  });

  it('handles special values', () => {
    expect(lnD(1)).toBe(0);
    expect(Object.is(lnD(1), 0)).toBe(true);
    expect(lnD(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(lnD(-0)).toBe(Number.NEGATIVE_INFINITY);
    expect(lnD(-1)).toBeNaN();
    expect(lnD(Number.NaN)).toBeNaN();
    expect(lnD(Number.NEGATIVE_INFINITY)).toBeNaN();
    expect(lnD(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(relErr(lnD(Math.E), 1)).toBeLessThanOrEqual(ULP1);
    expect(relErr(lnD(2), Math.LN2)).toBeLessThanOrEqual(ULP1);
    expect(relErr(lnD(10), Math.LN10)).toBeLessThanOrEqual(ULP1);
    expect(relErr(lnD(Number.MIN_VALUE), Math.log(Number.MIN_VALUE))).toBeLessThanOrEqual(ULP1);
    expect(relErr(lnD(Number.MAX_VALUE), Math.log(Number.MAX_VALUE))).toBeLessThanOrEqual(ULP1);
  });
});

describe('powD', () => {
  it('matches Math.pow for the demand-curve exponent -0.178 on [1, 1e8]', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e8, noNaN: true }), (x) => {
        expect(relErr(powD(x, -0.178), x ** -0.178)).toBeLessThanOrEqual(1e-14);
      }),
      runs,
    );
  });

  it('matches Math.pow for x^0.4 over the whole positive range', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        expect(relErr(powD(x, 0.4), x ** 0.4)).toBeLessThanOrEqual(1e-14);
      }),
      runs,
    );
  });

  it('matches Math.pow for general bases and exponents', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-10, max: 1e10, noNaN: true }),
        fc.double({ min: -25, max: 25, noNaN: true }),
        (b, e) => {
          expect(relErr(powD(b, e), b ** e)).toBeLessThanOrEqual(1e-14);
        },
      ),
      runs,
    );
  });

  it('is exact for integer powers whose result is a double', () => {
    expect(powD(2, 10)).toBe(1024);
    expect(powD(10, 22)).toBe(1e22);
    expect(powD(10, -3)).toBe(0.001);
    expect(powD(2, -1074)).toBe(Number.MIN_VALUE);
    expect(powD(2, 1023)).toBe(8.98846567431158e307);
    expect(powD(1.5, 2)).toBe(2.25);
    expect(powD(-3, 3)).toBe(-27);
    expect(powD(-3, 4)).toBe(81);
    expect(powD(0.5, 3)).toBe(0.125);
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 64 }), (b, n) => {
        const exact = BigInt(b) ** BigInt(n);
        const want = Number(exact);
        const got = powD(b, n);
        if (exact < 2n ** 53n && exact > -(2n ** 53n)) expect(got).toBe(want);
        else expect(relErr(got, want)).toBeLessThanOrEqual(ULP1);
      }),
      runs,
    );
  });

  it('handles zero, one, negative bases and infinities', () => {
    expect(powD(0, 2)).toBe(0);
    expect(powD(0, 0.5)).toBe(0);
    expect(powD(0, 0)).toBe(1);
    expect(powD(0, -1)).toBe(Number.POSITIVE_INFINITY);
    expect(powD(Number.NaN, 0)).toBe(1);
    expect(powD(Number.NaN, 1)).toBeNaN();
    expect(powD(2, Number.NaN)).toBeNaN();
    expect(powD(-8, 1 / 3)).toBeNaN();
    expect(powD(-2, 0.5)).toBeNaN();
    expect(powD(1, Number.POSITIVE_INFINITY)).toBe(1);
    expect(powD(2, Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(powD(0.5, Number.POSITIVE_INFINITY)).toBe(0);
    expect(powD(2, Number.NEGATIVE_INFINITY)).toBe(0);
    expect(powD(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(powD(Number.POSITIVE_INFINITY, -2)).toBe(0);
    expect(powD(2, 1e6)).toBe(Number.POSITIVE_INFINITY);
    expect(powD(2, -1e6)).toBe(0);
    expect(powD(1e300, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(powD(-2, 1e6 + 1)).toBe(Number.NEGATIVE_INFINITY);
    expect(relErr(powD(-1.5, 101), (-1.5) ** 101)).toBeLessThanOrEqual(1e-14);
  });
});

describe('sqrtD', () => {
  it('is within 1 ulp of Math.sqrt over the whole range, subnormals included', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        const want = Math.sqrt(x);
        expect(Math.abs(sqrtD(x) - want)).toBeLessThanOrEqual(want * ULP1);
      }),
      runs,
    );
  });

  it('is exact on perfect squares', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 26 }), (k) => {
        expect(sqrtD(k * k)).toBe(k);
      }),
      runs,
    );
  });

  it('handles special values', () => {
    expect(sqrtD(0)).toBe(0);
    expect(Object.is(sqrtD(-0), 0)).toBe(true);
    expect(sqrtD(-1)).toBeNaN();
    expect(sqrtD(Number.NaN)).toBeNaN();
    expect(sqrtD(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(sqrtD(2)).toBe(Math.SQRT2);
    expect(sqrtD(Number.MIN_VALUE)).toBe(Math.sqrt(Number.MIN_VALUE));
    expect(sqrtD(Number.MAX_VALUE)).toBe(Math.sqrt(Number.MAX_VALUE));
  });
});

describe('logisticD', () => {
  it('matches the textbook formula', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        expect(relErr(logisticD(x), 1 / (1 + Math.exp(-x)))).toBeLessThanOrEqual(1e-14);
      }),
      runs,
    );
  });

  it('is symmetric, bounded and monotone, and stable for huge |x|', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e308, max: 1e308, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (x, d) => {
          const y = logisticD(x);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(1);
          expect(Math.abs(y + logisticD(-x) - 1)).toBeLessThanOrEqual(1e-15);
          expect(logisticD(x + d)).toBeGreaterThanOrEqual(y);
        },
      ),
      runs,
    );
    expect(logisticD(0)).toBe(0.5);
    expect(logisticD(1000)).toBe(1);
    expect(logisticD(-1000)).toBe(0);
    expect(logisticD(Number.POSITIVE_INFINITY)).toBe(1);
    expect(logisticD(Number.NEGATIVE_INFINITY)).toBe(0);
  });
});

describe('clamp', () => {
  it('clamp keeps values inside the interval', () => {
    expect(clamp(5, 0, 3)).toBe(3);
    expect(clamp(-1, 0, 3)).toBe(0);
    expect(clamp(2, 0, 3)).toBe(2);
    expect(clamp(Number.NaN, 0, 3)).toBeNaN();
  });
});

describe('logitShares', () => {
  const utilities = fc.array(fc.double({ min: -800, max: 800, noNaN: true }), {
    minLength: 0,
    maxLength: 30,
  });
  const outside = fc.double({ min: -800, max: 800, noNaN: true });

  it('gives shares in [0, 1] that sum to 1 with the outside option', () => {
    fc.assert(
      fc.property(utilities, outside, (us, u0) => {
        const { inside, outside: s0 } = logitShares(us, u0);
        expect(inside).toHaveLength(us.length);
        let total = s0;
        for (const s of inside) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(1);
          total += s;
        }
        expect(s0).toBeGreaterThanOrEqual(0);
        expect(s0).toBeLessThanOrEqual(1);
        expect(Math.abs(total - 1)).toBeLessThanOrEqual(1e-12);
      }),
      runs,
    );
  });

  it('is monotone in the utility of the option itself', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 10 }),
        outside,
        fc.nat(),
        fc.double({ min: 0, max: 20, noNaN: true }),
        (us, u0, pick, bump) => {
          const j = pick % us.length;
          const before = logitShares(us, u0).inside[j] as number;
          const raised = us.slice();
          raised[j] = (raised[j] as number) + bump;
          const after = logitShares(raised, u0).inside[j] as number;
          expect(after).toBeGreaterThanOrEqual(before - 1e-15);
        },
      ),
      runs,
    );
  });

  it('matches the textbook formula when nothing overflows', () => {
    const us = [1, 2, 3];
    const denom = Math.exp(0) + Math.exp(1) + Math.exp(2) + Math.exp(3);
    const got = logitShares(us, 0).inside;
    us.forEach((u, i) => {
      expect(relErr(got[i] as number, Math.exp(u) / denom)).toBeLessThanOrEqual(1e-14);
    });
  });

  it('stays finite for huge utilities', () => {
    expect(logitShares([1e308, -1e308], 0).inside).toEqual([1, 0]);
  });

  it('handles infinities and NaN deliberately', () => {
    expect(logitShares([], 3)).toEqual({ inside: [], outside: 1 });
    expect(logitShares([Number.NEGATIVE_INFINITY], Number.NEGATIVE_INFINITY)).toEqual({
      inside: [0],
      outside: 1,
    });
    expect(logitShares([Number.POSITIVE_INFINITY, 1, Number.POSITIVE_INFINITY], 0)).toEqual({
      inside: [0.5, 0, 0.5],
      outside: 0,
    });
    const bad = logitShares([1, Number.NaN], 0);
    expect(bad.outside).toBeNaN();
    expect(bad.inside[0]).toBeNaN();
  });
});
