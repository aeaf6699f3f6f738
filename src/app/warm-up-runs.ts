// The reference-run part of a thread's warm-up (see app/class/warm-up.ts): engine only, so the
// instructor view's baseline workers (app/baseline-worker.ts) load nothing of the view or of the
// replay codes (vite.config.ts puts this file in the engine's chunk).

import type { Level } from '../engine/index';
import { REFERENCE_STRATEGIES, referenceScore } from '../engine/index';

/** Seeds of the warm-up worlds: fixed, so a warm-up is the same work every time. */
export const WARM_UP_SEED = 9_900_001;

/** One unit per reference run of `worlds` warm-up worlds (the companies in turn); results dropped. */
export function referenceRunUnits(level: Level, worlds: number): (() => void)[] {
  const companies = level.player.companies;
  const units: (() => void)[] = [];
  for (let w = 0; w < worlds; w++) {
    const company = companies[w % companies.length]!;
    for (const r of REFERENCE_STRATEGIES)
      units.push(() => void referenceScore(level, WARM_UP_SEED + w, company, r));
  }
  return units;
}
