// A stable digest of everything that decides the rest of the game (the history is derived and
// left out). The state's numbers are written in a fixed order into a scratch buffer and hashed
// by their exact bits in one loop — much cheaper than hashing a JSON string. A field forgotten
// here is caught by tests/state-fields.test.ts, which changes every field in turn and expects a
// new hash (and by the snapshot test, which restores saved states and plays on).

import type { Hasher } from './hash';
import { digestHex, hashFloat64Block, hashInt, hashString, newHasher } from './hash';
import type { GameState, Plan, Stance, StartupState } from './types';

// Enumerations are hashed by their index (the lists in types.ts; a unit test holds the switches
// below to them). Ids are hashed once (level, player): the level fixes the order of the companies
// and giants.

let buf = new Float64Array(1024);

/** Grows the scratch buffer to hold every number of this state, so the writes need no check. */
function reserve(state: GameState): Float64Array {
  let need = 64 + state.giants.length * 8 + state.offers.length * 4;
  for (const s of state.startups) need += 96 + s.keyPeople.length * 2 + s.modifiers.length * 3;
  if (need > buf.length) buf = new Float64Array(need * 2);
  return buf;
}

// Enumeration indices (the position in the list of names; -1 for a value outside it). A switch
// on the few names: cheaper than a search or a table lookup per value.
export function pricingIndex(x: string): number {
  switch (x) {
    case 'premium':
      return 0;
    case 'match':
      return 1;
    case 'undercut':
      return 2;
    case 'free':
      return 3;
    case 'exact':
      return 4;
    default:
      return -1;
  }
}

export function payIndex(x: string): number {
  switch (x) {
    case 'below':
      return 0;
    case 'market':
      return 1;
    case 'plus25':
      return 2;
    case 'plus50':
      return 3;
    default:
      return -1;
  }
}

export function intensityIndex(x: string): number {
  switch (x) {
    case 'normal':
      return 0;
    case 'dxz':
      return 1;
    case '996':
      return 2;
    default:
      return -1;
  }
}

export function statusIndex(x: string): number {
  switch (x) {
    case 'active':
      return 0;
    case 'bankrupt':
      return 1;
    case 'acquired':
      return 2;
    default:
      return -1;
  }
}

export function modifierIndex(x: string): number {
  switch (x) {
    case 'cacDomestic':
      return 0;
    case 'cacOverseas':
      return 1;
    case 'arpuOverseas':
      return 2;
    case 'enterpriseDemand':
      return 3;
    case 'research':
      return 4;
    default:
      return -1;
  }
}

function putPlan(b: Float64Array, k: number, p: Plan): number {
  b[k] = p.spend;
  b[k + 1] = p.pretrainingBp;
  b[k + 2] = p.appWeights.domestic;
  b[k + 3] = p.appWeights.overseas;
  b[k + 4] = p.appWeights.enterprise;
  b[k + 5] = p.appWeights.api;
  b[k + 6] = pricingIndex(p.pricing.mode);
  b[k + 7] = p.pricing.price;
  b[k + 8] = p.hires.researchers;
  b[k + 9] = p.hires.engineers;
  b[k + 10] = p.hires.sales;
  b[k + 11] = payIndex(p.payLevel);
  b[k + 12] = intensityIndex(p.intensity);
  b[k + 13] = p.roundTarget ?? -1;
  return k + 14;
}

