// The balance search on the training seeds, per company: a random search over the parametrised
// strategy (src/app/strategy.ts) next to the autopilot-like sets, then hill climbing from the best
// few, then (with several companies) cross-seeding every company's best into the others' climbers
// and climbing again, finely; then the best few sets ranked again on selection seeds. Scores are
// cached by company and parameter set, and every draw is keyed by the search seed and the company's
// place in the level, so the result depends on the arguments alone.

import type { StrategyParams, Uniform } from '../src/app/strategy';
import { AUTOPILOT_LIKE, mutate, NAMED_POLICIES, randomParams, uniformSource } from '../src/app/strategy';
import type { Evaluator } from './balance-pool';
import type { BalanceOptions, OnProgress } from './balance-search';
import type { Tally } from './balance-tally';
import { addTo, better, emptyTally } from './balance-tally';
import type { EvalJob } from './balance-worker';

/** The search's stream numbers for a company (its place in the level's list). */
const RANDOM_STREAM = (place: number) => place * 2;
const MUTATE_STREAM = (place: number) => place * 2 + 1;

/** Games done of `total` in the current phase, reported as they come; `played` leaves out cached repeats. */
export class Progress {
  done = 0;
  played = 0;
  phase = 'random search';

  constructor(
    readonly total: number,
    private readonly onProgress: OnProgress | undefined,
  ) {}

  readonly tick = (n: number): void => {
    this.done += n;
    this.onProgress?.(this.done, this.total, this.phase);
  };
}

/** Training scores, cached by company and parameter set: a neighbour met twice is played once. */
export class Trainer {
  private readonly cache = new Map<string, Climber>();

  constructor(
    readonly evaluator: Evaluator,
    private readonly companies: readonly string[],
    private readonly seeds: readonly number[],
    private readonly progress: Progress,
  ) {}

  private keyOf(ci: number, p: StrategyParams): string {
    return `${ci}|${JSON.stringify(p)}`;
  }

  /** The tally of each set (company index and parameters) on the training seeds. */
  async train(sets: readonly { ci: number; p: StrategyParams }[]): Promise<Tally[]> {
    const jobs: EvalJob[] = [];
    const seen = new Set<string>();
    let cached = 0;
    for (const { ci, p } of sets) {
      const k = this.keyOf(ci, p);
      if (this.cache.has(k) || seen.has(k)) {
        cached += this.seeds.length;
        continue;
      }
      seen.add(k);
      jobs.push({ id: jobs.length, company: this.companies[ci]!, params: p, seeds: this.seeds });
    }
    this.progress.tick(cached);
    const results = await this.evaluator.run(jobs, this.progress.tick);
    jobs.forEach((j, i) => {
      const t = emptyTally();
      addTo(t, results[i]!);
      this.progress.played += t.games;
      this.cache.set(this.keyOf(this.companies.indexOf(j.company), j.params!), { p: j.params!, t });
    });
    return sets.map(({ ci, p }) => this.cache.get(this.keyOf(ci, p))!.t);
  }

  /** The best `k` distinct sets played for a company, best first (ties: the order they were first played). */
  top(ci: number, k: number): Climber[] {
    const mine = [...this.cache.entries()]
      .filter(([key]) => key.startsWith(`${ci}|`))
      .map(([, c], i) => ({ ...c, i }));
    mine.sort((a, b) => (better(a.t, b.t) ? -1 : better(b.t, a.t) ? 1 : a.i - b.i));
    return mine.slice(0, k).map(({ p, t }) => ({ p, t }));
  }

  /** Distinct parameter sets played for a company. */
  evaluated(ci: number): number {
    return [...this.cache.keys()].filter((k) => k.startsWith(`${ci}|`)).length;
  }
}

export interface Climber {
  p: StrategyParams;
  t: Tally;
}

/** Finalists per company: the best sets on the training seeds, ranked again on the selection seeds. */
export const FINALISTS = 8;

export interface TrainingResult {
  /**
   * Per company: the best set found, with its training tally: with selection seeds, the finalist
   * with the best tally on them; without, the best climber on the training seeds.
   */
  best: Climber[];
  /** Per company: the best set's tally on the selection seeds (no games without selection seeds). */
  select: Tally[];
  /** Per company: the best candidate of the random phase, where the climbing started. */
  start: Climber[];
  /** Per company: the best training made-it rate after the random phase and after each step. */
  traces: number[][];
  /** Per company: hill-climbing moves taken. */
  accepted: number[];
  /** Per company: distinct parameter sets played. */
  evaluated: number[];
}

const rateOf = (t: Tally) => (t.games > 0 ? t.madeIt / t.games : 0);
const bestOf = (cl: readonly Climber[]) => cl.reduce((a, b) => (better(b.t, a.t) ? b : a));

/** The whole training search; `places` are the companies' places in the level's list. */
export async function searchTraining(
  trainer: Trainer,
  opts: BalanceOptions,
  places: readonly number[],
  climbers: number,
  progress: Progress,
): Promise<TrainingResult> {
  const { budget, companies } = opts;
  const climbing = await randomSearch(trainer, opts, places, climbers);
  const start = climbing.map((cl) => cl[0]!);
  const climb: Climb = {
    trainer,
    climbing,
    mutants: budget.mutants,
    mutators: places.map((place) => uniformSource(opts.searchSeed, MUTATE_STREAM(place))),
    traces: climbing.map((cl) => [rateOf(bestOf(cl).t)]),
    accepted: companies.map(() => 0),
  };
  // Hill climbing: the neighbourhood shrinks from 35 % of each range to 5 %.
  progress.phase = 'hill climbing';
  await climbSteps(climb, budget.steps, 0.35, 0.05);
  if (companies.length > 1) {
    progress.phase = 'cross-seeding';
    await crossSeed(trainer, climbing);
    await climbSteps(climb, Math.ceil(budget.steps / 2), 0.15, 0.05);
  }
  const { best, select } = await selectBest(opts, trainer, climbing, progress);
  return {
    best,
    select,
    start,
    traces: climb.traces,
    accepted: climb.accepted,
    evaluated: companies.map((_, ci) => trainer.evaluated(ci)),
  };
}

