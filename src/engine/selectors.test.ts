import { describe, expect, it } from 'vitest';
import { getLevel } from '../app/levels';
import { NOT_BURNING } from './economy';
import { playGame } from './game';
import { apiMarketShares, burnMultiple, founderEquity, netBurn, runwayQuarters } from './selectors';

const level = getLevel('historical-2023');
const { state } = playGame(level, 11, 'moonshot', 'balanced');

describe('selectors', () => {
  it('runway is cash divided by the last quarter’s net burn', () => {
    for (const s of state.startups) {
      const rec = state.history[state.history.length - 1]!.companies.find((c) => c.id === s.id)!;
      const burn = rec.costs - rec.revenue;
      expect(netBurn(state, s.id)).toBe(Math.max(0, burn));
      if (burn > 0) expect(runwayQuarters(state, s.id)).toBeCloseTo(Math.max(0, s.cash) / burn, 10);
      else expect(runwayQuarters(state, s.id)).toBe(NOT_BURNING);
    }
  });

  it('burn multiple is net burn per unit of new revenue', () => {
    const n = state.history.length;
    for (const s of state.startups) {
      const cur = state.history[n - 1]!.companies.find((c) => c.id === s.id)!;
      const prev = state.history[n - 2]!.companies.find((c) => c.id === s.id)!;
      const burn = Math.max(0, cur.costs - cur.revenue);
      const added = cur.revenue - prev.revenue;
      const expected = burn === 0 ? 0 : added > 0 ? burn / added : Number.POSITIVE_INFINITY;
      expect(burnMultiple(state, s.id)).toBe(expected);
    }
  });

  it('API market shares of every quarter lie in [0,1] and sum to 1 with the outside option', () => {
    for (const rec of state.history) {
      const { providers, outside } = apiMarketShares(rec);
      let sum = outside;
      for (const p of providers) {
        expect(p.share).toBeGreaterThanOrEqual(0);
        expect(p.share).toBeLessThanOrEqual(1);
        sum += p.share;
      }
      expect(sum).toBeCloseTo(1, 9);
    }
  });

  it('founders’ equity is ownership times valuation', () => {
    const s = state.startups[0]!;
    expect(founderEquity(s)).toBe(Math.round((s.valuation * s.ownershipBp) / 10_000));
  });
});
