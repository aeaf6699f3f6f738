// Keyboard focus on the ending, in the built game: a game that ends because an event card's answer
// sold the company (MiniMax, the first seed from 2024 on where, with the opening plan kept and every
// card answered with its first choice, a card's answer sells it) goes from the dashboard straight
// to the ending, with no results screen between. Focus must land on the ending's first action, as it does
// when the game ends at a quarter's end, never on the page body.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LEVEL_IDS } from '../../src/app/levels';
import { saveFileOf } from '../../src/app/save';
import { Session } from '../../src/app/session';
import { launch, openGame, waitScreen } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const setupOf = (seed: number) => ({ levelId: LEVEL_IDS[0] as string, seed, company: 'minimax' });

/**
 * A save of the game on the quarter whose card, answered with its first choice, ends it: the
 * opening plan kept, each earlier card answered with its first choice.
 */
function saveBeforeTheSale(setup: ReturnType<typeof setupOf>): string | null {
  const started = Session.start(setup);
  if (!started.ok) throw new Error(started.message);
  const session = started.session;
  for (let q = 0; q < 40 && !session.state.ending; q++) {
    for (const ev of session.state.pendingEvents) {
      // Would this answer end the game? Then this is the quarter: save before it.
      const trial = Session.start(setup);
      if (!trial.ok) throw new Error(trial.message);
      for (const cmd of session.log) trial.session.dispatch(cmd);
      trial.session.dispatch({ type: 'event/answer', eventId: ev.id, choiceId: ev.choices[0]! });
      if (trial.session.state.ending) return JSON.stringify(saveFileOf(session, '2025-01-01T00:00:00.000Z'));
      const r = session.dispatch({ type: 'event/answer', eventId: ev.id, choiceId: ev.choices[0]! });
      if (!r.ok) throw new Error(r.error.message);
    }
    const r = session.dispatch({ type: 'quarter/end' });
    if (!r.ok) throw new Error(r.error.message);
  }
  return null;
}

/** The save of the first seed from 2024 on whose game a card's answer ends (a level change moves it). */
function firstSaveBeforeASale(): string {
  for (let seed = 2024; seed < 2124; seed++) {
    const save = saveBeforeTheSale(setupOf(seed));
    if (save !== null) return save;
  }
  throw new Error('no card answer ended a MiniMax game on seeds 2024–2123');
}

async function resume(page: Page, save: string): Promise<void> {
  await waitScreen(page, 'Title');
  await page.evaluate((raw) => {
    localStorage.clear();
    localStorage.setItem('sixTigers.save', raw);
    localStorage.setItem('sixTigers.lang', 'en');
    sessionStorage.clear();
  }, save);
  await page.reload();
  await waitScreen(page, 'Title');
  await page.click('#btn-continue');
  await waitScreen(page, 'Dashboard');
}

describe('focus on the ending', () => {
  const save = firstSaveBeforeASale();

  it('lands on the first action when a card answer sells the company', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      await resume(page, save);
      await page.waitForSelector('.modal #choice-1');
      await page.keyboard.press('1');
      await waitScreen(page, 'Ending');
      // Focus moves as the screen is built, with no wait: checked at once.
      const focus = await page.evaluate(() => ({
        id: document.activeElement?.id ?? '',
        body: document.activeElement === document.body,
      }));
      expect(focus).toEqual({ id: 'btn-again', body: false });
      const kind = await page.evaluate(
        () => (window.__sixTigers?.state() as { ending: { kind: string } | null } | null)?.ending?.kind,
      );
      expect(kind).toBe('acquired');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
