// Verifies replay codes by re-simulating them: one line per code ("valid" and a summary, or the
// reason it was refused), or one JSON document with --json. Exit code 0 only when every code is
// valid; 1 when some is not; 2 for a usage error (as the other scripts).
//   npm run --silent verify -- ST2.… [more codes or files]
//   npm run --silent verify -- class.csv --rank --csv ranked.csv
// A file holds one code per line (optionally with a name), or is a CSV/TSV table whose header has
// a `code` column and maybe a `name` column. With no argument, codes are read from stdin.
// Input is read as a stream, so a file of any size is verified in bounded memory: without --rank
// each row is printed as soon as it is verified; with --rank a compact record per row is kept and
// the ranked table printed at the end. See "Command-line tools" in docs/robustness.md.

import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { StreamEntry } from '../src/app/code-stream';
import { CodeListReader } from '../src/app/code-stream';
import { findLevel } from '../src/app/levels';
import type { ClassRow } from '../src/app/verify';
import { CSV_HEADER, csvRow } from '../src/app/verify';
import { PAR_RUNS, setStateFreezing } from '../src/engine/index';
import { runCliAsync, UsageError } from './cli-args';
import {
  checkOutputFile,
  inputFileSize,
  looksLikeCode,
  looksLikePath,
  Output,
  pathError,
  reasonOf,
} from './cli-io';
import { printable, printableJson } from './printable';
import { ProgressLine } from './progress';
import { ClassStream } from './verify-stream';

const PROG = 'verify';

const USAGE = `usage: npm run --silent verify -- [options] <code | file | ->...

Re-simulates replay codes and prints one line per code: "valid" and a summary, or why it was
refused. Exit code 0 only when every code is valid. A file holds one code per line (a name may
stand before or after it) or is a CSV/TSV table with a "code" column (and a "name" column).
With no code or file, or with "-", reads stdin. Files of any size are read as a stream.

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
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      const v = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${PROG}: missing value for ${name}`);
      if (v === '') throw new UsageError(`${PROG}: empty value for ${name}`);
      return v;
    };
    const noValue = () => {
      if (eq > 0) throw new UsageError(`${PROG}: flag ${name} takes no value (got "${arg}")`);
    };
    if (name === '--help') return null;
    else if (name === '--json') {
      noValue();
      a.json = true;
    } else if (name === '--rank') {
      noValue();
      a.rank = true;
    } else if (name === '--csv') {
      a.csv = value();
      a.rank = true;
    } else if (name === '--runs')
      throw new UsageError(`${PROG}: --runs is gone: par is always ${PAR_RUNS} reference runs (use --rank)`);
    else if (arg.startsWith('--'))
      throw new UsageError(`${PROG}: unknown flag "${name}" (valid: --json, --rank, --csv, --help)`);
    else a.inputs.push(arg);
  }
  return a;
}

// --- Inputs -----------------------------------------------------------------------------------------

/** Where codes come from: stdin, a file (checked before any work) or a code given as an argument. */
type Source =
  | { kind: 'stdin' }
  | { kind: 'file'; path: string; size: number }
  | { kind: 'code'; code: string };

function sourcesOf(inputs: readonly string[]): Source[] {
  if (inputs.length === 0) {
    if (process.stdin.isTTY)
      throw new UsageError(`${PROG}: give codes or files (or pipe codes in); see --help`);
    return [{ kind: 'stdin' }];
  }
  return inputs.map((input): Source => {
    if (input === '-') return { kind: 'stdin' };
    if (looksLikeCode(input)) return { kind: 'code', code: input };
    const size = inputFileSize(PROG, input);
    if (size !== null) return { kind: 'file', path: input, size };
    if (looksLikePath(input)) throw pathError(PROG, 'cannot read', input, 'no such file');
    // Neither a file nor shaped like one: a code (refused, with the reason, if it is not one).
    return { kind: 'code', code: input };
  });
}

/** The text of a source, piece by piece, with the bytes read so far (for the progress bar). */
async function* piecesOf(source: Source & { kind: 'stdin' | 'file' }): AsyncGenerator<string> {
  const stream: Readable =
    source.kind === 'stdin' ? process.stdin : createReadStream(source.path, { highWaterMark: 1 << 16 });
  stream.setEncoding('utf8');
  try {
    for await (const piece of stream as AsyncIterable<string>) yield piece;
  } catch (e) {
    const name = source.kind === 'stdin' ? '(stdin)' : source.path;
    throw pathError(PROG, 'cannot read', name, reasonOf(e));
  }
}

