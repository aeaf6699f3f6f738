// Registers the offline service worker (src/offline/service-worker.ts, built to dist/sw.js).

import { READY_MARK } from '../view/screen-timing';

/** The worker's address, relative to the page (the build writes it next to index.html). */
export const OFFLINE_WORKER_URL = './sw.js';

/** The longest the worker waits for the first screen after the page's load, ms. */
const FIRST_SCREEN_WAIT_MS = 10_000;

/**
 * Offline play: a built game registers a service worker (dist/sw.js, made by the build)
 * that caches every file of the game, so once loaded it also starts without a network. Only over
 * http(s) — a service worker needs a secure context (https, or localhost) and the browser skips
 * it elsewhere; a failure only means no offline copy.
 */
export function registerOfflineWorker(): void {
  if (!__OFFLINE_WORKER__ || !('serviceWorker' in navigator)) return;
  if (window.location.protocol !== 'http:' && window.location.protocol !== 'https:') return;
  const register = () => {
    navigator.serviceWorker.register(OFFLINE_WORKER_URL).catch((e: unknown) => {
      console.warn('Six Tigers: no offline copy (service worker not registered)', e);
    });
  };
  // After the load and the first screen, so starting the worker and caching the files (the
  // whole build fetched again) do not compete with the first screen.
  const afterLoad = () => afterFirstScreen(register);
  if (document.readyState === 'complete') afterLoad();
  else window.addEventListener('load', afterLoad, { once: true });
}

/** Runs `fn` once a screen has set its ready mark (or a while after the load, if none does). */
function afterFirstScreen(fn: () => void): void {
  const isReady = (marks: readonly { name: string }[]) => marks.some((m) => m.name.startsWith(READY_MARK));
  if (typeof PerformanceObserver !== 'function' || isReady(performance.getEntriesByType('mark'))) {
    fn();
    return;
  }
  const once = () => {
    observer.disconnect();
    window.clearTimeout(timer);
    fn();
  };
  const observer = new PerformanceObserver((list) => {
    if (isReady(list.getEntries())) once();
  });
  observer.observe({ type: 'mark' });
  const timer = window.setTimeout(once, FIRST_SCREEN_WAIT_MS);
}
