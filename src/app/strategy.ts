// A parametrised strategy for the player's company, for the balance search (scripts/balance.ts,
// docs/balance.md): 25 numbers and names that say how much to burn, how to split it, what to
// charge, whom to hire, when to raise and when to sell. Like the autopilots (src/engine/policies.ts)
// it reads the state at the start of the quarter and returns the quarter's commands: only what
// differs from the plan in force, the answers to the pending cards, then `quarter/end`.
//
// Pure and deterministic: no DOM, no clock, no Math.random. The search draws its parameter sets
// from keyed uniforms (the engine's rng.ts, under a salt of its own), so a search is a function of
// its arguments alone.
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
// - cutBelow          runway under which every team is cut by 15 %.
// - pay               pay level (below, market, plus25, plus50).
// - intensity         work intensity (normal, dxz = 大小周, 996).
// - raiseBelow        open a funding round when the runway falls below this (RAISE_ALWAYS: every
//                     quarter no round is under way).
// - raiseMultiple     the round's target, a multiple of the current valuation.
// - cards             answer event cards as this named autopilot would (policyChoice).
// - keepStances       1: positions taken through cards (a price-war stance, 996, …) override the
//                     parameters afterwards, as the autopilots do; 0: the parameters rule.
// - sellBelow         accept a buy-out offer when the projected runway is below this …
// - sellFrom          … and the quarter is this one or later.

import {
  applyCommand,
  cardById,
  createGame,
  economy,
  POLICIES,
  playerOf,
  projectedRunway,
  validateCommand,
} from '../engine/index';
import type { Level } from '../engine/level';
import { weightsForMarkets } from '../engine/plan';
import type { PolicyName } from '../engine/policy-names';
import { luckOf, Purpose, uniform } from '../engine/rng';
import type {
  AppWeights,
  Command,
  Ending,
  GameState,
  Intensity,
  PayLevel,
  PricingMode,
  StartupState,
} from '../engine/types';
import { INTENSITIES, PAY_LEVELS } from '../engine/types';

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
  cutBelow: number;
  pay: PayLevel;
  intensity: Intensity;
  raiseBelow: number;
  raiseMultiple: number;
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
  runwayTarget: { kind: 'real', min: 2, max: 12, step: 0.25 },
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
  growSales: { kind: 'real', min: 0, max: 1, step: 0.01 },
  growRunway: { kind: 'real', min: 2, max: 12, step: 0.25 },
  cutBelow: { kind: 'real', min: 0, max: 4, step: 0.25 },
  pay: { kind: 'choice', values: PAY_LEVELS },
  intensity: { kind: 'choice', values: INTENSITIES },
  raiseBelow: { kind: 'real', min: 0, max: 12, step: 0.25 },
  raiseMultiple: { kind: 'real', min: 0.05, max: 0.5, step: 0.01 },
  cards: { kind: 'choice', values: NAMED_POLICIES },
  keepStances: { kind: 'int', min: 0, max: 1 },
  sellBelow: { kind: 'real', min: 0, max: 3, step: 0.1 },
  sellFrom: { kind: 'int', min: 0, max: 16 },
};

export const PARAM_NAMES = Object.keys(STRATEGY_BOUNDS) as readonly (keyof StrategyParams)[];

/** A `raiseBelow` that opens a round whenever none is under way (the "raise every quarter" check). */
export const RAISE_ALWAYS = 1_000_000;

/** The pretraining share a 16-quarter level's turn falls under. */
function pretrainingBpAt(p: StrategyParams, turn: number): number {
  return turn < p.switchTurn ? p.pretrainEarlyBp : p.pretrainLateBp;
}

/**
 * Parameter sets close to the named autopilots' profiles (policies.ts), as starting points for the
 * search. Close, not equal: the strategy has no escalating race budget (pretraining-first), no
 * fallback from a premium price that stopped selling, and its harvest keeps the late pretraining
 * share (0 here) rather than abandoning pretraining.
 */
