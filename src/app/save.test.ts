import { describe, expect, it } from 'vitest';
import { madeItGames, playedOnByAutopilot } from '../../tests/helpers';
import { hashState } from '../engine/index';
import { AppContext, PROBE_KEY, preferredLanguage, SCREEN_KEY } from './context';
import { forkReplay } from './fork';
import { hasText, LANGUAGES, t } from './i18n';
import { findLevel, getLevel } from './levels';
import { replayCodeOf } from './replay-code';
import {
  BACKUP_PREFIX,
  MIGRATIONS,
  readSave,
  restoreSave,
  SAVE_KEY,
  SAVE_PROBLEMS,
  SAVE_VERSION,
  saveFileOf,
  writeSave,
} from './save';
import { Session } from './session';
import type { KeyValueStore } from './storage';
import { memoryStore, webStore } from './storage';

function game(): Session {
  const r = Session.start({ levelId: 'historical-2023', seed: 7, company: 'zhipu' });
  if (!r.ok) throw new Error(r.message);
  r.session.dispatch({ type: 'plan/set-spend', amount: 5000 });
  for (const e of r.session.state.pendingEvents)
    r.session.dispatch({ type: 'event/answer', eventId: e.id, choiceId: e.choices[0]! });
  if (!r.session.dispatch({ type: 'quarter/end' }).ok) throw new Error('quarter/end refused');
  r.session.dispatch({ type: 'people/set', payLevel: 'plus25' });
  return r.session;
}

describe('the autosave', () => {
  it('restores the same game from its command log', () => {
    const store = memoryStore();
    const s = game();
    expect(writeSave(store, s)).toBe(true);
    const loaded = readSave(store);
    expect(loaded.kind).toBe('ok');
    if (loaded.kind === 'ok') {
      expect(loaded.session.hash()).toBe(s.hash());
      expect(loaded.session.log).toEqual(s.log);
      // Undo still works within the restored quarter.
      expect(loaded.session.canUndo()).toBe(true);
    }
  });

  it('resumes a game that played on after made it, and one that then ended', () => {
    const g = madeItGames(getLevel('attrition'), [1], ['balanced'], 2, 1)[0]!;
    const setup = { levelId: 'attrition', seed: g.seed, company: g.company };
    const replayed = Session.replay(setup, g.log);
    if (!replayed.ok) throw new Error(replayed.reason);
    const s = replayed.session;
    expect(s.dispatch({ type: 'game/play-on' }).ok).toBe(true);
    expect(s.dispatch({ type: 'plan/set-spend', amount: 1000 }).ok).toBe(true);
    const store = memoryStore();
    expect(writeSave(store, s)).toBe(true);
    const loaded = readSave(store);
    if (loaded.kind !== 'ok') throw new Error(loaded.kind);
    expect(loaded.session.hash()).toBe(s.hash());
    expect(loaded.session.state.ending).toBeNull();
    expect(loaded.session.log).toEqual(s.log);
    // Played to its end, it resumes ended, with the made-it honour in its score.
    const end = playedOnByAutopilot(g);
    const done = Session.replay(setup, end.log);
    if (!done.ok) throw new Error(done.reason);
    writeSave(store, done.session);
    const again = readSave(store);
    if (again.kind !== 'ok') throw new Error(again.kind);
    expect(again.session.state.ending).toEqual(end.state.ending);
    expect(again.session.hash()).toBe(hashState(end.state));
  });

  it('backs up and removes a corrupted save', () => {
    const store = memoryStore();
    store.set(SAVE_KEY, '{"format":"six-tigers-save","version":1,"log":[');
    const loaded = readSave(store, '2026-01-01T00:00:00.000Z');
    expect(loaded).toMatchObject({
      kind: 'bad',
      problem: 'unreadable',
      backupKey: `${BACKUP_PREFIX}2026-01-01T00:00:00.000Z`,
    });
    expect(store.get(SAVE_KEY)).toBeNull();
    expect(store.get(`${BACKUP_PREFIX}2026-01-01T00:00:00.000Z`)).toContain('"log":[');
    expect(readSave(store).kind).toBe('none');
  });

  it('tells an old save from a corrupted one, and spots a tampered log', () => {
    const store = memoryStore();
    const s = game();
    writeSave(store, s);
    const file = JSON.parse(store.get(SAVE_KEY)!);
    store.set(SAVE_KEY, JSON.stringify({ ...file, rulesVersion: file.rulesVersion - 1 }));
    expect(readSave(store)).toMatchObject({ kind: 'bad', problem: 'old' });
    store.set(SAVE_KEY, JSON.stringify({ ...file, rulesVersion: file.rulesVersion + 1 }));
    expect(readSave(store)).toMatchObject({ kind: 'bad', problem: 'future' });
    store.set(SAVE_KEY, JSON.stringify({ ...file, levelVersion: file.levelVersion - 1 }));
    expect(readSave(store)).toMatchObject({ kind: 'bad', problem: 'old' });
    store.set(SAVE_KEY, JSON.stringify({ ...file, levelId: 'atlantis-2030' }));
    expect(readSave(store)).toMatchObject({ kind: 'bad', problem: 'unknown-level' });
    // a format version that never existed is damage; one newer than this game is refused by name
    store.set(SAVE_KEY, JSON.stringify({ ...file, version: 0 }));
    expect(readSave(store)).toMatchObject({ kind: 'bad', problem: 'unreadable' });
    store.set(SAVE_KEY, JSON.stringify({ ...file, version: SAVE_VERSION + 1 }));
    expect(readSave(store)).toMatchObject({ kind: 'bad', problem: 'future' });
    const tampered = file.log.map((c: { type: string; amount?: number }) =>
      c.type === 'plan/set-spend' ? { ...c, amount: 4000 } : c,
    );
    store.set(SAVE_KEY, JSON.stringify({ ...file, log: tampered }));
    expect(readSave(store)).toMatchObject({ kind: 'bad', problem: 'diverged' });
    store.set(SAVE_KEY, JSON.stringify({ ...file, log: [{ type: 'quarter/end' }, { type: 'nonsense' }] }));
    expect(readSave(store)).toMatchObject({ kind: 'bad', problem: 'diverged' });
  });

  it('keeps only the newest ten backups', () => {
    const store = memoryStore();
    const day = (i: number) => `2026-01-${String(i + 1).padStart(2, '0')}`;
    for (let i = 0; i < 14; i++) {
      store.set(SAVE_KEY, `garbage ${i}`);
      readSave(store, day(i));
    }
    expect(
      store
        .keys()
        .filter((k) => k.startsWith(BACKUP_PREFIX))
        .sort(),
    ).toEqual(Array.from({ length: 10 }, (_, i) => `${BACKUP_PREFIX}${day(i + 4)}`));
  });
});

