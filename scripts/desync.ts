// Desync detector for development: given two replay codes (or files holding one each), re-plays
// both side by side and prints the first quarter and the first state path where they differ.
//   npm run --silent desync -- <codeA | fileA> <codeB | fileB>
// Exit code 0 when the runs agree, 1 when they diverge, 2 for a usage error or a bad code.

import { existsSync, readFileSync } from 'node:fs';
import { findLevel } from '../src/app/levels';
import { decodeReplay, extractCode } from '../src/app/replay-code';
import { createGame, findDivergence, quarterLabel } from '../src/engine/index';

function fail(message: string): never {
  process.stderr.write(`desync: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.length !== 2 || args.includes('--help'))
  fail('usage: npm run --silent desync -- <codeA | fileA> <codeB | fileB>');

const runs = args.map((arg, i) => {
  const text = existsSync(arg) ? readFileSync(arg, 'utf8') : arg;
  const decoded = decodeReplay(extractCode(text), findLevel);
  if (!decoded.ok) fail(`code ${i === 0 ? 'A' : 'B'}: ${decoded.status}: ${decoded.message}`);
  const { replay } = decoded;
  const level = findLevel(replay.levelId)!;
  const created = createGame(level, replay.seed, replay.company);
  if (!created.ok) fail(`code ${i === 0 ? 'A' : 'B'}: ${created.error.message}`);
  return { level, start: created.state, log: replay.log };
});
const [a, b] = runs as [(typeof runs)[number], (typeof runs)[number]];
const d = findDivergence(a.level, a.start, a.log, b.level, b.start, b.log);
if (!d) {
  process.stdout.write('the two runs agree in every quarter\n');
  process.exit(0);
}
const when =
  d.turn < 0 ? 'before the first quarter (different worlds)' : `in ${quarterLabel(a.level, d.turn)}`;
process.stdout.write(
  `first divergence ${when}: ${d.path ?? '(hashes only)'}\n  A: ${JSON.stringify(d.a)}\n  B: ${JSON.stringify(d.b)}\n`,
);
process.exit(1);
