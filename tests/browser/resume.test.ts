// Saves and sessions in the browser: a reload in the middle of a quarter resumes the same state
// (same hash, same screen); undo takes back a move within the quarter; a corrupted or old save is
// reported, kept as a backup, and does not block a new game; a save of the first format version
// continues in today's game; storage that is forbidden or full is said, not fatal; the layout
// fits 1920×1080 too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SAVE_VERSION } from '../../src/app/save';
import { RULES_VERSION } from '../../src/engine/version';
import {
  answerCards,
  hash,
  launch,
  newGame,
  nextFrames,
  openGame,
  ROOT,
  screenshot,
  waitScreen,
} from './helpers';

/** A save stored by format version 1 (five quarters played, two commands into the sixth). */
const V1_SAVE = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/saves/v1-r1-midgame.json'), 'utf8'));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A new game on its first dashboard, with the first quarter's cards answered (key 2). */
async function startGame(page: Page, company: string, seed: number): Promise<void> {
  await newGame(page, company, seed);
  await answerCards(page, '2');
}

const logLength = (page: Page) => page.evaluate(() => window.__sixTigers?.log().length ?? 0);

describe('saves, reloads and undo', () => {
  it('resumes the exact state after a reload in the middle of a quarter', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      await startGame(page, 'zhipu', 4242);
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
      // Slider moves commit after a pause: wait until the screen has none left uncommitted.
      await page.waitForFunction(() => document.querySelector('[data-uncommitted]') === null);
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
      await startGame(page, 'stepfun', 99);
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
      // The key is handled while it is dispatched; two frames later any re-render has happened too.
      await nextFrames(page);
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
      await startGame(page, 'baichuan', 5);
      expect((await hash(page)).length).toBeGreaterThan(0);
      // A save of older rules, and one of a newer save format, are also moved aside with their own messages.
      for (const [save, message] of [
        [JSON.stringify({ ...V1_SAVE, rulesVersion: RULES_VERSION - 1 }), /older version|旧版本/],
        [JSON.stringify({ ...V1_SAVE, version: 99 }), /newer version|更新版本/],
      ] as const) {
        await page.evaluate((raw) => {
          localStorage.setItem('sixTigers.save', raw);
          sessionStorage.clear();
        }, save);
        await page.reload();
        await waitScreen(page, 'Title');
        expect(await page.textContent('.notice.warn')).toMatch(message);
        const copies = await page.evaluate(() =>
          Object.keys(localStorage)
            .filter((k) => k.startsWith('sixTigers.save.backup.'))
            .map((k) => localStorage.getItem(k)),
        );
        expect(copies).toContain(save);
      }
      expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('continues a save stored by the first save format (migrated on load)', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      await waitScreen(page, 'Title');
      await page.evaluate((raw) => {
        localStorage.clear();
        localStorage.setItem('sixTigers.save', raw);
        sessionStorage.clear();
      }, JSON.stringify(V1_SAVE));
      await page.reload();
      await waitScreen(page, 'Title');
      if (V1_SAVE.rulesVersion !== RULES_VERSION) {
        // Saved under other rules: refused by name (the format migration is tested in tests/save-fixtures.test.ts).
        expect(await page.textContent('.notice.warn')).toMatch(/older version|旧版本/);
        return;
      }
      expect(await page.$('.notice.warn')).toBeNull();
      await page.click('#btn-continue');
      await waitScreen(page, 'Dashboard');
      expect(await hash(page)).toBe(V1_SAVE.hash);
      expect(await logLength(page)).toBe(V1_SAVE.log.length);
      // The autosave is rewritten in today's format as soon as the game is resumed.
      const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('sixTigers.save')))!);
      expect(stored.version).toBe(SAVE_VERSION);
      expect(stored.hash).toBe(V1_SAVE.hash);
      expect(stored.checkpoints.length).toBe(5);
      expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says so when the browser stores nothing (forbidden or full), and still plays', async () => {
    for (const block of ['forbidden', 'full'] as const) {
      const { page, context, problems } = await openGame(browser, inject('baseUrl'));
      try {
        await context.addInitScript((how) => {
          if (how === 'forbidden')
            Object.defineProperty(window, 'localStorage', {
              get() {
                throw new DOMException('storage is disabled', 'SecurityError');
              },
            });
          else
            Storage.prototype.setItem = () => {
              throw new DOMException('quota exceeded', 'QuotaExceededError');
            };
        }, block);
        await page.reload();
        await waitScreen(page, 'Title');
        expect(await page.textContent('.title-menu .footnote'), block).toMatch(/will not be saved/);
        await startGame(page, 'moonshot', 77);
        expect(await page.textContent('.save-state'), block).toMatch(/Not saved/);
        expect((await hash(page)).length).toBeGreaterThan(0);
        expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('fits a 1920×1080 projector and reaches every dashboard control by keyboard', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'), {
      width: 1920,
      height: 1080,
    });
    try {
      await startGame(page, '01ai', 31337);
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
