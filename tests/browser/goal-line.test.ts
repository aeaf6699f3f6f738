// The made-it goal, always in view: the dashboard's goal line shows, condition by condition, the ✓
// or ✗ the engine's madeItProgress gives on the page's own state (read in Node from the state the
// page exposes), with the same figures as the key-figure tiles; How to play states the rule in the
// level's numbers; the made-it and time's-up endings say what the last quarter did or lacked, and
// take the score apart as the engine's scoreParts does on the page's state (parts adding up to it).
// Games near their end are resumed from a save built here from an autopilot game's log.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { money } from '../../src/app/format';
import { endingGoalText, goalItems, goalRuleText } from '../../src/app/goal-text';
import type { Language } from '../../src/app/i18n';
import { t } from '../../src/app/i18n';
import { getLevel } from '../../src/app/levels';
import { saveFileOf } from '../../src/app/save';
import { scorePartItems, scorePartsText } from '../../src/app/score-text';
import { Session } from '../../src/app/session';
import type { EndingKind, GameState, Level, PolicyName } from '../../src/engine/index';
import { madeItProgress, playGame, scoreParts } from '../../src/engine/index';
import { launch, newGame, openGame, playQuarter, screenshot, waitScreen } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Shown {
  id: string;
  met: string | null;
  mark: string;
  text: string;
  spoken: string;
}

/** The goal line as the page shows it. */
function shownGoal(page: Page): Promise<Shown[]> {
  return page.$$eval('#goal-line .goal-item', (els) =>
    els.map((el) => ({
      id: el.id,
      met: el.getAttribute('data-met'),
      mark: el.querySelector('.goal-mark[aria-hidden="true"]')?.textContent ?? '',
      text: el.querySelector('.goal-text')?.textContent ?? '',
      spoken: el.querySelector('.sr-only')?.textContent ?? '',
    })),
  );
}

/** The page's game: its level and state, read from what the page exposes. */
async function pageGame(page: Page): Promise<{ level: Level; state: GameState }> {
  const setup = (await page.evaluate(() => window.__sixTigers?.setup())) as { levelId: string };
  const state = (await page.evaluate(() => window.__sixTigers?.state())) as GameState;
  return { level: getLevel(setup.levelId), state };
}

/**
 * Checks the goal line against madeItProgress on the page's state, and its figures against the
 * key-figure tiles. Returns how many conditions are shown met.
 */
async function checkGoalLine(page: Page, lang: Language): Promise<number> {
  const { level, state } = await pageGame(page);
  const progress = madeItProgress(level, state, state.playerId)!;
  const shown = await shownGoal(page);
  const flags = [progress.profit.met, progress.revenue.met, progress.year.met, progress.streak.met];
  expect(shown.map((s) => s.met)).toEqual(flags.map(String));
  expect(shown.map((s) => s.mark)).toEqual(flags.map((m) => (m ? '✓' : '✗')));
  expect(shown.map((s) => s.spoken)).toEqual(flags.map((m) => t(lang, m ? 'goal.met' : 'goal.unmet')));
  expect(shown).toEqual(
    goalItems(lang, progress).map((i) => ({
      id: `goal-${i.id}`,
      met: String(i.met),
      mark: i.met ? '✓' : '✗',
      text: i.text,
      spoken: t(lang, i.met ? 'goal.met' : 'goal.unmet'),
    })),
  );
  // The quarter's profit and revenue are the figures the key-figure tiles show.
  if (progress.turn !== null) {
    const tile = async (id: string) => ((await page.textContent(`#kpi-${id} .kpi-value`)) ?? '').trim();
    expect(shown[0]!.text).toContain(await tile('profit'));
    expect(shown[1]!.text).toContain(await tile('revenue'));
  }
  return flags.filter(Boolean).length;
}

/**
 * Checks the ending's score breakdown against scoreParts on the page's state: the parts shown are
 * the engine's, in the language's words, and their 万元 add up to the score shown. Returns the ids
 * of the parts shown.
 */
