// A thread's warm-up is real work on worlds of its own: every unit runs (a warm-up code that did
// not verify would throw), the units are the reference runs of the asked worlds then the codes,
// and warming up changes no class's result (the engine keeps no state between games).

import { describe, expect, it } from 'vitest';
import { PAR_RUNS, referenceScores } from '../../engine/index';
import { getLevel } from '../levels';
import { referenceRunUnits, WARM_UP_SEED } from '../warm-up-runs';
import { warmUpUnits } from './warm-up';

describe('warm-up', () => {
  const level = getLevel('historical-2023');

  it('is the reference runs of the asked worlds, then the codes, and every unit runs', () => {
    expect(referenceRunUnits(level, 2)).toHaveLength(2 * PAR_RUNS);
    const units = warmUpUnits(level, 1, 2);
    expect(units).toHaveLength(PAR_RUNS + 2);
    for (const unit of units) expect(() => unit()).not.toThrow();
  });

  it('plays worlds no class shares with the seeds a teacher hands out, and changes no par', () => {
    expect(WARM_UP_SEED).toBeGreaterThan(1_000_000);
    const before = referenceScores(level, 42, 'stepfun');
    for (const unit of warmUpUnits(level, 1, 1)) unit();
    expect(referenceScores(level, 42, 'stepfun')).toEqual(before);
  });
});
