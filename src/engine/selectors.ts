// Derived figures: computed from the state when asked, never stored twice (the state stays
// minimal, and a derived value can never disagree with what it derives from).

import { runwayAt } from './economy';
import type { CompanyRecord, GameState, QuarterRecord, StartupState } from './types';

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