export const AUTOPILOT_LIKE: Readonly<Record<NamedPolicy, StrategyParams>> = {
  balanced: {
    pretrainEarlyBp: 5000,
    switchTurn: 10,
    pretrainLateBp: 0,
    runwayTarget: 2,
    harvestFrom: 10,
    harvestShare: 0.1,
    wDomestic: 0,
    wOverseas: 90,
    wEnterprise: 10,
    wApi: 0,
    pricing: 'match',
    priceMultiple: 1,
    growResearchers: 0.5,
    growEngineers: 0.6,
    growSales: 1,
    growRunway: 2,
    cutBelow: 2.5,
    pay: 'market',
    intensity: 'normal',
    raiseBelow: 6,
    raiseMultiple: 0.45,
    cards: 'balanced',
    keepStances: 1,
    sellBelow: 0.8,
    sellFrom: 0,
  },
  'pretraining-first': {
    pretrainEarlyBp: 9000,
    switchTurn: 16,
    pretrainLateBp: 9000,
    runwayTarget: 3,
    harvestFrom: 16,
    harvestShare: 0.8,
    wDomestic: 40,
    wOverseas: 20,
    wEnterprise: 20,
    wApi: 20,
    pricing: 'premium',
    priceMultiple: 1,
    growResearchers: 0.1,
    growEngineers: 0.01,
    growSales: 0,
    growRunway: 6,
    cutBelow: 2.5,
    pay: 'plus25',
    intensity: '996',
    raiseBelow: 8,
    raiseMultiple: 0.35,
    cards: 'pretraining-first',
    keepStances: 1,
    sellBelow: 0.8,
    sellFrom: 0,
  },
  'applications-first': {
    pretrainEarlyBp: 2000,
    switchTurn: 10,
    pretrainLateBp: 0,
    runwayTarget: 2.5,
    harvestFrom: 10,
    harvestShare: 0.3,
    wDomestic: 55,
    wOverseas: 25,
    wEnterprise: 10,
    wApi: 10,
    pricing: 'undercut',
    priceMultiple: 1,
    growResearchers: 0.05,
    growEngineers: 0.3,
    growSales: 0.1,
    growRunway: 2.5,
    cutBelow: 2.5,
    pay: 'market',
    intensity: 'dxz',
    raiseBelow: 8,
    raiseMultiple: 0.35,
    cards: 'applications-first',
    keepStances: 1,
    sellBelow: 0.8,
    sellFrom: 0,
  },
  'overseas-first': {
    pretrainEarlyBp: 2500,
    switchTurn: 10,
    pretrainLateBp: 0,
    runwayTarget: 2.5,
    harvestFrom: 10,
    harvestShare: 0.3,
    wDomestic: 5,
    wOverseas: 80,
    wEnterprise: 5,
    wApi: 10,
    pricing: 'match',
    priceMultiple: 1,
    growResearchers: 0.1,
    growEngineers: 0.3,
    growSales: 0.05,
    growRunway: 2.5,
    cutBelow: 2.5,
    pay: 'market',
    intensity: 'normal',
    raiseBelow: 8,
    raiseMultiple: 0.35,
    cards: 'overseas-first',
    keepStances: 1,
    sellBelow: 0.8,
    sellFrom: 0,
  },
  'enterprise-first': {
    pretrainEarlyBp: 2500,
    switchTurn: 10,
    pretrainLateBp: 0,
    runwayTarget: 2.5,
    harvestFrom: 10,
    harvestShare: 0.3,
    wDomestic: 5,
    wOverseas: 25,
    wEnterprise: 60,
    wApi: 10,
    pricing: 'match',
    priceMultiple: 1,
    growResearchers: 0.1,
    growEngineers: 0.3,
    growSales: 1,
    growRunway: 2.5,
    cutBelow: 2.5,
    pay: 'market',
    intensity: 'normal',
    raiseBelow: 8,
    raiseMultiple: 0.35,
    cards: 'enterprise-first',
    keepStances: 1,
    sellBelow: 0.8,
    sellFrom: 0,
  },
};

// ---------------------------------------------------------------------------------------
// Deterministic draws for the search.

/** A source of uniforms in [0, 1): each call the next one. */
export type Uniform = () => number;

/** The salt of the search's keys, apart from every game's luck and the random autopilot's. */
const SEARCH_SALT = 0x0ba1_a9ce;

