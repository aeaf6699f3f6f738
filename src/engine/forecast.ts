// Forecasts before the quarter ends: the engine resolves the quarter itself, on the state as the
// player has planned it, under three luck scenarios in place of the seed's draws — every draw that
// is the player's fortune (its hires, attrition, poaching, training run, app shocks, enterprise
// deals, funding round, and the market's API demand and user costs) at the quantile `tail` that
// hurts it, at the median, and at the quantile that helps it; every other draw (the rivals', which
// card comes up) at its median. A forecast never reads the seed's own draws, so it shows what the
// plan leads to under typical and bad or good luck, never this game's future. Each figure's range
// is the lowest and highest of the three scenarios (good luck can raise a cost: more users cost
// more to serve); its middle is the median scenario's.

import { cardById } from './cards';
import { runwayAt } from './economy';
import type { Level } from './level';
import { projectedRunway } from './policies';
import { resolveQuarter } from './quarter';
import { applyCommand } from './reducer';
import type { Luck } from './rng';
import { Purpose } from './rng';
import type { CompanyRecord, GameState, StartupState } from './types';

/** The quantile of each draw in the bad- and good-luck scenarios (and 1 − it). */
export const FORECAST_TAIL = 0.1;

/**
 * Which way each draw helps the company it is for: +1 when a high uniform helps (more demand, a
 * luckier run, no shock), −1 when a low one does (a stochastic round up, fewer leavers, a round
 * that closes), 0 when it is no one's fortune (which card, which bidder) and stays at its median.
 */
const HELPS = {
  [Purpose.cardOffered]: 0,
  [Purpose.cardPick]: 0,
  [Purpose.keyPersonStay]: -1,
  [Purpose.hireFill]: -1,
  [Purpose.attrition]: -1,
  [Purpose.poaching]: -1,
  [Purpose.trainingLuck]: 1,
  [Purpose.apiDemand]: 1,
  [Purpose.cacNoise]: -1,
  [Purpose.appShock]: 1,
  [Purpose.enterpriseNoise]: 1,
  [Purpose.enterpriseDeals]: -1,
  [Purpose.fundingRound]: -1,
  [Purpose.rivalDecision]: 0,
  [Purpose.buyoutBidder]: 0,
  [Purpose.distressExit]: 1,
  [Purpose.autopilot]: 0,
} as const satisfies Record<Purpose, -1 | 0 | 1>;

/** Draws of the whole market (their actor is no company): the player's fortune as well. */
function isMarketDraw(purpose: Purpose): boolean {
  return purpose === Purpose.apiDemand || purpose === Purpose.cacNoise;
}

/** The scenarios in order: bad luck (−1), the median (0), good luck (+1). */
const SIGNS = [-1, 0, 1] as const;

/** The luck of a scenario for the company at index `player`: no draw reads the seed. */
export function scenarioLuck(player: number, sign: -1 | 0 | 1, tail = FORECAST_TAIL): Luck {
  const good = 1 - tail;
  return {
    k0: 0,
    k1: 0,
    fixed: (_turn, purpose, actor) => {
      if (sign === 0 || (actor !== player && !isMarketDraw(purpose))) return 0.5;
      const helps = HELPS[purpose];
      if (helps === 0) return 0.5;
      return helps * sign > 0 ? good : tail;
    },
  };
}

/** A figure's range over the scenarios: the lowest, the median scenario's, the highest. */
export interface Band {
  low: number;
  mid: number;
  high: number;
}

function band(values: readonly number[]): Band {
  return { low: Math.min(...values), mid: values[1]!, high: Math.max(...values) };
}

/** The player's figures at the end of the quarter being planned, at this plan. */
export interface QuarterForecast {
  /** The quarter forecast (the state's turn). */
  turn: number;
  tail: number;
  /** Model quality after this quarter's training (it changes only when a run ends). */
  quality: Band;
  revenue: Band;
  costs: Band;
  operatingProfit: Band;
  funding: Band;
  cash: Band;
  /** Runway after the quarter at its burn (NOT_BURNING when profitable). */
  runway: Band;
  valuation: Band;
  domesticUsers: Band;
  overseasUsers: Band;
  enterpriseProjects: Band;
  /** A funding round under way or opened in the plan; null when there is none. */
  round: RoundOutlook | null;
}

/** A funding round's prospects: when investors decide, their odds, and what it would raise. */
export interface RoundOutlook {
  target: number;
  /** The turn at whose end investors decide. */
  closesTurn: number;
  /** False when the game ends (or the company is gone) before then: the rest is then null. */
  decided: boolean;
  /** Investors' chance to close, 0..1. */
  chance: Band | null;
  /** Pre-money price, amount raised, founders' dilution (basis points), fee: as if it closes. */
  price: Band | null;
  amount: Band | null;
  dilutionBp: Band | null;
  fee: Band | null;
}

interface Outcome {
  next: GameState;
  rec: CompanyRecord;
  me: StartupState;
}

const playerIndex = (state: GameState) => state.startups.findIndex((s) => s.id === state.playerId);

/**
 * The quarter being planned, resolved under the three scenarios (bad, median, good luck at
 * quantile `tail`); null once the game is over. Pure: the state is not touched.
 */
