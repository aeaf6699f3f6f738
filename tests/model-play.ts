// Shared by the rules-4 model tests (api-market, api-price-matters, valuation-and-exits,
// enterprise-and-facts): counterfactual versions of the historical level, games played by an
// autopilot with some of its commands rewritten, and the statistics the targets are stated in.

import { getLevel } from '../src/app/levels';
import {
  applyCommand,
  autopilotCommands,
  autopilotRng,
  createGame,
  formatLevelErrors,
  loadLevel,
  type PolicyName,
} from '../src/engine/index';
import type { Level } from '../src/engine/level';
import type { Command, GameState } from '../src/engine/types';
import { historicalJson, neutralChoice } from './helpers';

export const HISTORICAL = getLevel('historical-2023');

/** The five named autopilots (the random one left out). */
export const NAMED_AUTOPILOTS: readonly PolicyName[] = [
  'balanced',
  'pretraining-first',
  'applications-first',
  'overseas-first',
  'enterprise-first',
];

/** Seeds 1..n. */
export const seedsUpTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

// A level file is plain JSON: its parts are typed loosely here, as the edits in the tests need them.
// biome-ignore lint/suspicious/noExplicitAny: level JSON edited in place by the tests
export type LevelJson = Record<string, any>;

/**
 * The historical level with an edit: a deep copy of levels/historical-2023.json, changed by `edit`,
 * then validated and resolved by the engine's level loader (throws if the edit breaks the file).
 */
export function variantLevel(edit: (json: LevelJson) => void): Level {
  const json = historicalJson() as LevelJson;
  edit(json);
  const r = loadLevel(json);
  if (!r.ok) throw new Error(`counterfactual level does not load: ${formatLevelErrors(r.errors)}`);
  return r.level;
}

export function ok(level: Level, state: GameState, cmd: Command): GameState {
  const r = applyCommand(level, state, cmd);
  if (!r.ok) throw new Error(`${JSON.stringify(cmd)} refused: ${r.error.code} ${r.error.message}`);
  return r.state;
}

export function newGame(level: Level, seed: number, company: string): GameState {
  const r = createGame(level, seed, company);
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
}

export interface AutopilotOptions {
  /**
   * Rewrites the autopilot's commands of a quarter (the state is the one they apply to): drop,
   * replace or add commands. The result must still end with quarter/end (or a sale).
   */
  rewrite?: (cmds: Command[], state: GameState) => Command[];
  /** Commands sent just before each quarter/end, made against the state at that moment (after the cards' answers). */
  beforeEnd?: (state: GameState) => Command[];
  /** Called with the state after every quarter/end. */
  onQuarter?: (state: GameState) => void;
  /** Stop once the state reaches this turn (the quarter at that turn not played). */
  untilTurn?: number;
}

/** Plays the player's company with an autopilot (as playGame does), its commands rewritten. */
export function playAutopilot(
  level: Level,
  seed: number,
  company: string,
  policy: PolicyName,
  opts: AutopilotOptions = {},
): GameState {
  let state = newGame(level, seed, company);
  const luck = autopilotRng(seed);
  while (state.ending === null && (opts.untilTurn === undefined || state.turn < opts.untilTurn)) {
    const original = autopilotCommands(level, state, policy, luck);
    const cmds = opts.rewrite ? opts.rewrite(original, state) : original;
    for (const cmd of cmds) {
      if (cmd.type === 'quarter/end' && opts.beforeEnd)
        for (const extra of opts.beforeEnd(state)) state = ok(level, state, extra);
      state = ok(level, state, cmd);
      if (cmd.type === 'quarter/end') opts.onQuarter?.(state);
      if (state.ending) break;
    }
  }
  return state;
}

/** Answers the player's pending cards with their neutral choice (never a sale). */
export function answerNeutrally(level: Level, state: GameState): GameState {
  let s = state;
  while (s.pendingEvents.length > 0 && !s.ending) {
    const e = s.pendingEvents[0]!;
    s = ok(level, s, { type: 'event/answer', eventId: e.id, choiceId: neutralChoice(level, e) });
  }
  return s;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** The q-quantile (0..1) by the nearest rank. */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

export const fmt = (x: number, digits = 2): string => x.toFixed(digits);
