// Verifying a class as its codes stream in, in memory that does not grow with the input: each
// code is re-simulated once while it is remembered (identical codes share one verdict; the memory
// of codes is bounded by their total length), each row is handed back at once to be printed, and
// only with ranking is a compact record kept per row (its place, its name and a reference to the
// shared verdict) to rank and print at the end. Same rows, messages, ranks and CSV as
// verifyClass / rankRows / classCsv in src/app/class/ (tests/verify-stream.test.ts checks it).

import type { StreamEntry } from '../src/app/code-stream';
import { parFor } from '../src/app/par';
import type { LevelLookup, ReplayStatus, VerifyOutcome } from '../src/app/replay-code';
import { REPLAY_STATUSES, verifyReplay } from '../src/app/replay-code';
import type { ClassRow } from '../src/app/verify';
import { classOrder, rowOf, scoreRow } from '../src/app/verify';
import type { Par } from '../src/engine/index';

/** Codes remembered per generation of the memo (see Memo), and at most this many characters of them. */
export const MEMO_CODES = 5_000;
export const MEMO_CHARS = 4_000_000;
/** A cut record's name and code are kept only this long. */
const SHOWN_CHARS = 80;

export interface StreamOptions {
  getLevel: LevelLookup;
  /** Keep a compact record per row to rank them at the end (and compute percentiles). */
  rank: boolean;
  /** Codes remembered per memo generation (default MEMO_CODES). */
  memoCodes?: number;
  /** How one code is verified (tests count the calls). */
  verify?: (code: string) => VerifyOutcome;
}

/** What is kept of a row for ranking: the shared verdict and what differs per row. */
interface Kept {
  verdict: ClassRow;
  index: number;
  line: number;
  name: string;
  first: First | null;
  rank: number | null;
}

/** The first row holding a game, for "same game as code #n" and the CSV's "duplicate of line". */
interface First {
  index: number;
  line: number;
}

/**
 * Verdicts by code, in bounded memory and constant time per use: two generations, the newer one
 * filled until it holds `codes` codes or `chars` characters, when it becomes the older one and the
 * older one is forgotten. A code found in the older generation moves to the newer one, so codes
 * in use stay while the rest age out.
 */
export class Memo<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  private youngChars = 0;

  constructor(
    private readonly codes: number,
    private readonly chars: number,
  ) {}

  get size(): number {
    return this.young.size + this.old.size;
  }

  get(code: string): V | undefined {
    const v = this.young.get(code);
    if (v !== undefined) return v;
    const o = this.old.get(code);
    if (o !== undefined) {
      this.old.delete(code);
      this.set(code, o);
    }
    return o;
  }

  set(code: string, v: V): void {
    if (code.length > this.chars) return;
    if (this.young.size >= this.codes || this.youngChars + code.length > this.chars) {
      this.old = this.young;
      this.young = new Map();
      this.youngChars = 0;
    }
    this.young.set(code, v);
    this.youngChars += code.length;
  }
}

const cutText = (s: string) => (s.length > SHOWN_CHARS ? `${s.slice(0, SHOWN_CHARS)}…` : s);

export class ClassStream {
  readonly counts = Object.fromEntries(REPLAY_STATUSES.map((s) => [s, 0])) as Record<ReplayStatus, number>;
  /** Rows so far. */
  rows = 0;
  /** Codes actually re-simulated (the rest were remembered). */
  verified = 0;
  private readonly memo: Memo<ClassRow>;
  private readonly games = new Map<string, First>();
  private readonly kept: Kept[] = [];
  private readonly verify: (code: string) => VerifyOutcome;

  constructor(private readonly opts: StreamOptions) {
    this.verify = opts.verify ?? ((code) => verifyReplay(code, opts.getLevel));
    this.memo = new Memo(opts.memoCodes ?? MEMO_CODES, MEMO_CHARS);
  }

