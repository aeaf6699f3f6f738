// Regenerates the golden hashes (tests/golden/<level>.json) under the current RULES_VERSION.
// Run after bumping RULES_VERSION in src/engine/version.ts:  npx tsx scripts/update-golden.ts
// Pass --check to only compare (exit 1 on a difference) without writing. It refuses to overwrite hashes
// that changed under the same RULES_VERSION unless --force (e.g. when the list of golden games changed).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES_VERSION } from '../src/engine/index';
import {
  checkGolden,
  computeGoldenGame,
  GOLDEN_DIR,
  GOLDEN_GAMES,
  type GoldenFile,
  type GoldenGame,
} from './golden';

const checkOnly = process.argv.includes('--check');
const force = process.argv.includes('--force');

function readOld(file: string): GoldenFile | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as GoldenFile;
  } catch {
    return null;
  }
}

const byLevel = new Map<string, GoldenGame[]>();
for (const spec of GOLDEN_GAMES) {
  const games = byLevel.get(spec.level) ?? [];
  games.push(computeGoldenGame(spec));
  byLevel.set(spec.level, games);
}

let failed = false;
mkdirSync(GOLDEN_DIR, { recursive: true });
for (const [levelId, games] of byLevel) {
  const file = join(GOLDEN_DIR, `${levelId}.json`);
  const old = readOld(file);
  const check = old ? checkGolden(old, games, RULES_VERSION) : null;
  if (checkOnly) {
    console.log(`${levelId}: ${check ? `${check.status}\n${check.message}` : 'no golden file'}`);
    if (check?.status !== 'ok') failed = true;
    continue;
  }
  if (check?.status === 'rules-changed-without-version-bump' && !force) {
    console.error(
      `${levelId}: the hashes changed under the same RULES_VERSION (${RULES_VERSION}). Bump RULES_VERSION in ` +
        'src/engine/version.ts first (or pass --force if the golden game list itself changed).\n' +
        check.message,
    );
    failed = true;
    continue;
  }
  const out: GoldenFile = { rulesVersion: RULES_VERSION, games };
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(
    `wrote ${file}: ${games.length} games, rules version ${RULES_VERSION} (${check?.status ?? 'new'})`,
  );
}
if (failed) process.exit(1);
