// The worker thread that plays `sim --bot`: loads the bot, plays the game with it and posts back the
// report (or why it stopped). Each call of the bot is marked in the shared meter, which the main
// thread watches for a call that never returns (scripts/bot-host.ts).

import { parentPort, workerData } from 'node:worker_threads';
import type { BotFailure } from '../src/app/bot-runner';
import { playBotGame } from '../src/app/bot-runner';
import { findLevel } from '../src/app/levels';
import type { SimReport } from '../src/app/sim-report';
import { simReport } from '../src/app/sim-report';
import { setStateFreezing } from '../src/engine/index';
import type { BotFile } from './bot-load';
import { loadBot } from './bot-load';
import { callMeter } from './bot-watch';

export interface BotSimJob {
  botSim: true;
  levelId: string;
  seed: number;
  company: string;
  bot: BotFile;
  meter: SharedArrayBuffer;
}

export type FromBotWorker =
  | { kind: 'bad-bot'; reason: string }
  | { kind: 'failed'; failure: BotFailure }
  | { kind: 'report'; report: SimReport }
  | { kind: 'internal'; message: string };

async function main(port: NonNullable<typeof parentPort>, job: BotSimJob): Promise<void> {
  const post = (m: FromBotWorker) => port.postMessage(m);
  const meter = callMeter(job.meter);
  const level = findLevel(job.levelId);
  if (!level) throw new Error(`unknown level "${job.levelId}"`);
  meter.enter(-1, 0);
  const loaded = await loadBot(job.bot);
  meter.leave();
  if (!loaded.ok) return post({ kind: 'bad-bot', reason: loaded.reason });
  setStateFreezing(false);
  const result = playBotGame(level, job.seed, job.company, loaded.decide, meter);
  if (!result.ok) return post({ kind: 'failed', failure: result.failure });
  const report = simReport(
    level,
    result.state,
    { seed: job.seed, company: job.company, policy: job.bot.name },
    result.log,
  );
  report.rejections = result.rejections;
  post({ kind: 'report', report });
}

const job = workerData as BotSimJob | null;
if (parentPort && job?.botSim) {
  const port = parentPort;
  main(port, job).catch((e: unknown) => {
    const m: FromBotWorker = { kind: 'internal', message: e instanceof Error ? e.message : String(e) };
    port.postMessage(m);
  });
}
