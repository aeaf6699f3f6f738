// A stable digest of everything that decides the rest of the game (the history is derived and
// left out). Fields are fed in a fixed order: cheaper than hashing a JSON string, and a field
// forgotten here is caught by the snapshot-equivalence test, which restores saved states.

import { digestHex, hashBool, hashInt, hashNumber, hashString, newHasher } from './hash';
import type { GameState, Plan } from './types';

type H = ReturnType<typeof newHasher>;

function hashPlan(h: H, p: Plan): void {
  hashInt(h, p.spend);
  hashInt(h, p.pretrainingBp);
  hashInt(h, p.appWeights.domestic);
  hashInt(h, p.appWeights.overseas);
  hashInt(h, p.appWeights.enterprise);
  hashInt(h, p.appWeights.api);
  hashString(h, p.pricing.mode);
  hashNumber(h, p.pricing.price);
  hashInt(h, p.hires.researchers);
  hashInt(h, p.hires.engineers);
  hashInt(h, p.hires.sales);
  hashString(h, p.payLevel);
  hashString(h, p.intensity);
  hashNumber(h, p.roundTarget ?? -1);
}

export function stateHash(state: GameState): string {
  const h = newHasher();
  hashInt(h, state.rulesVersion);
  hashString(h, state.levelId);
  hashInt(h, state.levelVersion);
  hashNumber(h, state.seed);
  for (const x of state.rng) hashInt(h, x);
  hashInt(h, state.turn);
  hashString(h, state.playerId);
  hashString(h, state.ending ? `${state.ending.kind}:${state.ending.turn}:${state.ending.score}` : '');
  hashNumber(h, state.market.refPrice);
  hashNumber(h, state.market.adSpend);
  hashNumber(h, state.market.bestDomesticQuality);
  for (const s of state.startups) {
    hashString(h, s.id);
    hashString(h, s.status);
    hashInt(h, s.cash);
    hashInt(h, s.ownershipBp);
    hashNumber(h, s.valuation);
    hashNumber(h, s.lastRoundValuation);
    hashNumber(h, s.raisedTotal);
    hashNumber(h, s.computeStock);
    hashNumber(h, s.quality);
    hashNumber(h, s.run ? s.run.compute : -1);
    hashInt(h, s.run ? s.run.quarters : -1);
    hashInt(h, s.modelsReleased);
    hashBool(h, s.pretrainingAbandoned);
    hashInt(h, s.staff.researchers);
    hashInt(h, s.staff.engineers);
    hashInt(h, s.staff.sales);
    hashNumber(h, s.burnout);
    hashNumber(h, s.apiPrice);
    hashInt(h, s.domesticUsers);
    hashInt(h, s.overseasUsers);
    hashNumber(h, s.platform);
    hashInt(h, s.enterpriseProjects);
    hashString(h, s.strategic ?? '');
    hashInt(h, s.credits);
    hashInt(h, s.distress);
    hashInt(h, s.profitStreak);
    hashInt(h, s.madeItTurn ?? -1);
    hashInt(h, s.frontierFame);
    hashPlan(h, s.plan);
  }
  for (const g of state.giants) {
    hashString(h, g.id);
    hashBool(h, g.active);
    hashNumber(h, g.quality);
    hashNumber(h, g.apiPrice);
    hashNumber(h, g.domesticUsers);
    hashNumber(h, g.adSpend);
    hashNumber(h, g.cloudGain);
  }
  for (const o of state.offers) {
    hashString(h, `${o.id}|${o.kind}|${o.from}|${o.expiresTurn}|${o.accepted}`);
    hashInt(h, o.amount);
    hashInt(h, o.cloudCredits);
    hashInt(h, o.stakeBp);
  }
  for (const e of state.pendingEvents) hashString(h, `${e.id}|${e.choices.join(',')}`);
  for (const a of state.answered) hashString(h, `${a.id}|${a.choice}`);
  hashInt(h, state.history.length);
  return digestHex(h);
}
