// Test support, games: a new game that throws on a bad setup, a game the balanced autopilot has
// played some quarters of, the player's company, a deep copy, and the autopilot policies.

import {
  applyCommand,
  autopilotCommands,
  autopilotRng,
  createGame,
  POLICIES,
  type PolicyName,
} from '../../src/engine/index';
import type { Level } from '../../src/engine/level';
import type { GameState, Staff } from '../../src/engine/types';

export function newGame(level: Level, seed: number, playerId: string): GameState {
  const r = createGame(level, seed, playerId);
  if (!r.ok)
    throw new Error(`createGame(${level.id}, ${seed}, ${playerId}): ${r.error.code} ${r.error.message}`);
  return r.state;
}

/**
 * The state after the balanced autopilot (its random draws seeded by `rngSeed`) has played
 * `quarters` quarters of a new game, or fewer if the game ends first: real states for the app's
 * figures, with last quarter's records to read.
 */
export function autopilotPlayed(
  level: Level,
  seed: number,
  playerId: string,
  quarters: number,
  rngSeed = 5,
): GameState {
  let s = newGame(level, seed, playerId);
  const rng = autopilotRng(rngSeed, 0);
  while (s.history.length < quarters && s.ending === null)
    for (const cmd of autopilotCommands(level, s, 'balanced', rng)) {
      const r = applyCommand(level, s, cmd);
      if (!r.ok) throw new Error(r.error.message);
      s = r.state;
    }
  return s;
}

export function player(state: GameState) {
  const s = state.startups.find((c) => c.id === state.playerId);
  if (!s) throw new Error(`player ${state.playerId} not in state`);
  return s;
}

export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

export function staffTotal(s: Staff): number {
  return s.researchers + s.engineers + s.sales;
}

/** Every autopilot policy, random play included. */
export const POLICY_NAMES: readonly PolicyName[] = POLICIES;
