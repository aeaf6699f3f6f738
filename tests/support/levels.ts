// Test support, levels: the bundled level files and every (level, playable company) pair.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLevel, LEVEL_IDS } from '../../src/app/levels';
import type { Level } from '../../src/engine/level';

// ---------------------------------------------------------------------------------------
// Levels

export const ROOT = new URL('../..', import.meta.url).pathname;
export const LEVELS_DIR = join(ROOT, 'levels');
export const HISTORICAL_ID = 'historical-2023';

/** The raw JSON of every bundled level file, by file name. */
export function levelFiles(): { file: string; json: unknown }[] {
  return readdirSync(LEVELS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, json: JSON.parse(readFileSync(join(LEVELS_DIR, file), 'utf8')) as unknown }));
}

/** The raw JSON of the historical level (a fresh copy on every call: tests may break it). */
export function historicalJson(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(LEVELS_DIR, `${HISTORICAL_ID}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** Every bundled level (src/app/levels.ts), validated. */
export function allLevels(): Level[] {
  return LEVEL_IDS.map((id) => getLevel(id));
}

export function getTestLevel(id: string = HISTORICAL_ID): Level {
  return getLevel(id);
}

/** Every (level, playable company) pair. */
export function levelCompanyPairs(): { level: Level; company: string }[] {
  return allLevels().flatMap((level) => level.player.companies.map((company) => ({ level, company })));
}
