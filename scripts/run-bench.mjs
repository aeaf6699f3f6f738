// `npm run bench`: bundles the bench into one module in production mode, as the browser build
// ships the engine, then runs it with the arguments given. Timing the engine through a
// TypeScript loader would measure the loader's module wrappers as much as the engine.
import { spawnSync } from 'node:child_process';
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
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
