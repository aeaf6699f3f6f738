// Two terms of the markets' formulas that only the golden hashes caught before (and those say
// "the rules changed", not "this term is wrong"): the standard platform's discount on customisation
// (docs/model.md §7) and the engineering cover's term in the apps' churn (§6). Each test runs the
// real quarter up to the markets on a game state, sets the one input the term depends on, runs the
// market step twice and compares: the same draws, the same deals and users, only the term differs.

import { describe, expect, it } from 'vitest';
import { endQuarterNeutrally, newGame } from '../../../../tests/helpers';
import { getLevel } from '../../../app/levels';
import type { Level } from '../../level';
import type { GameState } from '../../types';
import { decide } from '../decide';
import { research } from '../research';
import { spend } from '../spend';
import { talent } from '../talent';
import type { QuarterWork } from '../work';
import { newWork } from '../work';
import { apiMarket } from './api';
import { appMarkets } from './apps';
import { enterpriseMarket } from './enterprise';

const historical = getLevel('historical-2023');
const ZHIPU = 0; // the level's first company: the largest enterprise business and a million users

/** The level with some market parameters replaced (levels are plain data). */
function withMarket<K extends 'enterprise' | 'apps'>(
  level: Level,
  market: K,
  over: Partial<Level['market'][K]>,
): Level {
  return { ...level, market: { ...level.market, [market]: { ...level.market[market], ...over } } };
}

/** Zhipu's game after `quarters` quarters, every card answered neutrally. */
function gameAt(level: Level, seed: number, quarters: number): GameState {
  let s = newGame(level, seed, 'zhipu');
  for (let q = 0; q < quarters; q++) s = endQuarterNeutrally(level, s);
  return s;
}

/** The quarter's work from `state`, run through every step before the consumer apps and enterprise markets. */
function beforeMarkets(level: Level, state: GameState): QuarterWork {
  const w = newWork(level, state);
  decide(w);
  spend(w);
  talent(w);
  research(w);
  apiMarket(w);
  return w;
}

describe('enterprise: the standard platform cuts customisation cost', () => {
  /**
   * Zhipu's enterprise quarter with its platform at `platform` (before this quarter's decay and
   * budget, which are set so the platform ends the quarter there or at its cap) and a fully staffed
   * delivery team (no overload).
   */
  function enterpriseQuarter(level: Level, state: GameState, platform: 'none' | 'max' | number) {
    const w = beforeMarkets(level, state);
    const s = w.startups[ZHIPU]!;
    const b = w.books[ZHIPU]!;
    const ent = level.market.enterprise;
    // a company out of the game is skipped by the market (its figures would be last quarter's)
    expect(s.status).toBe('active');
    b.engFactor = 1;
    if (platform === 'none') {
      s.platform = 0;
      b.budgetBy.enterprise = 0;
    } else if (platform === 'max') {
      // twice what buys the whole platform from nothing: it ends at its cap
      b.budgetBy.enterprise = 2 * ent.platformMax * 100 * ent.platformCostPerPoint;
    } else {
      s.platform = platform / (1 - ent.platformDecay);
      b.budgetBy.enterprise = 0;
    }
    enterpriseMarket(w);
    return {
      deals: s.enterpriseProjects,
      platform: s.platform,
      revenue: b.revenueBy.enterprise,
      customisation: b.costBy.customisation,
    };
  }

  it('at the platform’s cap a deal costs (1 − platformMax) of what it costs with none; in between, in proportion', () => {
    let checked = 0;
    for (const [seed, quarters] of [
      [1, 4],
      [2, 6],
      [3, 5],
    ] as const) {
      const state = gameAt(historical, seed, quarters);
      const none = enterpriseQuarter(historical, state, 'none');
      const max = enterpriseQuarter(historical, state, 'max');
      const some = enterpriseQuarter(historical, state, 0.3);
      // the platform does not change how many deals are won, only what delivering them costs
      expect(none.deals, `seed ${seed}`).toBeGreaterThan(0);
      expect(max.deals).toBe(none.deals);
      expect(some.deals).toBe(none.deals);
      expect(max.revenue).toBe(none.revenue);
      expect(none.platform).toBe(0);
      expect(max.platform).toBe(historical.market.enterprise.platformMax);
      expect(some.platform).toBeCloseTo(0.3, 12);
      // with no platform, customisation is customisationRatio × revenue: 1.15, a loss on every deal
      expect(none.customisation / none.revenue).toBeCloseTo(
        historical.market.enterprise.customisationRatio,
        3,
      );
      expect(none.customisation).toBeGreaterThan(none.revenue);
      // at the cap (0.9 in the historical level) it costs a tenth of that; at 0.3, seven tenths
      expect(max.customisation / none.customisation).toBeCloseTo(0.1, 3);
      expect(some.customisation / none.customisation).toBeCloseTo(0.7, 3);
      checked++;
    }
    expect(checked).toBe(3);
  });

  it('with a cap of 0.6 (as in docs/model.md §7), customisation at the cap is 46 % of revenue', () => {
    const level = withMarket(historical, 'enterprise', { platformMax: 0.6 });
    const state = gameAt(level, 1, 4);
    const max = enterpriseQuarter(level, state, 'max');
    expect(max.deals).toBeGreaterThan(0);
    expect(max.platform).toBe(0.6);
    // 1.15 × (1 − 0.6) = 0.46: an enterprise gross margin of about 54 % at best
    expect(max.customisation / max.revenue).toBeCloseTo(0.46, 3);
  });
});

