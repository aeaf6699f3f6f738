// The autosave shared by tabs: two AppContexts over one store are two tabs of one browser (the
// storage event is left out unless a test sends it, so the compare-before-write guard is tested on
// its own). Nothing a tab does may lose the other tab's game; every replaced game is kept as a
// backup, and a backup is restored through the verified loader.

import { describe, expect, it } from 'vitest';
import { holdsAll, listBackups, mayWrite, replaceSave, restoreBackup, writeOwn } from './autosave';
import { AppContext, SLOT_KEY } from './context';
import { BACKUP_PREFIX, SAVE_KEY, saveFileOf } from './save';
import { Session } from './session';
import type { KeyValueStore } from './storage';
import { memoryStore } from './storage';

const LEVEL = 'historical-2023';

/** A clock that never gives the same time twice (backup keys are named by it). */
function clock(): () => string {
  let n = 0;
  return () => `2026-05-01T10:00:${String(n++).padStart(2, '0')}.000Z`;
}

function tab(store: KeyValueStore, tabStore: KeyValueStore = memoryStore()): AppContext {
  return new AppContext(store, tabStore, ['en'], clock());
}

/** Answers the open cards (first choice) and ends the quarter: one command per card, plus one. */
function playQuarter(s: Session): void {
  for (const e of s.state.pendingEvents)
    expect(s.dispatch({ type: 'event/answer', eventId: e.id, choiceId: e.choices[0]! }).ok).toBe(true);
  expect(s.dispatch({ type: 'quarter/end' }).ok).toBe(true);
}

function answerOneCard(s: Session): void {
  const e = s.state.pendingEvents[0];
  if (e) expect(s.dispatch({ type: 'event/answer', eventId: e.id, choiceId: e.choices[0]! }).ok).toBe(true);
  else expect(s.dispatch({ type: 'plan/set-spend', amount: 4000 }).ok).toBe(true);
}

const stored = (store: KeyValueStore) => JSON.parse(store.get(SAVE_KEY)!) as ReturnType<typeof saveFileOf>;

function started(company: string, seed: number): Session {
  const r = Session.start({ levelId: LEVEL, seed, company });
  if (!r.ok) throw new Error(r.message);
  return r.session;
}

describe('may this tab write?', () => {
  it('only over its own last write, or where nothing is stored', () => {
    expect(mayWrite(null, null)).toBe(true);
    expect(mayWrite(null, 'mine')).toBe(true);
    expect(mayWrite('mine', 'mine')).toBe(true);
    expect(mayWrite('theirs', 'mine')).toBe(false);
    expect(mayWrite('theirs', null)).toBe(false);
  });

  it('an autosave over another tab’s write writes nothing and says whose text is there', () => {
    const store = memoryStore();
    const s = started('zhipu', 5);
    const first = writeOwn(store, SAVE_KEY, s, null, 't1');
    expect(first.kind).toBe('written');
    store.set(SAVE_KEY, 'another tab wrote this');
    s.dispatch({ type: 'plan/set-spend', amount: 3000 });
    const known = first.kind === 'written' ? first.known : null;
    expect(writeOwn(store, SAVE_KEY, s, known, 't2')).toEqual({
      kind: 'taken',
      stored: 'another tab wrote this',
    });
    expect(store.get(SAVE_KEY)).toBe('another tab wrote this');
  });
});

