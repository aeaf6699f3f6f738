// Step 8, endings: out of money, made it, or time is up (the value discounted by a short runway).

import { equityScore, timesUpFactor } from '../economy';
import type { QuarterWork } from './work';
import { runwayAt } from './work';

export function endings(w: QuarterWork): void {
  scoredEnding(w);
  // A game played on after making it keeps the made-it score, whatever its ending.
  const kept = w.base.keptScore;
  if (w.ending && kept !== null) w.ending = { ...w.ending, score: kept };
}

function scoredEnding(w: QuarterWork): void {
  const { level, turn, nextTurn, player } = w;
  if (player.status === 'bankrupt') {
    w.ending = { kind: 'out-of-money', turn, score: equityScore(level, player, 0) };
  } else if (player.madeItTurn === turn) {
    w.ending = { kind: 'made-it', turn, score: equityScore(level, player, player.valuation) };
  } else if (nextTurn >= level.quarters) {
    const rec = w.records[w.playerIndex]!;
    const factor = timesUpFactor(level, runwayAt(player.cash, rec.costs - rec.revenue));
    w.ending = {
      kind: 'times-up',
      turn,
      score: equityScore(level, player, Math.round(player.valuation * factor)),
    };
  }
}
