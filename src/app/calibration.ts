// The game-vs-real calibration table of the historical level (`npm run calibrate`): what the six
// startups' books look like when each is played by its own archetype, next to what the real
// companies reported. Method: for every seed and every one of the six, one game in which that
// company is a RIVAL (the player is the next company in the level's list, on the balanced
// autopilot); the company's figures come from its records in that game, and a row's game figure is
// the median over the seeds. Market rows (the CAC, the API price) pool all the games played.
//
// One job a file in src/app/calibration/: types.ts (the fixed terms and shapes), measures.ts
// (reading a game's history), rows.ts (the row definitions, one table: id, label, how the game
// figure is measured, the real figure or range and where it comes from), table.ts (`tableOf`, pure
// arithmetic over game histories, tested on hand-built ones, and `calibrationTable`, which plays
// the games and applies it), report.ts (the `--json` document and the printed table). This file
// re-exports them.

export { quarterIndex } from './calibration/measures';
export type { CalibrationDoc } from './calibration/report';
export {
  calibrationDoc,
  formatCalibrationTable,
  formatFigure,
  formatReal,
  METHOD,
  summaryOf,
} from './calibration/report';
export { ROWS } from './calibration/rows';
export {
  calibrationLevelProblem,
  calibrationPlayer,
  calibrationTable,
  passes,
  playCalibrationGames,
  ratioOf,
  rowOf,
  tableOf,
} from './calibration/table';
export type { CalibrationGame, CalibrationRow, Real, RowSpec, Unit } from './calibration/types';
export {
  CALIBRATION_COMPANIES,
  CALIBRATION_FIRST_QUARTER,
  CALIBRATION_LAST_QUARTER,
  CALIBRATION_PLAYER_POLICY,
  CALIBRATION_VERSION,
  DEFAULT_SEEDS,
  TOLERANCE,
} from './calibration/types';
