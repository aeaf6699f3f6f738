// Playing the parametrised strategy: the quarter's commands for the player's company (the answers to
// the pending cards, what differs from the plan in force, a buy-out accepted by the rule, then
// `quarter/end`), a whole game, and the reducer's refusals of a quarter's commands for the tests.

import {
  applyCommand,
  cardById,
  createGame,
  economy,
  playerOf,
  projectedRunway,
  validateCommand,
} from '../../engine/index';
import type { Level } from '../../engine/level';
import { weightsForMarkets } from '../../engine/plan';
import type { AppWeights, Command, Ending, GameState, PricingMode, StartupState } from '../../engine/types';
import type { StrategyParams } from './params';
import { pretrainingBpAt } from './params';

function lastRecord(state: GameState, id: string) {
  const h = state.history[state.history.length - 1];
  return h?.companies.find((c) => c.id === id);
}

/** The quarter's budget under the strategy, and the runway it leaves. */
interface Budget {
  spend: number;
  runway: number;
  harvesting: boolean;
}

function budgetOf(level: Level, state: GameState, s: StartupState, p: StrategyParams): Budget {
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
  return { spend, runway: burn <= 0 ? 99 : cash / burn, harvesting };
}

/** The plan-changing commands of the quarter for the player's company `s` in `state`. */
function planCommands(level: Level, state: GameState, s: StartupState, p: StrategyParams): Command[] {
  const budget = budgetOf(level, state, s, p);
  const cur = s.plan;
  const cmds: Command[] = [];
  // A negative cash (cards' costs booked at the end) admits no spend at all: leave the plan's.
  if (budget.spend !== cur.spend && budget.spend <= s.cash)
    cmds.push({ type: 'plan/set-spend', amount: budget.spend });
  const split = splitCommand(level, state.turn, s, p);
  const price = priceCommand(level, state, s, p);
  const people = peopleCommand(s, p, budget, state.turn);
  for (const c of [split, price, people]) if (c) cmds.push(c);
  if (
    budget.runway < p.raiseBelow &&
    cur.roundTarget === null &&
    s.round === null &&
    state.turn - s.lastRoundTurn >= p.roundGap
  ) {
    const target = Math.min(1e10, Math.max(1, Math.round(s.valuation * p.raiseMultiple)));
    cmds.push({ type: 'money/open-round', target });
  }
  return cmds;
}

/** The split between pretraining and the applications, when it differs from the plan's. */
function splitCommand(level: Level, turn: number, s: StartupState, p: StrategyParams): Command | null {
  const st = s.stance;
  const keep = p.keepStances === 1;
  const cur = s.plan;
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
    return { type: 'plan/set-split', pretrainingBp, appWeights: w };
  return null;
}

/**
 * The API price, when it differs from the plan's: a stance taken through a card, or the rule; a
 * strategic investor allows no undercut.
 */
function priceCommand(level: Level, state: GameState, s: StartupState, p: StrategyParams): Command | null {
  const st = s.stance;
  const keep = p.keepStances === 1;
  const cur = s.plan;
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
    return mode === 'exact'
      ? { type: 'plan/set-api-price', mode, price }
      : { type: 'plan/set-api-price', mode };
  return null;
}

/** People: grow when the runway is comfortable (not while harvesting), cut when it is short. */
function peopleCommand(s: StartupState, p: StrategyParams, budget: Budget, turn: number): Command | null {
  const st = s.stance;
  const keep = p.keepStances === 1;
  const cur = s.plan;
  const grow = budget.runway >= p.growRunway && !budget.harvesting;
  const cut = budget.runway < p.cutBelow;
  const hire = (n: number, g: number) => {
    if (grow) return Math.min(p.hireCap, Math.ceil(n * g));
    if (cut) return -Math.min(n, Math.floor(n * 0.15));
    return 0;
  };
  const hires = {
    // Not pretraining this quarter: the researchers are let go at the strategy's rate.
    researchers:
      s.pretrainingAbandoned || pretrainingBpAt(p, turn) === 0
        ? -Math.min(s.staff.researchers, Math.floor(s.staff.researchers * p.dropResearchers))
        : hire(s.staff.researchers, p.growResearchers),
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
    return { type: 'people/set', hires, payLevel, intensity };
  return null;
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
