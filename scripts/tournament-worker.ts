// A tournament worker thread: plays the games it is sent and posts back their results. Started by
// scripts/tournament-run.ts (which registers tsx in the thread first, so this file runs as TypeScript
// under plain `node` too). The game logic is shared with the in-process fallback via playOne.
// With --bot the thread also loads the bot and plays its games, marking each call in the shared
// meter that the main thread watches (scripts/bot-watch.ts).

import { parentPort, workerData } from 'node:worker_threads';
import type { BotFailure } from '../src/app/bot-runner';
import { playBotGame } from '../src/app/bot-runner';
import { findLevel } from '../src/app/levels';
import type { PolicyName } from '../src/engine/index';
import { playGame, REFERENCE_STRATEGIES, setStateFreezing } from '../src/engine/index';
import type { EndingKind } from '../src/engine/types';
import type { BotFile, LoadedBot } from './bot-load';
import { loadBot } from './bot-load';
import { callMeter } from './bot-watch';

export interface Job {
  seed: number;
  company: string;
  /** An autopilot, or the bot's file name for the bot's games. */
  policy: PolicyName | string;
  /** A game of the bot (--bot). */
  bot?: true;
  /** A par reference strategy's id (REFERENCE_STRATEGIES; `--luck`): the policy with its shift. */
  reference?: string;
}

export interface GameResult extends Job {
  /** How the game ended, or 'error' if the engine threw (an engine bug: the message says what). */
  ending: EndingKind | 'error';
  score: number;
  endTurn: number;
  error?: string;
}

export type ToWorker = { jobs: Job[] } | { stop: true };
export type FromWorker =
  | { results: GameResult[] }
  | { fatal: string }
  /** The bot file is no bot (not a module, no decide). */
  | { badBot: string }
  /** The bot failed in one of its games (the run stops: the game's seed and company say which). */
  | { botFailed: { job: Job; failure: BotFailure } };

/** What a tournament worker is started with. */
export interface TournamentWorkerData {
  tournament: true;
  levelId: string;
  bot?: BotFile;
  meter?: SharedArrayBuffer;
}

/** Plays one game; never throws. */
export function playOne(levelId: string, job: Job): GameResult {
  try {
    const level = findLevel(levelId);
    if (!level) throw new Error(`unknown level "${levelId}"`);
    const ref = job.reference === undefined ? null : REFERENCE_STRATEGIES.find((r) => r.id === job.reference);
    if (ref === undefined) throw new Error(`unknown reference strategy "${job.reference}"`);
    const { state } = ref
      ? playGame(level, job.seed, job.company, ref.policy, 0, ref.shift)
      : playGame(level, job.seed, job.company, job.policy as PolicyName);
    const ending = state.ending!;
    return { ...job, ending: ending.kind, score: ending.score, endTurn: ending.turn };
  } catch (e) {
    return {
      ...job,
      ending: 'error',
      score: 0,
      endTurn: -1,
      error: e instanceof Error ? e.message : String(e),
    };
  }
}

if (parentPort && (workerData as { tournament?: boolean } | null)?.tournament) {
  const port = parentPort;
  const { levelId, bot, meter: meterBuf } = workerData as TournamentWorkerData;
  const meter = meterBuf ? callMeter(meterBuf) : undefined;
  const level = findLevel(levelId);
  setStateFreezing(false);
  // The bot is imported once per thread, under the watch like its calls.
  const load = async (file: BotFile): Promise<LoadedBot> => {
    meter?.enter(-1, 0);
    const loaded = await loadBot(file);
    meter?.leave();
    return loaded;
  };
  const botReady = bot ? load(bot) : null;
  port.on('message', async (msg: ToWorker) => {
    if ('stop' in msg) {
      port.close();
      return;
    }
    const loaded = botReady ? await botReady : null;
    if (loaded && !loaded.ok) return port.postMessage({ badBot: loaded.reason } satisfies FromWorker);
    try {
      const results: GameResult[] = [];
      for (let i = 0; i < msg.jobs.length; i++) {
        const job = msg.jobs[i]!;
        if (!job.bot || !loaded?.ok || !level) {
          results.push(playOne(levelId, job));
          continue;
        }
        meter?.setJob(i);
        const r = playBotGame(level, job.seed, job.company, loaded.decide, meter);
        if (!r.ok) return port.postMessage({ botFailed: { job, failure: r.failure } } satisfies FromWorker);
        const ending = r.state.ending!;
        results.push({ ...job, ending: ending.kind, score: ending.score, endTurn: ending.turn });
      }
      port.postMessage({ results } satisfies FromWorker);
    } catch (e) {
      const reply: FromWorker = { fatal: e instanceof Error ? (e.stack ?? e.message) : String(e) };
      port.postMessage(reply);
    }
  });
}
