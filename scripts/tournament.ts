// Plays every seed × company × policy combination on all cores and prints the balance table: the
// made-it rate, the mix of endings and the mean score per company and policy (and overall per
// policy and per company), to check that no policy dominates and that every company can win.
//   npm run --silent tournament -- --level historical-2023 --seeds 1-1000 [--policies a,b] [--companies x,y] [--json]
//   npm run --silent tournament -- --luck [--seeds 1-50] [--json]   (skill vs luck: scripts/luck.ts)
// A progress bar is drawn on stderr only when stdout is a terminal. The output depends only on the
// arguments (not on the number of workers or their timing).

import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { findLevel, LEVEL_IDS } from '../src/app/levels';
import type { PolicyName } from '../src/engine/index';
import {
  PAR_VERSION,
  POLICIES,
  quarterLabel,
  REFERENCE_STRATEGIES,
  RULES_VERSION,
  setStateFreezing,
} from '../src/engine/index';
import type { EndingKind } from '../src/engine/types';
import type { BotWatch } from './bot-host';
import { DEFAULT_BOT_TIMEOUT_S, failureLine, startBotWorker, watchBotThread } from './bot-host';
import type { BotFile } from './bot-load';
import { findBotFile } from './bot-load';
import { newMeterBuffer } from './bot-watch';
import { argTokens, checkChoice, commaList, runCliAsync, UsageError, workersArg } from './cli-args';
import { companyLuck, formatLuck } from './luck';
import type { FromWorker, GameResult, Job, TournamentWorkerData, ToWorker } from './tournament-worker';
import { playOne } from './tournament-worker';
import { startTsWorker } from './ts-worker';

const PROG = 'tournament';
const ENDINGS: readonly EndingKind[] = ['made-it', 'acquired', 'out-of-money', 'times-up'];
const CHUNK = 16;

const USAGE = `usage: npm run --silent tournament -- [options]

Plays every seed × company × policy combination with the autopilot on all cores and prints the
balance table: made-it rate, ending mix and mean score per company × policy.

options:
  --level <id>        bundled level (default: historical-2023; valid: ${LEVEL_IDS.join(', ')})
  --seeds <list>      seeds, e.g. 1-1000 or 1,2,10-20 (default: 1-100)
  --policies <list>   comma-separated autopilot policies (default: all: ${POLICIES.join(', ')})
  --companies <list>  comma-separated companies (default: all the level offers)
  --workers <n>       worker threads (default: available cores; 0 = play in this thread)
  --bot <file>        also play a bot module (docs/bots.md) as one more row per company
  --bot-timeout <s>   seconds one call of the bot may take (default: ${DEFAULT_BOT_TIMEOUT_S})
  --luck              skill vs luck instead: play the ${REFERENCE_STRATEGIES.length} par reference strategies on every seed
                      (default seeds 1-50) and split each company's score variance into strategy,
                      seed and strategy × seed; also percentile spreads and pairwise win rates
  --json              print one JSON document instead of the table
  --help              print this help
`;

interface Args {
  level: string;
  seeds: number[];
  policies: PolicyName[] | null;
  companies: string[] | null;
  workers: number;
  json: boolean;
  bot: string | null;
  botTimeout: number;
  luck: boolean;
  seedsGiven: boolean;
}

function parseSeeds(raw: string): number[] {
  const out = new Set<number>();
  for (const part of raw.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    const a = m ? Number(m[1]) : Number.NaN;
    const b = m?.[2] !== undefined ? Number(m[2]) : a;
    if (!m || !Number.isSafeInteger(a) || !Number.isSafeInteger(b) || b < a || b - a > 1_000_000)
      throw new UsageError(`${PROG}: bad --seeds "${raw}" (valid: e.g. 1-1000 or 1,2,10-20)`);
    for (let s = a; s <= b; s++) out.add(s);
  }
  return [...out].sort((x, y) => x - y);
}

