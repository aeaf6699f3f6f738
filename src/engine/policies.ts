// Deterministic decision rules: the rivals' archetypes, the autopilots a player can hand its
// company to, and big tech's and DeepSeek's pricing. Each reads the state at the start of the
// quarter (none sees the player's plan for this quarter) and returns a plan.

import { cardById, policyChoice } from './cards';
import {
  at,
  companySpec,
  giantServingCost,
  headcount,
  payroll,
  runwayAt,
  startupServingCost,
} from './economy';
import type { Archetype, Level } from './level';
import { clamp } from './mathx';
import { defaultPlan, weightsForMarkets } from './plan';
import type { PolicyName } from './policy-names';
import type { Luck, Stream } from './rng';
import { nextUniform, Purpose, pickWeighted, streamOf, uniformInt } from './rng';
import { playerOf } from './shapes';
import type {
  AppWeights,
  Command,
  GameState,
  GiantState,
  Intensity,
  PayLevel,
  Plan,
  PricingMode,
  Staff,
  StartupState,
} from './types';
import { INTENSITIES, PAY_LEVELS, PRICING_MODES } from './types';

export type { PolicyName } from './policy-names';
export { POLICIES } from './policy-names';

interface Profile {
  /** Pretraining share of the spend while the company still trains, basis points. */
  pretrainingBp: number;
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
  /** Share of staff hired per healthy quarter, per role. */
  growth: Staff;
  /** The round it opens, as a share of its valuation (0.2 when absent). */
  raiseShare?: number;
  /** While harvesting, the share of the operating margin it still spends (0.8 when absent). */
  harvestShare?: number;
  /** All-in racing: the spend grows by this factor a quarter, whatever the runway (0: off). */
  escalate?: number;
  /** All-in racing: at least this share of the cash is spent every quarter. */
  minBurnShare?: number;
  /**
   * For a company that buys users abroad dearly (its overseasCacFactor above `above`), these app
   * weights instead of `weights`.
   */
  dearAbroad?: { above: number; weights: AppWeights };
}

