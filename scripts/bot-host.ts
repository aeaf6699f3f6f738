// The main thread's side of `sim --bot`: starts the worker that plays the bot (scripts/bot-worker.ts),
// watches every call of the bot against the time limit, and turns whatever happens into either the
// report or one line and an exit code: 2 for a bot file that is not a bot (missing, not a module, no
// decide), 1 for a bot that fails while playing (throws, returns no list, never returns, leaves a
// card unanswered, stops its thread).

import type { Worker } from 'node:worker_threads';
import type { BotFailure } from '../src/app/bot-runner';
import type { SimReport } from '../src/app/sim-report';
import type { BotFile } from './bot-load';
import { placeInBot } from './bot-load';
import type { CallPlace } from './bot-watch';
import { newMeterBuffer, placeOf, watchCalls } from './bot-watch';
import type { BotSimJob, FromBotWorker } from './bot-worker';
import { printable } from './printable';
import { startTsWorker } from './ts-worker';

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
export function startBotWorker(target: URL, workerData: unknown): Worker {
  const w = startTsWorker(target, workerData, { stdout: true, ...BOT_THREAD_LIMITS });
  w.stdout.pipe(process.stderr, { end: false });
  return w;
}

/** The label of a turn in the game's level (quarterLabel), for messages. */
export type QuarterNamer = (turn: number) => string;

/** The one line for a bot that failed during its game (exit code 1). */
export function failureLine(prog: string, bot: BotFile, failure: BotFailure, context = ''): string {
  const at = placeInBot(failure.stack, bot);
  return printable(
    `${prog}: bot ${bot.shown} failed in ${failure.quarter} (call ${failure.call})${context}: ${failure.cause}${at}`,
  );
}

/** What a bot's thread is watched for, and how its failures are named. */
export interface BotWatch {
  prog: string;
  bot: BotFile;
  timeoutMs: number;
  labelOf: QuarterNamer;
}

function where(place: CallPlace, labelOf: QuarterNamer): string {
  return place.turn < 0 ? 'while loading' : `in ${labelOf(place.turn)} (call ${place.call})`;
}

/**
 * Watches a thread that plays a bot: a call (or the loading of the module) that runs past the time
 * limit, and the thread stopping or throwing on its own. Each ends in `fail` with the one line for
 * it (exit code 1), at most once; `context(place)` adds which game it was (tournaments). Attach it
 * before the thread's other handlers, and `stop()` it before ending the thread on purpose.
 */
export function watchBotThread(
  worker: Worker,
  meter: SharedArrayBuffer,
  o: BotWatch,
  fail: (line: string) => void,
  context: (place: CallPlace) => string = () => '',
): { stop(): void } {
  let done = false;
  const once = (line: () => string) => {
    if (done) return;
    done = true;
    calls.stop();
    fail(line());
  };
  const failed = (place: CallPlace, cause: string) =>
    once(() =>
      printable(`${o.prog}: bot ${o.bot.shown} failed ${where(place, o.labelOf)}${context(place)}: ${cause}`),
    );
  const calls = watchCalls(meter, o.timeoutMs, (place) => {
    const what = place.turn < 0 ? 'loading the module' : 'decide()';
    failed(place, `${what} did not return within ${o.timeoutMs / 1000} s (--bot-timeout)`);
  });
  worker.on('error', (e) => failed(placeOf(meter), threadErrorCause(e)));
  worker.on('exit', (code) => failed(placeOf(meter), `its thread stopped (exit code ${code})`));
  return {
    stop() {
      done = true;
      calls.stop();
    },
  };
}

export type BotSimOutcome = { ok: true; report: SimReport } | { ok: false; exitCode: 1 | 2; line: string };

export interface BotSimOptions extends BotWatch {
  levelId: string;
  seed: number;
  company: string;
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
    const worker = startBotWorker(new URL('./bot-worker.ts', import.meta.url), job);
    let settled = false;
    const settle = (outcome: BotSimOutcome) => {
      if (settled) return;
      settled = true;
      watch.stop();
      void worker.terminate();
      resolve(outcome);
    };
    const fail = (exitCode: 1 | 2, line: string) => settle({ ok: false, exitCode, line });
    const watch = watchBotThread(worker, meter, o, (line) => fail(1, line));
    worker.on('message', (m: FromBotWorker) => {
      if (m.kind === 'report') settle({ ok: true, report: m.report });
      else if (m.kind === 'bad-bot') fail(2, printable(`${o.prog}: ${m.reason}`));
      else if (m.kind === 'failed') fail(1, failureLine(o.prog, o.bot, m.failure));
      else fail(1, printable(`${o.prog}: internal error (a bug, please report it): ${m.message}`));
    });
  });
}