  /** Verifies one entry (or recalls its verdict) and returns its row, with the game it copies if any. */
  add(entry: StreamEntry): { row: ClassRow; first: First | null } {
    const index = this.rows++;
    const verdict = this.verdictOf(entry, index);
    const name = entry.overlong === undefined ? entry.name : cutText(entry.name);
    let first: First | null = null;
    if (verdict.status === 'valid' && verdict.finalHash) {
      const game = `${verdict.levelId}|${verdict.seed}|${verdict.company}|${verdict.finalHash}`;
      const seen = this.games.get(game);
      if (seen) first = seen;
      else this.games.set(game, { index, line: entry.line });
    }
    this.counts[verdict.status]++;
    if (this.opts.rank) this.kept.push({ verdict, index, line: entry.line, name, first, rank: null });
    return { row: { ...verdict, index, line: entry.line, name, duplicateOf: first?.index ?? null }, first };
  }

  private verdictOf(entry: StreamEntry, index: number): ClassRow {
    if (entry.overlong !== undefined) {
      const what = `this row is far too long to hold a replay code (${entry.overlong} characters)`;
      const outcome: VerifyOutcome = {
        status: 'corrupted',
        message: what,
        reason: { kind: 'too-long', chars: entry.overlong },
      };
      return rowOf({ ...entry, code: cutText(entry.code) }, index, outcome, this.opts.getLevel);
    }
    const known = this.memo.get(entry.code);
    if (known) return known;
    this.verified++;
    const verdict = rowOf(entry, index, this.verify(entry.code), this.opts.getLevel);
    this.memo.set(entry.code, verdict);
    return verdict;
  }

  /** The distinct worlds whose baselines ranking needs (finished valid games). */
  private rankable(): ClassRow[] {
    const verdicts = new Set<ClassRow>();
    for (const k of this.kept)
      if (k.verdict.status === 'valid' && k.verdict.ending !== 'unfinished' && k.verdict.score !== null)
        verdicts.add(k.verdict);
    return [...verdicts];
  }

  /**
   * Adds par, the par difference and the percentile among the par runs to every finished valid
   * game (one par per level, seed and company: src/app/par.ts) and ranks the rows. A par that
   * fails costs only its games' standing, as in verifyClass. Calls `progress(done, total)` after
   * each par.
   */
  async rankAll(progress: (done: number, total: number) => void = () => {}): Promise<void> {
    const verdicts = this.rankable();
    const worlds = new Map<string, ClassRow[]>();
    for (const v of verdicts) {
      const k = `${v.levelId}|${v.levelVersion}|${v.seed}|${v.company}`;
      const list = worlds.get(k);
      if (list) list.push(v);
      else worlds.set(k, [v]);
    }
    let done = 0;
    progress(done, worlds.size);
    for (const list of worlds.values()) {
      const v0 = list[0]!;
      let par: Par | null = null;
      let error = '';
      try {
        const level = this.opts.getLevel(v0.levelId!);
        if (!level) throw new Error(`unknown level ${v0.levelId}`);
        par = parFor(level, v0.seed!, v0.company!);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      for (const v of list) {
        if (par) scoreRow(v, par);
        else {
          v.baselineError = error;
          v.message += ` (no par: a reference run failed: ${error})`;
        }
      }
      progress(++done, worlds.size);
      // Let the progress bar and signals through between baselines.
      await new Promise((res) => setImmediate(res));
    }
    this.order();
  }

  /** rankRows's order and ranks (classOrder in src/app/class/ranking.ts). */
  private order(): void {
    const ordered = classOrder(this.kept, (k) => ({
      index: k.index,
      status: k.verdict.status,
      ending: k.verdict.ending,
      levelId: k.verdict.levelId,
      levelVersion: k.verdict.levelVersion,
      seed: k.verdict.seed,
      score: k.verdict.score,
      percentile: k.verdict.percentile,
      duplicateOf: k.first?.index ?? null,
    }));
    this.kept.length = 0;
    for (const { item, rank } of ordered) {
      item.rank = rank;
      this.kept.push(item);
    }
  }

  /** The kept rows (in rank order after rankAll), each made whole as it is read. */
  *ranked(): Generator<{ row: ClassRow; first: First | null }> {
    for (const k of this.kept)
      yield {
        row: {
          ...k.verdict,
          index: k.index,
          line: k.line,
          name: k.name,
          rank: k.rank,
          duplicateOf: k.first?.index ?? null,
        },
        first: k.first,
      };
  }

  /** Labels of the kept rows (for the table's column width), without making the rows whole. */
  *keptLabels(): Generator<{ status: string; name: string; index: number }> {
    for (const k of this.kept) yield { status: k.verdict.status, name: k.name, index: k.index };
  }
}
