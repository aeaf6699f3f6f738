// Saves and sessions in the browser: a reload in the middle of a quarter resumes the same state
// (same hash, same screen); undo takes back a move within the quarter; a corrupted or old save is
// reported, kept as a backup, and does not block a new game; a save of the first format version
// continues in today's game; storage that is forbidden or full is said, not fatal; a seed link
// opened while another game is saved asks first, and replaces the save only when told to; the
// layout fits 1920×1080 too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { levelText } from '../../src/app/i18n';
import { actorName } from '../../src/app/level-text';
import { getLevel } from '../../src/app/levels';
import { SAVE_VERSION } from '../../src/app/save';
import { quarterLabel } from '../../src/engine/index';
import { RULES_VERSION } from '../../src/engine/version';
import {
  answerCards,
  hash,
  launch,
  newGame,
  nextFrames,
  openGame,
  openTab,
  playQuarter,
  ROOT,
  screenshot,
  storedBackups,
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
        const copies = await storedBackups(page);
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

  it('asks before a seed link replaces the saved game: resume keeps it, open starts the link’s game', async () => {
    const base = inject('baseUrl');
    const link = `${base}?level=historical-2023&seed=5&company=01ai`;
    const level = getLevel('historical-2023');
    const setupOf = (p: Page) => p.evaluate(() => window.__sixTigers?.setup());
    const stored = (p: Page) => p.evaluate(() => localStorage.getItem('sixTigers.save'));
    // Nothing saved: the link works as it always did (no question; New game filled in from it).
    const { page, context, problems } = await openGame(browser, link);
    try {
      await waitScreen(page, 'Title');
      await page.click('#btn-new');
      await waitScreen(page, 'NewGame');
      expect(await page.inputValue('#seed-input')).toBe('5');
      expect(await page.isChecked('#company-01ai')).toBe(true);
      // A game saved in the middle of its second quarter.
      await page.goto(base);
      await startGame(page, 'zhipu', 4242);
      await playQuarter(page);
      await answerCards(page, '2');
      const mine = {
        hash: await hash(page),
        log: await logLength(page),
        quarter: await page.textContent('.quarter'),
      };
      const save = await stored(page);
      expect(save).toContain('"seed":4242');

      // The link opened in a new tab: the choice comes first, with focus on the first answer.
      const tab = await openTab(context, link);
      await waitScreen(tab.page, 'LinkChoice');
      expect(await tab.page.evaluate(() => document.activeElement?.id)).toBe('btn-link-resume');
      const resumeText = (await tab.page.textContent('#btn-link-resume')) ?? '';
      expect(resumeText).toContain(`${actorName('en', level, 'zhipu')} · ${quarterLabel(level, 1)}`);
      const openText = (await tab.page.textContent('#btn-link-open')) ?? '';
      expect(openText).toContain(
        `${actorName('en', level, '01ai')} · ${levelText('en', level.name)} · seed 5`,
      );
      expect(openText).toMatch(/saved game will be replaced/);
      expect(await stored(tab.page)).toBe(save);
      await screenshot(tab.page, 'link-choice');
      // Enter on the first answer resumes the saved game, as it was; the link leaves the address.
      await tab.page.keyboard.press('Enter');
      await waitScreen(tab.page, 'Dashboard');
      expect(await hash(tab.page)).toBe(mine.hash);
      expect(await logLength(tab.page)).toBe(mine.log);
      expect(await tab.page.textContent('.quarter')).toBe(mine.quarter);
      expect(await setupOf(tab.page)).toMatchObject({
        levelId: 'historical-2023',
        seed: 4242,
        company: 'zhipu',
      });
      expect(new URL(tab.page.url()).search).toBe('');
      expect(await stored(tab.page)).toBe(save);
      expect(tab.problems).toEqual([]);
      await tab.page.close();

      // Again, in the tab playing the game (where a reload lands on its dashboard): open the link.
      await page.goto(link);
      await waitScreen(page, 'LinkChoice');
      expect(await stored(page)).toBe(save);
      await page.click('#btn-link-open');
      await waitScreen(page, 'Dashboard');
      expect(await setupOf(page)).toMatchObject({ levelId: 'historical-2023', seed: 5, company: '01ai' });
      expect(await logLength(page)).toBe(0);
      expect(await page.textContent('.quarter')).toContain(quarterLabel(level, 0));
      expect(JSON.parse((await stored(page))!)).toMatchObject({ seed: 5, company: '01ai' });
      // The game it replaced is kept as a backup.
      const backups = await storedBackups(page);
      expect(backups).toContain(save);
      // The link has done its work: it is off the address, and a reload resumes the game.
      expect(new URL(page.url()).search).toBe('');
      await page.reload();
      await waitScreen(page, 'Dashboard');
      expect(await setupOf(page)).toMatchObject({ levelId: 'historical-2023', seed: 5, company: '01ai' });
      // The link is now the saved game itself: opened again in a new tab, it just resumes, unasked.
      const again = await openTab(context, link);
      await waitScreen(again.page, 'Dashboard');
      expect(await setupOf(again.page)).toMatchObject({
        levelId: 'historical-2023',
        seed: 5,
        company: '01ai',
      });
      expect(
        await again.page.evaluate(() => performance.getEntriesByName('six-tigers:create:LinkChoice').length),
      ).toBe(0);
      expect(again.problems).toEqual([]);
      await again.page.close();
      // A link naming only a seed (the company left to the student) asks too; opening it fills in
      // New game, and the save is left alone unless a game is started there.
      const before = await stored(page);
      await page.goto(`${base}?seed=77`);
      await waitScreen(page, 'LinkChoice');
      expect(await page.textContent('#btn-link-open')).toMatch(/only if you start a game there/);
      await page.click('#btn-link-open');
      await waitScreen(page, 'NewGame');
      expect(await page.inputValue('#seed-input')).toBe('77');
      expect(await stored(page)).toBe(before);
      expect(problems).toEqual([]);
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
