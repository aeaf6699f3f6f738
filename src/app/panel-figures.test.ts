// The panels' small figures on real game states and at their edges.

import { describe, expect, it } from 'vitest';
import { autopilotPlayed } from '../../tests/support/game';
import type { GameState } from '../engine/index';
import { validateCommand } from '../engine/index';
import { getLevel } from './levels';
import {
  cashHealth,
  change,
  cheapestBigTech,
  clampHire,
  climateKey,
  hireStep,
  qualityRanks,
  spendStep,
  stakeInOffer,
  suggestedRoundTarget,
} from './panel-figures';

const level = getLevel('historical-2023');

const played = (quarters: number): GameState => autopilotPlayed(level, 21, 'minimax', quarters);

describe('words for numbers', () => {
  it('names the funding climate at its thresholds', () => {
    expect([1.5, 1.2, 1.19, 0.9, 0.89, 0.6, 0.59, 0].map(climateKey)).toEqual([
      'climate.hot',
      'climate.hot',
      'climate.warm',
      'climate.warm',
      'climate.cool',
      'climate.cool',
      'climate.cold',
      'climate.cold',
    ]);
  });

  it('reads a rival’s cash health from its runway: 8 quarters and more healthy, 3 and more tight', () => {
    expect([Number.POSITIVE_INFINITY, 8, 7.9, 3, 2.9, 0].map(cashHealth)).toEqual([
      'healthy',
      'healthy',
      'tight',
      'tight',
      'critical',
      'critical',
    ]);
  });

  it('gives the change between quarters its direction and size', () => {
    expect(change(120, 100)).toEqual({ up: true, by: 20 });
    expect(change(100, 100)).toEqual({ up: true, by: 0 });
    expect(change(80, 100)).toEqual({ up: false, by: 20 });
    expect(change(80, undefined)).toBeUndefined();
    expect(change(undefined, 3)).toBeUndefined();
  });
});

describe('rankings and prices on a played game', () => {
  const state = played(6);

  it('ranks the active companies by quality, 1 the best, and no one out of the market', () => {
    const ranks = qualityRanks(state);
    const active = [
      ...state.startups.filter((s) => s.status === 'active').map((s) => ({ id: s.id, q: s.quality })),
      ...state.giants.filter((g) => g.active).map((g) => ({ id: g.id, q: g.quality })),
    ];
    expect([...ranks.values()].sort((a, b) => a - b)).toEqual(active.map((_, i) => i + 1));
    for (const a of active)
      for (const b of active) if (a.q > b.q) expect(ranks.get(a.id)!).toBeLessThan(ranks.get(b.id)!);
    for (const g of state.giants.filter((x) => !x.active)) expect(ranks.has(g.id)).toBe(false);
  });

  it('breaks a tie in quality by id', () => {
    const tied: GameState = {
      ...state,
      startups: state.startups.map((s) => ({ ...s, quality: 50, status: 'active' as const })),
      giants: state.giants.map((g) => ({ ...g, active: false })),
    };
    const ids = state.startups.map((s) => s.id).sort();
    expect([...qualityRanks(tied).entries()]).toEqual(ids.map((id, i) => [id, i + 1]));
  });

  it('finds the cheapest active big-tech API price, and none when no big-tech giant is in', () => {
    const cheap = cheapestBigTech(level, state);
    const bigtech = state.giants.filter((g, i) => g.active && level.giants[i]?.kind === 'bigtech');
    if (bigtech.length === 0) expect(cheap).toBeNull();
    else expect(cheap?.price).toBe(Math.min(...bigtech.map((g) => g.apiPrice)));
    const none = { ...state, giants: state.giants.map((g) => ({ ...g, active: false })) };
    expect(cheapestBigTech(level, none)).toBeNull();
  });
});

describe('the form fields’ limits', () => {
  it('steps the spend slider 1-2-5 near a 200th of the cash, at least 1', () => {
    expect([0, 150, 200, 201, 350, 1000, 1001, 3000, 123_456].map(spendStep)).toEqual([
      1, 1, 1, 2, 2, 5, 10, 20, 1000,
    ]);
  });

  it('keeps a hire within −staff..5000, whole, and the engine takes it', () => {
    const state = played(1);
    const me = state.startups.find((s) => s.id === state.playerId)!;
    expect(clampHire(40, -100)).toBe(-40);
    expect(clampHire(40, 9999)).toBe(5000);
    expect(clampHire(40, 2.6)).toBe(3);
    expect(hireStep(0)).toBe(1);
    expect(hireStep(200)).toBe(10);
    for (const v of [-1e6, -3, 0, 7, 1e6]) {
      const cmd = { type: 'people/set' as const, hires: { researchers: clampHire(me.staff.researchers, v) } };
      expect(validateCommand(level, state, cmd), String(v)).toBeNull();
    }
  });

  it('suggests a round of a fifth of the valuation and prices the stake in an offer', () => {
    const me = played(1).startups[0]!;
    expect(suggestedRoundTarget({ ...me, valuation: 50_000 })).toBe(10_000);
    expect(suggestedRoundTarget({ ...me, valuation: 0 })).toBe(1);
    expect(stakeInOffer({ ...me, ownershipBp: 2500 }, 10_001)).toBe(2500);
  });
});
