// The guided first quarter (issue 13), played in the built game as a first-time player meets it,
// in each language: it waits for the first quarter's event card, then points in turn at the goal,
// the runway, the split slider, the markets, the API price, a suggested plan and End quarter —
// each step at a control that exists and is in view, inside the ring, with the words and figures
// src/app/guide.ts gives for the page's own state. Next, Back, ← / →, Tab and Enter work; the
// suggested plan's commands land in the session's log, and after the quarter the log replays in
// Node and its replay code verifies. Escape and Skip close it, a corrupt stored flag is read as
// unseen, Help replays it, a level with no card in its first quarter opens it with the dashboard,
// and New game shows each company's difficulty as visible words. At 640×360 (a 1280×720 screen at
// 200 % zoom), 768×1024, 1280×720 and 1920×1080 every step's callout stays inside the window and
// off its control's box, with the control scrolled into view (the playtest's 640×360 had it over
// the control on five steps).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { GuideStepId } from '../../src/app/guide';
import {
  GUIDE_KEY,
  GUIDE_SEEN_VALUE,
  GUIDE_STEPS,
  guideProgress,
  guideText,
  suggestedPlan,
  suggestionLines,
} from '../../src/app/guide';
import type { Language, TextKey } from '../../src/app/i18n';
import { t } from '../../src/app/i18n';
import { findLevel, getLevel } from '../../src/app/levels';
import { replayCodeOf, verifyReplay } from '../../src/app/replay-code';
import type { Command, GameState, Level } from '../../src/engine/index';
import { applyCommand, createGame, hashState } from '../../src/engine/index';
import { answerCards, launch, openGame, screenshot, settle, waitLeaving, waitScreen } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const level = getLevel('historical-2023');

const pageState = (page: Page) => page.evaluate(() => window.__sixTigers?.state()) as Promise<GameState>;
const pageLog = (page: Page) => page.evaluate(() => window.__sixTigers?.log()) as Promise<Command[]>;
const storedFlag = (page: Page) => page.evaluate((k) => localStorage.getItem(k), GUIDE_KEY);
const focusedId = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { id: el?.id ?? '', tag: el?.tagName ?? '', inGuide: el?.closest('#guide') !== null };
  });

/** From the title: language, New game with a company and seed, Start; on the dashboard with its card. */
async function startFirstGame(page: Page, lang: Language, company: string, seed: number): Promise<void> {
  await waitScreen(page, 'Title');
  await page.click(`#btn-lang-${lang}`);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await page.click('#btn-new');
  await waitScreen(page, 'NewGame');
  await page.check(`#company-${company}`);
  await page.fill('#seed-input', String(seed));
  await page.click('#btn-start');
  await waitScreen(page, 'Dashboard');
}

/** The step the callout shows, and where the ring, its target and the callout are on screen. */
async function shown(page: Page) {
  return page.evaluate(
    (targets: Record<string, string>) => {
      const callout = document.querySelector<HTMLElement>('#guide');
      const step = callout?.dataset.step ?? '';
      const target = document.querySelector<HTMLElement>(targets[step] ?? 'nothing');
      const ring = document.querySelector<HTMLElement>('.guide-ring');
      const rect = (el: Element | null | undefined) => {
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return {
          top: r.top,
          left: r.left,
          bottom: r.bottom,
          right: r.right,
          width: r.width,
          height: r.height,
        };
      };
      return {
        step,
        kicker: callout?.querySelector('.guide-kicker')?.textContent ?? '',
        title: callout?.querySelector('#guide-title')?.textContent ?? '',
        body: callout?.querySelector('#guide-body')?.textContent ?? '',
        detail: callout?.querySelector('#guide-detail')?.textContent ?? '',
        next: callout?.querySelector('#guide-next')?.textContent ?? '',
        backDisabled: callout?.querySelector<HTMLButtonElement>('#guide-back')?.disabled ?? null,
        target: rect(target),
        targetVisible: target ? target.checkVisibility({ visibilityProperty: true }) : false,
        ring: ring && !ring.hidden ? rect(ring) : null,
        callout: rect(callout),
        viewport: { width: window.innerWidth, height: window.innerHeight },
        gridInert: document.querySelector('.dash-grid')?.hasAttribute('inert') ?? false,
      };
    },
    Object.fromEntries(GUIDE_STEPS.map((s) => [s.id, s.target])),
  );
}

