// Registry of the levels bundled with the game. Level files are data, validated on first use and then
// cached: the app, the sim CLI and the bench all get the same resolved Level object for an id.

import attrition from '../../levels/attrition.json';
import bertrandLab from '../../levels/bertrand-lab.json';
import cheapCompute from '../../levels/cheap-compute.json';
import historical2023 from '../../levels/historical-2023.json';
import noPriceWar from '../../levels/no-price-war.json';
import type { CompanySpec, Level } from '../engine/level';
import { formatLevelErrors, loadLevel } from '../engine/level';

// To bundle another level: import its JSON above and add one line here (key = the file's `id`).
const BUNDLED = {
  'historical-2023': historical2023,
  'bertrand-lab': bertrandLab,
  attrition: attrition,
  'no-price-war': noPriceWar,
  'cheap-compute': cheapCompute,
} as const satisfies Record<string, unknown>;

export type LevelId = keyof typeof BUNDLED;

/** Ids of the bundled levels, in menu order. */
export const LEVEL_IDS = Object.keys(BUNDLED) as readonly LevelId[];

const cache = new Map<string, Level>();

function isLevelId(id: string): id is LevelId {
  return Object.hasOwn(BUNDLED, id);
}

/**
 * The bundled level with this id, or undefined if there is none. A bundled file that fails validation
 * throws: that is a bug in the shipped data, not something a caller can recover from.
 */
export function findLevel(id: string): Level | undefined {
  const cached = cache.get(id);
  if (cached) return cached;
  if (!isLevelId(id)) return undefined;
  const result = loadLevel(BUNDLED[id]);
  if (!result.ok) {
    throw new Error(`bundled level "${id}" is invalid: ${formatLevelErrors(result.errors)}`);
  }
  if (result.level.id !== id) {
    throw new Error(`bundled level "${id}" is invalid: id: the file says "${result.level.id}"`);
  }
  cache.set(id, result.level);
  return result.level;
}

/** The bundled level with this id; throws if there is none or if it is broken. */
export function getLevel(id: string): Level {
  const level = findLevel(id);
  if (!level) throw new Error(`unknown level "${id}" (bundled: ${LEVEL_IDS.join(', ')})`);
  return level;
}

/** What drawing a company's emblem reads of it. */
export type CompanyLook = Pick<CompanySpec, 'id' | 'name' | 'color'>;

/**
 * A bundled level's companies as its file lists them, for drawing their emblems: the level is not
 * validated and resolved for it (the first screen does not wait for that).
 */
export function levelCompanies(id: LevelId): readonly CompanyLook[] {
  return cache.get(id)?.companies ?? (BUNDLED[id].companies as readonly CompanyLook[]);
}
