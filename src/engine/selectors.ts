// Derived figures: computed from the state when asked, never stored twice (the state stays
// minimal, and a derived value can never disagree with what it derives from).

import { equityPart, fameHonourOf, madeItHonourOf, runwayAt, timesUpFactor } from './economy';
import type { Level } from './level';
import { madeItTest, profitBefore, streakMadeIt, windowBefore } from './quarter/made-it';
import { playerOf } from './shapes';
import type { CompanyRecord, EndingKind, GameState, QuarterRecord, StartupState } from './types';

function lastRecord(state: GameState, id: string): CompanyRecord | undefined {
  const h = state.history[state.history.length - 1];
  return h?.companies.find((c) => c.id === id);
}

/** Net burn of the last quarter (万元): costs − revenue, 0 when profitable. */
export function netBurn(state: GameState, id: string): number {
  const rec = lastRecord(state, id);
  return rec ? Math.max(0, rec.costs - rec.revenue) : 0;
}

/** Runway in quarters: cash ÷ last quarter's net burn; NOT_BURNING (99) when not burning. */
export function runwayQuarters(state: GameState, id: string): number {
  const s = state.startups.find((c) => c.id === id);
  if (!s) return 0;
  return runwayAt(s.cash, netBurn(state, id));
}

/**
 * Burn multiple: net burn ÷ net new revenue over the last quarter (how many 万元 burned for each
 * 万元 of revenue added). Infinity when revenue did not grow; 0 when not burning.
 */
export function burnMultiple(state: GameState, id: string): number {
  const n = state.history.length;
  const cur = state.history[n - 1]?.companies.find((c) => c.id === id);
  const prev = state.history[n - 2]?.companies.find((c) => c.id === id);
  if (!cur) return 0;
  const burn = Math.max(0, cur.costs - cur.revenue);
  if (burn === 0) return 0;
  const added = cur.revenue - (prev ? prev.revenue : 0);
  return added > 0 ? burn / added : Number.POSITIVE_INFINITY;
}

export interface ApiShare {
  id: string;
  share: number;
}

/** API market shares of a quarter: every provider and the outside option; they sum to 1. */
export function apiMarketShares(record: QuarterRecord): { providers: ApiShare[]; outside: number } {
  const providers: ApiShare[] = [];
  for (const c of record.companies)
    providers.push({
      id: c.id,
      share: record.apiTokens > 0 ? (c.apiTokens / record.apiTokens) * (1 - record.outsideShare) : 0,
    });
  for (const g of record.giants) providers.push({ id: g.id, share: g.apiShare });
  return { providers, outside: record.outsideShare };
}

/** Founders' stake at today's valuation mark, 万元. */
export function founderEquity(s: StartupState): number {
  return Math.round((s.valuation * s.ownershipBp) / 10_000);
}

/**
 * What the founders' shares are priced at in the score: the valuation (made it), the valuation
 * discounted for a short runway (time's up), the sale price (acquired), nothing (out of money), or
 * today's mark (a game not yet over, whose "score" is its equity so far: scoreOf).
 */
export type ScoreBasis = 'valuation' | 'runway-discounted' | 'sale' | 'nothing' | 'mark';

/**
 * The parts of the score (scoreOf; state.ending.score once the game is over), all whole 万元:
 * equity + madeItHonour + fameHonour === honours + equity === total, exactly.
 */
export interface ScoreParts {
  /** How the game ended; null while it is not over. */
  kind: EndingKind | null;
  basis: ScoreBasis;
  /**
   * The value of the whole company the founders' share is taken of, 万元. For a sale it is the
   * price implied by the equity part (the state keeps no sale price): within 10 000 ÷ (2 ×
   * ownershipBp) + ½ 万元 of the price paid, and its founders' share is the equity part exactly.
   */
  value: number;
  /** Time's up: the share of the valuation counted for the runway left (1 with a full runway). 1 otherwise. */
  runwayFactor: number;
  /** The valuation the value was taken from (time's up, made it, mark); the implied price for a sale; 0 out of money. */
  valuation: number;
  /** The founders' share, basis points. */
  ownershipBp: number;
  /** The founders' share of the value, 万元. */
  equity: number;
  /** The made-it honour, 万元 (0 when the company did not make it). */
  madeItHonour: number;
  /** Quarters of frontier fame, and their honour (万元). */
  fameQuarters: number;
  fameHonour: number;
  /** madeItHonour + fameHonour. */
  honours: number;
  /** equity + honours: the score. */
  total: number;
}

/**
 * Takes the score apart, from the state alone: the same functions as the score (equityScore,
 * timesUpFactor) on the figures it was computed from. The parts sum to scoreOf exactly; for a sale
 * the equity part is what the score leaves after the honours (the price is not kept in the state).
 */
export function scoreParts(level: Level, state: GameState): ScoreParts {
  if (state.keptScore !== null) return keptParts(level, state, state.keptScore);
  const me = playerOf(state);
  const ending = state.ending;
  const madeIt = madeItHonourOf(level, me);
  const fame = fameHonourOf(level, me);
  const honours = madeIt + fame;
  let basis: ScoreBasis;
  let valuation = me.valuation;
  let runwayFactor = 1;
  let value: number;
  let equity: number;
  if (ending?.kind === 'acquired') {
    basis = 'sale';
    equity = ending.score - honours;
    value = me.ownershipBp > 0 ? Math.round((equity * 10_000) / me.ownershipBp) : 0;
    valuation = value;
  } else {
    if (ending === null) basis = 'mark';
    else if (ending.kind === 'out-of-money') basis = 'nothing';
    else if (ending.kind === 'made-it') basis = 'valuation';
    else basis = 'runway-discounted';
    if (basis === 'nothing') {
      valuation = 0;
      value = 0;
    } else if (basis === 'runway-discounted') {
      const rec = lastRecord(state, me.id);
      runwayFactor = timesUpFactor(level, rec ? runwayAt(me.cash, rec.costs - rec.revenue) : 0);
      value = Math.round(me.valuation * runwayFactor);
    } else {
      value = me.valuation;
    }
    equity = equityPart(me, value);
  }
  return {
    kind: ending?.kind ?? null,
    basis,
    value,
    runwayFactor,
    valuation,
    ownershipBp: me.ownershipBp,
    equity,
    madeItHonour: madeIt,
    fameQuarters: me.frontierFame,
    fameHonour: fame,
    honours,
    total: equity + honours,
  };
}

