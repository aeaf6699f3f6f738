import { describe, expect, it } from 'vitest';
import { getLevel } from '../app/levels';
import { foldLog } from './fold';
import { createGame, playGame } from './game';
import { stateHash } from './statehash';
import type { Command, GameState } from './types';

const level = getLevel('historical-2023');
const start = (): GameState => {
  const r = createGame(level, 7, 'minimax');
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
};
const { state: played, log } = playGame(level, 7, 'minimax', 'balanced');

describe('foldLog', () => {
  it('folds a whole log to the state the game reached, with one checkpoint per quarter in order', () => {
    const quarters: number[] = [];
    let commands = 0;
    const r = foldLog(level, start(), log, {
      onCommand: () => {
        commands++;
      },
      onQuarter: (turn, s) => {
        expect(s.history).toHaveLength(turn + 1);
        quarters.push(turn);
      },
    });
    expect(r.ok && !r.stopped && r.next === log.length).toBe(true);
    expect(stateHash(r.state)).toBe(stateHash(played));
    expect(commands).toBe(log.length);
    expect(quarters).toEqual(played.history.map((_, t) => t));
  });

  it('stops where a hook says so, and resumes from there to the same end', () => {
    const first = foldLog(level, start(), log, { onQuarter: (t) => t < 2 });
    if (!first.ok) throw new Error('refused');
    expect(first.stopped).toBe(true);
    expect(first.state.history).toHaveLength(3);
    expect(log[first.next - 1]!.type).toBe('quarter/end');
    const rest = foldLog(level, first.state, log, {}, { from: first.next });
    expect(rest.ok && stateHash(rest.state)).toBe(stateHash(played));
  });

  it('a refused command ends the fold with its index and reason, or is skipped when asked', () => {
    const bad: Command = { type: 'money/accept-offer', offerId: 'no-such-offer' };
    const broken = [...log.slice(0, 3), bad, ...log.slice(3)];
    const r = foldLog(level, start(), broken);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.index).toBe(3);
      expect(r.command).toBe(bad);
      expect(r.error.code).toBeTruthy();
      expect(stateHash(r.state)).toBe(stateHash(foldLog(level, start(), log, {}, { to: 3 }).state));
    }
    const skipped = foldLog(level, start(), broken, {}, { skipRejected: true });
    expect(skipped.ok && stateHash(skipped.state)).toBe(stateHash(played));
  });
});
