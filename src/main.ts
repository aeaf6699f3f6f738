// Start-up: hardens the page (see security.ts), registers the offline worker (built game only),
// waits for the DOM, and builds the application context (language, autosave shared with other
// tabs) and the game.
// Nothing else runs on import, but for zod's setting in zod-jitless.ts. A read-only hook lets
// browser tests compare the game's state hash with the engine's.

import './zod-jitless';
import { AppContext } from './app/context';
import { webStore } from './app/storage';
import { setStateFreezing } from './engine/index';
import { registerOfflineWorker } from './offline/register';
import { hardenPage } from './security';
import { startGame } from './view/game';
import { takeOverlongAddress } from './view/panels/replay-code';

export interface SixTigersHook {
  hash(): string;
  state(): unknown;
  log(): unknown[];
  setup(): unknown;
  /** The forked game's branch record, or null. */
  branch(): unknown;
  screen(): string;
}

declare global {
  interface Window {
    __sixTigers?: SixTigersHook;
  }
}

function safeStorage(kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return window[kind];
  } catch {
    return undefined;
  }
}

function start(): void {
  const stage = document.getElementById('stage');
  const ui = document.getElementById('ui');
  if (!stage || !ui) return;
  // Frozen states catch a view that mutates them; production skips the cost.
  setStateFreezing(!import.meta.env.PROD);
  const app = new AppContext(
    webStore(safeStorage('localStorage')),
    webStore(safeStorage('sessionStorage')),
    navigator.languages ?? [navigator.language],
  );
  const copy = <T>(x: T): T => (x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T));
  window.__sixTigers = Object.freeze({
    hash: () => app.session?.hash() ?? '',
    state: () => copy(app.session?.state ?? null),
    log: () => copy(app.session?.log ?? []),
    setup: () => copy(app.session?.setup ?? null),
    branch: () => copy(app.session?.branch ?? null),
    // The screen on show: not one gone (leaving) nor one built ahead (no data-screen yet).
    screen: () => ui.querySelector<HTMLElement>('.screen[data-screen]:not(.leaving)')?.dataset.screen ?? '',
  });
  // Other tabs share the autosave: learn of their writes at once (the storage event), and check
  // again when this tab comes back into view, in case an event was missed (a frozen tab).
  window.addEventListener('storage', (e) => app.storageChanged(e.key));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') app.checkSaves();
  });
  window.addEventListener('pageshow', () => app.checkSaves());
  startGame(stage, ui, app);
}

takeOverlongAddress();
hardenPage();
registerOfflineWorker();
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
