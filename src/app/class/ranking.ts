// Par and ranking in a class: a finished game's standing against its world's par (src/engine/par.ts),
// the worlds a class's codes come from, and the table order with ranks, world by world, a
// duplicate listed under its first submission but not ranked.
// Browser-safe: no node: imports.

import type { Par } from '../../engine/index';
import { standingOf } from '../../engine/index';
import type { ParCache } from '../par';
import type { ClassRow } from './rows';

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
