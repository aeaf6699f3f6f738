// Registers the offline service worker (src/offline/service-worker.ts, built to dist/sw.js).

import { afterFirstScreen } from '../view/screen-timing';

/** The worker's address, relative to the page (the build writes it next to index.html). */
export const OFFLINE_WORKER_URL = './sw.js';

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
