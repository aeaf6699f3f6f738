// The autopilots' profiles on a level: turns that count back from the level's end (`fromEnd`).

import { describe, expect, it } from 'vitest';
import { AUTOPILOT_PROFILES, onLevel } from './profiles';

describe('onLevel', () => {
  const balanced = AUTOPILOT_PROFILES.balanced;

  it("turns the balanced autopilot's push and harvest into turns of the level, counted from its end", () => {
    const at16 = onLevel(balanced, 16);
    expect([at16.pretrainingCut?.from, at16.harvestFrom, at16.harvestLate]).toEqual([10, 11, 12]);
    const at12 = onLevel(balanced, 12);
    expect([at12.pretrainingCut?.from, at12.harvestFrom, at12.harvestLate]).toEqual([6, 7, 8]);
    expect(at12.fromEnd).toBe(false);
  });

  it('on a level too short to train first and harvest after, neither cuts its pretraining nor harvests', () => {
    const at8 = onLevel(balanced, 8);
    expect(at8.harvestFrom).toBeNull();
    expect(at8.pretrainingCut).toBeUndefined();
    expect(at8.harvestLate).toBeUndefined();
    expect(at8.pretrainingBp).toBe(balanced.pretrainingBp);
  });

  it('leaves a profile whose turns are turns as it is', () => {
    const p = AUTOPILOT_PROFILES['overseas-first'];
    expect(onLevel(p, 12)).toBe(p);
  });
});
