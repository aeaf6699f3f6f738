// The long fuzz run (npm run fuzz): the property and fuzz tests (vitest.fuzz.config.ts) with every
// case budget multiplied by FUZZ_SCALE (default 10) and a fresh FUZZ_SEED (printed, so a failing
// run can be repeated: FUZZ_SEED=<n> npm run fuzz). Prints how many cases ran, and in how long.
//   npm run fuzz                      FUZZ_SCALE=50 npm run fuzz
//   npm run fuzz -- tests/save-fuzz.test.ts      (only some of the files)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const scale = Number(process.env.FUZZ_SCALE ?? 10);
if (!(scale >= 1)) {
  console.error(`FUZZ_SCALE must be a number ≥ 1, got ${process.env.FUZZ_SCALE}`);
  process.exit(2);
}
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) | 0 : (Math.random() * 0x7fffffff) | 0;
const countDir = mkdtempSync(join(tmpdir(), 'six-tigers-fuzz-'));

console.log(`fuzz: FUZZ_SCALE=${scale} FUZZ_SEED=${seed}`);
const started = performance.now();
const r = spawnSync('npx', ['vitest', 'run', '-c', 'vitest.fuzz.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SCALE: String(scale), FUZZ_SEED: String(seed), FUZZ_COUNT_DIR: countDir },
});
const seconds = (performance.now() - started) / 1000;

const byFile = new Map();
for (const name of readdirSync(countDir)) {
  const c = JSON.parse(readFileSync(join(countDir, name), 'utf8'));
  const prev = byFile.get(c.file) ?? { cases: 0, properties: 0 };
  byFile.set(c.file, { cases: prev.cases + c.cases, properties: prev.properties + c.properties });
}
rmSync(countDir, { recursive: true, force: true });
let cases = 0;
let properties = 0;
console.log('\nfuzz cases by file:');
for (const [file, c] of [...byFile].sort()) {
  console.log(`  ${file.padEnd(28)} ${String(c.cases).padStart(9)} cases in ${c.properties} properties`);
  cases += c.cases;
  properties += c.properties;
}
const ok = r.status === 0;
console.log(
  `fuzz: ${cases} cases in ${properties} properties, ${seconds.toFixed(1)} s ` +
    `(FUZZ_SCALE=${scale}, FUZZ_SEED=${seed}) — ${ok ? 'all passed' : 'FAILED'}`,
);
if (!ok) {
  console.log(`repeat with: FUZZ_SCALE=${scale} FUZZ_SEED=${seed} npm run fuzz`);
  process.exit(r.status || 1);
}
