// Step 9, record: the market's aggregates for next quarter, the next state, and the quarter's line
// in the history (with the next state's hash).

import { acquisitionCost, at } from '../economy';
import { quarterLabel } from '../level';
import { withParts } from '../shapes';
import { stateHash } from '../statehash';
import type { GameState, GiantRecord, QuarterRecord } from '../types';
import type { QuarterWork } from './work';
import { alive } from './work';

let quarterHashes = true;

/**
 * Runs `play` with the history's per-quarter hashes left empty (''): for games only their score is
 * read from (par's reference runs), where hashing every quarter's state is a tenth of the work. The
 * hash is computed from the state and never read back by the engine, so every other field of every
 * state comes out the same (a test checks it).
 */
export function withoutQuarterHashes<T>(play: () => T): T {
  const before = quarterHashes;
  quarterHashes = false;
  try {
    return play();
  } finally {
    quarterHashes = before;
  }
}

export function record(w: QuarterWork): GameState {
  const { level, base, turn, startups, giants, books, api } = w;
  let adSpend = 0;
  for (let i = 0; i < startups.length; i++) adSpend += books[i]!.budgetBy.domestic;
  let overseasAdSpend = 0;
  for (let i = 0; i < startups.length; i++) overseasAdSpend += books[i]!.budgetBy.overseas;
  for (const g of giants) if (g.active) adSpend += g.adSpend;
  let bestDomestic = 0;
  for (const s of startups) if (alive(s)) bestDomestic = Math.max(bestDomestic, s.quality);
  for (let j = 0; j < giants.length; j++)
    if (giants[j]!.active && level.giants[j]!.kind === 'deepseek')
      bestDomestic = Math.max(bestDomestic, giants[j]!.quality);

  const next = withParts(base, {
    turn: w.nextTurn,
    ending: w.ending,
    market: { refPrice: api.refPrice, adSpend, overseasAdSpend, bestDomesticQuality: bestDomestic },
    startups,
    giants,
    offers: w.offers,
    pendingEvents: w.pendingEvents,
    answered: [],
    news: w.news,
  });
  const giantRecords: GiantRecord[] = giants.map((g, j) => ({
    id: g.id,
    quality: g.quality,
    apiPrice: g.apiPrice,
    apiShare: api.giantShares[j]!,
  }));
  const quarter: QuarterRecord = {
    turn,
    quarter: quarterLabel(level, turn),
    marketApiPrice: api.refPrice,
    apiTokens: api.totalTokens,
    outsideShare: api.outsideShare,
    frontierQuality: at(level.macro.frontierQuality, turn),
    cac: acquisitionCost(level, base, 'domestic'),
    companies: w.records,
    giants: giantRecords,
    events: base.answered,
    news: w.news,
    hash: quarterHashes ? stateHash(next) : '',
  };
  next.history = [...base.history, quarter];
  return next;
}
