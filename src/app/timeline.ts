// A replay as a timeline: a verified code re-simulated into one frame per quarter boundary (the
// state the player saw when planning each quarter), for the replay viewer to step through, fork
// from, and compare with another run. Pure and browser-safe.
//
// Frame k is the state right after the k-th "quarter/end" (frame 0: the game as created), which is
// exactly where a fork after k quarters starts (./fork.ts). A game that ended mid-quarter (a
// buy-out accepted) or a code exported mid-quarter gets one more frame, 'end', with its final state.

import { createGame, foldLog, hashState, playedOn, playerOf, quarterLabel } from '../engine/index';
import type { Level } from '../engine/level';
import type { Command, CompanyRecord, Ending, EndingKind, GameState } from '../engine/types';
import type { Language } from './i18n';
import { rowEndingText } from './outcome-text';
import type { LevelLookup, Replay, VerifyOutcome } from './replay-code';
import { verifyReplay } from './replay-code';

export interface Frame {
  /** 'quarter': after `turn` quarter ends (0 = the start); 'end': the final state of a game that ended, or a code that stops, mid-quarter. */
  kind: 'quarter' | 'end';
  /** Quarters resolved in this state. */
  turn: number;
  state: GameState;
  /** hashState(state): for turn > 0 of a 'quarter' frame, the resolved quarter's record hash. */
  hash: string;
  /** Commands of the log applied to reach this state (a fork after `turn` quarters keeps this many). */
  logIndex: number;
  /** Whether a new game can be forked from this frame (its game has not ended, and it is a quarter boundary). */
  forkable: boolean;
}

export interface Timeline {
  level: Level;
  replay: Replay;
  frames: Frame[];
  /** The state after the whole log. */
  final: GameState;
  ending: Ending | null;
}

export type TimelineResult =
  | { ok: true; timeline: Timeline }
  | { ok: false; outcome: Exclude<VerifyOutcome, { status: 'valid' }> };

/**
 * Re-simulates a decoded replay against its level into frames. The replay should be verified
 * first (timelineOfCode does that); a command the engine refuses here throws, as a caller bug.
 */
export function buildTimeline(replay: Replay, level: Level): Timeline {
  const created = createGame(level, replay.seed, replay.company);
  if (!created.ok) throw new Error(`timeline: ${created.error.message}`);
  let state = created.state;
  const frame = (kind: Frame['kind'], logIndex: number): Frame => ({
    kind,
    turn: state.history.length,
    state,
    hash: hashState(state),
    logIndex,
    forkable: kind === 'quarter' && state.ending === null,
  });
  const frames: Frame[] = [frame('quarter', 0)];
  const r = foldLog(level, state, replay.log, {
    onQuarter: (_turn, after, i) => {
      state = after;
      frames.push(frame('quarter', i + 1));
    },
  });
  if (!r.ok)
    throw new Error(`timeline: command ${r.index + 1} (${r.command.type}) is refused: ${r.error.message}`);
  state = r.state;
  const last = frames[frames.length - 1]!;
  if (state !== last.state) {
    const end = frame('end', replay.log.length);
    if (end.hash !== last.hash) frames.push(end);
  }
  return { level, replay, frames, final: state, ending: state.ending };
}

/**
 * How a run ended, as a class row has it (rowEndingText words it): its ending, or 'unfinished', and
 * for a game that made it and played on, the quarter it made it in.
 */
export function runEnding(t: Timeline): {
  ending: EndingKind | 'unfinished';
  madeItQuarter: string | null;
  playedOn: boolean;
} {
  const madeIt = playerOf(t.final).madeItTurn;
  return {
    ending: t.ending?.kind ?? 'unfinished',
    madeItQuarter: madeIt === null ? null : quarterLabel(t.level, madeIt),
    playedOn: playedOn(t.final),
  };
}

/** How a run ended, in words: "Time's up (made it in 2025Q1, played on)", "not finished"… */
export function runEndingText(lang: Language, t: Timeline): string {
  return rowEndingText(lang, runEnding(t));
}

/** Verifies a code and builds its timeline; a code that is not valid gives its verification outcome. Never throws. */
export function timelineOfCode(code: string, getLevel: LevelLookup): TimelineResult {
  const outcome = verifyReplay(code, getLevel);
  if (outcome.status !== 'valid') return { ok: false, outcome };
  const level = getLevel(outcome.replay.levelId);
  try {
    if (!level) throw new Error(`unknown level ${outcome.replay.levelId}`);
    return { ok: true, timeline: buildTimeline(outcome.replay, level) };
  } catch (e) {
    return {
      ok: false,
      outcome: {
        status: 'corrupted',
        message: e instanceof Error ? e.message : String(e),
        reason: { kind: 'unreadable' },
      },
    };
  }
}