async function checkScoreParts(page: Page, lang: Language): Promise<string[]> {
  const { level, state } = await pageGame(page);
  const parts = scoreParts(level, state);
  const shown = await page.$$eval('#score-parts .score-part', (els) =>
    els.map((el) => ({
      id: el.getAttribute('data-part'),
      wan: Number(el.getAttribute('data-wan')),
      text: el.textContent,
    })),
  );
  expect(shown).toEqual(scorePartItems(lang, parts));
  expect(await page.textContent('#score-parts')).toBe(scorePartsText(lang, parts));
  const score = Number(await page.getAttribute('#score', 'data-wan'));
  expect(score).toBe(state.ending!.score);
  expect(await page.textContent('#score')).toBe(money(lang, score));
  expect(shown.reduce((sum, p) => sum + p.wan, 0)).toBe(score);
  expect(shown[0]!.wan).toBe(parts.equity);
  return shown.map((p) => p.id!);
}

/**
 * The first autopilot game (over companies, seeds and policies) that ends `kind` and whose last
 * quarter starts with at least one goal condition met; with the save of that game one command
 * before its last quarter ends, and the progress and ending the engine gives.
 */
function nearTheEnd(levelId: string, kind: EndingKind, policies: readonly PolicyName[], needMet = true) {
  const level = getLevel(levelId);
  for (const policy of policies)
    for (let seed = 1; seed <= 40; seed++)
      for (const company of level.player.companies) {
        const { state, log } = playGame(level, seed, company, policy);
        if (state.ending?.kind !== kind || state.history.length < 2) continue;
        const before = madeItProgress(level, { ...state, history: state.history.slice(0, -1) }, company)!;
        if (needMet && ![before.profit.met, before.revenue.met, before.year.met].some(Boolean)) continue;
        const started = Session.start({ levelId, seed, company });
        if (!started.ok) throw new Error(started.message);
        const { session } = started;
        for (const cmd of log.slice(0, -1)) {
          const r = session.dispatch(cmd);
          if (!r.ok) throw new Error(r.error.message);
        }
        expect(log[log.length - 1]!.type).toBe('quarter/end');
        return {
          level,
          save: JSON.stringify(saveFileOf(session, '2025-01-01T00:00:00.000Z')),
          final: state,
          progress: madeItProgress(level, state, company)!,
        };
      }
  throw new Error(`no ${policies.join('/')} game on ${levelId} ends ${kind}`);
}

/** Loads a save into a fresh page (in `lang` when given) and continues it to its dashboard. */
async function resume(page: Page, save: string, lang?: Language): Promise<void> {
  await waitScreen(page, 'Title');
  await page.evaluate(
    ([raw, language]) => {
      localStorage.clear();
      localStorage.setItem('sixTigers.save', raw!);
      if (language) localStorage.setItem('sixTigers.lang', language);
      sessionStorage.clear();
    },
    [save, lang] as const,
  );
  await page.reload();
  await waitScreen(page, 'Title');
  await page.click('#btn-continue');
  await waitScreen(page, 'Dashboard');
}

