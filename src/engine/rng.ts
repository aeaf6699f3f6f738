// Seeded PRNG (sfc32) whose whole state is four uint32s in the game state: JSON-safe, so a saved game
// resumes the exact same stream. Only 32-bit integer ops (Math.imul, >>> 0) are used, which every engine
// evaluates identically.
//
// The functions below MUTATE the state array in place (a cursor) instead of returning new states, which
// would allocate on every draw. Use cloneRng(s) first when the old state must stay unchanged (e.g. inside
// an immer draft you are about to discard, or to peek ahead).
import { sqrtD } from './mathx';

/** Four uint32 words [a, b, c, counter] of sfc32. */
export type RngState = [number, number, number, number];

const TWO32 = 4294967296;
const TWO53 = 9007199254740992;
// sqrt(3): the sum of four U(0,1) has variance 1/3, so this rescales it to unit variance without sqrt.
const SQRT3 = 1.7320508075688772;

// murmur3 finaliser: a bijection on uint32 with full avalanche, so nearby seeds give unrelated states.
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function checkSeed(seed: number, fn: string): void {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`${fn}: seed must be an integer in [0, 2^53 - 1], got ${seed}`);
  }
}

/** A fresh state from any seed in [0, 2^53 - 1]; distinct seeds give distinct states (the mix is injective). */
export function seedRng(seed: number): RngState {
  checkSeed(seed, 'seedRng');
  const lo = seed >>> 0;
  const hi = (seed - lo) / TWO32;
  // a is a bijection of lo, and b of hi for a fixed a, so (a, b) determines the seed.
  const a = fmix32((lo + 0x9e3779b9) >>> 0);
  const b = fmix32(((hi ^ 0x7f4a7c15) + a) >>> 0);
  const c = fmix32((a ^ b ^ 0x632be5ab) >>> 0);
  const s: RngState = [a, b, c, 1];
  for (let i = 0; i < 12; i++) rngUint32(s);
  return s;
}

/** A copy to mutate when the original state must be kept (draws mutate in place). */
export function cloneRng(s: Readonly<RngState>): RngState {
  return [s[0], s[1], s[2], s[3]];
}

/** Whether a value (e.g. from a save file) is a well-formed state: four integers in [0, 2^32). */
export function isRngState(x: unknown): x is RngState {
  return (
    Array.isArray(x) &&
    x.length === 4 &&
    x.every((w) => typeof w === 'number' && Number.isInteger(w) && w >= 0 && w < TWO32)
  );
}

/** Next uint32 (sfc32 step); integer-only so every engine gives the same stream. Mutates s. */
export function rngUint32(s: RngState): number {
  const a = s[0];
  const b = s[1];
  const c = s[2];
  const d = s[3];
  const t = (((a + b) | 0) + d) | 0;
  s[3] = (d + 1) >>> 0;
  s[0] = (b ^ (b >>> 9)) >>> 0;
  s[1] = (c + (c << 3)) >>> 0;
  s[2] = (((c << 21) | (c >>> 11)) + t) >>> 0;
  return t >>> 0;
}

/** Uniform float in [0, 1) from 32 bits (u / 2^32, exact in a double). Mutates s. */
export function rngNext(s: RngState): number {
  return rngUint32(s) / TWO32;
}

/**
 * Uniform integer in [lo, hiInclusive], unbiased by rejection (so the number of draws consumed varies, but
 * deterministically). Spans up to 2^53 are supported. Mutates s.
 */
export function rngInt(s: RngState, lo: number, hiInclusive: number): number {
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hiInclusive) || hiInclusive < lo) {
    throw new RangeError(`rngInt: bad range [${lo}, ${hiInclusive}]`);
  }
  const span = hiInclusive - lo + 1;
  if (span <= TWO32) {
    const limit = TWO32 - (TWO32 % span);
    for (;;) {
      const u = rngUint32(s);
      if (u < limit) return lo + (u % span);
    }
  }
  if (span > TWO53) throw new RangeError(`rngInt: span ${span} exceeds 2^53`);
  const limit = TWO53 - (TWO53 % span);
  for (;;) {
    const u = (rngUint32(s) >>> 11) * TWO32 + rngUint32(s);
    if (u < limit) return lo + (u % span);
  }
}

