// The profiles behind the rules of thumb in policies.ts: one per rival archetype and one per named
// autopilot (pretraining share, app weights, pricing, pay, runway and funding thresholds, when to
// harvest), and the shifts that make par's variants of them. Data and a small function; policies.ts
// turns a profile into a plan.

import type { Archetype } from './level';
import { clamp } from './mathx';
import type { PolicyName } from './policy-names';
import type { AppWeights, Intensity, PayLevel, PricingMode, Staff } from './types';

export interface Profile {
  /** Pretraining share of the spend while the company still trains, basis points. */
  pretrainingBp: number;
  /**
   * From turn `from` on, this pretraining share instead of `pretrainingBp` (absent: no cut). A par
   * shift moves `pretrainingBp` only.
   */
  pretrainingCut?: { from: number; bp: number };
  /**
   * The turns of `harvestFrom`, `harvestLate` and `pretrainingCut.from` count back from the level's
   * end: the turn is `level.quarters` − the value (absent: they are turns). A 16-quarter level and a
   * 12-quarter one then both leave the profile the same quarters to make it. On a level so short
   * that the earliest of them would fall in its first half, there is no time to train first and
   * harvest after: the profile neither cuts its pretraining nor harvests.
   */
  fromEnd?: boolean;
  weights: AppWeights;
  pricing: PricingMode;
  pay: PayLevel;
  intensity: Intensity;
  /** Quarters of runway the budget is set to keep. */
  runwayTarget: number;
  /** Open a funding round when runway falls below this. */
  raiseBelow: number;
  /** Give up pretraining when runway falls below this (and the model trails); null: never. */
  abandonBelow: number | null;
  /**
   * From this turn on, aim for profit: no pretraining, and once revenue reaches the level's made-it
   * bar, a budget paid from revenue. null: never.
   */
  harvestFrom: number | null;
  /**
   * A company whose revenue is still below the made-it bar at `harvestFrom` keeps training and
   * growing until this turn (absent: it harvests from `harvestFrom` whatever its revenue).
   */
  harvestLate?: number;
  /** Share of staff hired per healthy quarter, per role. */
  growth: Staff;
  /** The most people hired into one role in a quarter (absent: policies.ts's MAX_HIRES_PER_ROLE). */
  hireCap?: number;
  /**
   * Opens its next round so that it closes once investors treat it as a normal round (the round
   * takes `closeQuarters` to close, so it is opened that many quarters before `minRoundGap` has
   * passed) rather than waiting for the gap before opening it. Absent: waits (the rivals).
   */
  raiseToClose?: boolean;
  /** The round it opens, as a share of its valuation (0.2 when absent). */
  raiseShare?: number;
  /** While harvesting, the share of the operating margin it still spends (0.8 when absent). */
  harvestShare?: number;
  /** All-in racing: the spend grows by this factor a quarter, whatever the runway (0: off). */
  escalate?: number;
  /** All-in racing: at least this share of the cash is spent every quarter. */
  minBurnShare?: number;
}

/**
 * A shift of an autopilot's profile: the parametrised variants that make the par reference set
 * (par.ts). No shift (or a zero one) leaves the autopilot exactly as named.
 */
export interface ProfileShift {
  /**
   * Quarters added to the runway the budget keeps and to the runway that opens a round; a racing
   * autopilot (one that burns a share of its cash) burns 5 points less of it per quarter added.
   */
  runway: number;
  /** Basis points added to the pretraining share while the company still trains. */
  pretrainingBp: number;
}

