// A whole class: verifies every code by re-simulation in slices (so a page stays responsive), plays
// or waits for the worlds' pars (src/app/class-pars.ts), scores the finished games against them,
// marks duplicates and ranks the table (ranking.ts). Never rejects on bad codes.
// Browser-safe: no node: imports.

import { PAR_RUNS } from '../../engine/index';
import type { ParWorld } from '../class-pars';
import { ClassPars } from '../class-pars';
import type { ParCache } from '../par';
import { PAR_MEMO, parKey } from '../par';
import type { DecodeResult, LevelLookup, ReplayStatus, VerifyOutcome } from '../replay-code';
import { decodeReplay, REPLAY_STATUSES, startVerification } from '../replay-code';
import type { Scheduler, Slicer } from '../slicer';
import { slicer } from '../slicer';

export type { Scheduler } from '../slicer';

import type { CodeEntry } from './code-list';
import type { BaselineCache, SortBy } from './ranking';
import { rankRows, scoreRow } from './ranking';
import type { ClassRow } from './rows';
import { rowOf } from './rows';

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
export type BaselineService = ((
  world: BaselineWorld,
  /** Told, now and then, how many of the world's runs are played so far (for the progress bar). */
  ran?: (runs: number) => void,
) => Promise<readonly number[]>) & {
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

  let done = 0;
  let total = 0;
  let phase: ClassProgress['phase'] = 'read';
  // While the codes are read, reading is the progress shown (pars answered meanwhile are counted).
  const report = () => {
    if (phase !== 'read') opts.onProgress?.({ phase, done, total });
  };
  const pars = new ClassPars(
    cache,
    (units) => {
      done += units;
      report();
    },
    opts.baselineService,
    opts.signal,
  );
  // Each world's par is asked for elsewhere as soon as a code of that world is read: the worker
  // threads play it while the page reads and verifies the codes.
  const decoded = await readCodes(entries, getLevel, slices, opts.onProgress, (d) => {
    if (withPercentiles) for (const [k, w] of worldsToPlay([d], getLevel, cache)) pars.add(k, w);
  });
  total = entries.length + pars.size * PAR_RUNS;
  phase = 'verify';
  report();

  const rows = await verifyRows(entries, decoded, getLevel, slices, opts.priceWarQuarter, () => {
    done++;
    report();
  });

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

/**
 * Reads every code once, first: the decoded headers name the worlds whose pars are needed (each
 * handed to `onRead` as it is read), so the work ahead is known before the long part starts (and
 * no code is unpacked twice).
 */
async function readCodes(
  entries: readonly CodeEntry[],
  getLevel: LevelLookup,
  slices: Slicer,
  onProgress: ClassOptions['onProgress'],
  onRead: (d: DecodeResult) => void,
): Promise<Map<string, DecodeResult>> {
  const decoded = new Map<string, DecodeResult>();
  for (let i = 0; i < entries.length; i++) {
    const code = entries[i]!.code;
    if (!decoded.has(code)) {
      const d = decodeReplay(code, getLevel);
      decoded.set(code, d);
      onRead(d);
    }
    onProgress?.({ phase: 'read', done: i + 1, total: entries.length });
    await slices.breathe();
  }
  return decoded;
}

/**
 * The row of every entry, in input order: a code met before is not re-simulated (its row is copied),
 * a game met before is marked a duplicate. `verified` is called after each row.
 */
async function verifyRows(
  entries: readonly CodeEntry[],
  decoded: Map<string, DecodeResult>,
  getLevel: LevelLookup,
  slices: Slicer,
  priceWarQuarter: string | undefined,
  verified: () => void,
): Promise<ClassRow[]> {
  const rows: ClassRow[] = [];
  const seen = new Map<string, number>();
  const memo = new Map<string, ClassRow>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const again = memo.get(e.code);
    let row: ClassRow;
    if (again) row = { ...again, index: i, line: e.line, name: e.name, code: e.code };
    else {
      const outcome = await resimulate(decoded.get(e.code)!, getLevel, slices);
      row = rowOf(e, i, outcome, getLevel, priceWarQuarter);
      memo.set(e.code, row);
    }
    decoded.delete(e.code);
    markDuplicate(row, i, seen);
    rows.push(row);
    verified();
    await slices.breathe();
  }
  return rows;
}

/** A long code is re-simulated in steps, with a look at the clock between them. */
async function resimulate(
  decoded: DecodeResult,
  getLevel: LevelLookup,
  slices: Slicer,
): Promise<VerifyOutcome> {
  const verification = startVerification(decoded, getLevel);
  let outcome = verification.step(VERIFY_STEP_COMMANDS);
  while (!outcome) {
    await slices.breathe();
    outcome = verification.step(VERIFY_STEP_COMMANDS);
  }
  return outcome;
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
