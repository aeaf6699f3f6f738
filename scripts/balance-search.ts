// The balance search behind `npm run --silent balance` (scripts/balance.ts, docs/balance.md): per
// company, a random search over the parametrised strategy (src/app/strategy.ts) and hill climbing
// from the best few, scored on training seeds by made-it count then total score; the best few sets
// on the training seeds ranked again on selection seeds (the search best: the best there); then every figure
// that matters measured again on held-out seeds, next to the named autopilots, with three balance
// checks (one set for every company, raising every quarter, pretraining-first).
//
// Every draw of the search is keyed (uniformSource in src/app/strategy/draws.ts: the search seed
// and the company's place in the level), every game is deterministic and every tally is a sum of
// whole numbers, so the report depends on the arguments alone: not on the number of worker threads
// nor their timing, nor on which other companies are searched in the same run.
//
// This file holds the report's shape and runs the phases, each a file: balance-train.ts (the search
// on the training seeds and the selection), balance-held-out.ts (the held-out figures and checks), balance-pool.ts
// (where the games are played), balance-tally.ts (tallies and figures), balance-report.ts (the text).

import { availableParallelism } from 'node:os';
import { findLevel } from '../src/app/levels';
import type { NamedPolicy, StrategyParams } from '../src/app/strategy';
import { NAMED_POLICIES } from '../src/app/strategy';
import type { Level } from '../src/engine/index';
import { RULES_VERSION } from '../src/engine/index';
import type { EndingKind } from '../src/engine/types';
import { companyReports, playHeldOut, UNIVERSAL_POINTS, universalRows } from './balance-held-out';
import { inProcess, workerPool } from './balance-pool';
import { FINALISTS, Progress, searchTraining, Trainer } from './balance-train';

export { UNIVERSAL_POINTS } from './balance-held-out';

/** The version of the report's shape (`--json`); bump it when a field changes. */
export const BALANCE_VERSION = 3;

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

export interface BalanceOptions {
  levelId: string;
  companies: readonly string[];
  trainSeeds: readonly number[];
  testSeeds: readonly number[];
  /**
   * Seeds on which the best few sets of the training seeds are ranked again to pick the search best
   * (disjoint from the training and held-out seeds); absent or empty: the best on the training seeds.
   */
  selectSeeds?: readonly number[];
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
  /** `select`: its figures on the selection seeds (no games without them). */
  best: { params: StrategyParams; summary: string; train: Figures; select: Figures; test: Figures };
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
  selectSeeds: number[];
  /** Sets per company ranked on the selection seeds (0 without them). */
  finalists: number;
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

// --- The search -------------------------------------------------------------------------------

export async function runBalance(opts: BalanceOptions, onProgress?: OnProgress): Promise<BalanceReport> {
  const level = findLevel(opts.levelId);
  if (!level) throw new Error(`unknown level "${opts.levelId}"`);
  const places = placesOf(level, opts);
  const { budget, companies } = opts;
  const climbers = Math.min(budget.climbers, budget.candidates + NAMED_POLICIES.length);
  const progress = new Progress(gamesAtMost(opts, climbers), onProgress);
  const ev = opts.workers === 0 ? inProcess(level.id) : workerPool(level.id, opts.workers);
  try {
    const trainer = new Trainer(ev, companies, opts.trainSeeds, progress);
    const training = await searchTraining(trainer, opts, places, climbers, progress);
    progress.phase = 'held-out seeds';
    const best = training.best.map((b) => b.p);
    const tally = await playHeldOut(ev, companies, opts.testSeeds, best, progress);
    const reports = companyReports(companies, training, tally);
    return reportOf(level, opts, climbers, progress.played, reports, universalRows(companies, tally));
  } finally {
    await ev.close();
  }
}

/** The companies' places in the level's list (the search's draws are keyed by them), checking the seeds. */
function placesOf(level: Level, opts: BalanceOptions): number[] {
  const overlap = opts.trainSeeds.filter((s) => opts.testSeeds.includes(s));
  if (overlap.length > 0) throw new Error(`held-out seeds overlap the training seeds (${overlap[0]})`);
  const select = opts.selectSeeds ?? [];
  const shared = select.filter((s) => opts.testSeeds.includes(s) || opts.trainSeeds.includes(s));
  if (shared.length > 0)
    throw new Error(`selection seeds overlap the training or held-out seeds (${shared[0]})`);
  return opts.companies.map((c) => {
    const i = level.player.companies.indexOf(c);
    if (i < 0) throw new Error(`unknown company "${c}"`);
    return i;
  });
}

/** The games the search may play, for the progress line (cached repeats count as done). */
function gamesAtMost(opts: BalanceOptions, climbers: number): number {
  const { budget, trainSeeds, testSeeds } = opts;
  const nc = opts.companies.length;
  const starts = budget.candidates + NAMED_POLICIES.length;
  const crossSteps = nc > 1 ? Math.ceil(budget.steps / 2) : 0;
  const trainTotal =
    nc *
    (starts + (nc > 1 ? nc : 0) + climbers * budget.mutants * (budget.steps + crossSteps)) *
    trainSeeds.length;
  const testTotal = nc * (nc + NAMED_POLICIES.length + 1) * testSeeds.length;
  const selectTotal = nc * FINALISTS * (opts.selectSeeds?.length ?? 0);
  return trainTotal + selectTotal + testTotal;
}

function reportOf(
  level: Level,
  opts: BalanceOptions,
  climbers: number,
  games: number,
  reports: CompanyReport[],
  rows: UniversalRow[],
): BalanceReport {
  const betterFor = reports.filter((r) => r.raiseEveryQuarter.better).map((r) => r.company);
  return {
    balanceVersion: BALANCE_VERSION,
    rulesVersion: RULES_VERSION,
    level: level.id,
    levelVersion: level.version,
    trainSeeds: [...opts.trainSeeds],
    testSeeds: [...opts.testSeeds],
    selectSeeds: [...(opts.selectSeeds ?? [])],
    finalists: (opts.selectSeeds?.length ?? 0) > 0 ? FINALISTS : 0,
    budget: { ...opts.budget, climbers },
    searchSeed: opts.searchSeed,
    games,
    companies: reports,
    universal: { withinPoints: UNIVERSAL_POINTS, rows, any: rows.some((r) => r.universal) },
    raiseEveryQuarter: { betterFor, any: betterFor.length > 0 },
    pretrainingFirst: reports.map((r) => {
      const f = r.autopilots.find((a) => a.policy === 'pretraining-first')!.test;
      return { company: r.company, madeItRate: f.madeItRate, meanScore: f.meanScore };
    }),
  };
}

/** The default worker count: every core. */
export const defaultWorkers = () => availableParallelism();
