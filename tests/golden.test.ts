// Golden games: per-quarter and final hashes of a few (level, seed, company, policy) games are
// committed together with the RULES_VERSION they were made under. Any change to a game's outcome
// must come with a RULES_VERSION bump and a regenerated golden file (npx tsx scripts/update-golden.ts).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkGolden,
  computeGoldenGame,
  GOLDEN_DIR,
  GOLDEN_GAMES,
  type GoldenFile,
  type GoldenGame,
  type GoldenSpec,
} from '../scripts/golden';
import { applyCommand, RULES_VERSION } from '../src/engine/index';
import type { Command } from '../src/engine/types';
import { answerNeutrally, getTestLevel, HISTORICAL_ID, newGame, replay } from './helpers';

function readGolden(levelId: string): GoldenFile {
  return JSON.parse(readFileSync(join(GOLDEN_DIR, `${levelId}.json`), 'utf8')) as GoldenFile;
}

describe('golden hashes', () => {
  const recorded = readGolden(HISTORICAL_ID);

  it('the golden file holds at least 6 distinct games over several companies, policies and seeds', () => {
    expect(recorded.games.length).toBeGreaterThanOrEqual(6);
    const keys = new Set(recorded.games.map((g) => `${g.level}/${g.company}/${g.policy}/${g.seed}`));
    expect(keys.size).toBe(recorded.games.length);
    expect(new Set(recorded.games.map((g) => g.company)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(recorded.games.map((g) => g.policy)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(recorded.games.map((g) => g.seed)).size).toBeGreaterThanOrEqual(2);
    for (const g of recorded.games) {
      expect(g.level).toBe(HISTORICAL_ID);
      expect(g.quarterHashes.length).toBeGreaterThan(0);
      for (const h of [...g.quarterHashes, g.finalHash]) expect(h).toMatch(/^[0-9a-f]{16}$/);
    }
  });

  it('the golden file lists exactly the games of GOLDEN_GAMES (scripts/update-golden.ts)', () => {
    const key = (g: GoldenSpec) => `${g.level}/${g.company}/${g.policy}/${g.seed}`;
    expect(recorded.games.map(key)).toEqual(GOLDEN_GAMES.filter((g) => g.level === HISTORICAL_ID).map(key));
  });

  it('replaying the golden games gives the recorded hashes under the recorded rules version', () => {
    const computed = recorded.games.map((g) => computeGoldenGame(g));
    const check = checkGolden(recorded, computed, RULES_VERSION);
    if (check.status !== 'ok') expect.fail(check.message);
    expect(check.mismatches).toEqual([]);
  });
});

describe('checkGolden', () => {
  const game = (over: Partial<GoldenGame> = {}): GoldenGame => ({
    level: 'lvl',
    seed: 7,
    company: 'acme',
    policy: 'balanced',
    quarterHashes: ['0000000000000001', '0000000000000002', '0000000000000003'],
    finalHash: '0000000000000003',
    ...over,
  });
  const file = (rulesVersion: number, games: GoldenGame[]): GoldenFile => ({ rulesVersion, games });

  it('equal hashes under the same version are ok', () => {
    const r = checkGolden(file(3, [game(), game({ seed: 8 })]), [game({ seed: 8 }), game()], 3);
    expect(r.status).toBe('ok');
    expect(r.mismatches).toEqual([]);
  });

  it('a changed quarter hash under the same version means the rules changed without a version bump', () => {
    const changed = game({ quarterHashes: ['0000000000000001', 'ffffffffffffffff', '0000000000000003'] });
    const r = checkGolden(file(3, [game()]), [changed], 3);
    expect(r.status).toBe('rules-changed-without-version-bump');
    expect(r.message).toContain('RULES_VERSION');
    expect(r.message).toContain('src/engine/version.ts');
    expect(r.message).toContain('scripts/update-golden.ts');
    expect(r.mismatches.join('\n')).toContain('quarter 1');
  });

  it('a changed final hash, a shorter game or a missing game are caught too', () => {
    expect(checkGolden(file(1, [game()]), [game({ finalHash: 'ffffffffffffffff' })], 1).status).toBe(
      'rules-changed-without-version-bump',
    );
    expect(
      checkGolden(file(1, [game()]), [game({ quarterHashes: ['0000000000000001', '0000000000000002'] })], 1)
        .status,
    ).toBe('rules-changed-without-version-bump');
    expect(checkGolden(file(1, [game()]), [], 1).status).toBe('rules-changed-without-version-bump');
    expect(checkGolden(file(1, [game()]), [game(), game({ seed: 9 })], 1).status).toBe(
      'rules-changed-without-version-bump',
    );
  });

  it('a golden file from another rules version is stale, whatever the hashes', () => {
    for (const computed of [[game()], [game({ finalHash: 'ffffffffffffffff' })]]) {
      const r = checkGolden(file(2, [game()]), computed, 3);
      expect(r.status).toBe('stale-golden');
      expect(r.message).toContain('regenerate');
      expect(r.message).toContain('scripts/update-golden.ts');
    }
  });
});

describe('rules version', () => {
  it('RULES_VERSION is a positive integer carried by new games', () => {
    expect(Number.isInteger(RULES_VERSION) && RULES_VERSION > 0).toBe(true);
    const level = getTestLevel();
    expect(newGame(level, 1, level.player.companies[0] ?? '').rulesVersion).toBe(RULES_VERSION);
  });

  it('a state made under other rules is refused with wrong-rules-version, untouched', () => {
    const level = getTestLevel();
    // a new game may start with the first quarter's cards waiting: answer them first
    const fresh = answerNeutrally(level, newGame(level, 11, level.player.companies[0] ?? ''));
    const commands: Command[] = [{ type: 'quarter/end' }, { type: 'plan/set-spend', amount: 0 }];
    for (const rulesVersion of [RULES_VERSION - 1, RULES_VERSION + 1, 0]) {
      const old = { ...fresh, rulesVersion };
      const copy = JSON.stringify(old);
      for (const cmd of commands) {
        const r = applyCommand(level, old, cmd);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe('wrong-rules-version');
          expect(r.error.message.length).toBeGreaterThan(0);
          expect(r.state).toBe(old);
        }
        expect(JSON.stringify(old)).toBe(copy);
      }
    }
    // the same commands are accepted under the current rules
    expect(replay(level, fresh, commands).turn).toBe(fresh.turn + 1);
  });
});
