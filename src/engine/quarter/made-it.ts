// The "made it" rule, in one place: the finance step applies it to the quarter being settled, and
// the madeItProgress selector (selectors.ts) shows the player each of its conditions for the last
// quarter played. Both call these functions, so what the dashboard shows is what the engine decides.

import type { Level } from '../level';
import type { QuarterRecord } from '../types';

/** The level's made-it bars. */
export type MadeItRule = Pick<Level['endings'], 'madeItQuarters' | 'madeItMinRevenue' | 'madeItWindow'>;

/**
 * Operating profit of one company (its index in state.startups, which is also its index in every
 * quarter's record) summed over the `quarters` history quarters before index `end` (fewer at the
 * start of the game). A company missing from a quarter's record counts 0.
 */
export function profitBefore(
  history: readonly QuarterRecord[],
  company: number,
  end: number,
  quarters: number,
): number {
  let sum = 0;
  for (let k = Math.max(0, end - quarters); k < end; k++)
    sum += history[k]!.companies[company]?.operatingProfit ?? 0;
  return sum;
}

/** How many quarters before a quarter its made-it window reaches back (the quarter itself not included). */
export function windowBefore(rule: MadeItRule): number {
  return rule.madeItWindow - 1;
}

/** Each condition a quarter must meet to count toward made-it, and whether it counts. */
export interface MadeItTest {
  /** Operating profit ≥ 0. */
  profitable: boolean;
  /** Revenue ≥ madeItMinRevenue. */
  revenue: boolean;
  /** Operating profit of the madeItWindow quarters ending with this one (fewer early on) ≥ 0. */
  year: boolean;
  /** All three: the quarter counts (a profitable quarter with a profitable year behind it). */
  counts: boolean;
}

/**
 * A profitable quarter counts once the year behind it is profitable too: a business, not a quarter
 * whose costs were cut after a burst of spending. `windowProfit` is the operating profit of the
 * madeItWindow quarters ending with this one, this one's included.
 */
export function madeItTest(
  rule: MadeItRule,
  revenue: number,
  profit: number,
  windowProfit: number,
): MadeItTest {
  const profitable = profit >= 0;
  const enough = revenue >= rule.madeItMinRevenue;
  const year = windowProfit >= 0;
  return { profitable, revenue: enough, year, counts: profitable && enough && year };
}

/** Counting quarters in a row: the streak after a quarter that counts, or not. */
export function nextStreak(streak: number, counts: boolean): number {
  return counts ? streak + 1 : 0;
}

/** Whether a streak of counted quarters in a row is long enough to have made it. */
export function streakMadeIt(rule: MadeItRule, streak: number): boolean {
  return streak >= rule.madeItQuarters;
}
