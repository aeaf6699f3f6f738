// The application around the game: language preference, the session being played, the autosave
// and where in the game this browser tab was (so a reload lands on the same screen). Other tabs
// share the autosave: a tab writes only over its own last write (autosave.ts) and otherwise stops
// and asks the player (`conflict`); the view calls storageChanged when another tab writes.

import type { BackupEntry, RestoreResult, SaveSummary } from './autosave';
import {
  listBackups,
  mayWrite,
  replaceSave,
  restoreBackup,
  sideSave,
  summarize,
  summarizeText,
  writeOwn,
} from './autosave';
import type { Fork } from './fork';
import { GUIDE_KEY, GUIDE_SEEN_VALUE, guideSeenIn } from './guide';
import type { Language } from './i18n';
import { LANGUAGES } from './i18n';
import type { LoadOutcome } from './save';
import { BACKUP_PREFIX, clearSave, readSave, restoreSave, SAVE_KEY, SAVE_VERSION, saveFileOf } from './save';
import type { GameSetup } from './session';
import { Session } from './session';
import type { KeyValueStore } from './storage';

export const LANG_KEY = 'sixTigers.lang';
export const SCREEN_KEY = 'sixTigers.screen';
/** Written and removed at start-up to learn whether this browser stores anything at all. */
export const PROBE_KEY = 'sixTigers.probe';
/** In this tab's storage: the separate save this tab plays (see playSeparately), so a reload goes on with it. */
export const SLOT_KEY = 'sixTigers.slot';

/** Screens a reload can land on. */
export type GameScreen = 'dashboard' | 'results' | 'ending';
const GAME_SCREENS: readonly string[] = ['dashboard', 'results', 'ending'];

export type BadSave = Extract<LoadOutcome, { kind: 'bad' }>;

/** Another tab wrote the save this tab plays since this tab last read or wrote it. */
export interface SaveConflict {
  /** The game the other tab saved, if this game can read it (not replayed until it is loaded). */
  theirs: SaveSummary | null;
  /** Whether it is this tab's game (same level, seed, company and branch), played on over there. */
  sameGame: boolean;
}

