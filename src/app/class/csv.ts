// A class's table as CSV for a spreadsheet: the columns, field quoting (and the apostrophe that
// keeps a spreadsheet from running a field as a formula), the byte-order mark and CRLF line ends.
// Browser-safe: no node: imports.

import type { ClassRow } from './rows';

export const CSV_COLUMNS = [
  'rank',
  'name',
  'status',
  'company',
  'ending',
  'end quarter',
  'score (万元)',
  'par (万元)',
  'par difference (万元)',
  'percentile among par runs',
  'avg pretraining share %',
  'API price ÷ market',
  'price-war response',
  'price-war card choice',
  'funding raised (万元)',
  'level',
  'seed',
  'forked from',
  'duplicate of line',
  'message',
  'final hash',
  'code',
  'line',
  // Added later, so at the end: the score's parts (equity + honours = score)…
  'equity (万元)',
  'honours (万元)',
  // …and made it: the quarter it was made in (whatever the ending), and whether the player played
  // on after it (then "ending" is what came later).
  'made it in',
  'played on',
] as const;

/**
 * A CSV field: quoted when it holds a delimiter, quote or line break; text that a spreadsheet
 * would run as a formula (=, +, -, @ first) gets a leading apostrophe.
 */
export function csvField(value: string | number | null | undefined, text = true): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\r\n\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const round = (x: number | null | undefined, digits: number) =>
  x === null || x === undefined ? null : Number(x.toFixed(digits));

/**
 * The table as CSV text: UTF-8 byte-order mark first (so spreadsheet programs read Chinese names
 * right), CRLF line ends, one row per code in the given order. Save it as UTF-8.
 */
export function classCsv(rows: readonly ClassRow[]): string {
  const lineOf = new Map(rows.map((r) => [r.index, r.line]));
  let out = CSV_HEADER;
  for (const r of rows) out += csvRow(r, r.duplicateOf === null ? null : (lineOf.get(r.duplicateOf) ?? null));
  return out;
}

/** classCsv's first line: the byte-order mark and the column names. */
export const CSV_HEADER = `\uFEFF${CSV_COLUMNS.map((c) => csvField(c)).join(',')}\r\n`;

/**
 * One row of classCsv's table (with its CRLF), given the line of the first row holding the same
 * game (a stream of rows, which does not hold the whole table, passes it in).
 */
export function csvRow(r: ClassRow, firstLine: number | null): string {
  const d = r.decisions;
  const cells: string[] = [
    csvField(r.rank, false),
    csvField(r.name),
    csvField(r.status),
    csvField(r.company),
    csvField(r.ending),
    csvField(r.endQuarter),
    csvField(r.score, false),
    csvField(r.par, false),
    csvField(r.parDifference, false),
    csvField(round(r.percentile, 1), false),
    csvField(round(d?.avgPretrainingShare === null || !d ? null : d.avgPretrainingShare * 100, 1), false),
    csvField(round(d?.priceRatio, 3), false),
    csvField(d?.priceWarResponse),
    csvField(d?.priceWarChoice),
    csvField(d?.fundingRaised, false),
    csvField(r.levelId === null ? null : `${r.levelId} v${r.levelVersion}`),
    csvField(r.seed, false),
    csvField(r.forkedFrom ? `${r.forkedFrom.parentHash} after ${r.forkedFrom.turn} quarters` : null),
    csvField(firstLine, false),
    csvField(r.message),
    csvField(r.finalHash),
    csvField(r.code),
    csvField(r.line, false),
    csvField(r.equity, false),
    csvField(r.honours, false),
    csvField(r.madeItQuarter),
    csvField(r.playedOn === null ? null : r.playedOn ? 'yes' : 'no'),
  ];
  return `${cells.join(',')}\r\n`;
}
