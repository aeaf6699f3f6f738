// A few Web Workers that play worlds' par reference runs for the instructor view (see
// app/baseline-worker.ts), behind the BaselineService that verifyClass takes. Jobs wait in a queue
// on the page and each worker gets one at a time, so a job no worker has started can be taken back
// (withdraw) and played on the page once the page has verified its codes: every thread stays busy
// to the end. A worker that fails to start or crashes fails its job, and verifyClass then plays
// that world on the page itself.

import type { BaselineAnswer, BaselineJob } from '../app/baseline-worker';
import type { BaselineService, BaselineWorld } from '../app/verify';

export interface BaselinePool {
  service: BaselineService;
  /** Workers started. */
  size: number;
  /** Drops every job no worker has started (they reject); jobs under way finish unheard. */
  drop(): void;
  /** Stops every worker; jobs still waiting fail. */
  close(): void;
}

/** Workers worth starting here: one per core, at most four (0 when this browser has no workers). */
export function poolSize(): number {
  if (typeof Worker === 'undefined') return 0;
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(4, cores));
}

const sameWorld = (a: BaselineWorld, b: BaselineWorld): boolean =>
  a.levelId === b.levelId &&
  a.levelVersion === b.levelVersion &&
  a.seed === b.seed &&
  a.company === b.company;

/** Starts `size` workers; null when this browser cannot (then baselines are computed on the page). */
export async function startBaselinePool(size = poolSize()): Promise<BaselinePool | null> {
  if (size < 1 || typeof Worker === 'undefined') return null;
  let url: string;
  try {
    url = (await import('../app/baseline-worker')).WORKER_URL;
  } catch {
    return null;
  }
  const workers: Worker[] = [];
  try {
    for (let i = 0; i < size; i++)
      workers.push(new Worker(url, { type: 'module', name: `six-tigers-baseline-${i + 1}` }));
  } catch {
    for (const w of workers) w.terminate();
    return null;
  }
  interface Job {
    job: BaselineJob;
    resolve: (s: number[]) => void;
    reject: (e: Error) => void;
  }
  const queued: Job[] = [];
  /** The job each worker is playing, if any. */
  const busy: (Job | null)[] = workers.map(() => null);
  const alive = workers.map(() => true);
  let nextId = 1;
  let closed = false;
  const dispatch = () => {
    for (let i = 0; i < workers.length && queued.length > 0; i++) {
      if (!alive[i] || busy[i]) continue;
      const j = queued.shift()!;
      busy[i] = j;
      workers[i]!.postMessage(j.job);
    }
    // No worker left alive: the waiting jobs fail, and the page plays them.
    if (!alive.some(Boolean)) for (const j of queued.splice(0)) j.reject(new Error('no baseline worker'));
  };
  workers.forEach((w, i) => {
    w.onmessage = (e: MessageEvent<BaselineAnswer>) => {
      const a = e.data;
      const j = busy[i];
      if (!j || j.job.id !== a.id) return;
      busy[i] = null;
      if (a.ok) j.resolve(a.scores);
      else j.reject(new Error(a.error));
      dispatch();
    };
    w.onerror = (e) => {
      e.preventDefault();
      alive[i] = false;
      const j = busy[i];
      busy[i] = null;
      j?.reject(new Error(e.message || 'the worker stopped'));
      dispatch();
    };
  });
  const request = (world: BaselineWorld): Promise<readonly number[]> =>
    new Promise((resolve, reject) => {
      if (closed || !alive.some(Boolean)) {
        reject(new Error('no baseline worker'));
        return;
      }
      queued.push({ job: { id: nextId++, ...world }, resolve, reject });
      dispatch();
    });
  const service: BaselineService = Object.assign(request, {
    withdraw(world: BaselineWorld): boolean {
      const k = queued.findIndex((j) => sameWorld(j.job, world));
      if (k < 0) return false;
      queued.splice(k, 1)[0]!.reject(new Error('withdrawn'));
      return true;
    },
  });
  return {
    service,
    size,
    drop() {
      for (const j of queued.splice(0)) j.reject(new Error('dropped'));
    },
    close() {
      if (closed) return;
      closed = true;
      for (const w of workers) w.terminate();
      for (const j of queued.splice(0)) j.reject(new Error('closed'));
      for (let i = 0; i < busy.length; i++) {
        busy[i]?.reject(new Error('closed'));
        busy[i] = null;
      }
    },
  };
}