/** The frame index of the last frame, of the frame after `turn` quarters (clamped), etc. */
export function frameIndexOfTurn(t: Timeline, turn: number): number {
  const i = t.frames.findIndex((f) => f.kind === 'quarter' && f.turn === turn);
  if (i >= 0) return i;
  return turn <= 0 ? 0 : t.frames.length - 1;
}

/** The commands given while planning the quarter after `frame` (up to and including its quarter end). */
export function commandsAfter(t: Timeline, index: number): Command[] {
  const f = t.frames[index];
  if (!f) return [];
  const next = t.frames[index + 1];
  return t.replay.log.slice(f.logIndex, next ? next.logIndex : t.replay.log.length);
}

// ---------------------------------------------------------------------------------------------
// Comparing two runs

/** Figures compared between runs, one value per resolved quarter of the player's company. */
export const COMPARE_METRICS = ['cash', 'revenue', 'operatingProfit', 'apiPrice', 'quality', 'mau'] as const;
export type CompareMetric = (typeof COMPARE_METRICS)[number];

export type RunSeries = Record<CompareMetric, number[]>;

/** The player's figures in every quarter a game's state has resolved. */
export function runSeries(state: GameState): RunSeries {
  const recs: CompanyRecord[] = state.history.map((r) => {
    const c = r.companies.find((x) => x.id === state.playerId);
    if (!c) throw new Error(`timeline: no record for "${state.playerId}" in ${r.quarter}`);
    return c;
  });
  const out = {} as RunSeries;
  for (const m of COMPARE_METRICS) out[m] = recs.map((c) => c[m]);
  return out;
}

export interface Comparison {
  /** Quarter labels of the level, as many as the longer run resolved. */
  x: string[];
  a: Record<CompareMetric, (number | null)[]>;
  b: Record<CompareMetric, (number | null)[]>;
  /**
   * For two runs of the same company and seed: the index of the first quarter whose end states
   * differ (their decisions that quarter parted them), or null when every common quarter agrees.
   * Undefined for runs of different setups (they differ from the start).
   */
  partsAt?: number | null;
  /** When one run is a fork of the other (its code records the other's final hash): which, and after how many quarters. */
  fork: { child: 'a' | 'b'; turn: number } | null;
}

export type CompareResult =
  | { ok: true; comparison: Comparison }
  | { ok: false; reason: 'other-level'; message: string };

/** Lines two runs of the same level up quarter by quarter (a run that ended sooner has nulls after its end). */
export function compareRuns(a: Timeline, b: Timeline): CompareResult {
  if (a.level.id !== b.level.id || a.level.version !== b.level.version)
    return {
      ok: false,
      reason: 'other-level',
      message: `runs of different levels cannot share charts (${a.level.id} v${a.level.version}, ${b.level.id} v${b.level.version})`,
    };
  const sa = runSeries(a.final);
  const sb = runSeries(b.final);
  const n = Math.max(a.final.history.length, b.final.history.length);
  const x: string[] = [];
  for (let t = 0; t < n; t++) x.push(quarterLabel(a.level, t));
  const pad = (s: RunSeries) => {
    const out = {} as Comparison['a'];
    for (const m of COMPARE_METRICS) out[m] = x.map((_, i) => s[m][i] ?? null);
    return out;
  };
  const comparison: Comparison = { x, a: pad(sa), b: pad(sb), fork: forkRelation(a, b) };
  if (a.replay.seed === b.replay.seed && a.replay.company === b.replay.company) {
    const qa = a.frames.filter((f) => f.kind === 'quarter');
    const qb = b.frames.filter((f) => f.kind === 'quarter');
    let parts: number | null = null;
    for (let k = 1; k < Math.min(qa.length, qb.length); k++)
      if (qa[k]!.hash !== qb[k]!.hash) {
        parts = k - 1;
        break;
      }
    comparison.partsAt = parts;
  }
  return { ok: true, comparison };
}

function forkRelation(a: Timeline, b: Timeline): Comparison['fork'] {
  const bb = b.replay.branch;
  if (bb && bb.parentHash === a.replay.finalHash) return { child: 'b', turn: bb.turn };
  const ab = a.replay.branch;
  if (ab && ab.parentHash === b.replay.finalHash) return { child: 'a', turn: ab.turn };
  return null;
}

/** A run's value of a metric at a frame: the last quarter resolved by then (null at the start or after the run's end). */
export function valueAtTurn(series: readonly (number | null)[], turn: number): number | null {
  if (turn <= 0) return null;
  return series[turn - 1] ?? null;
}
