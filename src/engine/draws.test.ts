// Draws from one uniform (draws.ts): the right distributions, and monotone in the uniform and in
// their parameters — what makes common random numbers give nearby games for nearby decisions.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../../tests/fuzz';
import { drawBinomial, normalQuantile, stochasticRound } from './draws';
import { luckOf, Purpose, uniform } from './rng';

const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** Evenly spread uniforms (midpoints of n equal cells): exact moments without sampling noise. */
const grid = (n: number) => Array.from({ length: n }, (_, i) => (i + 0.5) / n);

describe('normalQuantile', () => {
  it('matches the standard normal quantiles and is antisymmetric', () => {
    const known: [number, number][] = [
      [0.5, 0],
      [0.8413447460685429, 1],
      [0.975, 1.959963984540054],
      [0.01, -2.3263478740408408],
      [0.001, -3.090232306167813],
      [1e-10, -6.361340902404056],
    ];
    for (const [u, z] of known) expect(normalQuantile(u)).toBeCloseTo(z, 7);
    for (const u of [0.001, 0.02, 0.3, 0.45])
      expect(normalQuantile(1 - u)).toBeCloseTo(-normalQuantile(u), 8);
    expect(Number.isFinite(normalQuantile(0))).toBe(true);
  });

  it('is increasing in the uniform, with mean 0 and variance 1', () => {
    let last = Number.NEGATIVE_INFINITY;
    let increasing = true;
    let sum = 0;
    let sumSq = 0;
    const us = grid(200_000);
    for (const u of us) {
      const z = normalQuantile(u);
      increasing &&= z > last;
      last = z;
      sum += z;
      sumSq += z * z;
    }
    expect(increasing).toBe(true);
    expect(Math.abs(sum / us.length)).toBeLessThan(1e-9);
    expect(Math.abs(sumSq / us.length - 1)).toBeLessThan(0.001);
  });
});

describe('stochasticRound', () => {
  it('keeps the expectation and moves by at most one when x moves a little', () => {
    const us = grid(10_000);
    for (const x of [0, 0.25, 3.7, 12.5]) {
      const mean = us.reduce((s, u) => s + stochasticRound(u, x), 0) / us.length;
      expect(mean).toBeCloseTo(x, 3);
    }
    fc.assert(
      fc.property(unit, fc.double({ min: 0, max: 1e6, noNaN: true }), (u, x) => {
        const a = stochasticRound(u, x);
        const b = stochasticRound(u, x + 0.01);
        expect(b - a === 0 || b - a === 1).toBe(true);
      }),
      budget(500, 11),
    );
  });
});

describe('drawBinomial', () => {
  it('has the binomial mean and variance on both sides of the normal switch (n·p = 20)', () => {
    for (const [n, p] of [
      [10, 0.3],
      [64, 0.9],
      [1000, 0.02],
      [200, 0.099],
      [200, 0.101],
      [10_000_000, 0.37],
    ] as const) {
      const us = grid(20_000);
      let sum = 0;
      let sumSq = 0;
      let inRange = true;
      for (const u of us) {
        const k = drawBinomial(u, n, p);
        inRange &&= Number.isInteger(k) && k >= 0 && k <= n;
        sum += k;
        sumSq += k * k;
      }
      const mean = sum / us.length;
      const variance = sumSq / us.length - mean * mean;
      const v = n * p * (1 - p);
      expect(inRange).toBe(true);
      expect(Math.abs(mean - n * p), `${n} ${p}`).toBeLessThan(0.01 * n * p + 0.01);
      expect(Math.abs(variance - v) / v, `${n} ${p}`).toBeLessThan(0.05);
    }
    expect(drawBinomial(0.5, 0, 0.5)).toBe(0);
    expect(drawBinomial(0.5, 1000, 0)).toBe(0);
    expect(drawBinomial(0.5, 1000, 1)).toBe(1000);
  });

  it('is monotone in the uniform, and one more person adds at most one to the count', () => {
    fc.assert(
      fc.property(
        unit,
        unit,
        fc.integer({ min: 0, max: 400 }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        (u, v, n, p) => {
          const [lo, hi] = u < v ? [u, v] : [v, u];
          expect(drawBinomial(lo, n, p)).toBeLessThanOrEqual(drawBinomial(hi, n, p));
          const d = drawBinomial(u, n + 1, p) - drawBinomial(u, n, p);
          // Exactly 0 or 1 within a method; crossing n·p = 20 (exact → normal) may differ by one more.
          const switches = n * p <= 20 && (n + 1) * p > 20;
          expect(d >= (switches ? -1 : 0) && d <= (switches ? 2 : 1), `n ${n} p ${p} u ${u}: ${d}`).toBe(
            true,
          );
        },
      ),
      budget(2000, 12),
    );
  });

  it('draws with keyed uniforms give the binomial frequencies', () => {
    const luck = luckOf(14);
    const counts = new Array<number>(6).fill(0);
    const trials = 50_000;
    for (let i = 0; i < trials; i++)
      counts[drawBinomial(uniform(luck, 2, Purpose.attrition, 0, i), 5, 0.3)]!++;
    const pmf = [0.16807, 0.36015, 0.3087, 0.1323, 0.02835, 0.00243];
    pmf.forEach((q, k) => {
      expect(Math.abs(counts[k]! / trials - q)).toBeLessThan(0.01);
    });
  });
});
