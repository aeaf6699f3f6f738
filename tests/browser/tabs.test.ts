// Two tabs of one browser share the autosave (two pages of one context: one localStorage). A tab
// that is not the latest writer never overwrites the other's game: it is told at once (the
// storage event), saves nothing until the player chooses, and each way on keeps every game —
// load the other tab's game, take over with this one (the other is backed up), or play this one
// as a separate save. The title lists the backups and restores one as the game "Continue" plays.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  answerCards,
  hash,
  launch,
  newGame,
  openGame,
  openTab,
  playQuarter,
  screenshot,
  waitScreen,
} from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface StoredGame {
  key: string;
  company: string;
  seed: number;
  hash: string;
  commands: number;
}

/** Every stored game: the autosave (key sixTigers.save) and the backups, as the page sees them. */
function storedGames(page: Page): Promise<StoredGame[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('sixTigers.save'))
      .sort()
      .map((key) => {
        const s = JSON.parse(localStorage.getItem(key) ?? 'null');
        return { key, company: s.company, seed: s.seed, hash: s.hash, commands: s.log.length };
      }),
  );
}

async function autosave(page: Page): Promise<StoredGame> {
  const game = (await storedGames(page)).find((g) => g.key === 'sixTigers.save');
  if (!game) throw new Error('no autosave');
  return game;
}

const backups = async (page: Page) => (await storedGames(page)).filter((g) => g.key !== 'sixTigers.save');
const logLength = (page: Page) => page.evaluate(() => window.__sixTigers?.log().length ?? 0);
/** Waits until the other-tab notice is up and seen: fully opaque, on top of the screen under it. */
const notice = (page: Page) =>
  page.waitForFunction(
    () => {
      const dialog = document.querySelector('.tab-conflict [role="alertdialog"]');
      if (!dialog) return false;
      for (let el: Element | null = dialog; el; el = el.parentElement)
        if (getComputedStyle(el).opacity !== '1') return false;
      const r = dialog.getBoundingClientRect();
      const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return top !== null && dialog.contains(top);
    },
    undefined,
    { timeout: 20_000, polling: 100 },
  );
const noticeGone = (page: Page) => page.waitForSelector('.tab-conflict', { state: 'detached' });
const waitHash = (page: Page, h: string) =>
  page.waitForFunction((want) => window.__sixTigers?.hash() === want, h, { timeout: 20_000 });

