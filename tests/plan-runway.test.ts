// The top bar's runway of the plan (src/app/plan-runway.ts) on a real game.

import { describe, expect, it } from 'vitest';
import { LEVEL_IDS } from '../src/app/levels';
import { planRunway, spendable } from '../src/app/plan-runway';
import { Session } from '../src/app/session';
import { playerOf, projectedRunway } from '../src/engine/index';

describe('spendable', () => {
  it('is the planned spend within 0..cash', () => {
    const me = (cash: number, spend: number) =>
      ({ cash, plan: { spend } }) as Parameters<typeof spendable>[0];
    expect(spendable(me(1000, 300))).toBe(300);
    expect(spendable(me(200, 300))).toBe(200);
    expect(spendable(me(-50, 300))).toBe(0);
  });
});

describe('planRunway', () => {
  it('is the engine’s projected runway at the spend the plan can make, shorter for a bigger spend', () => {
    const started = Session.start({ levelId: LEVEL_IDS[0] as string, seed: 11, company: 'minimax' });
    if (!started.ok) throw new Error(started.message);
    const { level, state } = started.session;
    const me = playerOf(state);
    expect(planRunway(level, state, me)).toBe(projectedRunway(level, state, me, spendable(me)));
    const lean = { ...me, plan: { ...me.plan, spend: Math.round(me.plan.spend / 4) } };
    const all = { ...me, plan: { ...me.plan, spend: me.cash * 10 } };
    expect(planRunway(level, state, lean)).toBeGreaterThan(planRunway(level, state, me));
    expect(planRunway(level, state, all)).toBe(projectedRunway(level, state, me, me.cash));
  });
});
