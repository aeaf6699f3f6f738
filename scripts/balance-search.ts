// The balance search behind `npm run --silent balance` (scripts/balance.ts, docs/balance.md): per
// company, a random search over the parametrised strategy (src/app/strategy.ts) and hill climbing
// from the best few, scored on training seeds by made-it count then total score; then every figure
// that matters measured again on held-out seeds, next to the named autopilots, with three balance
// checks (one set for every company, raising every quarter, pretraining-first).
//
// Every draw of the search is keyed (strategy.ts uniformSource: the search seed and the company's
// place in the level), every game is deterministic and every tally is a sum of whole numbers, so
// the report depends on the arguments alone: not on the number of worker threads nor their timing,
// nor on which other companies are searched in the same run.

import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { findLevel } from '../src/app/levels';
import type { NamedPolicy, StrategyParams } from '../src/app/strategy';
import {
  AUTOPILOT_LIKE,
  formatParams,
  mutate,
  NAMED_POLICIES,
  RAISE_ALWAYS,
  randomParams,
  uniformSource,
} from '../src/app/strategy';
import { RULES_VERSION, setStateFreezing } from '../src/engine/index';
import type { EndingKind } from '../src/engine/types';
import type {
  BalanceWorkerData,
  EvalJob,
  EvalResult,
  FromBalanceWorker,
  ToBalanceWorker,
} from './balance-worker';
import { evaluate } from './balance-worker';
import { startTsWorker } from './ts-worker';

/** The version of the report's shape (`--json`); bump it when a field changes. */
export const BALANCE_VERSION = 1;

/** How hard the search works per company. */
export interface Budget {
  /** Random candidates (the five autopilot-like sets are played besides). */
  candidates: number;
  /** Hill-climbing steps. */
  steps: number;
  /** Climbers: the best few of the random phase, each climbing on its own. */
  climbers: number;
  /** Neighbours each climber tries per step. */
  mutants: number;
}

export const DEFAULT_BUDGET: Budget = { candidates: 300, steps: 30, climbers: 4, mutants: 4 };
/** `--quick`: a search small enough for tests (seconds, not minutes). */
export const QUICK_BUDGET: Budget = { candidates: 12, steps: 3, climbers: 2, mutants: 2 };

/** A held-out made-it rate within this many points of a company's best counts as "as good". */
export const UNIVERSAL_POINTS = 10;

export interface BalanceOptions {
  levelId: string;
  companies: readonly string[];
  trainSeeds: readonly number[];
  testSeeds: readonly number[];
  budget: Budget;
  /** Seed of the search's own draws (not a game seed). */
  searchSeed: number;
  /** Worker threads; 0 plays in this thread. */
  workers: number;
}

/** Games played and their outcome. Rates are shares (0..1); the mean score is 万元, rounded. */
export interface Figures {
  games: number;
  madeIt: number;
  madeItRate: number;
  meanScore: number;
  endings: Record<EndingKind, number>;
}

export interface CompanyReport {
  company: string;
  best: { params: StrategyParams; summary: string; train: Figures; test: Figures };
  /** The best candidate of the random phase: where the climbing started. */
  start: { params: StrategyParams; summary: string; train: Figures };
  search: {
    /** Distinct parameter sets played on the training seeds. */
    evaluated: number;
    /** Hill-climbing moves taken (a neighbour better than its climber). */
    accepted: number;
    /** The best training made-it rate after the random phase and after each step. */
    trainTrace: number[];
  };
  autopilots: { policy: NamedPolicy; test: Figures }[];
  /** The autopilot with the best held-out made-it rate (then mean score). */
  bestAutopilot: NamedPolicy;
  /** Search's best minus the best autopilot, held-out made-it rate, percentage points. */
  gapPoints: number;
  /** The best set with a round opened every quarter none is under way. */
  raiseEveryQuarter: { test: Figures; better: boolean };
}

export interface UniversalRow {
  /** Whose best set. */
  from: string;
  on: { company: string; madeItRate: number; meanScore: number; pointsBelowBest: number }[];
  /**
   * Within UNIVERSAL_POINTS of every company's best, the best held-out made-it rate any company's
   * best set reached on it.
   */
  universal: boolean;
}

export interface BalanceReport {
  balanceVersion: number;
  rulesVersion: number;
  level: string;
  levelVersion: number;
  trainSeeds: number[];
  testSeeds: number[];
  budget: Budget;
  searchSeed: number;
  /** Games played, cached repeats left out. */
  games: number;
  companies: CompanyReport[];
  universal: { withinPoints: number; rows: UniversalRow[]; any: boolean };
  raiseEveryQuarter: { betterFor: string[]; any: boolean };
  pretrainingFirst: { company: string; madeItRate: number; meanScore: number }[];
}

