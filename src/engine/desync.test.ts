import { describe, expect, it } from 'vitest';
import { getLevel } from '../app/levels';
import { findDivergence, firstDifference } from './desync';
import { createGame, playGame } from './game';
import type { Command, GameState } from './types';

const level = getLevel('historical-2023');
const start = (seed: number): GameState => {
  const r = createGame(level, seed, 'minimax');
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
};

describe('firstDifference', () => {
  it('names the first differing path, or null for equal values', () => {
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBeNull();
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe('a[1].b');
    expect(firstDifference({ a: 1 }, { a: 1, z: 0 })).toBe('z');
    expect(firstDifference([1, 2], [1, 2, 3])).toBe('[2]');
    expect(firstDifference(0.1 + 0.2, 0.3)).toBe('(root)');
    expect(firstDifference(Number.NaN, Number.NaN)).toBeNull();
  });
});

describe('findDivergence', () => {
  const { log } = playGame(level, 7, 'minimax', 'balanced');

  it('finds nothing when two runs are the same', () => {
    expect(findDivergence(level, start(7), log, level, start(7), log)).toBeNull();
  });

  it('finds the quarter and the state path where one changed command makes the runs part', () => {
    // change the spend of the player's third quarter
    let quarter = 0;
    const changed: Command[] = log.map((c) => {
      if (c.type === 'quarter/end') quarter++;
      return quarter === 2 && c.type === 'plan/set-spend' ? { ...c, amount: Math.floor(c.amount / 2) } : c;
    });
    const d = findDivergence(level, start(7), log, level, start(7), changed);
    expect(d).not.toBeNull();
    expect(d!.turn).toBe(2);
    expect(d!.path).toMatch(/^(startups|market|giants)/);
    expect(d!.a).not.toEqual(d!.b);
  });

  it('reports different starting worlds before any quarter', () => {
    const d = findDivergence(level, start(7), log, level, start(8), log);
    expect(d?.turn).toBe(-1);
    expect(d?.path).toBe('seed');
  });
});
