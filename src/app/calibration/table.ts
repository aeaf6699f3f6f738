// The calibration table: pure arithmetic over game histories (a row's median or share, its ratio to
// the real figure, pass or fail within the tolerance), and playing the games it reads — one per
// seed and company, that company a rival on its own archetype.

import type { Level } from '../../engine/index';
import { median, playGame } from '../../engine/index';
import { quarterIndex, sum } from './measures';
import { ROWS } from './rows';
import type { CalibrationGame, CalibrationRow, Real, RowSpec } from './types';
import {
  CALIBRATION_COMPANIES,
  CALIBRATION_FIRST_QUARTER,
  CALIBRATION_LAST_QUARTER,
  CALIBRATION_PLAYER_POLICY,
  TOLERANCE,
} from './types';

/** game / real (see CalibrationRow.ratio). */
export function ratioOf(game: number | null, real: Real): number | null {
  if (game === null) return null;
  switch (real.kind) {
    case 'point':
      return real.value === 0 ? null : game / real.value;
    case 'range':
      if (game < real.min) return real.min === 0 ? null : game / real.min;
      if (game > real.max) return real.max === 0 ? null : game / real.max;
      return 1;
    case 'floor':
      return real.min === 0 ? null : game / real.min;
    case 'none':
      return null;
  }
}

/**
 * Within TOLERANCE: a point figure from value/T to value·T (a point of 0 only by 0 itself), a range
 * widened to min/T..max·T, a floor lowered to min/T. Null when there is nothing to compare.
 */
export function passes(game: number | null, real: Real, tolerance = TOLERANCE): boolean | null {
  if (game === null) return null;
  switch (real.kind) {
    case 'point':
      return real.value >= 0
        ? game >= real.value / tolerance && game <= real.value * tolerance
        : game <= real.value / tolerance && game >= real.value * tolerance;
    case 'range':
      return game >= real.min / tolerance && game <= real.max * tolerance;
    case 'floor':
      return game >= real.min / tolerance;
    case 'none':
      return null;
  }
}

/** One row from the games' figures (null where a game gave none). */
export function rowOf(spec: RowSpec, figures: readonly (number | null)[]): CalibrationRow {
  const values = figures.filter((x): x is number => x !== null);
  const games = figures.length;
  const enough = values.length > 0 && 2 * values.length >= games;
  const game = !enough
    ? null
    : spec.combine === 'median'
      ? median(values)
      : sum(values, (x) => x) / values.length;
  return {
    id: spec.id,
    label: spec.label,
    unit: spec.unit,
    company: spec.company,
    game,
    real: spec.real,
    ratio: ratioOf(game, spec.real),
    pass: passes(game, spec.real),
    n: values.length,
    games,
    measured: spec.measured,
    source: spec.source,
  };
}

/**
 * The table from played games: a company's rows read the games played for it (its `subject`) in
 * which it is a rival, one figure each; market rows read every game.
 */
export function tableOf(
  games: readonly CalibrationGame[],
  rows: readonly RowSpec[] = ROWS,
): CalibrationRow[] {
  return rows.map((spec) => {
    const company = spec.company;
    const used =
      company === null ? games : games.filter((g) => g.subject === company && g.playerId !== company);
    return rowOf(
      spec,
      used.map((g) => spec.measure(g.history, company ?? '')),
    );
  });
}

/** Why the calibration cannot be run on this level, or null when it can. */
export function calibrationLevelProblem(level: Level): string | null {
  const ids = new Set(level.companies.map((c) => c.id));
  const missing = CALIBRATION_COMPANIES.filter((c) => !ids.has(c));
  if (missing.length > 0) return `it lacks the companies the real figures are about (${missing.join(', ')})`;
  const start = level.startYear * 4 + level.startQuarter - 1;
  if (
    quarterIndex(CALIBRATION_FIRST_QUARTER) < start ||
    quarterIndex(CALIBRATION_LAST_QUARTER) >= start + level.quarters
  )
    return `it does not cover ${CALIBRATION_FIRST_QUARTER}–${CALIBRATION_LAST_QUARTER}`;
  if (level.player.companies.length < 2)
    return 'it offers the player a single company, so none can be a rival';
  return null;
}

/** The player's company in the game played for `subject`'s figures: the next company in the level's list. */
export function calibrationPlayer(level: Level, subject: string): string {
  const list = level.player.companies;
  const i = list.indexOf(subject);
  const player = list[(i + 1) % list.length]!;
  if (player === subject) throw new Error(`no company other than ${subject} for the player`);
  return player;
}

/** Plays one game per seed and company of CALIBRATION_COMPANIES, each company a rival on its archetype. */
export function playCalibrationGames(
  level: Level,
  seeds: readonly number[],
  onGame?: (done: number, total: number) => void,
): CalibrationGame[] {
  const problem = calibrationLevelProblem(level);
  if (problem) throw new Error(`level ${level.id} cannot be calibrated: ${problem}`);
  const total = seeds.length * CALIBRATION_COMPANIES.length;
  const out: CalibrationGame[] = [];
  for (const seed of seeds)
    for (const subject of CALIBRATION_COMPANIES) {
      const playerId = calibrationPlayer(level, subject);
      const { state } = playGame(level, seed, playerId, CALIBRATION_PLAYER_POLICY);
      out.push({ seed, subject, playerId, history: state.history });
      onGame?.(out.length, total);
    }
  return out;
}

/** The calibration table of a level over these seeds. */
export function calibrationTable(
  level: Level,
  seeds: readonly number[],
  onGame?: (done: number, total: number) => void,
): CalibrationRow[] {
  return tableOf(playCalibrationGames(level, seeds, onGame));
}