describe('the goal line', () => {
  it('shows the rule in How to play, and on the dashboard what the engine decides after every quarter', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      // With no game, How to play states the first level's rule.
      await waitScreen(page, 'Title');
      await page.click('#btn-howto');
      await waitScreen(page, 'Info');
      expect(await page.textContent('#howto-goal-rule')).toBe(
        goalRuleText('en', getLevel('historical-2023')),
      );
      await page.keyboard.press('Escape');
      await newGame(page, 'zhipu', 31);
      // Before the first quarter: the bars, nothing met.
      expect(await checkGoalLine(page, 'en')).toBe(0);
      expect((await shownGoal(page))[1]!.text).toBe('revenue — of ¥110M');
      for (let q = 0; q < 4; q++) {
        expect(await playQuarter(page)).toBe('Dashboard');
        await checkGoalLine(page, 'en');
      }
      // The same line in Chinese.
      await page.click('#btn-lang');
      await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
      await page.waitForFunction(() => document.querySelector('#goal-label')?.textContent === '目标：');
      await checkGoalLine(page, 'zh-CN');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('ends made-it with the quarter’s figures, after a line with conditions met', async () => {
    // A level whose rule differs from the first one's: two quarters in a row, a lower bar.
    const game = nearTheEnd('attrition', 'made-it', ['balanced', 'enterprise-first']);
    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      await resume(page, game.save);
      expect(await checkGoalLine(page, 'en')).toBeGreaterThan(0);
      await screenshot(page, 'goal-line-dashboard');
      await page.click('#btn-howto');
      await waitScreen(page, 'Info');
      const rule = (await page.textContent('#howto-goal-rule')) ?? '';
      expect(rule).toBe(goalRuleText('en', game.level));
      expect(rule).toContain(`when ${game.level.endings.madeItQuarters} quarter(s) in a row count`);
      await page.keyboard.press('Escape');
      await waitScreen(page, 'Dashboard');
      expect(await playQuarter(page)).toBe('Ending');
      await waitScreen(page, 'Ending');
      const { state } = await pageGame(page);
      expect(state.ending).toEqual(game.final.ending);
      expect(game.progress.reached).toBe(true);
      expect(await page.textContent('#ending-goal')).toBe(
        endingGoalText('en', game.level, 'made-it', game.progress),
      );
      // The score: the founders' share of the valuation, plus the made-it honour.
      const parts = await checkScoreParts(page, 'en');
      expect(parts[0]).toBe('equity');
      expect(parts).toContain('made-it');
      expect(await page.textContent('#score-parts')).toMatch(
        /^= founders' [\d.]+% of the ¥[\d.]+[MB] valuation \(¥[\d.]+[kMB]\) \+ made-it honour ¥2\.00B/,
      );
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('ends time’s up saying what the last quarter lacked', async () => {
    const game = nearTheEnd('historical-2023', 'times-up', [
      'balanced',
      'applications-first',
      'overseas-first',
    ]);
    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      await resume(page, game.save);
      expect(await checkGoalLine(page, 'en')).toBeGreaterThan(0);
      expect(await playQuarter(page)).toBe('Ending');
      await waitScreen(page, 'Ending');
      const text = (await page.textContent('#ending-goal')) ?? '';
      expect(text).toBe(endingGoalText('en', game.level, 'times-up', game.progress));
      expect(text).toMatch(/^What the last quarter \(\d{4}Q\d\) lacked to make it: .+\.$/);
      // No made-it honour; the valuation counted for the runway left; any other honour after it
      // (which game the search finds depends on the level: on v7 one with the frontier honour).
      expect(await checkScoreParts(page, 'en')).not.toContain('made-it');
      expect(await page.textContent('#score-parts')).toMatch(
        /^= founders' [\d.]+% of (¥[\d.]+[kMB] \([\d.]+% of the ¥[\d.]+[kMB] valuation, for the runway left\)|the ¥[\d.]+[kMB] valuation \(counted in full: runway enough\)) \(¥[\d.]+[kMB]\)( \+ [^+]+ honour [^+]+)*$/,
      );
      await screenshot(page, 'goal-line-times-up');
      expect(game.progress.reached).toBe(false);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('takes an out-of-money score apart in Chinese: nothing for the shares', async () => {
    const game = nearTheEnd('attrition', 'out-of-money', ['balanced', 'pretraining-first'], false);
    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      await resume(page, game.save, 'zh-CN');
      expect(await playQuarter(page)).toBe('Ending');
      await waitScreen(page, 'Ending');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      const { state } = await pageGame(page);
      expect(state.ending).toEqual(game.final.ending);
      expect(await checkScoreParts(page, 'zh-CN')).not.toContain('made-it');
      expect(await page.textContent('#score-parts')).toMatch(
        /^= 创始团队持股 [\d.]+% × 清算价值 0 万元（现金耗尽）（0 万元）/,
      );
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
