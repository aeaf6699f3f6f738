// Rebuilds the counterfactual levels (levels/no-price-war.json, levels/cheap-compute.json) from
// levels/historical-2023.json plus each one's small patch (scripts/counterfactuals.ts), so that after
// the historical level is re-tuned they follow with one command:
//   npm run --silent sync-levels            (rewrite the files that differ, say which)
//   npm run --silent sync-levels -- --check (write nothing; exit 1 and name the differences if any file
//                                            is not what its patch makes of the historical level)
// Each rebuilt level is validated before it is written. --json prints one JSON document instead.
// Exit codes: 0 all in sync (or written), 1 differences found by --check or an invalid rebuilt
// level, 2 usage errors.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatLevelErrors, loadLevel } from '../src/engine/level';
import { parseCli, runCli, UsageError } from './cli-args';
import type { Counterfactual } from './counterfactuals';
import { COUNTERFACTUALS, deriveLevel, HISTORICAL_FILE, jsonDifferences, levelText } from './counterfactuals';
import { printable } from './printable';

const PROG = 'sync-levels';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const SPEC = {
  levels: {
    kind: 'string',
    default: '',
    value: 'dir',
    help: "the folder holding the level files (default: the project's levels/)",
  },
  check: { kind: 'flag', help: 'write nothing; exit 1 and name the differences if a file is out of sync' },
  json: { kind: 'flag', help: 'print one JSON document instead of the lines' },
} as const;

const SUMMARY =
  `Rebuilds each counterfactual level from ${HISTORICAL_FILE} plus its patch (scripts/counterfactuals.ts):\n` +
  COUNTERFACTUALS.map((cf) => `  ${cf.id}: ${cf.summary}`).join('\n');

interface Outcome {
  id: string;
  file: string;
  version: number;
  status: 'in-sync' | 'written' | 'differs' | 'invalid';
  /** How the committed file differs from the rebuilt level (committed → rebuilt). */
  differences: string[];
  /** Set when the content changed but the version did not: replay codes of the old level would be taken. */
  versionNote: string | null;
  errors: string | null;
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

runCli(() => {
  const parsed = parseCli(PROG, process.argv.slice(2), SPEC, SUMMARY);
  if (parsed.help) {
    process.stdout.write(parsed.usage);
    return;
  }
  const { check, json } = parsed.values;
  const dir = parsed.values.levels === '' ? join(ROOT, 'levels') : parsed.values.levels;
  /** How a file in the folder is named in the output: relative to the project for its own levels/. */
  const shown = (name: string) => (parsed.values.levels === '' ? `levels/${name}` : join(dir, name));
  let historicalText: string;
  try {
    historicalText = readFileSync(join(dir, HISTORICAL_FILE), 'utf8');
  } catch {
    throw new UsageError(`${PROG}: cannot read ${HISTORICAL_FILE} in ${dir}`);
  }
  const historical = parseOrUndefined(historicalText);
  if (historical === undefined) throw new UsageError(`${PROG}: ${shown(HISTORICAL_FILE)} is not valid JSON`);
  const outcomes = COUNTERFACTUALS.map((cf) =>
    syncLevel(historical, cf, shown(`${cf.id}.json`), join(dir, `${cf.id}.json`), check),
  );
  if (json)
    process.stdout.write(
      `${JSON.stringify({ historical: shown(HISTORICAL_FILE), check, levels: outcomes }, null, 2)}\n`,
    );
  else
    process.stdout.write(
      `${reportLines(outcomes, shown(HISTORICAL_FILE), check).map(printable).join('\n')}\n`,
    );
  if (outcomes.some((o) => o.status === 'invalid' || o.status === 'differs')) process.exitCode = 1;
});

/** Rebuilds one counterfactual level and compares it with its file (`file` as shown, at `path`), writing it unless `check`. */
function syncLevel(
  historical: unknown,
  cf: Counterfactual,
  file: string,
  path: string,
  check: boolean,
): Outcome {
  const outcome: Outcome = {
    id: cf.id,
    file,
    version: cf.version,
    status: 'in-sync',
    differences: [],
    versionNote: null,
    errors: null,
  };
  let rebuilt: Record<string, unknown>;
  try {
    rebuilt = deriveLevel(historical, cf);
  } catch (err) {
    // A patch that names a field, card or giant the historical level no longer has.
    outcome.status = 'invalid';
    outcome.errors = `its patch does not apply (${err instanceof Error ? err.message : String(err)}): edit scripts/counterfactuals.ts`;
    return outcome;
  }
  const result = loadLevel(rebuilt);
  if (!result.ok) {
    outcome.status = 'invalid';
    outcome.errors = formatLevelErrors(result.errors);
    return outcome;
  }
  const text = levelText(rebuilt);
  const committedText = readOrNull(path);
  if (committedText === text) return outcome;
  const committed = committedText === null ? undefined : parseOrUndefined(committedText);
  outcome.differences =
    committedText === null
      ? ['+ (the whole file: it does not exist yet)']
      : committed === undefined
        ? ['~ (the whole file: it is not valid JSON)']
        : jsonDifferences(committed, rebuilt);
  // Same data, other layout: still a difference (the file must be exactly what this writes).
  if (outcome.differences.length === 0) outcome.differences.push('~ (layout only: spacing or number format)');
  const { version: oldVersion, ...oldContent } = (committed ?? {}) as Record<string, unknown>;
  const { version: _, ...newContent } = rebuilt;
  if (
    committed !== undefined &&
    oldVersion === cf.version &&
    jsonDifferences(oldContent, newContent).length > 0
  )
    outcome.versionNote = `its content changed but its version is still ${cf.version}: bump \`version\` in scripts/counterfactuals.ts if students have played it`;
  if (check) outcome.status = 'differs';
  else {
    writeFileSync(path, text);
    outcome.status = 'written';
  }
  return outcome;
}

/** The lines printed without --json: each level's outcome, its differences and notes. */
function reportLines(outcomes: readonly Outcome[], historical: string, check: boolean): string[] {
  const lines: string[] = [];
  for (const o of outcomes) {
    if (o.status === 'in-sync') lines.push(`${o.id}: in sync (${o.file}, version ${o.version})`);
    else if (o.status === 'invalid')
      lines.push(`${o.id}: the rebuilt level is invalid, nothing written: ${o.errors}`);
    else {
      lines.push(
        o.status === 'written'
          ? `${o.id}: written (${o.file}, version ${o.version}), ${o.differences.length} difference(s) from the old file:`
          : `${o.id}: ${o.file} is not ${historical} + its patch, ${o.differences.length} difference(s) (file → rebuilt):`,
      );
      for (const d of o.differences) lines.push(`  ${d}`);
    }
    if (o.versionNote && o.status !== 'in-sync') lines.push(`  note: ${o.versionNote}`);
  }
  if (check && outcomes.some((o) => o.status === 'differs'))
    lines.push(`run \`npm run --silent ${PROG}\` to rewrite them`);
  return lines;
}
