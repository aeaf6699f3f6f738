// What every dashboard panel reads: the language, the level and state (never changed here), the
// player's company, and the two ways to act — dispatch a command now, or schedule one while a
// slider is still moving (committed when the player pauses or does anything else).

import type { Language, TextKey } from '../../app/i18n';
import type { Session } from '../../app/session';
import type { Command, GameState, Level, StartupState } from '../../engine/index';

export interface PanelContext {
  lang: Language;
  level: Level;
  state: GameState;
  me: StartupState;
  session: Session;
  tr: (key: TextKey, params?: Record<string, string | number>) => string;
  /** Applies a command now (after any scheduled one); false if the engine refused it. */
  dispatch: (cmd: Command) => boolean;
  /** Applies the command built by `make` shortly, replacing any scheduled under the same key. */
  schedule: (key: string, make: () => Command) => void;
}

/** What the read-only panels (key figures, rivals) need: the replay viewer has no session to act on. */
export type ReadContext = Pick<PanelContext, 'lang' | 'level' | 'state' | 'me' | 'tr'>;
