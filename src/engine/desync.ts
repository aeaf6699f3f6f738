// Finding where two runs part ways: the first quarter whose state hashes differ, and the first
// path inside the state where the values differ (for a developer chasing a desync between
// browsers, or between a code and a re-simulation).

import { foldLog } from './fold';
import type { Level } from './level';
import { stateHash } from './statehash';
import type { Command, GameState } from './types';

/** The first path (e.g. "startups[2].cash") where two JSON-like values differ, or null. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (a === b) return null;
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return null;
    return path || '(root)';
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return path || '(root)';
  if (Array.isArray(a) !== Array.isArray(b)) return path || '(root)';
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort();
  for (const k of keys) {
    const d = firstDifference(ra[k], rb[k], path ? `${path}.${k}` : k);
    if (d) return d;
  }
  return null;
}

export interface Divergence {
  /** Turn index of the first quarter whose end states differ (-1: they differ before any quarter). */
  turn: number;
  /** First differing path in the state (history left out), or null when only the hashes differ. */
  path: string | null;
  a: unknown;
  b: unknown;
}

function valueAt(state: unknown, path: string | null): unknown {
  if (!path || path === '(root)') return undefined;
  let v: unknown = state;
  for (const part of path.split(/\.|\[|\]/).filter(Boolean)) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

const withoutHistory = (s: GameState) => ({ ...s, history: [] });

/**
 * Plays two command logs from two starting states side by side (each with its level), and
 * returns where they first differ after a quarter ends, or null if every quarter agrees. A
 * rejected command is skipped on that side, as a replay would refuse it.
 */
export function findDivergence(
  levelA: Level,
  startA: GameState,
  logA: readonly Command[],
  levelB: Level,
  startB: GameState,
  logB: readonly Command[],
): Divergence | null {
  const initial = firstDifference(withoutHistory(startA), withoutHistory(startB));
  if (initial) return { turn: -1, path: initial, a: valueAt(startA, initial), b: valueAt(startB, initial) };
  const quarters = (level: Level, start: GameState, log: readonly Command[]) => {
    const out: GameState[] = [];
    const onCommand = (_i: number, cmd: Command, s: GameState) => {
      if (cmd.type === 'quarter/end') out.push(s);
      return true;
    };
    foldLog(level, start, log, { onCommand }, { skipRejected: true });
    return out;
  };
  const qa = quarters(levelA, startA, logA);
  const qb = quarters(levelB, startB, logB);
  for (let t = 0; t < Math.max(qa.length, qb.length); t++) {
    const sa = qa[t];
    const sb = qb[t];
    if (!sa || !sb)
      return { turn: t, path: sa ? 'B ended earlier' : 'A ended earlier', a: undefined, b: undefined };
    if (stateHash(sa) === stateHash(sb)) continue;
    const path = firstDifference(withoutHistory(sa), withoutHistory(sb));
    return { turn: t, path, a: valueAt(sa, path), b: valueAt(sb, path) };
  }
  return null;
}
