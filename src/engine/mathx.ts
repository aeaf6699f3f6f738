// Deterministic maths for the engine. the built-in exp/log/pow/sqrt are only "implementation-approximated" by the
// ECMAScript spec, so V8 and SpiderMonkey may disagree in the last bit; everything here is built from
// IEEE-754 + - * / (which are exactly specified) so every engine produces the same bits.

// Scratch view onto one double, used to read and write exponent bits without a built-in log2 or loops.
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
F64[0] = 1;
// Typed arrays use the platform byte order; detect it so the high word is found on any machine.
const HI = U32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

function highWord(x: number): number {
  F64[0] = x;
  return U32[HI] as number;
}

// 2^k for k in [-1022, 1023], built from bits because a power loop would be slow and the built-in pow is banned.
function pow2(k: number): number {
  U32[LO] = 0;
  U32[HI] = (k + 1023) << 20;
  return F64[0] as number;
}

// ln 2 split so that k * LN2_HI is exact for |k| < 2^11 (fdlibm constants, 0x3fe62e42fee00000 + tail).
const LN2_HI = 0.6931471803691238; // 0x3fe62e42fee00000
const LN2_LO = 1.9082149292705877e-10; // 0x3dea39ef35793c76
// Veltkamp splitter 2^27 + 1: lets a product be recovered exactly as hi + lo without a fused multiply-add.
const SPLITTER = 134217729;
const TWO54 = 18014398509481984;
const MIN_NORMAL = 2.2250738585072014e-308;

// Remez coefficients for e^r on |r| <= ln2/2 (fdlibm e_exp.c), giving < 1 ulp.
const P1 = 0.16666666666666602;
const P2 = -0.0027777777777015593;
const P3 = 0.00006613756321437934;
const P4 = -0.0000016533902205465252;
const P5 = 4.1381367970572385e-8;
const EXP_OVERFLOW = 709.782712893384;
const EXP_UNDERFLOW = -745.1332191019412;

/** e^x; fdlibm-style reduction x = k ln2 + r with a Remez polynomial, because the built-in exp differs between engines. */
export function expD(x: number): number {
  return expDD(x, 0);
}

// e^(x + xl) for a tiny correction xl (|xl| <= ~1 ulp of x), folded into the reduction's compensating term.
function expDD(x: number, xl: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x > EXP_OVERFLOW) return Number.POSITIVE_INFINITY;
  if (x < EXP_UNDERFLOW) return 0;
  const k = Math.round(x * Math.LOG2E);
  // x - k*LN2_HI is exact (Sterbenz, short LN2_HI), so r = hi - lo carries its error in lo.
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO - xl;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  if (k === 0) return y;
  // Scaling by powers of two is exact except for the single, final rounding into the subnormal range.
  if (k > 1023) return y * 2 * pow2(k - 1);
  if (k < -1021) return y * pow2(k + 1000) * pow2(-1000);
  return y * pow2(k);
}

// Remez fit of the atanh-series tail (fdlibm e_log.c): with z = (m-1)/(m+1) and w = z^2,
// ln m = 2z + z * (Lg1 w + Lg2 w^2 + ... + Lg7 w^7), the polynomial within 2^-58.45 for |z| <= 0.1716.
const LG1 = 0.6666666666666735;
const LG2 = 0.3999999999940942;
const LG3 = 0.2857142874366239;
const LG4 = 0.22222198432149784;
const LG5 = 0.1818357216161805;
const LG6 = 0.15313837699209373;
const LG7 = 0.14798198605116586;

// Low half of the last double-double result; a typed slot avoids allocating a tuple (or boxing a let) per call.
const DD_LO = new Float64Array(1);

// ln x as hi + DD_LO[0] with ~2^-59 relative error, the extra precision making powD accurate for large |y|.
function lnDD(x: number): number {
  let k = 0;
  if (x < MIN_NORMAL) {
    x *= TWO54;
    k = -54;
  }
  F64[0] = x;
  let hx = U32[HI] as number;
  k += (hx >>> 20) - 1023;
  hx &= 0x000fffff;
  // Mantissas at or above ~sqrt(2) are halved (k + 1) so that m lies in [sqrt(1/2), sqrt(2)).
  const i = (hx + 0x95f64) & 0x100000;
  U32[HI] = hx | (i ^ 0x3ff00000);
  k += i >>> 20;
  const m = F64[0] as number;
  // z = (m - 1) / (m + 1) as zh + zl: m - 1 is exact, m + 1 and the quotient are compensated.
  const u = m - 1;
  const vh = m + 1;
  const vl = m < 1 ? m - (vh - 1) : 1 - (vh - m);
  // One division: zh = u/vh to ~1 ulp, and zl recovers the rest from the exact residual u - zh*(vh + vl).
  const inv = 1 / vh;
  const zh = u * inv;
  let s = SPLITTER * zh;
  const zhH = s - (s - zh);
  const zhL = zh - zhH;
  s = SPLITTER * vh;
  const vhH = s - (s - vh);
  const vhL = vh - vhH;
  const p = zh * vh;
  const pe = zhH * vhH - p + zhH * vhL + zhL * vhH + zhL * vhL;
  const zl = (u - p - pe - zh * vl) * inv;
  // Even and odd halves evaluated side by side to shorten the dependency chain.
  const w = zh * zh;
  const w2 = w * w;
  const tail = zh * (w2 * (LG2 + w2 * (LG4 + w2 * LG6)) + w * (LG1 + w2 * (LG3 + w2 * (LG5 + w2 * LG7))));
  const a = k * LN2_HI;
  const b = 2 * zh;
  const sum = a + b;
  const bb = sum - a;
  const err = a - (sum - bb) + (b - bb);
  const lo = err + (k * LN2_LO + (2 * zl + tail));
  const hi = sum + lo;
  DD_LO[0] = lo - (hi - sum);
  return hi;
}