/** The profile on a level: its turns as turns of that level (`fromEnd`). */
export function onLevel(p: Profile, quarters: number): Profile {
  if (!p.fromEnd) return p;
  const turn = (back: number) => quarters - back;
  const backs = [p.harvestFrom, p.harvestLate, p.pretrainingCut?.from].filter(
    (b): b is number => b !== null && b !== undefined,
  );
  if (backs.some((b) => 2 * turn(b) < quarters)) {
    const { harvestLate: _late, pretrainingCut: _cut, ...rest } = p;
    return { ...rest, fromEnd: false, harvestFrom: null };
  }
  return {
    ...p,
    fromEnd: false,
    harvestFrom: p.harvestFrom === null ? null : turn(p.harvestFrom),
    ...(p.harvestLate === undefined ? {} : { harvestLate: turn(p.harvestLate) }),
    ...(p.pretrainingCut === undefined
      ? {}
      : { pretrainingCut: { ...p.pretrainingCut, from: turn(p.pretrainingCut.from) } }),
  };
}

export function shifted(p: Profile, shift: ProfileShift | undefined): Profile {
  if (!shift || (shift.runway === 0 && shift.pretrainingBp === 0)) return p;
  return {
    ...p,
    runwayTarget: Math.max(2, p.runwayTarget + shift.runway),
    raiseBelow: Math.max(1, p.raiseBelow + shift.runway),
    pretrainingBp: clamp(p.pretrainingBp + shift.pretrainingBp, 0, 10_000),
    ...(p.minBurnShare === undefined
      ? {}
      : { minBurnShare: clamp(p.minBurnShare - 0.05 * shift.runway, 0, 1) }),
  };
}

const w = (domestic: number, overseas: number, enterprise: number, api: number): AppWeights => ({
  domestic,
  overseas,
  enterprise,
  api,
});

export const ARCHETYPE_PROFILES: Record<Archetype, Profile> = {
  'enterprise-gov': {
    pretrainingBp: 5000,
    weights: w(15, 5, 55, 25),
    pricing: 'match',
    pay: 'market',
    intensity: 'normal',
    runwayTarget: 7,
    raiseBelow: 10,
    abandonBelow: 1.5,
    harvestFrom: null,
    growth: { researchers: 0.04, engineers: 0.05, sales: 0.08 },
  },
  'overseas-consumer': {
    pretrainingBp: 5000,
    weights: w(15, 55, 5, 25),
    pricing: 'match',
    pay: 'market',
    intensity: 'dxz',
    runwayTarget: 7,
    raiseBelow: 10,
    abandonBelow: 2,
    harvestFrom: 9,
    growth: { researchers: 0.03, engineers: 0.08, sales: 0.02 },
  },
  'domestic-consumer': {
    pretrainingBp: 4000,
    weights: w(75, 5, 5, 15),
    pricing: 'premium',
    pay: 'plus25',
    intensity: 'dxz',
    runwayTarget: 4,
    raiseBelow: 7,
    abandonBelow: 1.5,
    harvestFrom: null,
    growth: { researchers: 0.06, engineers: 0.08, sales: 0.02 },
  },
  'cost-efficient': {
    pretrainingBp: 4500,
    weights: w(30, 30, 25, 15),
    pricing: 'undercut',
    pay: 'market',
    intensity: 'normal',
    runwayTarget: 6,
    raiseBelow: 9,
    abandonBelow: 5,
    harvestFrom: 11,
    growth: { researchers: 0.03, engineers: 0.04, sales: 0.04 },
  },
  'pretraining-heavy': {
    pretrainingBp: 6500,
    weights: w(40, 10, 20, 30),
    pricing: 'premium',
    pay: 'plus25',
    intensity: '996',
    escalate: 1.12,
    runwayTarget: 6,
    raiseBelow: 9,
    abandonBelow: 0.8,
    harvestFrom: null,
    growth: { researchers: 0.06, engineers: 0.03, sales: 0.02 },
  },
};

