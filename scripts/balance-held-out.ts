// The balance search on the held-out seeds: every company's best set played on every company (the
// diagonal is its own figure), the named autopilots and the best set with a round every quarter;
// then each company's report and the "one set for every company" rows from those tallies.

import type { NamedPolicy, StrategyParams } from '../src/app/strategy';
import { formatParams, NAMED_POLICIES, RAISE_ALWAYS } from '../src/app/strategy';
import type { Evaluator } from './balance-pool';
import type { CompanyReport, UniversalRow } from './balance-search';
import type { Tally } from './balance-tally';
import { addTo, better, emptyTally, figuresOf, points } from './balance-tally';
import type { Progress, TrainingResult } from './balance-train';
import type { EvalJob } from './balance-worker';

/** A held-out made-it rate within this many points of a company's best counts as "as good". */
export const UNIVERSAL_POINTS = 10;

/** Held-out evaluations are cut into pieces of this many seeds (an even load for the workers). */
const TEST_PIECE = 25;

/** The tally of a held-out key: `set|<from>|<on>`, `auto|<policy>|<company>` or `raise|<company>`. */
export type HeldOut = (key: string) => Tally;

/** Plays every held-out evaluation; `best` is each company's best set, in `companies` order. */
export async function playHeldOut(
  ev: Evaluator,
  companies: readonly string[],
  testSeeds: readonly number[],
  best: readonly StrategyParams[],
  progress: Progress,
): Promise<HeldOut> {
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
    for (const on of companies) add(`set|${from}|${on}`, on, best[fi]!);
    for (const policy of NAMED_POLICIES) add(`auto|${policy}|${from}`, from, null, policy);
    add(`raise|${from}`, from, { ...best[fi]!, raiseBelow: RAISE_ALWAYS, roundGap: 0 });
  });
  const testResults = await ev.run(testJobs, progress.tick);
  const tallies = new Map<string, Tally>();
  testResults.forEach((r, i) => {
    const key = keys[i]!;
    const t = tallies.get(key) ?? emptyTally();
    addTo(t, r);
    tallies.set(key, t);
    progress.played += r.games;
  });
  return (key) => tallies.get(key) ?? emptyTally();
}

/** Each company's report: its best set on training and held-out seeds, the autopilots, the gap. */
export function companyReports(
  companies: readonly string[],
  training: TrainingResult,
  tally: HeldOut,
): CompanyReport[] {
  return companies.map((company, ci) => {
    const mine = tally(`set|${company}|${company}`);
    const autos = NAMED_POLICIES.map((policy) => ({ policy, t: tally(`auto|${policy}|${company}`) }));
    const top = autos.reduce((a, b) => (better(b.t, a.t) ? b : a));
    const raise = tally(`raise|${company}`);
    const best = training.best[ci]!;
    const start = training.start[ci]!;
    return {
      company,
      best: {
        params: best.p,
        summary: formatParams(best.p),
        train: figuresOf(best.t),
        select: figuresOf(training.select[ci]!),
        test: figuresOf(mine),
      },
      start: { params: start.p, summary: formatParams(start.p), train: figuresOf(start.t) },
      search: {
        evaluated: training.evaluated[ci]!,
        accepted: training.accepted[ci]!,
        trainTrace: training.traces[ci]!,
      },
      autopilots: autos.map((a) => ({ policy: a.policy, test: figuresOf(a.t) })),
      bestAutopilot: top.policy,
      gapPoints: points(figuresOf(mine).madeItRate, figuresOf(top.t).madeItRate),
      raiseEveryQuarter: { test: figuresOf(raise), better: better(raise, mine) },
    };
  });
}

/**
 * Universal: does one company's best set come within UNIVERSAL_POINTS of the best any searched set
 * reached on every company (usually its own, but another company's set may do better)?
 */
export function universalRows(companies: readonly string[], tally: HeldOut): UniversalRow[] {
  const columnBest = (c: string) =>
    companies.map((from) => tally(`set|${from}|${c}`)).reduce((a, b) => (better(b, a) ? b : a));
  return companies.map((from) => {
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
}