/** What the search is doing, for a progress line: games done of (at most) `total`. */
export type OnProgress = (done: number, total: number, phase: string) => void;

// --- Evaluating -----------------------------------------------------------------------------

interface Evaluator {
  run(jobs: readonly EvalJob[], onGames: (n: number) => void): Promise<EvalResult[]>;
  close(): Promise<void>;
}

function inProcess(levelId: string): Evaluator {
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
function workerPool(levelId: string, size: number): Evaluator {
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

// --- Tallies ----------------------------------------------------------------------------------

interface Tally {
  games: number;
  madeIt: number;
  scoreSum: number;
  endings: Record<EndingKind, number>;
}

const emptyTally = (): Tally => ({
  games: 0,
  madeIt: 0,
  scoreSum: 0,
  endings: { 'made-it': 0, acquired: 0, 'out-of-money': 0, 'times-up': 0 },
});

function addTo(t: Tally, r: EvalResult): void {
  t.games += r.games;
  t.madeIt += r.madeIt;
  t.scoreSum += r.scoreSum;
  for (const k of Object.keys(t.endings) as EndingKind[]) t.endings[k] += r.endings[k];
}

/** Better on the same games: more made-it endings, then a higher total score. */
function better(a: Tally, b: Tally): boolean {
  return a.madeIt !== b.madeIt ? a.madeIt > b.madeIt : a.scoreSum > b.scoreSum;
}

function figuresOf(t: Tally): Figures {
  const n = t.games;
  const share = (k: number) => (n > 0 ? k / n : 0);
  return {
    games: n,
    madeIt: t.madeIt,
    madeItRate: share(t.madeIt),
    meanScore: n > 0 ? Math.round(t.scoreSum / n) : 0,
    endings: {
      'made-it': share(t.endings['made-it']),
      acquired: share(t.endings.acquired),
      'out-of-money': share(t.endings['out-of-money']),
      'times-up': share(t.endings['times-up']),
    },
  };
}

/** Percentage points between two rates, to one decimal (no float dust in the report). */
const points = (a: number, b: number) => Math.round((a - b) * 1000) / 10;

// --- The search -------------------------------------------------------------------------------

/** The search's stream numbers for a company (its place in the level's list). */
const RANDOM_STREAM = (place: number) => place * 2;
const MUTATE_STREAM = (place: number) => place * 2 + 1;

/** Held-out evaluations are cut into pieces of this many seeds (an even load for the workers). */
const TEST_PIECE = 25;

export async function runBalance(opts: BalanceOptions, onProgress?: OnProgress): Promise<BalanceReport> {
  const level = findLevel(opts.levelId);
  if (!level) throw new Error(`unknown level "${opts.levelId}"`);
  const { budget, companies, trainSeeds, testSeeds } = opts;
  const overlap = trainSeeds.filter((s) => testSeeds.includes(s));
  if (overlap.length > 0) throw new Error(`held-out seeds overlap the training seeds (${overlap[0]})`);
  const places = companies.map((c) => {
    const i = level.player.companies.indexOf(c);
    if (i < 0) throw new Error(`unknown company "${c}"`);
    return i;
  });
  const nc = companies.length;
  const starts = budget.candidates + NAMED_POLICIES.length;
  const climbers = Math.min(budget.climbers, starts);
  const crossSteps = nc > 1 ? Math.ceil(budget.steps / 2) : 0;
  const trainTotal =
    nc *
    (starts + (nc > 1 ? nc : 0) + climbers * budget.mutants * (budget.steps + crossSteps)) *
    trainSeeds.length;
  const testTotal = nc * (nc + NAMED_POLICIES.length + 1) * testSeeds.length;
  const total = trainTotal + testTotal;
  let done = 0;
  let played = 0;
  let phase = 'random search';
  const tick = (n: number) => {
    done += n;
    onProgress?.(done, total, phase);
  };

  const ev = opts.workers === 0 ? inProcess(level.id) : workerPool(level.id, opts.workers);
  try {
    // Training scores, cached by company and parameter set: a neighbour met twice is played once.
    const cache = new Map<string, Tally>();
    const keyOf = (ci: number, p: StrategyParams) => `${ci}|${JSON.stringify(p)}`;
    const train = async (sets: readonly { ci: number; p: StrategyParams }[]): Promise<Tally[]> => {
      const jobs: EvalJob[] = [];
      const seen = new Set<string>();
      let cached = 0;
      for (const { ci, p } of sets) {
        const k = keyOf(ci, p);
        if (cache.has(k) || seen.has(k)) {
          cached += trainSeeds.length;
          continue;
        }
        seen.add(k);
        jobs.push({ id: jobs.length, company: companies[ci]!, params: p, seeds: trainSeeds });
      }
      tick(cached);
      const results = await ev.run(jobs, tick);
      jobs.forEach((j, i) => {
        const t = emptyTally();
        addTo(t, results[i]!);
        played += t.games;
        cache.set(keyOf(companies.indexOf(j.company), j.params!), t);
      });
      return sets.map(({ ci, p }) => cache.get(keyOf(ci, p))!);
    };

    // 1. Random search: the autopilot-like sets and `candidates` random ones per company.
    const pools = places.map((place) => {
      const u = uniformSource(opts.searchSeed, RANDOM_STREAM(place));
      const drawn = Array.from({ length: budget.candidates }, () => randomParams(u));
      return [...NAMED_POLICIES.map((p) => AUTOPILOT_LIKE[p]), ...drawn];
    });
    const firstScores = await train(pools.flatMap((pool, ci) => pool.map((p) => ({ ci, p }))));
    type Climber = { p: StrategyParams; t: Tally };
    const climbing: Climber[][] = pools.map((pool, ci) => {
      const scored = pool.map((p, i) => ({ p, t: firstScores[ci * starts + i]!, i }));
      // Best first; ties keep the draw order. Distinct sets only.
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
    const startBest = climbing.map((cl) => cl[0]!);
    const rateOf = (t: Tally) => (t.games > 0 ? t.madeIt / t.games : 0);
    const bestOf = (cl: readonly Climber[]) => cl.reduce((a, b) => (better(b.t, a.t) ? b : a));
    const traces = climbing.map((cl) => [rateOf(bestOf(cl).t)]);
    const accepted = companies.map(() => 0);

    // 2. Hill climbing: each climber tries `mutants` neighbours a step and moves to the best one
    //    if it is better; the neighbourhood shrinks from 35 % of each range to 5 %.
    phase = 'hill climbing';
    const mutators = places.map((place) => uniformSource(opts.searchSeed, MUTATE_STREAM(place)));
    const climb = async (steps: number, from: number, to: number) => {
      for (let step = 0; step < steps; step++) {
        const scale = from - ((from - to) * step) / Math.max(1, steps - 1);
        const tries = climbing.map((cl, ci) =>
          cl.map((c) => Array.from({ length: budget.mutants }, () => mutate(c.p, mutators[ci]!, scale))),
        );
        const scores = await train(tries.flatMap((cl, ci) => cl.flatMap((ms) => ms.map((p) => ({ ci, p })))));
        let k = 0;
        climbing.forEach((cl, ci) => {
          cl.forEach((c, j) => {
            let pick: Climber | null = null;
            for (const p of tries[ci]![j]!) {
              const t = scores[k++]!;
              if (better(t, pick ? pick.t : c.t)) pick = { p, t };
            }
            if (pick) {
              cl[j] = pick;
              accepted[ci]!++;
            }
          });
          traces[ci]!.push(rateOf(bestOf(cl).t));
        });
      }
    };
    await climb(budget.steps, 0.35, 0.05);

    // 2b. Cross-seeding: every company's best so far is tried on every other company (a set found
    //     for one company is often a good start for another); one that beats a company's worst
    //     climber replaces it, and the climbers take half as many steps again, finely.
    if (nc > 1) {
      phase = 'cross-seeding';
      const leaders = climbing.map((cl) => bestOf(cl).p);
      const crossScores = await train(climbing.flatMap((_, ci) => leaders.map((p) => ({ ci, p }))));
      climbing.forEach((cl, ci) => {
        leaders.forEach((p, fi) => {
          if (fi === ci) return;
          const t = crossScores[ci * nc + fi]!;
          const worst = cl.reduce((w, c, j) => (better(cl[w]!.t, c.t) ? j : w), 0);
          if (better(t, cl[worst]!.t) && !cl.some((c) => JSON.stringify(c.p) === JSON.stringify(p)))
            cl[worst] = { p, t };
        });
      });
      await climb(Math.ceil(budget.steps / 2), 0.15, 0.05);
    }
    const best = climbing.map(bestOf);

    // 3. Held-out seeds: every company's best on every company (the diagonal is its own figure),
    //    the autopilots, and the best with a round every quarter.
    phase = 'held-out seeds';
    const testJobs: EvalJob[] = [];
    const keys: string[] = [];
    const add = (key: string, company: string, params: StrategyParams | null, policy?: NamedPolicy) => {
      for (let i = 0; i < testSeeds.length; i += TEST_PIECE) {
        const seeds = testSeeds.slice(i, i + TEST_PIECE);
        testJobs.push(
          policy
            ? { id: testJobs.length, company, params: null, policy, seeds }
            : { id: testJobs.length, company, params, seeds },
        );
        keys.push(key);
      }
    };
    companies.forEach((from, fi) => {
      for (const on of companies) add(`set|${from}|${on}`, on, best[fi]!.p);
      for (const policy of NAMED_POLICIES) add(`auto|${policy}|${from}`, from, null, policy);
      add(`raise|${from}`, from, { ...best[fi]!.p, raiseBelow: RAISE_ALWAYS });
    });
    const testResults = await ev.run(testJobs, tick);
    const tallies = new Map<string, Tally>();
    testResults.forEach((r, i) => {
      const key = keys[i]!;
      const t = tallies.get(key) ?? emptyTally();
      addTo(t, r);
      tallies.set(key, t);
      played += r.games;
    });
    const tally = (key: string) => tallies.get(key) ?? emptyTally();

    const reports: CompanyReport[] = companies.map((company, ci) => {
      const mine = tally(`set|${company}|${company}`);
      const autos = NAMED_POLICIES.map((policy) => ({ policy, t: tally(`auto|${policy}|${company}`) }));
      const top = autos.reduce((a, b) => (better(b.t, a.t) ? b : a));
      const raise = tally(`raise|${company}`);
      return {
        company,
        best: {
          params: best[ci]!.p,
          summary: formatParams(best[ci]!.p),
          train: figuresOf(best[ci]!.t),
          test: figuresOf(mine),
        },
        start: {
          params: startBest[ci]!.p,
          summary: formatParams(startBest[ci]!.p),
          train: figuresOf(startBest[ci]!.t),
        },
        search: {
          evaluated: [...cache.keys()].filter((k) => k.startsWith(`${ci}|`)).length,
          accepted: accepted[ci]!,
          trainTrace: traces[ci]!,
        },
        autopilots: autos.map((a) => ({ policy: a.policy, test: figuresOf(a.t) })),
        bestAutopilot: top.policy,
        gapPoints: points(figuresOf(mine).madeItRate, figuresOf(top.t).madeItRate),
        raiseEveryQuarter: { test: figuresOf(raise), better: better(raise, mine) },
      };
    });

    // Universal: does one company's best set come within UNIVERSAL_POINTS of the best any searched
    // set reached on every company (usually its own, but another company's set may do better)?
    const columnBest = (c: string) =>
      companies.map((from) => tally(`set|${from}|${c}`)).reduce((a, b) => (better(b, a) ? b : a));
    const rows: UniversalRow[] = companies.map((from) => {
      const on = companies.map((c) => {
        const f = figuresOf(tally(`set|${from}|${c}`));
        return {
          company: c,
          madeItRate: f.madeItRate,
          meanScore: f.meanScore,
          pointsBelowBest: points(figuresOf(columnBest(c)).madeItRate, f.madeItRate),
        };
      });
      // In whole games, so that exactly ten points counts as within.
      const universal = companies.every((c) => {
        const top = columnBest(c);
        return (top.madeIt - tally(`set|${from}|${c}`).madeIt) * 100 <= UNIVERSAL_POINTS * top.games;
      });
      return { from, on, universal };
    });
    const betterFor = reports.filter((r) => r.raiseEveryQuarter.better).map((r) => r.company);

    return {
      balanceVersion: BALANCE_VERSION,
      rulesVersion: RULES_VERSION,
      level: level.id,
      levelVersion: level.version,
      trainSeeds: [...trainSeeds],
      testSeeds: [...testSeeds],
      budget: { ...budget, climbers },
      searchSeed: opts.searchSeed,
      games: played,
      companies: reports,
      universal: { withinPoints: UNIVERSAL_POINTS, rows, any: rows.some((r) => r.universal) },
      raiseEveryQuarter: { betterFor, any: betterFor.length > 0 },
      pretrainingFirst: reports.map((r) => {
        const f = r.autopilots.find((a) => a.policy === 'pretraining-first')!.test;
        return { company: r.company, madeItRate: f.madeItRate, meanScore: f.meanScore };
      }),
    };
  } finally {
    await ev.close();
  }
}

/** The default worker count: every core. */
export const defaultWorkers = () => availableParallelism();

// --- The text report ----------------------------------------------------------------------------

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const yuanM = (wan: number) => (wan / 100).toFixed(1);
const signed = (x: number) => `${x > 0 ? '+' : ''}${x.toFixed(1)}`;

function table(head: readonly string[], rows: readonly (readonly string[])[], left = 1): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i < left ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

const seedText = (s: readonly number[]) =>
  s.length > 1 ? `${s[0]}…${s[s.length - 1]} (${s.length})` : `${s[0]} (1)`;

export function formatReport(r: BalanceReport): string {
  const out: string[] = [];
  const b = r.budget;
  out.push(
    `balance search  level ${r.level} v${r.levelVersion}  rules ${r.rulesVersion}  training seeds ${seedText(r.trainSeeds)}  held-out seeds ${seedText(r.testSeeds)}`,
  );
  out.push(
    `budget per company: ${b.candidates} random + ${NAMED_POLICIES.length} autopilot-like candidates, ${b.climbers} climbers × ${b.steps} steps × ${b.mutants} neighbours  search seed ${r.searchSeed}  ${r.games} games`,
  );
  for (const c of r.companies) {
    out.push('', `${c.company}`);
    out.push(`  best found: ${c.best.summary}`);
    out.push(
      `  training: made it ${pct(c.best.train.madeItRate)}, mean ¥M ${yuanM(c.best.train.meanScore)} (random-search start ${pct(c.start.train.madeItRate)}, ¥M ${yuanM(c.start.train.meanScore)}; ${c.search.evaluated} sets played, ${c.search.accepted} climbing moves)`,
    );
    const rows = [
      ['search best', pct(c.best.test.madeItRate), yuanM(c.best.test.meanScore)],
      ...c.autopilots.map((a) => [a.policy, pct(a.test.madeItRate), yuanM(a.test.meanScore)]),
      [
        'best, raising every quarter',
        pct(c.raiseEveryQuarter.test.madeItRate),
        yuanM(c.raiseEveryQuarter.test.meanScore),
      ],
    ];
    out.push(...table(['held-out', 'made-it', 'mean ¥M'], rows).map((l) => `  ${l}`));
    out.push(
      `  gap: search best − best autopilot (${c.bestAutopilot}) = ${signed(c.gapPoints)} points of made-it rate`,
    );
  }

  out.push('', 'summary (held-out seeds)');
  out.push(
    ...table(
      [
        'company',
        'search best',
        'best autopilot',
        'its rate',
        'gap pts',
        'pretraining-first',
        'raise every Q',
      ],
      r.companies.map((c) => {
        const top = c.autopilots.find((a) => a.policy === c.bestAutopilot)!;
        return [
          c.company,
          pct(c.best.test.madeItRate),
          c.bestAutopilot,
          pct(top.test.madeItRate),
          signed(c.gapPoints),
          pct(c.autopilots.find((a) => a.policy === 'pretraining-first')!.test.madeItRate),
          `${pct(c.raiseEveryQuarter.test.madeItRate)}${c.raiseEveryQuarter.better ? ' better' : ''}`,
        ];
      }),
      3,
    ),
  );

  out.push(
    '',
    `(a) universal: each company's best set played on every company (held-out made-it rate; within ${r.universal.withinPoints} points of the best rate on every company?)`,
  );
  const names = r.companies.map((c) => c.company);
  out.push(
    ...table(
      ['set of \\ on', ...names, 'universal'],
      r.universal.rows.map((row) => [
        row.from,
        ...row.on.map((o) => pct(o.madeItRate)),
        row.universal ? 'yes' : 'no',
      ]),
    ),
  );
  const uni = r.universal.rows.filter((x) => x.universal).map((x) => x.from);
  out.push(
    uni.length > 0
      ? `    yes: the set of ${uni.join(', ')} comes within ${r.universal.withinPoints} points of the best on every company`
      : `    no set comes within ${r.universal.withinPoints} points of the best on every company`,
  );
  out.push(
    '',
    `(b) raise every quarter: ${r.raiseEveryQuarter.any ? `better than the best for ${r.raiseEveryQuarter.betterFor.join(', ')}` : 'never better than the best'}`,
  );
  out.push(
    '',
    `(c) pretraining-first made-it rate: ${r.pretrainingFirst.map((p) => `${p.company} ${pct(p.madeItRate)}`).join(', ')}`,
  );
  return `${out.join('\n')}\n`;
}
