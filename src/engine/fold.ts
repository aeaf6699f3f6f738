// The one fold of a command log: every place that replays a log (verification, timelines, forks,
// desync) plays it through here, so they cannot disagree on what a replay is. A checkpoint hook
// sees each command and each quarter as they are played and may stop the fold there.

import type { Level } from './level';
import { applyCommand } from './reducer';
import type { Command, GameState, Rejection } from './types';

/** What a hook returns: `false` stops the fold after this point; anything else goes on. */
type Go = boolean | undefined;

export interface FoldHooks {
  /** After each command the engine accepted: its index in the log and the state after it. */
  onCommand?: (index: number, cmd: Command, state: GameState) => Go;
  /** After each command that ended a quarter (the history grew): the quarter's index (its turn). */
  onQuarter?: (turn: number, state: GameState, index: number) => Go;
}

export interface FoldOptions {
  /** The first command to play (a fold can resume where another stopped); 0 by default. */
  from?: number;
  /** One past the last command to play; the log's length by default. */
  to?: number;
  /** Skip a command the engine refuses (as two sides of a desync do) rather than stop there. */
  skipRejected?: boolean;
}

export type FoldResult =
  | {
      ok: true;
      state: GameState;
      /** One past the last command played: `to` unless a hook stopped the fold earlier. */
      next: number;
      /** Whether a hook stopped the fold. */
      stopped: boolean;
    }
  | {
      ok: false;
      /** The state before the refused command. */
      state: GameState;
      /** The refused command and its index in the log. */
      index: number;
      command: Command;
      error: Rejection;
    };

const NO_HOOKS: FoldHooks = {};
const NO_OPTIONS: FoldOptions = {};

/** Folds the engine over `log` from `start`, calling the hooks at each checkpoint. Never throws for a refused command. */
export function foldLog(
  level: Level,
  start: GameState,
  log: readonly Command[],
  hooks: FoldHooks = NO_HOOKS,
  options: FoldOptions = NO_OPTIONS,
): FoldResult {
  const { onCommand, onQuarter } = hooks;
  const to = Math.min(log.length, options.to ?? log.length);
  let state = start;
  for (let i = options.from ?? 0; i < to; i++) {
    const cmd = log[i]!;
    const r = applyCommand(level, state, cmd);
    if (!r.ok) {
      if (options.skipRejected) continue;
      return { ok: false, state, index: i, command: cmd, error: r.error };
    }
    const before = state.history.length;
    state = r.state;
    if (onCommand && onCommand(i, cmd, state) === false)
      return { ok: true, state, next: i + 1, stopped: true };
    if (onQuarter && state.history.length > before && onQuarter(before, state, i) === false)
      return { ok: true, state, next: i + 1, stopped: true };
  }
  return { ok: true, state, next: to, stopped: false };
}
