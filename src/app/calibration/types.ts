// The calibration's fixed terms and shapes: the six companies and the quarters the real figures are
// about, the player's autopilot, the pass tolerance, and the types of a row's definition, a table
// row and a played game.

import type { PolicyName } from '../../engine/index';
import type { QuarterRecord } from '../../engine/types';

/** Bump when a row, a real figure or the method changes, so that stored tables are not compared across. */
export const CALIBRATION_VERSION = 1;

/** The six companies the real figures are about; a level must have all of them. */
export const CALIBRATION_COMPANIES = ['zhipu', 'minimax', 'moonshot', 'baichuan', '01ai', 'stepfun'] as const;

/** The quarters the rows read: a level must cover them. */
export const CALIBRATION_FIRST_QUARTER = '2023Q1';
export const CALIBRATION_LAST_QUARTER = '2024Q4';

/** The autopilot on the player's company in every calibration game. */
export const CALIBRATION_PLAYER_POLICY: PolicyName = 'balanced';

/** A game figure passes within this factor of the real one. */
export const TOLERANCE = 2;

/** Seeds played by default: 1..DEFAULT_SEEDS. */
export const DEFAULT_SEEDS = 50;

/**
 * How a figure reads: money in 万元, ¥ per user, ¥ per million tokens, a share 0..1, a plain
 * multiple.
 */
export type Unit = 'money' | 'yuanPerUser' | 'price' | 'share' | 'times';

/** The real figure: a point, a range, a floor ("more than"), or none (shown for context only). */
export type Real =
  | { kind: 'point'; value: number }
  | { kind: 'range'; min: number; max: number }
  | { kind: 'floor'; min: number }
  | { kind: 'none' };

/** One game's figure for a row, or null when the game has none (the company gone, the quarter not played). */
export type Measure = (history: readonly QuarterRecord[], company: string) => number | null;

export interface RowSpec {
  id: string;
  label: string;
  unit: Unit;
  /** The company whose figures these are (measured in the games where it is a rival), or null for the market. */
  company: string | null;
  /** How the game figure is measured, in words. */
  measured: string;
  real: Real;
  /** Where the real figure comes from. */
  source: string;
  /** How the games' figures combine: their median, or the share of games where the figure is 1. */
  combine: 'median' | 'share';
  measure: Measure;
}

export interface CalibrationRow {
  id: string;
  label: string;
  unit: Unit;
  company: string | null;
  /** The games' median (or share); null (n/a) when fewer than half the games gave a figure. */
  game: number | null;
  real: Real;
  /**
   * game / real: to the point figure; to the nearest end of a range (1 inside it); to a floor.
   * Null when there is no game figure, no real one, or the real figure is 0.
   */
  ratio: number | null;
  /** Within TOLERANCE of the real figure (see passes); null (n/a) when either is missing. */
  pass: boolean | null;
  /** Games that gave a figure, of the games measured. */
  n: number;
  games: number;
  measured: string;
  source: string;
}

/** One played game, kept for the table: whose figures it is for, and its history. */
export interface CalibrationGame {
  seed: number;
  /** The company whose figures this game gives (a rival in it); market rows read every game. */
  subject: string;
  playerId: string;
  history: readonly QuarterRecord[];
}