/** Waits until the callout shows step `i` and the ring has settled around its target. */
async function waitStep(page: Page, i: number): Promise<void> {
  const id = GUIDE_STEPS[i]!.id;
  await page.waitForFunction((s) => document.querySelector<HTMLElement>('#guide')?.dataset.step === s, id);
  await page.waitForFunction((sel) => {
    const ring = document.querySelector<HTMLElement>('.guide-ring');
    const target = document.querySelector(sel);
    if (!ring || ring.hidden || !target) return false;
    const a = ring.getBoundingClientRect();
    const b = target.getBoundingClientRect();
    const r = (x: number) => Math.round(x);
    return (
      b.height > 0 &&
      r(a.top) <= r(b.top) &&
      r(a.left) <= r(b.left) &&
      r(a.bottom) >= Math.min(r(b.bottom), r(window.innerHeight)) &&
      r(a.right) >= Math.min(r(b.right), r(window.innerWidth)) &&
      a.height - b.height < 40 + Math.max(0, b.bottom - window.innerHeight)
    );
  }, GUIDE_STEPS[i]!.target);
}

/** Checks step `i` on screen: its target exists, is visible and in view inside the ring, the words are the app's for this state. */
async function checkStep(page: Page, lang: Language, i: number, lv: Level = level): Promise<void> {
  await waitStep(page, i);
  const id: GuideStepId = GUIDE_STEPS[i]!.id;
  const s = await shown(page);
  const words = guideText(lang, lv, await pageState(page), id);
  expect(s.step).toBe(id);
  expect(s.kicker).toBe(`${t(lang, 'guide.name')} · ${guideProgress(lang, i)}`);
  expect(s.title).toBe(words.title);
  expect(s.body).toBe(words.body);
  expect(s.detail).toBe(words.detail);
  expect(s.next).toBe(t(lang, i === GUIDE_STEPS.length - 1 ? 'guide.finish' : 'guide.next'));
  expect(s.backDisabled).toBe(i === 0);
  expect(s.gridInert, id).toBe(true);
  // The control exists, is visible and (scrolled into view) on screen; the ring is around it.
  expect(s.target, id).not.toBeNull();
  expect(s.targetVisible, id).toBe(true);
  const target = s.target!;
  expect(target.width * target.height, id).toBeGreaterThan(0);
  expect(target.top, id).toBeGreaterThanOrEqual(0);
  expect(target.top, id).toBeLessThan(s.viewport.height - 20);
  expect(target.left, id).toBeGreaterThanOrEqual(0);
  expect(target.right, id).toBeLessThanOrEqual(s.viewport.width);
  expect(s.ring, id).not.toBeNull();
  // The callout is in the window, and beside the control rather than over it (unless the control
  // fills the height of the window: then it sits at a side).
  const c = s.callout!;
  expect(c.top, id).toBeGreaterThanOrEqual(0);
  expect(c.bottom, id).toBeLessThanOrEqual(s.viewport.height);
  expect(c.left, id).toBeGreaterThanOrEqual(0);
  expect(c.right, id).toBeLessThanOrEqual(s.viewport.width);
  const overlaps =
    c.left < target.right - 1 &&
    c.right > target.left + 1 &&
    c.top < target.bottom - 1 &&
    c.bottom > target.top + 1;
  expect(overlaps, id).toBe(false);
  // A screen reader is on the step's heading.
  expect(await focusedId(page)).toEqual({ id: 'guide-title', tag: 'H2', inGuide: true });
}

