// A few Web Workers that play worlds' par reference runs for the instructor view (see
// app/baseline-worker.ts), behind the BaselineService that verifyClass takes. Jobs wait in a queue
// on the page and each worker gets one at a time, so a job no worker has started can be taken back
// (withdraw) and played on the page once the page has verified its codes: every thread stays busy
// to the end. A worker that fails to start or crashes fails its job, and verifyClass then plays
// that world on the page itself.

import type { BaselineJob, WorkerMessage } from '../app/baseline-worker';
import type { BaselineService, BaselineWorld } from '../app/verify';

export interface BaselinePool {
  service: BaselineService;
  /** Workers started. */
  size: number;
  /** Settles once every worker has ended its warm-up (or stopped): the class will go fastest. */
  ready: Promise<void>;
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

interface Job {
  job: BaselineJob;
  ran?: (runs: number) => void;
  resolve: (s: number[]) => void;
  reject: (e: Error) => void;
}

/** The queue on the page and the job each worker is playing; a dead worker takes no more. */
class Workers {
  readonly queued: Job[] = [];
  private readonly busy: (Job | null)[];
  private readonly alive: boolean[];
  private readonly warm: boolean[];
  private onReady: () => void = () => {};
  readonly ready = new Promise<void>((resolve) => {
    this.onReady = resolve;
  });
  closed = false;

  constructor(private readonly workers: readonly Worker[]) {
    this.busy = workers.map(() => null);
    this.alive = workers.map(() => true);
    this.warm = workers.map(() => false);
    workers.forEach((w, i) => {
      w.onmessage = (e: MessageEvent<WorkerMessage>) => {
        const a = e.data;
        if ('ready' in a) return this.warmed(i);
        const j = this.busy[i];
        if (!j || j.job.id !== a.id) return;
        if ('ran' in a) return j.ran?.(a.ran);
        this.busy[i] = null;
        if (a.ok) j.resolve(a.scores);
        else j.reject(new Error(a.error));
        this.dispatch();
      };
      w.onerror = (e) => {
        e.preventDefault();
        this.alive[i] = false;
        this.warmed(i);
        this.settle(i, new Error(e.message || 'the worker stopped'));
        this.dispatch();
      };
    });
  }

  get anyAlive(): boolean {
    return this.alive.some(Boolean);
  }

  /** Hands waiting jobs to idle workers; with no worker left alive, the waiting jobs fail. */
  dispatch(): void {
    for (let i = 0; i < this.workers.length && this.queued.length > 0; i++) {
      if (!this.alive[i] || this.busy[i]) continue;
      const j = this.queued.shift()!;
      this.busy[i] = j;
      this.workers[i]!.postMessage(j.job);
    }
    if (!this.anyAlive) this.drop('no baseline worker');
  }

  /** Worker i has ended its warm-up (or died): once all have, the pool is ready. */
  private warmed(i: number): void {
    this.warm[i] = true;
    if (this.warm.every(Boolean)) this.onReady();
  }

  /** Fails every job still waiting. */
  drop(why: string): void {
    for (const j of this.queued.splice(0)) j.reject(new Error(why));
  }

  /** Fails worker i's job under way, if any. */
  settle(i: number, e: Error): void {
    const j = this.busy[i];
    this.busy[i] = null;
    j?.reject(e);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const w of this.workers) w.terminate();
    this.onReady();
    this.drop('closed');
    for (let i = 0; i < this.busy.length; i++) this.settle(i, new Error('closed'));
  }
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
  const started: Worker[] = [];
  try {
    for (let i = 0; i < size; i++)
      started.push(new Worker(url, { type: 'module', name: `six-tigers-baseline-${i + 1}` }));
  } catch {
    for (const w of started) w.terminate();
    return null;
  }
  const pool = new Workers(started);
  let nextId = 1;
  const request = (world: BaselineWorld, ran?: (runs: number) => void): Promise<readonly number[]> =>
    new Promise((resolve, reject) => {
      if (pool.closed || !pool.anyAlive) {
        reject(new Error('no baseline worker'));
        return;
      }
      pool.queued.push({ job: { id: nextId++, ...world }, resolve, reject, ...(ran ? { ran } : {}) });
      pool.dispatch();
    });
  const service: BaselineService = Object.assign(request, {
    withdraw(world: BaselineWorld): boolean {
      const k = pool.queued.findIndex((j) => sameWorld(j.job, world));
      if (k < 0) return false;
      pool.queued.splice(k, 1)[0]!.reject(new Error('withdrawn'));
      return true;
    },
  });
  return { service, size, ready: pool.ready, drop: () => pool.drop('dropped'), close: () => pool.close() };
}