describe('apps: engineering cover lowers churn', () => {
  /**
   * Zhipu's consumer-app quarter with `engineers` engineers and no ad budget (no users bought, so
   * engineering acts on the users kept only): the users it ends with, its engineering cover, and
   * whether a shock (a seeded share of users lost at once) struck either market.
   */
  function appQuarter(level: Level, state: GameState, engineers: number) {
    const w = beforeMarkets(level, state);
    const s = w.startups[ZHIPU]!;
    const b = w.books[ZHIPU]!;
    expect(s.status).toBe('active');
    s.staff.engineers = engineers;
    b.budgetBy.domestic = 0;
    b.budgetBy.overseas = 0;
    const before = s.domesticUsers + s.overseasUsers;
    appMarkets(w);
    const shock = w.news.some(
      (n) => n.subject === s.id && (n.key === 'news.domesticShock' || n.key === 'news.overseasShock'),
    );
    return { before, after: s.domesticUsers + s.overseasUsers, cover: b.engFactor, shock };
  }

  it('with no engineers a company keeps understaffedChurn × its users fewer than when fully staffed', () => {
    const understaffed = historical.market.apps.understaffedChurn;
    let checked = 0;
    for (const [seed, quarters] of [
      [1, 0],
      [2, 3],
      [4, 6],
    ] as const) {
      const state = gameAt(historical, seed, quarters);
      const full = appQuarter(historical, state, 1_000_000);
      const none = appQuarter(historical, state, 0);
      expect(full.cover).toBe(1);
      expect(none.cover).toBe(0);
      expect(full.shock || none.shock, `seed ${seed}: a shock would scale the users kept`).toBe(false);
      expect(full.before).toBeGreaterThan(100_000);
      // the same users and word of mouth; churn is higher by understaffedChurn (0.1) × (1 − cover)
      const lost = full.after - none.after;
      expect(lost).toBeGreaterThan(0);
      expect(Math.abs(lost - understaffed * full.before), `seed ${seed}`).toBeLessThanOrEqual(2);
      checked++;
    }
    expect(checked).toBe(3);
  });

  it('between none and full cover, the users lost to churn fall in proportion to the cover', () => {
    const understaffed = historical.market.apps.understaffedChurn;
    const state = gameAt(historical, 2, 3);
    const full = appQuarter(historical, state, 1_000_000);
    const none = appQuarter(historical, state, 0);
    // thirty engineers cover part of the need (the engine reports the cover it found)
    const part = appQuarter(historical, state, 30);
    expect(part.cover).toBeGreaterThan(0.1);
    expect(part.cover).toBeLessThan(0.9);
    expect(part.shock).toBe(false);
    expect(none.after).toBeLessThan(part.after);
    expect(part.after).toBeLessThan(full.after);
    expect(
      Math.abs(full.after - part.after - understaffed * (1 - part.cover) * full.before),
    ).toBeLessThanOrEqual(2);
  });

  it('without the term (understaffedChurn 0), engineers make no difference to the users kept', () => {
    const level = withMarket(historical, 'apps', { understaffedChurn: 0 });
    const state = gameAt(level, 2, 3);
    const full = appQuarter(level, state, 1_000_000);
    const none = appQuarter(level, state, 0);
    expect(none.cover).toBe(0);
    expect(none.after).toBe(full.after);
  });
});