/**
 * The parts of a score kept from the made-it ending the player played on from: the valuation and
 * share of the made-it quarter's record, the honour, and the fame the score held then (what the
 * kept score leaves after equity and the made-it honour).
 */
function keptParts(level: Level, state: GameState, kept: number): ScoreParts {
  const me = playerOf(state);
  const turn = me.madeItTurn;
  const rec = state.history.find((h) => h.turn === turn)?.companies.find((c) => c.id === me.id);
  const valuation = rec ? rec.valuation : 0;
  const ownershipBp = rec ? rec.ownershipBp : me.ownershipBp;
  const equity = Math.round((valuation * ownershipBp) / 10_000);
  const madeIt = madeItHonourOf(level, me);
  const fame = kept - equity - madeIt;
  const perQuarter = level.endings.fameHonour;
  return {
    kind: state.ending?.kind ?? null,
    basis: 'valuation',
    value: valuation,
    runwayFactor: 1,
    valuation,
    ownershipBp,
    equity,
    madeItHonour: madeIt,
    fameQuarters: perQuarter > 0 ? Math.round(fame / perQuarter) : 0,
    fameHonour: fame,
    honours: madeIt + fame,
    total: kept,
  };
}

/** One condition of the made-it rule for the last quarter played: the figure, its bar (≥), met or not. */
export interface GoalCondition {
  /** The figure (万元, or quarters for the streak); null before the first quarter is played. */
  value: number | null;
  /** The bar the figure must reach. */
  target: number;
  met: boolean;
}

/** How far a company is from "made it", condition by condition (quarter/made-it.ts has the rule). */
export interface MadeItProgress {
  /** The turn of the last quarter played, or null before the first. */
  turn: number | null;
  /** That quarter's operating profit, ≥ 0. */
  profit: GoalCondition;
  /** That quarter's revenue, ≥ the level's madeItMinRevenue. */
  revenue: GoalCondition;
  /**
   * The operating profit of the madeItWindow quarters ending with it together, ≥ 0 (a profitable
   * year); `quarters` is how many were summed (fewer at the start of the game).
   */
  year: GoalCondition & { window: number; quarters: number };
  /** Quarters in a row that counted so far, of the level's madeItQuarters. */
  streak: GoalCondition;
  /** The last quarter counts toward made-it: profit, revenue and year are all met. */
  met: boolean;
  /** The whole rule holds at the last quarter: it counted and the streak has reached its bar. */
  reached: boolean;
}

/**
 * Each condition of the level's made-it rule for the company's last recorded quarter, computed by
 * the functions the engine's finance step decides with (so `met` is true exactly when the engine
 * counted that quarter, and `reached` when it made it then). Undefined if there is no such company.
 * For a company that left the game before that quarter the figures are its last line, but its
 * streak stopped counting.
 */
export function madeItProgress(
  level: Level,
  state: GameState,
  companyId: string,
): MadeItProgress | undefined {
  const index = state.startups.findIndex((c) => c.id === companyId);
  if (index < 0) return undefined;
  const rule = level.endings;
  const s = state.startups[index]!;
  const end = state.history.length - 1;
  const rec = end >= 0 ? state.history[end]!.companies[index] : undefined;
  const streak = {
    value: s.profitStreak,
    target: rule.madeItQuarters,
    met: streakMadeIt(rule, s.profitStreak),
  };
  if (!rec) {
    return {
      turn: null,
      profit: { value: null, target: 0, met: false },
      revenue: { value: null, target: rule.madeItMinRevenue, met: false },
      year: { value: null, target: 0, met: false, window: rule.madeItWindow, quarters: 0 },
      streak,
      met: false,
      reached: false,
    };
  }
  const windowProfit = profitBefore(state.history, index, end, windowBefore(rule)) + rec.operatingProfit;
  const test = madeItTest(rule, rec.revenue, rec.operatingProfit, windowProfit);
  return {
    turn: state.history[end]!.turn,
    profit: { value: rec.operatingProfit, target: 0, met: test.profitable },
    revenue: { value: rec.revenue, target: rule.madeItMinRevenue, met: test.revenue },
    year: {
      value: windowProfit,
      target: 0,
      met: test.year,
      window: rule.madeItWindow,
      quarters: Math.min(rule.madeItWindow, end + 1),
    },
    streak,
    met: test.counts,
    reached: test.counts && streak.met,
  };
}

/**
 * Whether the player made it and chose to play on (game/play-on): its company made it in a quarter
 * before the one the game ended in (or is in, while it goes on). Derived, not stored: a game at its
 * made-it ending has not played on, and a company that made it and failed in the same quarter
 * ended there.
 */
export function playedOn(state: GameState): boolean {
  const madeIt = playerOf(state).madeItTurn;
  if (madeIt === null) return false;
  return (state.ending ? state.ending.turn : state.turn) > madeIt;
}