describe('two tabs, one autosave', () => {
  it('scenario A: a game started in another tab is never overwritten; either tab takes over, losing nothing', async () => {
    const a = await openGame(browser, inject('baseUrl'));
    try {
      await newGame(a.page, 'moonshot', 111);
      expect(await playQuarter(a.page)).toBe('Dashboard');
      const aHash = await hash(a.page);
      const b = await openTab(a.context, inject('baseUrl'));
      await newGame(b.page, 'zhipu', 222);
      // A is told at once, before any move of its own
      await notice(a.page);
      expect(await a.page.textContent('.tab-conflict')).toMatch(
        /open in another tab.*different game.*Zhipu AI/s,
      );
      await screenshot(a.page, 'tab-conflict-en');
      expect(await playQuarter(b.page)).toBe('Dashboard');
      const bHash = await hash(b.page);
      // A's keys reach nothing while the notice is up, and the notice cannot be dismissed
      const aCommands = await logLength(a.page);
      for (const key of ['Escape', '1', 'Control+z']) await a.page.keyboard.press(key);
      expect(await logLength(a.page)).toBe(aCommands);
      expect(await a.page.isVisible('.tab-conflict')).toBe(true);
      // B's game is the autosave; A's game was kept when B's new game replaced it
      expect(await autosave(a.page)).toMatchObject({ company: 'zhipu', seed: 222, hash: bHash });
      expect(await backups(a.page)).toEqual([expect.objectContaining({ company: 'moonshot', hash: aHash })]);

      // A takes over with its own game: B's is backed up, and B is told
      await a.page.click('#btn-tab-keep');
      await noticeGone(a.page);
      expect(await autosave(a.page)).toMatchObject({ company: 'moonshot', hash: aHash });
      expect(await backups(a.page)).toContainEqual(
        expect.objectContaining({ company: 'zhipu', hash: bHash }),
      );
      await notice(b.page);
      // B loads A's game and plays on with it; now A is the tab behind
      await b.page.click('#btn-tab-load');
      await waitHash(b.page, aHash);
      await waitScreen(b.page, 'Dashboard');
      await noticeGone(b.page);
      expect(await playQuarter(b.page)).toBe('Dashboard');
      await answerCards(b.page, '1');
      const moonshot = await hash(b.page);
      expect(await autosave(b.page)).toMatchObject({ company: 'moonshot', hash: moonshot });
      await notice(a.page);
      expect(await a.page.textContent('.tab-conflict')).toMatch(/played on in this game/);

      // On the title, B's own zhipu game is offered and restored through the loader
      await b.page.click('#btn-menu');
      await waitScreen(b.page, 'Title');
      const entry = b.page.locator('li.backup', { hasText: 'seed 222' });
      expect(await entry.textContent()).toContain('Zhipu AI');
      await screenshot(b.page, 'title-backups-en');
      await entry.locator('button').click();
      await b.page.waitForSelector('#restore-note');
      expect(await autosave(b.page)).toMatchObject({ company: 'zhipu', hash: bHash });
      // the moonshot game it replaced is a backup now, so every game is still here
      const kept = await backups(b.page);
      expect(kept.map((g) => g.hash)).toEqual(expect.arrayContaining([moonshot]));
      await b.page.click('#btn-continue');
      await waitScreen(b.page, 'Dashboard');
      expect(await hash(b.page)).toBe(bHash);
      expect(a.problems).toEqual([]);
      expect(b.problems).toEqual([]);
    } finally {
      await a.context.close();
    }
  });

  it('scenario B: a tab behind on the same game cannot cut its log; it plays on separately, then restores', async () => {
    const a = await openGame(browser, inject('baseUrl'));
    try {
      await newGame(a.page, 'zhipu', 4242);
      const b = await openTab(a.context, inject('baseUrl'));
      await waitScreen(b.page, 'Title');
      await b.page.click('#btn-continue');
      await waitScreen(b.page, 'Dashboard');
      expect(await logLength(b.page)).toBe(0);
      // A plays two quarters; B, still at quarter 0, is told as soon as A saves
      await answerCards(a.page, '1');
      await notice(b.page);
      expect(await b.page.textContent('.tab-conflict')).toMatch(
        /open in another tab.*played on in this game/s,
      );
      expect(await playQuarter(a.page)).toBe('Dashboard');
      expect(await playQuarter(a.page)).toBe('Dashboard');
      const aCommands = await logLength(a.page);
      expect(aCommands).toBeGreaterThanOrEqual(2);
      expect((await autosave(a.page)).commands).toBe(aCommands);
      // B tries to answer its first card: nothing happens, and A's log stays whole
      await b.page.keyboard.press('1');
      expect(await logLength(b.page)).toBe(0);
      expect((await autosave(b.page)).commands).toBe(aCommands);

      // B chooses, by keyboard, to play its game as a separate save
      expect(await b.page.evaluate(() => document.activeElement?.id)).toBe('btn-tab-load');
      await b.page.keyboard.press('Tab');
      await b.page.keyboard.press('Tab');
      expect(await b.page.evaluate(() => document.activeElement?.id)).toBe('btn-tab-separate');
      await b.page.keyboard.press('Enter');
      await noticeGone(b.page);
      expect(await b.page.textContent('.save-state')).toMatch(/Saved separately/);
      await answerCards(b.page, '2');
      expect(await logLength(b.page)).toBeGreaterThan(0);
      const bHash = await hash(b.page);
      const slot = await b.page.evaluate(() => sessionStorage.getItem('sixTigers.slot'));
      expect(slot).toMatch(/^sixTigers\.save\.backup\./);
      expect((await storedGames(b.page)).find((g) => g.key === slot)).toMatchObject({ hash: bHash });
      // ... while A's game stays the autosave, and A plays on untroubled
      expect(await autosave(b.page)).toMatchObject({ commands: aCommands });
      expect(await playQuarter(a.page)).toBe('Dashboard');
      const aHash = await hash(a.page);
      expect(await autosave(a.page)).toMatchObject({ hash: aHash });
      expect(await a.page.$('.tab-conflict')).toBeNull();
      // a reload of B goes on with its separate game
      await b.page.reload();
      await waitScreen(b.page, 'Dashboard');
      expect(await hash(b.page)).toBe(bHash);

      // On the title B restores its separate game as the autosave; A's game is backed up, A is told
      await b.page.click('#btn-menu');
      await waitScreen(b.page, 'Title');
      expect(await b.page.textContent('#btn-continue')).toMatch(/Zhipu AI/);
      await b.page.locator('li.backup', { hasText: 'seed 4242' }).locator('button').click();
      await b.page.waitForSelector('#restore-note');
      expect(await autosave(b.page)).toMatchObject({ hash: bHash });
      expect((await backups(b.page)).map((g) => g.hash)).toContain(aHash);
      await notice(a.page);
      // A loads it: both tabs now play B's game, and A's own game waits in the backups
      await a.page.click('#btn-tab-load');
      await waitHash(a.page, bHash);
      await noticeGone(a.page);
      expect(a.problems).toEqual([]);
      expect(b.problems).toEqual([]);
    } finally {
      await a.context.close();
    }
  });
});