export function stateHash(state: GameState): string {
  const h = newHasher();
  hashStrings(h, state);
  hashInt(h, state.offers.length);
  // The numbers go into the scratch buffer in a fixed order (local index: the hot loop keeps it in
  // a register); the block hash takes -0 as +0 and every NaN as one NaN.
  const b = reserve(state);
  let k = 0;
  b[k++] = state.rulesVersion;
  b[k++] = state.levelVersion;
  b[k++] = state.seed;
  b[k++] = state.turn;
  b[k++] = state.ending ? state.ending.turn : -1;
  b[k++] = state.ending ? state.ending.score : -1;
  b[k++] = state.market.refPrice;
  b[k++] = state.market.adSpend;
  b[k++] = state.market.overseasAdSpend;
  b[k++] = state.market.bestDomesticQuality;
  for (const s of state.startups) k = putStartup(b, k, s);
  for (const g of state.giants) {
    b[k++] = g.active ? 1 : 0;
    b[k++] = g.quality;
    b[k++] = g.apiPrice;
    b[k++] = g.domesticUsers;
    b[k++] = g.adSpend;
    b[k++] = g.cloudGain;
  }
  for (const o of state.offers) {
    b[k++] = o.amount;
    b[k++] = o.expiresTurn;
  }
  // Only a game that played on has a kept score (every other state hashes as before it existed).
  if (state.keptScore !== null) b[k++] = state.keptScore;
  hashFloat64Block(h, b, k);
  return digestHex(h);
}

/** The state's strings (ids, choices, sources), in a fixed order. */
function hashStrings(h: Hasher, state: GameState): void {
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
}

/** A company's numbers, from index `k`; returns the index after them. */
function putStartup(b: Float64Array, k: number, s: StartupState): number {
  b[k++] = statusIndex(s.status);
  b[k++] = s.cash;
  b[k++] = s.ownershipBp;
  b[k++] = s.valuation;
  b[k++] = s.lastRoundValuation;
  b[k++] = s.lastRoundTurn;
  b[k++] = s.raisedTotal;
  b[k++] = s.computeStock;
  b[k++] = s.quality;
  b[k++] = s.run ? s.run.compute : -1;
  b[k++] = s.run ? s.run.quarters : -1;
  b[k++] = s.modelsReleased;
  b[k++] = s.pretrainingAbandoned ? 1 : 0;
  b[k++] = s.staff.researchers;
  b[k++] = s.staff.engineers;
  b[k++] = s.staff.sales;
  b[k++] = s.burnout;
  b[k++] = s.apiPrice;
  b[k++] = s.domesticUsers;
  b[k++] = s.overseasUsers;
  b[k++] = s.platform;
  b[k++] = s.enterpriseProjects;
  b[k++] = s.credits;
  b[k++] = s.distress;
  b[k++] = s.profitStreak;
  b[k++] = s.madeItTurn ?? -1;
  b[k++] = s.frontierFame;
  b[k++] = s.round ? s.round.target : -1;
  b[k++] = s.round ? s.round.closesTurn : -1;
  for (const p of s.keyPeople) {
    b[k++] = p.active ? 1 : 0;
    b[k++] = p.raise;
  }
  for (const m of s.modifiers) {
    b[k++] = m.factor;
    b[k++] = m.untilTurn;
  }
  b[k++] = s.eventBooks.income;
  b[k++] = s.eventBooks.cost;
  b[k++] = s.eventBooks.funding;
  b[k++] = s.cardsSeen.length;
  for (const m of s.modifiers) b[k++] = modifierIndex(m.target);
  k = putStance(b, k, s.stance);
  return putPlan(b, k, s.plan);
}

/** A company's stance (-1 for each part it has not taken). */
function putStance(b: Float64Array, k: number, st: Stance): number {
  b[k++] = st.pricing ? pricingIndex(st.pricing.mode) : -1;
  b[k++] = st.pricing ? st.pricing.price : -1;
  b[k++] = st.intensity ? intensityIndex(st.intensity) : -1;
  b[k++] = st.payLevel ? payIndex(st.payLevel) : -1;
  const w = st.appWeights;
  if (w) {
    b[k++] = w.domestic;
    b[k++] = w.overseas;
    b[k++] = w.enterprise;
    b[k++] = w.api;
  } else {
    b[k++] = -1;
    b[k++] = -1;
    b[k++] = -1;
    b[k++] = -1;
  }
  b[k++] = st.pretrainingBp ?? -1;
  return k;
}
