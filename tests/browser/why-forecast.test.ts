// The forecast in the plan column and the "why" panel on the results screen, played in the built
// game. Before each quarter ends, the forecast shown is the engine's forecastQuarter of the page's
// own state (read in Node from the state the page exposes); after it, the results screen's figures
// are the flows the engine recorded for that quarter, the valuation's parts add up to it, and the
// rivals' news is folded. Over the quarters played, the forecast's ranges contained what the
// quarter produced in at least 80 % of the figures (revenue, costs, cash, quality).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getLevel } from '../../src/app/levels';
import { marketWhy, staffWhy, valuationWhy } from '../../src/app/why';
import type { Band, CompanyFlows, GameState, Level } from '../../src/engine/index';
import { forecastQuarter } from '../../src/engine/index';
import { answerCards, launch, newGame, openGame, screenshot, waitLeaving, waitScreen } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function pageState(page: Page): Promise<{ level: Level; state: GameState }> {
  const setup = (await page.evaluate(() => window.__sixTigers?.setup())) as { levelId: string };
  const state = (await page.evaluate(() => window.__sixTigers?.state())) as GameState;
  return { level: getLevel(setup.levelId), state };
}

/** A band as the page shows it in an element's data attributes. */
async function shownBand(page: Page, selector: string): Promise<Band> {
  return page.$eval(selector, (el) => ({
    low: Number(el.getAttribute('data-low')),
    mid: Number(el.getAttribute('data-mid')),
    high: Number(el.getAttribute('data-high')),
  }));
}

/** The raw figures of a table's cells, row by row: data-key → data-value (null when none). */
async function shownCells(page: Page, table: string, rowAttr: string) {
  return page.$$eval(
    `${table} tbody tr`,
    (rows, attr) =>
      rows.map((r) => ({
        row: r.getAttribute(attr),
        cells: Object.fromEntries(
          [...r.querySelectorAll('td[data-key]')].map((td) => [
            td.getAttribute('data-key'),
            td.hasAttribute('data-value') ? Number(td.getAttribute('data-value')) : null,
          ]),
        ),
      })),
    rowAttr,
  );
}