describe('the autosave, format and refusals', () => {
  it('has one migration step for every older format version, in order', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: SAVE_VERSION - 1 }, (_, i) => i + 1));
  });

  it('records every quarter hash, and names the first quarter a damaged save departs from', () => {
    const s = game();
    for (const e of s.state.pendingEvents)
      s.dispatch({ type: 'event/answer', eventId: e.id, choiceId: e.choices[0]! });
    expect(s.dispatch({ type: 'quarter/end' }).ok).toBe(true);
    const file = saveFileOf(s, 'now');
    expect(file.checkpoints).toEqual(s.state.history.map((q) => q.hash));
    expect(file.checkpoints.length).toBe(2);
    const bent = { ...file, checkpoints: [file.checkpoints[0], 'abcdef0123456789'] };
    expect(restoreSave(JSON.stringify(bent))).toMatchObject({ ok: false, problem: 'diverged' });
    const r = restoreSave(JSON.stringify(bent));
    if (!r.ok) expect(r.detail).toContain('2023Q2');
    const extra = { ...file, checkpoints: [...file.checkpoints, file.checkpoints[0]] };
    expect(restoreSave(JSON.stringify(extra))).toMatchObject({ ok: false, problem: 'diverged' });
    // checkpoints agree but the open quarter's commands were changed: the final hash catches it
    const log = [...file.log, { type: 'plan/set-spend', amount: 777 }];
    expect(restoreSave(JSON.stringify({ ...file, log }))).toMatchObject({ ok: false, problem: 'diverged' });
  });

  it('keeps where a forked game branched off', () => {
    const level = findLevel('historical-2023')!;
    const original = game();
    for (let q = 0; q < 3; q++) {
      for (const e of original.state.pendingEvents)
        original.dispatch({ type: 'event/answer', eventId: e.id, choiceId: e.choices[0]! });
      original.dispatch({ type: 'quarter/end' });
    }
    const forked = forkReplay(replayCodeOf(level, original.state, original.log), 2, findLevel);
    if (!forked.ok) throw new Error(forked.message);
    const { fork } = forked;
    const setup = { levelId: level.id, seed: 7, company: 'zhipu', branch: fork.branch };
    const started = Session.start(setup);
    if (!started.ok) throw new Error(started.message);
    for (const cmd of fork.log) started.session.dispatch(cmd);
    started.session.dispatch({ type: 'plan/set-spend', amount: 3000 });
    const store = memoryStore();
    writeSave(store, started.session);
    const loaded = readSave(store);
    expect(loaded.kind).toBe('ok');
    if (loaded.kind === 'ok') {
      expect(loaded.session.setup.branch).toEqual(fork.branch);
      expect(loaded.session.hash()).toBe(started.session.hash());
    }
  });

  it('leaves a bad save in place when no copy can be written (storage full)', () => {
    const mem = memoryStore();
    const full: KeyValueStore = {
      ...mem,
      set: (key, value) => (key.startsWith(BACKUP_PREFIX) ? false : mem.set(key, value)),
    };
    full.set(SAVE_KEY, 'garbage that was once a save');
    expect(readSave(full)).toMatchObject({ kind: 'bad', problem: 'unreadable', backupKey: null });
    expect(full.get(SAVE_KEY)).toBe('garbage that was once a save');
    // a store that says yes but keeps nothing is no copy either
    const liar: KeyValueStore = { ...memoryStore(), set: () => true };
    expect(readSave({ ...liar, get: (k) => (k === SAVE_KEY ? 'junk' : null) })).toMatchObject({
      kind: 'bad',
      backupKey: null,
    });
  });

  it('never overwrites an earlier backup with the same time stamp', () => {
    const store = memoryStore();
    store.set(SAVE_KEY, 'first junk');
    readSave(store, 'same-moment');
    store.set(SAVE_KEY, 'second junk');
    const second = readSave(store, 'same-moment');
    expect(second).toMatchObject({ kind: 'bad', backupKey: `${BACKUP_PREFIX}same-moment#2` });
    expect(store.get(`${BACKUP_PREFIX}same-moment`)).toBe('first junk');
    expect(store.get(`${BACKUP_PREFIX}same-moment#2`)).toBe('second junk');
    // a stamp that sorts first is still the backup kept
    for (const junk of ['a', 'b', 'c']) {
      store.set(SAVE_KEY, junk);
      readSave(store, `z-${junk}`);
    }
    store.set(SAVE_KEY, 'latest');
    const latest = readSave(store, '0000');
    expect(latest.kind === 'bad' && latest.backupKey).toBe(`${BACKUP_PREFIX}0000`);
    expect(store.get(`${BACKUP_PREFIX}0000`)).toBe('latest');
  });

  it('has a message for every problem in both languages', () => {
    for (const problem of SAVE_PROBLEMS) {
      expect(hasText(`save.bad.${problem}`), problem).toBe(true);
      for (const lang of LANGUAGES) expect(t(lang, `save.bad.${problem}`).length).toBeGreaterThan(10);
    }
  });
});

