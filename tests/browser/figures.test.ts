// The browser game's figures for `npm run bench` (not part of `npm test`: tests do not time
// things): game JS gzip size, the first interactive title screen from navigation, and a quarter
// transition (end quarter → results → next dashboard, built and painted), and the JS heap after a
// full game and its replay, after a forced garbage collection. Budgets: 450 kB, 1.5 s, 100 ms,
// 150 MB; each figure is reported with whether it is within its budget.
// Medians of several runs; written to test-results/browser-figures.json.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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

async function waitMark(page: Page, name: string, count: number): Promise<void> {
  await page.waitForFunction(
    ([n, c]) => performance.getEntriesByName(n as string).length >= (c as number),
    [name, count] as const,
    {
      timeout: 20_000,
    },
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
      for (let q = 1; q <= 9; q++) {
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
      expect(code).toMatch(/^ST1\./);
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

  afterAll(() => {
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(
      join(ROOT, 'test-results', 'browser-figures.json'),
      `${JSON.stringify(figures, null, 2)}\n`,
    );
    console.log('browser figures', figures);
  });
});
