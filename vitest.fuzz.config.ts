// The long fuzz run (npm run fuzz, through scripts/fuzz.mjs, which sets FUZZ_SCALE and FUZZ_SEED):
// the property and fuzz test files with every budget multiplied, counting the cases they run.
import { defineConfig } from 'vitest/config';

export const FUZZ_FILES = [
  'tests/properties.test.ts',
  'tests/replay-fuzz.test.ts',
  'tests/level-fuzz.test.ts',
  'tests/save-fuzz.test.ts',
  'tests/code-stream.test.ts',
  'tests/printable.test.ts',
];

export default defineConfig({
  test: {
    include: FUZZ_FILES,
    environment: 'node',
    setupFiles: ['tests/fuzz-setup.ts'],
    testTimeout: 2 * 60 * 60_000,
    hookTimeout: 10 * 60_000,
    reporters: ['default'],
  },
});
