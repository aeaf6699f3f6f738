// The worker's answers are the engine's reference scores of a world (the par runs); a job it
// cannot do is answered with an error rather than thrown (the page then plays that world itself).

import { describe, expect, it } from 'vitest';
import { PAR_RUNS, referenceScores } from '../engine/index';
import { answer } from './baseline-worker';
import { getLevel } from './levels';
import { parFor, parFromAnswer } from './par';

describe('baseline worker', () => {
  const level = getLevel('historical-2023');
  const job = { id: 7, levelId: level.id, levelVersion: level.version, seed: 31, company: 'moonshot' };

  it("answers a job with the world's reference scores, which make the page's par", () => {
    const ran: number[] = [];
    const a = answer(job, (runs) => ran.push(runs));
    // Told after each run but the last (the answer itself says the last).
    expect(ran).toEqual(Array.from({ length: PAR_RUNS - 1 }, (_, k) => k + 1));
    expect(a).toEqual({ id: 7, ok: true, scores: referenceScores(level, 31, 'moonshot') });
    if (!a.ok) return;
    expect(a.scores).toHaveLength(PAR_RUNS);
    expect(parFromAnswer(a.scores)).toEqual(parFor(level, 31, 'moonshot', new Map()));
  });

  it('answers an unknown level, another level version or company with an error', () => {
    expect(answer({ ...job, levelId: 'atlantis' })).toMatchObject({ id: 7, ok: false });
    expect(answer({ ...job, levelVersion: level.version + 1 })).toMatchObject({ id: 7, ok: false });
    const bad = answer({ ...job, company: 'openai' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/openai/);
  });

  it('a malformed answer makes no par (the page plays the world itself)', () => {
    expect(parFromAnswer([3, 2, 1])).toBeNull();
    expect(parFromAnswer(Array.from({ length: PAR_RUNS }, () => Number.NaN))).toBeNull();
    expect(parFromAnswer(Array.from({ length: PAR_RUNS }, (_, i) => PAR_RUNS - i))).toMatchObject({
      par: (PAR_RUNS + 1) / 2,
    });
  });
});
