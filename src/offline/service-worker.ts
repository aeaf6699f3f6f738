// The offline service worker. The build (vite.config.ts, `offlineWorker`) compiles this file on
// its own to dist/sw.js and fills in the two constants below: the build's hash and the list of
// every file the build wrote. Installing caches all of them; from then on every same-origin GET is
// answered from that cache (a page load by the cached index.html, whatever its query or hash), so
// the game loads and plays without a network. Other requests go to the network untouched. A new
// build has a new hash, so a new worker: it replaces the old one at once (every asset is loaded
// when the page starts, so a page still open loses nothing) and deletes the old cache.

// Both placeholders are replaced at build time (vite.config.ts checks that each was found).
const VERSION: string = '__SIX_TIGERS_VERSION__';
const PRECACHE: readonly string[] = ['__SIX_TIGERS_PRECACHE__'];

const CACHE_PREFIX = 'six-tigers-';
const CACHE = `${CACHE_PREFIX}${VERSION}`;

// The parts of the service-worker scope this file uses (the project's type check has the DOM
// library, not the WebWorker one).
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface WorkerScope {
  readonly location: Location;
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
/** The page itself (index.html) is cached under the scope's URL, i.e. `./`. */
const PAGE = worker.registration.scope;
const PAGE_PATHS = new Set([new URL(PAGE).pathname, new URL('index.html', PAGE).pathname]);
const urls = new Set(PRECACHE.map((p) => new URL(p, worker.location.href).href));

worker.addEventListener('install', (e) => {
  e.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Past the HTTP cache, so the page and its assets come from the same build.
      await cache.addAll([...urls].map((u) => new Request(u, { cache: 'no-cache' })));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (e) => {
  e.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== worker.location.origin) return;
  const navigation = req.mode === 'navigate' && PAGE_PATHS.has(url.pathname);
  url.hash = '';
  if (!navigation && !urls.has(url.href)) return;
  e.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(navigation ? PAGE : url.href);
      return hit ?? fetch(req);
    })(),
  );
});
