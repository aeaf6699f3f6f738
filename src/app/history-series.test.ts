// The history charts' series on a played game: one value per quarter, each read off the right
// records, and the P&L steps adding up to the quarter's profit.

import { describe, expect, it } from 'vitest';
import { autopilotPlayed } from '../../tests/support/game';
import type { GameState } from '../engine/index';
import { NOT_BURNING } from '../engine/index';
import {
  activeQuality,
  bestRivalUsers,
  bigTechBestQuality,
  giantMinPrice,
  playerRecords,
  pnlSteps,
  runwaySeries,
} from './history-series';
import { getLevel } from './levels';

const level = getLevel('historical-2023');

const played = (quarters: number): GameState => autopilotPlayed(level, 33, 'zhipu', quarters, 7);

describe('the history charts’ series', () => {
  const state = played(8);
  const n = state.history.length;

  it('has one value a quarter, the player’s own records', () => {
    const mine = playerRecords(state);
    expect(mine.map((c) => c.id)).toEqual(Array(n).fill(state.playerId));
    for (const series of [
      runwaySeries(mine),
      bestRivalUsers(state),
      bigTechBestQuality(level, state),
      giantMinPrice(level, state, 'bigtech'),
      giantMinPrice(level, state, 'deepseek'),
    ])
      expect(series).toHaveLength(n);
  });

  it('states the runway as cash over net burn, NOT_BURNING for a quarter that made money', () => {
    const mine = playerRecords(state);
    runwaySeries(mine).forEach((rw, i) => {
      const c = mine[i]!;
      if (c.costs <= c.revenue) expect(rw).toBe(NOT_BURNING);
      else expect(rw).toBeCloseTo(Math.max(0, c.cash) / (c.costs - c.revenue), 9);
    });
    const made = { ...mine[0]!, cash: 500, costs: 100, revenue: 300 };
    expect(runwaySeries([made])).toEqual([NOT_BURNING]);
  });

  it('takes the best rival’s users among the other active companies only', () => {
    bestRivalUsers(state).forEach((u, i) => {
      const others = state.history[i]!.companies.filter(
        (c) => c.id !== state.playerId && c.status === 'active',
      );
      expect(u).toBe(Math.max(0, ...others.map((c) => c.mau)));
      for (const c of others) expect(u).toBeGreaterThanOrEqual(c.mau);
    });
  });

  it('has a rival’s quality while it is active and null otherwise', () => {
    const rival = state.startups.find((s) => s.id !== state.playerId)!;
    const gone = {
      ...state,
      history: state.history.map((r) => ({
        ...r,
        companies: r.companies.map((c) => (c.id === rival.id ? { ...c, status: 'bankrupt' as const } : c)),
      })),
    };
    expect(activeQuality(state, rival.id).every((q) => typeof q === 'number')).toBe(true);
    expect(activeQuality(gone, rival.id)).toEqual(Array(n).fill(null));
    expect(activeQuality(state, 'nobody')).toEqual(Array(n).fill(null));
  });

  it('counts a giant only once it has entered the market', () => {
    const q = bigTechBestQuality(level, state);
    const p = giantMinPrice(level, state, 'bigtech');
    state.history.forEach((r, i) => {
      const inMarket = r.giants.filter(
        (_, j) => level.giants[j]?.kind === 'bigtech' && (level.giants[j]?.entersTurn ?? 0) <= r.turn,
      );
      expect(q[i]).toBe(inMarket.length ? Math.max(...inMarket.map((g) => g.quality)) : null);
      const paid = inMarket.filter((g) => g.apiPrice > 0).map((g) => g.apiPrice);
      expect(p[i]).toBe(paid.length ? Math.min(...paid) : null);
    });
  });

  it('lays out the P&L from revenue lines through costs to the operating profit', () => {
    const rec = playerRecords(state)[n - 1]!;
    const steps = pnlSteps(level, rec);
    const ups = steps.filter((s) => s.kind === 'up');
    const downs = steps.filter((s) => s.kind === 'down');
    expect(steps.map((s) => s.kind)).toEqual([
      ...ups.map(() => 'up'),
      'total',
      ...downs.map(() => 'down'),
      'total',
    ]);
    expect(ups.reduce((a, s) => a + s.value, 0)).toBeCloseTo(rec.revenue, 6);
    expect(steps[ups.length]).toEqual({ line: 'revenue', value: rec.revenue, kind: 'total' });
    expect(rec.revenue - downs.reduce((a, s) => a + s.value, 0)).toBeCloseTo(rec.operatingProfit, 6);
    expect(steps[steps.length - 1]).toEqual({ line: 'profit', value: rec.operatingProfit, kind: 'total' });
    for (const d of downs) expect(d.value).not.toBe(0);
    // An open market's line shows even at zero; 'other' only when it earned something.
    for (const m of ['domestic', 'overseas', 'enterprise', 'api'] as const)
      expect(ups.some((s) => s.line === m)).toBe(level.markets[m] || rec.revenueBy[m] !== 0);
    expect(ups.some((s) => s.line === 'other')).toBe(rec.revenueBy.other !== 0);
  });
});