describe.each([
  { lang: 'en' as const, company: 'minimax', seed: 4242 },
  { lang: 'zh-CN' as const, company: 'baichuan', seed: 909 },
])('the guided first quarter in $lang', ({ lang, company, seed }) => {
  it('points at each control in turn, applies the suggested plan as logged commands, and the quarter replays', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'), undefined, {
      firstVisit: true,
    });
    try {
      await startFirstGame(page, lang, company, seed);
      // The first quarter's card comes first; the guide waits for its answer.
      await page.waitForSelector('.modal');
      expect(await page.$('#guide')).toBeNull();
      expect(await answerCards(page, '1')).toBeGreaterThan(0);
      await page.waitForSelector('#guide');
      expect(await page.getAttribute('#guide', 'role')).toBe('dialog');
      expect(await page.getAttribute('#guide', 'aria-modal')).toBe('true');
      const logBefore = (await pageLog(page)).length;
      let applied = 0;

      // Step 1; Next by click; Back by ←; → and Next again by Tab then Enter.
      await checkStep(page, lang, 0);
      await page.click('#guide-next');
      await checkStep(page, lang, 1);
      await page.keyboard.press('ArrowLeft');
      await checkStep(page, lang, 0);
      await page.keyboard.press('ArrowRight');
      await checkStep(page, lang, 1);
      await page.click('#guide-back');
      await checkStep(page, lang, 0);
      // Tab stays in the callout (Skip, then Next: Back is disabled on the first step).
      await page.keyboard.press('Tab');
      expect((await focusedId(page)).id).toBe('guide-skip');
      await page.keyboard.press('Tab');
      expect((await focusedId(page)).id).toBe('guide-next');
      await page.keyboard.press('Tab');
      expect((await focusedId(page)).inGuide).toBe(true);
      await page.focus('#guide-next');
      await page.keyboard.press('Enter');
      for (let i = 1; i < GUIDE_STEPS.length; i++) {
        await checkStep(page, lang, i);
        if (i === 1) await screenshot(page, `guide-runway-${lang}`);
        if (GUIDE_STEPS[i]!.id === 'suggest') {
          // The suggestion, line by line as the app words it for this state; then applied.
          const before = await pageState(page);
          const { commands } = suggestedPlan(level, before);
          expect(commands.length).toBeGreaterThan(0);
          const lines = await page.$$eval('#guide-changes li', (lis) =>
            lis.map((li) => li.textContent ?? ''),
          );
          expect(lines).toEqual(suggestionLines(lang, level, before, commands));
          const n = (await pageLog(page)).length;
          await page.click('#guide-apply');
          await page.waitForFunction(
            (k) => (window.__sixTigers?.log().length ?? 0) >= k,
            n + commands.length,
          );
          expect((await pageLog(page)).slice(n)).toEqual(commands);
          applied = commands.length;
          await page.waitForFunction(() => document.querySelector('#guide-status')?.textContent !== '');
          expect(await page.textContent('#guide-status')).toBe(t(lang, 'guide.suggest.applied'));
          expect(await page.isDisabled('#guide-apply')).toBe(true);
          expect((await focusedId(page)).id).toBe('guide-next');
          // The dashboard under the callout shows the new plan (its split slider, for one).
          const split = commands.find((c) => c.type === 'plan/set-split');
          if (split?.type === 'plan/set-split')
            expect(await page.inputValue('#split-slider')).toBe(String(split.pretrainingBp / 100));
          await screenshot(page, `guide-suggest-${lang}`);
        }
        await page.click('#guide-next');
      }
      // Finish: the guide is gone and remembered, the keyboard is on End quarter, the grid is live.
      await page.waitForSelector('#guide', { state: 'detached' });
      expect(await storedFlag(page)).toBe(GUIDE_SEEN_VALUE);
      expect((await focusedId(page)).id).toBe('btn-end');
      expect(await page.getAttribute('.dash-grid', 'inert')).toBeNull();
      // The guide itself added nothing to the log but the suggestion.
      expect((await pageLog(page)).length).toBe(logBefore + applied);

      await page.keyboard.press('Enter');
      expect(await waitLeaving(page, 'Dashboard')).toBe('Results');
      const state = await pageState(page);
      const full = await pageLog(page);
      expect(full[full.length - 1]).toEqual({ type: 'quarter/end' });
      // The log replays in Node to the page's state; its replay code verifies.
      const setup = (await page.evaluate(() => window.__sixTigers?.setup())) as Setup;
      expect(setup).toEqual({ levelId: level.id, seed, company });
      const replayed = replayNode(setup, full);
      const pageHash = await page.evaluate(() => window.__sixTigers?.hash() ?? '');
      expect(hashState(replayed)).toBe(pageHash);
      const code = replayCodeOf(level, replayed, full);
      const outcome = verifyReplay(code, findLevel);
      expect(outcome.status, outcome.message).toBe('valid');
      if (outcome.status === 'valid') expect(outcome.finalHash).toBe(pageHash);
      expect(state.turn).toBe(1);

      // The next quarter has no guide: it was seen.
      await page.keyboard.press('Enter');
      expect(await waitLeaving(page, 'Results')).toBe('Dashboard');
      expect(await page.$('#guide')).toBeNull();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

interface Setup {
  levelId: string;
  seed: number;
  company: string;
}

/** The page's game replayed in Node from its setup and command log. */
function replayNode(setup: Setup, log: readonly Command[]): GameState {
  const created = createGame(getLevel(setup.levelId), setup.seed, setup.company);
  if (!created.ok) throw new Error(created.error.message);
  let st = created.state;
  for (const [i, cmd] of log.entries()) {
    const r = applyCommand(level, st, cmd);
    if (!r.ok) throw new Error(`command ${i} (${cmd.type}) refused: ${r.error.message}`);
    st = r.state;
  }
  return st;
}

/**
 * The window sizes the guide is walked at: a 360×740 phone (where the callout is docked across the
 * bottom of the window, under the control), a tablet, a 1280×720 screen at 200 % zoom (640×360)
 * and at 100 %, and a 1920×1080 one.
 */
const GUIDE_SIZES = [
  { width: 360, height: 740 },
  { width: 640, height: 360 },
  { width: 768, height: 1024 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

/** Where the callout, its step's control and the window are once the guide has placed the step. */
async function placed(page: Page, i: number) {
  await waitStep(page, i);
  // The ring's move finished, then the callout holds still for a frame (placed for good).
  await settle(page);
  await page.waitForFunction(() => {
    const r = document.querySelector('#guide')?.getBoundingClientRect();
    const key = r ? [r.left, r.top, r.width, r.height].join() : '';
    const w = window as unknown as { __guideRect?: string };
    const still = key !== '' && w.__guideRect === key;
    w.__guideRect = key;
    return still;
  });
  return page.evaluate((sel) => {
    const box = (el: Element | null) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, left: r.left, bottom: r.bottom, right: r.right, width: r.width, height: r.height };
    };
    const target = document.querySelector<HTMLElement>(sel);
    const next = document.querySelector<HTMLElement>('#guide-next');
    return {
      step: document.querySelector<HTMLElement>('#guide')?.dataset.step ?? '',
      callout: box(document.querySelector('#guide'))!,
      next: box(next),
      target: box(target),
      // The bottom of the control's heading (its own top when it has none).
      headBottom: (target?.querySelector('h2, h3') ?? target)?.getBoundingClientRect().bottom ?? 0,
      targetVisible: target?.checkVisibility({ visibilityProperty: true }) ?? false,
      vw: window.innerWidth,
      vh: window.innerHeight,
    };
  }, GUIDE_STEPS[i]!.target);
}

/** Step `i` as placed: its control on show in the window, the callout inside the window and clear of the control. */
async function checkPlacement(page: Page, i: number, where: string): Promise<void> {
  const s = await placed(page, i);
  const id = `${where} ${s.step}`;
  expect(s.step, where).toBe(GUIDE_STEPS[i]!.id);
  // The control: there, visible, and (scrolled to by the guide) in the window.
  expect(s.target, id).not.toBeNull();
  const t = s.target!;
  expect(s.targetVisible, id).toBe(true);
  expect(t.width * t.height, id).toBeGreaterThan(0);
  expect(t.top, id).toBeGreaterThanOrEqual(0);
  expect(t.top, id).toBeLessThan(s.vh - 20);
  expect(t.left, id).toBeGreaterThanOrEqual(0);
  expect(t.right, id).toBeLessThanOrEqual(s.vw);
  // The callout: inside the window, and not over any part of the control's box.
  const c = s.callout;
  expect(c.top, id).toBeGreaterThanOrEqual(0);
  expect(c.left, id).toBeGreaterThanOrEqual(0);
  expect(c.bottom, id).toBeLessThanOrEqual(s.vh);
  expect(c.right, id).toBeLessThanOrEqual(s.vw);
  const overlap = c.left < t.right && c.right > t.left && c.top < t.bottom && c.bottom > t.top;
  // Where the window cannot hold both side by side or one above the other (a whole card of a
  // one-column layout in a 360 px high window), the callout may cover the control's lower part,
  // never its heading. A control taller than the window itself (the whole plan column the
  // suggestion changes, at 640×360) cannot be shown whole at all.
  const room = t.height + c.height <= s.vh || t.width + c.width <= s.vw;
  const clear = room ? !overlap : t.height > s.vh || !overlap || c.top >= s.headBottom;
  expect(clear, `${id}: callout ${JSON.stringify(c)} over control ${JSON.stringify(t)}`).toBe(true);
  // Its Next button is in the callout's view, not scrolled away inside it.
  const n = s.next!;
  expect(n.top >= c.top && n.bottom <= c.bottom && n.left >= c.left && n.right <= c.right, id).toBe(true);
}

describe('the guide at every window size', () => {
  it.each([
    ...GUIDE_SIZES.map((size) => ({ ...size, lang: 'en' as Language })),
    { width: 640, height: 360, lang: 'zh-CN' as Language },
    { width: 360, height: 740, lang: 'zh-CN' as Language },
  ])(
    'never puts its callout over the control a step points at (where the window cannot hold both, over its heading), and keeps both in the window ($width×$height, $lang)',
    async ({ width, height, lang }) => {
      const { page, context, problems } = await openGame(
        browser,
        inject('baseUrl'),
        { width, height },
        { firstVisit: true },
      );
      const where = `${width}×${height} ${lang}`;
      try {
        await startFirstGame(page, lang, 'minimax', 4242);
        await page.waitForSelector('.modal');
        await answerCards(page, '1');
        await page.waitForSelector('#guide');
        for (let i = 0; i < GUIDE_STEPS.length; i++) {
          await checkPlacement(page, i, where);
          if (GUIDE_STEPS[i]!.id === 'suggest') {
            // Applied, the plan re-renders the dashboard under the callout: placed again, still clear.
            await page.click('#guide-apply');
            await page.waitForFunction(() => document.querySelector('#guide-status')?.textContent !== '');
            await checkPlacement(page, i, `${where} (applied)`);
          }
          if (width === 640 && lang === 'en' && GUIDE_STEPS[i]!.id === 'runway')
            await screenshot(page, 'guide-runway-640x360');
          if (i < GUIDE_STEPS.length - 1) await page.click('#guide-next');
        }
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});

describe('closing and replaying the guide', () => {
  it('reads a corrupt flag as unseen, skips on Escape and on Skip, and comes back from Help', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'), undefined, {
      firstVisit: true,
    });
    try {
      await waitScreen(page, 'Title');
      await page.evaluate((k) => localStorage.setItem(k, '{"seen":tru'), GUIDE_KEY);
      await page.reload();
      await startFirstGame(page, 'en', 'zhipu', 55);
      await answerCards(page, '2');
      await page.waitForSelector('#guide');
      await checkStep(page, 'en', 0);
      await page.click('#guide-next');
      await checkStep(page, 'en', 1);
      const log = (await pageLog(page)).length;
      // Escape skips from any step: remembered, the heading has the keyboard, nothing was logged.
      await page.keyboard.press('Escape');
      await page.waitForSelector('#guide', { state: 'detached' });
      expect(await storedFlag(page)).toBe(GUIDE_SEEN_VALUE);
      expect(await focusedId(page)).toMatchObject({ tag: 'H1', inGuide: false });
      expect((await pageLog(page)).length).toBe(log);
      expect(await page.getAttribute('.dash-grid', 'inert')).toBeNull();
      // A reload (which lands on the same screen) does not bring it back.
      await page.reload();
      await waitScreen(page, 'Dashboard');
      expect(await page.$('#guide')).toBeNull();

      // Help replays it on the game being played, from its first step; Skip closes it.
      await page.click('#btn-howto');
      await waitScreen(page, 'Info');
      expect(await page.textContent('#btn-guide')).toBe(t('en', 'guide.replay'));
      await page.click('#btn-guide');
      await waitScreen(page, 'Dashboard');
      await page.waitForSelector('#guide');
      await checkStep(page, 'en', 0);
      await page.keyboard.press('ArrowRight');
      await checkStep(page, 'en', 1);
      await page.click('#guide-skip');
      await page.waitForSelector('#guide', { state: 'detached' });
      expect((await pageLog(page)).length).toBe(log);
      // Enter ends the quarter again once the guide is closed.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Enter');
      expect(await waitLeaving(page, 'Dashboard')).toBe('Results');

      // From the title's How to play (no game on screen) it is forgotten, to start with the next game.
      await page.keyboard.press('Enter');
      expect(await waitLeaving(page, 'Results')).toBe('Dashboard');
      // The second quarter's card (if any) put aside, and no guide after it.
      if (await page.$('.modal')) await page.keyboard.press('Escape');
      await page.waitForSelector('.modal', { state: 'detached' });
      expect(await page.$('#guide')).toBeNull();
      await page.click('#btn-menu');
      await waitScreen(page, 'Title');
      await page.click('#btn-howto');
      await waitScreen(page, 'Info');
      await page.click('#btn-guide');
      await page.waitForFunction(() => document.querySelector('#guide-replay-status')?.textContent !== '');
      expect(await page.textContent('#guide-replay-status')).toBe(t('en', 'guide.replayLater'));
      expect(await storedFlag(page)).toBeNull();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a level whose first quarter deals no card', () => {
  it('opens the guide with the dashboard, on the step’s heading, and every step’s control is there', async () => {
    const lab = getLevel('bertrand-lab');
    const { page, context, problems } = await openGame(browser, inject('baseUrl'), undefined, {
      firstVisit: true,
    });
    try {
      await waitScreen(page, 'Title');
      await page.click('#btn-lang-zh-CN');
      await page.click('#btn-new');
      await waitScreen(page, 'NewGame');
      await page.check(`#level-${lab.id}`);
      await page.click('#btn-start');
      await waitScreen(page, 'Dashboard');
      expect(await page.$('.modal')).toBeNull();
      for (let i = 0; i < GUIDE_STEPS.length; i++) {
        await checkStep(page, 'zh-CN', i, lab);
        if (i < GUIDE_STEPS.length - 1) await page.keyboard.press('ArrowRight');
      }
      // → on the last step does not finish: only Finish (or Enter on it) does.
      await page.keyboard.press('ArrowRight');
      await checkStep(page, 'zh-CN', GUIDE_STEPS.length - 1, lab);
      await page.focus('#guide-next');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#guide', { state: 'detached' });
      expect((await focusedId(page)).id).toBe('btn-end');
      expect(await storedFlag(page)).toBe(GUIDE_SEEN_VALUE);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('difficulty on New game', () => {
  it.each(['en', 'zh-CN'] as const)(
    'is visible text beside the stars on every company card (%s)',
    async (lang) => {
      const { page, context, problems } = await openGame(browser, inject('baseUrl'));
      try {
        await waitScreen(page, 'Title');
        await page.click(`#btn-lang-${lang}`);
        await page.click('#btn-new');
        await waitScreen(page, 'NewGame');
        for (const c of level.companies.filter((x) => level.player.companies.includes(x.id))) {
          const word = t(lang, `newGame.difficulty.${c.difficulty}` as TextKey);
          const label = page.locator(`#difficulty-${c.id}`);
          // What a sighted player reads: the stars and the word (all but the screen reader's part).
          const seen = await label.evaluate((el) =>
            [...el.childNodes]
              .filter((n) => !(n instanceof Element && n.classList.contains('sr-only')))
              .map((n) => n.textContent)
              .join('')
              .trim(),
          );
          expect(seen).toBe(`${'★'.repeat(c.difficulty)}${'☆'.repeat(5 - c.difficulty)} ${word}`);
          expect(await label.locator('.stars').isVisible()).toBe(true);
          expect(await label.locator('.difficulty-word').isVisible()).toBe(true);
          const box = await label.locator('.difficulty-word').boundingBox();
          expect((box?.width ?? 0) * (box?.height ?? 0)).toBeGreaterThan(20);
          // What a screen reader reads: the word and "difficulty n of 5", not the stars.
          expect(await label.locator('.stars').getAttribute('aria-hidden')).toBe('true');
          expect(await label.locator('.sr-only').textContent()).toBe(
            ` ${t(lang, 'newGame.difficulty', { n: c.difficulty })}`,
          );
        }
        await screenshot(page, `new-game-difficulty-${lang === 'en' ? 'en' : 'zh'}`);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
