// Browser hardening that goes with the Content Security Policy of the built game (vite.config.ts).

import { OFFLINE_WORKER_URL } from './offline/register';

interface TrustedTypesApi {
  createPolicy(
    name: string,
    rules: {
      createHTML?: (input: string, type: string, sink: string) => string | null;
      createScriptURL?: (input: string, type: string, sink: string) => string | null;
    },
  ): unknown;
}

/**
 * The policy requires Trusted Types for every sink that turns a string into HTML or script, and
 * allows one policy, `default`, which the browser consults whenever a plain string reaches such a
 * sink. It lets exactly one through: DOMParser, which Phaser's loader uses to read an SVG's size;
 * a parsed document is inert (its scripts never run, nothing of it is shown). And one script URL:
 * the offline worker's, for its registration, and the instructor view's baseline workers, module
 * scripts of this origin built from src/app/baseline-worker.ts. Every other use — innerHTML, outerHTML,
 * insertAdjacentHTML, document.write, eval (see zod-jitless.ts), script URLs — is refused and
 * reported, so text from a player or a code can only ever reach the page as text.
 */
export function hardenPage(): void {
  const tt = (window as unknown as { trustedTypes?: TrustedTypesApi }).trustedTypes;
  if (!tt) return;
  try {
    tt.createPolicy('default', {
      createHTML: (input, _type, sink) => (sink === 'DOMParser parseFromString' ? input : null),
      createScriptURL: (input, _type, sink) =>
        (sink === 'ServiceWorkerContainer register' && input === OFFLINE_WORKER_URL) ||
        (sink.startsWith('Worker') && isBaselineWorker(input))
          ? input
          : null,
    });
  } catch {
    // Already made (a second start) or not allowed (no policy header): the browser default holds.
  }
}

/** Whether a script URL is the baseline worker's: this origin, the built chunk or the dev source. */
function isBaselineWorker(input: string): boolean {
  try {
    const u = new URL(input, window.location.href);
    return (
      u.origin === window.location.origin &&
      /\/baseline-worker(-[\w-]+)?\.(js|ts)$/.test(u.pathname) &&
      u.search === '' &&
      u.hash === ''
    );
  } catch {
    return false;
  }
}
