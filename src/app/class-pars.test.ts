// The par work's share of the progress bar: a world played elsewhere moves the bar run by run as
// the service tells its runs, and each world counts PAR_RUNS units in all, once, whoever played it
// (a world whose worker crashed halfway is counted in full when the page has played it).

import { describe, expect, it } from 'vitest';
import { PAR_RUNS, referenceScores } from '../engine/index';
import type { BaselineService } from './class/verify-class';
import { ClassPars } from './class-pars';
import { getLevel } from './levels';
import { parKey } from './par';
import { slicer } from './slicer';

describe('ClassPars progress', () => {
  const level = getLevel('historical-2023');

  async function counts(crashAfter: number | null): Promise<{ steps: number[]; here: number }> {
    const service: BaselineService = async (w, ran) => {
      for (let k = 1; k < (crashAfter ?? PAR_RUNS); k++) ran?.(k);
      // A repeated or lower count moves nothing.
      ran?.(1);
      if (crashAfter !== null) throw new Error('the worker crashed');
      return referenceScores(level, w.seed, w.company);
    };
    const steps: number[] = [];
    const pars = new ClassPars(new Map(), (units) => steps.push(units), service);
    const w = { level, seed: 12, company: 'zhipu' };
    const k = parKey(level, w.seed, w.company);
    pars.add(k, w);
    const par = await pars.parOf(k, w, slicer(0), null);
    expect(par?.scores).toHaveLength(PAR_RUNS);
    return { steps, here: pars.stats.here };
  }

  it('moves one unit per run a worker reports, PAR_RUNS in all', async () => {
    const { steps, here } = await counts(null);
    expect(here).toBe(0);
    expect(steps).toEqual([...Array.from({ length: PAR_RUNS - 1 }, () => 1), 1]);
  });

  it('counts the rest of a world once when its worker crashed and the page played it', async () => {
    const { steps, here } = await counts(10);
    expect(here).toBe(1);
    expect(steps).toEqual([...Array.from({ length: 9 }, () => 1), PAR_RUNS - 9]);
  });
});