/**
 * Selection: each company's FINALISTS best sets on the training seeds (the climbers among them) are
 * played on the selection seeds, and the best there (then the better on the training seeds) is the
 * company's best. A set that tops 40 training seeds partly by luck tops them less often on other
 * seeds: ranking the finalists on seeds the search never climbed on picks the one that generalises,
 * without looking at the held-out seeds. No selection seeds: the best climber.
 */
async function selectBest(
  opts: BalanceOptions,
  trainer: Trainer,
  climbing: Climber[][],
  progress: Progress,
): Promise<{ best: Climber[]; select: Tally[] }> {
  const seeds = opts.selectSeeds ?? [];
  if (seeds.length === 0) return { best: climbing.map(bestOf), select: climbing.map(() => emptyTally()) };
  progress.phase = 'selection';
  const finalists = opts.companies.map((_, ci) => trainer.top(ci, FINALISTS));
  const selector = new Trainer(trainer.evaluator, opts.companies, seeds, progress);
  const scores = await selector.train(finalists.flatMap((fs, ci) => fs.map(({ p }) => ({ ci, p }))));
  let k = 0;
  const picks = finalists.map((fs) => {
    let pick = 0;
    const tallies = fs.map(() => scores[k++]!);
    tallies.forEach((t, i) => {
      if (better(t, tallies[pick]!)) pick = i;
    });
    return { best: fs[pick]!, select: tallies[pick]! };
  });
  return { best: picks.map((x) => x.best), select: picks.map((x) => x.select) };
}

/**
 * Random search: the autopilot-like sets and `candidates` random ones per company, played; the
 * best `climbers` distinct sets of each company, best first (ties keep the draw order).
 */
async function randomSearch(
  trainer: Trainer,
  opts: BalanceOptions,
  places: readonly number[],
  climbers: number,
): Promise<Climber[][]> {
  const pools = places.map((place) => {
    const u = uniformSource(opts.searchSeed, RANDOM_STREAM(place));
    const drawn = Array.from({ length: opts.budget.candidates }, () => randomParams(u));
    return [...NAMED_POLICIES.map((p) => AUTOPILOT_LIKE[p]), ...drawn];
  });
  const starts = opts.budget.candidates + NAMED_POLICIES.length;
  const firstScores = await trainer.train(pools.flatMap((pool, ci) => pool.map((p) => ({ ci, p }))));
  return pools.map((pool, ci) => {
    const scored = pool.map((p, i) => ({ p, t: firstScores[ci * starts + i]!, i }));
    scored.sort((a, b) => (better(a.t, b.t) ? -1 : better(b.t, a.t) ? 1 : a.i - b.i));
    const out: Climber[] = [];
    const keys = new Set<string>();
    for (const s of scored) {
      const k = JSON.stringify(s.p);
      if (keys.has(k)) continue;
      keys.add(k);
      out.push({ p: s.p, t: s.t });
      if (out.length >= climbers) break;
    }
    return out;
  });
}

/** The climbers of every company and what the climbing keeps track of. */
interface Climb {
  trainer: Trainer;
  climbing: Climber[][];
  mutants: number;
  mutators: Uniform[];
  traces: number[][];
  accepted: number[];
}

/**
 * Hill climbing: each climber tries `mutants` neighbours a step and moves to the best one if it is
 * better; the neighbourhood's scale goes from `from` to `to` over the steps.
 */
async function climbSteps(c: Climb, steps: number, from: number, to: number): Promise<void> {
  for (let step = 0; step < steps; step++) {
    const scale = from - ((from - to) * step) / Math.max(1, steps - 1);
    const tries = c.climbing.map((cl, ci) =>
      cl.map((x) => Array.from({ length: c.mutants }, () => mutate(x.p, c.mutators[ci]!, scale))),
    );
    const scores = await c.trainer.train(
      tries.flatMap((cl, ci) => cl.flatMap((ms) => ms.map((p) => ({ ci, p })))),
    );
    let k = 0;
    c.climbing.forEach((cl, ci) => {
      cl.forEach((x, j) => {
        let pick: Climber | null = null;
        for (const p of tries[ci]![j]!) {
          const t = scores[k++]!;
          if (better(t, pick ? pick.t : x.t)) pick = { p, t };
        }
        if (pick) {
          cl[j] = pick;
          c.accepted[ci]!++;
        }
      });
      c.traces[ci]!.push(rateOf(bestOf(cl).t));
    });
  }
}

/**
 * Cross-seeding: every company's best so far is tried on every other company (a set found for one
 * company is often a good start for another); one that beats a company's worst climber replaces it.
 */
async function crossSeed(trainer: Trainer, climbing: Climber[][]): Promise<void> {
  const nc = climbing.length;
  const leaders = climbing.map((cl) => bestOf(cl).p);
  const crossScores = await trainer.train(climbing.flatMap((_, ci) => leaders.map((p) => ({ ci, p }))));
  climbing.forEach((cl, ci) => {
    leaders.forEach((p, fi) => {
      if (fi === ci) return;
      const t = crossScores[ci * nc + fi]!;
      const worst = cl.reduce((w, c, j) => (better(cl[w]!.t, c.t) ? j : w), 0);
      if (better(t, cl[worst]!.t) && !cl.some((c) => JSON.stringify(c.p) === JSON.stringify(p)))
        cl[worst] = { p, t };
    });
  });
}
