// The instructor's tools, shared by the in-game instructor view and `npm run verify`: read a batch
// of replay codes (pasted, or a text/CSV file with a student-name column), verify each by
// re-simulation, score each finished game against par (the median of a fixed set of reference
// strategies played on the same level, seed and company: src/engine/par.ts) and rank them by their
// percentile among those reference runs (world by world; a game handed in twice is ranked once),
// pull out a few key decisions, and export the table as CSV.
// Browser-safe: no node: imports. Nothing here throws on bad input.

import type { Par } from '../engine/index';
import { PAR_RUNS, playerOf, scoreParts, standingOf } from '../engine/index';
import type { Level } from '../engine/level';
import { quarterLabel } from '../engine/level';
import type { EndingKind, GameState } from '../engine/types';
import type { ParWorld } from './class-pars';
import { ClassPars } from './class-pars';
import type { ParCache } from './par';
import { PAR_MEMO, parKey } from './par';
import type { Scheduler, Slicer } from './slicer';
import { slicer } from './slicer';

export type { Scheduler } from './slicer';

import type {
  Branch,
  DecodeResult,
  LevelLookup,
  RefusalReason,
  ReplayStatus,
  VerifyOutcome,
} from './replay-code';
import { decodeReplay, REPLAY_STATUSES, startVerification } from './replay-code';

// ---------------------------------------------------------------------------------------------
// Reading a batch

export interface CodeEntry {
  /** The student's name ('' when the input has none). */
  name: string;
  code: string;
  /** 1-based line of the input it came from. */
  line: number;
}

const CODE_HEADERS = [
  'code',
  'replay code',
  'replaycode',
  'replay_code',
  'replay',
  '代码',
  '回放代码',
  '回放码',
];
const NAME_HEADERS = [
  'name',
  'student',
  'student name',
  'student_name',
  'studentname',
  '姓名',
  '名字',
  '学生',
  '学生姓名',
];
const ID_HEADERS = ['id', 'student id', 'student_id', '学号'];
const CODE_IN_TEXT = /(?:https?:\/\/\S*?[?#&]replay=)?ST\d+\.[A-Za-z0-9_-]+/;

/** RFC 4180 rows: quoted fields may hold the delimiter, doubled quotes and line breaks. */
export function parseCsv(text: string, delimiter = ','): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ cells, line: rowLine });
  }
  return rows;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** How a code list is laid out: a table with a code column, or one code per line. */
export interface CodeListLayout {
  delimiter: string;
  /** The header's cells (normalised) when the list is a table with a code column; null for one code per line. */
  header: string[] | null;
  codeCol: number;
  nameCol: number;
  idCol: number;
}

/** The line that decides a list's layout is its first one that is neither blank nor a # comment. */
export const isLayoutLine = (line: string): boolean => line.trim() !== '' && !line.trim().startsWith('#');

/** The layout of a code list, read from its first layout line ('' when it has none). */
export function codeListLayout(firstLine: string): CodeListLayout {
  const delimiter = firstLine.includes('\t')
    ? '\t'
    : !firstLine.includes(',') && firstLine.includes(';')
      ? ';'
      : ',';
  const head = parseCsv(firstLine, delimiter)[0]?.cells.map(norm) ?? [];
  const codeCol = head.findIndex((h) => CODE_HEADERS.includes(h));
  return {
    delimiter,
    header: codeCol >= 0 ? head : null,
    codeCol,
    nameCol: head.findIndex((h) => NAME_HEADERS.includes(h)),
    idCol: head.findIndex((h) => ID_HEADERS.includes(h)),
  };
}

/** Whether a table row is the header itself. */
export const isHeaderRow = (layout: CodeListLayout, cells: readonly string[]): boolean =>
  layout.header !== null && cells.map(norm).join('\u0000') === layout.header.join('\u0000');

