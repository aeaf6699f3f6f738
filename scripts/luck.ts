// Skill against luck, measured on the par reference set (src/engine/par.ts) played on many seeds:
// `npm run --silent tournament -- --luck`. For each company, a table of scores (reference strategy ×
// seed) gives three figures:
// - the split of the score variance into strategy, seed and strategy × seed (a two-way analysis of
//   variance without replication: sums of squares as shares of the total);
// - the spread of a reference strategy's percentile among the set over the seeds (interquartile
//   range), i.e. how much a steady way of playing is moved about by the seed;
// - how often, on one seed, the strategy with the higher mean score beats the lower one, over the
//   pairs whose means differ by at least 10 %.
// Pure functions: tournament.ts plays the games, tests/luck.test.ts checks the arithmetic.

import { percentileOf } from '../src/engine/index';

/** Shares of the total sum of squares, in % (they add up to 100). */
export interface VarianceSplit {
  strategy: number;
  seed: number;
  interaction: number;
  /** The sums of squares themselves. */
  ss: { strategy: number; seed: number; interaction: number; total: number };
}

/**
 * Two-way ANOVA split of a full table y[strategy][seed] (one score per cell): with grand mean m,
 * strategy means rᵢ and seed means cⱼ, SS_strategy = n_seeds·Σ(rᵢ−m)², SS_seed = n_strategies·Σ(cⱼ−m)²,
 * SS_total = ΣΣ(y−m)² and the strategy × seed remainder SS_total − SS_strategy − SS_seed. An empty or
 * constant table has no variance to split: all shares 0.
 */
export function varianceSplit(y: readonly (readonly number[])[]): VarianceSplit {
  const a = y.length;
  const b = a > 0 ? y[0]!.length : 0;
  if (y.some((row) => row.length !== b)) throw new RangeError('varianceSplit: the rows differ in length');
  const zero = { strategy: 0, seed: 0, interaction: 0, total: 0 };
  if (a === 0 || b === 0) return { strategy: 0, seed: 0, interaction: 0, ss: zero };
  let sum = 0;
  for (const row of y) for (const v of row) sum += v;
  const m = sum / (a * b);
  const rowMean = y.map((row) => row.reduce((s, v) => s + v, 0) / b);
  const colMean = Array.from({ length: b }, (_, j) => y.reduce((s, row) => s + row[j]!, 0) / a);
  let total = 0;
  for (const row of y) for (const v of row) total += (v - m) ** 2;
  const strategy = b * rowMean.reduce((s, r) => s + (r - m) ** 2, 0);
  const seed = a * colMean.reduce((s, c) => s + (c - m) ** 2, 0);
  const interaction = Math.max(0, total - strategy - seed);
  if (total === 0) return { strategy: 0, seed: 0, interaction: 0, ss: zero };
  const pct = (x: number) => (100 * x) / total;
  return {
    strategy: pct(strategy),
    seed: pct(seed),
    interaction: pct(interaction),
    ss: { strategy, seed, interaction, total },
  };
}

/** A share of the strategy × seed sum of squares and of the games, in %. */
export interface Share {
  ss: number;
  games: number;
}

/**
 * Where the strategy × seed part of the variance comes from: each cell's residual
 * (y − rowMean − colMean + grandMean)² summed by the cell's label (how the game ended), as shares
 * of the whole, with the share of games that carry each label.
 */