describe('the application context', () => {
  it('autosaves after every command and resumes the screen of a reload', () => {
    const store = memoryStore();
    const tab = memoryStore();
    const app = new AppContext(store, tab, ['en-US']);
    expect(app.lang).toBe('en');
    expect(app.newGame({ levelId: 'historical-2023', seed: 3, company: 'stepfun' })).toBeNull();
    app.session!.dispatch({ type: 'plan/set-spend', amount: 1234 });
    app.setScreen('dashboard');
    const again = new AppContext(store, tab, ['en-US']);
    expect(again.resumeScreen()).toBe('dashboard');
    expect(again.saved?.hash()).toBe(app.session!.hash());
    tab.remove(SCREEN_KEY);
    expect(new AppContext(store, tab, ['en-US']).resumeScreen()).toBeNull();
  });

  it('reports a bad save without blocking a new game, and survives a full store', () => {
    const store = memoryStore();
    store.set(SAVE_KEY, 'not json');
    const app = new AppContext(store, memoryStore(), ['zh-CN']);
    expect(app.lang).toBe('zh-CN');
    expect(app.badSave?.problem).toBe('unreadable');
    expect(app.newGame({ levelId: 'historical-2023', seed: 1, company: 'minimax' })).toBeNull();
    expect(app.badSave).toBeNull();
    const full: KeyValueStore = { ...memoryStore(), set: () => false };
    const app2 = new AppContext(full, memoryStore(), []);
    expect(app2.newGame({ levelId: 'historical-2023', seed: 1, company: 'minimax' })).toBeNull();
    expect(app2.saving).toBe(false);
  });

  it('knows at start-up when the browser stores nothing, and still plays', () => {
    for (const store of [webStore(undefined), webStore(null)]) {
      const app = new AppContext(store, webStore(undefined), ['en']);
      expect(app.saving).toBe(false);
      expect(app.newGame({ levelId: 'historical-2023', seed: 2, company: 'zhipu' })).toBeNull();
      expect(app.session!.dispatch({ type: 'plan/set-spend', amount: 999 }).ok).toBe(true);
      expect(app.saving).toBe(false);
      // the page keeps its values (language, screen) until it is closed
      app.setLanguage('zh-CN');
      expect(app.lang).toBe('zh-CN');
      expect(store.get(PROBE_KEY)).toBeNull();
    }
    const throwing = webStore({
      getItem: () => null,
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => {},
      key: () => null,
      length: 0,
      clear: () => {},
    } as Storage);
    expect(new AppContext(throwing, memoryStore(), []).saving).toBe(false);
    expect(new AppContext(memoryStore(), memoryStore(), []).saving).toBe(true);
  });

  it('remembers the language', () => {
    const store = memoryStore();
    const app = new AppContext(store, memoryStore(), ['en']);
    app.setLanguage('zh-CN');
    expect(new AppContext(store, memoryStore(), ['en']).lang).toBe('zh-CN');
    expect(preferredLanguage(null, ['fr-FR', 'zh-TW'])).toBe('zh-CN');
    expect(preferredLanguage('xx', ['en-GB'])).toBe('en');
  });
});
