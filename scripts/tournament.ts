// Plays every seed × company × policy combination on all cores and prints the balance table: the
// made-it rate, the mix of endings and the mean score per company and policy (and overall per
// policy and per company), to check that no policy dominates and that every company can win.
//   npm run --silent tournament -- --level historical-2023 --seeds 1-1000 [--policies a,b] [--companies x,y] [--json]
//   npm run --silent tournament -- --luck [--seeds 1-50] [--json]   (skill vs luck: scripts/luck.ts)
// A progress bar is drawn on stderr only when stdout is a terminal. The output depends only on the
// arguments (not on the number of workers or their timing).
//
// This file reads the arguments and prints; the games are played by tournament-run.ts (threads of
// tournament-worker.ts) and tallied by tournament-table.ts.

import { availableParallelism } from 'node:os';
import { findLevel, LEVEL_IDS } from '../src/app/levels';
import type { Level, PolicyName } from '../src/engine/index';
import {
  PAR_VERSION,
  POLICIES,
  quarterLabel,
  REFERENCE_STRATEGIES,
  RULES_VERSION,
} from '../src/engine/index';
import { DEFAULT_BOT_TIMEOUT_S } from './bot-host';
import { findBotFile } from './bot-load';
import { argTokens, checkChoice, commaList, runCliAsync, seedList, UsageError, workersArg } from './cli-args';
import { companyLuck, formatLuck } from './luck';
import type { BotEntry } from './tournament-run';
import { BotStop, runAll } from './tournament-run';
import type { BalanceTable } from './tournament-table';
import { balanceTable, formatTable } from './tournament-table';
import type { GameResult, Job } from './tournament-worker';

const PROG = 'tournament';

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

const parseSeeds = (raw: string): number[] => seedList(PROG, '--seeds', raw, 1_000_000, '1-1000');

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

// --- The balance table -------------------------------------------------------------------------------

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
  const bot = args.bot === null ? null : botEntry(args, level);
  if (bot) {
    policies.push(bot.bot.name);
    for (const seed of args.seeds)
      for (const company of companies) jobs.push({ seed, company, policy: bot.bot.name, bot: true });
  }

  let results: GameResult[];
  try {
    results = await runAll(level.id, jobs, args.workers, bot);
  } catch (e) {
    if (!(e instanceof BotStop)) throw e;
    process.stderr.write(`${e.message}\n`);
    return 1;
  }
  const table = balanceTable(results, companies, policies);
  process.stdout.write(
    args.json
      ? tableJson(level, args.seeds, companies, policies, results, table)
      : tableText(level, args.seeds, results, table),
  );
}

/** The bot of --bot, found and limited (a usage error if it cannot be played). */
function botEntry(args: Args, level: Level): BotEntry {
  const found = findBotFile(args.bot!);
  if (!found.ok) throw new UsageError(`${PROG}: ${found.reason}`);
  // Only a worker thread can be stopped when a bot's call never returns.
  if (args.workers === 0) throw new UsageError(`${PROG}: --bot needs worker threads (--workers 1 or more)`);
  return {
    bot: found.file,
    timeoutMs: Math.round(args.botTimeout * 1000),
    labelOf: (t) => quarterLabel(level, t),
  };
}

/** The `--json` document of the balance table. */
function tableJson(
  level: Level,
  seeds: readonly number[],
  companies: readonly string[],
  policies: readonly string[],
  results: readonly GameResult[],
  { cells, byCompany, byPolicy, errors }: BalanceTable,
): string {
  const doc = {
    level: level.id,
    levelVersion: level.version,
    seeds: { count: seeds.length, first: seeds[0], last: seeds[seeds.length - 1] },
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
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The balance table as text, with the first games the engine failed to finish. */
function tableText(
  level: Level,
  seeds: readonly number[],
  results: readonly GameResult[],
  { cells, byCompany, byPolicy, errors }: BalanceTable,
): string {
  const seedText = seeds.length > 1 ? `seeds ${seeds[0]}…${seeds[seeds.length - 1]}` : `seed ${seeds[0]}`;
  let out = `level ${level.id} v${level.version}  ${seedText} (${seeds.length})  ${results.length} games\n\n`;
  out += formatTable([...cells, ...byCompany, ...byPolicy]);
  if (errors.length > 0) {
    out += `\n${errors.length} games failed in the engine (left out above); first:\n`;
    for (const e of errors.slice(0, 5)) out += `  seed ${e.seed} ${e.company} ${e.policy}: ${e.error}\n`;
  }
  return out;
}

// --- Skill against luck -----------------------------------------------------------------------------

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
