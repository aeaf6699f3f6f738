// The player's API unit economics this quarter, from the engine's own rules (no second model): the
// price the chosen pricing mode gives (policies.ts startupPrice, which the API market calls when the
// quarter ends), the company's serving cost (economy.ts startupServingCost, the cost shock's
// diffusion included), and the margin per million tokens between them. Pure.

import type { GameState, Level, StartupState } from '../engine/index';
import { ownServingCost, startupPrice } from '../engine/policies';

export interface ApiMargin {
  /** The price the plan's pricing mode gives this quarter, ¥ per million tokens. */
  price: number;
  /** What serving a million tokens costs the company this quarter, ¥. */
  cost: number;
  /** price − cost, ¥ per million tokens: negative when the company sells below its cost. */
  margin: number;
  /** Whether the company sells API tokens at all this quarter (the market is open, it has a model of its own). */
  sells: boolean;
}

/** The API price, serving cost and margin of a company on the state at the start of the quarter. */
export function apiMarginOf(level: Level, state: GameState, s: StartupState): ApiMargin {
  const price = startupPrice(level, state, s);
  const cost = ownServingCost(level, state, s);
  return {
    price,
    cost,
    margin: price - cost,
    sells: level.markets.api && s.status === 'active' && !s.pretrainingAbandoned && s.quality > 0,
  };
}