/**
 * Uniforms keyed by (seed, stream, n) with the engine's hash (rng.ts): the n-th draw of a stream is
 * the same whatever else was drawn, on any machine. Streams keep the search's parts apart (one per
 * company and phase). Draws up to 2^42 per stream stay distinct.
 */
export function uniformSource(seed: number, stream = 0): Uniform {
  const luck = luckOf(seed, SEARCH_SALT);
  let n = 0;
  return () => {
    const k = n++;
    return uniform(luck, Math.floor(k / 65_536), Purpose.autopilot, stream & 0xffff, k % 65_536);
  };
}

function onGrid(b: Extract<ParamBound, { kind: 'real' }>, x: number): number {
  const steps = Math.round((x - b.min) / b.step);
  const maxSteps = Math.round((b.max - b.min) / b.step);
  // Rounded to the grid and to 6 decimals, so a value prints and reads back the same.
  return Math.round((b.min + Math.min(maxSteps, Math.max(0, steps)) * b.step) * 1e6) / 1e6;
}

function drawValue(b: ParamBound, u: Uniform): number | string {
  switch (b.kind) {
    case 'int':
      return b.min + Math.min(b.max - b.min, Math.floor(u() * (b.max - b.min + 1)));
    case 'real':
      return onGrid(b, b.min + u() * (b.max - b.min));
    case 'choice':
      return b.values[Math.min(b.values.length - 1, Math.floor(u() * b.values.length))]!;
  }
}

/** A parameter set drawn uniformly from STRATEGY_BOUNDS (a grid point of every range). */
export function randomParams(u: Uniform): StrategyParams {
  const out: Record<string, number | string> = {};
  for (const name of PARAM_NAMES) out[name] = drawValue(STRATEGY_BOUNDS[name], u);
  return out as unknown as StrategyParams;
}

/**
 * A neighbour of a parameter set: each parameter is picked with probability 1/4 (one always is);
 * a picked number moves by a triangular step of up to `scale` × its range (0 < scale ≤ 1), at
 * least one unit of its grid; a picked name becomes another one with probability max(scale, 1/4)
 * (the one always picked, for sure). So a neighbour always differs from its set.
 */
export function mutate(params: StrategyParams, u: Uniform, scale: number): StrategyParams {
  const out: Record<string, number | string> = { ...params };
  const forced = Math.min(PARAM_NAMES.length - 1, Math.floor(u() * PARAM_NAMES.length));
  PARAM_NAMES.forEach((name, i) => {
    const pick = u();
    if (i !== forced && pick >= 0.25) return;
    const b = STRATEGY_BOUNDS[name];
    const cur = out[name]!;
    if (b.kind === 'choice') {
      if (i !== forced && u() >= Math.max(0.25, scale)) return;
      const others = b.values.filter((v) => v !== cur);
      out[name] = others[Math.min(others.length - 1, Math.floor(u() * others.length))]!;
      return;
    }
    // A chosen number moves by at least one unit of its grid (a whole number: one), the other way
    // at the end of its range.
    const unit = b.kind === 'int' ? 1 : b.step;
    const step = (u() + u() - 1) * scale * (b.max - b.min);
    const d = (step < 0 ? -1 : 1) * Math.max(1, Math.round(Math.abs(step) / unit));
    const x = cur as number;
    let v = x + d * unit;
    if (v > b.max + 1e-9 || v < b.min - 1e-9) v = x - d * unit;
    out[name] = b.kind === 'int' ? Math.min(b.max, Math.max(b.min, v)) : onGrid(b, v);
  });
  return out as unknown as StrategyParams;
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
    `hire r${short(p.growResearchers)}/e${short(p.growEngineers)}/s${short(p.growSales)}@${short(p.growRunway)}`,
    `cut<${short(p.cutBelow)}`,
    `pay ${p.pay}`,
    p.intensity,
    `raise${raise}×${short(p.raiseMultiple)}`,
    `cards ${p.cards}${p.keepStances ? '+stances' : ''}`,
    `sell<${short(p.sellBelow)}@${never(p.sellFrom)}`,
  ].join('  ');
}

