import { describe, expect, it } from 'vitest';
import { AppContext, preferredLanguage, SCREEN_KEY } from './context';
import { BACKUP_PREFIX, readSave, SAVE_KEY, writeSave } from './save';
import { Session } from './session';
import type { KeyValueStore } from './storage';
import { memoryStore } from './storage';

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
    store.set(SAVE_KEY, JSON.stringify({ ...file, version: 0 }));
    expect(readSave(store)).toMatchObject({ kind: 'bad', problem: 'old' });
    const tampered = file.log.map((c: { type: string; amount?: number }) =>
      c.type === 'plan/set-spend' ? { ...c, amount: 4000 } : c,
    );
    store.set(SAVE_KEY, JSON.stringify({ ...file, log: tampered }));
    expect(readSave(store)).toMatchObject({ kind: 'bad', problem: 'diverged' });
    store.set(SAVE_KEY, JSON.stringify({ ...file, log: [{ type: 'quarter/end' }, { type: 'nonsense' }] }));
    expect(readSave(store)).toMatchObject({ kind: 'bad', problem: 'diverged' });
  });

  it('keeps only a few backups', () => {
    const store = memoryStore();
    for (let i = 0; i < 6; i++) {
      store.set(SAVE_KEY, `garbage ${i}`);
      readSave(store, `2026-01-0${i + 1}`);
    }
    expect(
      store
        .keys()
        .filter((k) => k.startsWith(BACKUP_PREFIX))
        .sort(),
    ).toEqual([`${BACKUP_PREFIX}2026-01-04`, `${BACKUP_PREFIX}2026-01-05`, `${BACKUP_PREFIX}2026-01-06`]);
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

  it('remembers the language', () => {
    const store = memoryStore();
    const app = new AppContext(store, memoryStore(), ['en']);
    app.setLanguage('zh-CN');
    expect(new AppContext(store, memoryStore(), ['en']).lang).toBe('zh-CN');
    expect(preferredLanguage(null, ['fr-FR', 'zh-TW'])).toBe('zh-CN');
    expect(preferredLanguage('xx', ['en-GB'])).toBe('en');
  });
});
