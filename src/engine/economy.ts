// The model's formulas, one function each, so that the view's "how this is computed" texts,
// the rivals' policies and the quarter resolution all use the same arithmetic.

import type { Level } from './level';
import { clamp, logisticD, powD } from './mathx';
import type { GameState, PayLevel, Role, StartupState } from './types';

/** A time path's value at a turn, held at the last quarter after the campaign ends. */
export function at(path: readonly number[], turn: number): number {
  return path[Math.min(Math.max(turn, 0), path.length - 1)]!;
}

/** Scaling law (Chinchilla refit): Q = 100·(1 − (C/C0)^−a), C = effective training compute. */
export function qualityFromCompute(level: Level, compute: number): number {
  const ratio = compute / level.market.scalingC0;
  if (ratio <= 1) return 0;
  return 100 * (1 - powD(ratio, -level.market.scalingExponent));
}

export function payMultiplier(level: Level, pay: PayLevel): number {
  return level.market.talent.payMultiplier[pay];
}

/** Market wage of a role this quarter, 万元 per person per quarter. */
export function marketWage(level: Level, turn: number, role: Role): number {
  const m = level.macro;
  const path =
    role === 'researchers' ? m.wageResearcher : role === 'engineers' ? m.wageEngineer : m.wageSales;
  return at(path, turn);
}

/** Quarterly payroll at the company's pay level, 万元 (integer). */
export function payroll(level: Level, turn: number, c: StartupState): number {
  const mult = payMultiplier(level, c.plan.payLevel);
  const m = level.macro;
  // The roles in ROLES order, summed left to right.
  let total = 0;
  total += c.staff.researchers * at(m.wageResearcher, turn) * mult;
  total += c.staff.engineers * at(m.wageEngineer, turn) * mult;
  total += c.staff.sales * at(m.wageSales, turn) * mult;
  return Math.round(total);
}

export function headcount(c: StartupState): number {
  return c.staff.researchers + c.staff.engineers + c.staff.sales;
}

/** Chance that an approached employee stays: 1/(1+exp(−(bias + γ·Δwage))); a 50 % gap poaches about half. */
export function stayProbability(level: Level, ownPay: number, offeredPay: number): number {
  const t = level.market.talent;
  return logisticD(t.loyaltyBias + t.gamma * (ownPay - offeredPay));
}

/** Share of requested hires that sign this quarter: tight markets fill few, higher pay fills more. */
export function hireFillRate(level: Level, turn: number, pay: PayLevel): number {
  const t = level.market.talent;
  const tight = at(level.macro.talentTightness, turn);
  return clamp(t.hireFraction * (1 - tight) + (payMultiplier(level, pay) - 1), 0.05, 1);
}

/** Research-team factor: 2R/(R + R_full), so a lab at full strength scores 1, capped at 1.5. */
export function teamFactor(level: Level, researchers: number): number {
  const full = level.market.researchersForFullEfficiency;
  return Math.min(1.5, (2 * researchers) / (researchers + full));
}

/** Output multiplier of the work regime, reduced by accumulated burnout. */
export function outputFactor(level: Level, c: StartupState): number {
  return level.market.talent.output[c.plan.intensity] * (1 - 0.5 * c.burnout);
}

/** The most a startup can spend on compute this quarter (万元): GPU supply × GPU-hour price. */
export function maxComputeSpend(level: Level, turn: number): number {
  return Math.round((at(level.macro.gpuSupply, turn) * 1e6 * at(level.macro.gpuHourPrice, turn)) / 10_000);
}

/** Effective training compute (1e21 FLOP) bought by a pretraining budget this quarter. */
export function effectiveCompute(level: Level, turn: number, c: StartupState, budget: number): number {
  if (budget <= 0) return 0;
  // A strategic investor's cloud charges its list price: the lock-in premium.
  const lockIn = c.strategic !== null ? 1 + level.market.funding.lockInPremium : 1;
  const gpuHours = (budget * 10_000) / (at(level.macro.gpuHourPrice, turn) * lockIn);
  const spec = companySpec(level, c.id);
  return (
    gpuHours *
    level.market.flopPerGpuHour *
    at(level.macro.algoEfficiency, turn) *
    spec.researchEfficiency *
    teamFactor(level, c.staff.researchers) *
    outputFactor(level, c)
  );
}

