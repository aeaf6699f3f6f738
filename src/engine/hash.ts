// Fast, stable 64-bit digest of game state, used to check that two runs (or two JS engines) stayed in
// lock-step. Two independent 32-bit lanes of xor / Math.imul / rotate absorb 32-bit words; every absorb is
// a bijection of the lane, so sequences of equal shape that differ in a single word never collide.
// Not cryptographic. The digest depends on the call sequence: hashInt(h, 3) and hashNumber(h, 3) feed
// different words, so pick one per field and keep it.

export interface Hasher {
  h1: number;
  h2: number;
}

// Scratch view for reading the exact IEEE-754 bits of a double.
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
F64[0] = 1;
// Typed arrays use the platform byte order; fixing (low, high) word order keeps digests portable.
const HI = U32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;
const TWO32 = 4294967296;

/** A fresh hasher; the lanes start from fixed constants so digests are reproducible everywhere. */
export function newHasher(): Hasher {
  return { h1: 0x6a09e667 | 0, h2: 0xbb67ae85 | 0 };
}

// Absorbs the 64-bit word pair (lo, hi); lane 2 takes the words in the other order with other constants.
function absorb2(h: Hasher, lo: number, hi: number): void {
  let a = h.h1 ^ Math.imul(lo, 0xcc9e2d51);
  a = Math.imul((a << 15) | (a >>> 17), 0x1b873593);
  a ^= Math.imul(hi, 0x85ebca6b);
  a = Math.imul((a << 13) | (a >>> 19), 0xc2b2ae35);
  let b = h.h2 ^ Math.imul(hi, 0x27d4eb2f);
  b = Math.imul((b << 17) | (b >>> 15), 0x165667b1);
  b ^= Math.imul(lo, 0x9e3779b1);
  b = Math.imul((b << 11) | (b >>> 21), 0x85ebca77);
  h.h1 = a;
  h.h2 = b;
}

function absorb1(h: Hasher, w: number): void {
  const a = h.h1 ^ Math.imul(w, 0xcc9e2d51);
  h.h1 = Math.imul((a << 15) | (a >>> 17), 0x1b873593);
  const b = h.h2 ^ Math.imul(w, 0x27d4eb2f);
  h.h2 = Math.imul((b << 17) | (b >>> 15), 0x165667b1);
}

/** Mixes the exact IEEE-754 bits (so 0.1 + 0.2 differs from 0.3); -0 counts as 0 and every NaN as one NaN. */
export function hashNumber(h: Hasher, x: number): void {
  if (x === 0) absorb2(h, 0, 0);
  else if (Number.isNaN(x)) absorb2(h, 0, 0x7ff80000);
  else {
    F64[0] = x;
    absorb2(h, U32[LO] as number, U32[HI] as number);
  }
}

/** Safe integers as two's-complement (low, high) words, skipping the float bit extraction; others fall back to hashNumber. */
export function hashInt(h: Hasher, n: number): void {
  if ((n | 0) === n) absorb2(h, n, n >> 31);
  else if (Number.isSafeInteger(n)) absorb2(h, n >>> 0, Math.floor(n / TWO32));
  else hashNumber(h, n);
}

/** Length then UTF-16 code units packed two per word, so concatenations like ('ab','c') vs ('a','bc') differ. */
export function hashString(h: Hasher, s: string): void {
  // absorb1 word by word, with the lanes in locals rather than read and written through h each time.
  const n = s.length;
  let a = h.h1;
  let b = h.h2;
  let w = n;
  for (let i = 0; ; i += 2) {
    a ^= Math.imul(w, 0xcc9e2d51);
    a = Math.imul((a << 15) | (a >>> 17), 0x1b873593);
    b ^= Math.imul(w, 0x27d4eb2f);
    b = Math.imul((b << 17) | (b >>> 15), 0x165667b1);
    if (i + 1 < n) w = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
    else if (i < n) w = s.charCodeAt(i);
    else break;
  }
  h.h1 = a;
  h.h2 = b;
}

/**
 * Mixes a block of doubles by their exact bits in one tight loop, with -0 taken as +0 and every
 * NaN as the one quiet NaN (0x7ff8000000000000), so equal values always hash equal (a JSON round
 * trip turns -0 into 0). Four independent multiply-xorshift lanes take every fourth 32-bit word,
 * so the processor runs them side by side (one dependent chain was latency-bound); each step is a
 * bijection of its lane, and the lanes are folded into the two outputs with a full avalanche.
 */