/** Index drawn with probability weights[i] / sum; weights must be finite, >= 0, and not all 0. One draw. */
export function rngPick(s: RngState, weights: readonly number[]): number {
  let total = 0;
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    if (!(w >= 0) || w === Number.POSITIVE_INFINITY) throw new RangeError(`rngPick: bad weight ${w} at ${i}`);
    if (w > 0) last = i;
    total += w;
  }
  if (last < 0 || !Number.isFinite(total))
    throw new RangeError('rngPick: weights must have a positive, finite sum');
  const r = rngNext(s) * total;
  let acc = 0;
  for (let i = 0; i < last; i++) {
    acc += weights[i] as number;
    if (r < acc) return i;
  }
  // Rounding can leave r at or above the running sum; the last positive weight absorbs that sliver.
  return last;
}

/** Approximately standard normal (sum of four uniforms, rescaled; range ±2·sqrt(3)). No sqrt/log. Four draws. */
export function rngNormalish(s: RngState): number {
  return (rngNext(s) + rngNext(s) + rngNext(s) + rngNext(s) - 2) * SQRT3;
}

/** true with probability p (clamped to [0, 1]); always consumes exactly one draw so streams stay aligned. */
export function rngBernoulli(s: RngState, p: number): boolean {
  return rngNext(s) < p;
}

/**
 * Binomial(n, p) count for integer n >= 0: exact (n Bernoulli draws) when n <= 64, otherwise the normal
 * approximation round(np + z·sqrt(np(1-p))) clamped to [0, n] with z from rngNormalish (four draws).
 * The approximation truncates tails beyond ~3.5 sigma and is poor when np or n(1-p) is tiny.
 */
export function rngBinomialApprox(s: RngState, n: number, p: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`rngBinomialApprox: bad n ${n}`);
  if (Number.isNaN(p)) throw new RangeError('rngBinomialApprox: p is NaN');
  const q = Math.min(Math.max(p, 0), 1);
  if (n <= 64) {
    let k = 0;
    for (let i = 0; i < n; i++) if (rngNext(s) < q) k++;
    return k;
  }
  const mean = n * q;
  const x = Math.round(mean + rngNormalish(s) * sqrtD(mean * (1 - q)));
  return Math.min(Math.max(x, 0), n);
}

/** 32-bit FNV-1a of the UTF-8 bytes of text (standard test vectors hold); labels sub-streams. */
export function hashSeedString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      h = Math.imul(h ^ c, 0x01000193);
      continue;
    }
    // Encode to UTF-8 by hand (TextEncoder is a host API); a lone surrogate becomes U+FFFD as in TextEncoder.
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else c = 0xfffd;
    } else if (c >= 0xdc00 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x800) {
      h = Math.imul(h ^ (0xc0 | (c >>> 6)), 0x01000193);
    } else {
      if (c < 0x10000) h = Math.imul(h ^ (0xe0 | (c >>> 12)), 0x01000193);
      else {
        h = Math.imul(h ^ (0xf0 | (c >>> 18)), 0x01000193);
        h = Math.imul(h ^ (0x80 | ((c >>> 12) & 0x3f)), 0x01000193);
      }
      h = Math.imul(h ^ (0x80 | ((c >>> 6) & 0x3f)), 0x01000193);
    }
    h = Math.imul(h ^ (0x80 | (c & 0x3f)), 0x01000193);
  }
  return h >>> 0;
}

/**
 * A uint32 sub-stream seed from a game seed (up to 2^53 - 1, both 32-bit halves mixed in) and a label,
 * e.g. seedRng(deriveSeed(state.seed, 'autopilot')). Plain `seed ^ hash` would drop the high bits.
 */
export function deriveSeed(seed: number, label: string): number {
  checkSeed(seed, 'deriveSeed');
  const lo = seed >>> 0;
  const hi = (seed - lo) / TWO32;
  const h = hashSeedString(label);
  return fmix32((fmix32((lo ^ h) >>> 0) + fmix32((hi ^ 0x5bd1e995) >>> 0) + h) >>> 0);
}
