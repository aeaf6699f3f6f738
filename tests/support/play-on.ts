// Test support, playing on: autopilot games that made it with quarters left (the autopilots' own
// games end there), and such a game played on after its made-it ending — by the same autopilot, or
// by any commands — to its real end.

import type { PolicyName } from '../../src/engine/index';
import { applyCommand, autopilotCommands, autopilotRng, playGame } from '../../src/engine/index';
import type { Level } from '../../src/engine/level';
import type { Command, GameState } from '../../src/engine/types';

export const PLAY_ON: Command = { type: 'game/play-on' };

/** An autopilot game at its made-it ending, with the quarters still left to play. */
export interface MadeItGame {
  level: Level;
  seed: number;
  company: string;
  policy: PolicyName;
  state: GameState;
  log: Command[];
}

/**
 * The autopilot games of a level (seeds × companies × policies, in that order of nesting: policy
 * outermost) that end made-it with at least `left` quarters still to play.
 */
export function madeItGames(
  level: Level,
  seeds: readonly number[],
  policies: readonly PolicyName[],
  left = 1,
  max = Number.POSITIVE_INFINITY,
): MadeItGame[] {
  const out: MadeItGame[] = [];
  for (const policy of policies)
    for (const seed of seeds)
      for (const company of level.player.companies) {
        if (out.length >= max) return out;
        const { state, log } = playGame(level, seed, company, policy);
        if (state.ending?.kind === 'made-it' && level.quarters - state.turn >= left)
          out.push({ level, seed, company, policy, state, log });
      }
  return out;
}

/** Applies a command that must be accepted. */
export function accepted(level: Level, state: GameState, cmd: Command): GameState {
  const r = applyCommand(level, state, cmd);
  if (!r.ok) throw new Error(`${cmd.type} refused at turn ${state.turn}: ${r.error.code} ${r.error.message}`);
  return r.state;
}

/**
 * Plays on from a made-it game, then lets its autopilot play to the end. Returns the final state and
 * the whole log (the made-it game's, play-on, and what followed).
 */
export function playedOnByAutopilot(g: MadeItGame): { state: GameState; log: Command[] } {
  let state = accepted(g.level, g.state, PLAY_ON);
  const log = [...g.log, PLAY_ON];
  const luck = autopilotRng(g.seed);
  for (let guard = 0; state.ending === null && guard < 200 * g.level.quarters; guard++)
    for (const cmd of autopilotCommands(g.level, state, g.policy, luck)) {
      state = accepted(g.level, state, cmd);
      log.push(cmd);
    }
  if (state.ending === null) throw new Error('the played-on game did not end');
  return { state, log };
}
