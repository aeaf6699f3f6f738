// The quarter's flows in a company's line of the history (CompanyRecord.flows, types.ts): what
// moved its users, projects, tokens, people and valuation, as the quarter's steps recorded them
// (quarter/flows.ts); kept for the player's company only (null for a rival, and for a company out of
// the game when the quarter began: the results screen explains the player's quarter). Not part
// of the state hash (the history is derived). Plain JSON-safe data, like every type of types.ts.

import type { Role } from './types';

/**
 * A quarter's flows (quarter/flows.ts). Every group adds up exactly, in whole units:
 * users: end = previous + fromEvents + bought + organic − churned − shocked;
 * enterprise projects: end = previous + won − finished;
 * staff: end = previous + fromEvents + filled − cut − left − poached;
 * valuation: value = anchor + model + users + revenue + rounding + round.
 */
export interface CompanyFlows {
  domestic: UserFlow;
  overseas: UserFlow;
  enterprise: DealFlow;
  api: TokenFlow;
  staff: Record<Role, StaffFlow>;
  valuation: ValuationParts;
  /** The funding round investors decided on this quarter, or null. */
  round: RoundFlow | null;
}

/** A consumer app market's users over the quarter (MAU) and the money they moved (万元). */
export interface UserFlow {
  /** Users in last quarter's record (the level's figure in the first quarter). */
  previous: number;
  /** Gained (+) or lost (−) through event cards since then. */
  fromEvents: number;
  /** Bought with ads. */
  bought: number;
  /** Word of mouth. */
  organic: number;
  /** Left (churn, and the rounding of the whole count). */
  churned: number;
  /** Taken by an app-store or regulatory shock. */
  shocked: number;
  end: number;
  /** The ad budget that bought them. */
  ads: number;
  revenue: number;
  inference: number;
}

/** Enterprise projects: a quarter's deals are delivered in the quarter. */
export interface DealFlow {
  previous: number;
  won: number;
  finished: number;
  end: number;
  /** The platform budget (万元). */
  platform: number;
  revenue: number;
  customisation: number;
}

/** The API market: tokens sold (millions) and the money they moved (万元). */
export interface TokenFlow {
  tokens: number;
  /** Tokens every provider sold (millions). */
  marketTokens: number;
  /** ¥ per million tokens. */
  price: number;
  /** The developer-marketing budget. */
  marketing: number;
  revenue: number;
  inference: number;
}

/** One role's people over the quarter. */
export interface StaffFlow {
  previous: number;
  fromEvents: number;
  /** Hires asked for (0 when the plan cut the role). */
  asked: number;
  filled: number;
  cut: number;
  /** Attrition: people who left on their own. */
  left: number;
  poached: number;
  end: number;
}

/**
 * The valuation mark's terms (economy.ts fundamentalTerms, valuationMark), in whole 万元: the
 * anchor on the last mark, the fundamental value's model, users and revenue parts (each already
 * weighted by 1 − anchorWeight, the climate, the investors' focus and the growth momentum), the
 * rounding of the mark, and what a round that closed changed (its price replaces the mark).
 */
export interface ValuationParts {
  previous: number;
  anchor: number;
  model: number;
  users: number;
  revenue: number;
  rounding: number;
  round: number;
  value: number;
  /** The terms' drivers: the funding climate, investors' focus on revenue, growth, model rank, margin factor. */
  climate: number;
  focus: number;
  growth: number;
  rank: number;
  marginFactor: number;
}

/** A funding round's decision: its odds, and what it raised or would have raised. */
export interface RoundFlow {
  target: number;
  /** The investors' chance to close, 0..1. */
  chance: number;
  closed: boolean;
  /** Pre-money price, amount, dilution of the founders (basis points) and fee, as if it closed. */
  price: number;
  amount: number;
  dilutionBp: number;
  fee: number;
}
