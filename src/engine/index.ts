// The engine's public face: everything the app, the view and the headless tools may use.

export { cardById, metricValue, policyChoice } from './cards';
export type { Card, Concept, Condition, Effect, KeyPersonSpec } from './cards-schema';
export { findDivergence, firstDifference } from './desync';
export * as economy from './economy';
export type * from './flow-types';
export type { FoldHooks, FoldOptions, FoldResult } from './fold';
export { foldLog } from './fold';
export type { Band, ChoiceOutlook, QuarterForecast, RoundOutlook } from './forecast';
export { dealOutlook, FORECAST_TAIL, forecastQuarter } from './forecast';
export type { CreateGameResult } from './game';
export { autopilotRng, createGame, playGame, scoreOf } from './game';
export type { Archetype, CompanySpec, GiantSpec, Level, LevelError, LevelFile, LevelResult } from './level';
export { ARCHETYPES, formatLevelErrors, loadLevel, quarterLabel } from './level';
export type { Par, ReferenceStrategy, Standing } from './par';
export {
  median,
  PAR_RUNS,
  PAR_VERSION,
  parFromScores,
  parOf,
  percentileOf,
  REFERENCE_STRATEGIES,
  referenceScore,
  referenceScores,
  standingOf,
} from './par';
export type { SpendSplit } from './plan';
export { appBudgets, splitSpend } from './plan';
export type { PolicyName, ProfileShift } from './policies';
export { autopilotCommands, autopilotPlan, POLICIES, projectedRunway } from './policies';
export { NOT_BURNING, runwayAt } from './quarter';
export { applyCommand, setStateFreezing, validateCommand } from './reducer';
export type { Luck, Purpose } from './rng';
export { luckOf } from './rng';
export * from './selectors';
export { playerOf } from './shapes';
export { stateHash as hashState } from './statehash';
export * from './types';
export { RULES_VERSION } from './version';