// --- Output -----------------------------------------------------------------------------------------

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
const label = (r: { name: string; index: number }) => printable(r.name) || `#${r.index + 1}`;
/** Labels are padded to the widest, up to this many columns. */
const LABEL_COLUMNS = 24;

function summary(r: ClassRow): string {
  if (r.status !== 'valid') return r.message;
  const parts = [
    r.company ?? '?',
    r.ending === 'unfinished' ? `unfinished at ${r.endQuarter}` : `${r.ending} in ${r.endQuarter}`,
  ];
  // A game that played on: its ending came after made it.
  if (r.playedOn) parts.push(`made it in ${r.madeItQuarter}, played on`);
  parts.push(`score ${r.score}`);
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

interface Widths {
  status: number;
  label: number;
}

function widthsOf(rows: Iterable<{ status: string; name: string; index: number }>): Widths {
  const w: Widths = { status: 0, label: 0 };
  for (const r of rows) {
    w.status = Math.max(w.status, r.status.length);
    if (w.label < LABEL_COLUMNS) w.label = Math.min(LABEL_COLUMNS, Math.max(w.label, displayWidth(label(r))));
  }
  return w;
}

/** One line of the table, every character from the input written out printable. */
function textLine(r: ClassRow, w: Widths, ranked: boolean): string {
  const rank = ranked ? `${(r.rank === null ? '-' : String(r.rank)).padStart(4)}  ` : '';
  return `${printable(`${rank}${r.status.padEnd(w.status)}  ${pad(label(r), w.label)}  ${summary(r)}`)}\n`;
}

/**
 * Rows as they stream, without ranking: the first ones are held (up to HOLD_ROWS, or HOLD_MS)
 * only to size the columns; later rows use those widths (a longer name just overflows its column).
 */
const HOLD_ROWS = 1000;
const HOLD_MS = 1000;

/** One JSON document written piece by piece: { "rows": [...], "ok": …, "counts": … }. */
class JsonRows {
  private n = 0;
  constructor(private readonly out: Output) {}
  row(r: ClassRow): void {
    const body = JSON.stringify(r, null, 2).replace(/\n/g, '\n    ');
    this.out.write(printableJson(`${this.n++ === 0 ? '{\n  "rows": [\n' : ',\n'}    ${body}`));
  }
  end(ok: boolean, counts: Record<string, number>): void {
    const rest = JSON.stringify({ ok, counts }, null, 2).slice(1); // without its opening brace
    this.out.write(`${this.n === 0 ? '{\n  "rows": []' : '\n  ]'},${rest}\n`);
  }
}

/** Prints rows as they are verified (without --rank): JSON, or text lines once the columns are sized. */
class RowPrinter {
  private readonly started = Date.now();
  private held: ClassRow[] | null;
  private widths: Widths | null = null;

  constructor(
    private readonly out: Output,
    private readonly json: JsonRows | null,
  ) {
    this.held = json ? null : [];
  }

  row(row: ClassRow): void {
    if (this.json) this.json.row(row);
    else if (this.held) {
      this.held.push(row);
      if (this.held.length >= HOLD_ROWS || Date.now() - this.started >= HOLD_MS) this.release();
    } else this.out.write(textLine(row, this.widths!, false));
  }

  /** While the input is slow to come, the held rows are printed anyway once HOLD_MS has passed. */
  tick(): void {
    if (this.held && Date.now() - this.started >= HOLD_MS) this.release();
  }

  /** Sizes the columns on the rows held so far and prints them. */
  release(): void {
    if (!this.held) return;
    this.widths = widthsOf(this.held);
    for (const r of this.held) this.out.write(textLine(r, this.widths, false));
    this.held = null;
  }
}

// --- Main -------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    process.stdout.write(USAGE);
    return 0;
  }
  const sources = sourcesOf(args.inputs);
  if (args.csv) checkOutputFile(PROG, '--csv', args.csv);
  setStateFreezing(false);

  const out = new Output();
  const bar = new ProgressLine();
  if (process.stdout.isTTY) out.beforeWrite = () => bar.clear();
  const classStream = new ClassStream({ getLevel: findLevel, rank: args.rank });
  const json = args.json ? new JsonRows(out) : null;
  const printer = args.rank ? null : new RowPrinter(out, json);
  const knownSize = sources.every((s) => s.kind !== 'stdin');
  const totalBytes = sources.reduce((n, s) => n + (s.kind === 'file' ? s.size : 0), 0);
  const bytes: BytesRead = { before: 0, now: 0 };
  const showProgress = () =>
    bar.show(
      () =>
        `${classStream.rows.toLocaleString('en')} rows · ${classStream.verified.toLocaleString('en')} distinct codes verified · ${bar.seconds} s`,
      knownSize && totalBytes > 0 ? (bytes.before + bytes.now) / totalBytes : null,
    );
  const take = (e: StreamEntry) => {
    const { row } = classStream.add(e);
    showProgress();
    printer?.row(row);
  };

  // While the input is slow to come, what is verified is printed anyway, every quarter second.
  const ticker = setInterval(() => {
    printer?.tick();
    void out.flush();
  }, 250);
  ticker.unref();
  await readSources(sources, take, out, bytes);
  clearInterval(ticker);
  if (classStream.rows === 0) {
    bar.clear();
    throw new UsageError(`${PROG}: no codes found in the input`);
  }

  if (args.rank) await printRanked(classStream, json, out, bar);
  else printer?.release();
  const allValid = classStream.counts.valid === classStream.rows;
  json?.end(allValid, classStream.counts);
  await out.flush();
  bar.clear();

  // The CSV last: whatever happens to it, the results are already on stdout.
  if (args.csv) {
    try {
      writeCsv(args.csv, classStream);
    } catch (e) {
      throw new UsageError(
        `${PROG}: cannot write --csv "${printable(args.csv)}": ${reasonOf(e)} (the results printed above are complete)`,
      );
    }
  }
  return allValid ? 0 : 1;
}