export function hashFloat64Block(h: Hasher, block: Float64Array, count: number): void {
  const words = new Uint32Array(block.buffer, block.byteOffset, count * 2);
  let a = h.h1 ^ 0x243f6a88;
  let b = h.h2 ^ 0x85a308d3;
  let c = h.h1 ^ 0x13198a2e;
  let d = h.h2 ^ 0x03707344;
  const len = words.length;
  let i = 0;
  for (; i + 3 < len; i += 4) {
    let lo0 = words[i + LO]!;
    let hi0 = words[i + HI]!;
    let lo1 = words[i + 2 + LO]!;
    let hi1 = words[i + 2 + HI]!;
    // -0 is the only double whose words are (0, 0x80000000); an exponent of all ones with a
    // non-zero mantissa is a NaN. Both are rare, so the branches cost next to nothing.
    if ((lo0 | (hi0 ^ 0x80000000)) === 0) hi0 = 0;
    else if ((hi0 & 0x7ff00000) === 0x7ff00000 && ((hi0 & 0xfffff) | lo0) !== 0) {
      hi0 = 0x7ff80000;
      lo0 = 0;
    }
    if ((lo1 | (hi1 ^ 0x80000000)) === 0) hi1 = 0;
    else if ((hi1 & 0x7ff00000) === 0x7ff00000 && ((hi1 & 0xfffff) | lo1) !== 0) {
      hi1 = 0x7ff80000;
      lo1 = 0;
    }
    // The lanes take the words in memory order (as stored on this platform's byte order).
    const w0 = LO === 0 ? lo0 : hi0;
    const w1 = LO === 0 ? hi0 : lo0;
    const w2 = LO === 0 ? lo1 : hi1;
    const w3 = LO === 0 ? hi1 : lo1;
    a = Math.imul(a ^ w0, 0x9e3779b1);
    a ^= a >>> 15;
    b = Math.imul(b ^ w1, 0x85ebca77);
    b ^= b >>> 13;
    c = Math.imul(c ^ w2, 0xc2b2ae3d);
    c ^= c >>> 16;
    d = Math.imul(d ^ w3, 0x27d4eb2f);
    d ^= d >>> 15;
  }
  if (i < len) {
    // An odd count leaves one double: its two words go through lane a, as in the old tail loop.
    let lo = words[i + LO]!;
    let hi = words[i + HI]!;
    if ((lo | (hi ^ 0x80000000)) === 0) hi = 0;
    else if ((hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) | lo) !== 0) {
      hi = 0x7ff80000;
      lo = 0;
    }
    a = Math.imul(a ^ (LO === 0 ? lo : hi), 0x9e3779b1);
    a ^= a >>> 15;
    a = Math.imul(a ^ (LO === 0 ? hi : lo), 0x9e3779b1);
    a ^= a >>> 15;
  }
  h.h1 = fmix32((a + Math.imul(c, 0x165667b1) + len) | 0) | 0;
  h.h2 = fmix32((b + Math.imul(d, 0x27d4eb2f) + count) | 0) | 0;
}

/** One word per boolean. */
export function hashBool(h: Hasher, b: boolean): void {
  absorb1(h, b ? 0x5bd1e995 : 0x1b873593);
}

/** The murmur3 finaliser: a bijection on 32 bits with full avalanche (a signed int32 result). */
export function fmix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

const HEX = '0123456789abcdef';

// Number#toString(16) with padStart is slow on this hot path (once per quarter); digits by hand.
function hex8(x: number): string {
  let out = '';
  for (let shift = 28; shift >= 0; shift -= 4) out += HEX[(x >>> shift) & 15];
  return out;
}

/** 16 lowercase hex chars from both lanes after a cross-lane avalanche; does not modify h, so hashing can go on. */
export function digestHex(h: Hasher): string {
  let a = h.h1;
  let b = h.h2;
  a = (a + b) | 0;
  b = (b + a) | 0;
  a = fmix32(a);
  b = fmix32(b);
  a = (a + b) | 0;
  b = (b + a) | 0;
  return hex8(a) + hex8(b);
}
