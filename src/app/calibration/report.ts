// The calibration's output: the method in words, the `--json` document and the printed table with
// each figure in its unit, the summary and the notes.

import type { Level } from '../../engine/index';
import { RULES_VERSION } from '../../engine/index';
import { money } from '../format';
import { ROWS } from './rows';
import type { CalibrationRow, Real, Unit } from './types';
import { CALIBRATION_COMPANIES, CALIBRATION_PLAYER_POLICY, CALIBRATION_VERSION, TOLERANCE } from './types';

export const METHOD =
  'rivals on their own archetypes: for every seed and each of the six, one game in which that company is a ' +
  `rival played by its archetype policy (the player: the next company in the level's list, on the ` +
  `${CALIBRATION_PLAYER_POLICY} autopilot). A company's row is the median over the seeds of its figures in ` +
  'those games; market rows are the median over all games; the profit rows are shares of seeds.';

export interface CalibrationDoc {
  calibrationVersion: number;
  rulesVersion: number;
  level: string;
  levelVersion: number;
  /** The seeds played, 1..count (written as tournament --json writes them). */
  seeds: { count: number; first: number; last: number };
  games: number;
  method: string;
  tolerance: number;
  /** Rows that passed, failed, and could not be compared. */
  summary: { pass: number; fail: number; na: number };
  rows: CalibrationRow[];
}

export function summaryOf(rows: readonly CalibrationRow[]): CalibrationDoc['summary'] {
  let pass = 0;
  let fail = 0;
  let na = 0;
  for (const r of rows)
    if (r.pass === true) pass++;
    else if (r.pass === false) fail++;
    else na++;
  return { pass, fail, na };
}

/** The `--json` document. */
export function calibrationDoc(
  level: Level,
  seeds: readonly number[],
  rows: readonly CalibrationRow[],
): CalibrationDoc {
  return {
    calibrationVersion: CALIBRATION_VERSION,
    rulesVersion: RULES_VERSION,
    level: level.id,
    levelVersion: level.version,
    seeds: { count: seeds.length, first: seeds[0] ?? 0, last: seeds[seeds.length - 1] ?? 0 },
    games: seeds.length * CALIBRATION_COMPANIES.length,
    method: METHOD,
    tolerance: TOLERANCE,
    summary: summaryOf(rows),
    rows: [...rows],
  };
}

/** A figure in its unit: ¥M / ¥B, ¥ per user, ¥ per million tokens, %, ×. */
export function formatFigure(unit: Unit, x: number): string {
  switch (unit) {
    case 'money':
      return money('en', Math.round(x));
    case 'yuanPerUser':
      return `¥${x.toFixed(1)}`;
    case 'price':
      return `¥${x.toFixed(x < 10 ? 3 : 1)}/Mtok`;
    case 'share':
      return `${(x * 100).toFixed(1)}%`;
    case 'times':
      return `${x.toFixed(1)}×`;
  }
}

export function formatReal(unit: Unit, real: Real): string {
  switch (real.kind) {
    case 'point':
      return formatFigure(unit, real.value);
    case 'range':
      return `${formatFigure(unit, real.min)}–${formatFigure(unit, real.max)}`;
    case 'floor':
      return `> ${formatFigure(unit, real.min)}`;
    case 'none':
      return '—';
  }
}

const verdict = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'PASS' : 'FAIL');

/** The printed table: aligned columns, then the summary and the notes. */
export function formatCalibrationTable(
  level: Level,
  seeds: readonly number[],
  rows: readonly CalibrationRow[],
): string {
  const head = ['row', 'game', 'real', 'game/real', 'n', 'result'];
  const body = rows.map((r) => [
    r.label,
    r.game === null ? 'n/a' : formatFigure(r.unit, r.game),
    formatReal(r.unit, r.real),
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
    `${r.n}/${r.games}`,
    verdict(r.pass),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const s = summaryOf(rows);
  const seedText = seeds.length > 1 ? `seeds ${seeds[0]}…${seeds[seeds.length - 1]}` : `seed ${seeds[0]}`;
  const cac = ROWS.find((r) => r.id === 'domestic-cac-2024')!;
  return [
    `calibration v${CALIBRATION_VERSION}  level ${level.id} v${level.version}  rules v${RULES_VERSION}  ${seedText} (${seeds.length})  ${seeds.length * CALIBRATION_COMPANIES.length} games`,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
    `${s.pass} pass, ${s.fail} fail, ${s.na} n/a`,
    '',
    `method: ${METHOD}`,
    `result: PASS within ${TOLERANCE}× of a point figure, inside a range widened ${TOLERANCE}× (min/${TOLERANCE}..max·${TOLERANCE}), ` +
      `or at least a floor/${TOLERANCE}; a real 0 % is met only by 0 %. game/real: to the point, to the nearest end ` +
      'of a range (1.00 inside), to the floor.',
    'n: games that gave a figure; n/a when fewer than half did (the company was gone, or the quarters were not played).',
    `domestic cost per user: ${cac.measured}`,
    '',
  ].join('\n');
}
