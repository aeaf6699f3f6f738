// Starts a worker thread that runs a TypeScript file through tsx's register API, so the command-line
// tools' threads work under plain node too: the balance search's and the tournament's game
// players, and a bot's thread (bot-host.ts).

import type { WorkerOptions } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';

/** A thread running `target` (a .ts file) with `workerData`; `options` are passed to the Worker. */
export function startTsWorker(target: URL, workerData: unknown, options: WorkerOptions = {}): Worker {
  let api: string;
  try {
    api = import.meta.resolve('tsx/esm/api');
  } catch {
    api = new URL('../node_modules/tsx/dist/esm/api/index.mjs', import.meta.url).href;
  }
  const boot = `import(${JSON.stringify(api)})
    .then(({ register }) => { register(); return import(${JSON.stringify(target.href)}); })
    .catch((e) => { console.error(e); process.exit(1); });`;
  return new Worker(boot, { ...options, eval: true, workerData });
}
