// Step 7, offers: expired offers go; an acquisition offer comes when the player's runway is short.

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
        amount: Math.max(1, Math.round(player.valuation * m.funding.acquisitionDiscount)),
        expiresTurn: nextTurn + 1,
      });
      news(w.news, 'news.acquisitionOffer', player.id, { from });
    }
  }
}