describe('which overwrite loses a game', () => {
  it('a game holds its own earlier saves, not another game nor a longer or different log', () => {
    const a = started('moonshot', 111);
    const early = JSON.stringify(saveFileOf(a, 'then'));
    playQuarter(a);
    const later = saveFileOf(a, 'now');
    expect(holdsAll(later, early)).toBe(true);
    expect(holdsAll(saveFileOf(started('moonshot', 111), 'now'), JSON.stringify(later))).toBe(false);
    expect(holdsAll(later, JSON.stringify(saveFileOf(started('moonshot', 112), 'x')))).toBe(false);
    expect(holdsAll(later, JSON.stringify(saveFileOf(started('zhipu', 111), 'x')))).toBe(false);
    const b = started('moonshot', 111);
    b.dispatch({ type: 'plan/set-spend', amount: 1234 });
    expect(holdsAll(later, JSON.stringify(saveFileOf(b, 'x')))).toBe(false);
    expect(holdsAll(later, 'not a save')).toBe(false);
    // key order inside a command does not make it another command
    const reordered = { ...JSON.parse(early), log: JSON.parse(early).log.map((c: object) => ({ ...c })) };
    expect(holdsAll(later, JSON.stringify(reordered))).toBe(true);
  });

  it('replacing a different game keeps it as a backup; replacing a game this one holds does not', () => {
    const store = memoryStore();
    const a = started('moonshot', 111);
    playQuarter(a);
    replaceSave(store, SAVE_KEY, a, 't1');
    const aRaw = store.get(SAVE_KEY)!;
    const b = started('zhipu', 222);
    const r = replaceSave(store, SAVE_KEY, b, 't2');
    expect(r).toMatchObject({ kind: 'written', backupKey: `${BACKUP_PREFIX}t2` });
    expect(store.get(`${BACKUP_PREFIX}t2`)).toBe(aRaw);
    expect(stored(store).company).toBe('zhipu');
    playQuarter(b);
    expect(replaceSave(store, SAVE_KEY, b, 't3')).toMatchObject({ kind: 'written', backupKey: null });
    expect(listBackups(store).map((e) => [e.company, e.seed, e.turn])).toEqual([['moonshot', 111, 1]]);
  });

  it('never overwrites a game it could not copy (storage full); junk it may', () => {
    const mem = memoryStore();
    const full: KeyValueStore = {
      ...mem,
      set: (k, v) => (k.startsWith(BACKUP_PREFIX) ? false : mem.set(k, v)),
    };
    const a = started('moonshot', 111);
    replaceSave(full, SAVE_KEY, a, 't1');
    const aRaw = mem.get(SAVE_KEY)!;
    expect(replaceSave(full, SAVE_KEY, started('zhipu', 2), 't2')).toEqual({ kind: 'unkept', stored: aRaw });
    expect(mem.get(SAVE_KEY)).toBe(aRaw);
    mem.set(SAVE_KEY, 'junk reported at start-up');
    expect(replaceSave(full, SAVE_KEY, started('zhipu', 2), 't3').kind).toBe('written');
  });
});

