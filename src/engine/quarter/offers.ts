// Step 7, offers: expired offers go; an acquisition offer comes when the player's runway is short,
// once the company has a year of track record, priced off its trailing value (the mean of its
// last four marks, and never above its last round): burning cash cannot summon a rich offer.

import { Purpose, uniform } from '../rng';
import type { QuarterWork } from './work';
import { alive, isPlayer, news, runwayAt } from './work';

export function offers(w: QuarterWork): void {
  const { level, turn, nextTurn, luck, startups } = w;
  const m = level.market;
  w.offers = w.offers.filter((o) => o.expiresTurn >= nextTurn);
  const player = startups.find((s) => isPlayer(w, s))!;
  const pIdx = startups.indexOf(player);
  w.player = player;
  w.playerIndex = pIdx;
  if (alive(player) && nextTurn < level.quarters) {
    const rec = w.records[pIdx]!;
    const runway = runwayAt(player.cash, rec.costs - rec.revenue);
    const bidders = level.giants.filter((g) => g.kind === 'bigtech');
    if (
      turn >= m.funding.acquisitionEarliestTurn &&
      runway < m.funding.acquisitionRunway &&
      !w.offers.some((o) => o.kind === 'acquisition') &&
      bidders.length
    ) {
      const u = uniform(luck, turn, Purpose.buyoutBidder, pIdx);
      const from = bidders[Math.floor(u * bidders.length)]!.id;
      w.offers.push({
        id: `acq-${nextTurn}`,
        kind: 'acquisition',
        from,
        amount: Math.max(1, Math.round(trailingValue(w, pIdx) * m.funding.acquisitionDiscount)),
        expiresTurn: nextTurn + 1,
      });
      news(w.news, 'news.acquisitionOffer', player.id, { from });
    }
  }
}

/** The mean of the company's last four marks (this quarter's included), at most its last round's price. */
function trailingValue(w: QuarterWork, company: number): number {
  const s = w.startups[company]!;
  const h = w.base.history;
  let sum = s.valuation;
  let n = 1;
  for (let k = Math.max(0, h.length - 3); k < h.length; k++) {
    sum += h[k]!.companies[company]?.valuation ?? s.valuation;
    n++;
  }
  return Math.min(sum / n, s.lastRoundValuation);
}
