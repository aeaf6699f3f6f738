// The browser game's figures for `npm run bench` (not part of `npm test`: tests do not time
// things): game JS gzip size, the first interactive title screen from navigation, a quarter
// transition (end quarter → results → next dashboard, built and painted), the JS heap after a
// full game and its replay (after a forced garbage collection), and the instructor view verifying
// and ranking 500 codes (click → table and charts painted), of a class on one seed and of ten
// sections on ten seeds, Verify pressed once the view has warmed its threads (and, for comparison,
// the ten seeds pressed as soon as the codes are pasted, the warm-up cut short: no budget). Budgets: 450 kB, 1.5 s, 100 ms, 150 MB, 3 s and 3 s; each figure is
// reported with whether it is within its budget.
// Medians of several runs; written to test-results/browser-figures.json.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getLevel } from '../../src/app/levels';
import { decodeReplay, encodeReplay, replayCodeOf } from '../../src/app/replay-code';
import { POLICIES, playGame, setStateFreezing } from '../../src/engine/index';
import type { Command } from '../../src/engine/types';
import { answerCards, launch, newGame, openGame, playQuarter, ROOT, waitScreen } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

const figures: Record<string, number> = {};

function markTime(page: Page, name: string): Promise<number> {
  return page.evaluate((n) => {
    const marks = performance.getEntriesByName(n);
    return marks.length ? marks[marks.length - 1]!.startTime : Number.NaN;
  }, name);
}

async function waitMark(page: Page, name: string, count: number, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    ([n, c]) => performance.getEntriesByName(n as string).length >= (c as number),
    [name, count] as const,
    { timeout },
  );
}