describe('two tabs, one autosave', () => {
  it('scenario A: a tab never overwrites the game another tab started since (and the replaced game is backed up)', () => {
    const store = memoryStore();
    const tabA = tab(store);
    tabA.newGame({ levelId: LEVEL, seed: 111, company: 'moonshot' });
    const a = tabA.session!;
    playQuarter(a);
    answerOneCard(a);
    const aHash = a.hash();
    const tabB = tab(store);
    expect(tabB.saved?.hash()).toBe(aHash);
    tabB.newGame({ levelId: LEVEL, seed: 222, company: 'zhipu' });
    const b = tabB.session!;
    playQuarter(b);
    const bSave = store.get(SAVE_KEY);
    // one action in A: refused, and A is told
    expect(a.dispatch({ type: 'plan/set-spend', amount: 3000 }).ok).toBe(true);
    expect(store.get(SAVE_KEY)).toBe(bSave);
    expect(tabA.conflict).toEqual({
      theirs: expect.objectContaining({ company: 'zhipu', seed: 222, turn: 1 }),
      sameGame: false,
    });
    // A goes on being refused until the player chooses
    a.dispatch({ type: 'plan/set-spend', amount: 2000 });
    expect(store.get(SAVE_KEY)).toBe(bSave);
    // B's new game kept A's game (as it stood then) as a backup
    const kept = listBackups(store);
    expect(kept.map((e) => [e.company, e.seed])).toEqual([['moonshot', 111]]);
    expect(JSON.parse(store.get(kept[0]!.key)!).hash).toBe(aHash);
    // B plays on undisturbed
    playQuarter(b);
    expect(tabB.conflict).toBeNull();
    expect(stored(store).hash).toBe(b.hash());
  });

  it('scenario B: a tab behind on the same game does not cut the log, and loads the newer one', () => {
    const store = memoryStore();
    const tabA = tab(store);
    tabA.newGame({ levelId: LEVEL, seed: 7, company: 'zhipu' });
    const tabB = tab(store);
    expect(tabB.continueGame()).toBe(true);
    const a = tabA.session!;
    playQuarter(a);
    playQuarter(a);
    const length = stored(store).log.length;
    expect(length).toBeGreaterThanOrEqual(3);
    const b = tabB.session!;
    answerOneCard(b);
    expect(b.logLength).toBe(1);
    expect(stored(store).log.length).toBe(length);
    expect(tabB.conflict).toMatchObject({ sameGame: true, theirs: { turn: 2 } });
    // take over by loading: B now plays A's game, and its next move is saved
    const loaded = tabB.loadTheirs();
    expect(loaded.kind).toBe('ok');
    expect(tabB.conflict).toBeNull();
    expect(tabB.session!.hash()).toBe(a.hash());
    expect(tabB.session!.logLength).toBe(length);
    tabB.session!.dispatch({ type: 'plan/set-spend', amount: 4321 });
    expect(stored(store).log.length).toBe(length + 1);
    // now A is the tab behind
    a.dispatch({ type: 'plan/set-spend', amount: 1 });
    expect(stored(store).log.length).toBe(length + 1);
    expect(tabA.conflict?.sameGame).toBe(true);
  });

  it('a tab that resumed the stored game may take back its moves; the tab that made them keeps them', () => {
    const store = memoryStore();
    const tabA = tab(store);
    tabA.newGame({ levelId: LEVEL, seed: 0, company: 'zhipu' });
    const a = tabA.session!;
    expect(a.dispatch({ type: 'plan/set-spend', amount: 4000 }).ok).toBe(true);
    const tabB = tab(store);
    expect(tabB.continueGame()).toBe(true);
    // B plays the very game stored, so undo takes back A's move there, as after a reload
    expect(tabB.session!.undo()).toBe(true);
    expect(stored(store).log).toEqual([]);
    expect(tabB.conflict).toBeNull();
    // A still holds the move: its next one is refused and it is told; keeping its game loses nothing
    expect(a.dispatch({ type: 'plan/set-spend', amount: 5000 }).ok).toBe(true);
    expect(stored(store).log).toEqual([]);
    expect(tabA.conflict).toMatchObject({ sameGame: true });
    expect(tabA.keepMine()).toBe(true);
    expect(stored(store).hash).toBe(a.hash());
    expect(listBackups(store)).toEqual([]);
  });

  it('a tab behind the stored game cannot take back moves over it', () => {
    const store = memoryStore();
    const tabA = tab(store);
    tabA.newGame({ levelId: LEVEL, seed: 0, company: 'zhipu' });
    const a = tabA.session!;
    a.dispatch({ type: 'plan/set-spend', amount: 4000 });
    const tabB = tab(store);
    expect(tabB.continueGame()).toBe(true);
    a.dispatch({ type: 'plan/set-spend', amount: 4500 });
    const newer = store.get(SAVE_KEY);
    expect(tabB.session!.undo()).toBe(true);
    expect(store.get(SAVE_KEY)).toBe(newer);
    expect(tabB.conflict).toMatchObject({ sameGame: true, theirs: { company: 'zhipu' } });
  });

  it('learns of another tab’s write from the storage event, before any move', () => {
    const store = memoryStore();
    const tabA = tab(store);
    tabA.newGame({ levelId: LEVEL, seed: 3, company: 'stepfun' });
    const tabB = tab(store);
    tabB.continueGame();
    let told = 0;
    tabB.onSaves(() => told++);
    tabB.storageChanged('sixTigers.lang');
    tabB.storageChanged(SAVE_KEY);
    expect(tabB.conflict).toBeNull();
    tabA.session!.dispatch({ type: 'plan/set-spend', amount: 3000 });
    tabB.storageChanged(SAVE_KEY);
    expect(tabB.conflict?.sameGame).toBe(true);
    expect(told).toBe(1);
  });

  it('take over as the writer: this game becomes the autosave, the other tab’s is kept and restorable', () => {
    const store = memoryStore();
    const tabA = tab(store);
    tabA.newGame({ levelId: LEVEL, seed: 111, company: 'moonshot' });
    const a = tabA.session!;
    const tabB = tab(store);
    tabB.newGame({ levelId: LEVEL, seed: 222, company: 'zhipu' });
    playQuarter(tabB.session!);
    const bRaw = store.get(SAVE_KEY)!;
    const bHash = tabB.session!.hash();
    playQuarter(a);
    expect(tabA.conflict).not.toBeNull();
    expect(tabA.keepMine()).toBe(true);
    expect(tabA.conflict).toBeNull();
    expect(stored(store).hash).toBe(a.hash());
    expect(Object.values(listBackups(store)).map((e) => e.company)).toContain('zhipu');
    const bKey = listBackups(store).find((e) => e.company === 'zhipu')!.key;
    expect(store.get(bKey)).toBe(bRaw);
    // B is the tab behind now: it can restore its game from the title (after leaving it)
    tabB.session!.dispatch({ type: 'plan/set-spend', amount: 5000 });
    expect(tabB.conflict?.theirs?.company).toBe('moonshot');
    tabB.leaveGame();
    expect(tabB.saved?.setup.company).toBe('moonshot');
    const restored = tabB.restoreBackup(bKey);
    expect(restored.ok).toBe(true);
    expect(tabB.saved?.hash()).toBe(bHash);
    expect(stored(store).hash).toBe(bHash);
    expect(store.get(bKey)).toBeNull();
    // the game the restore replaced (A's) is a backup in turn
    expect(listBackups(store).map((e) => e.company)).toContain('moonshot');
    expect(tabB.continueGame()).toBe(true);
    expect(tabB.session!.hash()).toBe(bHash);
  });

  it('open its own: this game goes on under a separate save; the autosave stays the other tab’s', () => {
    const store = memoryStore();
    const bTabStore = memoryStore();
    const tabA = tab(store);
    tabA.newGame({ levelId: LEVEL, seed: 9, company: 'baichuan' });
    const tabB = tab(store, bTabStore);
    tabB.continueGame();
    playQuarter(tabA.session!);
    const aRaw = store.get(SAVE_KEY);
    answerOneCard(tabB.session!);
    expect(tabB.conflict).not.toBeNull();
    expect(tabB.playSeparately()).toBe(true);
    expect(tabB.separate).toBe(true);
    expect(store.get(SAVE_KEY)).toBe(aRaw);
    const side = bTabStore.get(SLOT_KEY)!;
    expect(side.startsWith(BACKUP_PREFIX)).toBe(true);
    tabB.session!.dispatch({ type: 'plan/set-spend', amount: 2500 });
    expect(JSON.parse(store.get(side)!).hash).toBe(tabB.session!.hash());
    expect(store.get(SAVE_KEY)).toBe(aRaw);
    // both tabs go on without disturbing each other
    tabA.session!.dispatch({ type: 'plan/set-spend', amount: 1500 });
    expect(tabA.conflict).toBeNull();
    expect(tabB.conflict).toBeNull();
    // a reload of B goes on with its separate game
    const reloaded = tab(store, bTabStore);
    expect(reloaded.continueGame()).toBe(true);
    expect(reloaded.session!.hash()).toBe(tabB.session!.hash());
    // leaving it, "Continue" is the autosave again; the separate game is listed with the backups
    reloaded.leaveGame();
    expect(reloaded.separate).toBe(false);
    expect(reloaded.saved?.hash()).toBe(tabA.session!.hash());
    expect(reloaded.backups().map((e) => e.key)).toContain(side);
  });

  it('a new game over the saved one keeps the saved one; continuing it does not add backups', () => {
    const store = memoryStore();
    const app = tab(store);
    app.newGame({ levelId: LEVEL, seed: 1, company: 'minimax' });
    playQuarter(app.session!);
    app.leaveGame();
    expect(app.continueGame()).toBe(true);
    playQuarter(app.session!);
    expect(listBackups(store)).toEqual([]);
    const first = app.session!.hash();
    // "play again" with the same setup is another game: the first is kept
    app.newGame({ levelId: LEVEL, seed: 1, company: 'minimax' });
    const kept = listBackups(store);
    expect(kept.length).toBe(1);
    expect(JSON.parse(store.get(kept[0]!.key)!).hash).toBe(first);
  });

  it('restores only through the verified loader, changing nothing when it refuses', () => {
    const store = memoryStore();
    const app = tab(store);
    app.newGame({ levelId: LEVEL, seed: 4, company: 'zhipu' });
    playQuarter(app.session!);
    const file = stored(store);
    const bent = JSON.stringify({ ...file, hash: '0123456789abcdef' });
    store.set(`${BACKUP_PREFIX}bent`, bent);
    const current = store.get(SAVE_KEY);
    expect(app.restoreBackup(`${BACKUP_PREFIX}bent`)).toMatchObject({ ok: false, problem: 'diverged' });
    expect(store.get(SAVE_KEY)).toBe(current);
    expect(store.get(`${BACKUP_PREFIX}bent`)).toBe(bent);
    expect(restoreBackup(store, `${BACKUP_PREFIX}gone`, 't')).toMatchObject({ ok: false, problem: 'gone' });
    expect(restoreBackup(store, SAVE_KEY, 't')).toMatchObject({ ok: false, problem: 'gone' });
  });

  it('a game that could not keep a copy of the stored one goes unsaved instead of overwriting it', () => {
    const mem = memoryStore();
    const full: KeyValueStore = {
      ...mem,
      set: (k, v) => (k.startsWith(BACKUP_PREFIX) ? false : mem.set(k, v)),
    };
    const first = tab(full);
    first.newGame({ levelId: LEVEL, seed: 8, company: '01ai' });
    const kept = mem.get(SAVE_KEY);
    const app = tab(full);
    app.newGame({ levelId: LEVEL, seed: 9, company: 'stepfun' });
    expect(app.saving).toBe(false);
    app.session!.dispatch({ type: 'plan/set-spend', amount: 3000 });
    expect(mem.get(SAVE_KEY)).toBe(kept);
    expect(app.conflict).toBeNull();
  });
});
