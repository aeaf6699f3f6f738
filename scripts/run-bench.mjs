// `npm run bench`: bundles the bench into one module in production mode, as the browser build
// ships the engine, then runs it with the arguments given. Timing the engine through a
// TypeScript loader would measure the loader's module wrappers as much as the engine.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${root}node_modules/.cache/six-tigers/bench.mjs`;
await build({
  entryPoints: [`${root}scripts/bench.ts`],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
const args = process.argv.slice(2);
const run = spawnSync(process.execPath, [outfile, ...args.filter((a) => a !== '--engine-only')], {
  stdio: 'inherit',
});
if (run.status !== 0 || args.includes('--engine-only') || args.includes('--help'))
  process.exit(run.status ?? 1);

// The browser figures: bundle size, first screen, quarter transition, JS heap, and verifying
// 500 codes in the instructor view (headless Chromium).
const browser = spawnSync(
  'npx',
  ['vitest', 'run', '-c', 'vitest.browser.config.ts', 'tests/browser/figures.test.ts'],
  { cwd: root, env: { ...process.env, SIX_TIGERS_BENCH: '1' }, encoding: 'utf8' },
);
if (browser.status !== 0) {
  process.stderr.write(browser.stdout + browser.stderr);
  process.exit(browser.status ?? 1);
}
const figures = JSON.parse(readFileSync(`${root}test-results/browser-figures.json`, 'utf8'));
const budgets = {
  gzipKB: 450,
  firstScreenMs: 1500,
  quarterTransitionMs: 100,
  heapMB: 150,
  verify500OneSeedMs: 3000,
  verify500Ms: 3000,
};
// Printed for comparison, with no budget: Verify pressed as soon as the codes are pasted (the
// threads' warm-up cut short).
const unbudgeted = ['verify500ColdMs'];
if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ browser: { figures, budgets } }, null, 2)}\n`);
} else {
  process.stdout.write('\nbrowser (headless Chromium, medians)\n');
  for (const [key, budget] of Object.entries(budgets)) {
    const v = figures[key];
    process.stdout.write(
      `  ${key.padEnd(22)} ${String(v).padStart(8)}   budget ≤ ${budget}  ${v <= budget ? 'PASS' : 'OVER'}\n`,
    );
  }
  for (const key of unbudgeted)
    process.stdout.write(`  ${key.padEnd(22)} ${String(figures[key]).padStart(8)}   (no budget)\n`);
}