/** Natural log via exact binary reduction and the atanh series, because the built-in log differs between engines. */
export function lnD(x: number): number {
  if (!(x > 0)) return x === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  return lnDD(x);
}

// x^n for integer n as a double-double product, so results that fit in a double (10^22, 3^33) come out exact.
function powIntDD(x: number, n: number): number {
  let rh = 1;
  let rl = 0;
  let bh = x;
  let bl = 0;
  let e = n;
  for (;;) {
    if (e & 1) {
      const p = rh * bh;
      let s = SPLITTER * rh;
      const ah = s - (s - rh);
      const al = rh - ah;
      s = SPLITTER * bh;
      const ch = s - (s - bh);
      const cl = bh - ch;
      const q = ah * ch - p + ah * cl + al * ch + al * cl + (rh * bl + rl * bh);
      rh = p + q;
      rl = q - (rh - p);
    }
    e >>>= 1;
    if (e === 0) break;
    const p = bh * bh;
    const s = SPLITTER * bh;
    const ah = s - (s - bh);
    const al = bh - ah;
    const q = ah * ah - p + 2 * ah * al + al * al + 2 * bh * bl;
    bh = p + q;
    bl = q - (bh - p);
  }
  DD_LO[0] = rl;
  return rh;
}

function isOddInteger(y: number): boolean {
  return Math.abs(y) < 9007199254740992 && y % 2 !== 0;
}

function powPositive(base: number, exponent: number): number {
  if (base === 0) return exponent > 0 ? 0 : Number.POSITIVE_INFINITY;
  if (base === 1) return 1;
  if (base === Number.POSITIVE_INFINITY) return exponent > 0 ? base : 0;
  const n = Math.abs(exponent);
  if (n <= 64 && Number.isInteger(exponent)) {
    // Keep every intermediate within about 2^±960 so the Veltkamp splits cannot overflow or go subnormal.
    const bits = Math.abs(((highWord(base) >>> 20) & 0x7ff) - 1023) + 1;
    if (bits * n <= 960) {
      const rh = powIntDD(base, n);
      const rl = DD_LO[0] as number;
      if (exponent > 0) return rh + rl;
      // 1 / (rh + rl) with one exact-residual correction, again so representable results are exact.
      const q = 1 / rh;
      const pr = q * rh;
      let s = SPLITTER * q;
      const qh = s - (s - q);
      const ql = q - qh;
      s = SPLITTER * rh;
      const hh = s - (s - rh);
      const hl = rh - hh;
      const pe = qh * hh - pr + qh * hl + ql * hh + ql * hl;
      const res = 1 - pr - pe - q * rl;
      return q + q * res;
    }
  }
  const lh = lnDD(base);
  const ll = DD_LO[0] as number;
  const yh = exponent * lh;
  if (!(Math.abs(yh) < 746)) return expD(yh);
  // exponent * (lh + ll) as yh + yl (Dekker product), and e^(yh + yl) with yl folded into the reduction.
  let s = SPLITTER * exponent;
  const eh = s - (s - exponent);
  const el = exponent - eh;
  s = SPLITTER * lh;
  const lhh = s - (s - lh);
  const lhl = lh - lhh;
  const yl = eh * lhh - yh + eh * lhl + el * lhh + el * lhl + exponent * ll;
  return expDD(yh, yl);
}

/**
 * base^exponent, because the built-in pow differs between engines. A negative base is allowed only with an integer
 * exponent (sign from parity); otherwise the result is NaN. Integer exponents |n| <= 64 use exact
 * double-double repeated squaring (exact whenever the true result is a double); everything else uses
 * e^(exponent * ln base) with extended-precision ln, about 1 ulp. Unlike the built-in pow, 1^±Infinity is 1.
 */