/** The level's description of a company, or undefined for an id the level does not have. */
export function findCompanySpec(level: Level, id: string): Level['companies'][number] | undefined {
  // A handful of companies, whose ids are the very strings the state carries: a scan is cheaper
  // than any table.
  for (const c of level.companies) if (c.id === id) return c;
  return undefined;
}

export function companySpec(level: Level, id: string) {
  const spec = findCompanySpec(level, id);
  if (!spec) throw new Error(`unknown company ${id}`);
  return spec;
}

/** Best quality an app can reach by building on published open weights this quarter. */
export function openModelQuality(level: Level, state: GameState): number {
  let best = 0;
  for (let i = 0; i < level.giants.length; i++) {
    const spec = level.giants[i]!;
    const g = state.giants[i]!;
    if (spec.openWeights && g.active) best = Math.max(best, g.quality - level.market.openModelGap);
  }
  return best;
}

/** Quality users of the company's apps experience: its own model, or the best open one it builds on. */
export function appQuality(level: Level, state: GameState, c: StartupState): number {
  return Math.max(c.quality, openModelQuality(level, state));
}

/** Investors' score for model rank: 1 at the global frontier, 0 thirty points behind it. */
export function rankScore(level: Level, turn: number, quality: number): number {
  return clamp((quality - (at(level.macro.frontierQuality, turn) - 30)) / 30, 0, 1.2);
}

/**
 * Valuation (万元): climate × [(1 − f)·(model rank value + user value) + f·revenue multiple] ×
 * (1 + w·growth), f = investors' focus on revenue, which rises as the funding climate cools;
 * growth is the quarter's growth of users and revenue (each −50 %..+100 %, averaged).
 */
export function valuationOf(
  level: Level,
  turn: number,
  c: StartupState,
  quarterlyRevenue: number,
  mau: number,
  growth = 0,
): number {
  const f = level.market.funding;
  const focus = at(level.macro.revenueFocus, turn);
  const climate = at(level.macro.fundingClimate, turn);
  const story = f.qualityValue * rankScore(level, turn, c.quality) + f.userValue * mau;
  const revenueValue = f.revenueMultiple * 4 * Math.max(0, quarterlyRevenue);
  const momentum = 1 + f.growthWeight * clamp(growth, -0.5, 1);
  return Math.round(climate * ((1 - focus) * story + focus * revenueValue) * momentum);
}

/** Growth investors look at: the mean of user growth and revenue growth this quarter, each clamped. */
export function growthRate(prevMau: number, mau: number, prevRevenue: number, revenue: number): number {
  const users = clamp(mau / Math.max(prevMau, 100_000) - 1, -0.5, 1);
  const sales = clamp(revenue / Math.max(prevRevenue, 100) - 1, -0.5, 1);
  return (users + sales) / 2;
}

/** Founders' equity value plus honours: the score. */
export function equityScore(level: Level, c: StartupState, value: number): number {
  const madeIt = c.madeItTurn !== null ? level.endings.madeItHonour : 0;
  return Math.round((value * c.ownershipBp) / 10_000) + c.frontierFame * level.endings.fameHonour + madeIt;
}

/** Cost of acquiring one user (¥): base CAC bid up by everyone's advertising last quarter. */
export function acquisitionCost(level: Level, state: GameState, market: 'domestic' | 'overseas'): number {
  const base =
    market === 'domestic' ? at(level.macro.cacDomestic, state.turn) : at(level.macro.cacOverseas, state.turn);
  const sat = level.market[market].adSaturation;
  const ads = market === 'domestic' ? state.market.adSpend : state.market.overseasAdSpend;
  return base * (1 + ads / sat);
}
