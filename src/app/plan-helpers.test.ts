// The plan panel's arithmetic on real game states: the runway presets' spend, the re-weighting of
// the application sliders, and the split command the sliders make (which the engine must accept).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autopilotPlayed } from '../../tests/support/game';
import type { AppMarket, AppWeights, GameState, Level, StartupState } from '../engine/index';
import {
  APP_MARKETS,
  appBudgets,
  applyCommand,
  createGame,
  economy,
  projectedRunway,
  splitSpend,
  validateCommand,
} from '../engine/index';
import { getLevel } from './levels';
import { rebalance, spendForRunway, splitFromSliders, weightsWithSliders } from './plan-helpers';

function start(level: Level, company: string): GameState {
  const c = createGame(level, 21, company);
  if (!c.ok) throw new Error(c.error.message);
  return c.state;
}

/** The state after `quarters` quarters of an autopilot (so last quarter's revenue counts). */
const played = (level: Level, company: string, quarters: number): GameState =>
  autopilotPlayed(level, 21, company, quarters);

const player = (s: GameState): StartupState => s.startups.find((c) => c.id === s.playerId)!;

const historical = getLevel('historical-2023');
const bertrand = getLevel('bertrand-lab');
const fresh = start(historical, 'zhipu');
const later = played(historical, 'zhipu', 3);
const apiOnly = played(bertrand, bertrand.companies[0]!.id, 2);

describe('spendForRunway', () => {
  it('gives the spend worked out by hand on a fresh game (no revenue yet)', () => {
    const me = player(fresh);
    // Before any quarter the runway is cash / (spend + payroll): 250 000 / (x + 10 850).
    expect(me.cash).toBe(250_000);
    expect(economy.payroll(historical, fresh.turn, me)).toBe(10_850);
    // 10 quarters: x + 10 850 ≤ 25 000, so x = 14 150 (exactly 10 quarters).
    expect(spendForRunway(historical, fresh, me, 10)).toBe(14_150);
    // 6 quarters: x + 10 850 ≤ 41 666.67, so x = 30 816.
    expect(spendForRunway(historical, fresh, me, 6)).toBe(30_816);
    // 1.5 quarters: x + 10 850 ≤ 166 666.67, so x = 155 816.
    expect(spendForRunway(historical, fresh, me, 1.5)).toBe(155_816);
    // Payroll alone leaves 23 quarters: no spend reaches 30.
    expect(spendForRunway(historical, fresh, me, 30)).toBe(0);
    // Even all the cash leaves 250 000 / 260 850 ≈ 0.96 quarters: all of it.
    expect(spendForRunway(historical, fresh, me, 0.5)).toBe(250_000);
  });

  const cases: [string, Level, GameState][] = [
    ['a fresh game', historical, fresh],
    ['after three quarters', historical, later],
    ['the API-only level', bertrand, apiOnly],
  ];
  for (const [name, level, state] of cases) {
    const me = player(state);
    const rw = (x: number) => projectedRunway(level, state, me, x);

    it(`leaves at least the target, and one 万元 more would not (${name})`, () => {
      const targets = [0.25, 0.5, 1, 1.5, 2, 3.5, 6, 10, 15, 25, 50];
      for (const target of targets) {
        const x = spendForRunway(level, state, me, target);
        expect(Number.isInteger(x)).toBe(true);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(me.cash);
        if (x === 0) {
          // Either nothing leaves enough, or spending 1 万元 already falls short.
          if (rw(0) >= target) expect(rw(1)).toBeLessThan(target);
        } else {
          expect(rw(x)).toBeGreaterThanOrEqual(target);
          if (x < me.cash) expect(rw(x + 1)).toBeLessThan(target);
        }
      }
    });

    it(`asks to spend less for a longer runway (${name})`, () => {
      fc.assert(
        fc.property(
          fc.double({ min: 0.1, max: 60, noNaN: true }),
          fc.double({ min: 0.1, max: 60, noNaN: true }),
          (a, b) => {
            const [lo, hi] = a <= b ? [a, b] : [b, a];
            expect(spendForRunway(level, state, me, hi)).toBeLessThanOrEqual(
              spendForRunway(level, state, me, lo),
            );
          },
        ),
        { numRuns: 60 },
      );
    });
  }

  it('spends nothing without cash', () => {
    const me = { ...player(later), cash: 0 };
    expect(spendForRunway(historical, later, me, 1)).toBe(0);
    expect(spendForRunway(historical, later, { ...me, cash: -500 }, 1)).toBe(0);
  });
});

