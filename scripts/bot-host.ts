// The main thread's side of `sim --bot`: starts the worker that plays the bot (scripts/bot-worker.ts),
// watches every call of the bot against the time limit, and turns whatever happens into either the
// report or one line and an exit code: 2 for a bot file that is not a bot (missing, not a module, no
// decide), 1 for a bot that fails while playing (throws, returns no list, never returns, leaves a
// card unanswered, stops its thread).

import { Worker } from 'node:worker_threads';
import type { BotFailure } from '../src/app/bot-runner';
import type { SimReport } from '../src/app/sim-report';
import type { BotFile } from './bot-load';
import { placeInBot } from './bot-load';
import type { CallPlace } from './bot-watch';
import { newMeterBuffer, placeOf, watchCalls } from './bot-watch';
import type { BotSimJob, FromBotWorker } from './bot-worker';
import { printable } from './printable';

/** Default time one call of decide (or loading the bot) may take, seconds. */
export const DEFAULT_BOT_TIMEOUT_S = 3;

/**
 * The heap a bot's thread may use, MB: a game needs a few; a bot that keeps allocating is stopped
 * with a message instead of taking the whole process down with it.
 */
export const BOT_HEAP_MB = 512;

/** Worker options for a thread that runs a bot. */
export const BOT_THREAD_LIMITS = { resourceLimits: { maxOldGenerationSizeMb: BOT_HEAP_MB } } as const;

/** What an error from a bot's thread (outside the calls the runner catches) says, in a few words. */
export function threadErrorCause(e: unknown): string {
  if ((e as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY')
    return `it ran out of memory (${BOT_HEAP_MB} MB)`;
  return `it threw outside decide(): ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
}

/**
 * Starts a thread for a bot, running a TypeScript file via tsx's register API (so it works under
 * plain node too), with a bounded heap. Its stdout goes to this process's stderr: a bot's
 * console.log must not mix into the report on stdout.
 */
export function startTsWorker(target: URL, workerData: unknown): Worker {
  let api: string;
  try {
    api = import.meta.resolve('tsx/esm/api');
  } catch {
    api = new URL('../node_modules/tsx/dist/esm/api/index.mjs', import.meta.url).href;
  }
  const boot = `import(${JSON.stringify(api)})
    .then(({ register }) => { register(); return import(${JSON.stringify(target.href)}); })
    .catch((e) => { console.error(e); process.exit(1); });`;
  const w = new Worker(boot, { eval: true, workerData, stdout: true, ...BOT_THREAD_LIMITS });
  w.stdout.pipe(process.stderr, { end: false });
  return w;
}

/** Names a bot's quarter for a message: "2024Q2 (call 2)", or "loading" before its first call. */
export type QuarterNamer = (turn: number) => string;

function where(place: { turn: number; call: number }, labelOf: QuarterNamer): string {
  return place.turn < 0 ? 'while loading' : `in ${labelOf(place.turn)} (call ${place.call})`;
}

/** The one line for a bot that failed during its game (exit code 1). */
export function failureLine(prog: string, bot: BotFile, failure: BotFailure, context = ''): string {
  const at = placeInBot(failure.stack, bot);
  return printable(
    `${prog}: bot ${bot.shown} failed in ${failure.quarter} (call ${failure.call})${context}: ${failure.cause}${at}`,
  );
}

/** The one line for a call that ran past the time limit (exit code 1). */
export function timeoutLine(
  prog: string,
  bot: BotFile,
  place: CallPlace,
  labelOf: QuarterNamer,
  limitMs: number,
  context = '',
): string {
  const what = place.turn < 0 ? 'loading the module' : 'decide()';
  return printable(
    `${prog}: bot ${bot.shown} failed ${where(place, labelOf)}${context}: ${what} did not return within ${limitMs / 1000} s (--bot-timeout)`,
  );
}

/** The one line for a worker thread that stopped or threw outside a call (exit code 1). */
export function stoppedLine(
  prog: string,
  bot: BotFile,
  place: CallPlace,
  labelOf: QuarterNamer,
  cause: string,
  context = '',
): string {
  return printable(`${prog}: bot ${bot.shown} failed ${where(place, labelOf)}${context}: ${cause}`);
}

export type BotSimOutcome = { ok: true; report: SimReport } | { ok: false; exitCode: 1 | 2; line: string };

export interface BotSimOptions {
  prog: string;
  levelId: string;
  seed: number;
  company: string;
  bot: BotFile;
  timeoutMs: number;
  labelOf: QuarterNamer;
}

/** Plays one game with the bot in a worker thread. Never rejects: every end is an outcome. */
export function runBotSim(o: BotSimOptions): Promise<BotSimOutcome> {
  const meter = newMeterBuffer();
  const job: BotSimJob = {
    botSim: true,
    levelId: o.levelId,
    seed: o.seed,
    company: o.company,
    bot: o.bot,
    meter,
  };
  return new Promise((resolve) => {
    const worker = startTsWorker(new URL('./bot-worker.ts', import.meta.url), job);
    let settled = false;
    const settle = (outcome: BotSimOutcome) => {
      if (settled) return;
      settled = true;
      watch.stop();
      void worker.terminate();
      resolve(outcome);
    };
    const fail = (exitCode: 1 | 2, line: string) => settle({ ok: false, exitCode, line });
    const watch = watchCalls(meter, o.timeoutMs, (place) =>
      fail(1, timeoutLine(o.prog, o.bot, place, o.labelOf, o.timeoutMs)),
    );
    worker.on('message', (m: FromBotWorker) => {
      if (m.kind === 'report') settle({ ok: true, report: m.report });
      else if (m.kind === 'bad-bot') fail(2, printable(`${o.prog}: ${m.reason}`));
      else if (m.kind === 'failed') fail(1, failureLine(o.prog, o.bot, m.failure));
      else fail(1, printable(`${o.prog}: internal error (a bug, please report it): ${m.message}`));
    });
    worker.on('error', (e) =>
      fail(1, stoppedLine(o.prog, o.bot, placeOf(meter), o.labelOf, threadErrorCause(e))),
    );
    worker.on('exit', (code) => {
      fail(
        1,
        stoppedLine(o.prog, o.bot, placeOf(meter), o.labelOf, `its thread stopped (exit code ${code})`),
      );
    });
  });
}
