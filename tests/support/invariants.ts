// Test support, invariant checks returning messages (empty when all hold), usable outside
// vitest: the books, market shares and the state's sanity.

import { MAX_LIVE_MODIFIERS, MAX_USERS } from '../../src/engine/limits';
import type { GameState, QuarterRecord } from '../../src/engine/types';
import { nonFinitePaths } from './walk';

// ---------------------------------------------------------------------------------------
// Invariant checks returning messages (empty when all hold), usable outside vitest.

/**
 * The books of the quarter that took `before` to `after` (whose last history record is that
 * quarter): integer money, cash(t+1) = cash(t) + revenue − costs + funding exactly, and the
 * lines sum to the totals (revenueBy includes 'other', costBy includes 'other').
 */
export function bookErrors(before: GameState, after: GameState): string[] {
  const errs: string[] = [];
  const rec = after.history[after.history.length - 1];
  if (!rec || rec.turn !== before.turn) return [`no record of turn ${before.turn}`];
  for (const c of rec.companies) {
    const where = `${rec.quarter} ${c.id}`;
    const prev = before.startups.find((s) => s.id === c.id)?.cash;
    for (const [k, v] of Object.entries({
      cash: c.cash,
      revenue: c.revenue,
      costs: c.costs,
      funding: c.funding,
    }))
      if (!Number.isSafeInteger(v)) errs.push(`${where}: ${k}=${v} is not an integer`);
    if (prev === undefined || c.cash - prev !== c.revenue - c.costs + c.funding)
      errs.push(
        `${where}: cash ${prev} → ${c.cash} but revenue − costs + funding = ${c.revenue - c.costs + c.funding}`,
      );
    const rev = Object.values(c.revenueBy).reduce((a, b) => a + b, 0);
    const cost = Object.values(c.costBy).reduce((a, b) => a + b, 0);
    if (rev !== c.revenue) errs.push(`${where}: revenueBy sums to ${rev}, revenue ${c.revenue}`);
    if (cost !== c.costs) errs.push(`${where}: costBy sums to ${cost}, costs ${c.costs}`);
    if (c.operatingProfit !== c.revenue - c.costs) errs.push(`${where}: operating profit`);
    if (c.revenue < 0 || c.costs < 0 || c.funding < 0) errs.push(`${where}: a negative total`);
    for (const [k, v] of Object.entries(c.revenueBy)) if (v < 0) errs.push(`${where}: revenueBy.${k}=${v}`);
    for (const [k, v] of Object.entries(c.costBy)) if (v < 0) errs.push(`${where}: costBy.${k}=${v}`);
    if (after.startups.find((s) => s.id === c.id)?.cash !== c.cash)
      errs.push(`${where}: state cash ≠ record cash`);
  }
  return errs;
}

/** API shares of one record: each in [0, 1], summing to 1 with the outside option; an outside share of exactly 1 sells nothing. */
export function shareErrors(rec: QuarterRecord): string[] {
  const errs: string[] = [];
  const where = rec.quarter;
  const inRange = (x: number) => x >= 0 && x <= 1;
  if (!inRange(rec.outsideShare)) errs.push(`${where}: outside share ${rec.outsideShare}`);
  for (const g of rec.giants) if (!inRange(g.apiShare)) errs.push(`${where}: ${g.id} share ${g.apiShare}`);
  const inside = 1 - rec.outsideShare;
  if (rec.outsideShare === 1) {
    // the outside option took everything: nobody sold
    const sold = rec.companies.filter((c) => c.apiTokens !== 0 || c.revenueBy.api !== 0);
    for (const c of sold)
      errs.push(`${where}: ${c.id} sold ${c.apiTokens} tokens with an outside share of 1`);
    for (const g of rec.giants) if (g.apiShare !== 0) errs.push(`${where}: ${g.id} share ${g.apiShare}`);
  } else if (rec.apiTokens > 0 && inside > 0) {
    const potential = rec.apiTokens / inside;
    let sum = rec.outsideShare + rec.giants.reduce((a, g) => a + g.apiShare, 0);
    for (const c of rec.companies) {
      const s = c.apiTokens / potential;
      if (!inRange(s)) errs.push(`${where}: ${c.id} share ${s}`);
      sum += s;
    }
    if (Math.abs(sum - 1) > 1e-9) errs.push(`${where}: shares sum to ${sum}`);
  }
  return errs;
}

/** Company-level sanity: staff, users, modifiers, quality, burnout, ownership, credits, key people, weights. */
export function sanityErrors(state: GameState): string[] {
  const errs = nonFinitePaths(state);
  for (const c of state.startups) {
    const bad = (what: string) => errs.push(`${c.id}: ${what}`);
    for (const [role, n] of Object.entries(c.staff)) if (!Number.isInteger(n) || n < 0) bad(`${role}=${n}`);
    if (c.domesticUsers < 0 || c.overseasUsers < 0) bad('negative users');
    if (c.domesticUsers > MAX_USERS || c.overseasUsers > MAX_USERS) bad('users past MAX_USERS');
    if (c.modifiers.length > MAX_LIVE_MODIFIERS) bad(`${c.modifiers.length} modifiers`);
    if (c.quality < 0 || c.quality > 100) bad(`quality ${c.quality}`);
    if (c.burnout < 0 || c.burnout > 1) bad(`burnout ${c.burnout}`);
    if (c.platform < 0 || c.platform > 1) bad(`platform ${c.platform}`);
    if (!Number.isInteger(c.ownershipBp) || c.ownershipBp < 0 || c.ownershipBp > 10_000)
      bad(`ownership ${c.ownershipBp}`);
    if (c.credits < 0) bad(`credits ${c.credits}`);
    if (c.apiPrice < 0) bad(`api price ${c.apiPrice}`);
    for (const k of c.keyPeople) if (k.raise < 0) bad(`${k.id} raise ${k.raise}`);
    const w = c.plan.appWeights;
    if (w.domestic + w.overseas + w.enterprise + w.api !== 100 || Object.values(w).some((x) => x < 0))
      bad(`app weights ${JSON.stringify(w)}`);
    if (c.status === 'active' && c.cash < 0) bad(`active with cash ${c.cash}`);
  }
  return errs;
}
