// Where the balance search's games are played: in this thread (`--workers 0`), or on a fixed pool of
// worker threads running balance-worker.ts, each batch cut into chunks. Results come back in the
// order of the jobs, whoever played them.

import type { Worker } from 'node:worker_threads';
import { setStateFreezing } from '../src/engine/index';
import type {
  BalanceWorkerData,
  EvalJob,
  EvalResult,
  FromBalanceWorker,
  ToBalanceWorker,
} from './balance-worker';
import { evaluate } from './balance-worker';
import { startTsWorker } from './ts-worker';

/** Plays evaluations: here, or on a pool of worker threads. */
export interface Evaluator {
  run(jobs: readonly EvalJob[], onGames: (n: number) => void): Promise<EvalResult[]>;
  close(): Promise<void>;
}

/** Plays every evaluation in this thread (`--workers 0`). */
export function inProcess(levelId: string): Evaluator {
  setStateFreezing(false);
  return {
    async run(jobs, onGames) {
      const out: EvalResult[] = [];
      for (const j of jobs) {
        out.push(evaluate(levelId, j));
        onGames(j.seeds.length);
      }
      return out;
    },
    async close() {
      setStateFreezing(true);
    },
  };
}

/** Starts a worker thread that runs balance-worker.ts (scripts/ts-worker.ts). */
function startWorker(levelId: string): Worker {
  const data: BalanceWorkerData = { balance: true, levelId };
  return startTsWorker(new URL('./balance-worker.ts', import.meta.url), data);
}

/** A fixed set of worker threads kept for the whole search; each batch is cut into chunks. */
export function workerPool(levelId: string, size: number): Evaluator {
  const workers = Array.from({ length: size }, () => startWorker(levelId));
  let closing = false;
  type Batch = {
    chunks: EvalJob[][];
    next: number;
    got: Map<number, EvalResult>;
    want: number;
    onGames: (n: number) => void;
    resolve: () => void;
    reject: (e: Error) => void;
  };
  let batch: Batch | null = null;
  const feed = (w: Worker) => {
    if (!batch || batch.next >= batch.chunks.length) return;
    w.postMessage({ jobs: batch.chunks[batch.next++]! } satisfies ToBalanceWorker);
  };
  for (const w of workers) {
    w.on('message', (m: FromBalanceWorker) => {
      const b = batch;
      if (!b) return;
      if ('fatal' in m) return b.reject(new Error(`a worker failed: ${m.fatal}`));
      let games = 0;
      for (const r of m.results) {
        b.got.set(r.id, r);
        games += r.games;
      }
      b.onGames(games);
      if (b.got.size >= b.want) b.resolve();
      else feed(w);
    });
    w.on('error', (e) => batch?.reject(e));
    w.on('exit', (code) => {
      if (!closing) batch?.reject(new Error(`a worker stopped unexpectedly (exit code ${code})`));
    });
  }
  return {
    run(jobs, onGames) {
      if (jobs.length === 0) return Promise.resolve([]);
      // About eight chunks per worker a batch: even loads, few messages.
      const per = Math.max(1, Math.ceil(jobs.length / (workers.length * 8)));
      const chunks: EvalJob[][] = [];
      for (let i = 0; i < jobs.length; i += per) chunks.push(jobs.slice(i, i + per));
      return new Promise<EvalResult[]>((resolve, reject) => {
        batch = {
          chunks,
          next: 0,
          got: new Map(),
          want: jobs.length,
          onGames,
          resolve: () => {
            const b = batch!;
            batch = null;
            resolve(jobs.map((j) => b.got.get(j.id)!));
          },
          reject: (e) => {
            batch = null;
            reject(e);
          },
        };
        for (const w of workers) feed(w);
      });
    },
    async close() {
      closing = true;
      await Promise.all(
        workers.map((w) => {
          w.postMessage({ stop: true } satisfies ToBalanceWorker);
          return w.terminate();
        }),
      );
    },
  };
}