/** Checks the results screen's "why" panel against the engine's record of the quarter. */
async function checkWhy(page: Page, level: Level, state: GameState): Promise<CompanyFlows> {
  const rec = state.history[state.history.length - 1]!;
  const mine = rec.companies.find((c) => c.id === state.playerId)!;
  const f = mine.flows!;
  const prev = state.history[state.history.length - 2]?.companies.find((c) => c.id === state.playerId);
  // Markets: the figures shown are the recorded flows, and each app's users add up.
  const markets = await shownCells(page, '#why-markets', 'data-market');
  for (const m of marketWhy(level, f)) {
    const row = markets.find((r) => r.row === m.market)!;
    if (!m.open) continue;
    expect(row.cells, m.market).toEqual({
      start: m.start,
      gained: m.gained,
      lost: m.unit === 'tokens' ? null : m.lost,
      end: m.end,
      cost: m.costPerAcquired,
      revenue: m.revenuePer,
    });
    if (m.unit === 'users')
      expect(row.cells.start! + m.fromEvents + row.cells.gained! - row.cells.lost!).toBe(row.cells.end);
  }
  const domestic = markets.find((r) => r.row === 'domestic')!.cells;
  if (level.markets.domestic) expect(domestic.end).toBe(mine.domesticUsers);
  // People: per role, and the ends are the headcount.
  const staff = await shownCells(page, '#why-staff', 'data-role');
  expect(staff.map((r) => ({ role: r.row, ...r.cells }))).toEqual(staffWhy(f));
  expect(staff.reduce((n, r) => n + r.cells.end!, 0)).toBe(mine.headcount);
  for (const r of staff) {
    const c = r.cells as Record<string, number>;
    expect(c.previous! + c.fromEvents! + c.filled! - c.cut! - c.left! - c.poached!).toBe(c.end);
  }
  // Valuation: the parts shown add up to the valuation, which is the record's.
  const val = await shownCells(page, '#why-valuation', 'data-part');
  const parts = val.filter((r) => r.row !== 'previous' && r.row !== 'total');
  const total = val.find((r) => r.row === 'total')!.cells.value!;
  expect(total).toBe(mine.valuation);
  expect(parts.reduce((s, r) => s + r.cells.value!, 0)).toBe(total);
  expect(val.find((r) => r.row === 'previous')!.cells.value).toBe(f.valuation.previous);
  const expected = valuationWhy(f, prev?.flows ?? null);
  for (const r of parts) {
    const p = expected.parts.find((x) => x.part === r.row)!;
    expect(r.cells).toEqual({ value: p.value, change: p.change });
  }
  // News: the player's own first; the rivals' and the market's folded, closed.
  const folded = await page.$('#rivals-news');
  if (folded) expect(await folded.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  const items = await page.$$eval('.results-news .news-scroll > ul.news-list > li', (lis) =>
    lis.map((li) => li.classList.contains('mine')),
  );
  expect(items.every(Boolean)).toBe(true);
  return f;
}

const FIGURES = ['revenue', 'costs', 'cash', 'quality'] as const;

describe('the forecast and the why panel', () => {
  it('show the engine’s forecast before a quarter ends, and its flows after', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      await newGame(page, 'zhipu', 31);
      let checked = 0;
      let inside = 0;
      let rounds = 0;
      for (let q = 0; q < 6; q++) {
        await answerCards(page, '1');
        // Quarter 2 opens a round (¥500M), so its outlook shows (investors decide a quarter later).
        if (q === 2 && (await page.$('#round-open'))) {
          await page.fill('#round-target', '500');
          await page.click('#round-open');
          await page.waitForSelector('#fc-round');
        }
        await page.waitForSelector('#forecast');
        const { level, state } = await pageState(page);
        const f = forecastQuarter(level, state)!;
        const shown: Record<string, Band> = {};
        for (const k of FIGURES) shown[k] = await shownBand(page, `#fc-${k}`);
        // The figures shown are the engine's forecast of the page's own state.
        for (const k of FIGURES) expect(shown[k], k).toEqual(f[k]);
        if (f.round) {
          rounds++;
          expect(await shownBand(page, '#fc-round')).toEqual(f.round.chance);
        }
        if (q === 0) {
          await page.$eval('#forecast', (el) => el.scrollIntoView({ block: 'end' }));
          await screenshot(page, 'forecast-dashboard');
        }
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.keyboard.press('Enter');
        expect(await waitLeaving(page, 'Dashboard')).toBe('Results');
        await page.waitForSelector('#why');
        const after = await pageState(page);
        const me = after.state.startups.find((s) => s.id === after.state.playerId)!;
        const rec = after.state.history[after.state.history.length - 1]!.companies.find(
          (c) => c.id === after.state.playerId,
        )!;
        const actual = { revenue: rec.revenue, costs: rec.costs, cash: rec.cash, quality: me.quality };
        for (const k of FIGURES) {
          checked++;
          if (actual[k] >= shown[k]!.low && actual[k] <= shown[k]!.high) inside++;
        }
        await checkWhy(page, after.level, after.state);
        if (q === 0) {
          await page.click('#btn-why');
          await screenshot(page, 'why-panel');
        }
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.keyboard.press('Enter');
        await waitLeaving(page, 'Results');
        await waitScreen(page, 'Dashboard');
      }
      expect(rounds).toBeGreaterThan(0);
      expect(inside / checked, `${inside} of ${checked} figures within the forecast`).toBeGreaterThanOrEqual(
        0.8,
      );
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows what a strategic deal does to cash and runway on its card', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      await newGame(page, 'baichuan', 5);
      // The strategic investment comes up in the second quarter.
      await answerCards(page, '1');
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Enter');
      expect(await waitLeaving(page, 'Dashboard')).toBe('Results');
      await page.keyboard.press('Enter');
      await waitScreen(page, 'Dashboard');
      const { level, state } = await pageState(page);
      expect(state.pendingEvents.some((e) => e.card === 'alibaba-strategic')).toBe(true);
      // Bring that card up: the quarter's cards before it are answered with their first choice.
      for (let i = 0; i < 4 && (await page.$('.modal [data-choice="take-small"]')) === null; i++) {
        const before = await page.evaluate(() => window.__sixTigers?.log().length ?? 0);
        await page.keyboard.press('1');
        await page.waitForFunction((k) => (window.__sixTigers?.log().length ?? 0) > k, before);
      }
      await page.waitForSelector('.modal [data-choice="take-small"] .choice-outlook');
      const now = await pageState(page);
      const me = now.state.startups.find((s) => s.id === now.state.playerId)!;
      const shown = await page.$$eval('.choice', (els) =>
        els.map((el) => {
          const o = el.querySelector('.choice-outlook');
          return {
            choice: el.getAttribute('data-choice'),
            cash: o ? Number(o.getAttribute('data-cash')) : null,
            runway: o ? Number(o.getAttribute('data-runway')) : null,
          };
        }),
      );
      const take = shown.find((c) => c.choice === 'take')!;
      const refuse = shown.find((c) => c.choice === 'refuse')!;
      expect(take.cash! - me.cash).toBe(50_000);
      expect(refuse.cash).toBe(me.cash);
      expect(take.runway!).toBeGreaterThan(refuse.runway!);
      expect(level.id).toBe('historical-2023');
      await screenshot(page, 'deal-outlook');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
