// The one object a quarter's resolution works on: the frozen base state, the working copies the
// steps write to, each company's books, the news and the luck. resolveQuarter (../quarter.ts)
// makes one a quarter and passes it through the steps in a fixed order.

import type { CompanyFlows } from '../flow-types';
import type { Level } from '../level';
import type { Luck } from '../rng';
import { luckOf } from '../rng';
import { newFlows } from './flows';

export { NOT_BURNING, runwayAt } from '../economy';

import type {
  AppMarket,
  CompanyRecord,
  CostBreakdown,
  Ending,
  GameState,
  GiantState,
  NewsItem,
  NewsKey,
  Offer,
  PendingEvent,
  RevenueLine,
  StartupState,
} from '../types';

/** One company's books for the quarter. */
export interface Books {
  revenueBy: Record<RevenueLine, number>;
  costBy: CostBreakdown;
  funding: number;
  /** Budgets set in the spend step. */
  computeBudget: number;
  budgetBy: Record<AppMarket, number>;
  apiTokens: number;
  engFactor: number;
  /** What moved the company's users, people and valuation (flows.ts), for its record. */
  flows: CompanyFlows;
}

/**
 * Where the steps write a rival's flows: only the player's company keeps them (the results
 * screen explains the player's quarter), so a rival's are written here and never read.
 */
const RIVAL_FLOWS: CompanyFlows = newFlows();

/** A company's books for the quarter; `withFlows` for the player's company (its flows are kept). */
export function newBooks(withFlows: boolean): Books {
  return {
    revenueBy: { domestic: 0, overseas: 0, enterprise: 0, api: 0, other: 0 },
    costBy: {
      compute: 0,
      salaries: 0,
      ads: 0,
      inference: 0,
      customisation: 0,
      platform: 0,
      severance: 0,
      other: 0,
    },
    funding: 0,
    computeBudget: 0,
    budgetBy: { domestic: 0, overseas: 0, enterprise: 0, api: 0 },
    apiTokens: 0,
    engFactor: 1,
    flows: withFlows ? newFlows() : RIVAL_FLOWS,
  };
}

export const sumCosts = (c: CostBreakdown) =>
  c.compute + c.salaries + c.ads + c.inference + c.customisation + c.platform + c.severance + c.other;
export const sumRevenue = (r: Record<RevenueLine, number>) =>
  r.domestic + r.overseas + r.enterprise + r.api + r.other;

/** What the API market cleared at. */
export interface ApiOutcome {
  refPrice: number;
  totalTokens: number;
  outsideShare: number;
  giantShares: Float64Array;
}

export interface QuarterWork {
  readonly level: Level;
  /** The state at the quarter's start (frozen in development). */
  readonly base: GameState;
  readonly turn: number;
  readonly nextTurn: number;
  readonly luck: Luck;
  /** This quarter's news, in the order the steps make it. */
  readonly news: NewsItem[];
  /** Working copies, written by the steps. */
  startups: StartupState[];
  giants: GiantState[];
  offers: Offer[];
  /** One per startup, in the same order. */
  books: Books[];
  /** The state as the markets see it (set after research). */
  mid: GameState;
  api: ApiOutcome;
  records: CompanyRecord[];
  /** The player's working copy and its index. */
  player: StartupState;
  playerIndex: number;
  pendingEvents: PendingEvent[];
  ending: Ending | null;
}

/** `luck` replaces the seed's (a forecast's scenario: forecast.ts); a game never passes it. */
export function newWork(level: Level, base: GameState, luck: Luck = luckOf(base.seed)): QuarterWork {
  return {
    level,
    base,
    turn: base.turn,
    nextTurn: base.turn + 1,
    luck,
    news: [],
    startups: [],
    giants: [],
    offers: [],
    books: [],
    mid: base,
    api: NO_API,
    records: [],
    player: base.startups[0]!,
    playerIndex: -1,
    pendingEvents: [],
    ending: null,
  };
}

/** A placeholder until the API market clears (never read before). */
const NO_API: ApiOutcome = { refPrice: 0, totalTokens: 0, outsideShare: 1, giantShares: new Float64Array(0) };

export const isPlayer = (w: QuarterWork, s: StartupState) => s.id === w.base.playerId;
export const alive = (s: StartupState) => s.status === 'active';

export function news(
  out: NewsItem[],
  key: NewsKey,
  subject: string,
  params: Record<string, number | string> = {},
): void {
  out.push({ key, subject, params });
}