/** The entry of a table row below the header, or null for an empty or # comment row. */
export function entryOfRow(layout: CodeListLayout, cells: readonly string[], line: number): CodeEntry | null {
  const code = (cells[layout.codeCol] ?? '').trim();
  const name = (cells[layout.nameCol] || cells[layout.idCol] || '').trim();
  if (code === '' && name === '') return null;
  if (cells.length === 1 && cells[0]!.trim().startsWith('#')) return null;
  return { name, code, line };
}

/**
 * Text that was probably meant as a code even though it is not one (cut short, its prefix lost):
 * 16 or more characters in a row of the kind a code or a link to one is made of. No name is.
 */
const CODE_LIKE = /[A-Za-z0-9._~:/?#&=%+-]{16,}/;
/** A short word of a code's characters alone on its line: a code cut short, or a name; taken as a code. */
const ONE_WORD = /^[A-Za-z0-9._~:/?#&=%+-]+$/;
/** A name without the separators around it (ASCII and full-width). */
const trimName = (s: string) => s.replace(/^[\s,;:|"'\-，；：、]+|[\s,;:|"'\-，；：、]+$/g, '').trim();

/**
 * The entry of one line of a plain list (a code, maybe with a name), or null for a blank or # comment
 * line. A line with no code in it keeps its text as the name ("Li Wei," or "王小明：" is a student
 * who handed in nothing), unless it is one short word, which may be a code cut short.
 */
export function entryOfLine(raw: string, line: number): CodeEntry | null {
  const l = raw.trim();
  if (l === '' || l.startsWith('#')) return null;
  const m = CODE_IN_TEXT.exec(l) ?? CODE_LIKE.exec(l);
  if (m) return { name: trimName(l.slice(0, m.index) + l.slice(m.index + m[0].length)), code: m[0], line };
  const name = trimName(l);
  if (ONE_WORD.test(l) || name === '') return { name: '', code: l, line };
  return { name, code: '', line };
}

/**
 * The codes in a pasted text or an uploaded file: a CSV (or tab-separated) table whose header
 * has a `code` column (and maybe a name column), or else one code per line, optionally with a
 * name before or after it. Blank lines and lines starting with # are skipped. (src/app/code-stream.ts
 * reads the same from a stream, in bounded memory.)
 */
export function parseCodeList(text: string): CodeEntry[] {
  const src = text.replace(/^\uFEFF/, '');
  const layout = codeListLayout(src.split(/\r?\n/).find(isLayoutLine) ?? '');
  const out: CodeEntry[] = [];
  if (layout.header) {
    const rows = parseCsv(src, layout.delimiter);
    const headerAt = rows.findIndex((r) => isHeaderRow(layout, r.cells));
    for (const r of rows.slice(headerAt + 1)) {
      const e = entryOfRow(layout, r.cells, r.line);
      if (e) out.push(e);
    }
    return out;
  }
  src.split(/\r?\n/).forEach((raw, i) => {
    const e = entryOfLine(raw, i + 1);
    if (e) out.push(e);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// One code

export type PriceWarResponse = 'undercut' | 'matched' | 'premium';

export interface KeyDecisions {
  /** Mean over the quarters played of the share of spend that bought pretraining compute, 0..1. */
  avgPretrainingShare: number | null;
  /** The quarter whose prices are compared (the price war's peak in the historical level). */
  priceWarQuarter: string;
  /** The player's API price ÷ the market's demand-weighted price in that quarter. */
  priceRatio: number | null;
  /** undercut (< 0.8 × market), matched, or premium (> 1.25 × market). */
  priceWarResponse: PriceWarResponse | null;
  /** The answer to the "price-war" event card, if it came up. */
  priceWarChoice: string | null;
  /** Money raised in funding rounds over the game, 万元. */
  fundingRaised: number;
}

export interface ClassRow {
  /** Position in the input (0-based). */
  index: number;
  line: number;
  name: string;
  code: string;
  status: ReplayStatus;
  /** One line in English (for the CSV and the command line): a valid game's summary or why the code was refused. */
  message: string;
  /** Why the code was refused, as data to word in the player's language (null when valid). */
  reason: RefusalReason | null;
  /** Set when par could not be computed because a reference run failed (an engine bug). */
  baselineError: string | null;
  levelId: string | null;
  levelVersion: number | null;
  seed: number | null;
  company: string | null;
  /** How the game ended; 'unfinished' for a code exported mid-game. */
  ending: EndingKind | 'unfinished' | null;
  endQuarter: string | null;
  score: number | null;
  /**
   * The score's parts (the engine's scoreParts), whole 万元 adding up to it: the founders' share of
   * what the ending prices the company at (today's mark for an unfinished game)…
   */
  equity: number | null;
  /** …and the honours (made it, frontier fame). Valid games only. */
  honours: number | null;
  /** Par of the game's world: the median reference score, 万元 (finished valid games only). */
  par: number | null;
  /** Score − par, 万元 (finished valid games only). */
  parDifference: number | null;
  /** Percentile 0..100 among the world's reference runs, ties counting half (finished valid games only). */
  percentile: number | null;
  /**
   * 1 = best among the games of the same world (level and seed: classOrder); ties share a rank.
   * Finished valid games only, and not a duplicate (it is listed under the first submission).
   */
  rank: number | null;
  decisions: KeyDecisions | null;
  finalHash: string | null;
  /** Set when the game is a fork of another. */
  forkedFrom: Branch | null;
  /** Index of an earlier row holding the very same game (a copied code), or null. */
  duplicateOf: number | null;
}

export const PRICE_WAR_QUARTER = '2024Q3';

/** The key decisions of a verified game. */
export function keyDecisions(
  level: Level,
  state: GameState,
  priceWarQuarter = PRICE_WAR_QUARTER,
): KeyDecisions {
  const me = playerOf(state);
  let sum = 0;
  let n = 0;
  let priceRatio: number | null = null;
  let priceWarChoice: string | null = null;
  for (const rec of state.history) {
    const c = rec.companies.find((x) => x.id === me.id);
    if (!c) continue;
    sum += c.pretrainingShare;
    n++;
    if (
      rec.quarter === priceWarQuarter &&
      level.markets.api &&
      rec.marketApiPrice > 0 &&
      c.status === 'active'
    )
      priceRatio = c.apiPrice / rec.marketApiPrice;
    for (const e of rec.events) if (e.id.split('@')[0] === 'price-war') priceWarChoice = e.choice;
  }
  const priceWarResponse: PriceWarResponse | null =
    priceRatio === null ? null : priceRatio < 0.8 ? 'undercut' : priceRatio > 1.25 ? 'premium' : 'matched';
  return {
    avgPretrainingShare: n > 0 ? sum / n : null,
    priceWarQuarter,
    priceRatio,
    priceWarResponse,
    priceWarChoice,
    fundingRaised: me.raisedTotal,
  };
}

function emptyRow(entry: CodeEntry, index: number): ClassRow {
  return {
    index,
    line: entry.line,
    name: entry.name,
    code: entry.code,
    status: 'corrupted',
    message: '',
    reason: null,
    baselineError: null,
    levelId: null,
    levelVersion: null,
    seed: null,
    company: null,
    ending: null,
    endQuarter: null,
    score: null,
    equity: null,
    honours: null,
    par: null,
    parDifference: null,
    percentile: null,
    rank: null,
    decisions: null,
    finalHash: null,
    forkedFrom: null,
    duplicateOf: null,
  };
}

/** The row of one code: verified, with the key decisions of a valid game (no percentile yet). */
export function rowOf(
  entry: CodeEntry,
  index: number,
  outcome: VerifyOutcome,
  getLevel: LevelLookup,
  priceWarQuarter = PRICE_WAR_QUARTER,
): ClassRow {
  const row = emptyRow(entry, index);
  row.status = outcome.status;
  row.message = outcome.message;
  row.reason = outcome.status === 'valid' ? null : outcome.reason;
  const h = 'replay' in outcome ? outcome.replay : outcome.header;
  if (h) {
    row.levelId = h.levelId;
    row.levelVersion = h.levelVersion;
    row.seed = h.seed;
    row.company = h.company;
    row.forkedFrom = h.branch;
  }
  if (outcome.status === 'valid') {
    const level = getLevel(outcome.replay.levelId)!;
    row.ending = outcome.ending ? outcome.ending.kind : 'unfinished';
    row.endQuarter = quarterLabel(level, outcome.ending ? outcome.ending.turn : outcome.state.turn);
    row.score = outcome.score;
    const parts = scoreParts(level, outcome.state);
    row.equity = parts.equity;
    row.honours = parts.honours;
    row.finalHash = outcome.finalHash;
    row.decisions = keyDecisions(level, outcome.state, priceWarQuarter);
  }
  return row;
}

// ---------------------------------------------------------------------------------------------
// Par and ranking

/** Pars by world; share one across batches (the default is the app's one memo, src/app/par.ts). */
export type BaselineCache = ParCache;

/** Writes a finished game's par, par difference and percentile into its row (src/engine/par.ts). */
export function scoreRow(row: ClassRow, par: Par): void {
  if (row.score === null) return;
  const s = standingOf(row.score, par);
  row.par = s.par;
  row.parDifference = s.difference;
  row.percentile = s.percentile;
}

export type SortBy = 'percentile' | 'score';

/**
 * The world a game is played in: its level (and the level's version) and its seed. An assignment
 * hands out one; a class's codes from several worlds were not played against the same luck.
 */
export interface World {
  levelId: string | null;
  levelVersion: number | null;
  seed: number | null;
}

export interface ClassWorld extends World {
  /** Valid codes of the class played in it (unfinished games and duplicates included). */
  codes: number;
}

/** What ordering and ranking read of a row. */
export type RankFields = World &
  Pick<ClassRow, 'index' | 'status' | 'ending' | 'score' | 'percentile' | 'duplicateOf'>;

const worldKey = (w: World) => `${w.levelId}\u0000${w.levelVersion}\u0000${w.seed}`;

/** The worlds of a class's valid codes, the one with the most codes first (ties: the first met in the input). */
export function classWorlds(rows: readonly (World & Pick<ClassRow, 'index' | 'status'>)[]): ClassWorld[] {
  const found = new Map<string, ClassWorld & { first: number }>();
  for (const r of rows) {
    if (r.status !== 'valid') continue;
    const k = worldKey(r);
    const w = found.get(k);
    if (w) {
      w.codes++;
      w.first = Math.min(w.first, r.index);
    } else
      found.set(k, {
        levelId: r.levelId,
        levelVersion: r.levelVersion,
        seed: r.seed,
        codes: 1,
        first: r.index,
      });
  }
  return [...found.values()]
    .sort((a, b) => b.codes - a.codes || a.first - b.first)
    .map(({ first: _, ...w }) => w);
}

/**
 * Whether a class's valid codes come from more than one world: the instructor is warned, since
 * one assignment is one world and each world's games are ranked among themselves (classOrder).
 */
export const mixedWorlds = (rows: readonly (World & Pick<ClassRow, 'index' | 'status'>)[]): boolean =>
  classWorlds(rows).length > 1;

/**
 * The table order of a class and each row's rank. World by world (classWorlds' order): its
 * finished games ranked (by percentile then score, or by score then percentile; ties share a
 * rank), each followed by its duplicates, which are listed but not ranked (rank null; the same
 * game handed in again does not take a place of its own), then its unfinished games. Then the
 * refused codes in input order.
 *
 * Ranks are per world because one assignment is one world: a code from another seed or level was
 * not played against the same luck, and it must not move the ranks of the assignment's games (the
 * percentile against par is fair across worlds, but an instructor grades the assignment's games
 * against each other). With one world this is one ranking, as before.
 */
export function classOrder<T>(
  items: readonly T[],
  fieldsOf: (item: T) => RankFields,
  sortBy: SortBy = 'percentile',
): { item: T; rank: number | null }[] {
  const fields = items.map(fieldsOf);
  const at = new Map<number, RankFields>();
  for (const f of fields) if (f.status === 'valid') at.set(f.index, f);
  // A duplicate is listed under the first submission of its game, when that one is in the list.
  const isCopy = (f: RankFields) => {
    const first = f.duplicateOf === null ? undefined : at.get(f.duplicateOf);
    return first !== undefined && first.duplicateOf === null;
  };
  const add = <K>(map: Map<K, number[]>, k: K, i: number) => {
    const list = map.get(k);
    if (list) list.push(i);
    else map.set(k, [i]);
  };
  // Positions in `items`: duplicates by the index of their first submission, the rest by world.
  const copies = new Map<number, number[]>();
  const byWorld = new Map<string, number[]>();
  const refused: number[] = [];
  fields.forEach((f, i) => {
    if (f.status !== 'valid') refused.push(i);
    else if (isCopy(f)) add(copies, f.duplicateOf!, i);
    else add(byWorld, worldKey(f), i);
  });
  const key = (f: RankFields): [number, number] =>
    sortBy === 'percentile' ? [f.percentile ?? -1, f.score ?? 0] : [f.score ?? 0, f.percentile ?? -1];
  const byIndex = (a: number, b: number) => fields[a]!.index - fields[b]!.index;
  const out: { item: T; rank: number | null }[] = [];
  const put = (i: number, rank: number | null) => {
    out.push({ item: items[i]!, rank });
    for (const c of (copies.get(fields[i]!.index) ?? []).sort(byIndex))
      out.push({ item: items[c]!, rank: null });
  };
  for (const w of classWorlds(fields)) {
    const mine = (byWorld.get(worldKey(w)) ?? []).sort(byIndex);
    const finished = mine.filter((i) => fields[i]!.ending !== 'unfinished');
    finished.sort((a, b) => {
      const [a1, a2] = key(fields[a]!);
      const [b1, b2] = key(fields[b]!);
      return b1 - a1 || b2 - a2 || byIndex(a, b);
    });
    let rank = 0;
    finished.forEach((i, n) => {
      const [k1, k2] = key(fields[i]!);
      const prev = n > 0 ? key(fields[finished[n - 1]!]!) : null;
      if (!prev || prev[0] !== k1 || prev[1] !== k2) rank = n + 1;
      put(i, rank);
    });
    for (const i of mine) if (fields[i]!.ending === 'unfinished') put(i, null);
  }
  for (const i of refused.sort(byIndex)) out.push({ item: items[i]!, rank: null });
  return out;
}

/** The rows in table order with their ranks (classOrder). Returns new row objects. */
export function rankRows(rows: readonly ClassRow[], sortBy: SortBy = 'percentile'): ClassRow[] {
  return classOrder(rows, (r) => r, sortBy).map(({ item, rank }) => ({ ...item, rank }));
}

/** The row of the class holding the game a fork was made from (its first submission), or null. */
export function forkParentOf(rows: readonly ClassRow[], row: ClassRow): ClassRow | null {
  const parent = row.forkedFrom?.parentHash;
  if (!parent) return null;
  let found: ClassRow | null = null;
  for (const r of rows)
    if (
      r.status === 'valid' &&
      r.finalHash === parent &&
      r.levelId === row.levelId &&
      (!found || r.index < found.index)
    )
      found = r;
  return found;
}

// ---------------------------------------------------------------------------------------------
// A whole class

export interface ClassProgress {
  /**
   * 'read': decoding the codes (done/total count codes read; the work ahead is not known yet).
   * Then 'verify', 'baseline' (par) and 'done' share one scale whose total is fixed once read.
   */
  phase: 'read' | 'verify' | 'baseline' | 'done';
  /** Units done and in all: one per code verified, one per reference game of a world's par. */
  done: number;
  total: number;
}

export interface ClassOptions {
  /** Keep pars between calls (default: the app's one memo, shared with the ending screen). */
  baselineCache?: BaselineCache;
  /** false skips par and percentiles: rows are then ranked by score. */
  percentiles?: boolean;
  sortBy?: SortBy;
  priceWarQuarter?: string;
  onProgress?: (p: ClassProgress) => void;
  /**
   * Plays worlds' reference runs elsewhere (a pool of Web Workers, say), all started as soon as the
   * codes are read so they run while the page verifies. A rejected or malformed answer is computed
   * here instead.
   */
  baselineService?: BaselineService;
  /** Hand control back to the event loop after this many ms of work (default 30; 0 = never). */
  sliceMs?: number;
  /** The clock and the hand-back to the event loop (default: the real ones; tests inject theirs). */
  scheduler?: Scheduler;
  signal?: AbortSignal;
}

/**
 * Commands re-simulated between two looks at the clock: a few milliseconds of work, so that even
 * the longest code a game may have (maxCommands) is verified in slices of about `sliceMs`.
 */
export const VERIFY_STEP_COMMANDS = 50;

/**
 * A world's reference scores (REFERENCE_STRATEGIES order, or any order: par sorts them), played
 * somewhere else (see ClassOptions).
 */
export type BaselineService = ((world: BaselineWorld) => Promise<readonly number[]>) & {
  /**
   * Takes back a world that nobody elsewhere has started: true if it was still waiting (its
   * promise then rejects and the caller plays it), false if it is under way or done. Without it,
   * every world asked for is waited for.
   */
  withdraw?: (world: BaselineWorld) => boolean;
};

/** The world a par is played on, as a BaselineService is asked for it. */
export interface BaselineWorld {
  levelId: string;
  levelVersion: number;
  seed: number;
  company: string;
}

export interface ClassResult {
  /** In table order (see rankRows). */
  rows: ClassRow[];
  /** How many codes ended in each outcome. */
  counts: Record<ReplayStatus, number>;
  /** Worlds' pars this call computed: by the baselineService, here, and failed (no par). */
  baselines: { elsewhere: number; here: number; failed: number };
}

/**
 * Verifies every code, scores each finished valid game against par (one set of reference runs
 * per level, seed and company, memoised) and ranks them by percentile among the reference runs,
 * world by world, a duplicate listed but not ranked (classOrder).
 * Reports progress and yields to the event loop every `sliceMs`, within a long code too (it is
 * re-simulated VERIFY_STEP_COMMANDS at a time), so a page stays responsive. Never rejects on bad
 * codes; rejects only if `signal` aborts.
 */
export async function verifyClass(
  entries: readonly CodeEntry[],
  getLevel: LevelLookup,
  opts: ClassOptions = {},
): Promise<ClassResult> {
  const cache = opts.baselineCache ?? PAR_MEMO;
  const withPercentiles = opts.percentiles !== false;
  const slices = slicer(opts.sliceMs ?? 30, opts.scheduler, opts.signal);

  // Read every code once, first: the decoded headers name the worlds whose pars are needed, so
  // the work ahead is known before the long part starts (and no code is unpacked twice).
  const decoded = new Map<string, DecodeResult>();
  for (let i = 0; i < entries.length; i++) {
    const code = entries[i]!.code;
    if (!decoded.has(code)) decoded.set(code, decodeReplay(code, getLevel));
    opts.onProgress?.({ phase: 'read', done: i + 1, total: entries.length });
    await slices.breathe();
  }
  const worlds = withPercentiles ? worldsToPlay(decoded.values(), getLevel, cache) : new Map();

  const total = entries.length + worlds.size * PAR_RUNS;
  let done = 0;
  let phase: ClassProgress['phase'] = 'verify';
  const report = () => opts.onProgress?.({ phase, done, total });
  const pars = new ClassPars(
    worlds,
    cache,
    (units) => {
      done += units;
      report();
    },
    opts.baselineService,
    opts.signal,
  );
  // Pars played elsewhere start now and run while the codes are verified here.
  pars.start();
  report();

  const rows: ClassRow[] = [];
  const seen = new Map<string, number>();
  const memo = new Map<string, ClassRow>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const again = memo.get(e.code);
    let row: ClassRow;
    if (again) row = { ...again, index: i, line: e.line, name: e.name, code: e.code };
    else {
      // A long code is re-simulated in steps, with a look at the clock between them.
      const verification = startVerification(decoded.get(e.code)!, getLevel);
      let outcome = verification.step(VERIFY_STEP_COMMANDS);
      while (!outcome) {
        await slices.breathe();
        outcome = verification.step(VERIFY_STEP_COMMANDS);
      }
      row = rowOf(e, i, outcome, getLevel, opts.priceWarQuarter);
      memo.set(e.code, row);
    }
    decoded.delete(e.code);
    markDuplicate(row, i, seen);
    rows.push(row);
    done++;
    report();
    await slices.breathe();
  }

  if (withPercentiles) {
    phase = 'baseline';
    await pars.steal(slices);
    await scoreAgainstPars(rows, pars, getLevel, slices, opts.signal);
  }
  pars.finish();
  done = total;
  phase = 'done';
  report();

  const counts = Object.fromEntries(REPLAY_STATUSES.map((s) => [s, 0])) as Record<ReplayStatus, number>;
  for (const r of rows) counts[r.status]++;
  return {
    rows: rankRows(rows, opts.sortBy ?? (withPercentiles ? 'percentile' : 'score')),
    counts,
    baselines: pars.stats,
  };
}

/** Scores every finished valid row against its world's par (waited for, or played here). */
async function scoreAgainstPars(
  rows: readonly ClassRow[],
  pars: ClassPars,
  getLevel: LevelLookup,
  slices: Slicer,
  signal?: AbortSignal,
): Promise<void> {
  // Waiting on a par played elsewhere ends at once when the caller aborts.
  const abort = signal
    ? new Promise<never>((_, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
      )
    : null;
  abort?.catch(() => {});
  for (const row of rows) {
    if (row.status !== 'valid' || row.ending === 'unfinished' || row.score === null) continue;
    const level = getLevel(row.levelId!)!;
    const k = parKey(level, row.seed!, row.company!);
    const base = await pars.parOf(k, { level, seed: row.seed!, company: row.company! }, slices, abort);
    if (base) scoreRow(row, base);
    else {
      row.baselineError = pars.failed.get(k) ?? 'unknown error';
      row.message += ` (no par: a reference run failed: ${row.baselineError})`;
    }
  }
}

/** The worlds whose par the decoded codes need and the cache does not hold yet, by par key. */
export function worldsToPlay(
  decoded: Iterable<DecodeResult>,
  getLevel: LevelLookup,
  cache: ParCache,
): Map<string, ParWorld> {
  const worlds = new Map<string, ParWorld>();
  for (const d of decoded) {
    if (!d.ok) continue;
    const level = getLevel(d.replay.levelId)!;
    const k = parKey(level, d.replay.seed, d.replay.company);
    if (!cache.has(k) && !worlds.has(k))
      worlds.set(k, { level, seed: d.replay.seed, company: d.replay.company });
  }
  return worlds;
}

/** Marks a valid game already seen in the class (same level, seed, company and final hash). */
function markDuplicate(row: ClassRow, index: number, seen: Map<string, number>): void {
  if (row.status !== 'valid' || !row.finalHash) return;
  const game = `${row.levelId}|${row.seed}|${row.company}|${row.finalHash}`;
  const first = seen.get(game);
  if (first === undefined) seen.set(game, index);
  else row.duplicateOf = first;
}

// ---------------------------------------------------------------------------------------------
// CSV

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
  // Added later, so at the end: the score's parts (equity + honours = score).
  'equity (万元)',
  'honours (万元)',
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
  ];
  return `${cells.join(',')}\r\n`;
}
