// The cross-runtime determinism check's player: the same module runs in Node (imported by the test)
// and in the browsers (bundled by esbuild into one script and evaluated in a blank page). It plays
// each game exactly as `npm run sim` does (createGame, the autopilot's commands, event cards
// answered by the policy: the engine's playGame) and returns every quarter's state hash.
// It imports nothing from the view or the app shell, so the page needs no DOM, no Phaser, no
// network and no policy beyond running one script.

import { getLevel } from '../../src/app/levels';
import type { Command, GameState, PolicyName } from '../../src/engine/index';
import { applyCommand, createGame, hashState, playGame } from '../../src/engine/index';

export interface GameSpec {
  level: string;
  seed: number;
  company: string;
  policy: PolicyName;
}

export interface GameHashes {
  /** Quarter labels ("2024Q2"), one per quarter played. */
  quarters: string[];
  /** The state hash the engine recorded at the end of each quarter (the `hash` column of `npm run sim`). */
  hashes: string[];
  /** hashState of the final state (the report's finalHash). */
  finalHash: string;
  ending: string;
  score: number;
  /** Number of commands the autopilot issued (cards answered, plans, quarter ends). */
  commands: number;
}

/** Plays every game and returns its per-quarter hashes, in the order given. */
export function playSpecs(specs: readonly GameSpec[]): GameHashes[] {
  return specs.map((spec) => {
    const level = getLevel(spec.level);
    const { state, log } = playGame(level, spec.seed, spec.company, spec.policy);
    if (!state.ending) throw new Error(`${describeSpec(spec)}: the game did not end`);
    return {
      quarters: state.history.map((r) => r.quarter),
      hashes: state.history.map((r) => r.hash),
      finalHash: hashState(state),
      ending: state.ending.kind,
      score: state.ending.score,
      commands: log.length,
    };
  });
}

export interface QuarterState {
  /** The hash this replay recorded for the quarter (equal to playSpecs' unless the runtime wavers). */
  hash: string;
  /** The state right after the quarter ended, history left out (as the desync detector compares it). */
  state: unknown;
}

/**
 * The state right after the game's quarter with this index ended, as plain JSON: what the test
 * diffs between two runtimes once their hashes part ways. Null if the game had fewer quarters.
 */
export function stateAfterQuarter(spec: GameSpec, quarterIndex: number): QuarterState | null {
  const level = getLevel(spec.level);
  const { log } = playGame(level, spec.seed, spec.company, spec.policy);
  const created = createGame(level, spec.seed, spec.company);
  if (!created.ok) throw new Error(created.error.message);
  let state: GameState = created.state;
  let ended = 0;
  for (const cmd of log as readonly Command[]) {
    const r = applyCommand(level, state, cmd);
    if (!r.ok) throw new Error(`${describeSpec(spec)}: replay refused ${cmd.type}: ${r.error.message}`);
    state = r.state;
    if (cmd.type === 'quarter/end' && ended++ === quarterIndex) {
      const hash = state.history[quarterIndex]?.hash ?? '';
      return { hash, state: JSON.parse(JSON.stringify({ ...state, history: [] })) };
    }
  }
  return null;
}

export function describeSpec(s: GameSpec): string {
  return `level ${s.level}, seed ${s.seed}, company ${s.company}, policy ${s.policy}`;
}
