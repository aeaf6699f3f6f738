// Prints the game-vs-real calibration table of the historical level: each of the six startups
// played as a rival by its own archetype, seeds 1..N, medians next to the real companies' figures
// (src/app/calibration/ holds the rows and the method).
//   npm run --silent calibrate                       (seeds 1..50, historical-2023, a table)
//   npm run --silent calibrate -- --seeds 10 --json  (one JSON document)
// A progress bar is drawn on stderr only when it is a terminal. The output depends only on the
// arguments: the engine is deterministic and nothing here reads a clock into stdout.

import {
  CALIBRATION_COMPANIES,
  calibrationDoc,
  calibrationLevelProblem,
  calibrationTable,
  DEFAULT_SEEDS,
  formatCalibrationTable,
} from '../src/app/calibration';
import { findLevel, LEVEL_IDS } from '../src/app/levels';
import { setStateFreezing } from '../src/engine/index';
import { levelOfCli, parseCli, runCli, UsageError } from './cli-args';
import { ProgressLine } from './progress';

const PROG = 'calibrate';
/** More seeds than this is a typo rather than a calibration (6 games a seed). */
const MAX_SEEDS = 100_000;

/** The bundled levels the rows make sense on (the six companies over 2023–2024). */
const CALIBRATABLE = LEVEL_IDS.filter((id) => {
  const level = findLevel(id);
  return level !== undefined && calibrationLevelProblem(level) === null;
});

const SPEC = {
  level: {
    kind: 'string',
    default: 'historical-2023',
    value: 'id',
    help: `bundled level with the six historical companies: ${CALIBRATABLE.join(', ')}`,
  },
  seeds: {
    kind: 'string',
    default: String(DEFAULT_SEEDS),
    value: 'n',
    help: `play seeds 1..n, ${CALIBRATION_COMPANIES.length} games a seed`,
  },
  json: { kind: 'flag', help: 'print one JSON document instead of the table' },
} as const;

const SUMMARY =
  'Prints the game-vs-real calibration table: each of the six startups played as a rival by its own\n' +
  'archetype, the median over the seeds next to the real companies’ figures, PASS within 2×.';

function parseSeedCount(raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > MAX_SEEDS)
    throw new UsageError(
      `${PROG}: bad --seeds "${raw}" (valid: a number of seeds 1..${MAX_SEEDS}, played as 1..n)`,
    );
  return n;
}

runCli(() => {
  const parsed = parseCli(PROG, process.argv.slice(2), SPEC, SUMMARY);
  if (parsed.help) {
    process.stdout.write(parsed.usage);
    return;
  }
  const { values } = parsed;
  const level = levelOfCli(PROG, values.level);
  const problem = calibrationLevelProblem(level);
  if (problem) throw new UsageError(`${PROG}: level ${level.id} cannot be calibrated: ${problem}`);
  const count = parseSeedCount(values.seeds);
  const seeds = Array.from({ length: count }, (_, i) => i + 1);

  setStateFreezing(false);
  const progress = new ProgressLine();
  const rows = calibrationTable(level, seeds, (done, total) =>
    progress.show(() => `${done}/${total} games  ${progress.seconds}s`, done / total, done === total),
  );
  progress.clear();
  process.stdout.write(
    values.json
      ? `${JSON.stringify(calibrationDoc(level, seeds, rows), null, 2)}\n`
      : formatCalibrationTable(level, seeds, rows),
  );
});
