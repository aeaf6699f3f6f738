// Forks: a replay cut at the end of one of its quarters becomes the start of a new game. The fork
// keeps the original's commands up to that point (so its own replay code re-simulates from the
// level's start like any other) and records where it branched off: the original's final hash and
// the number of quarters kept. Browser-safe.

import { createGame, foldLog } from '../engine/index';
import type { Level } from '../engine/level';
import { quarterLabel } from '../engine/level';
import type { Command, GameState } from '../engine/types';
import type { Branch, LevelLookup, Replay, VerifyOutcome } from './replay-code';
import { replayCodeOf, verifyReplay } from './replay-code';

export interface Fork {
  level: Level;
  /** Quarters of the original kept; the fork plans turn `turn` next. */
  turn: number;
  /** The quarter the fork plays from, e.g. "2024Q3". */
  quarter: string;
  /** The state at the end of the kept quarters (pending events of the next quarter included). */
  state: GameState;
  /** The original's commands up to and including the `turn`-th quarter/end. */
  log: Command[];
  branch: Branch;
}

export type ForkResult =
  | { ok: true; fork: Fork }
  | { ok: false; reason: 'invalid-replay'; message: string; outcome: VerifyOutcome }
  | { ok: false; reason: 'bad-quarter'; message: string };

/**
 * Cuts a decoded replay after `turn` quarters (0 = the very start). The replay should already be
 * verified (forkReplay does that); an illegal command in the kept part is still reported.
 */
export function forkAt(replay: Replay, level: Level, turn: number): ForkResult {
  if (!Number.isSafeInteger(turn) || turn < 0)
    return {
      ok: false,
      reason: 'bad-quarter',
      message: `a fork keeps a whole number ≥ 0 of quarters, got ${turn}`,
    };
  const created = createGame(level, replay.seed, replay.company);
  if (!created.ok) return { ok: false, reason: 'bad-quarter', message: created.error.message };
  // Played up to the end of the `turn`-th quarter (none at all for a fork at the very start).
  const kept =
    turn === 0
      ? { ok: true as const, state: created.state, next: 0 }
      : foldLog(level, created.state, replay.log, { onQuarter: (t) => t + 1 < turn });
  if (!kept.ok)
    return {
      ok: false,
      reason: 'bad-quarter',
      message: `command ${kept.index + 1} (${kept.command.type}) of the replay is not allowed: ${kept.error.message}`,
    };
  const { state, next: i } = kept;
  if (state.history.length < turn || state.ending !== null) {
    // A quarter that ended the game cannot be played again from its end; from its start it can.
    const last = state.ending ? state.ending.turn : state.history.length;
    return {
      ok: false,
      reason: 'bad-quarter',
      message: `this game can be forked after 0 to ${last} quarters (from ${quarterLabel(level, 0)} to ${quarterLabel(level, last)}), not after ${turn}`,
    };
  }
  return {
    ok: true,
    fork: {
      level,
      turn,
      quarter: quarterLabel(level, turn),
      state,
      log: replay.log.slice(0, i),
      branch: { parentHash: replay.finalHash, turn },
    },
  };
}

/** Verifies a replay code and forks it after `turn` quarters; a code that is not valid cannot be forked. */
export function forkReplay(code: string, turn: number, getLevel: LevelLookup): ForkResult {
  const outcome = verifyReplay(code, getLevel);
  if (outcome.status !== 'valid')
    return { ok: false, reason: 'invalid-replay', message: `cannot fork: ${outcome.message}`, outcome };
  const level = getLevel(outcome.replay.levelId)!;
  return forkAt(outcome.replay, level, turn);
}

/**
 * The replay code of a forked game played on: `log` is the fork's whole log (its kept prefix and
 * what was played since), `state` where it stands now. The code carries the branch record.
 */
export function forkedCode(fork: Fork, state: GameState, log: readonly Command[]): string {
  return replayCodeOf(fork.level, state, log, fork.branch);
}
