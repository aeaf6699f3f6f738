// The results screen's "why" panel, as figures: what moved the player's users, projects, tokens,
// people and valuation in the quarter just played, read from the flows the engine recorded in its
// history (CompanyRecord.flows, src/engine/quarter/flows.ts) — no second model: only sums and
// ratios of the recorded figures. Pure; the view words and lays them out.

import type { AppMarket, CompanyFlows, GameState, Level, NewsItem, Role } from '../engine/index';
import { APP_MARKETS, ROLES } from '../engine/index';

/** ¥ in one 万元. */
const YUAN_PER_WAN = 10_000;

/** One market's quarter: a stock of users or projects, or the API's flow of tokens. */
export interface MarketWhy {
  market: AppMarket;
  open: boolean;
  unit: 'users' | 'deals' | 'tokens';
  /** At the quarter's start, before event cards (last quarter's end); null for the API. */
  start: number | null;
  /** Gained (+) or lost (−) through event cards since then. */
  fromEvents: number;
  gained: number;
  /** The apps' gains split: bought with ads, word of mouth. */
  bought: number | null;
  organic: number | null;
  lost: number;
  /** The apps' losses split: churn, a shock. */
  churned: number | null;
  shocked: number | null;
  end: number | null;
  /**
   * ¥ spent per one acquired: ads per user bought; developer marketing per million tokens sold.
   * Null where nothing was bought or the market's customers are not bought with money (enterprise).
   */
  costPerAcquired: number | null;
  /** Revenue per one: ¥ per user over the quarter (on its average users), 万元 per deal, ¥ per million tokens. */
  revenuePer: number | null;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function marketWhy(level: Level, f: CompanyFlows): MarketWhy[] {
  return APP_MARKETS.map((market): MarketWhy => {
    const open = level.markets[market];
    if (market === 'domestic' || market === 'overseas') {
      const u = f[market];
      const start = u.previous + u.fromEvents;
      return {
        market,
        open,
        unit: 'users',
        start: u.previous,
        fromEvents: u.fromEvents,
        gained: u.bought + u.organic,
        bought: u.bought,
        organic: u.organic,
        lost: u.churned + u.shocked,
        churned: u.churned,
        shocked: u.shocked,
        end: u.end,
        costPerAcquired: ratio(u.ads * YUAN_PER_WAN, u.bought),
        revenuePer: ratio(u.revenue * YUAN_PER_WAN, (start + u.end) / 2),
      };
    }
    if (market === 'enterprise') {
      const e = f.enterprise;
      return {
        market,
        open,
        unit: 'deals',
        start: e.previous,
        fromEvents: 0,
        gained: e.won,
        bought: null,
        organic: null,
        lost: e.finished,
        churned: null,
        shocked: null,
        end: e.end,
        costPerAcquired: null,
        revenuePer: ratio(e.revenue, e.won),
      };
    }
    const a = f.api;
    return {
      market,
      open,
      unit: 'tokens',
      start: null,
      fromEvents: 0,
      gained: a.tokens,
      bought: null,
      organic: null,
      lost: 0,
      churned: null,
      shocked: null,
      end: null,
      costPerAcquired: ratio(a.marketing * YUAN_PER_WAN, a.tokens),
      revenuePer: ratio(a.revenue * YUAN_PER_WAN, a.tokens),
    };
  });
}

/** Customisation per enterprise deal (万元), and the API's share of the tokens sold and serving cost per million. */
export function marketNotes(f: CompanyFlows): {
  customisationPerDeal: number | null;
  apiShare: number;
  servingPerMTokens: number | null;
} {
  return {
    customisationPerDeal: ratio(f.enterprise.customisation, f.enterprise.won),
    apiShare: f.api.marketTokens > 0 ? f.api.tokens / f.api.marketTokens : 0,
    servingPerMTokens: ratio(f.api.inference * YUAN_PER_WAN, f.api.tokens),
  };
}

export interface StaffWhy {
  role: Role;
  previous: number;
  fromEvents: number;
  asked: number;
  filled: number;
  cut: number;
  left: number;
  poached: number;
  end: number;
}

export function staffWhy(f: CompanyFlows): StaffWhy[] {
  return ROLES.map((role) => ({ role, ...f.staff[role] }));
}

export type ValuationPart = 'anchor' | 'model' | 'users' | 'revenue' | 'rounding' | 'round';
export const VALUATION_PARTS: readonly ValuationPart[] = [
  'anchor',
  'model',
  'users',
  'revenue',
  'rounding',
  'round',
];

export interface ValuationWhy {
  previous: number;
  value: number;
  /** The parts (they add up to `value`), each with its change since last quarter's (null in the first). */
  parts: { part: ValuationPart; value: number; change: number | null }[];
}

export function valuationWhy(f: CompanyFlows, last: CompanyFlows | null): ValuationWhy {
  const v = f.valuation;
  return {
    previous: v.previous,
    value: v.value,
    parts: VALUATION_PARTS.map((part) => ({
      part,
      value: v[part],
      change: last ? v[part] - last.valuation[part] : null,
    })),
  };
}

/** The player's flows in the last quarter played and in the one before (null where there are none). */
export function playerFlows(state: GameState): { now: CompanyFlows | null; last: CompanyFlows | null } {
  const h = state.history;
  const of = (k: number) => h[k]?.companies.find((c) => c.id === state.playerId)?.flows ?? null;
  return { now: of(h.length - 1), last: of(h.length - 2) };
}

/** The quarter's news split: the player's own first, then the rivals' and the market's. */
export function splitNews(
  news: readonly NewsItem[],
  playerId: string,
): { mine: NewsItem[]; others: NewsItem[] } {
  return {
    mine: news.filter((n) => n.subject === playerId),
    others: news.filter((n) => n.subject !== playerId),
  };
}
