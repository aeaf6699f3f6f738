// Random quantities from one keyed uniform each (src/engine/rng.ts), by inverting their
// distribution: each is a monotone function of its uniform, so the same luck with a slightly
// different count or probability gives nearly the same result (common random numbers). Only
// + − × ÷ and the engine's own sqrt and log are used.

import { lnD, sqrtD } from './mathx';

/** q^n for a whole n by repeated squaring: plain IEEE products, so the same in every engine. */
function powInt(q: number, n: number): number {
  let result = 1;
  let base = q;
  if (n > 0x3fffffff) {
    for (let e = n; e > 0; e = Math.floor(e / 2)) {
      if (e % 2 === 1) result *= base;
      base *= base;
    }
    return result;
  }
  // A head count is far below 2^30: the exponent's bits are shifted out as a small integer.
  for (let e = n | 0; e !== 0; e >>>= 1) {
    if ((e & 1) !== 0) result *= base;
    base *= base;
  }
  return result;
}

// Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9).
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;
/** The smallest uniform used: 0 would be minus infinity. */
const U_MIN = 1.1102230246251565e-16; // 2^-53

function tail(q: number): number {
  const r = sqrtD(-2 * lnD(q));
  return (
    (((((C[0]! * r + C[1]!) * r + C[2]!) * r + C[3]!) * r + C[4]!) * r + C[5]!) /
    ((((D[0]! * r + D[1]!) * r + D[2]!) * r + D[3]!) * r + 1)
  );
}

/** The standard normal value below which a share u of the distribution lies (u in [0, 1)). */
export function normalQuantile(u: number): number {
  const p = Math.max(u, U_MIN);
  if (p < P_LOW) return tail(p);
  if (p > 1 - P_LOW) return -tail(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
    (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1)
  );
}

/** Rounds x up or down with the probability of its fraction (the expectation stays x), from a uniform. */
export function stochasticRound(u: number, x: number): number {
  const f = Math.floor(x);
  return f + (u < x - f ? 1 : 0);
}

/**
 * Binomial(n, p) count from one uniform: exact by CDF inversion when n·p ≤ 20, the normal
 * approximation (with its quantile of the same uniform) above.
 */
export function drawBinomial(u: number, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const mean = n * p;
  if (mean > 20) {
    const x = Math.round(mean + normalQuantile(u) * sqrtD(mean * (1 - p)));
    return Math.min(n, Math.max(0, x));
  }
  const q = 1 - p;
  const ratio = p / q;
  let prob = powInt(q, n);
  let cdf = prob;
  let k = 0;
  // The summed CDF may stop short of 1 by rounding: a uniform that close to 1 is taken as the
  // 1 − 1e-12 quantile, so the count stays monotone in n and u (a cut-off on the terms would not).
  const target = Math.min(u, 1 - 1e-12);
  while (target > cdf && k < n && prob > 0) {
    prob *= ((n - k) / (k + 1)) * ratio;
    cdf += prob;
    k++;
  }
  return k;
}