export function forecastQuarter(
  level: Level,
  state: GameState,
  tail = FORECAST_TAIL,
): QuarterForecast | null {
  if (state.ending !== null) return null;
  const i = playerIndex(state);
  const lucks = SIGNS.map((sign) => scenarioLuck(i, sign, tail));
  const outcomes: Outcome[] = lucks.map((luck) => {
    const next = resolveQuarter(level, state, luck);
    return { next, rec: next.history[next.history.length - 1]!.companies[i]!, me: next.startups[i]! };
  });
  const of = (f: (o: Outcome) => number) => band(outcomes.map(f));
  const revenue = of((o) => o.rec.revenue);
  const costs = of((o) => o.rec.costs);
  const funding = of((o) => o.rec.funding);
  // Profit, cash and runway combine the ranges of revenue, costs and funding by the books'
  // identities (cash(t+1) = cash(t) + revenue − costs + funding): good luck raises revenue and the
  // costs of serving it together, so one scenario's profit would not span what luck can do to it.
  const cash0 = state.startups[i]!.cash;
  const mid = outcomes[1]!.rec;
  const operatingProfit = {
    low: revenue.low - costs.high,
    mid: mid.operatingProfit,
    high: revenue.high - costs.low,
  };
  const cash = {
    low: cash0 + operatingProfit.low + funding.low,
    mid: mid.cash,
    high: cash0 + operatingProfit.high + funding.high,
  };
  return {
    turn: state.turn,
    tail,
    quality: of((o) => o.me.quality),
    revenue,
    costs,
    operatingProfit,
    funding,
    cash,
    runway: {
      low: runwayAt(cash.low, -operatingProfit.low),
      mid: runwayAt(mid.cash, -mid.operatingProfit),
      high: runwayAt(cash.high, -operatingProfit.high),
    },
    valuation: of((o) => o.rec.valuation),
    domesticUsers: of((o) => o.rec.domesticUsers),
    overseasUsers: of((o) => o.rec.overseasUsers),
    enterpriseProjects: of((o) => o.rec.enterpriseProjects),
    round: roundOutlook(level, state, i, outcomes, lucks),
  };
}

/**
 * The player's round: the one under way, or the one the plan opens (investors decide
 * closeQuarters later). Each scenario plays on, the plan kept, to the quarter investors decide in.
 */
function roundOutlook(
  level: Level,
  state: GameState,
  i: number,
  outcomes: readonly Outcome[],
  lucks: readonly Luck[],
): RoundOutlook | null {
  const me = state.startups[i]!;
  const target = me.round ? me.round.target : me.plan.roundTarget;
  if (target === null) return null;
  const closesTurn = me.round ? me.round.closesTurn : state.turn + level.market.funding.closeQuarters;
  const rounds = outcomes.map((o, k) => {
    let next = o.next;
    for (let turn = state.turn + 1; turn <= closesTurn && next.ending === null; turn++)
      next = resolveQuarter(level, next, lucks[k]);
    const rec = next.history[next.history.length - 1]!;
    return rec.turn === closesTurn ? (rec.companies[i]!.flows?.round ?? null) : null;
  });
  const decided = rounds.every((r) => r !== null);
  const of = (f: (r: NonNullable<(typeof rounds)[number]>) => number) =>
    decided ? band(rounds.map((r) => f(r!))) : null;
  return {
    target,
    closesTurn,
    decided,
    chance: of((r) => r.chance),
    price: of((r) => r.price),
    amount: of((r) => r.amount),
    dilutionBp: of((r) => r.dilutionBp),
    fee: of((r) => r.fee),
  };
}

/** Effect kinds that move money when a card is answered. */
const MONEY_EFFECTS = new Set(['strategic', 'investment', 'income', 'cost', 'enterpriseDeal']);
/** Effect kinds whose outcome is drawn (a key person's answer) or that end the game: no outlook. */
const NO_OUTLOOK = new Set(['keyPersonOffer', 'sell']);

/** What a card's choice does to the company's money now, and the quarter it leads to. */
export interface ChoiceOutlook {
  choice: string;
  /** Cash once the choice's money is booked (at the quarter's end), 万元. */
  cash: number;
  /** Cloud credits (they pay for compute first). */
  credits: number;
  ownershipBp: number;
  /** Runway at this plan with that cash (as the dashboard's runway at plan). */
  runway: number;
  forecast: QuarterForecast | null;
}

/**
 * For a pending card whose choices move money (a strategic deal, an investment, a cost), each
 * choice's effect on cash, credits, ownership and runway now, and its quarter's forecast; null for
 * a choice whose outcome is drawn or that sells the company. Null when the card moves no money.
 */
export function dealOutlook(
  level: Level,
  state: GameState,
  eventId: string,
): (ChoiceOutlook | null)[] | null {
  const ev = state.pendingEvents.find((e) => e.id === eventId);
  const card = ev ? cardById(level, ev.card) : undefined;
  if (!ev || !card?.choices.some((c) => c.effects.some((e) => MONEY_EFFECTS.has(e.kind)))) return null;
  return ev.choices.map((choice) => {
    const spec = card.choices.find((c) => c.id === choice);
    if (!spec || spec.effects.some((e) => NO_OUTLOOK.has(e.kind))) return null;
    const r = applyCommand(level, state, { type: 'event/answer', eventId, choiceId: choice });
    if (!r.ok) return null;
    const i = playerIndex(r.state);
    const me = r.state.startups[i]!;
    const books = me.eventBooks;
    const cash = me.cash + books.income - books.cost + books.funding;
    const spend = Math.min(me.plan.spend, Math.max(0, me.cash));
    return {
      choice,
      cash,
      credits: me.credits,
      ownershipBp: me.ownershipBp,
      runway: projectedRunway(level, r.state, { ...me, cash }, spend),
      forecast: forecastQuarter(level, r.state),
    };
  });
}
