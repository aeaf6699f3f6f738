// Deterministic decision rules: the rivals' archetypes, the autopilots a player can hand its
// company to, and big tech's and DeepSeek's pricing. Each reads the state at the start of the
// quarter (none sees the player's plan for this quarter) and returns a plan.

import { cardById, policyChoice } from './cards';
import { companySpec, headcount, payroll, runwayAt } from './economy';
import type { Level } from './level';
import { clamp } from './mathx';
import { defaultPlan, weightsForMarkets } from './plan';
import type { PolicyName } from './policy-names';
import type { Luck, Stream } from './rng';
import { nextUniform, Purpose, pickWeighted, streamOf, uniformInt } from './rng';
import { playerOf } from './shapes';
import type { AppWeights, Command, GameState, Plan, PricingMode, Staff, StartupState } from './types';
import { INTENSITIES, PAY_LEVELS, PRICING_MODES } from './types';

export type { PolicyName } from './policy-names';
export { POLICIES } from './policy-names';
export { bestResponsePrice, decideGiantPrices, goingRate, ownServingCost, startupPrice } from './prices';
export type { ProfileShift } from './profiles';

import type { Profile, ProfileShift } from './profiles';
import { ARCHETYPE_PROFILES, AUTOPILOT_PROFILES, onLevel, shifted } from './profiles';

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
function hiresFor(n: number, growth: number, grow: boolean, shrink: boolean, cap: number): number {
  let h = 0;
  if (grow) h = Math.ceil(n * growth);
  else if (shrink) h = -Math.floor(n * 0.15);
  return clamp(h, -n, cap);
}

/** Runway in quarters if the company spends `x` on top of payroll and last quarter's variable costs. */
function runwayWith(cash: number, x: number, salaries: number, variable: number, revenue: number): number {
  return runwayAt(cash, x + salaries + variable - revenue);
}

/**
 * Whether the profile harvests this turn: from `harvestFrom` on — but a company whose revenue is
 * still below the made-it bar then keeps building until `harvestLate` (when the profile has one),
 * and one that has already stopped training goes on harvesting.
 */
function isHarvesting(level: Level, s: StartupState, p: Profile, turn: number, revenue: number): boolean {
  if (p.harvestFrom === null || turn < p.harvestFrom) return false;
  return (
    revenue >= level.endings.madeItMinRevenue ||
    turn >= (p.harvestLate ?? p.harvestFrom) ||
    (turn > p.harvestFrom && s.plan.pretrainingBp === 0)
  );
}

/** The profile's pretraining share this turn: its cut from `pretrainingCut.from` on, if it has one. */
function pretrainingShare(p: Profile, turn: number): number {
  const cut = p.pretrainingCut;
  return cut !== undefined && turn >= cut.from ? cut.bp : p.pretrainingBp;
}

/**
 * Whether the profile opens a round: while the runway is still comfortable (raiseBelow sits above
 * the runway the budget keeps), but not again before investors would treat it as a normal round:
 * not before the gap has passed, or (raiseToClose) not so early that the round closes before it has.
 */
function opensRound(level: Level, s: StartupState, p: Profile, turn: number, runwayAfter: number): boolean {
  const f = level.market.funding;
  return (
    runwayAfter < p.raiseBelow &&
    s.plan.roundTarget === null &&
    s.round === null &&
    turn + (p.raiseToClose ? f.closeQuarters : 0) - s.lastRoundTurn >= f.minRoundGap
  );
}

function planFromProfile(level: Level, state: GameState, s: StartupState, p: Profile): ProfileDecision {
  const turn = state.turn;
  const rec = lastRecord(state, s.id);
  const revenue = rec ? rec.revenue : 0;
  const variable = rec ? rec.costBy.inference + rec.costBy.customisation : 0;
  const salaries = payroll(level, turn, s);
  const runwayNow = runwayWith(s.cash, s.plan.spend, salaries, variable, revenue);
  const harvesting = isHarvesting(level, s, p, turn, revenue);
  const trails = state.market.bestDomesticQuality - s.quality >= 2;
  const abandon =
    !s.pretrainingAbandoned && p.abandonBelow !== null && runwayNow < p.abandonBelow && trails && turn >= 4;
  const noPretraining = s.pretrainingAbandoned || abandon || harvesting;
  // Not training this quarter (harvesting, pretraining given up, or the profile's cut to 0 %): no
  // researchers hired and a quarter of them let go, from the quarter the training stops.
  const dropResearchers = noPretraining || pretrainingShare(p, turn) === 0;

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
  const cap = p.hireCap ?? MAX_HIRES_PER_ROLE;
  const hires: Staff = {
    researchers: dropResearchers
      ? clamp(-Math.floor(s.staff.researchers * 0.25), -s.staff.researchers, 500)
      : hiresFor(s.staff.researchers, p.growth.researchers, grow, shrink, cap),
    engineers: hiresFor(s.staff.engineers, p.growth.engineers, grow, shrink, cap),
    sales: hiresFor(s.staff.sales, p.growth.sales, grow, shrink, cap),
  };

  // Stances taken through event cards override the archetype's defaults.
  const st = s.stance;
  let pricing: PricingMode = st.pricing?.mode ?? p.pricing;
  // A premium price that no longer sells is dropped for the market price.
  if (pricing === 'premium' && rec && rec.apiTokens > 0 && state.history.length > 0) {
    const h = state.history[state.history.length - 1]!;
    if (rec.apiTokens / Math.max(1, h.apiTokens) < 0.01) pricing = 'match';
  }

  const raising = opensRound(level, s, p, turn, runwayAfter);
  // A strategic investor's string: no undercutting its price.
  if (s.strategic !== null && (pricing === 'undercut' || pricing === 'free')) pricing = 'match';
  const plan: Plan = {
    spend,
    pretrainingBp: noPretraining ? 0 : (st.pretrainingBp ?? pretrainingShare(p, turn)),
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
  const p = ARCHETYPE_PROFILES[spec.archetype];
  const runwayTarget = spec.rivalRunwayTarget;
  return planFromProfile(level, state, s, runwayTarget === undefined ? p : { ...p, runwayTarget });
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
  return planFromProfile(level, state, s, shifted(onLevel(AUTOPILOT_PROFILES[policy], level.quarters), shift))
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
