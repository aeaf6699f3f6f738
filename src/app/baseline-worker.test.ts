// The baseline worker's answers are the engine's baselines; a job it cannot do is answered with
// an error rather than thrown (the page then computes that baseline itself).

import { describe, expect, it } from 'vitest';
import { autopilotBaseline } from '../engine/index';
import { answer } from './baseline-worker';
import { getLevel } from './levels';

describe('baseline worker', () => {
  const level = getLevel('historical-2023');
  const job = {
    id: 7,
    levelId: level.id,
    levelVersion: level.version,
    seed: 31,
    company: 'moonshot',
    runs: 8,
  };

  it('answers a job with the sorted autopilot baseline of that world', () => {
    const a = answer(job);
    expect(a).toEqual({ id: 7, ok: true, scores: autopilotBaseline(level, 31, 'moonshot', 8) });
    if (a.ok) expect(a.scores).toEqual([...a.scores].sort((x, y) => x - y));
  });

  it('answers an unknown level, another level version or company with an error', () => {
    expect(answer({ ...job, levelId: 'atlantis' })).toMatchObject({ id: 7, ok: false });
    expect(answer({ ...job, levelVersion: level.version + 1 })).toMatchObject({ id: 7, ok: false });
    const bad = answer({ ...job, company: 'openai' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/openai/);
  });
});
