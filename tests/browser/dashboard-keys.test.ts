// The dashboard by keyboard (issue 13): the event-card counter counts through the quarter's cards,
// focus lands on the next card's first choice after an answer and on the dashboard's heading when
// none is left, and the hiring stepper's + / − buttons add one step per key press, exactly as a
// click does, while Enter elsewhere adds no hires. The people panel says how many quit at pay below
// the market.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pct } from '../../src/app/format';
import { getLevel } from '../../src/app/levels';
import { SAVE_KEY, saveFileOf } from '../../src/app/save';
import { Session } from '../../src/app/session';
import type { Command, GameState } from '../../src/engine/index';
import { economy, playGame } from '../../src/engine/index';
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

  it('adds one step per Enter or Space on the hiring stepper, and no hires from Enter elsewhere', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      await newGame(page, 'zhipu', 3);
      await answerCards(page, '1');
      const start = await page.evaluate(() => {
        const st = window.__sixTigers?.state() as GameState;
        const me = st.startups.find((s) => s.id === st.playerId)!;
        return { staff: me.staff.engineers, hires: me.plan.hires.engineers };
      });
      const step = Math.max(1, Math.round(start.staff * 0.05));
      const value = () => page.inputValue('#hire-engineers').then(Number);
      /** Waits until the stepper's value is committed to the game, and checks it. */
      const committed = async (n: number) => {
        await page.waitForFunction(() => {
          const st = window.__sixTigers?.state() as GameState | undefined;
          const me = st?.startups.find((s) => s.id === st.playerId);
          const input = document.querySelector<HTMLInputElement>('#hire-engineers');
          return (
            !document.querySelector('[data-uncommitted]') && me?.plan.hires.engineers === Number(input?.value)
          );
        });
        expect(await value()).toBe(n);
      };

      await page.focus('#hire-engineers-plus');
      await page.keyboard.press('Enter');
      expect(await value()).toBe(start.hires + step);
      await committed(start.hires + step);
      expect((await focused(page)).id).toBe('hire-engineers-plus');
      await page.keyboard.press(' ');
      expect(await value()).toBe(start.hires + 2 * step);
      await committed(start.hires + 2 * step);
      // Enter held down (a repeating key) is one press, as a held mouse button is one click.
      await page.keyboard.down('Enter');
      await page.keyboard.down('Enter');
      await page.keyboard.down('Enter');
      await page.keyboard.up('Enter');
      await committed(start.hires + 3 * step);
      await page.focus('#hire-engineers-minus');
      await page.keyboard.press('Enter');
      await committed(start.hires + 2 * step);
      // Enter in the number field is the field's own: no step, no quarter end.
      await page.focus('#hire-engineers');
      await page.keyboard.press('Enter');
      expect(await value()).toBe(start.hires + 2 * step);
      expect(await page.evaluate(() => window.__sixTigers?.screen())).toBe('Dashboard');
      // Enter anywhere else ends the quarter with the hires as they stand.
      await page.focus('h1.company-name');
      await page.keyboard.press('Enter');
      expect(await waitLeaving(page, 'Dashboard')).toBe('Results');
      const log = (await page.evaluate(() => window.__sixTigers?.log())) as Command[];
      const sets = log.filter(
        (c): c is Extract<Command, { type: 'people/set' }> => c.type === 'people/set' && !!c.hires,
      );
      expect(sets.at(-1)?.hires?.engineers).toBe(start.hires + 2 * step);
      expect(log.at(-1)?.type).toBe('quarter/end');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says how many people pay below the market makes quit each quarter, by the engine’s rate', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      await newGame(page, 'zhipu', 3);
      await answerCards(page, '1');
      expect(await page.locator('#underpay-note').count()).toBe(0);
      await page.check('#pay-below');
      await page.locator('#underpay-note').waitFor({ state: 'visible' });
      const burnout = await page.evaluate(() => {
        const st = window.__sixTigers?.state() as GameState;
        return st.startups.find((s) => s.id === st.playerId)!.burnout;
      });
      const rate = economy.attritionRate(level, burnout, level.market.talent.payMultiplier.below);
      expect(rate).toBeGreaterThan(level.market.talent.baseAttrition);
      expect(await page.textContent('#underpay-note')).toContain(pct(rate));
      // Back at the market's pay, the note goes.
      await page.check('#pay-market');
      await page.locator('#underpay-note').waitFor({ state: 'detached' });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
