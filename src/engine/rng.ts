// Keyed random draws (common random numbers): every draw of the game is a hash of its key — the
// game seed, the quarter, what the draw is for (its Purpose), whose draw it is (the actor: a company
// index) and an index for draws in loops — turned into a uniform in [0, 1). Nothing advances: a
// draw no one makes shifts no other draw, so two players of one seed face the same luck, and a
// small change in a decision makes a small change in the game. The state keeps only the seed.
//
// Only Math.imul, xor, shifts and >>> 0 touch the bits, so every JS engine gives the same numbers;
// a draw allocates nothing.

import { fmix32 } from './hash';

/** What a draw is for. Each purpose has its own streams; a new one takes a new number (never reuse one). */
export const Purpose = {
  /** Whether a company is offered a random card this quarter. */
  cardOffered: 1,
  /** Which card of the quarter's whole random deck it is. */
  cardPick: 2,
  /** Whether a key person stays when poached (index: the person). */
  keyPersonStay: 3,
  /** How many of the wanted hires are filled (index: the role). */
  hireFill: 4,
  /** How many people leave on their own (index: the role). */
  attrition: 5,
  /** How many people rivals poach (index: the role). */
  poaching: 6,
  /** How well a finished training run turns out. */
  trainingLuck: 7,
  /** The API market's demand this quarter (actor 0). */
  apiDemand: 8,
  /** The cost of a user on the app markets this quarter (actor 0). */
  cacNoise: 9,
  /** An app-store or regulatory shock (index: 0 domestic, 1 overseas). */
  appShock: 10,
  /** Enterprise demand this quarter. */
  enterpriseNoise: 11,
  /** The whole number of enterprise deals. */
  enterpriseDeals: 12,
  /** Whether investors close a funding round. */
  fundingRound: 13,
  /** Unused: rivals no longer draw whether to take a strategic investor. The number stays taken. */
  rivalDecision: 14,
  /** Which big-tech bidder makes a buy-out offer. */
  buyoutBidder: 15,
  /** Whether a rival in distress is bought or fails. */
  distressExit: 16,
  /** The random autopilot's choices (index: the n-th choice of the quarter). */
  autopilot: 17,
} as const;
export type Purpose = (typeof Purpose)[keyof typeof Purpose];

/** The game's two 32-bit key words, from its seed: all a draw needs besides its key. */
export interface Luck {
  readonly k0: number;
  readonly k1: number;
  /**
   * Forecasts only (forecast.ts): when set, every draw is this function of its key instead of the
   * key's hash, so a forecast never reads the seed's own luck. Games never set it.
   */
  readonly fixed?: (turn: number, purpose: Purpose, actor: number, index: number) => number;
}

const TWO32 = 4294967296;
const TWO26 = 67108864;
const TWO53 = 9007199254740992;

// One murmur3 block step: mixes a 32-bit word into the running hash h.
function absorb(h: number, w: number): number {
  w = Math.imul(w, 0xcc9e2d51);
  w = (w << 15) | (w >>> 17);
  w = Math.imul(w, 0x1b873593);
  h ^= w;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/**
 * The key words of a seed in [0, 2^53 - 1]; `salt` gives other, unrelated keys of the same seed (the
 * autopilot's). Distinct seeds give distinct keys: k0 is a bijection of the low half, and k1 of the
 * high half once k0 is fixed.
 */
export function luckOf(seed: number, salt = 0): Luck {
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new RangeError(`luckOf: seed must be an integer in [0, 2^53 - 1], got ${seed}`);
  const lo = seed >>> 0;
  const hi = (seed - lo) / TWO32;
  const s = fmix32((salt ^ 0x632be5ab) >>> 0) >>> 0;
  const k0 = fmix32((lo + 0x9e3779b9 + s) >>> 0) >>> 0;
  const k1 = fmix32(((hi ^ 0x7f4a7c15) + k0 + s) >>> 0) >>> 0;
  return { k0, k1 };
}

/**
 * The uniform in [0, 1) of a key, with 53 random bits from two independent 32-bit hashes. The key
 * fields are packed into two words, so keys are distinct while turn < 2^26, purpose < 64,
 * actor < 2^16 and index < 2^16 (the engine stays far inside: 16 quarters, a handful of companies).
 */
export function uniform(luck: Luck, turn: number, purpose: Purpose, actor: number, index = 0): number {
  if (luck.fixed !== undefined) return luck.fixed(turn, purpose, actor, index);
  const w1 = (turn << 6) | purpose;
  const w2 = (actor << 16) | index;
  // Two lanes from the two key words, absorbing the fields in opposite orders.
  const a = fmix32(absorb(absorb(luck.k0, w1), w2) ^ 8);
  const b = fmix32(absorb(absorb(luck.k1, w2), w1) ^ 8);
  return ((a >>> 5) * TWO26 + (b >>> 6)) / TWO53;
}

/** A whole number in [lo, hi] from a uniform (u·span is exact enough: bias < span / 2^53). */
export function uniformInt(u: number, lo: number, hi: number): number {
  return lo + Math.min(hi - lo, Math.floor(u * (hi - lo + 1)));
}

/** The index a uniform falls on when [0, 1) is cut in parts proportional to the weights (≥ 0, sum > 0). */
export function pickWeighted(u: number, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let r = u * total;
  let last = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (w <= 0) continue;
    if (r < w) return i;
    r -= w;
    last = i;
  }
  // Rounding can leave r at the very end: the last positive weight takes that sliver.
  return last;
}

/**
 * Consecutive draws of one key (index 0, 1, 2, ...), for code that draws a varying number of times
 * in a quarter (the random autopilot). The n-th draw is the same whatever came before it.
 */
export interface Stream {
  readonly luck: Luck;
  readonly turn: number;
  readonly purpose: Purpose;
  readonly actor: number;
  n: number;
}

export function streamOf(luck: Luck, turn: number, purpose: Purpose, actor: number): Stream {
  return { luck, turn, purpose, actor, n: 0 };
}

export function nextUniform(s: Stream): number {
  return uniform(s.luck, s.turn, s.purpose, s.actor, s.n++);
}
