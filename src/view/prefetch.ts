// Work done ahead, while the page is idle: the player reads a screen for seconds, and the next
// one then builds sooner. Only pure work whose result is kept (per state) belongs here.

import type { GameState, Level } from '../engine/index';
import { forecastOf, outlookOf } from './panels/forecast';

/** Runs `fn` once the page is idle (within a second in any case). */
export function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => fn(), { timeout: 1000 });
  else window.setTimeout(fn, 200);
}

/**
 * The dashboard that follows a results screen: its forecast and its first card's outlook (the
 * engine plays the quarter under three lucks, and each choice of the card), worked out while the
 * results are read. Both are kept per state (panels/forecast.ts), and the dashboard shows this
 * very state.
 */
export function prepareDashboard(level: Level, state: GameState): void {
  whenIdle(() => {
    if (state.ending) return;
    forecastOf(level, state);
    const card = state.pendingEvents[0];
    if (card) outlookOf(level, state, card.id);
  });
}
