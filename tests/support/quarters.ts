// Test support, quarters: an autopilot game played quarter by quarter, giving the state just
// before each quarter/end (the plan set, every card answered) and the state just after it.

import type { PolicyName } from '../../src/engine/index';
import { applyCommand, autopilotCommands, autopilotRng } from '../../src/engine/index';
import type { Level } from '../../src/engine/level';
import type { GameState } from '../../src/engine/types';
import { newGame } from './game';

export interface PlayedQuarter {
  /** The state the quarter was resolved from (the command before quarter/end applied). */
  before: GameState;
  after: GameState;
}

/** Every quarter of an autopilot game (as playGame plays it), in order. */
export function autopilotQuarters(
  level: Level,
  seed: number,
  company: string,
  policy: PolicyName,
): PlayedQuarter[] {
  let state = newGame(level, seed, company);
  const rng = autopilotRng(seed);
  const out: PlayedQuarter[] = [];
  while (state.ending === null) {
    for (const cmd of autopilotCommands(level, state, policy, rng)) {
      const r = applyCommand(level, state, cmd);
      if (!r.ok) throw new Error(`${policy} made an illegal ${cmd.type}: ${r.error.message}`);
      if (cmd.type === 'quarter/end') out.push({ before: state, after: r.state });
      state = r.state;
    }
  }
  return out;
}
