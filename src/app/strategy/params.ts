// The parametrised strategy's parameters: their names and types, the search space (every range),
// the check that a value is a parameter set, and a set on one line for the reports.
//
// The parameters (every range is STRATEGY_BOUNDS below; a turn is a quarter's index, 0 = the
// level's first quarter):
// - pretrainEarlyBp   pretraining share of the spend, basis points, before `switchTurn`.
// - switchTurn        the quarter from which `pretrainLateBp` applies (the level's length: never).
// - pretrainLateBp    pretraining share from `switchTurn` on.
// - runwayTarget      quarters of runway the budget keeps: spend = cash / runwayTarget − payroll −
//                     last quarter's variable costs + last quarter's revenue (≥ 0, ≤ cash).
// - harvestFrom       from this quarter on, once last quarter's revenue reaches the level's made-it
//                     bar, the budget is paid from revenue instead (and nobody is hired).
// - harvestShare      the share of (revenue − payroll − variable costs) spent while harvesting.
// - wDomestic, wOverseas, wEnterprise, wApi
//                     application weights (whole numbers, rescaled to 100 over the level's open
//                     markets; all zero shares equally).
// - pricing           API price rule: match, premium, undercut, or exact (a multiple of the last
//                     market price).
// - priceMultiple     the multiple for `exact` (raised to a strategic investor's price when tied).
// - growResearchers, growEngineers, growSales
//                     share of each team hired per quarter while the runway is comfortable.
// - growRunway        runway (after this quarter's budget) from which the teams grow.
// - hireCap           the most people hired into one role in a quarter (the autopilots' recruiting
//                     capacity is 40).
// - cutBelow          runway under which every team is cut by 15 %.
// - dropResearchers   share of the researchers let go each quarter the company does not pretrain
//                     (a 0 % pretraining share, or pretraining given up; the balanced autopilot: 25 %).
// - pay               pay level (below, market, plus25, plus50).
// - intensity         work intensity (normal, dxz = 大小周, 996).
// - raiseBelow        open a funding round when the runway falls below this (RAISE_ALWAYS: every
//                     quarter no round is under way).
// - raiseMultiple     the round's target, a multiple of the current valuation.
// - roundGap          quarters after the last round closed before another is opened (investors
//                     treat one sooner as back-to-back: worse odds and price; the autopilots wait
//                     the level's minRoundGap).
// - cards             answer event cards as this named autopilot would (policyChoice).
// - keepStances       1: positions taken through cards (a price-war stance, 996, …) override the
//                     parameters afterwards, as the autopilots do; 0: the parameters rule.

import { POLICIES } from '../../engine/index';
import type { PolicyName } from '../../engine/policy-names';
import type { Intensity, PayLevel, PricingMode } from '../../engine/types';
import { INTENSITIES, PAY_LEVELS } from '../../engine/types';

/** The named autopilots (every policy but random play). */
export type NamedPolicy = Exclude<PolicyName, 'random'>;
export const NAMED_POLICIES: readonly NamedPolicy[] = POLICIES.filter(
  (p): p is NamedPolicy => p !== 'random',
);

/** The API price rules a strategy may follow. */
export type StrategyPricing = Extract<PricingMode, 'match' | 'premium' | 'undercut' | 'exact'>;
export const STRATEGY_PRICINGS: readonly StrategyPricing[] = ['match', 'premium', 'undercut', 'exact'];

export interface StrategyParams {
  pretrainEarlyBp: number;
  switchTurn: number;
  pretrainLateBp: number;
  runwayTarget: number;
  harvestFrom: number;
  harvestShare: number;
  wDomestic: number;
  wOverseas: number;
  wEnterprise: number;
  wApi: number;
  pricing: StrategyPricing;
  priceMultiple: number;
  growResearchers: number;
  growEngineers: number;
  growSales: number;
  growRunway: number;
  hireCap: number;
  cutBelow: number;
  dropResearchers: number;
  pay: PayLevel;
  intensity: Intensity;
  raiseBelow: number;
  raiseMultiple: number;
  roundGap: number;
  cards: NamedPolicy;
  keepStances: number;
  sellBelow: number;
  sellFrom: number;
}

/** A parameter's range: whole numbers, numbers on a grid (`step`), or one of some names. */
export type ParamBound =
  | { kind: 'int'; min: number; max: number }
  | { kind: 'real'; min: number; max: number; step: number }
  | { kind: 'choice'; values: readonly string[] };

