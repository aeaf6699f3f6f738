// The runway the dashboard's top bar shows for the plan as it stands: the engine's projected
// runway at the planned spend, which can only spend the cash there is (none when cash is below
// zero). Pure.

import type { GameState, Level, StartupState } from '../engine/index';
import { projectedRunway } from '../engine/index';

/** The spend the plan can make: the planned spend, within 0..cash. */
export function spendable(me: Pick<StartupState, 'cash' | 'plan'>): number {
  return Math.min(me.plan.spend, Math.max(0, me.cash));
}

/** Quarters of runway left after the plan's spend (the engine's projectedRunway). */
export function planRunway(level: Level, state: GameState, me: StartupState): number {
  return projectedRunway(level, state, me, spendable(me));
}
