// A whole historical game played through the UI — controls and keyboard only, no engine calls in
// the page — from the title screen to an ending, once in each language. The final hash the game
// shows must equal the engine's, replayed here in Node from the command log the page exposes.
// The replay code on the ending screen verifies in Node and on the Load replay code screen of a
// fresh page; a tampered copy is refused there without a page error.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findLevel, getLevel } from '../../src/app/levels';
import { verifyReplay } from '../../src/app/replay-code';
import { applyCommand, createGame, hashState } from '../../src/engine/index';
import type { Command } from '../../src/engine/types';
import { launch, openGame, screenshot, waitLeaving, waitScreen } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function screenNow(page: Page): Promise<string> {
  return page.evaluate(() => window.__sixTigers?.screen() ?? '');
}

/** One quarter's decisions, varied by quarter, made with clicks and keys. */
async function planQuarter(page: Page, q: number): Promise<void> {
  const runwayLow = await page.evaluate(() => {
    const st = window.__sixTigers?.state() as {
      startups: { id: string; cash: number; round: unknown; plan: { roundTarget: unknown } }[];
      playerId: string;
    };
    const me = st.startups.find((s) => s.id === st.playerId)!;
    return me.round === null && me.plan.roundTarget === null && me.cash > 0;
  });
  if (q % 4 === 0) await page.click('#spend-lean');
  if (q === 1) {
    // The centre slider by keyboard: ten steps towards applications.
    await page.focus('#split-slider');
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  }
  if (q === 2) await page.check('#price-undercut');
  if (q === 3) {
    await page.click('#hire-engineers-plus');
    await page.click('#hire-sales-plus');
  }
  if (q === 4) {
    await page.focus('#weight-overseas');
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
  }
  if (q === 5) await page.check('#pay-plus25');
  if (q === 6) await page.check('#price-match');
  if (q === 7) await page.check('#intensity-dxz');
  if (q === 9) await page.check('#intensity-normal');
  if (q % 5 === 2 && runwayLow && (await page.$('#round-open'))) await page.click('#round-open');
  for (const btn of await page.$$('button[id^="offer-decline-"]')) await btn.click();
}

async function answerEvents(page: Page, key: string, shoot: { done: boolean }, tag: string): Promise<number> {
  let answered = 0;
  for (let i = 0; i < 8 && (await page.$('.modal')); i++) {
    if (!shoot.done) {
      await screenshot(page, `event-card-${tag}`);
      shoot.done = true;
    }
    const before = await page.evaluate(() => window.__sixTigers?.log().length ?? 0);
    await page.keyboard.press(key);
    await page.waitForFunction((n) => (window.__sixTigers?.log().length ?? 0) > n, before);
    answered++;
  }
  return answered;
}

async function playGame(page: Page, lang: 'zh-CN' | 'en', company: string, seed: number, tag: string) {
  await waitScreen(page, 'Title');
  await page.click(`#btn-lang-${lang}`);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await screenshot(page, `title-${tag}`);
  await page.focus('#btn-new');
  await page.keyboard.press('Enter');
  await waitScreen(page, 'NewGame');
  await page.check(`#company-${company}`);
  await page.fill('#seed-input', String(seed));
  await screenshot(page, `new-game-${tag}`);
  await page.focus('#seed-input');
  await page.keyboard.press('Enter');
  await waitScreen(page, 'Dashboard');
  const shotEvent = { done: false };
  let events = 0;
  for (let q = 0; q < 40; q++) {
    const screen = await screenNow(page);
    if (screen === 'Ending') break;
    expect(screen).toBe('Dashboard');
    events += await answerEvents(page, q % 2 === 0 ? '1' : '2', shotEvent, tag);
    await planQuarter(page, q);
    if (q === 1) {
      await screenshot(page, `dashboard-${tag}`);
    }
    // Enter ends the quarter (from anywhere that is not a button or a text field).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Enter');
    const next = await waitLeaving(page, 'Dashboard');
    if (next === 'Ending') break;
    expect(next).toBe('Results');
    if (q === 2) {
      await screenshot(page, `results-${tag}`);
    }
    await page.keyboard.press('Enter');
    await waitLeaving(page, 'Results');
  }
  await waitScreen(page, 'Ending');
  await page.waitForFunction(
    () => !/…/.test(document.querySelector('#percentile')?.textContent ?? '…'),
    undefined,
    { timeout: 30_000 },
  );
  await screenshot(page, `ending-${tag}`);
  return { events, shotEvent: shotEvent.done };
}

/** Pastes a code into the Load replay code screen (from the title) and returns the status shown. */
async function pasteCode(page: Page, code: string): Promise<{ status: string; message: string }> {
  await page.fill('#replay-input', code);
  await page.click('#btn-verify');
  await page.waitForFunction(() => document.querySelector('#replay-message') !== null);
  const status = (await page.getAttribute('#replay-result', 'data-status')) ?? '';
  const message = (await page.textContent('#replay-message')) ?? '';
  return { status, message };
}