export function interactionBy(
  y: readonly (readonly number[])[],
  labels: readonly (readonly string[])[],
): Record<string, Share> {
  const a = y.length;
  const b = a > 0 ? y[0]!.length : 0;
  const out: Record<string, Share> = {};
  if (a === 0 || b === 0) return out;
  const m = y.reduce((s, row) => s + row.reduce((t, v) => t + v, 0), 0) / (a * b);
  const rowMean = y.map((row) => row.reduce((s, v) => s + v, 0) / b);
  const colMean = Array.from({ length: b }, (_, j) => y.reduce((s, row) => s + row[j]!, 0) / a);
  let total = 0;
  for (let i = 0; i < a; i++)
    for (let j = 0; j < b; j++) {
      const r = (y[i]![j]! - rowMean[i]! - colMean[j]! + m) ** 2;
      const k = labels[i]![j]!;
      const o = out[k] ?? { ss: 0, games: 0 };
      o.ss += r;
      o.games++;
      out[k] = o;
      total += r;
    }
  for (const o of Object.values(out)) {
    o.ss = total > 0 ? (100 * o.ss) / total : 0;
    o.games = (100 * o.games) / (a * b);
  }
  return out;
}

/**
 * The q-quantile (0..1) of some numbers by linear interpolation between the order statistics (the
 * spreadsheet QUARTILE.INC / R type 7 rule). NaN for none.
 */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((p, r) => p - r);
  if (s.length === 0) return Number.NaN;
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

/** A strategy's percentile among the set on each seed, and their spread. */
export interface PercentileSpread {
  strategy: string;
  median: number;
  q1: number;
  q3: number;
  /** q3 − q1, percentile points. */
  iqr: number;
}

/** Percentile of y[i][j] among the column y[·][j] (the whole set on seed j), for every seed. */
export function percentilesBySeed(y: readonly (readonly number[])[], i: number): number[] {
  const b = y[0]?.length ?? 0;
  return Array.from({ length: b }, (_, j) => {
    const col = y.map((row) => row[j]!).sort((p, r) => p - r);
    return percentileOf(y[i]![j]!, col);
  });
}

export function percentileSpread(
  y: readonly (readonly number[])[],
  i: number,
  strategy: string,
): PercentileSpread {
  const ps = percentilesBySeed(y, i);
  const q1 = quantile(ps, 0.25);
  const q3 = quantile(ps, 0.75);
  return { strategy, median: quantile(ps, 0.5), q1, q3, iqr: q3 - q1 };
}

/** Pairs of strategies whose mean scores differ by at least this share of the lower mean. */
export const CLEAR_GAP = 0.1;

/** How often the better strategy (by mean) of a pair beats the other on the same seed. */
export interface PairBeats {
  /** Pairs whose means differ by ≥ CLEAR_GAP. */
  pairs: number;
  /** Wins of the higher-mean strategy over all those pairs and seeds, a tie counting half, in %. */
  beatRate: number;
  /** Share of those pairs in which the higher-mean strategy wins on ≥ 80 % of the seeds, in %. */
  pairsAt80: number;
  /** The pair with the lowest rate. */
  worst: { better: string; worse: string; beatRate: number } | null;
}

export function pairBeats(y: readonly (readonly number[])[], names: readonly string[]): PairBeats {
  const b = y[0]?.length ?? 0;
  const mean = y.map((row) => row.reduce((s, v) => s + v, 0) / Math.max(1, b));
  let pairs = 0;
  let wins = 0;
  let at80 = 0;
  let worst: PairBeats['worst'] = null;
  for (let i = 0; i < y.length; i++)
    for (let k = i + 1; k < y.length; k++) {
      const [hi, lo] = mean[i]! >= mean[k]! ? [i, k] : [k, i];
      if (b === 0 || mean[hi]! - mean[lo]! < CLEAR_GAP * Math.abs(mean[lo]!) || mean[hi] === mean[lo])
        continue;
      let w = 0;
      for (let j = 0; j < b; j++) {
        const d = y[hi]![j]! - y[lo]![j]!;
        w += d > 0 ? 1 : d === 0 ? 0.5 : 0;
      }
      const rate = (100 * w) / b;
      pairs++;
      wins += w;
      if (rate >= 80) at80++;
      if (!worst || rate < worst.beatRate) worst = { better: names[hi]!, worse: names[lo]!, beatRate: rate };
    }
  return {
    pairs,
    beatRate: pairs > 0 ? (100 * wins) / (pairs * b) : Number.NaN,
    pairsAt80: pairs > 0 ? (100 * at80) / pairs : Number.NaN,
    worst,
  };
}

