import { describe, expect, it } from 'vitest';
import { hashState, playGame, scoreOf } from '../engine/index';
import { quarterLabel } from '../engine/level';
import { findLevel, getLevel, LEVEL_IDS } from './levels';
import { formatSimTable, rivalEnding, simReport } from './sim-report';

const level = getLevel('historical-2023');
const opts = { seed: 42, company: 'moonshot', policy: 'balanced' } as const;
const { state } = playGame(level, opts.seed, opts.company, opts.policy);
const report = simReport(level, state, opts);

describe('levels registry', () => {
  it('lists the historical level and caches the validated level', () => {
    expect(LEVEL_IDS).toContain('historical-2023');
    expect(getLevel('historical-2023')).toBe(level);
    expect(findLevel('no-such-level')).toBeUndefined();
    expect(() => getLevel('no-such-level')).toThrow(/no-such-level/);
  });
});

describe('simReport', () => {
  it('has exactly the contract keys', () => {
    expect(Object.keys(report).sort()).toEqual(
      [
        'level',
        'seed',
        'company',
        'policy',
        'ending',
        'endQuarter',
        'score',
        'finalHash',
        'quarters',
        'rivals',
      ].sort(),
    );
    expect(report).toMatchObject({ level: 'historical-2023', ...opts });
    const q = report.quarters[0];
    expect(q && Object.keys(q).sort()).toEqual(
      [
        'quarter',
        'cash',
        'revenue',
        'costs',
        'operatingProfit',
        'apiPrice',
        'marketApiPrice',
        'quality',
        'mau',
        'headcount',
        'pretrainingShare',
        'events',
        'hash',
      ].sort(),
    );
  });

  it('has one quarter per history record, with integer money and shares in 0..1', () => {
    expect(report.quarters.length).toBe(state.history.length);
    expect(report.quarters.length).toBeGreaterThan(0);
    report.quarters.forEach((q, i) => {
      const rec = state.history[i];
      expect(q.quarter).toBe(rec?.quarter);
      expect(q.quarter).toBe(quarterLabel(level, i));
      expect(q.hash).toBe(rec?.hash);
      for (const money of [q.cash, q.revenue, q.costs, q.operatingProfit])
        expect(Number.isInteger(money)).toBe(true);
      expect(Number.isInteger(q.mau)).toBe(true);
      expect(Number.isInteger(q.headcount)).toBe(true);
      expect(q.pretrainingShare).toBeGreaterThanOrEqual(0);
      expect(q.pretrainingShare).toBeLessThanOrEqual(1);
      expect(q.apiPrice).toBeGreaterThanOrEqual(0);
      expect(q.marketApiPrice).toBeGreaterThanOrEqual(0);
    });
  });

  it('reports the ending, its quarter, the score and the final hash consistently', () => {
    const ending = state.ending;
    expect(ending).not.toBeNull();
    expect(report.ending).toBe(ending?.kind);
    expect(report.endQuarter).toBe(quarterLabel(level, ending?.turn ?? -1));
    expect(report.score).toBe(ending?.score);
    expect(report.score).toBe(scoreOf(level, state));
    expect(report.finalHash).toBe(hashState(state));
    expect(report.finalHash).toMatch(/^[0-9a-f]+$/);
    // A quarter's resolution ends the game in that (recorded) quarter; selling the company ends it while
    // the next quarter is being planned, before anything is recorded for it.
    const last = state.history.length - 1;
    expect(report.endQuarter).toBe(quarterLabel(level, ending?.kind === 'acquired' ? last + 1 : last));
  });

  it('lists every other startup as a rival, never the player', () => {
    expect(report.rivals.map((r) => r.company)).not.toContain(opts.company);
    expect(report.rivals).toHaveLength(5);
    expect(report.rivals.map((r) => r.company)).toEqual(
      state.startups.map((s) => s.id).filter((id) => id !== opts.company),
    );
  });

  it('maps a rival state to its ending', () => {
    const rival = state.startups.find((s) => s.id !== opts.company);
    if (!rival) throw new Error('no rival');
    expect(rivalEnding({ ...rival, status: 'bankrupt' })).toBe('out-of-money');
    expect(rivalEnding({ ...rival, status: 'acquired' })).toBe('acquired');
    expect(rivalEnding({ ...rival, status: 'active', madeItTurn: 3 })).toBe('made-it');
    expect(rivalEnding({ ...rival, status: 'active', madeItTurn: null })).toBe('times-up');
  });

  it('formats a table with a line per quarter, the ending and the rivals', () => {
    const table = formatSimTable(report);
    const quarterLines = table.split('\n').filter((l) => /^\d{4}Q[1-4]\s/.test(l));
    expect(quarterLines).toHaveLength(report.quarters.length);
    expect(table).toContain(`ending: ${report.ending} in ${report.endQuarter}`);
    for (const r of report.rivals) expect(table).toContain(r.company);
  });
});