describe('rebalance', () => {
  const all = APP_MARKETS;
  const even: AppWeights = { domestic: 25, overseas: 25, enterprise: 25, api: 25 };

  it('shares the rest among the others in their old proportions (worked by hand)', () => {
    // 60 left over three equal weights: 20 each.
    expect(rebalance(even, 'domestic', 40, all)).toEqual({
      domestic: 40,
      overseas: 20,
      enterprise: 20,
      api: 20,
    });
    // 50 left over 10 : 65 : 15 — 5.6, 36.1, 8.3 — rounds to 6, 36 and the rest, 8.
    const w = { domestic: 10, overseas: 65, enterprise: 15, api: 10 };
    expect(rebalance(w, 'api', 50, all)).toEqual({ domestic: 6, overseas: 36, enterprise: 8, api: 50 });
    // 30 left over 60 : 20 : 0 — 22.5 rounds up to 23, 7.5 gets the 7 left, the zero weight stays 0.
    const z = { domestic: 20, overseas: 60, enterprise: 20, api: 0 };
    expect(rebalance(z, 'domestic', 70, ['domestic', 'overseas', 'enterprise', 'api'])).toEqual({
      domestic: 70,
      overseas: 23,
      enterprise: 7,
      api: 0,
    });
  });

  it('splits the rest equally when all the others had 0', () => {
    const w = { domestic: 100, overseas: 0, enterprise: 0, api: 0 };
    expect(rebalance(w, 'domestic', 40, all)).toEqual({
      domestic: 40,
      overseas: 20,
      enterprise: 20,
      api: 20,
    });
    // 45 over two: 22 and the remaining 23.
    expect(rebalance(w, 'domestic', 55, ['domestic', 'overseas', 'enterprise'])).toEqual({
      domestic: 55,
      overseas: 22,
      enterprise: 23,
      api: 0,
    });
  });

  it('clamps and rounds the moved value, and gives a lone open market everything', () => {
    expect(rebalance(even, 'overseas', 150, all).overseas).toBe(100);
    expect(rebalance(even, 'overseas', -5, all)).toEqual({
      domestic: 33,
      overseas: 0,
      enterprise: 33,
      api: 34,
    });
    expect(rebalance(even, 'overseas', 33.6, all).overseas).toBe(34);
    expect(rebalance({ domestic: 0, overseas: 0, enterprise: 0, api: 100 }, 'api', 30, ['api'])).toEqual({
      domestic: 0,
      overseas: 0,
      enterprise: 0,
      api: 100,
    });
  });

  const openSets = fc.subarray([...APP_MARKETS], { minLength: 2 });
  const weightsOver = (open: AppMarket[]) =>
    fc.array(fc.nat(100), { minLength: open.length, maxLength: open.length }).map((raw) => {
      // Whole weights over the open markets summing to 100 (all on the first when raw is all 0).
      const total = raw.reduce((a, b) => a + b, 0);
      const w: AppWeights = { domestic: 0, overseas: 0, enterprise: 0, api: 0 };
      let left = 100;
      open.forEach((m, i) => {
        const v = i === open.length - 1 ? left : total > 0 ? Math.floor((100 * raw[i]!) / total) : 0;
        w[m] = v;
        left -= v;
      });
      return w;
    });
  const moves = openSets.chain((open) =>
    fc.record({
      open: fc.constant(open),
      w: weightsOver(open),
      market: fc.constantFrom(...open),
      value: fc.double({ min: -20, max: 120, noNaN: true }),
    }),
  );

  it('keeps the moved value, whole weights in 0..100 summing to 100, closed markets at 0', () => {
    fc.assert(
      fc.property(moves, ({ open, w, market, value }) => {
        const out = rebalance(w, market, value, open);
        expect(out[market]).toBe(Math.max(0, Math.min(100, Math.round(value))));
        let sum = 0;
        for (const m of APP_MARKETS) {
          expect(Number.isInteger(out[m])).toBe(true);
          expect(out[m]).toBeGreaterThanOrEqual(0);
          expect(out[m]).toBeLessThanOrEqual(100);
          if (!open.includes(m)) expect(out[m]).toBe(0);
          sum += out[m];
        }
        expect(sum).toBe(100);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps the others' proportions to within rounding", () => {
    fc.assert(
      fc.property(moves, ({ open, w, market, value }) => {
        const out = rebalance(w, market, value, open);
        const others = open.filter((m) => m !== market);
        const rest = others.reduce((a, m) => a + w[m], 0);
        const left = 100 - out[market];
        for (const m of others) {
          const exact = rest > 0 ? (left * w[m]) / rest : left / others.length;
          expect(Math.abs(out[m] - exact)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('splitFromSliders', () => {
  const level = historical;
  const state = later;
  const me = player(state);

  it('builds a split the engine accepts, taking the sliders as they stand', () => {
    const cmd = splitFromSliders(me.plan, 70, { domestic: 10, overseas: 20, enterprise: 30, api: 40 });
    expect(cmd).toEqual({
      type: 'plan/set-split',
      pretrainingBp: 7000,
      appWeights: { domestic: 10, overseas: 20, enterprise: 30, api: 40 },
    });
    expect(validateCommand(level, state, cmd)).toBeNull();
    const r = applyCommand(level, state, cmd);
    if (!r.ok) throw new Error(r.error.message);
    expect(player(r.state).plan.pretrainingBp).toBe(7000);
    expect(player(r.state).plan.appWeights).toEqual({ domestic: 10, overseas: 20, enterprise: 30, api: 40 });
  });

  it("keeps the plan's share when the split slider is disabled, and its weights when the sliders do not sum to 100", () => {
    // A share a card may have set, not a whole percentage: it stands as it is.
    const plan = { ...me.plan, pretrainingBp: 6350 };
    const cmd = splitFromSliders(plan, null, { domestic: 50, overseas: 50, enterprise: 50, api: 50 });
    expect(cmd).toEqual({
      type: 'plan/set-split',
      pretrainingBp: 6350,
      appWeights: me.plan.appWeights,
    });
    expect(validateCommand(level, state, cmd)).toBeNull();
  });

  it('fills markets without a live slider from the plan, and clamps the share to 0..100 %', () => {
    const plan = { ...me.plan, appWeights: { domestic: 10, overseas: 20, enterprise: 30, api: 40 } };
    const cmd = splitFromSliders(plan, 140.4, { domestic: 29.6 });
    // 29.6 rounds to 30; 30 + 20 + 30 + 40 ≠ 100, so the plan's weights stand.
    expect(cmd).toMatchObject({ pretrainingBp: 10_000, appWeights: plan.appWeights });
    const moved = splitFromSliders(plan, -3, { domestic: 0.4, overseas: 29.6 });
    expect(moved).toEqual({
      type: 'plan/set-split',
      pretrainingBp: 0,
      appWeights: { domestic: 0, overseas: 30, enterprise: 30, api: 40 },
    });
    expect(validateCommand(level, state, moved)).toBeNull();
    // The split slider moves in whole percent: 33.4 % is 33 %, 3 300 basis points.
    expect(splitFromSliders(plan, 33.4, {})).toMatchObject({ pretrainingBp: 3300 });
    expect(weightsWithSliders(plan.appWeights, {})).toEqual(plan.appWeights);
  });

  it('always makes a command the engine accepts, whatever the sliders show', () => {
    fc.assert(
      fc.property(
        fc.option(fc.double({ min: -10, max: 110, noNaN: true }), { nil: null }),
        fc.dictionary(fc.constantFrom(...APP_MARKETS), fc.integer({ min: 0, max: 100 })),
        (percent, sliders) => {
          const cmd = splitFromSliders(me.plan, percent, sliders);
          expect(validateCommand(level, state, cmd)).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on the API-only level, the one live slider keeps the other markets closed', () => {
    const m = player(apiOnly);
    const cmd = splitFromSliders(m.plan, 40, { api: 100 });
    expect(cmd).toMatchObject({
      pretrainingBp: 4000,
      appWeights: { domestic: 0, overseas: 0, enterprise: 0, api: 100 },
    });
    expect(validateCommand(bertrand, apiOnly, cmd)).toBeNull();
  });
});

describe("the panel's budget figures are the engine's", () => {
  it('splits the spend as worked by hand', () => {
    // 50 % of 10 001: 5 000.5 rounds to 5 001 for pretraining, 5 000 for the applications.
    expect(splitSpend(10_001, 5000, false)).toEqual({ pretraining: 5001, apps: 5000 });
    expect(splitSpend(10_001, 5000, true)).toEqual({ pretraining: 0, apps: 10_001 });
    expect(splitSpend(999, 10_000, false)).toEqual({ pretraining: 999, apps: 0 });
  });

  it('gives the API market the rest and takes a rounding overshoot back from the largest share', () => {
    // 25 % of 1 001 is 250.25: three shares of 250, the API the remaining 251.
    expect(appBudgets(1001, { domestic: 25, overseas: 25, enterprise: 25, api: 25 })).toEqual({
      domestic: 250,
      overseas: 250,
      enterprise: 250,
      api: 251,
    });
    // 50/50 of 101: both round up to 51, one too many, taken back from domestic.
    expect(appBudgets(101, { domestic: 50, overseas: 50, enterprise: 0, api: 0 })).toEqual({
      domestic: 50,
      overseas: 51,
      enterprise: 0,
      api: 0,
    });
  });

  it('never spends more or less than the applications budget, and no line is negative', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), weightsOverAll(), (apps, w) => {
        const b = appBudgets(apps, w);
        expect(b.domestic + b.overseas + b.enterprise + b.api).toBe(apps);
        for (const m of APP_MARKETS) expect(b[m]).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });
});

function weightsOverAll() {
  return fc.tuple(fc.nat(100), fc.nat(100), fc.nat(100)).map(([a, b, c]): AppWeights => {
    const d = Math.min(a, 100);
    const o = Math.min(b, 100 - d);
    const e = Math.min(c, 100 - d - o);
    return { domestic: d, overseas: o, enterprise: e, api: 100 - d - o - e };
  });
}
