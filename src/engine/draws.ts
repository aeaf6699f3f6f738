// Fast seeded count draws for the quarter's talent moves. One uniform per draw where the
// expected count is small (inverting the binomial CDF), the normal approximation where it is
// large; both use only + − × ÷.

import { sqrtD } from './mathx';
import type { RngState } from './rng';
import { rngNext, rngNormalish } from './rng';

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

/** Binomial(n, p) draw: exact by CDF inversion when n·p ≤ 20, normal approximation above. */
export function drawBinomial(rng: RngState, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const mean = n * p;
  if (mean > 20) {
    const x = Math.round(mean + rngNormalish(rng) * sqrtD(mean * (1 - p)));
    return Math.min(n, Math.max(0, x));
  }
  const q = 1 - p;
  const ratio = p / q;
  let prob = powInt(q, n);
  let cdf = prob;
  const u = rngNext(rng);
  let k = 0;
  while (u > cdf && k < n) {
    prob *= ((n - k) / (k + 1)) * ratio;
    cdf += prob;
    k++;
    if (prob < 1e-15 && k > mean) break;
  }
  return k;
}