describe('figures', () => {
  it('measures the gzipped JavaScript (budget 450 kB)', () => {
    const dir = join(ROOT, 'dist', 'assets');
    let total = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.js'))) {
      const kb = gzipSync(readFileSync(join(dir, f))).length / 1024;
      figures[`gzipKB:${f.replace(/-[\w-]{8}\.js$/, '')}`] = Math.round(kb * 10) / 10;
      total += kb;
    }
    figures.gzipKB = Math.round(total * 10) / 10;
    expect(total).toBeGreaterThan(0);
  });

  it('measures the first interactive title screen (budget 1.5 s)', async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { page, context } = await openGame(browser, inject('baseUrl'));
      await waitMark(page, 'six-tigers:ready:Title', 1);
      times.push(await markTime(page, 'six-tigers:ready:Title'));
      await context.close();
    }
    figures.firstScreenMs = Math.round(median(times));
    expect(Number.isFinite(figures.firstScreenMs)).toBe(true);
  });

  it('measures a quarter transition (budget 100 ms)', async () => {
    const { page, context } = await openGame(browser, inject('baseUrl'));
    try {
      await waitScreen(page, 'Title');
      await page.click('#btn-new');
      await waitScreen(page, 'NewGame');
      await page.check('#company-minimax');
      await page.fill('#seed-input', '2024');
      await page.click('#btn-start');
      await waitScreen(page, 'Dashboard');
      const work: number[] = [];
      // Seven quarters: on rules 5, in this game's eighth quarter (MiniMax, seed 2024) the card
      // answered with key 1 sells the company, so the game ends with no results screen. The median
      // is over quarters 2–7.
      for (let q = 1; q <= 7; q++) {
        await answerCards(page, '1');
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.keyboard.press('Enter');
        await waitMark(page, 'six-tigers:ready:Results', q);
        await waitScreen(page, 'Results');
        const toResults =
          (await markTime(page, 'six-tigers:ready:Results')) -
          (await markTime(page, 'six-tigers:quarter-end'));
        const ended = await page.evaluate(() => {
          const st = window.__sixTigers?.state() as { ending: unknown } | null | undefined;
          return st?.ending !== null && st?.ending !== undefined;
        });
        if (ended) break;
        await page.keyboard.press('Enter');
        await waitMark(page, 'six-tigers:ready:Dashboard', q + 1);
        await waitScreen(page, 'Dashboard');
        const toDashboard =
          (await markTime(page, 'six-tigers:ready:Dashboard')) -
          (await markTime(page, 'six-tigers:leave:Results'));
        // The first quarter also pays for the JIT warming up; the median is over the rest.
        if (q > 1) work.push(toResults + toDashboard);
        console.log(
          `quarter ${q}: end→results ${Math.round(toResults)} ms, results→dashboard ${Math.round(toDashboard)} ms`,
        );
        if ((await page.evaluate(() => window.__sixTigers?.screen())) !== 'Dashboard') break;
      }
      figures.quarterTransitionMs = Math.round(median(work));
      expect(Number.isFinite(figures.quarterTransitionMs)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('measures the JS heap after a full game and its replay (budget 150 MB)', async () => {
    const { page, context } = await openGame(browser, inject('baseUrl'));
    try {
      await newGame(page, 'zhipu', 1500);
      let screen = 'Dashboard';
      let quarters = 0;
      // Lean spending each quarter, so the company lasts the whole game.
      for (; quarters < 40 && screen === 'Dashboard'; quarters++) {
        await answerCards(page, '1');
        await page.click('#spend-lean');
        screen = await playQuarter(page);
      }
      expect(screen).toBe('Ending');
      expect(quarters).toBeGreaterThanOrEqual(12);
      await waitScreen(page, 'Ending');
      const code = await page.inputValue('#replay-code');
      expect(code).toMatch(/^ST2\./);
      await page.click('#btn-title');
      await waitScreen(page, 'Title');
      await page.click('#btn-replay');
      await waitScreen(page, 'Replay');
      await page.fill('#replay-input', code);
      await page.click('#btn-verify');
      await page.waitForSelector('#replay-result[data-status="valid"]', { timeout: 30_000 });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
      figures.heapMB = Math.round((used / 2 ** 20) * 10) / 10;
      console.log(`JS heap after a ${quarters}-quarter game and its replay: ${figures.heapMB} MB`);
      expect(figures.heapMB).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  /**
   * 490 played codes on these seeds (students spread over the six companies and every autopilot
   * style, random play with its own stream each), then 6 codes edited after export (tampered),
   * 2 with an illegal command and 2 damaged in copying, spread through the class: a CSV of 500.
   */
  function classOf(seeds: readonly number[]): string {
    const level = getLevel('historical-2023');
    const lookup = (id: string) => (id === level.id ? level : undefined);
    const companies = level.player.companies;
    setStateFreezing(false);
    const codes: string[] = [];
    try {
      for (let i = 0; i < 490; i++) {
        const policy = POLICIES[i % POLICIES.length]!;
        const played = playGame(
          level,
          seeds[i % seeds.length]!,
          companies[Math.floor(i / seeds.length) % companies.length]!,
          policy,
          policy === 'random' ? i + 1 : 0,
        );
        codes.push(replayCodeOf(level, played.state, played.log));
      }
    } finally {
      setStateFreezing(true);
    }
    const edit = (code: string, change: (log: Command[]) => Command[]) => {
      const d = decodeReplay(code, lookup);
      if (!d.ok) throw new Error(d.message);
      return encodeReplay({ ...d.replay, log: change(d.replay.log.slice()) }, level);
    };
    const bad: string[] = [];
    for (let k = 0; k < 6; k++)
      bad.push(
        edit(codes[k * 7]!, (log) =>
          log.map((c) =>
            c.type === 'plan/set-spend' ? { ...c, amount: Math.max(0, c.amount - 500 - k) } : c,
          ),
        ),
      );
    for (let k = 0; k < 2; k++)
      bad.push(
        edit(codes[k * 11 + 3]!, (log) => {
          log.splice(5 + k, 0, { type: 'plan/set-spend', amount: 10 ** 12 });
          return log;
        }),
      );
    for (let k = 0; k < 2; k++) {
      const c = codes[k * 13 + 5]!;
      const i = Math.floor(c.length / 2) + k;
      bad.push(c.slice(0, i) + (c[i] === 'A' ? 'B' : 'A') + c.slice(i + 1));
    }
    const all = codes.slice();
    for (const [k, c] of bad.entries()) all.splice(k * 47 + 9, 0, c);
    expect(all).toHaveLength(500);
    return ['name,code', ...all.map((c, i) => `student ${i + 1},${c}`)].join('\n');
  }

  /**
   * Median of three runs, click → table and charts painted; and how often the bar moved. `warm`:
   * Verify is pressed once the view has warmed its threads (the ready mark: what an instructor who
   * takes a second or two to paste gets); else as soon as the codes are pasted (the warm-up is cut
   * short wherever it has got to).
   */
  async function timeClass(
    text: string,
    worlds: number,
    label: string,
    warm = true,
  ): Promise<{ ms: number; steps: number }> {
    const times: number[] = [];
    const moves: number[] = [];
    for (let run = 0; run < 3; run++) {
      const { page, context, problems } = await openGame(browser, inject('baseUrl'));
      try {
        await waitScreen(page, 'Title');
        await page.click('#btn-lang-en');
        await page.click('#btn-instructor');
        await waitScreen(page, 'Instructor');
        await page.fill('#instructor-input', text);
        if (warm) {
          await waitMark(page, 'six-tigers:instructor:ready', 1, 60_000);
          const after =
            (await markTime(page, 'six-tigers:instructor:ready')) -
            (await markTime(page, 'six-tigers:create:Instructor'));
          console.log(`${label}: the view's threads were warm ${Math.round(after)} ms after it opened`);
        }
        await page.evaluate(() => {
          const seen: number[] = [];
          (window as unknown as { __bar: number[] }).__bar = seen;
          const tick = () => {
            const bar = document.querySelector<HTMLProgressElement>('#instructor-progress');
            if (bar && !bar.hidden && bar.value > 0 && bar.value < bar.max) seen.push(bar.value / bar.max);
            if (!document.querySelector('#instructor-table')) requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        });
        await page.click('#btn-instructor-verify');
        await waitMark(page, 'six-tigers:instructor:verified', 1, 120_000);
        const ms =
          (await markTime(page, 'six-tigers:instructor:verified')) -
          (await markTime(page, 'six-tigers:instructor:verify'));
        const seen = await page.evaluate(() => (window as unknown as { __bar: number[] }).__bar);
        const counts = await page.evaluate(() => ({
          rows: document.querySelectorAll('#instructor-table tbody tr').length,
          valid: document.querySelectorAll('#instructor-table tbody tr[data-status="valid"]').length,
          tampered: document.querySelectorAll('#instructor-table tbody tr[data-status="tampered"]').length,
          points: document.querySelectorAll('#chart-class-outcome svg .pt').length,
        }));
        expect(counts).toEqual({ rows: 500, valid: 490, tampered: 6, points: 490 });
        const threads = await page.getAttribute('#instructor-result', 'data-baselines-elsewhere');
        console.log(
          `${label}: ${Math.round(ms)} ms, bar at ${JSON.stringify(seen.map((x) => Math.round(x * 1000) / 1000))}`,
        );
        // The bar reached the screen at many points in between (about three times a second of the
        // run, and at least three times), never going back. A fixed count failed a fast class done
        // in 1.7 s with 9 steps on screen; with warm threads a one-seed class ends in 1.1-1.3 s,
        // of which the codes' reading (an indeterminate bar) and the table take half, and headless
        // Chromium painted the bar 3-5 times in it (the 60-world class: 19-29 times in 2.5-3.6 s).
        expect(new Set(seen).size).toBeGreaterThanOrEqual(Math.max(3, Math.floor(ms / 330)));
        for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
        expect(problems).toEqual([]);
        times.push(ms);
        moves.push(new Set(seen).size);
        console.log(
          `${label}: run ${run + 1}: ${Math.round(ms)} ms, bar painted at ${new Set(seen).size} values, ${threads} of ${worlds} pars played in workers`,
        );
      } finally {
        await context.close();
      }
    }
    return { ms: Math.round(median(times)), steps: median(moves) };
  }

  it('measures verifying and ranking 500 codes of one class on one seed (budget 3 s)', async () => {
    // As a teacher hands out one seed link: six worlds (one per company) need their par.
    const r = await timeClass(classOf([2024]), 6, 'verify 500, one seed');
    figures.verify500OneSeedMs = r.ms;
    expect(Number.isFinite(r.ms)).toBe(true);
  });

  it('measures verifying and ranking 500 codes of ten sections on ten seeds (budget 3 s)', async () => {
    // A school's batch: ten sections, each on its own seed, so 60 worlds need their par (25
    // reference games each, 1,500 in all): the pessimistic case.
    const r = await timeClass(
      classOf([11, 23, 2024, 3141, 42, 57, 777, 8080, 9001, 20230601]),
      60,
      'verify 500',
    );
    figures.verify500Ms = r.ms;
    figures.verify500BarSteps = r.steps;
    expect(Number.isFinite(r.ms)).toBe(true);
  });

  it('measures the same 500 codes on ten seeds with Verify pressed as soon as they are pasted (warm-up cut short)', async () => {
    const r = await timeClass(
      classOf([11, 23, 2024, 3141, 42, 57, 777, 8080, 9001, 20230601]),
      60,
      'verify 500, at once',
      false,
    );
    figures.verify500ColdMs = r.ms;
    expect(Number.isFinite(r.ms)).toBe(true);
  });

  afterAll(() => {
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(
      join(ROOT, 'test-results', 'browser-figures.json'),
      `${JSON.stringify(figures, null, 2)}\n`,
    );
    console.log('browser figures', figures);
  });
});
