// A stable digest of everything that decides the rest of the game (the history is derived and
// left out). The state's numbers are written in a fixed order into a scratch buffer and hashed
// by their exact bits in one loop — much cheaper than hashing a JSON string. A field forgotten
// here is caught by the snapshot-equivalence test, which restores saved states and plays on.

import { digestHex, hashFloat64Block, hashInt, hashString, newHasher } from './hash';
import type { GameState, Plan } from './types';
import { APP_MARKETS, INTENSITIES, PAY_LEVELS, PRICING_MODES } from './types';

// Enumerations are hashed by their index. Ids are hashed once (level, player): the level fixes
// the order of the companies and giants.
const PRICING: readonly string[] = PRICING_MODES;
const PAY: readonly string[] = PAY_LEVELS;
const INTENSITY: readonly string[] = INTENSITIES;
const STATUS: readonly string[] = ['active', 'bankrupt', 'acquired'];
const MODIFIERS: readonly string[] = [
  'cacDomestic',
  'cacOverseas',
  'arpuOverseas',
  'enterpriseDemand',
  'research',
];

let buf = new Float64Array(1024);
let n = 0;

/** Grows the scratch buffer to hold every number of this state, so put() needs no check. */
function reserve(state: GameState): void {
  let need = 64 + state.giants.length * 8 + state.offers.length * 4;
  for (const s of state.startups) need += 96 + s.keyPeople.length * 2 + s.modifiers.length * 3;
  if (need > buf.length) buf = new Float64Array(need * 2);
}

function put(x: number): void {
  // One bit pattern for zero and for NaN, so equal values always hash equal.
  // biome-ignore lint/suspicious/noSelfCompare: the cheapest NaN test, on a hot path
  buf[n++] = x === 0 ? 0 : x === x ? x : Number.NaN;
}

function putPlan(p: Plan): void {
  put(p.spend);
  put(p.pretrainingBp);
  put(p.appWeights.domestic);
  put(p.appWeights.overseas);
  put(p.appWeights.enterprise);
  put(p.appWeights.api);
  put(PRICING.indexOf(p.pricing.mode));
  put(p.pricing.price);
  put(p.hires.researchers);
  put(p.hires.engineers);
  put(p.hires.sales);
  put(PAY.indexOf(p.payLevel));
  put(INTENSITY.indexOf(p.intensity));
  put(p.roundTarget ?? -1);
}

export function stateHash(state: GameState): string {
  const h = newHasher();
  hashString(h, state.levelId);
  hashString(h, state.playerId);
  hashString(h, state.ending ? state.ending.kind : '');
  for (const o of state.offers) hashString(h, `${o.id}|${o.kind}|${o.from}`);
  for (const s of state.startups) {
    hashString(h, s.strategic ?? '');
    for (const m of s.modifiers) hashString(h, m.source);
    for (const id of s.cardsSeen) hashString(h, id);
  }
  for (const e of state.pendingEvents) {
    hashString(h, e.id);
    hashString(h, e.card);
    for (const c of e.choices) hashString(h, c);
  }
  for (const a of state.answered) {
    hashString(h, a.id);
    hashString(h, a.choice);
    if (a.outcome) hashString(h, a.outcome.stayed ? a.outcome.person : `-${a.outcome.person}`);
  }
  hashInt(h, state.offers.length);
  reserve(state);
  n = 0;
  put(state.rulesVersion);
  put(state.levelVersion);
  put(state.seed);
  for (const x of state.rng) put(x);
  put(state.turn);
  put(state.ending ? state.ending.turn : -1);
  put(state.ending ? state.ending.score : -1);
  put(state.market.refPrice);
  put(state.market.adSpend);
  put(state.market.overseasAdSpend);
  put(state.market.bestDomesticQuality);
  for (const s of state.startups) {
    put(STATUS.indexOf(s.status));
    put(s.cash);
    put(s.ownershipBp);
    put(s.valuation);
    put(s.lastRoundValuation);
    put(s.raisedTotal);
    put(s.computeStock);
    put(s.quality);
    put(s.run ? s.run.compute : -1);
    put(s.run ? s.run.quarters : -1);
    put(s.modelsReleased);
    put(s.pretrainingAbandoned ? 1 : 0);
    put(s.staff.researchers);
    put(s.staff.engineers);
    put(s.staff.sales);
    put(s.burnout);
    put(s.apiPrice);
    put(s.domesticUsers);
    put(s.overseasUsers);
    put(s.platform);
    put(s.enterpriseProjects);
    put(s.credits);
    put(s.distress);
    put(s.profitStreak);
    put(s.madeItTurn ?? -1);
    put(s.frontierFame);
    put(s.round ? s.round.target : -1);
    put(s.round ? s.round.closesTurn : -1);
    for (const k of s.keyPeople) {
      put(k.active ? 1 : 0);
      put(k.raise);
    }
    for (const m of s.modifiers) {
      put(m.factor);
      put(m.untilTurn);
    }
    put(s.eventBooks.income);
    put(s.eventBooks.cost);
    put(s.eventBooks.funding);
    put(s.cardsSeen.length);
    for (const m of s.modifiers) put(MODIFIERS.indexOf(m.target));
    const st = s.stance;
    put(st.pricing ? PRICING.indexOf(st.pricing.mode) : -1);
    put(st.pricing ? st.pricing.price : -1);
    put(st.intensity ? INTENSITY.indexOf(st.intensity) : -1);
    put(st.payLevel ? PAY.indexOf(st.payLevel) : -1);
    for (const m of APP_MARKETS) put(st.appWeights ? st.appWeights[m] : -1);
    put(st.pretrainingBp ?? -1);
    putPlan(s.plan);
  }
  for (const g of state.giants) {
    put(g.active ? 1 : 0);
    put(g.quality);
    put(g.apiPrice);
    put(g.domesticUsers);
    put(g.adSpend);
    put(g.cloudGain);
  }
  for (const o of state.offers) {
    put(o.amount);
    put(o.expiresTurn);
  }
  hashFloat64Block(h, buf, n);
  return digestHex(h);
}
