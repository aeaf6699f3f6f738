// The replay viewer in the built game: two real codes made in Node (as `sim --json` makes them), the
// first opened from a ?replay= link and watched quarter by quarter (keys, the strip), each shown
// quarter checked against Node's straight re-simulation (hash and cash); the second loaded for
// comparison with both runs on the charts; then a fork from a middle quarter opens on the
// dashboard at that quarter, with the same state hash and its branch record. With a game saved in
// the browser, a replay link asks before it shows anything and leaves the save alone, and a fork
// asks before it replaces the save.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { timeline } from '../../src/app/debrief';
import { money } from '../../src/app/format';
import { levelText, t } from '../../src/app/i18n';
import { actorName } from '../../src/app/level-text';
import { getLevel } from '../../src/app/levels';
import { MAX_INPUT_CHARS, REPLAY_PREFIX } from '../../src/app/replay-code';
import { SAVE_KEY, saveFileOf } from '../../src/app/save';
import { Session } from '../../src/app/session';
import { simReport } from '../../src/app/sim-report';
import type { Command, GameState } from '../../src/engine/index';
import { applyCommand, createGame, hashState, playGame, quarterLabel } from '../../src/engine/index';
import { launch, openGame, screenshot, storedBackups, waitScreen } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const level = getLevel('historical-2023');

function made(seed: number, company: string, policy: 'balanced' | 'applications-first') {
  const { state, log } = playGame(level, seed, company, policy);
  const report = simReport(level, state, { seed, company, policy }, log);
  if (!report.replayCode) throw new Error('no replay code');
  return { state, log, code: report.replayCode, finalHash: report.finalHash };
}

/** Node's straight re-simulation: the state after each number of quarter ends, with the commands it took. */
function boundaries(seed: number, company: string, log: readonly Command[]) {
  const c = createGame(level, seed, company);
  if (!c.ok) throw new Error(c.error.message);
  let s: GameState = c.state;
  const out = [{ state: s, used: 0 }];
  log.forEach((cmd, i) => {
    const r = applyCommand(level, s, cmd);
    if (!r.ok) throw new Error(r.error.message);
    s = r.state;
    if (cmd.type === 'quarter/end') out.push({ state: s, used: i + 1 });
  });
  return out;
}

const cashOf = (s: GameState) => s.startups.find((x) => x.id === s.playerId)!.cash;

/** The save of a game played by an autopilot for some quarters (standing in the next one), made in Node. */
function savedMidGame(seed: number, company: string, quarters: number) {
  const { log } = playGame(level, seed, company, 'balanced');
  let ends = 0;
  const cut = log.findIndex((c) => c.type === 'quarter/end' && ++ends === quarters);
  const r = Session.replay({ levelId: level.id, seed, company }, log.slice(0, cut + 1));
  if (!r.ok) throw new Error('replay failed');
  const save = JSON.stringify(saveFileOf(r.session, '2025-01-01T00:00:00Z'));
  return { save, hash: r.session.hash(), turn: r.session.state.turn };
}

const storedSave = (page: Page) => page.evaluate((key) => localStorage.getItem(key), SAVE_KEY);

async function shown(page: Page) {
  return page.$eval('#viewer-quarter', (el) => ({
    turn: Number(el.getAttribute('data-turn')),
    hash: el.getAttribute('data-hash') ?? '',
    text: el.textContent ?? '',
    cash: document.querySelector('#kpi-cash .kpi-value')?.textContent ?? '',
  }));
}

async function waitTurn(page: Page, turn: number) {
  await page.waitForSelector(`#viewer-quarter[data-turn="${turn}"]`, { timeout: 5_000 });
}

