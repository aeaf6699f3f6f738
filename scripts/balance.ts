// The balance search: per company, the best parametrised strategy found by random search and hill
// climbing on training seeds, checked on held-out seeds against the named autopilots, with three
// balance checks (docs/balance.md).
//   npm run --silent balance -- [--level historical-2023] [--companies a,b] [--train-seeds 1-40]
//     [--test-seeds 1001-1300] [--select-seeds 41-200] [--budget 300/30] [--quick] [--workers n] [--json]
// A progress bar is drawn on stderr only when stdout is a terminal. The output depends only on the
// arguments (not on the number of workers or their timing).

import { findLevel, LEVEL_IDS } from '../src/app/levels';
import { formatReport } from './balance-report';
import type { Budget } from './balance-search';
import { DEFAULT_BUDGET, defaultWorkers, QUICK_BUDGET, runBalance } from './balance-search';
import { argTokens, checkChoice, commaList, runCliAsync, seedList, UsageError, workersArg } from './cli-args';
import { ProgressLine } from './progress';

const PROG = 'balance';
const TRAIN_DEFAULT = '1-40';
const TEST_DEFAULT = '1001-1300';
const QUICK_TRAIN = '1-6';
const QUICK_TEST = '1001-1010';
const SELECT_DEFAULT = '41-200';
const QUICK_SELECT = '7-12';
const budgetText = (b: Budget) => `${b.candidates}/${b.steps}`;

const USAGE = `usage: npm run --silent balance -- [options]

Per company, searches a parametrised strategy (src/app/strategy.ts) for the best made-it rate on
training seeds (random search, then hill climbing from the best few), picks the best of the best
few on selection seeds, then plays it on held-out seeds next to the named autopilots, and checks:
one set for every company, raising every quarter, pretraining-first. See docs/balance.md.

options:
  --level <id>           bundled level (default: historical-2023; valid: ${LEVEL_IDS.join(', ')})
  --companies <list>     comma-separated companies (default: all the level offers)
  --train-seeds <list>   training seeds, e.g. 1-40 or 1,2,10-20 (default: ${TRAIN_DEFAULT})
  --test-seeds <list>    held-out seeds, disjoint from the training seeds (default: ${TEST_DEFAULT})
  --select-seeds <list>  seeds that rank the best few training sets (default: ${SELECT_DEFAULT});
                         disjoint from both; "none": the best on the training seeds
  --budget <n>/<steps>   random candidates and hill-climbing steps per company (default:
                         ${budgetText(DEFAULT_BUDGET)}; ${DEFAULT_BUDGET.climbers} climbers × ${DEFAULT_BUDGET.mutants} neighbours a step)
  --quick                a small search for tests: budget ${budgetText(QUICK_BUDGET)} (${QUICK_BUDGET.climbers} climbers × ${QUICK_BUDGET.mutants} neighbours),
                         seeds ${QUICK_TRAIN}, ${QUICK_SELECT} and ${QUICK_TEST} unless given
  --search-seed <n>      seed of the search's own draws (default: 1)
  --workers <n>          worker threads (default: available cores; 0 = play in this thread)
  --json                 print one JSON document (balanceVersion, rulesVersion, every figure)
  --help                 print this help
`;

const parseSeeds = (flag: string, raw: string): number[] => seedList(PROG, flag, raw, 100_000, '1-40');

function parseBudget(raw: string): Budget {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  const n = m ? Number(m[1]) : Number.NaN;
  const s = m ? Number(m[2]) : Number.NaN;
  if (!m || n > 100_000 || s > 10_000)
    throw new UsageError(`${PROG}: bad --budget "${raw}" (valid: <candidates>/<steps>, e.g. 300/30 or 0/10)`);
  return { ...DEFAULT_BUDGET, candidates: n, steps: s };
}

interface Args {
  level: string;
  companies: string[] | null;
  train: number[] | null;
  test: number[] | null;
  select: number[] | null;
  budget: Budget | null;
  quick: boolean;
  searchSeed: number;
  workers: number;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Args | null {
  const a: Args = {
    level: 'historical-2023',
    companies: null,
    train: null,
    test: null,
    select: null,
    budget: null,
    quick: false,
    searchSeed: 1,
    workers: defaultWorkers(),
    json: false,
  };
  for (const { arg, name, value, flagOnly } of argTokens(PROG, argv)) {
    if (name === '--help') return null;
    else if (name === '--json') {
      flagOnly();
      a.json = true;
    } else if (name === '--quick') {
      flagOnly();
      a.quick = true;
    } else if (name === '--level') a.level = checkChoice(PROG, 'level', value(), LEVEL_IDS);
    else if (name === '--companies') a.companies = commaList(PROG, name, value(), 'company');
    else if (name === '--train-seeds') a.train = parseSeeds(name, value());
    else if (name === '--test-seeds') a.test = parseSeeds(name, value());
    else if (name === '--select-seeds') {
      const raw = value();
      a.select = raw === 'none' ? [] : parseSeeds(name, raw);
    } else if (name === '--budget') a.budget = parseBudget(value());
    else if (name === '--search-seed') {
      const raw = value();
      if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)))
        throw new UsageError(`${PROG}: bad --search-seed "${raw}" (valid: a whole number ≥ 0)`);
      a.searchSeed = Number(raw);
    } else if (name === '--workers') a.workers = workersArg(PROG, value());
    else
      throw new UsageError(
        `${PROG}: unknown argument "${arg}" (valid: --level, --companies, --train-seeds, --test-seeds, --select-seeds, --budget, --quick, --search-seed, --workers, --json, --help)`,
      );
  }
  return a;
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
  const trainSeeds = args.train ?? parseSeeds('--train-seeds', args.quick ? QUICK_TRAIN : TRAIN_DEFAULT);
  const testSeeds = args.test ?? parseSeeds('--test-seeds', args.quick ? QUICK_TEST : TEST_DEFAULT);
  const shared = trainSeeds.filter((s) => testSeeds.includes(s));
  if (shared.length > 0)
    throw new UsageError(
      `${PROG}: --test-seeds must be disjoint from --train-seeds (both hold ${shared.length === 1 ? 'seed' : 'seeds'} ${shared.slice(0, 5).join(', ')}${shared.length > 5 ? ', …' : ''})`,
    );
  const selectSeeds = args.select ?? parseSeeds('--select-seeds', args.quick ? QUICK_SELECT : SELECT_DEFAULT);
  const clash = selectSeeds.filter((s) => trainSeeds.includes(s) || testSeeds.includes(s));
  if (clash.length > 0)
    throw new UsageError(
      `${PROG}: --select-seeds must be disjoint from --train-seeds and --test-seeds (seed ${clash[0]} is in both)`,
    );
  const budget = args.budget ?? (args.quick ? QUICK_BUDGET : DEFAULT_BUDGET);

  const bar = process.stdout.isTTY ? new ProgressLine() : null;
  const report = await runBalance(
    {
      levelId: level.id,
      companies,
      trainSeeds,
      testSeeds,
      selectSeeds,
      budget,
      searchSeed: args.searchSeed,
      workers: args.workers,
    },
    (done, total, phase) =>
      bar?.show(() => `${phase}  ${done}/${total} games  ${bar.seconds}s`, done / Math.max(1, total)),
  );
  bar?.clear();
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
}

runCliAsync(main);
