// A balance-search worker thread: plays the evaluations it is sent (one parameter set or autopilot on
// one company over some seeds) and posts back their tallies. Started by scripts/balance-pool.ts
// (which registers tsx in the thread first); the same `evaluate` runs in-process with --workers 0.

import { parentPort, workerData } from 'node:worker_threads';
import { findLevel } from '../src/app/levels';
import type { NamedPolicy, StrategyParams } from '../src/app/strategy';
import { playStrategy } from '../src/app/strategy';
import { playGame, setStateFreezing } from '../src/engine/index';
import type { EndingKind } from '../src/engine/types';

/** One evaluation: a parameter set (or a named autopilot) on one company over some seeds. */
export interface EvalJob {
  /** The caller's key for it; results come back under it. */
  id: number;
  company: string;
  /** The strategy's parameters, or null to play `policy`. */
  params: StrategyParams | null;
  policy?: NamedPolicy;
  seeds: readonly number[];
}

/** The tally of an evaluation's games. */
export interface EvalResult {
  id: number;
  games: number;
  madeIt: number;
  /** Sum of the final scores, 万元 (whole numbers: exact). */
  scoreSum: number;
  endings: Record<EndingKind, number>;
}

export type ToBalanceWorker = { jobs: EvalJob[] } | { stop: true };
export type FromBalanceWorker = { results: EvalResult[] } | { fatal: string };

export interface BalanceWorkerData {
  balance: true;
  levelId: string;
}

/** Plays an evaluation's games. Throws if the level is unknown or a game cannot be played. */
export function evaluate(levelId: string, job: EvalJob): EvalResult {
  const level = findLevel(levelId);
  if (!level) throw new Error(`unknown level "${levelId}"`);
  const endings: Record<EndingKind, number> = { 'made-it': 0, acquired: 0, 'out-of-money': 0, 'times-up': 0 };
  let scoreSum = 0;
  for (const seed of job.seeds) {
    let kind: EndingKind;
    let score: number;
    if (job.params) {
      const r = playStrategy(level, seed, job.company, job.params);
      kind = r.ending.kind;
      score = r.score;
    } else {
      if (!job.policy) throw new Error('an evaluation needs params or a policy');
      const e = playGame(level, seed, job.company, job.policy).state.ending!;
      kind = e.kind;
      score = e.score;
    }
    endings[kind]++;
    scoreSum += score;
  }
  return { id: job.id, games: job.seeds.length, madeIt: endings['made-it'], scoreSum, endings };
}

if (parentPort && (workerData as { balance?: boolean } | null)?.balance) {
  const port = parentPort;
  const { levelId } = workerData as BalanceWorkerData;
  setStateFreezing(false);
  port.on('message', (msg: ToBalanceWorker) => {
    if ('stop' in msg) {
      port.close();
      return;
    }
    try {
      port.postMessage({ results: msg.jobs.map((j) => evaluate(levelId, j)) } satisfies FromBalanceWorker);
    } catch (e) {
      port.postMessage({
        fatal: e instanceof Error ? (e.stack ?? e.message) : String(e),
      } satisfies FromBalanceWorker);
    }
  });
}