function parseArgs(argv: readonly string[]): Args | null {
  const a: Args = {
    level: 'historical-2023',
    seeds: parseSeeds('1-100'),
    policies: null,
    companies: null,
    workers: availableParallelism(),
    json: false,
    bot: null,
    botTimeout: DEFAULT_BOT_TIMEOUT_S,
    luck: false,
    seedsGiven: false,
  };
  const list = (flag: string, v: string, what: string) => commaList(PROG, flag, v, what);
  for (const { arg, name, value } of argTokens(PROG, argv)) {
    if (name === '--help') return null;
    else if (name === '--json') a.json = true;
    else if (name === '--luck') a.luck = true;
    else if (name === '--level') a.level = checkChoice(PROG, 'level', value(), LEVEL_IDS);
    else if (name === '--seeds') {
      a.seeds = parseSeeds(value());
      a.seedsGiven = true;
    } else if (name === '--policies')
      a.policies = list(name, value(), 'policy').map((p) => checkChoice(PROG, 'policy', p, POLICIES));
    else if (name === '--companies') a.companies = list(name, value(), 'company');
    else if (name === '--workers') a.workers = workersArg(PROG, value());
    else if (name === '--bot') a.bot = value();
    else if (name === '--bot-timeout') {
      const raw = value();
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n) || n <= 0)
        throw new UsageError(`${PROG}: bad --bot-timeout "${raw}" (valid: a positive number of seconds)`);
      a.botTimeout = n;
    } else
      throw new UsageError(
        `${PROG}: unknown argument "${arg}" (valid: --level, --seeds, --policies, --companies, --workers, --bot, --bot-timeout, --luck, --json, --help)`,
      );
  }
  if (a.luck && a.policies)
    throw new UsageError(`${PROG}: --luck plays the fixed par reference set; --policies does not apply`);
  if (a.luck && !a.seedsGiven) a.seeds = parseSeeds('1-50');
  return a;
}

// --- Running ----------------------------------------------------------------------------------------

/** Starts a worker thread that runs tournament-worker.ts (scripts/ts-worker.ts). */
function startWorker(levelId: string, bot: { file: BotFile; meter: SharedArrayBuffer } | null): Worker {
  const target = new URL('./tournament-worker.ts', import.meta.url);
  if (!bot) return startTsWorker(target, { tournament: true, levelId } satisfies TournamentWorkerData);
  // A bot's thread: a bounded heap, and its console.log goes to stderr (stdout holds the table).
  const data: TournamentWorkerData = { tournament: true, levelId, bot: bot.file, meter: bot.meter };
  return startBotWorker(target, data);
}

function progressBar(): (done: number, total: number) => void {
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

/** A bot in the tournament: its file and the limit on each of its calls. */
type BotEntry = Omit<BotWatch, 'prog'>;

/** A bot's failure: one line (no stack) and exit code 1. */
class BotStop extends Error {}

/** The game a failure happened in, for its message (none while the bot was being loaded). */
const gameOf = (job: Job | undefined, turn = 0) =>
  job && turn >= 0 ? ` (seed ${job.seed}, ${job.company})` : '';

async function runAll(
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
  let next = 0;
  const n = Math.max(1, Math.min(workers, chunks.length));
  const live: Worker[] = [];
  await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<void>((resolve, reject) => {
          const meter = bot ? newMeterBuffer() : null;
          const w = startWorker(levelId, bot && meter ? { file: bot.bot, meter } : null);
          live.push(w);
          let stopping = false;
          let current: Job[] = [];
          // A bot's failure stops the whole run: every thread, at once.
          const stopAll = (e: Error) => {
            stopping = true;
            watch?.stop();
            for (const x of live) void x.terminate();
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
            const chunk = next < chunks.length ? chunks[next++] : undefined;
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
            results.push(...m.results);
            bar(results.length, jobs.length);
            feed();
          });
          w.on('error', (e) => reject(e));
          w.on('exit', (code) => {
            if (!stopping) reject(new Error(`a worker stopped unexpectedly (exit code ${code})`));
          });
          feed();
        }),
    ),
  );
  return results;
}