// ---------------------------------------------------------------------------------------
// Playing.

function lastRecord(state: GameState, id: string) {
  const h = state.history[state.history.length - 1];
  return h?.companies.find((c) => c.id === id);
}

/** The plan-changing commands of the quarter for the player's company `s` in `state`. */
function planCommands(level: Level, state: GameState, s: StartupState, p: StrategyParams): Command[] {
  const turn = state.turn;
  const rec = lastRecord(state, s.id);
  const revenue = rec ? rec.revenue : 0;
  const variable = rec ? rec.costBy.inference + rec.costBy.customisation : 0;
  const salaries = economy.payroll(level, turn, s);
  const harvesting = turn >= p.harvestFrom && revenue >= level.endings.madeItMinRevenue;
  const cash = s.cash;

  let spend = harvesting
    ? Math.floor(Math.max(0, revenue - salaries - variable) * p.harvestShare)
    : Math.floor(cash / p.runwayTarget) - salaries - variable + revenue;
  spend = Math.min(Math.max(0, spend), Math.max(0, cash));
  const burn = spend + salaries + variable - revenue;
  const runway = burn <= 0 ? 99 : cash / burn;

  const st = s.stance;
  const keep = p.keepStances === 1;
  const cmds: Command[] = [];
  const cur = s.plan;
  // A negative cash (cards' costs booked at the end) admits no spend at all: leave the plan's.
  if (spend !== cur.spend && spend <= cash) cmds.push({ type: 'plan/set-spend', amount: spend });

  const pretrainingBp = s.pretrainingAbandoned
    ? 0
    : keep && st.pretrainingBp != null
      ? st.pretrainingBp
      : pretrainingBpAt(p, turn);
  const wanted: AppWeights =
    keep && st.appWeights
      ? st.appWeights
      : { domestic: p.wDomestic, overseas: p.wOverseas, enterprise: p.wEnterprise, api: p.wApi };
  const w = weightsForMarkets(level, wanted);
  const cw = cur.appWeights;
  if (
    pretrainingBp !== cur.pretrainingBp ||
    w.domestic !== cw.domestic ||
    w.overseas !== cw.overseas ||
    w.enterprise !== cw.enterprise ||
    w.api !== cw.api
  )
    cmds.push({ type: 'plan/set-split', pretrainingBp, appWeights: w });

  // Pricing: a stance taken through a card, or the rule; a strategic investor allows no undercut.
  let mode: PricingMode = keep && st.pricing ? st.pricing.mode : p.pricing;
  let price = keep && st.pricing ? st.pricing.price : 0;
  if (!(keep && st.pricing) && mode === 'exact') {
    const market = Math.max(state.market.refPrice, level.market.api.minRefPrice);
    price = Math.round(market * p.priceMultiple * 100) / 100;
  }
  const investor = s.strategic === null ? undefined : state.giants.find((g) => g.id === s.strategic);
  if (s.strategic !== null && (mode === 'undercut' || mode === 'free')) mode = 'match';
  if (mode === 'exact') {
    if (investor?.active) price = Math.max(price, investor.apiPrice);
    price = Math.min(10_000, Math.max(0, price));
  }
  if (mode !== cur.pricing.mode || (mode === 'exact' && price !== cur.pricing.price))
    cmds.push(
      mode === 'exact' ? { type: 'plan/set-api-price', mode, price } : { type: 'plan/set-api-price', mode },
    );

  // People: grow when the runway is comfortable (not while harvesting), cut when it is short.
  const grow = runway >= p.growRunway && !harvesting;
  const cut = runway < p.cutBelow;
  const hire = (n: number, g: number) => {
    if (grow) return Math.min(500, Math.ceil(n * g));
    if (cut) return -Math.min(n, Math.floor(n * 0.15));
    return 0;
  };
  const hires = {
    researchers: s.pretrainingAbandoned ? 0 : hire(s.staff.researchers, p.growResearchers),
    engineers: hire(s.staff.engineers, p.growEngineers),
    sales: hire(s.staff.sales, p.growSales),
  };
  const payLevel = keep && st.payLevel ? st.payLevel : p.pay;
  const intensity = keep && st.intensity ? st.intensity : p.intensity;
  if (
    hires.researchers !== cur.hires.researchers ||
    hires.engineers !== cur.hires.engineers ||
    hires.sales !== cur.hires.sales ||
    payLevel !== cur.payLevel ||
    intensity !== cur.intensity
  )
    cmds.push({ type: 'people/set', hires, payLevel, intensity });

  if (runway < p.raiseBelow && cur.roundTarget === null && s.round === null) {
    const target = Math.min(1e10, Math.max(1, Math.round(s.valuation * p.raiseMultiple)));
    cmds.push({ type: 'money/open-round', target });
  }
  return cmds;
}

