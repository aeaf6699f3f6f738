// The instructor view's helper thread: plays worlds' par reference runs (src/engine/par.ts: the
// fixed reference strategies on one level, seed and company) in a Web Worker, so verifying a class
// uses every core and the page stays smooth. The page imports this module only to learn its own
// address (WORKER_URL) and starts workers on it; in a worker it answers jobs. The build keeps the
// engine and the levels in a chunk of their own (vite.config.ts), so this chunk is small and loads
// no view code. The scores are the engine's own: the page makes par from them with the same
// function as everywhere else (src/app/par.ts parFromAnswer).

// zod's setting first: the worker runs under the same Content Security Policy (no eval).
import '../zod-jitless';
import { REFERENCE_STRATEGIES, referenceScore, setStateFreezing } from '../engine/index';
import { findLevel, LEVEL_IDS } from './levels';
import { referenceRunUnits } from './warm-up-runs';

/** A world whose reference runs to play; `id` pairs the answer with its question. */
export interface BaselineJob {
  id: number;
  levelId: string;
  levelVersion: number;
  seed: number;
  company: string;
}

export type BaselineAnswer =
  | { id: number; ok: true; scores: number[] }
  | { id: number; ok: false; error: string };

/**
 * What a worker posts: a job's answer; after each of a job's reference runs but the last, how many
 * it has played (so the page's bar moves while it waits); and once, when its warm-up has ended
 * (done, or cut short by the first job).
 */
export type WorkerMessage = BaselineAnswer | { id: number; ran: number } | { ready: true };

/**
 * Worlds whose reference runs a worker plays when it starts, before any job (app/warm-up-runs.ts):
 * measured in Chromium, a worker's first few worlds take 2–5 times as long as its later ones.
 */
export const WORKER_WARM_UP_WORLDS = 4;

/** This module's address: a module worker started on it runs the handler below. */
export const WORKER_URL: string = import.meta.url;

/**
 * The reference scores of a job's world (REFERENCE_STRATEGIES order), or why there are none;
 * `ran` hears how many runs are played after each run but the last.
 */
export function answer(job: BaselineJob, ran?: (runs: number) => void): BaselineAnswer {
  try {
    const level = findLevel(job.levelId);
    if (!level || level.version !== job.levelVersion)
      return { id: job.id, ok: false, error: `no level ${job.levelId} v${job.levelVersion}` };
    const scores = REFERENCE_STRATEGIES.map((r, k) => {
      if (k > 0) ran?.(k);
      return referenceScore(level, job.seed, job.company, r);
    });
    return { id: job.id, ok: true, scores };
  } catch (e) {
    return { id: job.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

interface WorkerScope {
  onmessage: ((e: MessageEvent<BaselineJob>) => void) | null;
  postMessage: (m: WorkerMessage) => void;
}

const WorkerGlobal = (globalThis as { WorkerGlobalScope?: abstract new () => unknown }).WorkerGlobalScope;
if (WorkerGlobal && globalThis instanceof WorkerGlobal) {
  // As on the page: frozen states only in development (freezing never changes a result).
  setStateFreezing(!import.meta.env.PROD);
  const scope = globalThis as unknown as WorkerScope;
  // The first level (the campaign a class usually plays) is read now, while the instructor is
  // still pasting codes, any other on its first job; and its warm-up runs one reference run at a
  // time, ending as soon as a job comes (a job never waits for more than one run).
  const first = LEVEL_IDS[0] ? findLevel(LEVEL_IDS[0]) : undefined;
  const units = first ? referenceRunUnits(first, WORKER_WARM_UP_WORLDS) : [];
  let warming = true;
  const ready = () => {
    if (!warming) return;
    warming = false;
    scope.postMessage({ ready: true });
  };
  const next = (k: number) => {
    if (!warming) return;
    if (k >= units.length) return ready();
    try {
      units[k]!();
    } catch {
      return ready();
    }
    tick.port2.postMessage(k + 1);
  };
  // A message to itself, not setTimeout: browsers stretch nested timeouts to 4 ms each.
  const tick = new MessageChannel();
  tick.port1.onmessage = (e: MessageEvent<number>) => next(e.data);
  scope.onmessage = (e) => {
    ready();
    tick.port1.close();
    const id = e.data.id;
    scope.postMessage(answer(e.data, (ran) => scope.postMessage({ id, ran })));
  };
  next(0);
}
