// A tournament worker thread: plays the games it is sent and posts back their results. Started by
// scripts/tournament.ts (which registers tsx in the thread first, so this file runs as TypeScript
// under plain `node` too). The game logic is shared with the in-process fallback via playOne.

import { parentPort, workerData } from 'node:worker_threads';
import { findLevel } from '../src/app/levels';
import type { PolicyName } from '../src/engine/index';
import { playGame, REFERENCE_STRATEGIES, setStateFreezing } from '../src/engine/index';
import type { EndingKind } from '../src/engine/types';

export interface Job {
  seed: number;
  company: string;
  policy: PolicyName;
  /** A par reference strategy's id (REFERENCE_STRATEGIES; `--luck`): the policy with its shift. */
  reference?: string;
}

export interface GameResult extends Job {
  /** How the game ended, or 'error' if the engine threw (an engine bug: the message says what). */
  ending: EndingKind | 'error';
  score: number;
  endTurn: number;
  error?: string;
}

export type ToWorker = { jobs: Job[] } | { stop: true };
export type FromWorker = { results: GameResult[] } | { fatal: string };

/** Plays one game; never throws. */
export function playOne(levelId: string, job: Job): GameResult {
  try {
    const level = findLevel(levelId);
    if (!level) throw new Error(`unknown level "${levelId}"`);
    const ref = job.reference === undefined ? null : REFERENCE_STRATEGIES.find((r) => r.id === job.reference);
    if (ref === undefined) throw new Error(`unknown reference strategy "${job.reference}"`);
    const { state } = ref
      ? playGame(level, job.seed, job.company, ref.policy, 0, ref.shift)
      : playGame(level, job.seed, job.company, job.policy);
    const ending = state.ending!;
    return { ...job, ending: ending.kind, score: ending.score, endTurn: ending.turn };
  } catch (e) {
    return {
      ...job,
      ending: 'error',
      score: 0,
      endTurn: -1,
      error: e instanceof Error ? e.message : String(e),
    };
  }
}

if (parentPort && (workerData as { tournament?: boolean } | null)?.tournament) {
  const port = parentPort;
  const { levelId } = workerData as { levelId: string };
  setStateFreezing(false);
  port.on('message', (msg: ToWorker) => {
    if ('stop' in msg) {
      port.close();
      return;
    }
    try {
      const reply: FromWorker = { results: msg.jobs.map((j) => playOne(levelId, j)) };
      port.postMessage(reply);
    } catch (e) {
      const reply: FromWorker = { fatal: e instanceof Error ? (e.stack ?? e.message) : String(e) };
      port.postMessage(reply);
    }
  });
}
