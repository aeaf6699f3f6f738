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

/**
 * A role's quarterly attrition before poaching: the base rate, burnout's share, and the quits of
 * pay below the market (`underpayQuits` per unit of the shortfall), within 0..1.
 */
export function attritionRate(level: Level, burnout: number, pay: number): number {
  const t = level.market.talent;
  return clamp(t.baseAttrition + burnout * t.burnoutAttrition + t.underpayQuits * Math.max(0, 1 - pay), 0, 1);
}

/**
 * Share of requested hires that sign this quarter: tight markets fill few; pay above the market
 * raises the fill in proportion (payFillWeight × the premium, e.g. +50 % pay fills half as many
 * again), it does not buy a fixed number of points.
 */
export function hireFillRate(level: Level, turn: number, pay: PayLevel): number {
  const t = level.market.talent;
  const tight = at(level.macro.talentTightness, turn);
  return clamp(
    t.hireFraction * (1 - tight) * (1 + t.payFillWeight * (payMultiplier(level, pay) - 1)),
    0.05,
    1,
  );
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

/**
 * The serving-cost multiplier of the cheapest architecture known at `turn` (1: the conventional
 * one). A giant whose architectureFactor is below 1 brings a cost shock when it enters; every
 * other provider closes `diffusion` of the remaining gap each quarter from then on.
 */
export function architectureFactor(level: Level, turn: number, diffusion: number): number {
  // A level's giants and quarters are fixed once it is loaded: each (level, rate) pair is worked
  // out once, for every quarter, and looked up after that.
  let byRate = ARCHITECTURE_TABLES.get(level);
  if (byRate === undefined) {
    byRate = new Map();
    ARCHITECTURE_TABLES.set(level, byRate);
  }
  let table = byRate.get(diffusion);
  if (table === undefined) {
    table = new Float64Array(Math.max(1, level.quarters));
    for (let t = 0; t < table.length; t++) table[t] = architectureAt(level, t, diffusion);
    byRate.set(diffusion, table);
  }
  return turn >= 0 && turn < table.length ? table[turn]! : architectureAt(level, turn, diffusion);
}

/** Cached tables of architectureFactor per level and diffusion rate (levels are never changed once loaded). */
const ARCHITECTURE_TABLES = new WeakMap<Level, Map<number, Float64Array>>();

function architectureAt(level: Level, turn: number, diffusion: number): number {
  let f = 1;
  for (let j = 0; j < level.giants.length; j++) {
    const g = level.giants[j]!;
    const a = g.architectureFactor;
    if (a >= 1 || turn < g.entersTurn) continue;
    // Adoption starts in the quarter it enters: the architecture is published with the model.
    let rest = 1;
    for (let k = g.entersTurn; k <= turn; k++) rest *= 1 - diffusion;
    f = Math.min(f, a + (1 - a) * rest);
  }
  return f;
}

/** A startup's serving cost this quarter, ¥ per million tokens: the market's cost × its own factor × the architecture it has adopted. */
export function startupServingCost(level: Level, turn: number, company: number): number {
  const spec = level.companies[company]!;
  return (
    at(level.macro.inferenceCost, turn) *
    spec.inferenceCostFactor *
    architectureFactor(level, turn, level.market.api.costDiffusion.startup)
  );
}

/** A giant's serving cost this quarter, ¥ per million tokens: the owner of a cheaper architecture serves at it from its entry. */
export function giantServingCost(level: Level, turn: number, giant: number): number {
  const spec = level.giants[giant]!;
  const own = spec.architectureFactor;
  const adopted = architectureFactor(level, turn, level.market.api.costDiffusion.bigtech);
  return at(level.macro.inferenceCost, turn) * spec.inferenceCostFactor * Math.min(own, adopted);
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

/**
 * The quality a company's products reach by building on the best open weights (`open`, from
 * openModelQuality): adapting them takes a research team, and the gap widens by openModelTeamGap
 * points as the team falls short of full strength (none left: the whole of it).
 */
export function openBuiltQuality(level: Level, open: number, c: StartupState): number {
  if (open <= 0) return 0;
  const cover = Math.min(1, teamFactor(level, c.staff.researchers));
  return open - level.market.openModelTeamGap * (1 - cover);
}

/** Quality users of the company's apps experience: its own model, or what it builds on open weights. */
export function appQuality(level: Level, state: GameState, c: StartupState): number {
  return Math.max(c.quality, openBuiltQuality(level, openModelQuality(level, state), c));
}

/** Investors' score for model rank: 1 at the global frontier, 0 thirty points behind it. */
export function rankScore(level: Level, turn: number, quality: number): number {
  return clamp((quality - (at(level.macro.frontierQuality, turn) - 30)) / 30, 0, 1.2);
}

/** What investors look at besides the model: the business's figures. */
export interface Fundamentals {
  /** Revenue of the last four quarters, this one included, 万元. */
  annualRevenue: number;
  /** Growth of this quarter's revenue over the same quarter a year before, −0.5..+1. */
  growth: number;
  /** Gross margin this quarter, (revenue − inference − customisation) / revenue, −1..1 (0 with no revenue). */
  margin: number;
  /** What the apps' users pay per quarter, 万元: bought users count by what they pay. */
  userRevenue: number;
}

/**
 * Fundamental value (万元): climate × [(1 − f)·(model rank value + user value) + f·revenue value]
 * × (1 + w·growth); f = investors' focus on revenue, which rises as the funding climate cools.
 * User value is a multiple of what the users pay a year; revenue value is a multiple of the last
 * four quarters' revenue, raised or cut by the gross margin.
 */
export function fundamentalValue(level: Level, turn: number, quality: number, v: Fundamentals): number {
  const x = fundamentalTerms(level, turn, quality, v);
  return x.climate * ((1 - x.focus) * (x.modelValue + x.userValue) + x.focus * x.revenueValue) * x.momentum;
}

/** The terms of fundamentalValue (its parts on the results screen: quarter/flows.ts valuationParts). */
export interface FundamentalTerms {
  climate: number;
  /** Investors' focus on revenue, 0..1. */
  focus: number;
  rank: number;
  /** The story's two halves: the model's rank and what the apps' users pay. */
  modelValue: number;
  userValue: number;
  marginFactor: number;
  revenueValue: number;
  momentum: number;
}

export function fundamentalTerms(
  level: Level,
  turn: number,
  quality: number,
  v: Fundamentals,
): FundamentalTerms {
  const f = level.market.funding;
  const rank = rankScore(level, turn, quality);
  const marginFactor = clamp(1 + f.marginWeight * v.margin, 0.25, 1.5);
  return {
    climate: at(level.macro.fundingClimate, turn),
    focus: at(level.macro.revenueFocus, turn),
    rank,
    modelValue: f.qualityValue * rank,
    userValue: f.userRevenueMultiple * 4 * v.userRevenue,
    marginFactor,
    revenueValue: f.revenueMultiple * Math.max(0, v.annualRevenue) * marginFactor,
    momentum: 1 + f.growthWeight * clamp(v.growth, -0.5, 1),
  };
}

/** This quarter's mark (万元): anchored to the last one (the last round's price right after a round). */
export function valuationMark(level: Level, previous: number, fundamental: number): number {
  const a = level.market.funding.anchorWeight;
  return Math.max(1, Math.round(a * previous + (1 - a) * fundamental));
}

/**
 * Growth investors look at: this quarter's revenue against the same quarter a year before, that one
 * taken at least at `floor` (a tiny base grows fast without meaning much); 0 with no history yet.
 */
export function growthRate(yearAgoRevenue: number | null, revenue: number, floor: number): number {
  if (yearAgoRevenue === null) return 0;
  return clamp(revenue / Math.max(yearAgoRevenue, floor) - 1, -0.5, 1);
}

/** A round's traction factor: rank and growth make investors likelier to close. */
export function tractionFactor(level: Level, turn: number, quality: number, growth: number): number {
  const f = level.market.funding;
  return clamp(
    f.tractionBase + f.tractionRankWeight * rankScore(level, turn, quality) + f.tractionGrowthWeight * growth,
    0.2,
    1.5,
  );
}

/** Founders' equity value plus honours: the score (scoreParts in selectors.ts takes it apart). */
export function equityScore(level: Level, c: StartupState, value: number): number {
  return equityPart(c, value) + fameHonourOf(level, c) + madeItHonourOf(level, c);
}

/** The founders' share of `value` (万元), rounded to the 万元: the equity part of the score. */
export function equityPart(c: StartupState, value: number): number {
  return Math.round((value * c.ownershipBp) / 10_000);
}

/** The honour for the quarters of frontier fame (万元). */
export function fameHonourOf(level: Level, c: StartupState): number {
  return c.frontierFame * level.endings.fameHonour;
}

/** The honour for making it (万元): granted once the company has made it, 0 otherwise. */
export function madeItHonourOf(level: Level, c: StartupState): number {
  return c.madeItTurn !== null ? level.endings.madeItHonour : 0;
}

/**
 * Time's up: the share of the valuation the score counts, from the runway left (quarters): all of
 * it from fullValueRunway on, noRunwayValue of it with none, linear in between.
 */
export function timesUpFactor(level: Level, runway: number): number {
  const e = level.endings;
  return e.noRunwayValue + (1 - e.noRunwayValue) * Math.min(1, runway / e.fullValueRunway);
}

/** Cost of acquiring one user (¥): base CAC bid up by everyone's advertising last quarter. */
export function acquisitionCost(level: Level, state: GameState, market: 'domestic' | 'overseas'): number {
  const base =
    market === 'domestic' ? at(level.macro.cacDomestic, state.turn) : at(level.macro.cacOverseas, state.turn);
  const sat = level.market[market].adSaturation;
  const ads = market === 'domestic' ? state.market.adSpend : state.market.overseasAdSpend;
  return base * (1 + ads / sat);
}

/** The runway of a company that is not burning cash, in quarters (longer than any campaign). */
export const NOT_BURNING = 99;

/** Runway in quarters at a given net burn; NOT_BURNING when there is none. */
export function runwayAt(cash: number, netBurn: number): number {
  if (netBurn <= 0) return NOT_BURNING;
  return Math.max(0, cash / netBurn);
}
