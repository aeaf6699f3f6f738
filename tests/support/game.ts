// Test support, games: a new game that throws on a bad setup, the player's company, a deep copy,
// and the autopilot policies.

import { createGame, POLICIES, type PolicyName } from '../../src/engine/index';
import type { Level } from '../../src/engine/level';
import type { GameState, Staff } from '../../src/engine/types';

export function newGame(level: Level, seed: number, playerId: string): GameState {
  const r = createGame(level, seed, playerId);
  if (!r.ok)
    throw new Error(`createGame(${level.id}, ${seed}, ${playerId}): ${r.error.code} ${r.error.message}`);
  return r.state;
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