/** The same code with one character in the middle changed (to another URL-safe base64 digit). */
function tamper(code: string): string {
  const i = Math.floor((code.length + 4) / 2);
  const c = code[i]!;
  return code.slice(0, i) + (c === 'A' ? 'B' : 'A') + code.slice(i + 1);
}

function replayInNode(setup: { levelId: string; seed: number; company: string }, log: Command[]): string {
  const level = getLevel(setup.levelId);
  const created = createGame(level, setup.seed, setup.company);
  if (!created.ok) throw new Error(created.error.message);
  let state = created.state;
  for (const [i, cmd] of log.entries()) {
    const r = applyCommand(level, state, cmd);
    if (!r.ok) throw new Error(`command ${i} (${cmd.type}) rejected: ${r.error.message}`);
    state = r.state;
  }
  expect(state.ending).not.toBeNull();
  return hashState(state);
}

describe.each([
  { lang: 'en' as const, company: 'minimax', seed: 20240517, tag: 'en' },
  { lang: 'zh-CN' as const, company: 'moonshot', seed: 777, tag: 'zh' },
])('a whole game in $lang', ({ lang, company, seed, tag }) => {
  it('plays from the title to an ending with the UI only, and the final hash matches the engine', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      const { events, shotEvent } = await playGame(page, lang, company, seed, tag);
      const level = getLevel('historical-2023');
      if (level.events.cards.length > 0) {
        expect(events).toBeGreaterThan(0);
        expect(shotEvent).toBe(true);
      }
      const shown = (await page.textContent('#final-hash'))?.trim();
      const exposed = await page.evaluate(() => window.__sixTigers?.hash());
      const setup = (await page.evaluate(() => window.__sixTigers?.setup())) as {
        levelId: string;
        seed: number;
        company: string;
      };
      const log = (await page.evaluate(() => window.__sixTigers?.log())) as Command[];
      expect(setup).toEqual({ levelId: 'historical-2023', seed, company });
      expect(log.length).toBeGreaterThan(16);
      expect(exposed).toBe(shown);
      expect(replayInNode(setup, log)).toBe(shown);
      // The replay code shown on the ending verifies in Node to the page's final hash.
      const code = await page.inputValue('#replay-code');
      expect(code).toMatch(/^ST2\.[A-Za-z0-9_-]+$/);
      const outcome = verifyReplay(code, findLevel);
      expect(outcome.status, outcome.message).toBe('valid');
      if (outcome.status === 'valid') {
        expect(outcome.finalHash).toBe(exposed);
        expect(outcome.replay.log).toEqual(log);
      }
      const link = await page.inputValue('#replay-link');
      expect(new URL(link).searchParams.get('replay')).toBe(code);
      await page.click('#btn-copy-code');
      await page.waitForFunction(
        () => (document.querySelector('#replay-copy-status')?.textContent ?? '') !== '',
      );
      // The ending is in the chosen language.
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      const title = (await page.textContent('#ending-title')) ?? '';
      expect(lang === 'zh-CN' ? /[\u4e00-\u9fff]/.test(title) : /^[\x20-\x7e’!]+$/.test(title)).toBe(true);
      expect(problems).toEqual([]);

      // A fresh page: paste the code into Load replay code, then a tampered copy; then the link.
      const fresh = await openGame(browser, inject('baseUrl'));
      try {
        await waitScreen(fresh.page, 'Title');
        await fresh.page.click(`#btn-lang-${lang}`);
        await fresh.page.click('#btn-replay');
        await waitScreen(fresh.page, 'Replay');
        const ok = await pasteCode(fresh.page, code);
        expect(ok.status, ok.message).toBe('valid');
        expect((await fresh.page.textContent('#replay-company'))?.trim()).not.toBe('');
        expect(await fresh.page.textContent('#replay-ending')).toBe(title);
        expect(await fresh.page.textContent('#replay-score')).toBe(await page.textContent('#score'));
        expect(await fresh.page.$('#btn-replay-again')).not.toBeNull();
        const bad = await pasteCode(fresh.page, tamper(code));
        expect(bad.status).not.toBe('valid');
        expect(['corrupted', 'tampered', 'illegal-command', 'unknown-format']).toContain(bad.status);
        expect(bad.message.trim()).not.toBe('');
        const junk = await pasteCode(fresh.page, '<img src=x onerror=alert(1)>');
        expect(junk.status).toBe('unknown-format');
        expect(await fresh.page.$('#replay-result img')).toBeNull();
        await fresh.page.goto(link);
        await waitScreen(fresh.page, 'Replay');
        expect(await fresh.page.getAttribute('#replay-result', 'data-status')).toBe('valid');
        expect(fresh.problems).toEqual([]);
      } finally {
        await fresh.context.close();
      }
    } finally {
      await context.close();
    }
  });
});
