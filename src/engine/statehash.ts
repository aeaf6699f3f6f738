// A stable digest of everything that decides the rest of the game (the history is derived and
// left out). The state's numbers are written in a fixed order into a scratch buffer and hashed
// by their exact bits in one loop — much cheaper than hashing a JSON string. A field forgotten
// here is caught by the snapshot-equivalence test, which restores saved states and plays on.

import { digestHex, hashFloat64Block, hashInt, hashString, newHasher } from './hash';
import type { GameState, Plan } from './types';
import { INTENSITIES, PAY_LEVELS, PRICING_MODES } from './types';

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

/** Grows the scratch buffer to hold every number of this state, so the writes need no check. */
function reserve(state: GameState): Float64Array {
  let need = 64 + state.giants.length * 8 + state.offers.length * 4;
  for (const s of state.startups) need += 96 + s.keyPeople.length * 2 + s.modifiers.length * 3;
  if (need > buf.length) buf = new Float64Array(need * 2);
  return buf;
}

// Enumeration indices without a search through the list of names.
const PRICING_INDEX: Record<string, number> = indexOf(PRICING);
const PAY_INDEX: Record<string, number> = indexOf(PAY);
const INTENSITY_INDEX: Record<string, number> = indexOf(INTENSITY);
const STATUS_INDEX: Record<string, number> = indexOf(STATUS);
const MODIFIER_INDEX: Record<string, number> = indexOf(MODIFIERS);

function indexOf(names: readonly string[]): Record<string, number> {
  const out: Record<string, number> = Object.create(null);
  names.forEach((name, i) => {
    out[name] = i;
  });
  return out;
}

/** An enumeration's index, or -1 for a value outside it (as the array search gave). */
function idx(table: Record<string, number>, name: string): number {
  return table[name] ?? -1;
}

function putPlan(b: Float64Array, k: number, p: Plan): number {
  b[k] = p.spend;
  b[k + 1] = p.pretrainingBp;
  b[k + 2] = p.appWeights.domestic;
  b[k + 3] = p.appWeights.overseas;
  b[k + 4] = p.appWeights.enterprise;
  b[k + 5] = p.appWeights.api;
  b[k + 6] = idx(PRICING_INDEX, p.pricing.mode);
  b[k + 7] = p.pricing.price;
  b[k + 8] = p.hires.researchers;
  b[k + 9] = p.hires.engineers;
  b[k + 10] = p.hires.sales;
  b[k + 11] = idx(PAY_INDEX, p.payLevel);
  b[k + 12] = idx(INTENSITY_INDEX, p.intensity);
  b[k + 13] = p.roundTarget ?? -1;
  return k + 14;
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
  // The numbers go into the scratch buffer in a fixed order (local index: the hot loop keeps it in
  // a register), then one pass makes every zero +0 and every NaN the one NaN, so equal values
  // always hash equal.
  const b = reserve(state);
  let k = 0;
  b[k++] = state.rulesVersion;
  b[k++] = state.levelVersion;
  b[k++] = state.seed;
  for (const x of state.rng) b[k++] = x;
  b[k++] = state.turn;
  b[k++] = state.ending ? state.ending.turn : -1;
  b[k++] = state.ending ? state.ending.score : -1;
  b[k++] = state.market.refPrice;
  b[k++] = state.market.adSpend;
  b[k++] = state.market.overseasAdSpend;
  b[k++] = state.market.bestDomesticQuality;
  for (const s of state.startups) {
    b[k++] = idx(STATUS_INDEX, s.status);
    b[k++] = s.cash;
    b[k++] = s.ownershipBp;
    b[k++] = s.valuation;
    b[k++] = s.lastRoundValuation;
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
    for (const m of s.modifiers) b[k++] = idx(MODIFIER_INDEX, m.target);
    const st = s.stance;
    b[k++] = st.pricing ? idx(PRICING_INDEX, st.pricing.mode) : -1;
    b[k++] = st.pricing ? st.pricing.price : -1;
    b[k++] = st.intensity ? idx(INTENSITY_INDEX, st.intensity) : -1;
    b[k++] = st.payLevel ? idx(PAY_INDEX, st.payLevel) : -1;
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
    k = putPlan(b, k, s.plan);
  }
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
  for (let i = 0; i < k; i++) {
    const x = b[i]!;
    // biome-ignore lint/suspicious/noSelfCompare: the cheapest NaN test, on a hot path
    if (x === 0 || x !== x) b[i] = x === 0 ? 0 : Number.NaN;
  }
  hashFloat64Block(h, b, k);
  return digestHex(h);
}