// --- The table --------------------------------------------------------------------------------------

interface Cell {
  company: string;
  policy: string;
  games: number;
  madeItRate: number;
  endings: Record<EndingKind, number>;
  meanScore: number;
  /** Games the engine failed to finish (engine bugs), left out of the rates. */
  errors: number;
}

function cellOf(company: string, policy: string, rs: readonly GameResult[]): Cell {
  const ok = rs.filter((r) => r.ending !== 'error');
  const endings = Object.fromEntries(ENDINGS.map((e) => [e, 0])) as Record<EndingKind, number>;
  let sum = 0;
  for (const r of ok) {
    endings[r.ending as EndingKind]++;
    sum += r.score;
  }
  const n = ok.length;
  const share = (k: number) => (n > 0 ? k / n : 0);
  return {
    company,
    policy,
    games: n,
    madeItRate: share(endings['made-it']),
    endings: Object.fromEntries(ENDINGS.map((e) => [e, share(endings[e])])) as Record<EndingKind, number>,
    meanScore: n > 0 ? Math.round(sum / n) : 0,
    errors: rs.length - n,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const yuanM = (wan: number) => (wan / 100).toFixed(1);

function formatTable(cells: readonly Cell[]): string {
  const head = [
    'company',
    'policy',
    'games',
    'made-it',
    'acquired',
    'out-of-money',
    "time's up",
    'mean score ¥M',
  ];
  const anyErrors = cells.some((c) => c.errors > 0);
  if (anyErrors) head.push('errors');
  const rows = cells.map((c) => {
    const r = [
      c.company,
      c.policy,
      String(c.games),
      pct(c.madeItRate),
      pct(c.endings.acquired),
      pct(c.endings['out-of-money']),
      pct(c.endings['times-up']),
      yuanM(c.meanScore),
    ];
    if (anyErrors) r.push(String(c.errors));
    return r;
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [line(head), line(widths.map((w) => '-'.repeat(w)))];
  let prev = '';
  for (let i = 0; i < rows.length; i++) {
    const group = cells[i]!.company === '(all)' ? '(all)' : cells[i]!.policy === '(all)' ? 'company' : 'cell';
    if (prev && group !== prev) out.push('');
    prev = group;
    out.push(line(rows[i]!));
  }
  return `${out.join('\n')}\n`;
}

async function main(): Promise<number | undefined> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    process.stdout.write(USAGE);
    return;
  }
  const level = findLevel(args.level)!;
  const companies = (args.companies ?? level.player.companies).map((c) =>
    checkChoice(PROG, 'company', c, level.player.companies),
  );
  if (args.luck) {
    await luck(level.id, level.version, companies, args);
    return;
  }
  const policies: string[] = args.policies ?? [...POLICIES];
  const jobs: Job[] = [];
  for (const seed of args.seeds)
    for (const company of companies) for (const policy of policies) jobs.push({ seed, company, policy });

  let bot: BotEntry | null = null;
  if (args.bot !== null) {
    const found = findBotFile(args.bot);
    if (!found.ok) throw new UsageError(`${PROG}: ${found.reason}`);
    // Only a worker thread can be stopped when a bot's call never returns.
    if (args.workers === 0) throw new UsageError(`${PROG}: --bot needs worker threads (--workers 1 or more)`);
    bot = {
      bot: found.file,
      timeoutMs: Math.round(args.botTimeout * 1000),
      labelOf: (t) => quarterLabel(level, t),
    };
    policies.push(found.file.name);
    for (const seed of args.seeds)
      for (const company of companies) jobs.push({ seed, company, policy: found.file.name, bot: true });
  }

  let results: GameResult[];
  try {
    results = await runAll(level.id, jobs, args.workers, bot);
  } catch (e) {
    if (!(e instanceof BotStop)) throw e;
    process.stderr.write(`${e.message}\n`);
    return 1;
  }
  const by = new Map<string, GameResult[]>();
  const add = (k: string, r: GameResult) => {
    const list = by.get(k);
    if (list) list.push(r);
    else by.set(k, [r]);
  };
  for (const r of results) {
    add(`${r.company}|${r.policy}`, r);
    add(`${r.company}|(all)`, r);
    add(`(all)|${r.policy}`, r);
  }
  const get = (c: string, p: string) => cellOf(c, p, by.get(`${c}|${p}`) ?? []);
  const cells = companies.flatMap((c) => policies.map((p) => get(c, p)));
  const byCompany = companies.map((c) => get(c, '(all)'));
  const byPolicy = policies.map((p) => get('(all)', p));
  const errors = results
    .filter((r) => r.ending === 'error')
    .sort(
      (a, b) => a.seed - b.seed || a.company.localeCompare(b.company) || a.policy.localeCompare(b.policy),
    );

  if (args.json) {
    const doc = {
      level: level.id,
      levelVersion: level.version,
      seeds: { count: args.seeds.length, first: args.seeds[0], last: args.seeds[args.seeds.length - 1] },
      companies,
      policies,
      games: results.length,
      cells,
      byCompany,
      byPolicy,
      errors: errors
        .slice(0, 100)
        .map((e) => ({ seed: e.seed, company: e.company, policy: e.policy, error: e.error })),
      errorCount: errors.length,
    };
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    const seedText =
      args.seeds.length > 1
        ? `seeds ${args.seeds[0]}…${args.seeds[args.seeds.length - 1]}`
        : `seed ${args.seeds[0]}`;
    process.stdout.write(
      `level ${level.id} v${level.version}  ${seedText} (${args.seeds.length})  ${results.length} games\n\n`,
    );
    process.stdout.write(formatTable([...cells, ...byCompany, ...byPolicy]));
    if (errors.length > 0) {
      process.stdout.write(`\n${errors.length} games failed in the engine (left out above); first:\n`);
      for (const e of errors.slice(0, 5))
        process.stdout.write(`  seed ${e.seed} ${e.company} ${e.policy}: ${e.error}\n`);
    }
  }
}

/** --luck: the par reference set on every seed, per company (scripts/luck.ts). */
async function luck(levelId: string, levelVersion: number, companies: readonly string[], args: Args) {
  const jobs: Job[] = [];
  for (const seed of args.seeds)
    for (const company of companies)
      for (const r of REFERENCE_STRATEGIES) jobs.push({ seed, company, policy: r.policy, reference: r.id });
  const results = await runAll(levelId, jobs, args.workers);
  const names = REFERENCE_STRATEGIES.map((r) => r.id);
  const failed = results.filter((r) => r.ending === 'error');
  if (failed.length > 0)
    throw new Error(`${failed.length} reference games failed in the engine; first: ${failed[0]!.error}`);
  const game = new Map(results.map((r) => [`${r.company}|${r.reference}|${r.seed}`, r]));
  const table = <T>(c: string, f: (r: GameResult) => T) =>
    names.map((n) => args.seeds.map((s) => f(game.get(`${c}|${n}|${s}`)!)));
  const named = REFERENCE_STRATEGIES.map((r) => r.shift.runway === 0 && r.shift.pretrainingBp === 0);
  const reports = companies.map((c) =>
    companyLuck(
      c,
      table(c, (r) => r.score),
      table(c, (r) => r.ending),
      names,
      named,
    ),
  );
  const seedText = `seeds ${args.seeds[0]}…${args.seeds[args.seeds.length - 1]} (${args.seeds.length})`;
  if (args.json) {
    const doc = {
      level: levelId,
      levelVersion,
      rulesVersion: RULES_VERSION,
      parVersion: PAR_VERSION,
      seeds: { count: args.seeds.length, first: args.seeds[0], last: args.seeds[args.seeds.length - 1] },
      strategies: names,
      games: results.length,
      companies: reports,
    };
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    process.stdout.write(
      `level ${levelId} v${levelVersion}  ${seedText}  ${names.length} reference strategies  ${results.length} games\n\n`,
    );
    process.stdout.write(formatLuck(reports));
  }
}

runCliAsync(main);
