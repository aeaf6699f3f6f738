// `npm run screenshots`: refreshes the README's screenshots in docs/screenshots/. The browser tests
// that take them (a whole game in English, the instructor view, the dashboard on a phone) run with
// SIX_TIGERS_SCREENSHOTS=1, which makes their screenshot helper also write the chosen shots there
// (tests/browser/helpers.ts, README_SHOTS). Then each file there is checked: just written, a PNG,
// 1280×720 (the phone's 360×740), at most 300 kB.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, 'docs', 'screenshots');
const started = Date.now();
const run = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '-c',
    'vitest.browser.config.ts',
    'tests/browser/full-game.test.ts',
    'tests/browser/instructor.test.ts',
    'tests/browser/layout.test.ts',
    '-t',
    'a whole game in .?en.? |instructor view|at 360×740 fits new game',
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, SIX_TIGERS_SCREENSHOTS: '1' } },
);
if (run.status !== 0) process.exit(run.status ?? 1);

const MAX_KB = 300;
/** The shots not taken at 1280×720: [width, height]. */
const SIZES = { 'dashboard-phone.png': [360, 740] };
let bad = 0;
for (const name of readdirSync(dir)
  .filter((f) => f.endsWith('.png'))
  .sort()) {
  const png = readFileSync(join(dir, name));
  const isPng = png.subarray(1, 4).toString('latin1') === 'PNG';
  const width = isPng ? png.readUInt32BE(16) : 0;
  const height = isPng ? png.readUInt32BE(20) : 0;
  const kb = Math.round(png.length / 102.4) / 10;
  // A shot the tests no longer take would be left as it was: stale.
  const fresh = statSync(join(dir, name)).mtimeMs >= started - 1000;
  const [w, h] = SIZES[name] ?? [1280, 720];
  const ok = isPng && width === w && height === h && kb <= MAX_KB && fresh;
  if (!ok) bad++;
  console.log(
    `${ok ? 'ok  ' : 'BAD '} docs/screenshots/${name}  ${width}×${height}  ${kb} kB${fresh ? '' : '  (not refreshed)'}`,
  );
}
if (bad) {
  console.error(`${bad} screenshot(s) are not fresh PNGs of their size and at most ${MAX_KB} kB`);
  process.exit(1);
}
