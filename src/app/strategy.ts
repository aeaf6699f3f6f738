// A parametrised strategy for the player's company, for the balance search (scripts/balance.ts,
// docs/balance.md): 25 numbers and names that say how much to burn, how to split it, what to
// charge, whom to hire, when to raise and when to sell. Like the autopilots (src/engine/policies.ts)
// it reads the state at the start of the quarter and returns the quarter's commands: only what
// differs from the plan in force, the answers to the pending cards, then `quarter/end`.
//
// Pure and deterministic: no DOM, no clock, no Math.random. The search draws its parameter sets
// from keyed uniforms (the engine's rng.ts, under a salt of its own), so a search is a function of
// its arguments alone.
//
// One job a file in src/app/strategy/: params.ts (the parameters, each described there, and the
// search space), autopilot-like.ts (the sets close to the named autopilots), draws.ts (the search's
// keyed draws, random sets and neighbours), play.ts (the commands of a quarter and a whole game).
// This file re-exports them.

export { AUTOPILOT_LIKE } from './strategy/autopilot-like';
export type { Uniform } from './strategy/draws';
export { mutate, randomParams, uniformSource } from './strategy/draws';
export type { NamedPolicy, ParamBound, StrategyParams, StrategyPricing } from './strategy/params';
export {
  checkParams,
  formatParams,
  NAMED_POLICIES,
  PARAM_NAMES,
  RAISE_ALWAYS,
  STRATEGY_BOUNDS,
  STRATEGY_PRICINGS,
} from './strategy/params';
export type { StrategyResult } from './strategy/play';
export { playStrategy, refusals, strategyCommands } from './strategy/play';