export const AUTOPILOT_PROFILES: Record<Exclude<PolicyName, 'random'>, Profile> = {
  // Eight tenths of the spend on pretraining until 2025Q2, with a research team that grows as fast
  // as the cash allows; in 2025Q3 no more pretraining and the whole budget on the apps, a last push
  // for users before the harvest. The app budget goes abroad, where users pay, with a tenth to
  // enterprise deals and a sales team that grows fast, even for a company that buys users abroad
  // dearly (Zhipu, Baichuan: their own split of 5 / 70 / 20 / 5 did worse once the push came in). A
  // lean budget (a quarter and a half of runway), a round of 60 % of the valuation when runway
  // falls below six, and from 2025Q4 a budget paid from revenue that spends nothing beyond the
  // running costs: the profitable year that making it needs. A company still below the made-it
  // revenue in 2025Q4 goes on growing until 2026Q1. From the quarter its pretraining stops it lets a
  // quarter of its researchers go each quarter, and it opens each round so that it closes once
  // investors treat it as a normal one (par version 5; version 4 kept hiring researchers until the
  // harvest and waited the whole gap before opening a round, and so raised a quarter later). These turns count back from the level's end
  // (6, 5 and 4 quarters before it: turns 10, 11 and 12 of the 16-quarter historical level, 6, 7
  // and 8 of a 12-quarter one). (Tuned on seeds 1–100 of historical-2023 v4,
  // the push, the later harvest and the share on v6, the hire cap on v9; confirmed on 1001–1300: docs/balance.md.)
  balanced: {
    pretrainingBp: 8000,
    pretrainingCut: { from: 6, bp: 0 },
    fromEnd: true,
    weights: w(0, 90, 10, 0),
    pricing: 'match',
    pay: 'market',
    intensity: 'normal',
    runwayTarget: 1.5,
    raiseBelow: 6,
    abandonBelow: null,
    harvestFrom: 5,
    harvestLate: 4,
    growth: { researchers: 0.8, engineers: 0.6, sales: 1.5 },
    hireCap: 50,
    raiseToClose: true,
    raiseShare: 0.6,
    harvestShare: 0,
  },
  'pretraining-first': {
    pretrainingBp: 9000,
    weights: w(40, 20, 20, 20),
    pricing: 'premium',
    pay: 'plus25',
    intensity: '996',
    escalate: 1.3,
    minBurnShare: 0.8,
    runwayTarget: 3,
    raiseBelow: 8,
    abandonBelow: null,
    harvestFrom: null,
    growth: { researchers: 0.1, engineers: 0.01, sales: 0 },
    raiseShare: 0.35,
  },
  'applications-first': {
    pretrainingBp: 2000,
    weights: w(55, 25, 10, 10),
    pricing: 'undercut',
    pay: 'market',
    intensity: 'dxz',
    runwayTarget: 2.5,
    raiseBelow: 8,
    abandonBelow: null,
    harvestFrom: 10,
    growth: { researchers: 0.05, engineers: 0.3, sales: 0.1 },
    raiseShare: 0.35,
    harvestShare: 0.3,
  },
  'overseas-first': {
    pretrainingBp: 2500,
    weights: w(5, 80, 5, 10),
    pricing: 'match',
    pay: 'market',
    intensity: 'normal',
    runwayTarget: 2.5,
    raiseBelow: 8,
    abandonBelow: null,
    harvestFrom: 10,
    growth: { researchers: 0.1, engineers: 0.3, sales: 0.05 },
    raiseShare: 0.35,
    harvestShare: 0.3,
  },
  // Deals come from salespeople: it asks to double the sales team each healthy quarter (a tight
  // talent market fills only part of that). The enterprise budget buys the standard platform,
  // which tops out at the level's platformMax; the rest funds an app abroad.
  'enterprise-first': {
    pretrainingBp: 2500,
    weights: w(5, 25, 60, 10),
    pricing: 'match',
    pay: 'market',
    intensity: 'normal',
    runwayTarget: 2.5,
    raiseBelow: 8,
    abandonBelow: null,
    harvestFrom: 10,
    growth: { researchers: 0.1, engineers: 0.3, sales: 1 },
    raiseShare: 0.35,
    harvestShare: 0.3,
  },
};