/** The profile as it applies to one company (the app weights of one that buys users abroad dearly). */
function profileFor(level: Level, s: StartupState, p: Profile): Profile {
  const dear = p.dearAbroad;
  if (!dear) return p;
  const factor = level.companies.find((c) => c.id === s.id)?.overseasCacFactor ?? 1;
  return factor > dear.above ? { ...p, weights: dear.weights } : p;
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

function shifted(p: Profile, shift: ProfileShift | undefined): Profile {
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

const ARCHETYPE_PROFILES: Record<Archetype, Profile> = {
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

const AUTOPILOT_PROFILES: Record<Exclude<PolicyName, 'random'>, Profile> = {
  // Half the spend on pretraining until 2025Q3, with a research team that grows as fast as the
  // cash allows; the app budget goes abroad, where users pay, with a tenth to enterprise deals and
  // the sales team they need — unless the company buys users abroad dearly (Zhipu), which sends
  // a fifth to enterprise deals and keeps a little at home and on the API. A lean budget (two
  // quarters of runway), a round of 45 % of the valuation when runway falls below six, and from
  // 2025Q3 a budget paid from revenue that spends a tenth of the margin and keeps the rest: the
  // profitable year that making it needs. (Tuned on seeds 1–40 of historical-2023 v4, confirmed
  // on 1001–1100: docs/balance.md.)
  balanced: {
    pretrainingBp: 5000,
    weights: w(0, 90, 10, 0),
    dearAbroad: { above: 1.5, weights: w(5, 70, 20, 5) },
    pricing: 'match',
    pay: 'market',
    intensity: 'normal',
    runwayTarget: 2,
    raiseBelow: 6,
    abandonBelow: null,
    harvestFrom: 10,
    growth: { researchers: 0.5, engineers: 0.6, sales: 1 },
    raiseShare: 0.45,
    harvestShare: 0.1,
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

function lastRecord(state: GameState, id: string) {
  const h = state.history[state.history.length - 1];
  if (!h) return undefined;
  // Records are kept in the order of the startups; fall back to a search if a level reorders.
  let i = 0;
  while (i < state.startups.length && state.startups[i]!.id !== id) i++;
  const rec = h.companies[i];
  return rec && rec.id === id ? rec : h.companies.find((c) => c.id === id);
}

/** Runway in quarters if the company spends `spend` on top of payroll, with last quarter's revenue. */
export function projectedRunway(level: Level, state: GameState, s: StartupState, spend: number): number {
  const rec = lastRecord(state, s.id);
  const revenue = rec ? rec.revenue : 0;
  const variable = rec ? rec.costBy.inference + rec.costBy.customisation : 0;
  return runwayAt(s.cash, spend + payroll(level, state.turn, s) + variable - revenue);
}

interface ProfileDecision {
  plan: Plan;
  abandonPretraining: boolean;
}

/** The most people an autopilot or a rival hires into one role in a quarter (a recruiting team's capacity). */
const MAX_HIRES_PER_ROLE = 40;

/** A role's hires: grow by the profile's rate when the runway is comfortable, cut 15 % when it is short. */
function hiresFor(n: number, growth: number, grow: boolean, shrink: boolean): number {
  let h = 0;
  if (grow) h = Math.ceil(n * growth);
  else if (shrink) h = -Math.floor(n * 0.15);
  return clamp(h, -n, MAX_HIRES_PER_ROLE);
}

/** Runway in quarters if the company spends `x` on top of payroll and last quarter's variable costs. */
function runwayWith(cash: number, x: number, salaries: number, variable: number, revenue: number): number {
  return runwayAt(cash, x + salaries + variable - revenue);
}

function planFromProfile(level: Level, state: GameState, s: StartupState, p: Profile): ProfileDecision {
  const turn = state.turn;
  const rec = lastRecord(state, s.id);
  const revenue = rec ? rec.revenue : 0;
  const variable = rec ? rec.costBy.inference + rec.costBy.customisation : 0;
  const salaries = payroll(level, turn, s);
  const runwayNow = runwayWith(s.cash, s.plan.spend, salaries, variable, revenue);
  const harvesting = p.harvestFrom !== null && turn >= p.harvestFrom;
  const trails = state.market.bestDomesticQuality - s.quality >= 2;
  const abandon =
    !s.pretrainingAbandoned && p.abandonBelow !== null && runwayNow < p.abandonBelow && trails && turn >= 4;
  const noPretraining = s.pretrainingAbandoned || abandon || harvesting;

  let spend: number;
  // A harvester already in profit stays there (a burst of spending would undo the profitable year
  // that making it needs), even when its revenue dips below the bar.
  const inProfit = rec !== undefined && rec.operatingProfit >= 0 && turn > (p.harvestFrom ?? 0);
  if (harvesting && (revenue >= level.endings.madeItMinRevenue || inProfit)) {
    // Paid from revenue: keep the operating result just above zero. (Below the revenue that counts
    // as a business, a harvester not yet in profit keeps investing in its apps at the runway target.)
    spend = Math.floor((revenue - salaries - variable) * (p.harvestShare ?? 0.8));
  } else if (p.escalate) {
    // Each generation needs several times the compute of the last: the race does not wait for cash.
    const start = Math.floor(companySpec(level, s.id).cash / p.runwayTarget);
    spend = Math.max(
      Math.floor(s.plan.spend * p.escalate),
      start,
      Math.floor(s.cash * (p.minBurnShare ?? 0)),
    );
  } else {
    spend = Math.floor(s.cash / p.runwayTarget) - salaries - variable + revenue;
  }
  spend = clamp(spend, 0, Math.max(0, s.cash));

  // People: grow when the runway is comfortable (six quarters, or the runway the profile keeps if
  // that is shorter), shrink when it is short. "At least", not "more than": a budget set for a
  // six-quarter runway leaves cash/⌊cash/6⌋, exactly 6 whenever the cash is a multiple of 6 万元,
  // and a strict test made hiring hang on that.
  const runwayAfter = runwayWith(s.cash, spend, salaries, variable, revenue);
  const grow = runwayAfter >= Math.min(6, p.runwayTarget) && !harvesting;
  const shrink = runwayAfter < 2.5;
  const hires: Staff = {
    researchers: noPretraining
      ? clamp(-Math.floor(s.staff.researchers * 0.25), -s.staff.researchers, 500)
      : hiresFor(s.staff.researchers, p.growth.researchers, grow, shrink),
    engineers: hiresFor(s.staff.engineers, p.growth.engineers, grow, shrink),
    sales: hiresFor(s.staff.sales, p.growth.sales, grow, shrink),
  };

  // Stances taken through event cards override the archetype's defaults.
  const st = s.stance;
  let pricing: PricingMode = st.pricing?.mode ?? p.pricing;
  // A premium price that no longer sells is dropped for the market price.
  if (pricing === 'premium' && rec && rec.apiTokens > 0 && state.history.length > 0) {
    const h = state.history[state.history.length - 1]!;
    if (rec.apiTokens / Math.max(1, h.apiTokens) < 0.01) pricing = 'match';
  }

  // Raise while the runway is still comfortable (raiseBelow sits above the runway the budget
  // keeps), but not again before investors would treat it as a normal round.
  const raising =
    runwayAfter < p.raiseBelow &&
    s.plan.roundTarget === null &&
    s.round === null &&
    turn - s.lastRoundTurn >= level.market.funding.minRoundGap;
  // A strategic investor's string: no undercutting its price.
  if (s.strategic !== null && (pricing === 'undercut' || pricing === 'free')) pricing = 'match';
  const plan: Plan = {
    spend,
    pretrainingBp: noPretraining ? 0 : (st.pretrainingBp ?? p.pretrainingBp),
    appWeights: weightsForMarkets(level, st.appWeights ?? p.weights),
    pricing: { mode: pricing, price: pricing === 'exact' ? (st.pricing?.price ?? 0) : 0 },
    hires,
    payLevel: st.payLevel ?? p.pay,
    intensity: st.intensity ?? p.intensity,
    roundTarget: raising ? Math.max(1, Math.round(s.valuation * (p.raiseShare ?? 0.2))) : null,
  };
  return { plan, abandonPretraining: abandon };
}

/** A rival startup's plan for this quarter, by its archetype (no luck in it). */
export function rivalPlan(level: Level, state: GameState, s: StartupState): ProfileDecision {
  const spec = companySpec(level, s.id);
  return planFromProfile(level, state, s, ARCHETYPE_PROFILES[spec.archetype]);
}

/** A startup's API price from its pricing mode, against last quarter's market price. */
export function startupPrice(level: Level, state: GameState, s: StartupState): number {
  const price = modePrice(level, state, s);
  // A strategic investor's string: never below the investor's own price.
  const investor = s.strategic !== null ? state.giants.find((g) => g.id === s.strategic) : undefined;
  return investor?.active ? Math.max(price, investor.apiPrice) : price;
}

function modePrice(level: Level, state: GameState, s: StartupState): number {
  const a = level.market.api;
  const going = goingRate(level, state, s);
  switch (s.plan.pricing.mode) {
    // Premium, match and undercut never price below the company's own serving cost: selling below
    // it is a choice the player makes explicitly (free, or an exact price).
    case 'premium':
      return Math.max(going * a.premiumFactor, ownServingCost(level, state, s));
    case 'match':
      return Math.max(going, ownServingCost(level, state, s));
    case 'undercut':
      return Math.max(going * a.undercutFactor, ownServingCost(level, state, s));
    case 'free':
      return 0;
    case 'exact':
      return s.plan.pricing.price;
  }
}

/** A startup's serving cost this quarter, ¥ per million tokens. */
export function ownServingCost(level: Level, state: GameState, s: StartupState): number {
  let i = state.startups.indexOf(s);
  if (i < 0 || level.companies[i]?.id !== s.id) i = level.companies.findIndex((c) => c.id === s.id);
  return startupServingCost(level, state.turn, i);
}

/**
 * The going rate a startup prices against: last quarter's demand-weighted market price, or the
 * cheapest comparable priced big-tech or DeepSeek offer when that is lower (what "matching"
 * meant in May 2024).
 */
export function goingRate(level: Level, state: GameState, s: StartupState): number {
  let rate = Math.max(state.market.refPrice, level.market.api.minRefPrice);
  // Free tiers are another product (small models); matching means matching a priced offer.
  for (const g of state.giants)
    if (g.active && g.apiPrice > 0 && g.quality >= s.quality - 10) rate = Math.min(rate, g.apiPrice);
  return rate;
}

/**
 * Big tech's prices emerge from their serving cost c, the cloud margin m each million tokens brings
 * (the cross-subsidy) and competition: a provider that maximises (p − c + m)·s(p) in a logit market
 * with log-price utility prices at p* = (c − m)·e/(e − 1), e = α(1 − s) its own price elasticity
 * (s its last share). When c − m ≤ 0 every token sold pays and it prices at its floor; when e ≤ 1 a
 * cut would not pay and it keeps its list price. List prices are never raised once cut. DeepSeek (no
 * cloud) prices at cost plus its markup. Writes into the (copied) giants of the new quarter.
 */
export function decideGiantPrices(level: Level, state: GameState, giants: GiantState[]): void {
  const turn = state.turn;
  const a = level.market.api;
  const subsidy = at(level.macro.cloudSubsidy, turn);
  const last = state.history[state.history.length - 1];
  for (let j = 0; j < giants.length; j++) {
    const spec = level.giants[j]!;
    const g = giants[j]!;
    if (turn < spec.entersTurn) continue;
    const c = giantServingCost(level, turn, j);
    if (!spec.cloud) {
      // Cost plus a markup from its entry, never raised once cut.
      const costPlus = c * (1 + spec.markup);
      g.apiPrice = turn === spec.entersTurn ? costPlus : Math.min(g.apiPrice, costPlus);
      continue;
    }
    if (turn === spec.entersTurn) {
      g.apiPrice = spec.launchPrice;
      continue;
    }
    g.apiPrice = Math.min(
      g.apiPrice,
      Math.max(
        a.priceFloor,
        bestResponsePrice(a.alpha, c - subsidy, last?.giants[j]?.apiShare ?? 0, g.apiPrice),
      ),
    );
  }
}

/**
 * The profit-maximising price in a log-price logit market at a net unit cost `netCost` (serving cost
 * minus cloud gain) and last share `share`; `list` when a cut would not pay; 0 when every token pays.
 */
export function bestResponsePrice(alpha: number, netCost: number, share: number, list: number): number {
  if (netCost <= 0) return 0;
  const e = alpha * (1 - Math.min(0.9, share));
  if (e <= 1) return list;
  return (netCost * e) / (e - 1);
}

// ---------------------------------------------------------------------------------------
// Autopilots for the player's company.

// The random autopilot draws in a fixed order from its own keys: (its luck, the quarter, n), so the
// n-th choice of a quarter is the same whatever the earlier quarters held.

/** A random autopilot's luck: keys of the game seed salted by the run's variant (game.ts autopilotRng). */
export type AutopilotLuck = Luck;

const randomInt = (st: Stream, lo: number, hi: number) => uniformInt(nextUniform(st), lo, hi);

function randomWeights(st: Stream): AppWeights {
  const a = randomInt(st, 0, 100);
  const b = randomInt(st, 0, 100 - a);
  const c = randomInt(st, 0, 100 - a - b);
  return { domestic: a, overseas: b, enterprise: c, api: 100 - a - b - c };
}

function randomPlan(level: Level, s: StartupState, st: Stream): Plan {
  const plan = defaultPlan();
  plan.spend = Math.floor((s.cash * randomInt(st, 0, 40)) / 100);
  plan.pretrainingBp = randomInt(st, 0, 100) * 100;
  plan.appWeights = weightsForMarkets(level, randomWeights(st));
  let mode = PRICING_MODES[pickWeighted(nextUniform(st), [3, 3, 3, 1, 1])]!;
  if (s.strategic !== null && mode !== 'premium') mode = 'match';
  plan.pricing = { mode, price: mode === 'exact' ? randomInt(st, 0, 2000) / 10 : 0 };
  for (const role of ['researchers', 'engineers', 'sales'] as const) {
    const n = s.staff[role];
    plan.hires[role] = randomInt(st, -Math.floor(n * 0.1), Math.ceil(n * 0.1) + 2);
  }
  plan.payLevel = PAY_LEVELS[randomInt(st, 0, PAY_LEVELS.length - 1)]!;
  plan.intensity = INTENSITIES[randomInt(st, 0, INTENSITIES.length - 1)]!;
  plan.roundTarget =
    nextUniform(st) < 0.25 && s.round === null ? Math.max(1, Math.round(s.valuation * 0.15)) : null;
  return plan;
}

/** The random autopilot's draws for this quarter (a fresh stream: index 0 first). */
function autopilotStream(state: GameState, luck: AutopilotLuck): Stream {
  return streamOf(luck, state.turn, Purpose.autopilot, 0);
}

/** The plan an autopilot would make for the player's company this quarter. */
export function autopilotPlan(level: Level, state: GameState, policy: PolicyName, luck: AutopilotLuck): Plan {
  return planWithStream(level, state, policy, autopilotStream(state, luck), undefined);
}

function planWithStream(
  level: Level,
  state: GameState,
  policy: PolicyName,
  st: Stream,
  shift: ProfileShift | undefined,
): Plan {
  const s = playerOf(state);
  if (policy === 'random') return randomPlan(level, s, st);
  return planFromProfile(level, state, s, shifted(profileFor(level, s, AUTOPILOT_PROFILES[policy]), shift))
    .plan;
}

/**
 * The player's commands for this quarter under an autopilot (shifted, for a par reference run):
 * only what differs from the plan in force, then offers and event cards by the policy, then the
 * end of the quarter.
 */
export function autopilotCommands(
  level: Level,
  state: GameState,
  policy: PolicyName,
  luck: AutopilotLuck,
  shift?: ProfileShift,
): Command[] {
  const s = playerOf(state);
  // One stream for the whole quarter's choices: the plan's draws first, then offers and cards.
  const st = autopilotStream(state, luck);
  const plan = planWithStream(level, state, policy, st, shift);
  const cur = s.plan;
  const cmds: Command[] = [];
  if (plan.spend !== cur.spend) cmds.push({ type: 'plan/set-spend', amount: plan.spend });
  const wa = plan.appWeights;
  const wb = cur.appWeights;
  if (
    plan.pretrainingBp !== cur.pretrainingBp ||
    wa.domestic !== wb.domestic ||
    wa.overseas !== wb.overseas ||
    wa.enterprise !== wb.enterprise ||
    wa.api !== wb.api
  )
    cmds.push({ type: 'plan/set-split', pretrainingBp: plan.pretrainingBp, appWeights: wa });
  if (
    plan.pricing.mode !== cur.pricing.mode ||
    (plan.pricing.mode === 'exact' && plan.pricing.price !== cur.pricing.price)
  )
    cmds.push({ type: 'plan/set-api-price', mode: plan.pricing.mode, price: plan.pricing.price });
  const h = plan.hires;
  if (
    h.researchers ||
    h.engineers ||
    h.sales ||
    plan.payLevel !== cur.payLevel ||
    plan.intensity !== cur.intensity
  )
    cmds.push({ type: 'people/set', hires: h, payLevel: plan.payLevel, intensity: plan.intensity });
  if (plan.roundTarget !== null && cur.roundTarget === null && s.round === null)
    cmds.push({ type: 'money/open-round', target: plan.roundTarget });
  for (const o of state.offers) {
    const runway = projectedRunway(level, state, s, plan.spend);
    const sell = policy === 'random' ? nextUniform(st) < 0.3 : runway < 0.8 && headcount(s) > 0;
    // Selling ends the game at once: nothing may follow it.
    if (sell) return [...cmds, { type: 'money/accept-offer', offerId: o.id }];
  }
  // Cards first (their effects may touch the plan), then the plan commands.
  const answers: Command[] = [];
  for (const e of state.pendingEvents) {
    const card = cardById(level, e.card);
    const choice =
      policy === 'random' || !card
        ? e.choices[randomInt(st, 0, e.choices.length - 1)]!
        : policyChoice(card, policy);
    answers.push({ type: 'event/answer', eventId: e.id, choiceId: choice });
    const sells = card?.choices.find((c) => c.id === choice)?.effects.some((x) => x.kind === 'sell');
    if (sells) return answers;
  }
  // A card just taken may tie the company to a strategic investor, who forbids undercutting:
  // then the plan's price command (computed before the answer) must not undercut either.
  const tiedNow = state.pendingEvents.some((e, k) => {
    const card = cardById(level, e.card);
    const answer = answers[k];
    const choiceId = answer?.type === 'event/answer' ? answer.choiceId : '';
    return card?.choices.find((c) => c.id === choiceId)?.effects.some((x) => x.kind === 'strategic') ?? false;
  });
  if (tiedNow || s.strategic !== null) {
    const i = cmds.findIndex((c) => c.type === 'plan/set-api-price');
    const c = cmds[i];
    if (c?.type === 'plan/set-api-price' && c.mode !== 'premium' && c.mode !== 'match')
      cmds[i] = { type: 'plan/set-api-price', mode: 'match' };
  }
  cmds.unshift(...answers);
  cmds.push({ type: 'quarter/end' });
  return cmds;
}
