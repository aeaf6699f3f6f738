// Saves and sessions in the browser: a reload in the middle of a quarter resumes the same state
// (same hash, same screen); undo takes back a move within the quarter; a corrupted or old save is
// reported, kept as a backup, and does not block a new game; the layout fits 1920×1080 too.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { answerCards, hash, launch, openGame, screenshot, waitScreen } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function newGame(page: Page, company: string, seed: number): Promise<void> {
  await waitScreen(page, 'Title');
  await page.click('#btn-new');
  await waitScreen(page, 'NewGame');
  await page.check(`#company-${company}`);
  await page.fill('#seed-input', String(seed));
  await page.click('#btn-start');
  await waitScreen(page, 'Dashboard');
  await answerCards(page, '2');
}

const logLength = (page: Page) => page.evaluate(() => window.__sixTigers?.log().length ?? 0);

describe('saves, reloads and undo', () => {
  it('resumes the exact state after a reload in the middle of a quarter', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      await newGame(page, 'zhipu', 4242);
      // Play one quarter so the next one can bring cards, then change the plan mid-quarter.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Enter');
      await waitScreen(page, 'Results');
      await page.keyboard.press('Enter');
      await waitScreen(page, 'Dashboard');
      await answerCards(page, '2');
      await page.click('#spend-bold');
      await page.focus('#split-slider');
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
      await page.check('#intensity-996');
      await page.click('#hire-researchers-plus');
      // Slider moves commit after a short pause.
      await page.waitForFunction(() => !document.querySelector('#btn-undo')?.hasAttribute('disabled'));
      await page.waitForTimeout(700);
      const before = await hash(page);
      const commands = await logLength(page);
      const quarter = await page.textContent('.quarter');
      expect(commands).toBeGreaterThan(3);
      await page.reload();
      await waitScreen(page, 'Dashboard');
      expect(await hash(page)).toBe(before);
      expect(await logLength(page)).toBe(commands);
      expect(await page.textContent('.quarter')).toBe(quarter);
      expect(await page.isChecked('#intensity-996')).toBe(true);
      // Undo still works after the reload (within the quarter), and redoing by hand gives the same hash.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Control+z');
      await page.waitForFunction((n) => (window.__sixTigers?.log().length ?? 0) === n - 1, commands);
      expect(await hash(page)).not.toBe(before);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('undoes within the quarter but never across its end', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      await newGame(page, 'stepfun', 99);
      const start = await hash(page);
      await page.check('#pay-plus50');
      await page.waitForFunction(() => !document.querySelector('#btn-undo')?.hasAttribute('disabled'));
      const changed = await hash(page);
      expect(changed).not.toBe(start);
      await page.click('#btn-undo');
      await page.waitForFunction((h) => window.__sixTigers?.hash() === h, start);
      expect(await page.isChecked('#pay-market')).toBe(true);
      await page.check('#pay-plus50');
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Enter');
      await waitScreen(page, 'Results');
      await page.keyboard.press('Enter');
      await waitScreen(page, 'Dashboard');
      for (let i = 0; i < 6 && (await page.$('.modal')); i++) await page.keyboard.press('Escape');
      expect(await page.$('.modal')).toBeNull();
      const after = await hash(page);
      expect(await page.isDisabled('#btn-undo')).toBe(true);
      await page.keyboard.press('Control+z');
      await page.waitForTimeout(200);
      expect(await hash(page)).toBe(after);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reports a corrupted save, keeps a copy, and still starts a new game', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      await waitScreen(page, 'Title');
      await page.evaluate(() => {
        localStorage.setItem('sixTigers.save', '{"format":"six-tigers-save","version":1,"log":[{"type":');
        sessionStorage.clear();
      });
      await page.reload();
      await waitScreen(page, 'Title');
      await page.waitForSelector('.notice.warn');
      const backups = await page.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith('sixTigers.save.backup.')),
      );
      expect(backups.length).toBe(1);
      const kept = await page.evaluate((k) => localStorage.getItem(k), backups[0]!);
      expect(kept).toContain('"log":[{"type":');
      expect(await page.$('#btn-continue')).toBeNull();
      await newGame(page, 'baichuan', 5);
      expect((await hash(page)).length).toBeGreaterThan(0);
      // An old save (another format version) is also moved aside with its own message.
      await page.evaluate(() => {
        localStorage.setItem(
          'sixTigers.save',
          JSON.stringify({ format: 'six-tigers-save', version: 0, log: [] }),
        );
        sessionStorage.clear();
      });
      await page.reload();
      await waitScreen(page, 'Title');
      const notice = await page.textContent('.notice.warn');
      expect(notice).toMatch(/older version|旧版本/);
      expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('fits a 1920×1080 projector and reaches every dashboard control by keyboard', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'), {
      width: 1920,
      height: 1080,
    });
    try {
      await newGame(page, '01ai', 31337);
      await page.waitForTimeout(400);
      await screenshot(page, 'dashboard-1920');
      // Tab through the page: every enabled control must be reachable.
      const reached = new Set<string>();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      for (let i = 0; i < 90; i++) {
        await page.keyboard.press('Tab');
        const id = await page.evaluate(() => document.activeElement?.id ?? '');
        if (id) reached.add(id);
      }
      for (const id of [
        'split-slider',
        'spend-slider',
        'weight-api',
        'price-match',
        'hire-sales-plus',
        'pay-market',
        'intensity-normal',
        'round-open',
        'btn-end',
        'kpi-runway',
      ])
        expect(reached, id).toContain(id);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(overflow).toBe(false);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
