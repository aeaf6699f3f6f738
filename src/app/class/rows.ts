// One code of a class as a table row: its verification outcome, the game's world, score and parts,
// and the key decisions of a valid game (pretraining share, the price war, funding raised).
// Browser-safe: no node: imports.

import { playedOn, playerOf, scoreParts } from '../../engine/index';
import type { Level } from '../../engine/level';
import { quarterLabel } from '../../engine/level';
import type { EndingKind, GameState } from '../../engine/types';
import type { Branch, LevelLookup, RefusalReason, ReplayStatus, VerifyOutcome } from '../replay-code';
import type { CodeEntry } from './code-list';

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
  /**
   * The quarter the company made it in, whatever came after (valid games that made it; null
   * otherwise): for a made-it ending its end quarter, for a game that played on an earlier one.
   */
  madeItQuarter: string | null;
  /**
   * Whether the game made it and played on (game/play-on): its ending (or, unfinished, where it
   * stands) is what came after made it. Valid games only.
   */
  playedOn: boolean | null;
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
    madeItQuarter: null,
    playedOn: null,
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
    const madeIt = playerOf(outcome.state).madeItTurn;
    row.madeItQuarter = madeIt === null ? null : quarterLabel(level, madeIt);
    row.playedOn = playedOn(outcome.state);
    row.score = outcome.score;
    const parts = scoreParts(level, outcome.state);
    row.equity = parts.equity;
    row.honours = parts.honours;
    row.finalHash = outcome.finalHash;
    row.decisions = keyDecisions(level, outcome.state, priceWarQuarter);
  }
  return row;
}
