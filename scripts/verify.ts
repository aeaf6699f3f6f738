// Verifies replay codes by re-simulating them: one line per code ("valid" and a summary, or the
// reason it was refused), or one JSON document with --json. Exit code 0 only when every code is
// valid; 1 when some is not; 2 for a usage error (as the other scripts).
//   npm run --silent verify -- ST1.… [more codes or files]
//   npm run --silent verify -- class.csv --rank --csv ranked.csv
// A file holds one code per line (optionally with a name), or is a CSV/TSV table whose header has
// a `code` column and maybe a `name` column. With no argument, codes are read from stdin.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { findLevel } from '../src/app/levels';
import type { ClassRow, CodeEntry } from '../src/app/verify';
import { classCsv, parseCodeList, verifyClass } from '../src/app/verify';
import { PAR_RUNS, setStateFreezing } from '../src/engine/index';
import { runCliAsync, UsageError } from './cli-args';

const PROG = 'verify';

const USAGE = `usage: npm run --silent verify -- [options] <code | file>...

Re-simulates replay codes and prints one line per code: "valid" and a summary, or why it was
refused. Exit code 0 only when every code is valid. A file holds one code per line (a name may
stand before or after it) or is a CSV/TSV table with a "code" column (and a "name" column).
With no code or file, reads stdin.

options:
  --json         print one JSON document instead of lines
  --rank         score each game against par (the median of ${PAR_RUNS} reference strategies on its
                 seed and company) and list the valid games ranked by percentile among them
  --csv <file>   also write the ranked table as CSV (UTF-8 with BOM); implies --rank
  --help         print this help
`;

interface Args {
  json: boolean;
  rank: boolean;
  csv: string | null;
  inputs: string[];
}

function parseArgs(argv: readonly string[]): Args | null {
  const a: Args = { json: false, rank: false, csv: null, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${PROG}: missing value for ${arg}`);
      return v;
    };
    if (arg === '--help') return null;
    else if (arg === '--json') a.json = true;
    else if (arg === '--rank') a.rank = true;
    else if (arg === '--csv') {
      a.csv = value();
      a.rank = true;
    } else if (arg === '--runs')
      throw new UsageError(`${PROG}: --runs is gone: par is always ${PAR_RUNS} reference runs (use --rank)`);
    else if (arg.startsWith('--'))
      throw new UsageError(`${PROG}: unknown flag "${arg}" (valid: --json, --rank, --csv, --help)`);
    else a.inputs.push(arg);
  }
  return a;
}

const looksLikeCode = (s: string) => /^ST\d+\./.test(s) || /[?#&]replay=/.test(s);
const looksLikeFile = (s: string) => /\.(txt|csv|tsv|list)$/i.test(s) || s.includes('/') || s.includes('\\');

function readEntries(inputs: readonly string[]): CodeEntry[] {
  if (inputs.length === 0) {
    if (process.stdin.isTTY)
      throw new UsageError(`${PROG}: give codes or files (or pipe codes in); see --help`);
    return parseCodeList(readFileSync(0, 'utf8'));
  }
  const out: CodeEntry[] = [];
  for (const input of inputs) {
    if (input === '-') out.push(...parseCodeList(readFileSync(0, 'utf8')));
    else if (!looksLikeCode(input) && existsSync(input)) {
      let text: string;
      try {
        text = readFileSync(input, 'utf8');
      } catch (e) {
        throw new UsageError(`${PROG}: cannot read "${input}": ${(e as Error).message}`);
      }
      out.push(...parseCodeList(text).map((e) => ({ ...e, name: e.name || `${input}:${e.line}` })));
    } else if (!looksLikeCode(input) && looksLikeFile(input))
      throw new UsageError(`${PROG}: no such file "${input}"`);
    else out.push({ name: '', code: input, line: out.length + 1 });
  }
  return out;
}

/** Terminal columns of a string: East Asian wide characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));

function summary(r: ClassRow): string {
  if (r.status !== 'valid') return r.message;
  const parts = [
    r.company ?? '?',
    r.ending === 'unfinished' ? `unfinished at ${r.endQuarter}` : `${r.ending} in ${r.endQuarter}`,
    `score ${r.score}`,
  ];
  if (r.parDifference !== null)
    parts.push(`par difference ${r.parDifference >= 0 ? '+' : ''}${r.parDifference} (par ${r.par})`);
  if (r.percentile !== null) parts.push(`percentile ${r.percentile.toFixed(1)}`);
  const d = r.decisions;
  if (d) {
    if (d.avgPretrainingShare !== null)
      parts.push(`pretraining ${(d.avgPretrainingShare * 100).toFixed(0)}%`);
    if (d.priceRatio !== null) parts.push(`${d.priceWarQuarter} price ${d.priceRatio.toFixed(2)}× market`);
  }
  parts.push(`${r.levelId} v${r.levelVersion} seed ${r.seed}`);
  if (r.forkedFrom) parts.push(`fork of ${r.forkedFrom.parentHash} after ${r.forkedFrom.turn} quarters`);
  if (r.duplicateOf !== null) parts.push(`same game as code #${r.duplicateOf + 1}`);
  return parts.join(' · ');
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    process.stdout.write(USAGE);
    return 0;
  }
  const entries = readEntries(args.inputs);
  if (entries.length === 0) throw new UsageError(`${PROG}: no codes found in the input`);
  setStateFreezing(false);
  const { rows, counts } = await verifyClass(entries, findLevel, {
    percentiles: args.rank,
    sliceMs: 0,
  });
  const shown = args.rank ? rows : [...rows].sort((a, b) => a.index - b.index);
  const allValid = counts.valid === rows.length;
  if (args.csv) writeFileSync(args.csv, classCsv(rows), 'utf8');
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ ok: allValid, counts, rows: shown }, null, 2)}\n`);
  } else {
    const width = Math.max(...shown.map((r) => r.status.length));
    const label = (r: ClassRow) => r.name || `#${r.index + 1}`;
    const lw = Math.min(24, Math.max(...shown.map((r) => displayWidth(label(r)))));
    for (const r of shown) {
      const rank = args.rank ? `${(r.rank === null ? '-' : String(r.rank)).padStart(4)}  ` : '';
      process.stdout.write(`${rank}${r.status.padEnd(width)}  ${pad(label(r), lw)}  ${summary(r)}\n`);
    }
  }
  return allValid ? 0 : 1;
}

runCliAsync(main);