export function powD(base: number, exponent: number): number {
  if (exponent === 0) return 1;
  if (Number.isNaN(base) || Number.isNaN(exponent)) return Number.NaN;
  if (base < 0) {
    if (!Number.isInteger(exponent)) return Number.NaN;
    const r = powPositive(-base, exponent);
    return isOddInteger(exponent) ? -r : r;
  }
  return powPositive(base, exponent);
}

// Whether x > a*b exactly, for a*b within a factor of two of x (so x - fl(a*b) is exact).
function exceedsProduct(x: number, a: number, b: number): boolean {
  const p = a * b;
  let s = SPLITTER * a;
  const ah = s - (s - a);
  const al = a - ah;
  s = SPLITTER * b;
  const bh = s - (s - b);
  const bl = b - bh;
  return x - p > ah * bh - p + ah * bl + al * bh + al * bl;
}

/** Square root by Newton with an exact rounding check, so it is correctly rounded (equal to IEEE sqrt) everywhere. */
export function sqrtD(x: number): number {
  if (!(x > 0)) return x === 0 ? 0 : Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  // Exact reduction x = xm * 4^j with xm in [1, 4), so the Dekker steps below never overflow or underflow.
  let e = 0;
  if (x < MIN_NORMAL) {
    x *= TWO54;
    e = -54;
  }
  F64[0] = x;
  const hx = U32[HI] as number;
  e += (hx >>> 20) - 1023;
  const j = e >> 1;
  U32[HI] = (hx & 0x000fffff) | ((e - 2 * j + 1023) << 20);
  const xm = F64[0] as number;
  // Halving the biased exponent gives a start within 6%; three Newton steps reach 1.3e-12.
  U32[HI] = ((U32[HI] as number) >>> 1) + 0x1ff80000;
  U32[LO] = 0;
  let y = F64[0] as number;
  y = 0.5 * (y + xm / y);
  y = 0.5 * (y + xm / y);
  y = 0.5 * (y + xm / y);
  // One step on the exact residual xm - y*y (Dekker product, Sterbenz subtraction) lands within 1 ulp.
  const p = y * y;
  const s = SPLITTER * y;
  const yh = s - (s - y);
  const yl = y - yh;
  const pe = yh * yh - p + 2 * yh * yl + yl * yl;
  y += (xm - p - pe) / (y + y);
  // Tuckerman test: y is the correctly rounded root iff y*down(y) < xm <= y*up(y), decided exactly.
  const up = y < 2 ? y + 2.220446049250313e-16 : y + 4.440892098500626e-16;
  const down = y > 1 ? y - 2.220446049250313e-16 : y - 1.1102230246251565e-16;
  if (exceedsProduct(xm, y, up)) y = up;
  else if (!exceedsProduct(xm, y, down)) y = down;
  return y * pow2(j);
}

/** Logistic 1/(1+e^-x) on expD, written so neither branch overflows, for engine-independent results. */
export function logisticD(x: number): number {
  if (x >= 0) return 1 / (1 + expD(-x));
  const e = expD(x);
  return e / (1 + e);
}

/** Clamp to [lo, hi]; min/max are exact everywhere. NaN passes through so bugs stay visible. */
export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}

/**
 * Multinomial-logit inside shares exp(u_j) / (exp(u0) + sum_k exp(u_k)), computed with expD after subtracting
 * the largest utility (outside option included) so nothing overflows and every engine agrees; and the
 * outside share, computed directly, not as 1 - sum. If every utility is -Infinity the outside option
 * takes everything; options at +Infinity split the market equally; any NaN makes the shares NaN.
 */
export function logitShares(
  utilities: readonly number[],
  outsideUtility: number,
): { inside: number[]; outside: number } {
  const inside = new Array<number>(utilities.length);
  const outside = logitInto(utilities, outsideUtility, inside);
  return { inside, outside };
}

// Writes the inside shares into out and returns the outside share.
function logitInto(utilities: readonly number[], u0: number, out: number[]): number {
  const n = utilities.length;
  let max = u0;
  for (const u of utilities) if (u > max || Number.isNaN(u)) max = u;
  if (Number.isNaN(max) || max === Number.NEGATIVE_INFINITY) {
    const fill = Number.isNaN(max) ? Number.NaN : 0;
    for (let i = 0; i < n; i++) out[i] = fill;
    return Number.isNaN(max) ? Number.NaN : 1;
  }
  const inf = max === Number.POSITIVE_INFINITY;
  const e0 = inf ? (u0 === max ? 1 : 0) : expD(u0 - max);
  let sum = e0;
  let i = 0;
  for (const u of utilities) {
    const e = inf ? (u === max ? 1 : 0) : expD(u - max);
    out[i++] = e;
    sum += e;
  }
  // sum >= 1 because the largest term is e^0; each share e/sum is therefore in [0, 1].
  for (let j = 0; j < n; j++) out[j] = (out[j] as number) / sum;
  return e0 / sum;
}