export function preferredLanguage(stored: string | null, browser: readonly string[]): Language {
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  for (const l of browser) {
    if (l.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (l.toLowerCase().startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

export class AppContext {
  lang: Language;
  /** The game being played, if any. */
  session: Session | null = null;
  /** A valid autosave that "Continue" resumes. */
  saved: Session | null = null;
  /** A save that could not be restored at start-up (kept as a backup), to tell the player. */
  badSave: BadSave | null = null;
  /** False when storage is missing or forbidden, or once a write failed (full): the screens say saves are off. */
  saving = true;
  /** Set when another tab wrote this tab's save; nothing is saved here until the player chooses. */
  conflict: SaveConflict | null = null;
  private readonly langListeners = new Set<(lang: Language) => void>();
  private readonly saveListeners = new Set<() => void>();
  private unsubscribeSave: (() => void) | null = null;
  /** Where this tab's game is saved: the autosave, or a separate save of its own (a backup key). */
  private slot = SAVE_KEY;
  /** The text this tab last read or wrote under `slot`: anything else there was written by another tab. */
  private known: string | null = null;
  /** The stored text `saved` was read from (or last written as), and its format version. */
  private savedText: { raw: string | null; from: number } = { raw: null, from: SAVE_VERSION };
  /** No copy of the stored game could be kept (storage full), so this game must not overwrite it. */
  private suspended = false;
  /** The guide was seen on this page (what a store that cannot keep it would forget). */
  private guideSeenHere = false;

  constructor(
    private readonly store: KeyValueStore,
    private readonly tabStore: KeyValueStore,
    browserLanguages: readonly string[],
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    this.lang = preferredLanguage(store.get(LANG_KEY), browserLanguages);
    // Storage that is missing or forbidden is known before the first game: the title says so.
    this.saving = store.set(PROBE_KEY, '1');
    store.remove(PROBE_KEY);
    const side = tabStore.get(SLOT_KEY);
    if (side?.startsWith(BACKUP_PREFIX) && this.readSide(side)) this.slot = side;
    else {
      tabStore.remove(SLOT_KEY);
      this.readAutosave();
    }
  }

  /** Whether this browser has seen the guided first quarter (or, with no storage, this page has). */
  guideSeen(): boolean {
    return this.guideSeenHere || guideSeenIn(this.store.get(GUIDE_KEY));
  }

  /** Remembers that the guide was seen (finished or skipped), or forgets it so the next game shows it. */
  setGuideSeen(seen: boolean): void {
    this.guideSeenHere = seen;
    if (seen) this.store.set(GUIDE_KEY, GUIDE_SEEN_VALUE);
    else this.store.remove(GUIDE_KEY);
  }

  setLanguage(lang: Language): void {
    if (lang === this.lang) return;
    this.lang = lang;
    this.store.set(LANG_KEY, lang);
    for (const fn of this.langListeners) fn(lang);
  }

  onLanguage(fn: (lang: Language) => void): () => void {
    this.langListeners.add(fn);
    return () => this.langListeners.delete(fn);
  }

  /** Tells `fn` when the saves change: a conflict raised or settled, another tab's save, a restore. */
  onSaves(fn: () => void): () => void {
    this.saveListeners.add(fn);
    return () => this.saveListeners.delete(fn);
  }

  /** Whether this tab's game is saved apart from the autosave (the player chose so in a conflict). */
  get separate(): boolean {
    return this.slot !== SAVE_KEY;
  }

  /** Starts a new game (replacing the autosave, kept as a backup); returns an error message if the setup is bad. */
  newGame(setup: GameSetup): string | null {
    const r = Session.start(setup);
    if (!r.ok) return r.message;
    this.replaceWith(r.session);
    this.badSave = null;
    return null;
  }

  /** Starts playing a game forked from a replay (replacing the autosave, kept as a backup). */
  startFork(fork: Fork): void {
    this.replaceWith(Session.fromFork(fork));
    this.badSave = null;
  }

  /**
   * Resumes the stored game, as it is stored now (another tab may have played on); false if there
   * is none. A save of an older format is rewritten in today's at once.
   */
  continueGame(): boolean {
    const raw = this.store.get(this.slot);
    if (!this.saved || raw !== this.savedText.raw) {
      const read = this.separate ? this.readSide(this.slot) : this.readAutosave();
      if (!read) return false;
    }
    const { saved, savedText } = this;
    if (!saved) return false;
    this.attach(saved, savedText.raw);
    if (savedText.from < SAVE_VERSION) this.autosave();
    return true;
  }

  /** Leaves the game (the autosave stays for "Continue"). */
  leaveGame(): void {
    const ownAutosave = !this.separate && !this.conflict && !this.suspended;
    const { session, known } = this;
    this.detach();
    this.tabStore.remove(SCREEN_KEY);
    this.tabStore.remove(SLOT_KEY);
    this.slot = SAVE_KEY;
    if (ownAutosave && session) {
      this.saved = session;
      this.savedText = { raw: known, from: SAVE_VERSION };
    } else this.readAutosave();
  }

  /** The screen this tab showed before a reload, when the autosave can resume it. */
  resumeScreen(): GameScreen | null {
    const s = this.tabStore.get(SCREEN_KEY);
    return s && GAME_SCREENS.includes(s) && this.saved ? (s as GameScreen) : null;
  }

  setScreen(screen: GameScreen): void {
    this.tabStore.set(SCREEN_KEY, screen);
  }

  discardSave(): void {
    clearSave(this.store);
    this.saved = null;
  }

  // -------------------------------------------------------------------------------------------
  // Other tabs

  /**
   * Another tab changed a key (null: it cleared the storage). While a game is played here, a new
   * text under its key is a conflict; on the other screens, "Continue" and the backups are read again.
   */
  storageChanged(key: string | null): void {
    if (key !== null && !key.startsWith(SAVE_KEY)) return;
    if (this.session) {
      this.checkSaves();
      return;
    }
    if (key === null || key === SAVE_KEY) this.readAutosave();
    this.notify();
  }

  /** Compares the stored save with this tab's last write (the tab came back into view, or a key changed). */
  checkSaves(): void {
    if (!this.session || this.conflict || this.suspended) return;
    const stored = this.store.get(this.slot);
    if (!mayWrite(stored, this.known)) this.raise(stored!);
  }

  /**
   * Conflict: plays on here from the game the other tab saved (moves this tab has not saved are
   * dropped). Its save is read by the normal loader; if it is bad, the conflict stays and the
   * outcome says why; if it is gone, this tab's game is simply saved again.
   */
  loadTheirs(): LoadOutcome {
    if (!this.session) return { kind: 'none' };
    const loaded = this.separate ? this.readSlotText(this.slot) : readSave(this.store, this.now());
    if (loaded.kind === 'none') {
      this.keepMine();
      return loaded;
    }
    if (loaded.kind === 'bad') return loaded;
    this.attach(loaded.session, loaded.raw);
    if (loaded.from < SAVE_VERSION) this.autosave();
    this.notify();
    return loaded;
  }

  /** Conflict: this tab's game becomes the save again; the other tab's game is kept as a backup. */
  keepMine(): boolean {
    const session = this.session;
    if (!session) return false;
    const r = replaceSave(this.store, this.slot, session, this.now());
    if (r.kind !== 'written') {
      this.saving = false;
      return false;
    }
    this.known = r.known;
    this.saving = true;
    this.settle();
    return true;
  }

  /** Conflict: this tab's game goes on under a separate save of its own; the autosave stays the other tab's. */
  playSeparately(): boolean {
    const session = this.session;
    if (!session) return false;
    const r = sideSave(this.store, session, this.now());
    if (!r) {
      this.saving = false;
      return false;
    }
    this.slot = r.key;
    this.tabStore.set(SLOT_KEY, r.key);
    this.known = r.known;
    this.saving = true;
    this.settle();
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Backups

  /** Stored games "Continue" does not play: backups of replaced games and separate saves, newest first. */
  backups(): BackupEntry[] {
    return listBackups(this.store);
  }

  /** Puts a backup back as the autosave (read by the normal loader; the game it replaces is backed up). */
  restoreBackup(key: string): RestoreResult {
    const r = restoreBackup(this.store, key, this.now());
    if (r.ok) {
      this.saved = r.session;
      this.savedText = { raw: r.known, from: SAVE_VERSION };
      this.badSave = null;
      this.notify();
    }
    return r;
  }

  // -------------------------------------------------------------------------------------------

  private notify(): void {
    for (const fn of this.saveListeners) fn();
  }

  /** Reads the autosave into `saved` (a bad one is moved aside and reported); true if there is a game. */
  private readAutosave(): boolean {
    const loaded = readSave(this.store, this.now());
    this.saved = loaded.kind === 'ok' ? loaded.session : null;
    this.savedText = loaded.kind === 'ok' ? { raw: loaded.raw, from: loaded.from } : { raw: null, from: 0 };
    if (loaded.kind === 'bad') this.badSave = loaded;
    return this.saved !== null;
  }

  /** Reads a separate save into `saved`; false (and nothing changed) if it is gone or cannot be read. */
  private readSide(key: string): boolean {
    const loaded = this.readSlotText(key);
    if (loaded.kind !== 'ok') return false;
    this.saved = loaded.session;
    this.savedText = { raw: loaded.raw, from: loaded.from };
    return true;
  }

  private readSlotText(key: string): LoadOutcome {
    const raw = this.store.get(key);
    if (raw === null) return { kind: 'none' };
    const r = restoreSave(raw);
    return r.ok
      ? { kind: 'ok', session: r.session, from: r.from, raw }
      : { kind: 'bad', problem: r.problem, backupKey: key, detail: r.detail };
  }

  /** Plays a game that replaces the stored one (which is backed up unless this one holds it all). */
  private replaceWith(session: Session): void {
    this.tabStore.remove(SLOT_KEY);
    this.slot = SAVE_KEY;
    const r = replaceSave(this.store, SAVE_KEY, session, this.now());
    this.attach(session, r.kind === 'written' || r.kind === 'failed' ? r.known : null);
    this.saving = r.kind === 'written';
    // The stored game could not be copied: this one goes unsaved rather than overwrite it.
    this.suspended = r.kind === 'unkept';
  }

  private attach(session: Session, known: string | null): void {
    this.detach();
    this.session = session;
    this.saved = session;
    this.known = known;
    this.savedText = { raw: known, from: SAVE_VERSION };
    this.suspended = false;
    this.conflict = null;
    this.unsubscribeSave = session.subscribe(() => this.autosave());
  }

  private detach(): void {
    this.unsubscribeSave?.();
    this.unsubscribeSave = null;
    this.session = null;
    this.conflict = null;
  }

  /** Saves the game after a command, unless another tab wrote its save since (then: a conflict). */
  private autosave(): void {
    const session = this.session;
    if (!session || this.conflict || this.suspended) return;
    const r = writeOwn(this.store, this.slot, session, this.known, this.now());
    if (r.kind === 'taken') {
      this.raise(r.stored);
      return;
    }
    this.known = r.known;
    this.saving = r.kind === 'written';
  }

  private raise(stored: string): void {
    const session = this.session;
    if (!session) return;
    const theirs = summarizeText(stored);
    const mine = summarize(saveFileOf(session, ''));
    const sameGame =
      theirs !== null &&
      theirs.levelId === mine.levelId &&
      theirs.seed === mine.seed &&
      theirs.company === mine.company;
    this.conflict = { theirs, sameGame };
    this.notify();
  }

  private settle(): void {
    this.conflict = null;
    this.notify();
  }
}
