// The pars a class needs, wherever they are played: each world's par is asked of the baseline
// service (worker threads) as soon as a code of that world is read, taken back and played on the page once
// the page has verified its codes (steal), and played on the page when a worker failed or there
// is none. Each world counts once on the progress bar, whoever played it. A reference run that
// throws (an engine bug) costs that world its par, never the whole table.

import type { Level, Par } from '../engine/index';
import { PAR_RUNS } from '../engine/index';
import type { BaselineService, BaselineWorld } from './class/verify-class';
import type { ParCache } from './par';
import { parFor, parFromAnswer } from './par';
import type { Slicer } from './slicer';

/** A world whose par a class needs. */
export interface ParWorld {
  level: Level;
  seed: number;
  company: string;
}

export const worldOf = (w: ParWorld): BaselineWorld => ({
  levelId: w.level.id,
  levelVersion: w.level.version,
  seed: w.seed,
  company: w.company,
});

export class ClassPars {
  /** Worlds' pars played: by the service, here, and failed (no par). */
  readonly stats = { elsewhere: 0, here: 0, failed: 0 };
  /** Why a world has no par (a reference run threw). */
  readonly failed = new Map<string, string>();
  private readonly elsewhere = new Map<string, Promise<Par | null>>();
  private readonly counted = new Set<string>();
  /** Runs already counted on the bar of worlds still under way elsewhere. */
  private readonly partly = new Map<string, number>();
  private finished = false;

  /** The worlds asked for so far, by par key (see add). */
  private readonly worlds = new Map<string, ParWorld>();

  constructor(
    private readonly cache: ParCache,
    /**
     * Called with units of work done: PAR_RUNS per world in all, once a world's par is settled
     * (less what the service already reported of it as runs played).
     */
    private readonly onCounted: (units: number) => void,
    private readonly service?: BaselineService,
    private readonly signal?: AbortSignal,
  ) {}

  /** Worlds whose par is needed (played elsewhere or here). */
  get size(): number {
    return this.worlds.size;
  }

  /**
   * A world whose par is needed, asked of the service at once (while the page reads and verifies
   * codes); the answer lands in the cache when it comes. A world already added is ignored.
   */
  add(k: string, w: ParWorld): void {
    if (this.worlds.has(k)) return;
    this.worlds.set(k, w);
    const service = this.service;
    if (!service) return;
    this.elsewhere.set(
      k,
      service(worldOf(w), (runs) => this.countRuns(k, runs)).then(
        (scores) => {
          if (this.finished || this.signal?.aborted) return null;
          // Trust but check: an answer is PAR_RUNS finite scores, else it is played here.
          const p = parFromAnswer(scores);
          if (!p) return null;
          this.cache.set(k, p);
          this.stats.elsewhere++;
          this.count(k);
          return p;
        },
        () => null,
      ),
    );
  }

  /**
   * Plays here, from the back of the queue, the worlds the service has not started, while it
   * finishes the others: no thread waits while work is left.
   */
  async steal(slices: Slicer): Promise<void> {
    const withdraw = this.service?.withdraw;
    if (!withdraw) return;
    for (const [k, w] of [...this.worlds].reverse()) {
      if (this.cache.has(k) || !this.elsewhere.has(k) || !withdraw(worldOf(w))) continue;
      this.elsewhere.delete(k);
      await this.playHere(k, w, slices);
    }
  }

  /** A world's par: from the cache, from the service (waited for), or played here; null if it failed. */
  async parOf(k: string, w: ParWorld, slices: Slicer, abort: Promise<never> | null): Promise<Par | null> {
    let base = this.cache.get(k);
    const away = base || this.failed.has(k) ? undefined : this.elsewhere.get(k);
    if (away) {
      base = (await (abort ? Promise.race([away, abort]) : away)) ?? undefined;
      this.signal?.throwIfAborted();
    }
    if (!base && !this.failed.has(k)) {
      await this.playHere(k, w, slices);
      base = this.cache.get(k);
    }
    return base ?? null;
  }

  /** No more answers are taken (the caller is done or gone). */
  finish(): void {
    this.finished = true;
  }

  private async playHere(k: string, w: ParWorld, slices: Slicer): Promise<void> {
    try {
      parFor(w.level, w.seed, w.company, this.cache);
      this.stats.here++;
    } catch (e) {
      this.failed.set(k, e instanceof Error ? e.message : String(e));
      this.stats.failed++;
    }
    this.count(k);
    await slices.breathe();
  }

  private count(k: string): void {
    if (this.counted.has(k)) return;
    this.counted.add(k);
    this.onCounted(PAR_RUNS - (this.partly.get(k) ?? 0));
    this.partly.delete(k);
  }

  /** A world elsewhere has played `runs` of its runs: the bar moves by the runs not yet counted. */
  private countRuns(k: string, runs: number): void {
    if (this.counted.has(k) || this.finished) return;
    const before = this.partly.get(k) ?? 0;
    const now = Math.min(PAR_RUNS - 1, Math.max(before, Math.floor(runs)));
    if (now === before) return;
    this.partly.set(k, now);
    this.onCounted(now - before);
  }
}
