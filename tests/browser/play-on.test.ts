// Playing on after made it, in the built game: a game resumed one command before the quarter that
// makes it (an attrition autopilot game, which makes it with quarters left) ends made-it and offers
// "Play on to <last quarter>" with the score it keeps; clicking it goes back to the dashboard,
// which shows "Made it in <quarter> ✓" for the goal line, in the next quarter, and a quarter can be
// played. A played-on game resumed before its last quarter ends time's up (or otherwise), saying
// when it made it, with the made-it score kept (the honour among its parts).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { money } from '../../src/app/format';
import type { Language } from '../../src/app/i18n';
import { t } from '../../src/app/i18n';
import { getLevel } from '../../src/app/levels';
import { saveFileOf } from '../../src/app/save';
import { Session } from '../../src/app/session';
import type { Command, GameState } from '../../src/engine/index';
import { playedOn, quarterLabel, scoreParts } from '../../src/engine/index';
import { madeItGames, playedOnByAutopilot } from '../support/play-on';
import { launch, openGame, playQuarter, screenshot, waitLeaving, waitScreen } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const level = getLevel('attrition');
const made = madeItGames(level, [1, 2], ['balanced'], 2, 1)[0]!;
const madeIt = made.state.ending!.turn;
const setup = { levelId: level.id, seed: made.seed, company: made.company };

/** A save of the game after all but the last `drop` commands of `log` (its quarter/end comes next). */
function saveBefore(log: readonly Command[], drop = 1): string {
  const started = Session.start(setup);
  if (!started.ok) throw new Error(started.message);
  for (const cmd of log.slice(0, log.length - drop)) {
    const r = started.session.dispatch(cmd);
    if (!r.ok) throw new Error(r.error.message);
  }
  expect(log[log.length - drop]!.type).toBe('quarter/end');
  return JSON.stringify(saveFileOf(started.session, '2025-01-01T00:00:00.000Z'));
}

/** Loads a save into the page (in `lang`) and continues it to its dashboard. */
async function resume(page: Page, save: string, lang: Language = 'en'): Promise<void> {
  await waitScreen(page, 'Title');
  await page.evaluate(
    ([raw, language]) => {
      localStorage.clear();
      localStorage.setItem('sixTigers.save', raw!);
      localStorage.setItem('sixTigers.lang', language!);
      sessionStorage.clear();
    },
    [save, lang] as const,
  );
  await page.reload();
  await waitScreen(page, 'Title');
  await page.click('#btn-continue');
  await waitScreen(page, 'Dashboard');
}

const pageState = async (page: Page) => (await page.evaluate(() => window.__sixTigers?.state())) as GameState;

describe('playing on after made it', () => {
  it('offers Play on at the made-it ending, then goes on on the dashboard with the milestone', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      await resume(page, saveBefore(made.log));
      // The quarter that makes it.
      expect(await playQuarter(page)).toBe('Ending');
      await waitScreen(page, 'Ending');
      expect((await pageState(page)).ending).toEqual(made.state.ending);
      const last = quarterLabel(level, level.quarters - 1);
      expect(await page.textContent('#btn-play-on')).toBe(t('en', 'ending.playOn', { quarter: last }));
      // The score is kept as it is now, and the offer says so.
      const score = money('en', made.state.ending!.score);
      expect(await page.textContent('#play-on-help')).toBe(t('en', 'ending.playOnHelp', { score }));
      expect(await page.textContent('#play-on-help')).toContain(score);
      await screenshot(page, 'play-on-offer');

      await page.click('#btn-play-on');
      expect(await waitLeaving(page, 'Ending')).toBe('Dashboard');
      await waitScreen(page, 'Dashboard');
      const on = await pageState(page);
      expect(on.ending).toBeNull();
      expect(on.turn).toBe(madeIt + 1);
      expect(playedOn(on)).toBe(true);
      expect((await page.evaluate(() => window.__sixTigers?.log() as Command[])).at(-1)).toEqual({
        type: 'game/play-on',
      });
      // The milestone stands in place of the goal's conditions; the header is in the next quarter.
      const milestone = t('en', 'goal.madeIt', { quarter: quarterLabel(level, madeIt) });
      expect(await page.textContent('#goal-made-it')).toBe(milestone);
      expect(await page.textContent('#goal-line')).toBe(`${milestone} ✓`);
      expect(await page.$('#goal-line .goal-item')).toBeNull();
      expect(await page.textContent('.topbar .quarter')).toBe(
        t('en', 'dash.quarter', {
          quarter: quarterLabel(level, madeIt + 1),
          n: madeIt + 2,
          total: level.quarters,
        }),
      );
      // The autosave holds the played-on game.
      const saved = await page.evaluate(() => localStorage.getItem('sixTigers.save'));
      expect(saved).toContain('game/play-on');
      await screenshot(page, 'play-on-dashboard');

      // A quarter more: the game goes on past its made-it quarter.
      const next = await playQuarter(page);
      const after = await pageState(page);
      expect(after.history.length).toBe(madeIt + 2);
      if (next === 'Dashboard') {
        expect(after.turn).toBe(madeIt + 2);
        expect(await page.textContent('#goal-made-it')).toBe(milestone);
      } else expect(after.ending?.kind).not.toBe('made-it');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('ends a played-on game saying when it made it, with the made-it score kept (中文 too)', async () => {
    const on = playedOnByAutopilot(made);
    const ending = on.state.ending!;
    expect(ending.turn).toBeGreaterThan(madeIt);
    // Sold by accepting an offer, the game ends without a quarter/end: take such a game as it is.
    const endsByQuarter = on.log.at(-1)!.type === 'quarter/end';
    for (const lang of ['en', 'zh-CN'] as const) {
      const { page, context, problems } = await openGame(browser, inject('baseUrl'));
      try {
        await resume(page, saveBefore(on.log, endsByQuarter ? 1 : 0), lang);
        if (endsByQuarter) expect(await playQuarter(page)).toBe('Ending');
        await waitScreen(page, 'Ending');
        const state = await pageState(page);
        expect(state.ending).toEqual(ending);
        const kind = ending.kind === 'made-it' ? 'times-up' : ending.kind;
        expect(await page.textContent('#ending-played-on')).toBe(
          t(lang, `ending.playedOn.${kind}`, {
            madeIt: quarterLabel(level, madeIt),
            quarter: quarterLabel(level, ending.turn),
          }),
        );
        expect(await page.$('#btn-play-on')).toBeNull();
        expect(await page.$('#ending-goal')).toBeNull();
        // The score is the made-it ending's, kept; its parts: the made-it honour is one of them,
        // and they add up to the score.
        expect(ending.score).toBe(made.state.ending!.score);
        const parts = await page.$$eval('#score-parts .score-part', (els) =>
          els.map((el) => ({ id: el.getAttribute('data-part'), wan: Number(el.getAttribute('data-wan')) })),
        );
        expect(parts.find((p) => p.id === 'made-it')?.wan).toBe(level.endings.madeItHonour);
        expect(parts.reduce((s, p) => s + p.wan, 0)).toBe(ending.score);
        expect(scoreParts(level, state).madeItHonour).toBe(level.endings.madeItHonour);
        // The timeline lists the decision to play on.
        expect(await page.textContent('.timeline-list')).toContain(
          t(lang, 'timeline.playOn', { quarter: quarterLabel(level, madeIt) }),
        );
        if (lang === 'en') await screenshot(page, 'play-on-final-ending');
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});