/** Bytes of the input read: in the sources done, and in the one being read (for the progress bar). */
interface BytesRead {
  before: number;
  now: number;
}

/** Every entry of every source, in order, handed to `take` (a file's unnamed entries named by their line). */
async function readSources(
  sources: readonly Source[],
  take: (e: StreamEntry) => void,
  out: Output,
  bytes: BytesRead,
): Promise<void> {
  let position = 0;
  for (const source of sources) {
    if (source.kind === 'code') {
      take({ name: '', code: source.code, line: ++position });
      continue;
    }
    const reader = new CodeListReader();
    const named = (e: StreamEntry): StreamEntry =>
      source.kind === 'file' && !e.name ? { ...e, name: `${source.path}:${e.line}` } : e;
    bytes.now = 0;
    for await (const piece of piecesOf(source)) {
      bytes.now += Buffer.byteLength(piece);
      for (const e of reader.push(piece)) {
        position++;
        take(named(e));
      }
      if (out.full) await out.flush();
    }
    for (const e of reader.end()) {
      position++;
      take(named(e));
    }
    bytes.before += bytes.now;
    bytes.now = 0;
  }
}

/** With --rank: the pars, then the ranked table. */
async function printRanked(
  classStream: ClassStream,
  json: JsonRows | null,
  out: Output,
  bar: ProgressLine,
): Promise<void> {
  await classStream.rankAll((done, total) =>
    bar.show(
      () => `pars ${done}/${total} (${PAR_RUNS} reference games each) · ${bar.seconds} s`,
      total ? done / total : 1,
      true,
    ),
  );
  const w = json ? null : widthsOf(classStream.keptLabels());
  for (const { row } of classStream.ranked()) {
    if (json) json.row(row);
    else out.write(textLine(row, w!, true));
    if (out.full) await out.flush();
  }
}

/** Writes the ranked table as CSV, a megabyte at a time. */
function writeCsv(path: string, classStream: ClassStream): void {
  const fd = openSync(path, 'w');
  try {
    let buf = CSV_HEADER;
    for (const { row, first } of classStream.ranked()) {
      buf += csvRow(row, first?.line ?? null);
      if (buf.length >= 1 << 20) {
        writeSync(fd, buf);
        buf = '';
      }
    }
    writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
}

runCliAsync(main);