/** The search space: every parameter's range, in a fixed order (the order of formatParams). */
export const STRATEGY_BOUNDS: { readonly [K in keyof StrategyParams]: ParamBound } = {
  pretrainEarlyBp: { kind: 'real', min: 0, max: 10_000, step: 250 },
  switchTurn: { kind: 'int', min: 0, max: 16 },
  pretrainLateBp: { kind: 'real', min: 0, max: 10_000, step: 250 },
  runwayTarget: { kind: 'real', min: 1.5, max: 12, step: 0.25 },
  harvestFrom: { kind: 'int', min: 0, max: 16 },
  harvestShare: { kind: 'real', min: 0, max: 1, step: 0.05 },
  wDomestic: { kind: 'int', min: 0, max: 100 },
  wOverseas: { kind: 'int', min: 0, max: 100 },
  wEnterprise: { kind: 'int', min: 0, max: 100 },
  wApi: { kind: 'int', min: 0, max: 100 },
  pricing: { kind: 'choice', values: STRATEGY_PRICINGS },
  priceMultiple: { kind: 'real', min: 0.2, max: 3, step: 0.05 },
  growResearchers: { kind: 'real', min: 0, max: 1, step: 0.01 },
  growEngineers: { kind: 'real', min: 0, max: 1, step: 0.01 },
  growSales: { kind: 'real', min: 0, max: 1.5, step: 0.01 },
  growRunway: { kind: 'real', min: 1.5, max: 12, step: 0.25 },
  hireCap: { kind: 'real', min: 5, max: 500, step: 5 },
  cutBelow: { kind: 'real', min: 0, max: 4, step: 0.25 },
  dropResearchers: { kind: 'real', min: 0, max: 0.5, step: 0.05 },
  pay: { kind: 'choice', values: PAY_LEVELS },
  intensity: { kind: 'choice', values: INTENSITIES },
  raiseBelow: { kind: 'real', min: 0, max: 12, step: 0.25 },
  raiseMultiple: { kind: 'real', min: 0.05, max: 0.6, step: 0.01 },
  roundGap: { kind: 'int', min: 0, max: 8 },
  cards: { kind: 'choice', values: NAMED_POLICIES },
  keepStances: { kind: 'int', min: 0, max: 1 },
  sellBelow: { kind: 'real', min: 0, max: 3, step: 0.1 },
  sellFrom: { kind: 'int', min: 0, max: 16 },
};

export const PARAM_NAMES = Object.keys(STRATEGY_BOUNDS) as readonly (keyof StrategyParams)[];

/**
 * A `raiseBelow` that opens a round whenever none is under way (with `roundGap` 0: the "raise every
 * quarter" check).
 */
export const RAISE_ALWAYS = 1_000_000;

/** The pretraining share a 16-quarter level's turn falls under. */
export function pretrainingBpAt(p: StrategyParams, turn: number): number {
  return turn < p.switchTurn ? p.pretrainEarlyBp : p.pretrainLateBp;
}

/** Why a value is no parameter set (a field missing or out of its range), or null when it is one. */
export function checkParams(x: unknown): string | null {
  if (typeof x !== 'object' || x === null) return 'parameters must be an object';
  const o = x as Record<string, unknown>;
  for (const name of PARAM_NAMES) {
    const b = STRATEGY_BOUNDS[name];
    const v = o[name];
    if (b.kind === 'choice') {
      if (typeof v !== 'string' || !b.values.includes(v))
        return `${name} must be one of ${b.values.join(', ')}, got ${String(v)}`;
    } else if (typeof v !== 'number' || !Number.isFinite(v)) return `${name} must be a number`;
    else if (name === 'raiseBelow' && v === RAISE_ALWAYS) continue;
    else if (v < b.min || v > b.max || (b.kind === 'int' && !Number.isInteger(v)))
      return `${name} must be ${b.kind === 'int' ? 'a whole number ' : ''}in ${b.min}..${b.max}, got ${v}`;
  }
  return null;
}

const pctOf = (bp: number) => `${Math.round(bp / 100)}%`;
const short = (x: number) => String(Math.round(x * 100) / 100).replace(/^0\./, '.');

/** A parameter set on one line, e.g. `pt 25%→0%@Q9 runway 6 harvest Q9×0.8 apps 5/50/40/5 …`. */
export function formatParams(p: StrategyParams): string {
  const never = (t: number) => (t >= 16 ? 'never' : `Q${t}`);
  const price = p.pricing === 'exact' ? `exact×${short(p.priceMultiple)}` : p.pricing;
  const raise = p.raiseBelow >= RAISE_ALWAYS ? 'always' : `<${short(p.raiseBelow)}`;
  return [
    `pt ${pctOf(p.pretrainEarlyBp)}→${pctOf(p.pretrainLateBp)}@${never(p.switchTurn)}`,
    `runway ${short(p.runwayTarget)}`,
    `harvest ${never(p.harvestFrom)}×${short(p.harvestShare)}`,
    `apps ${p.wDomestic}/${p.wOverseas}/${p.wEnterprise}/${p.wApi}`,
    `price ${price}`,
    `hire r${short(p.growResearchers)}/e${short(p.growEngineers)}/s${short(p.growSales)}@${short(p.growRunway)}≤${p.hireCap}`,
    `cut<${short(p.cutBelow)}${p.dropResearchers > 0 ? ` drop r${short(p.dropResearchers)}` : ''}`,
    `pay ${p.pay}`,
    p.intensity,
    `raise${raise}×${short(p.raiseMultiple)}/${p.roundGap}q`,
    `cards ${p.cards}${p.keepStances ? '+stances' : ''}`,
    `sell<${short(p.sellBelow)}@${never(p.sellFrom)}`,
  ].join('  ');
}