describe('replay viewer', () => {
  it('steps, jumps, compares two runs and forks from a middle quarter', async () => {
    const a = made(42, 'moonshot', 'balanced');
    const b = made(7, 'zhipu', 'applications-first');
    const ref = boundaries(42, 'moonshot', a.log);
    const refB = boundaries(7, 'zhipu', b.log);
    const H = a.state.history.length;
    expect(ref).toHaveLength(H + 1);
    const expectAt = async (page: Page, k: number) => {
      await waitTurn(page, k);
      const s = await shown(page);
      expect(s.hash).toBe(hashState(ref[k]!.state));
      expect(s.cash).toBe(money('en', cashOf(ref[k]!.state)));
      if (k > 0) expect(s.text).toContain(a.state.history[k - 1]!.quarter);
    };

    const url = new URL(inject('baseUrl'));
    url.searchParams.set('replay', a.code);
    const { page, context, problems } = await openGame(browser, url.toString());
    try {
      await waitScreen(page, 'Replay');
      await page.waitForSelector('#replay-result[data-status="valid"]');
      await page.click('#btn-watch');
      await waitScreen(page, 'ReplayViewer');
      await expectAt(page, 0);
      expect(await page.$$('.viewer-stop')).toHaveLength(H + 1);

      // Step with the keyboard, forward and back.
      for (let k = 1; k <= 3; k++) {
        await page.keyboard.press('ArrowRight');
        await expectAt(page, k);
      }
      await page.keyboard.press('ArrowLeft');
      await expectAt(page, 2);
      await page.keyboard.press('End');
      await expectAt(page, H);
      expect(await page.isDisabled('#btn-fork')).toBe(true); // the game ended there
      // ▶ is disabled at the end: the keyboard focus moves onto the strip instead of getting lost.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`viewer-stop-${H}`);
      await page.keyboard.press('ArrowRight'); // nothing after the end
      await expectAt(page, H);
      await page.keyboard.press('Home');
      await expectAt(page, 0);
      // Jump on the strip.
      await page.click('#viewer-stop-5');
      await expectAt(page, 5);
      // The moment's charts cover exactly the quarters played by then.
      const labels = await page.$$eval('.viewer-charts figure:first-child svg text.tick', (ts) =>
        ts.map((t) => t.textContent ?? ''),
      );
      expect(labels).toContain(a.state.history[4]!.quarter.replace(/^20/, ''));
      expect(labels).not.toContain(a.state.history[5]!.quarter.replace(/^20/, ''));
      // The tab after a quarter lists the decisions taken in that quarter, under its name.
      const q5 = a.state.history[4]!.quarter;
      expect(await page.textContent('#decisions-title')).toBe(t('en', 'viewer.decisions', { quarter: q5 }));
      const taken = timeline('en', level, { levelId: level.id, seed: 42, company: 'moonshot' }, a.log)
        .filter((e) => e.quarter === q5)
        .map((e) => e.text);
      expect(taken.length).toBeGreaterThan(0);
      expect(await page.$$eval('#viewer-decisions li', (lis) => lis.map((li) => li.textContent))).toEqual(
        taken,
      );

      // Escape goes back to the verified code; Watch comes back to the start.
      await page.keyboard.press('Escape');
      await waitScreen(page, 'Replay');
      await page.waitForSelector('#replay-result[data-status="valid"]');
      await page.click('#btn-watch');
      await waitScreen(page, 'ReplayViewer');
      await expectAt(page, 0);
      await page.click('#viewer-stop-5');
      await expectAt(page, 5);

      // Compare with the second run: a bad code is refused in words, the real one goes on the charts.
      await page.fill('#compare-input', 'ST2.<img src=x onerror=alert(1)>');
      await page.click('#btn-compare');
      await page.waitForFunction(
        () => (document.querySelector('#compare-message')?.textContent ?? '') !== '',
      );
      expect(await page.$('#viewer-compare img')).toBeNull();
      expect(await page.getAttribute('#viewer-compare', 'data-runs')).toBe('a');
      await page.fill('#compare-input', b.code);
      await page.click('#btn-compare');
      await page.waitForSelector('#viewer-compare[data-runs="a b"]');
      await page.waitForSelector('#compare-charts path[data-series="b"]');
      const perRun = await page.$$eval('#compare-charts figure', (figs) =>
        figs.map((f) => ({
          metric: f.getAttribute('data-metric'),
          legend: [...f.querySelectorAll('.legend li')].map((li) => li.getAttribute('data-series')),
          lines: [...f.querySelectorAll('path[data-series]')].map((p) => p.getAttribute('data-series')),
        })),
      );
      expect(perRun.map((f) => f.metric)).toEqual([
        'cash',
        'revenue',
        'operatingProfit',
        'apiPrice',
        'quality',
        'mau',
      ]);
      for (const f of perRun) {
        expect(f.legend).toEqual(['a', 'b']);
        expect(f.lines.sort()).toEqual(['a', 'b']);
      }
      const cashRow = async () =>
        page.$$eval('#compare-table tr[data-metric="cash"] td[data-run]', (tds) =>
          tds.map((td) => Number(td.getAttribute('data-value'))),
        );
      expect(await cashRow()).toEqual([cashOf(ref[5]!.state), cashOf(refB[5]!.state)]);
      // Labels are the player's text, never markup; the table follows the viewed quarter.
      await page.fill('#run-label-a', 'matched the price war <b>');
      await page.press('#run-label-a', 'Tab');
      await page.waitForFunction(() =>
        [...document.querySelectorAll('#compare-charts .legend li[data-series="a"]')].some((li) =>
          (li.textContent ?? '').includes('matched the price war <b>'),
        ),
      );
      expect(await page.$('#compare-charts .legend b')).toBeNull();
      await page.click('#viewer-stop-6');
      await expectAt(page, 6);
      expect(await cashRow()).toEqual([cashOf(ref[6]!.state), cashOf(refB[6]!.state)]);
      await page.waitForSelector('#compare-charts path[data-series="a"]');
      await screenshot(page, 'replay-viewer');

      // Fork from a middle quarter: the dashboard opens at that quarter with the timeline's state.
      const mid = Math.floor(H / 2);
      await page.click(`#viewer-stop-${mid}`);
      await expectAt(page, mid);
      await page.click('#btn-fork');
      await waitScreen(page, 'Dashboard');
      const forked = await page.evaluate(() => {
        const hook = window.__sixTigers!;
        const st = hook.state() as { turn: number; history: unknown[] };
        return {
          hash: hook.hash(),
          turn: st.turn,
          played: st.history.length,
          log: hook.log().length,
          branch: hook.branch(),
        };
      });
      expect(forked.turn).toBe(mid);
      expect(forked.played).toBe(mid);
      expect(forked.hash).toBe(hashState(ref[mid]!.state));
      expect(forked.log).toBe(ref[mid]!.used);
      expect(forked.branch).toEqual({ parentHash: a.finalHash, turn: mid });
      expect(await page.textContent('.quarter')).toContain(quarterLabel(level, mid));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens from the ending screen on the game just played, and Escape goes back there', async () => {
    const a = made(11, 'stepfun', 'balanced');
    const replayed = Session.replay({ levelId: level.id, seed: 11, company: 'stepfun' }, a.log);
    if (!replayed.ok) throw new Error('replay failed');
    const save = JSON.stringify(saveFileOf(replayed.session, '2025-01-01T00:00:00Z'));
    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      await waitScreen(page, 'Title');
      // An ended game in the autosave, and this tab last on its ending: a reload lands there.
      await page.evaluate(
        ([key, value]) => {
          localStorage.setItem(key!, value!);
          sessionStorage.setItem('sixTigers.screen', 'ending');
        },
        [SAVE_KEY, save],
      );
      await page.reload();
      await waitScreen(page, 'Ending');
      expect(await page.textContent('#final-hash')).toBe(a.finalHash);
      await page.click('#btn-watch');
      await waitScreen(page, 'ReplayViewer');
      await page.keyboard.press('End');
      const H = a.state.history.length;
      await waitTurn(page, H);
      expect(await page.getAttribute('#viewer-quarter', 'data-hash')).toBe(a.finalHash);
      await page.keyboard.press('Escape');
      await waitScreen(page, 'Ending');
      expect(await page.textContent('#final-hash')).toBe(a.finalHash);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
  it('with a game saved, a replay link asks first and only shows the replay; the save stays as it was', async () => {
    const a = made(42, 'moonshot', 'balanced');
    const ref = boundaries(42, 'moonshot', a.log);
    const mine = savedMidGame(11, 'stepfun', 2);
    const base = inject('baseUrl');
    const { page, context, problems } = await openGame(browser, base);
    try {
      await waitScreen(page, 'Title');
      // A game saved, and this tab last on its dashboard (before, the link then resumed it silently).
      await page.evaluate(
        ([key, value]) => {
          localStorage.setItem(key!, value!);
          sessionStorage.setItem('sixTigers.screen', 'dashboard');
        },
        [SAVE_KEY, mine.save],
      );
      const url = new URL(base);
      url.searchParams.set('replay', a.code);
      await page.goto(url.toString());
      await waitScreen(page, 'LinkChoice');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('btn-link-resume');
      expect(await page.textContent('#btn-link-resume')).toContain(
        `${actorName('en', level, 'stepfun')} · ${quarterLabel(level, mine.turn)}`,
      );
      const openText = (await page.textContent('#btn-link-open')) ?? '';
      expect(openText).toContain(
        `${actorName('en', level, 'moonshot')} · ${levelText('en', level.name)} · seed 42`,
      );
      expect(openText).toMatch(/saved game is not changed/);
      await page.click('#btn-link-open');
      await waitScreen(page, 'Replay');
      await page.waitForSelector('#replay-result[data-status="valid"]');
      await page.click('#btn-watch');
      await waitScreen(page, 'ReplayViewer');
      await page.click('#viewer-stop-4');
      await waitTurn(page, 4);
      expect(await page.getAttribute('#viewer-quarter', 'data-hash')).toBe(hashState(ref[4]!.state));
      expect(await storedSave(page)).toBe(mine.save);
      // Back on the title, the saved game continues where it was.
      await page.keyboard.press('Escape');
      await waitScreen(page, 'Replay');
      await page.keyboard.press('Escape');
      await waitScreen(page, 'Title');
      expect(await storedSave(page)).toBe(mine.save);
      await page.click('#btn-continue');
      await waitScreen(page, 'Dashboard');
      expect(await page.evaluate(() => window.__sixTigers?.hash())).toBe(mine.hash);
      expect(await page.evaluate(() => window.__sixTigers?.setup())).toMatchObject({
        levelId: level.id,
        seed: 11,
        company: 'stepfun',
      });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('with a game saved, Fork asks first: Cancel keeps the save, yes replaces it (kept as a backup)', async () => {
    const a = made(42, 'moonshot', 'balanced');
    const ref = boundaries(42, 'moonshot', a.log);
    const mine = savedMidGame(11, 'stepfun', 2);
    const base = inject('baseUrl');
    const { page, context, problems } = await openGame(browser, base);
    try {
      await waitScreen(page, 'Title');
      await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [SAVE_KEY, mine.save]);
      await page.reload();
      await waitScreen(page, 'Title');
      // The code pasted into Load replay code, then watched.
      await page.click('#btn-replay');
      await waitScreen(page, 'Replay');
      await page.fill('#replay-input', a.code);
      await page.click('#btn-verify');
      await page.waitForSelector('#replay-result[data-status="valid"]');
      await page.click('#btn-watch');
      await waitScreen(page, 'ReplayViewer');
      await page.click('#viewer-stop-3');
      await waitTurn(page, 3);
      // Fork: the question names the saved game; focus on Cancel; Escape says no and stays here.
      await page.click('#btn-fork');
      await page.waitForSelector('#fork-confirm');
      expect(await page.textContent('#fork-confirm-text')).toContain(
        `This replaces your saved game (${actorName('en', level, 'stepfun')} · ${quarterLabel(level, mine.turn)}). Fork anyway?`,
      );
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('fork-confirm-cancel');
      await screenshot(page, 'fork-confirm');
      await page.keyboard.press('Escape');
      await page.waitForSelector('#fork-confirm', { state: 'detached' });
      expect(await page.evaluate(() => window.__sixTigers?.screen())).toBe('ReplayViewer');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('btn-fork');
      await waitTurn(page, 3);
      // Cancel, the button, says no too.
      await page.click('#btn-fork');
      await page.click('#fork-confirm-cancel');
      await page.waitForSelector('#fork-confirm', { state: 'detached' });
      expect(await page.evaluate(() => window.__sixTigers?.screen())).toBe('ReplayViewer');
      expect(await storedSave(page)).toBe(mine.save);
      expect(await page.evaluate(() => window.__sixTigers?.setup())).toBeNull();
      // Yes: the fork is played, and saved in place of the old game, which is kept as a backup.
      await page.click('#btn-fork');
      await page.click('#fork-confirm-yes');
      await waitScreen(page, 'Dashboard');
      expect(await page.evaluate(() => window.__sixTigers?.hash())).toBe(hashState(ref[3]!.state));
      expect(await page.evaluate(() => window.__sixTigers?.branch())).toEqual({
        parentHash: a.finalHash,
        turn: 3,
      });
      const now = JSON.parse((await storedSave(page)) ?? 'null');
      expect(now).toMatchObject({
        seed: 42,
        company: 'moonshot',
        branch: { parentHash: a.finalHash, turn: 3 },
      });
      const backups = await storedBackups(page);
      expect(backups).toContain(mine.save);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('with a game saved, "Play the same seed again" asks first: Cancel keeps the save, yes starts the seed', async () => {
    const a = made(42, 'moonshot', 'balanced');
    const mine = savedMidGame(11, 'stepfun', 2);
    const base = inject('baseUrl');
    const { page, context, problems } = await openGame(browser, base);
    try {
      await waitScreen(page, 'Title');
      await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [SAVE_KEY, mine.save]);
      await page.reload();
      await waitScreen(page, 'Title');
      await page.click('#btn-replay');
      await waitScreen(page, 'Replay');
      await page.fill('#replay-input', a.code);
      await page.click('#btn-verify');
      await page.waitForSelector('#replay-result[data-status="valid"]');
      // The question names the saved game; focus on Cancel; Escape and Cancel say no and stay here.
      await page.click('#btn-replay-again');
      await page.waitForSelector('#again-confirm');
      expect(await page.textContent('#again-confirm-text')).toContain(
        `A new game replaces your saved game (${actorName('en', level, 'stepfun')} · ${quarterLabel(level, mine.turn)}). Start anyway?`,
      );
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('again-confirm-cancel');
      await page.keyboard.press('Escape');
      await page.waitForSelector('#again-confirm', { state: 'detached' });
      expect(await page.evaluate(() => window.__sixTigers?.screen())).toBe('Replay');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('btn-replay-again');
      await page.click('#btn-replay-again');
      await page.click('#again-confirm-cancel');
      await page.waitForSelector('#again-confirm', { state: 'detached' });
      expect(await page.evaluate(() => window.__sixTigers?.screen())).toBe('Replay');
      expect(await storedSave(page)).toBe(mine.save);
      // Yes: the replay's seed and company start afresh; the old game is kept as a backup.
      await page.click('#btn-replay-again');
      await page.click('#again-confirm-yes');
      await waitScreen(page, 'Dashboard');
      expect(await page.evaluate(() => window.__sixTigers?.setup())).toMatchObject({
        levelId: level.id,
        seed: 42,
        company: 'moonshot',
      });
      const backups = await storedBackups(page);
      expect(backups).toContain(mine.save);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a link longer than any code, or with an older-format code, is refused by name', async () => {
    const base = inject('baseUrl');
    const { page, context, problems } = await openGame(browser, base);
    try {
      await waitScreen(page, 'Title');
      // Just past the limit: weighed by its length, unread, and not copied into the field.
      const huge = `${REPLAY_PREFIX}${'A'.repeat(MAX_INPUT_CHARS)}`;
      await page.goto(`${base}?from=link#replay=${huge}`);
      await page.waitForSelector('#replay-result[data-status="corrupted"]');
      expect(await page.textContent('#replay-message')).toContain('far too long');
      expect(await page.inputValue('#replay-input')).toBe('');
      // And taken off the address at start-up: the page's later URLs are not resolved against it.
      expect(await page.evaluate(() => window.location.href.length)).toBeLessThan(200);
      // A format-1 code (made before format 2) is named as such, not misread.
      await page.goto(`${base}?replay=ST1.Y-LPyCwuyS_KTE7M0TUyMDJm0uLIzc_PK87ILxHoXLlF2-x6wEaB5b`);
      await page.waitForSelector('#replay-result[data-status="unknown-format"]');
      expect(await page.textContent('#replay-message')).toContain('older replay-code format 1');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
