// The balance search's tallies: games, made-it endings and the score sum of an evaluation, which
// of two is better on the same games, and the figures (rates, mean score) the report shows.

import type { EndingKind } from '../src/engine/types';
import type { Figures } from './balance-search';
import type { EvalResult } from './balance-worker';

/** Games played and how they ended; every field a whole number, so sums are exact. */
export interface Tally {
  games: number;
  madeIt: number;
  scoreSum: number;
  endings: Record<EndingKind, number>;
}

export const emptyTally = (): Tally => ({
  games: 0,
  madeIt: 0,
  scoreSum: 0,
  endings: { 'made-it': 0, acquired: 0, 'out-of-money': 0, 'times-up': 0 },
});

export function addTo(t: Tally, r: EvalResult): void {
  t.games += r.games;
  t.madeIt += r.madeIt;
  t.scoreSum += r.scoreSum;
  for (const k of Object.keys(t.endings) as EndingKind[]) t.endings[k] += r.endings[k];
}

/** Better on the same games: more made-it endings, then a higher total score. */
export function better(a: Tally, b: Tally): boolean {
  return a.madeIt !== b.madeIt ? a.madeIt > b.madeIt : a.scoreSum > b.scoreSum;
}

export function figuresOf(t: Tally): Figures {
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
export const points = (a: number, b: number) => Math.round((a - b) * 1000) / 10;
