// The data behind the instructor view's class charts, from a verified batch: every valid code is
// one game, shown (a) as a point of score against its average pretraining share, coloured by how
// it ended; (b) in the strip of its response to the price war (undercut, matched, premium, or no
// price in that quarter), with each strip's median score; (c) in the count of endings per
// company. Pure: the view only scales and draws.

import type { EndingKind } from '../engine/types';
import type { ClassRow, PriceWarResponse } from './verify';

/** How a valid game ended, with 'unfinished' for a code exported mid-game. */
export type EndingClass = EndingKind | 'unfinished';

/** In legend order: the good endings first. */
export const ENDING_CLASSES: readonly EndingClass[] = [
  'made-it',
  'acquired',
  'times-up',
  'out-of-money',
  'unfinished',
];

/** The price-war strips; 'none' holds games with no API price in that quarter (out, or no API market). */
export type WarGroup = PriceWarResponse | 'none';

export const WAR_GROUPS: readonly WarGroup[] = ['undercut', 'matched', 'premium', 'none'];

export interface ClassPoint {
  /** The row's position in the input (ClassRow.index). */
  index: number;
  name: string;
  company: string;
  ending: EndingClass;
  score: number;
}

export interface OutcomePoint extends ClassPoint {
  /** Average share of spend on pretraining, 0..1. */
  share: number;
}

export interface WarPoint extends ClassPoint {
  /** API price ÷ the market's in the price-war quarter (null in the 'none' strip). */
  priceRatio: number | null;
  /** Where in its strip the point sits, −0.5..0.5 (a fixed low-discrepancy spread, by score). */
  offset: number;
}

export interface WarStrip {
  group: WarGroup;
  points: WarPoint[];
  /** Median score of the strip, or null when it is empty. */
  median: number | null;
}

export interface EndingCounts {
  /** Companies in display order. */
  companies: string[];
  /** counts[ending][i]: games of companies[i] that ended that way. */
  counts: Record<EndingClass, number[]>;
  /** Games per company. */
  totals: number[];
}

export interface ClassCharts {
  /** Valid codes: each is one point in the war strips and one game in the ending counts. */
  valid: number;
  /** Score against average pretraining share: one point per valid game that played a quarter. */
  outcome: OutcomePoint[];
  /** Valid games left out of `outcome` (no quarter played, so no share). */
  outcomeMissing: number;
  war: WarStrip[];
  endings: EndingCounts;
  /** Lowest and highest score among the valid games ([0, 0] when there are none). */
  scoreRange: [number, number];
}

/** Golden-ratio steps: successive points of a strip spread evenly without a random source. */
const PHI = 0.6180339887498949;

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * The class charts' data from verified rows (any order; refused rows are skipped).
 * `companyOrder` puts companies in that order first (e.g. the level's), others follow as met.
 */
export function classCharts(rows: readonly ClassRow[], companyOrder: readonly string[] = []): ClassCharts {
  const valid = rows
    .filter((r) => r.status === 'valid' && r.score !== null && r.company !== null && r.ending !== null)
    .slice()
    .sort((a, b) => a.index - b.index);
  const base = (r: ClassRow): ClassPoint => ({
    index: r.index,
    name: r.name,
    company: r.company!,
    ending: r.ending!,
    score: r.score!,
  });

  const outcome: OutcomePoint[] = [];
  for (const r of valid) {
    const share = r.decisions?.avgPretrainingShare;
    if (share !== null && share !== undefined) outcome.push({ ...base(r), share });
  }

  const war: WarStrip[] = WAR_GROUPS.map((group) => {
    const members = valid.filter((r) => (r.decisions?.priceWarResponse ?? 'none') === group);
    const byScore = members.slice().sort((a, b) => a.score! - b.score! || a.index - b.index);
    const points = byScore.map((r, k) => ({
      ...base(r),
      priceRatio: r.decisions?.priceRatio ?? null,
      offset: ((k * PHI) % 1) - 0.5,
    }));
    return { group, points, median: median(points.map((p) => p.score)) };
  });

  const companies = companyOrder.filter((c) => valid.some((r) => r.company === c));
  for (const r of valid) if (!companies.includes(r.company!)) companies.push(r.company!);
  const counts = Object.fromEntries(
    ENDING_CLASSES.map((e) => [e, companies.map(() => 0)]),
  ) as unknown as Record<EndingClass, number[]>;
  for (const r of valid) counts[r.ending!][companies.indexOf(r.company!)]!++;
  const totals = companies.map((_, i) => ENDING_CLASSES.reduce((sum, e) => sum + counts[e][i]!, 0));

  const scores = valid.map((r) => r.score!);
  return {
    valid: valid.length,
    outcome,
    outcomeMissing: valid.length - outcome.length,
    war,
    endings: { companies, counts, totals },
    scoreRange: scores.length ? [Math.min(...scores), Math.max(...scores)] : [0, 0],
  };
}

/**
 * The order of the companies in the endings chart: each level of the class in the order it first
 * appears, and within a level the companies a player may run, in the level's order; each once.
 */
export function classCompanyOrder(
  rows: readonly Pick<ClassRow, 'levelId'>[],
  companiesOf: (levelId: string) => readonly string[] | undefined,
): string[] {
  const order: string[] = [];
  for (const id of new Set(rows.map((r) => r.levelId).filter((x): x is string => x !== null)))
    for (const c of companiesOf(id) ?? []) if (!order.includes(c)) order.push(c);
  return order;
}