/** Everything --luck reports for one company. */
export interface CompanyLuck {
  company: string;
  seeds: number;
  strategies: number;
  split: VarianceSplit;
  /** The named autopilots as named (no shift), then the median spread over the whole set. */
  spreads: PercentileSpread[];
  medianIqr: number;
  pairs: PairBeats;
  /** The strategy × seed sum of squares by how the games ended (see interactionBy). */
  interactionByEnding: Record<string, Share>;
}

/**
 * The report of one company from its table y[strategy][seed] and the games' endings; `named` marks
 * the rows whose spread is listed one by one.
 */
export function companyLuck(
  company: string,
  y: readonly (readonly number[])[],
  endings: readonly (readonly string[])[],
  names: readonly string[],
  named: readonly boolean[],
): CompanyLuck {
  const spreads = names.map((n, i) => percentileSpread(y, i, n));
  return {
    company,
    seeds: y[0]?.length ?? 0,
    strategies: y.length,
    split: varianceSplit(y),
    spreads: spreads.filter((_, i) => named[i]),
    medianIqr: quantile(
      spreads.map((s) => s.iqr),
      0.5,
    ),
    pairs: pairBeats(y, names),
    interactionByEnding: interactionBy(y, endings),
  };
}

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');

/** The text table of --luck. */
export function formatLuck(reports: readonly CompanyLuck[]): string {
  const head = [
    'company',
    'strategy %',
    'seed %',
    'strategy×seed %',
    'pairs ≥10% apart',
    'better wins %',
    'pairs ≥80 %',
    'median IQR',
  ];
  const rows = reports.map((r) => [
    r.company,
    f1(r.split.strategy),
    f1(r.split.seed),
    f1(r.split.interaction),
    String(r.pairs.pairs),
    f1(r.pairs.beatRate),
    f1(r.pairs.pairsAt80),
    f1(r.medianIqr),
  ]);
  const table = (h: string[], rs: string[][]) => {
    const widths = h.map((x, i) => Math.max(x.length, ...rs.map((r) => r[i]!.length)));
    const line = (cs: readonly string[]) =>
      cs.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    return [line(h), line(widths.map((w) => '-'.repeat(w))), ...rs.map(line)].join('\n');
  };
  const out = [
    'Score variance split (two-way ANOVA over reference strategies × seeds, % of the total sum of squares),',
    'how often the better strategy of a pair wins on the same seed, and the median over the set of a',
    "strategy's percentile interquartile range across seeds:",
    '',
    table(head, rows),
    '',
    'Percentile of each named autopilot among the set across seeds (median [q1–q3], IQR):',
    '',
  ];
  const names = reports[0]?.spreads.map((s) => s.strategy) ?? [];
  out.push(
    table(
      ['company', ...names],
      reports.map((r) => [
        r.company,
        ...r.spreads.map((s) => `${f1(s.median)} [${f1(s.q1)}–${f1(s.q3)}] ${f1(s.iqr)}`),
      ]),
    ),
  );
  const worst = reports
    .filter((r) => r.pairs.worst)
    .map(
      (r) =>
        `  ${r.company}: ${r.pairs.worst!.better} over ${r.pairs.worst!.worse} ${f1(r.pairs.worst!.beatRate)} %`,
    );
  if (worst.length)
    out.push('', 'Closest clear pair per company (better by mean wins on the same seed):', ...worst);
  out.push('', 'Where the strategy × seed part comes from, by ending (% of it, in % of the games):');
  for (const r of reports) {
    const parts = Object.entries(r.interactionByEnding)
      .sort((p, q) => q[1].ss - p[1].ss)
      .map(([k, v]) => `${k} ${f1(v.ss)} % in ${f1(v.games)} %`);
    out.push(`  ${r.company}: ${parts.join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}
