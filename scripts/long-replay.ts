// The longest replay code a game may have: an autopilot game whose log is padded with repeats of
// the spend already planned (legal, and a no-op for the game) up to maxCommands, the format's
// limit. Used by `npm run bench` and by the replay-code and verifyClass tests.

import { maxCommands, replayCodeOf } from '../src/app/replay-code';
import type { PolicyName } from '../src/engine/index';
import { applyCommand, createGame, POLICIES, playerOf, playGame } from '../src/engine/index';
import type { Level } from '../src/engine/level';
import type { Command, GameState } from '../src/engine/types';

export interface PaddedGame {
  state: GameState;
  log: Command[];
  code: string;
}

/**
 * The game `playGame(level, seed, company, policy)` with its log padded to `commands` commands
 * (default: the most its quarters allow), the padding spread over its quarters.
 */
export function paddedGame(
  level: Level,
  seed: number,
  company: string,
  policy: PolicyName,
  commands?: number,
): PaddedGame {
  const game = playGame(level, seed, company, policy);
  const quarters = game.state.history.length;
  const target = commands ?? maxCommands(quarters);
  const extra = target - game.log.length;
  if (extra < 0) throw new Error(`the game already has ${game.log.length} commands`);
  const created = createGame(level, seed, company);
  if (!created.ok) throw new Error(created.error.message);
  let state = created.state;
  const log: Command[] = [];
  const apply = (c: Command) => {
    const r = applyCommand(level, state, c);
    if (!r.ok) throw new Error(`padding: ${c.type} rejected (${r.error.code})`);
    state = r.state;
    log.push(c);
  };
  let quarter = 0;
  for (const c of game.log) {
    if (c.type === 'quarter/end') {
      const pad = Math.floor(extra / quarters) + (quarter < extra % quarters ? 1 : 0);
      for (let k = 0; k < pad; k++) apply({ type: 'plan/set-spend', amount: playerOf(state).plan.spend });
      quarter++;
    }
    apply(c);
  }
  return { state, log, code: replayCodeOf(level, state, log) };
}

/** The longest code a game of `level` may have: a full-length game padded to the command limit. */
export function longestGame(level: Level): PaddedGame {
  // The first full-length game by seed, company and autopilot (a company that makes it ends early).
  for (let seed = 1; seed <= 200; seed++)
    for (const company of level.player.companies)
      for (const policy of POLICIES) {
        if (policy === 'random') continue;
        const game = playGame(level, seed, company, policy);
        if (game.state.history.length === level.quarters) return paddedGame(level, seed, company, policy);
      }
  throw new Error(`no full-length game of ${level.id} in 200 seeds`);
}
