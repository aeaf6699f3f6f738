// Stored saves of every save format version the game has written (tests/fixtures/saves/, made by
// scripts/save-fixtures.ts with the code of that version). Each one goes through today's loader in
// two separate checks: the format migration (the migrated file holds the same game, plus the fields
// later versions added), then the rules — a save from today's rules resumes to the state hash of an
// independent re-play of its commands, one from other rules is refused by name and kept as a backup.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLevel } from '../src/app/levels';
import {
  BACKUP_PREFIX,
  migrateSave,
  readSave,
  SAVE_KEY,
  SAVE_VERSION,
  saveFileOf,
  writeSave,
} from '../src/app/save';
import { memoryStore } from '../src/app/storage';
import { applyCommand, createGame, hashState, RULES_VERSION } from '../src/engine/index';
import type { Command, GameState } from '../src/engine/types';
import { ROOT } from './helpers';

const DIR = join(ROOT, 'tests', 'fixtures', 'saves');
const NAME = /^v(\d+)-r(\d+)-([a-z0-9-]+)\.json$/;

interface Fixture {
  file: string;
  version: number;
  rules: number;
  raw: string;
  json: Record<string, unknown>;
}

const fixtures: Fixture[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => {
    const m = NAME.exec(file);
    if (!m) throw new Error(`${file}: fixture names are v<format>-r<rules>-<game>.json`);
    const raw = readFileSync(join(DIR, file), 'utf8').trimEnd();
    return { file, version: Number(m[1]), rules: Number(m[2]), raw, json: JSON.parse(raw) };
  });

/** Re-plays a log with the engine alone (no Session, no save code): the reference state. */
function replayed(f: Fixture): GameState {
  const level = findLevel(f.json.levelId as string);
  if (!level) throw new Error(`${f.file}: unknown level`);
  const created = createGame(level, f.json.seed as number, f.json.company as string);
  if (!created.ok) throw new Error(`${f.file}: ${created.error.message}`);
  let state = created.state;
  for (const cmd of f.json.log as Command[]) {
    const r = applyCommand(level, state, cmd);
    if (!r.ok) throw new Error(`${f.file}: ${cmd.type} refused: ${r.error.message}`);
    state = r.state;
  }
  return state;
}

const playable = (f: Fixture) =>
  f.rules === RULES_VERSION && findLevel(f.json.levelId as string)?.version === f.json.levelVersion;

describe('stored saves of every format version', () => {
  it('exist for every version up to the current one, named after what the file says', () => {
    const versions = new Set(fixtures.map((f) => f.version));
    for (let v = 1; v <= SAVE_VERSION; v++) expect(versions.has(v), `a fixture of format ${v}`).toBe(true);
    for (const f of fixtures) {
      expect(f.json.version, f.file).toBe(f.version);
      expect(f.json.rulesVersion, f.file).toBe(f.rules);
      // real games: several quarters with event cards answered
      const log = f.json.log as Command[];
      expect(log.filter((c) => c.type === 'quarter/end').length, f.file).toBeGreaterThanOrEqual(5);
      expect(
        log.some((c) => c.type === 'event/answer'),
        f.file,
      ).toBe(true);
    }
  });

  for (const f of fixtures) {
    describe(f.file, () => {
      it('migrates to the current format holding the same game', () => {
        const m = migrateSave(JSON.parse(f.raw));
        if (!m.ok) throw new Error(`${f.file}: ${m.problem}: ${m.detail}`);
        expect(m.from).toBe(f.version);
        const { save } = m;
        expect(save.version).toBe(SAVE_VERSION);
        for (const k of [
          'format',
          'rulesVersion',
          'levelId',
          'levelVersion',
          'seed',
          'company',
          'hash',
          'savedAt',
        ])
          expect(save[k as keyof typeof save], k).toEqual(f.json[k]);
        expect(save.log).toEqual(f.json.log);
        // format 2 added the fork record and the quarter checkpoints
        if (f.version === 1) {
          expect(save.branch).toBeNull();
          expect(save.checkpoints).toEqual([]);
        } else {
          expect(save.branch).toEqual(f.json.branch);
          expect(save.checkpoints).toEqual(f.json.checkpoints);
          expect(save.checkpoints.length).toBe(
            (f.json.log as Command[]).filter((c) => c.type === 'quarter/end').length,
          );
        }
        // migrating is idempotent: the migrated file reads as itself
        const again = migrateSave(JSON.parse(JSON.stringify(save)));
        expect(again.ok && again.save).toEqual(save);
      });

      if (playable(f)) {
        it(`resumes to the hash of re-playing its commands (rules ${RULES_VERSION})`, () => {
          const reference = replayed(f);
          expect(hashState(reference)).toBe(f.json.hash);
          const store = memoryStore();
          store.set(SAVE_KEY, f.raw);
          const loaded = readSave(store);
          if (loaded.kind !== 'ok') throw new Error(`${f.file}: ${JSON.stringify(loaded)}`);
          expect(loaded.from).toBe(f.version);
          expect(loaded.session.hash()).toBe(hashState(reference));
          expect(loaded.session.log).toEqual(f.json.log);
          expect(loaded.session.setup.branch ?? null).toEqual(f.json.branch ?? null);
          expect(store.get(SAVE_KEY)).toBe(f.raw);
          // the next autosave writes the current format, checkpoints filled in, and resumes again
          expect(writeSave(store, loaded.session, 'later')).toBe(true);
          const rewritten = JSON.parse(store.get(SAVE_KEY)!);
          expect(rewritten).toEqual(saveFileOf(loaded.session, 'later'));
          expect(rewritten.checkpoints).toEqual(reference.history.map((q) => q.hash));
          const reloaded = readSave(store);
          expect(reloaded.kind === 'ok' && reloaded.session.hash()).toBe(hashState(reference));
        });
      } else {
        it(`is refused as a save of other rules or level version (this game plays rules ${RULES_VERSION}) and kept`, () => {
          const store = memoryStore();
          store.set(SAVE_KEY, f.raw);
          const loaded = readSave(store, 'stamp');
          // Today's rules with an older version of its level (the level was re-tuned since): old too.
          const levelVersion = findLevel(f.json.levelId as string)?.version ?? 0;
          const older =
            f.rules < RULES_VERSION ||
            (f.rules === RULES_VERSION && (f.json.levelVersion as number) < levelVersion);
          expect(loaded).toMatchObject({ kind: 'bad', problem: older ? 'old' : 'future' });
          expect(store.get(`${BACKUP_PREFIX}stamp`)).toBe(f.raw);
          expect(store.get(SAVE_KEY)).toBeNull();
        });
      }

      it('with its rules version changed, is refused by name and its copy kept', () => {
        for (const [rules, problem] of [
          [RULES_VERSION - 1, 'old'],
          [RULES_VERSION + 1, 'future'],
        ] as const) {
          const raw = JSON.stringify({ ...f.json, rulesVersion: rules });
          const store = memoryStore();
          store.set(SAVE_KEY, raw);
          const loaded = readSave(store, 'stamp');
          expect(loaded, `rules ${rules}`).toMatchObject({ kind: 'bad', problem });
          expect(loaded.kind === 'bad' && loaded.detail).toContain(`rules ${rules}`);
          expect(store.get(`${BACKUP_PREFIX}stamp`)).toBe(raw);
        }
      });
    });
  }
});
