// Plays the tournament's games: in this thread (`--workers 0`), or on worker threads running
// tournament-worker.ts, fed chunks of games as they finish. With --bot a thread also plays the bot,
// watched call by call (bot-host.ts); a bot's failure stops every thread at once. A progress bar is
// drawn on stderr only when stdout and stderr are terminals.

import type { Worker } from 'node:worker_threads';
import { setStateFreezing } from '../src/engine/index';
import type { BotWatch } from './bot-host';
import { failureLine, startBotWorker, watchBotThread } from './bot-host';
import type { BotFile } from './bot-load';
import { newMeterBuffer } from './bot-watch';
import { UsageError } from './cli-args';
import type { FromWorker, GameResult, Job, TournamentWorkerData, ToWorker } from './tournament-worker';
import { playOne } from './tournament-worker';
import { startTsWorker } from './ts-worker';

const PROG = 'tournament';
const CHUNK = 16;

/** A bot in the tournament: its file and the limit on each of its calls. */
export type BotEntry = Omit<BotWatch, 'prog'>;

/** A bot's failure: one line (no stack) and exit code 1. */
export class BotStop extends Error {}

/** Starts a worker thread that runs tournament-worker.ts (scripts/ts-worker.ts). */
function startWorker(levelId: string, bot: { file: BotFile; meter: SharedArrayBuffer } | null): Worker {
  const target = new URL('./tournament-worker.ts', import.meta.url);
  if (!bot) return startTsWorker(target, { tournament: true, levelId } satisfies TournamentWorkerData);
  // A bot's thread: a bounded heap, and its console.log goes to stderr (stdout holds the table).
  const data: TournamentWorkerData = { tournament: true, levelId, bot: bot.file, meter: bot.meter };
  return startBotWorker(target, data);
}

type Bar = (done: number, total: number) => void;

function progressBar(): Bar {
  if (!process.stdout.isTTY || !process.stderr.isTTY) return () => {};
  const start = Date.now();
  let last = 0;
  return (done, total) => {
    const t = Date.now();
    if (done < total && t - last < 100) return;
    last = t;
    const width = 30;
    const filled = Math.round((width * done) / Math.max(1, total));
    const pct = ((100 * done) / Math.max(1, total)).toFixed(0).padStart(3);
    const secs = ((t - start) / 1000).toFixed(1);
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}%  ${done}/${total} games  ${secs}s`,
    );
    if (done >= total) process.stderr.write('\r\x1b[2K');
  };
}

/** The game a failure happened in, for its message (none while the bot was being loaded). */
const gameOf = (job: Job | undefined, turn = 0) =>
  job && turn >= 0 ? ` (seed ${job.seed}, ${job.company})` : '';

/** Plays every job; the results come in the order the games finish. */
export async function runAll(
  levelId: string,
  jobs: Job[],
  workers: number,
  bot: BotEntry | null = null,
): Promise<GameResult[]> {
  const bar = progressBar();
  const results: GameResult[] = [];
  bar(0, jobs.length);
  if (workers === 0) {
    setStateFreezing(false);
    for (const j of jobs) {
      results.push(playOne(levelId, j));
      bar(results.length, jobs.length);
    }
    return results;
  }
  const chunks: Job[][] = [];
  for (let i = 0; i < jobs.length; i += CHUNK) chunks.push(jobs.slice(i, i + CHUNK));
  const run: Run = { levelId, bot, chunks, next: 0, live: [], results, total: jobs.length, bar };
  const n = Math.max(1, Math.min(workers, chunks.length));
  await Promise.all(Array.from({ length: n }, () => workerLoop(run)));
  return results;
}

/** What the worker threads of one run share: the chunks still to hand out and the results. */
interface Run {
  levelId: string;
  bot: BotEntry | null;
  chunks: Job[][];
  next: number;
  live: Worker[];
  results: GameResult[];
  total: number;
  bar: Bar;
}

/** One worker thread: takes chunks until none is left, then stops; rejects on any failure. */
function workerLoop(run: Run): Promise<void> {
  const { bot } = run;
  return new Promise<void>((resolve, reject) => {
    const meter = bot ? newMeterBuffer() : null;
    const w = startWorker(run.levelId, bot && meter ? { file: bot.bot, meter } : null);
    run.live.push(w);
    let stopping = false;
    let current: Job[] = [];
    // A bot's failure stops the whole run: every thread, at once.
    const stopAll = (e: Error) => {
      stopping = true;
      watch?.stop();
      for (const x of run.live) void x.terminate();
      reject(e);
    };
    const watch =
      bot && meter
        ? watchBotThread(
            w,
            meter,
            { prog: PROG, ...bot },
            (line) => stopAll(new BotStop(line)),
            (place) => gameOf(current[place.job], place.turn),
          )
        : null;
    const feed = () => {
      const chunk = run.next < run.chunks.length ? run.chunks[run.next++] : undefined;
      current = chunk ?? [];
      if (chunk) w.postMessage({ jobs: chunk } satisfies ToWorker);
      else {
        stopping = true;
        watch?.stop();
        w.postMessage({ stop: true } satisfies ToWorker);
        void w.terminate().then(() => resolve());
      }
    };
    w.on('message', (m: FromWorker) => {
      if ('fatal' in m) {
        void w.terminate();
        reject(new Error(`a worker failed: ${m.fatal}`));
        return;
      }
      if ('badBot' in m) return stopAll(new UsageError(`${PROG}: ${m.badBot}`));
      if ('botFailed' in m && bot) {
        const { job, failure } = m.botFailed;
        return stopAll(new BotStop(failureLine(PROG, bot.bot, failure, gameOf(job))));
      }
      if (!('results' in m)) return;
      run.results.push(...m.results);
      run.bar(run.results.length, run.total);
      feed();
    });
    w.on('error', (e) => reject(e));
    w.on('exit', (code) => {
      if (!stopping) reject(new Error(`a worker stopped unexpectedly (exit code ${code})`));
    });
    feed();
  });
}
