// Test support, the driver: plays quarters of commands, interleaving quarter/end, and checks on
// every step that a rejection leaves the state alone; replay and log helpers.

import { applyCommand } from '../../src/engine/index';
import type { Level } from '../../src/engine/level';
import type { Command, CommandResult, GameState, QuarterRecord } from '../../src/engine/types';
import { isQuarterEnd, resolveCommand } from './arbitraries';
import { newGame } from './game';

// ---------------------------------------------------------------------------------------
// Driver

export interface Step {
  before: GameState;
  cmd: Command;
  result: CommandResult;
}

export interface PlayResult {
  initial: GameState;
  state: GameState;
  steps: Step[];
  /** The commands actually sent, in order (resolved, including the driver's event answers). */
  log: Command[];
}

export interface PlayOptions {
  /** Keep ending quarters (answering events with their first choice) until the game ends. */
  finish?: boolean;
  /** Check, on every rejection, that the state is the same object and JSON-equal to a copy. */
  checkRejections?: boolean;
  onStep?: (step: Step) => void;
}

/**
 * Plays a seeded game: the commands of each quarter, then quarter/end (after answering any event
 * still pending with its first choice, unless that choice sold the company). Throws if a rejected command touched the state (when
 * checkRejections) or if quarter/end cannot be sent.
 */
export function playQuarters(
  level: Level,
  seed: number,
  playerId: string,
  quarters: readonly (readonly Command[])[],
  opts: PlayOptions = {},
): PlayResult {
  const initial = newGame(level, seed, playerId);
  return continueQuarters(level, initial, quarters, opts);
}

export function continueQuarters(
  level: Level,
  initial: GameState,
  quarters: readonly (readonly Command[])[],
  opts: PlayOptions = {},
): PlayResult {
  let state = initial;
  const steps: Step[] = [];
  const log: Command[] = [];
  const send = (raw: Command): CommandResult => {
    const cmd = resolveCommand(state, raw);
    const copy = opts.checkRejections ? JSON.stringify(state) : '';
    const before = state;
    const result = applyCommand(level, state, cmd);
    if (opts.checkRejections && !result.ok) {
      if (result.state !== before)
        throw new Error(`rejected ${JSON.stringify(cmd)} returned a different state`);
      if (JSON.stringify(before) !== copy)
        throw new Error(`rejected ${JSON.stringify(cmd)} (${result.error.code}) mutated the state`);
    }
    const step = { before, cmd, result };
    steps.push(step);
    log.push(cmd);
    opts.onStep?.(step);
    state = result.state;
    return result;
  };
  const endQuarter = () => {
    for (let guard = 0; state.pendingEvents.length > 0 && guard < 20; guard++) {
      const ev = state.pendingEvents[0]!;
      send({ type: 'event/answer', eventId: ev.id, choiceId: ev.choices[0] ?? '' });
    }
    // a card's choice may have sold the company: the game is over, there is no quarter to end
    if (state.ending) return;
    const r = send({ type: 'quarter/end' });
    if (!r.ok)
      throw new Error(`quarter/end refused at turn ${state.turn}: ${r.error.code} ${r.error.message}`);
  };
  for (const q of quarters) {
    if (state.ending) break;
    for (const cmd of q) send(cmd);
    if (state.ending) break;
    endQuarter();
  }
  if (opts.finish) {
    for (let guard = 0; !state.ending && guard < level.quarters + 1; guard++) endQuarter();
    if (!state.ending) throw new Error('game did not end');
  }
  return { initial, state, steps, log };
}

/** Replays a command log (as produced by playGame or the driver) from a state. */
export function replay(level: Level, from: GameState, log: readonly Command[]): GameState {
  let state = from;
  for (const cmd of log) {
    const r = applyCommand(level, state, cmd);
    if (!r.ok && isQuarterEnd(cmd)) throw new Error(`replay: quarter/end refused: ${r.error.code}`);
    state = r.state;
  }
  return state;
}

/** Splits a command log after each accepted quarter/end: one chunk per quarter. */
export function splitByQuarter(log: readonly Command[]): Command[][] {
  const out: Command[][] = [[]];
  for (const cmd of log) {
    out[out.length - 1]!.push(cmd);
    if (isQuarterEnd(cmd)) out.push([]);
  }
  if (out[out.length - 1]!.length === 0) out.pop();
  return out;
}

export function quarterHashes(state: GameState): string[] {
  return state.history.map((h: QuarterRecord) => h.hash);
}
