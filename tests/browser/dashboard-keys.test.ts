// The dashboard by keyboard (issue 13): the event-card counter counts through the quarter's cards,
// and focus lands on the next card's first choice after an answer and on the dashboard's heading
// when none is left.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getLevel } from '../../src/app/levels';
import { SAVE_KEY, saveFileOf } from '../../src/app/save';
import { Session } from '../../src/app/session';
import type { Command, GameState } from '../../src/engine/index';
import { playGame } from '../../src/engine/index';
import { answerCards, launch, newGame, openGame, waitLeaving, waitScreen } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const level = getLevel('historical-2023');

/** A save (made in Node by an autopilot) standing at the first quarter that deals three or more cards. */
function saveWithCards(): { save: string; cards: number } {
  const company = 'moonshot';
  for (let seed = 1; seed < 40; seed++) {
    const { log } = playGame(level, seed, company, 'balanced');
    for (const [i, cmd] of log.entries()) {
      if (cmd.type !== 'quarter/end') continue;
      const r = Session.replay({ levelId: level.id, seed, company }, log.slice(0, i + 1));
      if (!r.ok) throw new Error('replay failed');
      const cards = r.session.state.pendingEvents.length;
      if (cards >= 3) return { save: JSON.stringify(saveFileOf(r.session, '2025-01-01T00:00:00Z')), cards };
    }
  }
  throw new Error('no quarter with three cards');
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { id: el?.id ?? '', tag: el?.tagName ?? '', inModal: el?.closest('.modal') !== null };
  });

const logLength = (page: Page) => page.evaluate(() => window.__sixTigers?.log().length ?? 0);

const kicker = (page: Page) => page.textContent('.event-kicker').then((t) => t ?? '');

describe('dashboard keyboard', () => {
  it('counts through the quarter’s cards and keeps the keyboard’s place after each answer', async () => {
    const { save, cards } = saveWithCards();
    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      await waitScreen(page, 'Title');
      await page.click('#btn-lang-en');
      await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [SAVE_KEY, save]);
      await page.reload();
      await waitScreen(page, 'Title');
      await page.click('#btn-continue');
      await waitScreen(page, 'Dashboard');
      for (let i = 0; i < cards; i++) {
        await page.waitForSelector('.modal');
        // Each card opens with its first choice focused, whichever choice answered the one before.
        expect(await focused(page)).toEqual({ id: 'choice-1', tag: 'BUTTON', inModal: true });
        expect(await kicker(page)).toMatch(new RegExp(`· ${i + 1} of ${cards}$`));
        const title = await page.textContent('#event-title');
        const before = await logLength(page);
        if (i === 0) {
          await page.keyboard.press('1');
        } else {
          // A keyboard user: Tab to the second choice and press Enter on it.
          await page.keyboard.press('Tab');
          expect((await focused(page)).id).toBe('choice-2');
          await page.keyboard.press('Enter');
        }
        await page.waitForFunction((n) => (window.__sixTigers?.log().length ?? 0) > n, before);
        if (i < cards - 1)
          await page.waitForFunction((t) => document.querySelector('#event-title')?.textContent !== t, title);
      }
      await page.waitForSelector('.modal', { state: 'detached' });
      // No card left: the keyboard is on the dashboard's heading, not on the page body.
      expect(await focused(page)).toMatchObject({ tag: 'H1', inModal: false });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
