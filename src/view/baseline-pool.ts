// A few Web Workers that play worlds' par reference runs for the instructor view (see
// app/baseline-worker.ts), behind the BaselineService that verifyClass takes. Each job goes to
// the worker with the fewest jobs waiting; a worker that fails to start or crashes fails its
// jobs, and verifyClass then plays those worlds on the page itself.

import type { BaselineAnswer, BaselineJob } from '../app/baseline-worker';
import type { BaselineService } from '../app/verify';

export interface BaselinePool {
  service: BaselineService;
  /** Workers started. */
  size: number;
  /** Stops every worker; jobs still waiting fail. */
  close(): void;
}

/** Workers worth starting here: one per core, at most four (0 when this browser has no workers). */
export function poolSize(): number {
  if (typeof Worker === 'undefined') return 0;
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(4, cores));
}

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
  type Waiting = { resolve: (s: number[]) => void; reject: (e: Error) => void; worker: number };
  const waiting = new Map<number, Waiting>();
  const load = workers.map(() => 0);
  const alive = workers.map(() => true);
  let nextId = 1;
  let closed = false;
  const fail = (worker: number, why: string) => {
    alive[worker] = false;
    for (const [id, w] of waiting)
      if (w.worker === worker) {
        waiting.delete(id);
        w.reject(new Error(why));
      }
  };
  workers.forEach((w, i) => {
    w.onmessage = (e: MessageEvent<BaselineAnswer>) => {
      const a = e.data;
      const job = waiting.get(a.id);
      if (!job) return;
      waiting.delete(a.id);
      load[i]!--;
      if (a.ok) job.resolve(a.scores);
      else job.reject(new Error(a.error));
    };
    w.onerror = (e) => {
      e.preventDefault();
      fail(i, e.message || 'the worker stopped');
    };
  });
  const service: BaselineService = (world) =>
    new Promise((resolve, reject) => {
      let pick = -1;
      for (let i = 0; i < workers.length; i++) if (alive[i] && (pick < 0 || load[i]! < load[pick]!)) pick = i;
      if (closed || pick < 0) {
        reject(new Error('no baseline worker'));
        return;
      }
      const id = nextId++;
      waiting.set(id, { resolve, reject, worker: pick });
      load[pick]!++;
      const job: BaselineJob = { id, ...world };
      workers[pick]!.postMessage(job);
    });
  return {
    service,
    size,
    close() {
      if (closed) return;
      closed = true;
      for (const w of workers) w.terminate();
      for (const [id, w] of waiting) {
        waiting.delete(id);
        w.reject(new Error('closed'));
      }
    },
  };
}
