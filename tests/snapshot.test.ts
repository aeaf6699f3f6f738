// Save/restore: a state survives a JSON round trip. After every quarter of a straight run the state is
// saved as JSON, restored, and played on with the same remaining commands: every later per-quarter
// hash and the final hash equal the straight run's.

import { describe, expect, it } from 'vitest';
import { applyCommand, hashState, playGame } from '../src/engine/index';
import type { Command, GameState } from '../src/engine/types';
import {
  clone,
  getTestLevel,
  newGame,
  nonJsonPaths,
  POLICY_NAMES,
  quarterHashes,
  replay,
  splitByQuarter,
} from './helpers';

const level = getTestLevel();
const companies = level.player.companies;

/** Several (company, policy, seed) games spread over the companies and policies. */
const GAMES = [0, 1, 2, 3].map((i) => ({
  company: companies[(i * 5) % companies.length] ?? '',
  policy: POLICY_NAMES[i % POLICY_NAMES.length] ?? 'balanced',
  seed: 1000 + 37 * i,
}));

describe('snapshot and restore', () => {
  for (const { company, policy, seed } of GAMES) {
    it(`${company} / ${policy} / seed ${seed}: restored games end exactly like the straight run`, () => {
      const { state: straight, log } = playGame(level, seed, company, policy);
      expect(straight.ending).not.toBeNull();
      const hashes = quarterHashes(straight);
      const finalHash = hashState(straight);
      expect(hashes.length).toBeGreaterThan(0);

      // the log replays to the same game
      const start = newGame(level, seed, company);
      expect(hashState(replay(level, start, log))).toBe(finalHash);

      const chunks = splitByQuarter(log);
      let state: GameState = start;
      for (let q = 0; q < chunks.length; q++) {
        const saved = JSON.stringify(state);
        const restored = JSON.parse(saved) as GameState;
        expect(nonJsonPaths(state)).toEqual([]);
        expect(restored).toEqual(state);
        expect(hashState(restored)).toBe(hashState(state));

        const rest: Command[] = chunks.slice(q).flat();
        const resumed = replay(level, restored, rest);
        expect(quarterHashes(resumed), `restored before quarter ${q}`).toEqual(hashes);
        expect(hashState(resumed), `restored before quarter ${q}`).toBe(finalHash);
        // replaying must not have touched the saved copy's source
        expect(JSON.stringify(state)).toBe(saved);

        for (const cmd of chunks[q] ?? []) state = applyCommand(level, state, cmd).state;
        expect(state.history.length).toBe(q + 1);
        expect(state.history[q]?.hash).toBe(hashes[q]);
      }
      expect(hashState(state)).toBe(finalHash);
    });
  }

  it('a mid-quarter save (plan half edited) restores to the same game', () => {
    const company = companies[1] ?? '';
    const policy = POLICY_NAMES[POLICY_NAMES.length - 1] ?? 'random';
    const { state: straight, log } = playGame(level, 4242, company, policy);
    const chunks = splitByQuarter(log);
    let state = newGame(level, 4242, company);
    for (const chunk of chunks) {
      const half = Math.floor(chunk.length / 2);
      for (const cmd of chunk.slice(0, half)) state = applyCommand(level, state, cmd).state;
      state = clone(state);
      for (const cmd of chunk.slice(half)) state = applyCommand(level, state, cmd).state;
    }
    expect(quarterHashes(state)).toEqual(quarterHashes(straight));
    expect(hashState(state)).toBe(hashState(straight));
  });

  it('the hash depends on the state: a changed field changes it', () => {
    const state = newGame(level, 5, companies[0] ?? '');
    const h = hashState(state);
    const changed = clone(state);
    const c = changed.startups[0];
    if (!c) throw new Error('no startups');
    c.cash += 1;
    expect(hashState(changed)).not.toBe(h);
    expect(hashState(clone(state))).toBe(h);
  });
});