/**
 * The player's commands for this quarter under the strategy: answers to the pending cards (as the
 * autopilot `params.cards` would answer), then what differs from the plan in force (computed on
 * the state the answers leave, so a card's effects on the plan and a new strategic investor's
 * strings are seen), a buy-out accepted if the rule says so (it ends the game: nothing follows),
 * then `quarter/end`. Every command passes the reducer's checks in order (tests/balance.test.ts).
 */
export function strategyCommands(level: Level, state: GameState, params: StrategyParams): Command[] {
  if (state.ending !== null) return [];
  const out: Command[] = [];
  let after = state;
  for (const e of state.pendingEvents) {
    const card = cardById(level, e.card);
    const wanted = card ? (card.policy[params.cards] ?? card.choices[0]!.id) : e.choices[0]!;
    const choiceId = e.choices.includes(wanted) ? wanted : e.choices[0]!;
    const cmd: Command = { type: 'event/answer', eventId: e.id, choiceId };
    const r = applyCommand(level, after, cmd);
    if (!r.ok) throw new Error(`strategy: a card answer was refused: ${r.error.message}`);
    out.push(cmd);
    after = r.state;
    // A choice that sells the company ends the game.
    if (after.ending !== null) return out;
  }
  const s = playerOf(after);
  const plan = planCommands(level, after, s, params);
  for (const o of after.offers) {
    const spend = plan.find((c) => c.type === 'plan/set-spend');
    const runway = projectedRunway(
      level,
      after,
      s,
      spend?.type === 'plan/set-spend' ? spend.amount : s.plan.spend,
    );
    if (o.kind === 'acquisition' && after.turn >= params.sellFrom && runway < params.sellBelow)
      return [...out, { type: 'money/accept-offer', offerId: o.id }];
  }
  out.push(...plan, { type: 'quarter/end' });
  return out;
}

/** How a strategy's game ended. */
export interface StrategyResult {
  state: GameState;
  ending: Ending;
  score: number;
  madeIt: boolean;
  /** Commands applied, in order (a replay's log). */
  log: Command[];
}

/**
 * Plays a whole game with the strategy running the player's company. Throws if the strategy makes a
 * command the rules refuse (a bug in this file: the tests look for one).
 */
export function playStrategy(
  level: Level,
  seed: number,
  company: string,
  params: StrategyParams,
): StrategyResult {
  const created = createGame(level, seed, company);
  if (!created.ok) throw new Error(created.error.message);
  let state = created.state;
  const log: Command[] = [];
  while (state.ending === null) {
    for (const cmd of strategyCommands(level, state, params)) {
      const r = applyCommand(level, state, cmd);
      if (!r.ok) throw new Error(`strategy made an illegal command ${cmd.type}: ${r.error.message}`);
      state = r.state;
      log.push(cmd);
    }
  }
  const ending = state.ending as Ending;
  return { state, ending, score: ending.score, madeIt: ending.kind === 'made-it', log };
}

/** The reducer's refusal of each command of a quarter, applied in order (empty: all legal). */
export function refusals(level: Level, state: GameState, cmds: readonly Command[]): string[] {
  const out: string[] = [];
  let cur = state;
  for (const c of cmds) {
    const err = validateCommand(level, cur, c);
    if (err) {
      out.push(`${c.type}: ${err.code}: ${err.message}`);
      continue;
    }
    cur = applyCommand(level, cur, c).state;
  }
  return out;
}
