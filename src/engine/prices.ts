// Prices on the API market that are decisions, not market outcomes: a startup's list price from its
// pricing mode (never below its own serving cost unless it chooses to), and big tech's and DeepSeek's
// prices, which emerge from their serving cost, the cloud margin each token brings and competition.

import { at, giantServingCost, startupServingCost } from './economy';
import type { Level } from './level';
import type { GameState, GiantState, StartupState } from './types';

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
