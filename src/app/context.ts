// The application around the game: language preference, the session being played, the autosave
// and where in the game this browser tab was (so a reload lands on the same screen).

import type { Fork } from './fork';
import type { Language } from './i18n';
import { LANGUAGES } from './i18n';
import type { LoadOutcome } from './save';
import { clearSave, readSave, writeSave } from './save';
import type { GameSetup } from './session';
import { Session } from './session';
import type { KeyValueStore } from './storage';

export const LANG_KEY = 'sixTigers.lang';
export const SCREEN_KEY = 'sixTigers.screen';
/** Written and removed at start-up to learn whether this browser stores anything at all. */
export const PROBE_KEY = 'sixTigers.probe';

/** Screens a reload can land on. */
export type GameScreen = 'dashboard' | 'results' | 'ending';
const GAME_SCREENS: readonly string[] = ['dashboard', 'results', 'ending'];

export type BadSave = Extract<LoadOutcome, { kind: 'bad' }>;

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
  private readonly langListeners = new Set<(lang: Language) => void>();
  private unsubscribeSave: (() => void) | null = null;

  constructor(
    private readonly store: KeyValueStore,
    private readonly tabStore: KeyValueStore,
    browserLanguages: readonly string[],
  ) {
    this.lang = preferredLanguage(store.get(LANG_KEY), browserLanguages);
    // Storage that is missing or forbidden is known before the first game: the title says so.
    this.saving = store.set(PROBE_KEY, '1');
    store.remove(PROBE_KEY);
    const loaded = readSave(store);
    if (loaded.kind === 'ok') this.saved = loaded.session;
    else if (loaded.kind === 'bad') this.badSave = loaded;
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

  /** Starts a new game (replacing the autosave); returns an error message if the setup is bad. */
  newGame(setup: GameSetup): string | null {
    const r = Session.start(setup);
    if (!r.ok) return r.message;
    this.attach(r.session);
    this.badSave = null;
    return null;
  }

  /** Starts playing a game forked from a replay (replacing the autosave). */
  startFork(fork: Fork): void {
    this.attach(Session.fromFork(fork));
    this.badSave = null;
  }

  /** Resumes the autosave; false if there is none. */
  continueGame(): boolean {
    if (!this.saved) return false;
    this.attach(this.saved);
    return true;
  }

  /** Leaves the game (the autosave stays for "Continue"). */
  leaveGame(): void {
    this.saved = this.session;
    this.detach();
    this.tabStore.remove(SCREEN_KEY);
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

  private attach(session: Session): void {
    this.detach();
    this.session = session;
    this.saved = session;
    const save = () => {
      this.saving = writeSave(this.store, session);
    };
    save();
    this.unsubscribeSave = session.subscribe(save);
  }

  private detach(): void {
    this.unsubscribeSave?.();
    this.unsubscribeSave = null;
    this.session = null;
  }
}
