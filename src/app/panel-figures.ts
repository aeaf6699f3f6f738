// The dashboard panels' small figures, kept out of the view so they can be tested on plain data:
// which word the funding climate gets, a rival's cash health as seen from outside, the quality
// ranking, the cheapest big-tech API price, the spend slider's step, a hire within what the
// engine accepts, a funding round's suggested target and a stake's worth in an offer. The rules
// stay the engine's; these only turn its numbers into what a panel shows. Pure.

import type { GameState, Level, StartupState } from '../engine/index';

/** The funding climate's word for a climate multiplier. */
export function climateKey(c: number): 'climate.hot' | 'climate.warm' | 'climate.cool' | 'climate.cold' {
  if (c >= 1.2) return 'climate.hot';
  if (c >= 0.9) return 'climate.warm';
  if (c >= 0.6) return 'climate.cool';
  return 'climate.cold';
}

/** A rival's cash as seen from outside, from its runway (quarters): healthy, tight or critical. */
export function cashHealth(runwayQuarters: number): 'healthy' | 'tight' | 'critical' {
  if (runwayQuarters >= 8) return 'healthy';
  if (runwayQuarters >= 3) return 'tight';
  return 'critical';
}

/**
 * Each active company's place by model quality (1 = best; ties by id), startups and big players
 * together; companies no longer (or not yet) in the market have none.
 */
export function qualityRanks(state: GameState): Map<string, number> {
  const rows = [
    ...state.startups.map((s) => ({ id: s.id, q: s.quality, active: s.status === 'active' })),
    ...state.giants.map((g) => ({ id: g.id, q: g.quality, active: g.active })),
  ];
  const ranked = rows.filter((r) => r.active).sort((a, b) => b.q - a.q || a.id.localeCompare(b.id));
  return new Map(ranked.map((r, i) => [r.id, i + 1]));
}

/** The cheapest API price among the active big-tech giants (the first of equals), or null. */
export function cheapestBigTech(level: Level, state: GameState): { id: string; price: number } | null {
  let cheapest: { id: string; price: number } | null = null;
  state.giants.forEach((g, i) => {
    if (!g.active || level.giants[i]?.kind !== 'bigtech') return;
    if (!cheapest || g.apiPrice < cheapest.price) cheapest = { id: g.id, price: g.apiPrice };
  });
  return cheapest;
}

/** The spend slider's step for a cash pile: a 1-2-5 step near a 200th of it, whole, at least 1. */
export function spendStep(cash: number): number {
  const x = cash / 200;
  if (x <= 1) return 1;
  const mag = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 5, 10].map((m) => m * mag).find((v) => v >= x) ?? x) | 0 || 1;
}

/** The most hires (or the most cut, negated) one role's field takes in a quarter. */
export const MAX_HIRES = 5000;

/** A hire (or cut, negative) for a role of `staff` people, whole, within what can be done: −staff..MAX_HIRES. */
export function clampHire(staff: number, value: number): number {
  return Math.max(-staff, Math.min(MAX_HIRES, Math.round(value)));
}

/** What the − and + buttons beside a role's hires move them by: 5 % of its staff, at least 1. */
export function hireStep(staff: number): number {
  return Math.max(1, Math.round(staff * 0.05));
}

/** The funding round target the form suggests: a fifth of the valuation (万元, at least 1). */
export function suggestedRoundTarget(me: StartupState): number {
  return Math.max(1, Math.round(me.valuation * 0.2));
}

/** What the founder's stake is worth in an offer of `amount` for the company (万元). */
export function stakeInOffer(me: StartupState, amount: number): number {
  return Math.round((amount * me.ownershipBp) / 10_000);
}

/** The change between two quarters' figures, as its direction and size; undefined without both. */
export function change(
  now: number | undefined,
  before: number | undefined,
): { up: boolean; by: number } | undefined {
  if (now === undefined || before === undefined) return undefined;
  return now - before >= 0 ? { up: true, by: now - before } : { up: false, by: before - now };
}
