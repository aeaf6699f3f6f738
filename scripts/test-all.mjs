// The one test command (npm test): lint + format check, strict type check, every test.
// Fails when any stage fails, when the runner collected fewer test files than exist on disk,
// or when it executed no test at all (a green run that tested nothing is a failure).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function run(label, cmd, args) {
  console.log(`\n== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n✗ ${label} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

function testFilesOnDisk(dir, out = []) {
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'browser') continue;
    if (statSync(join(root, path)).isDirectory()) testFilesOnDisk(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

run('lint and format (Biome)', 'npx', ['biome', 'check', '.']);
run('type check (tsc --noEmit, strict)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('unit, property and cross-module tests (Vitest)', 'npx', ['vitest', 'run']);

// Browser tests: the built game played in Debian's Chromium (see vitest.browser.config.ts).
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `\n✗ the browser tests need Chromium at ${chromium}: install it with ` +
      '`apt-get install -y chromium fonts-noto-cjk` (Debian/Ubuntu, as root), or set CHROMIUM_PATH',
  );
  process.exit(1);
}
// The cross-runtime determinism test also plays seeded games in Debian's Firefox ESR; a machine
// without it must say so (SIX_TIGERS_NO_FIREFOX=1) rather than pass without the check.
const firefox = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
if (!existsSync(firefox) && process.env.SIX_TIGERS_NO_FIREFOX !== '1') {
  console.error(
    `\n✗ the cross-runtime test needs Firefox at ${firefox}: install it with ` +
      '`apt-get install -y firefox-esr` (Debian, as root), set FIREFOX_PATH, ' +
      'or set SIX_TIGERS_NO_FIREFOX=1 to skip the Firefox check',
  );
  process.exit(1);
}
run('browser tests (Chromium, Firefox ESR)', 'npx', ['vitest', 'run', '-c', 'vitest.browser.config.ts']);

const report = JSON.parse(readFileSync(join(root, 'test-results/vitest.json'), 'utf8'));
const onDisk = [...testFilesOnDisk('src'), ...testFilesOnDisk('tests')].sort();
const collected = new Set(report.testResults.map((r) => relative(root, r.name)));
const missing = onDisk.filter((f) => !collected.has(f));
const executed = report.numPassedTests + report.numFailedTests;
console.log(
  `\ncollected ${collected.size} test files of ${onDisk.length} on disk; ` +
    `${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`,
);
if (missing.length > 0) {
  console.error(`✗ test files on disk that the runner did not collect:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
if (executed === 0) {
  console.error('✗ the runner executed no test');
  process.exit(1);
}
if (report.numFailedTests > 0 || !report.success) process.exit(1);
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed`);
