// Set up by vitest.fuzz.config.ts in every test file of a fuzz run: counts the cases fast-check
// runs (a reporter that still fails the test on a counterexample) and leaves the count of each
// file in FUZZ_COUNT_DIR for scripts/fuzz.mjs to add up and print.

import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';

let cases = 0;
let properties = 0;

fc.configureGlobal({
  ...fc.readConfigureGlobal(),
  reporter: (details) => {
    cases += details.numRuns;
    properties++;
    if (details.failed)
      throw new Error(fc.defaultReportMessage(details) ?? 'property failed', {
        cause: details.errorInstance,
      });
  },
});

afterAll(() => {
  const dir = process.env.FUZZ_COUNT_DIR;
  const file = expect.getState().testPath ?? 'unknown';
  if (!dir) return;
  const name = `${basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.json`;
  writeFileSync(join(dir, name), JSON.stringify({ file: basename(file), cases, properties }));
});
