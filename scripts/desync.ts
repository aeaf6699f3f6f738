// Desync detector for development: given two replay codes (or files holding one each, or "-" for
// stdin), re-plays both side by side and prints the first quarter and the first state path where
// they differ.
//   npm run --silent desync -- <codeA | fileA | -> <codeB | fileB | ->
// Exit code 0 when the runs agree, 1 when they diverge, 2 for a usage error or a code that is no
// game to compare: unreadable, for other rules or levels, or with a command the rules refuse
// (named, with its reason). A tampered code (forged hashes) is compared: that is what this is for.

import { readFileSync } from 'node:fs';
import { findLevel } from '../src/app/levels';
import { decodeReplay, extractCode, verifyDecoded } from '../src/app/replay-code';
import { createGame, findDivergence, quarterLabel, setStateFreezing } from '../src/engine/index';
import { runCliAsync, UsageError } from './cli-args';
import { inputFileSize, looksLikeCode, looksLikePath, pathError, readAllText } from './cli-io';
import { printable } from './printable';

const PROG = 'desync';
/** A file bigger than this holds no replay code (a code is at most about 100 KB). */
const MAX_CODE_FILE = 10 << 20;

const USAGE = `usage: npm run --silent desync -- <codeA | fileA | -> <codeB | fileB | ->

Re-plays two replay codes side by side and prints the first quarter and the first state path
where they differ. Exit code 0 when the runs agree, 1 when they diverge, 2 for a usage error or
a code that is not a game to compare (unreadable, or with a command the rules refuse).
`;

/** The text holding one code: the argument itself, a file's contents, or stdin. */
async function textOf(arg: string, which: string): Promise<string> {
  const tooBig = () => new UsageError(`${PROG}: code ${which}: the input is too big to hold a replay code`);
  if (arg === '-') return readAllText(process.stdin, MAX_CODE_FILE, tooBig);
  if (looksLikeCode(arg)) return arg;
  const size = inputFileSize(PROG, arg);
  if (size === null) {
    if (looksLikePath(arg)) throw pathError(PROG, 'cannot read', arg, 'no such file');
    return arg;
  }
  if (size > MAX_CODE_FILE) throw tooBig();
  return readFileSync(arg, 'utf8');
}

/** A run to compare: the code decoded and checked, or a usage error saying which code and why. */
async function runOf(arg: string, which: 'A' | 'B') {
  const decoded = decodeReplay(extractCode(await textOf(arg, which)), findLevel);
  if (!decoded.ok) throw new UsageError(`${PROG}: code ${which} is ${decoded.status}: ${decoded.message}`);
  const { replay } = decoded;
  // Only a tampered code (its hashes forged) is worth comparing; a command the rules refuse
  // would be skipped by the side-by-side run and show up as a false "divergence".
  const checked = verifyDecoded(replay, findLevel);
  if (checked.status !== 'valid' && checked.status !== 'tampered')
    throw new UsageError(
      `${PROG}: code ${which} is not a game to compare: ${checked.status}: ${checked.message}`,
    );
  const level = findLevel(replay.levelId)!;
  const created = createGame(level, replay.seed, replay.company);
  if (!created.ok) throw new UsageError(`${PROG}: code ${which}: ${created.error.message}`);
  return { level, start: created.state, log: replay.log };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const flag = args.find((a) => a.startsWith('--'));
  if (flag) throw new UsageError(`${PROG}: unknown flag "${flag}" (valid: --help)`);
  if (args.length !== 2)
    throw new UsageError(
      `${PROG}: give two codes (or files, or - for stdin), got ${args.length}; see --help`,
    );
  if (args[0] === '-' && args[1] === '-')
    throw new UsageError(`${PROG}: stdin can hold only one of the codes`);
  setStateFreezing(false);
  const a = await runOf(args[0]!, 'A');
  const b = await runOf(args[1]!, 'B');
  const d = findDivergence(a.level, a.start, a.log, b.level, b.start, b.log);
  if (!d) {
    process.stdout.write('the two runs agree in every quarter\n');
    return 0;
  }
  const when =
    d.turn < 0 ? 'before the first quarter (different worlds)' : `in ${quarterLabel(a.level, d.turn)}`;
  const lines = [
    `first divergence ${when}: ${d.path ?? '(hashes only)'}`,
    `  A: ${JSON.stringify(d.a)}`,
    `  B: ${JSON.stringify(d.b)}`,
  ];
  process.stdout.write(lines.map((l) => `${printable(l)}\n`).join(''));
  return 1;
}

runCliAsync(main);
