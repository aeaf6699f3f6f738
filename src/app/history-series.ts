// The history charts' series, read off the game's quarter records so they can be tested on plain
// data: the player's runway each quarter, the best rival's users, a rival's quality while it is in
// the market, the best big-tech quality and the cheapest giant API price among those already in
// the market, and the last quarter's P&L as waterfall steps. The view only labels and draws. Pure.

import type { CompanyRecord, CostBreakdown, GameState, Level, RevenueLine } from '../engine/index';
import { runwayAt } from '../engine/index';

/** The player's record in each quarter of the history. */
export function playerRecords(state: GameState): CompanyRecord[] {
  return state.history.map((r) => r.companies.find((c) => c.id === state.playerId)!);
}

/** Each quarter's runway as the page states it elsewhere: cash ÷ the quarter's net burn (NOT_BURNING without one). */
export function runwaySeries(records: readonly CompanyRecord[]): number[] {
  return records.map((c) => runwayAt(Math.max(0, c.cash), c.costs - c.revenue));
}

/** Each quarter, the most monthly users of any other company still active (0 when none). */
export function bestRivalUsers(state: GameState): number[] {
  return state.history.map((r) =>
    Math.max(
      0,
      ...r.companies.filter((c) => c.id !== state.playerId && c.status === 'active').map((c) => c.mau),
    ),
  );
}

/** A company's quality each quarter while it is active (null before, after, or when it is missing). */
export function activeQuality(state: GameState, id: string): (number | null)[] {
  return state.history.map((r) => {
    const c = r.companies.find((cc) => cc.id === id);
    return c && c.status === 'active' ? c.quality : null;
  });
}

/** Whether the level's j-th giant had entered the market by `turn`. */
const entered = (level: Level, j: number, turn: number) => (level.giants[j]?.entersTurn ?? 0) <= turn;

/** Each quarter, the best quality among the big-tech giants already in the market (null when none is). */
export function bigTechBestQuality(level: Level, state: GameState): (number | null)[] {
  return state.history.map((r) => {
    const qs = r.giants
      .filter((_, j) => level.giants[j]?.kind === 'bigtech' && entered(level, j, r.turn))
      .map((g) => g.quality);
    return qs.length ? Math.max(...qs) : null;
  });
}

/** Each quarter, the cheapest paid API price among giants of a kind already in the market (null when none). */
export function giantMinPrice(
  level: Level,
  state: GameState,
  kind: 'bigtech' | 'deepseek',
): (number | null)[] {
  return state.history.map((r) => {
    const ps = r.giants
      .filter((g, j) => level.giants[j]?.kind === kind && entered(level, j, r.turn) && g.apiPrice > 0)
      .map((g) => g.apiPrice);
    return ps.length ? Math.min(...ps) : null;
  });
}

/** A step of the P&L waterfall: a revenue line, a cost line, or a total, by what it is. */
export type PnlStep =
  | { line: RevenueLine; value: number; kind: 'up' }
  | { line: 'revenue' | 'profit'; value: number; kind: 'total' }
  | { line: keyof CostBreakdown; value: number; kind: 'down' };

const REVENUE_LINES = ['domestic', 'overseas', 'enterprise', 'api', 'other'] as const;
const COST_LINES = [
  'compute',
  'salaries',
  'ads',
  'inference',
  'customisation',
  'platform',
  'severance',
  'other',
] as const;

/**
 * A quarter's P&L as waterfall steps: each revenue line of an open market (and any other line
 * that earned something), total revenue, each cost that is not zero, operating profit.
 */
export function pnlSteps(level: Level, rec: CompanyRecord): PnlStep[] {
  const steps: PnlStep[] = [];
  for (const m of REVENUE_LINES)
    if (rec.revenueBy[m] !== 0 || (m !== 'other' && level.markets[m]))
      steps.push({ line: m, value: rec.revenueBy[m], kind: 'up' });
  steps.push({ line: 'revenue', value: rec.revenue, kind: 'total' });
  for (const k of COST_LINES)
    if (rec.costBy[k] !== 0) steps.push({ line: k, value: rec.costBy[k], kind: 'down' });
  steps.push({ line: 'profit', value: rec.operatingProfit, kind: 'total' });
  return steps;
}
