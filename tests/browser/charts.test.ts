// The charts as the built game draws them at 1000 px wide (issue 13), on the results screen of a
// saved game twelve quarters in:
// each line has its own dash pattern, and its legend entry shows the same one;
// the x-axis labels never overlap and keep one stride (there, and for sixteen quarters in the
// replay viewer);
// the runway line is drawn at the value the page states (17.1 quarters, not clipped at 12);
// the waterfall's labels ("Operating profit" among them) lie inside its SVG (in the viewer too).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { t } from '../../src/app/i18n';
import { getLevel } from '../../src/app/levels';
import { SAVE_KEY, saveFileOf } from '../../src/app/save';
import { Session } from '../../src/app/session';
import { simReport } from '../../src/app/sim-report';
import { playGame, runwayAt } from '../../src/engine/index';
import { launch, openGame, settle, waitScreen } from './helpers';

const level = getLevel('historical-2023');
const VIEWPORT = { width: 1000, height: 720 };
// Moonshot on the applications-first autopilot, seed 3: after twelve quarters its runway is 17.1
// quarters (it was 30 in the sixth), the case the issue reports.
const GAME = { seed: 3, company: 'moonshot', policy: 'applications-first' } as const;
const QUARTERS = 12;

const played = playGame(level, GAME.seed, GAME.company, GAME.policy);

/** The save after some quarters, and the player's runway then. */
function savedAfter(quarters: number) {
  let ends = 0;
  const cut = played.log.findIndex((c) => c.type === 'quarter/end' && ++ends === quarters);
  const r = Session.replay(
    { levelId: level.id, seed: GAME.seed, company: GAME.company },
    played.log.slice(0, cut + 1),
  );
  if (!r.ok) throw new Error('replay failed');
  const rec = r.session.state.history[quarters - 1]!.companies.find((c) => c.id === GAME.company)!;
  return {
    save: JSON.stringify(saveFileOf(r.session, '2025-01-01T00:00:00Z')),
    runway: runwayAt(rec.cash, rec.costs - rec.revenue),
  };
}

/** Every chart in a container drawn at its box's size (they draw when the box is laid out). */
async function chartsDrawn(page: Page, root: string, count: number): Promise<void> {
  await page.waitForFunction(
    ([r, n]) => document.querySelectorAll(`${r} figure.chart .chart-box > svg`).length >= Number(n),
    [root, String(count)],
  );
  await settle(page);
}

/** The x-axis labels of every chart under root (all but the waterfall): boxes, in order. */
function xLabels(page: Page, root: string) {
  return page.$$eval(`${root} svg.chart-svg:not(.waterfall)`, (svgs) =>
    svgs.map((svg) => {
      const w = Number(svg.getAttribute('width'));
      const labels = [...svg.querySelectorAll('text.tick')]
        .filter((el) => el.getAttribute('text-anchor') === 'middle')
        .map((el) => {
          const b = (el as SVGTextElement).getBBox();
          return { text: el.textContent ?? '', left: b.x, right: b.x + b.width, centre: b.x + b.width / 2 };
        })
        .sort((a, b) => a.left - b.left);
      return { title: svg.closest('figure')?.querySelector('figcaption')?.textContent ?? '', w, labels };
    }),
  );
}

function expectLabelsApart(charts: Awaited<ReturnType<typeof xLabels>>): void {
  expect(charts.length).toBeGreaterThan(3);
  for (const c of charts) {
    expect(c.labels.length, c.title).toBeGreaterThan(1);
    for (const l of c.labels) {
      expect(l.left, `${c.title} ${l.text}`).toBeGreaterThanOrEqual(0);
      expect(l.right, `${c.title} ${l.text}`).toBeLessThanOrEqual(c.w);
    }
    c.labels.slice(1).forEach((l, i) => {
      expect(l.left, `${c.title}: ${c.labels[i]!.text} and ${l.text} overlap`).toBeGreaterThan(
        c.labels[i]!.right,
      );
    });
    // One stride: the labels drawn are evenly spaced.
    const gaps = c.labels.slice(1).map((l, i) => l.centre - c.labels[i]!.centre);
    expect(Math.max(...gaps) - Math.min(...gaps), `${c.title}: uneven labels`).toBeLessThan(1);
  }
}

/** Every waterfall label's box, with its SVG's size. */
function waterfallLabels(page: Page, root: string) {
  return page.$$eval(`${root} svg.waterfall`, (svgs) =>
    svgs.flatMap((svg) => {
      const w = Number(svg.getAttribute('width'));
      const hgt = Number(svg.getAttribute('height'));
      return [...svg.querySelectorAll('text.wf-label')].map((el) => {
        const b = (el as SVGTextElement).getBBox();
        return {
          text: el.textContent ?? '',
          left: b.x,
          right: b.x + b.width,
          top: b.y,
          bottom: b.y + b.height,
          w,
          hgt,
        };
      });
    }),
  );
}

function expectInside(labels: Awaited<ReturnType<typeof waterfallLabels>>): void {
  expect(labels.length).toBeGreaterThan(3);
  for (const l of labels) {
    expect(l.left, l.text).toBeGreaterThanOrEqual(0);
    expect(l.right, l.text).toBeLessThanOrEqual(l.w);
    expect(l.top, l.text).toBeGreaterThanOrEqual(0);
    expect(l.bottom, l.text).toBeLessThanOrEqual(l.hgt);
  }
}

describe('the results screen at 1000 px wide', () => {
  const game = savedAfter(QUARTERS);
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    browser = await launch();
    ({ page, context, problems } = await openGame(browser, inject('baseUrl'), VIEWPORT));
    await waitScreen(page, 'Title');
    // The save in storage and this tab last on the results: a reload lands there.
    await page.evaluate(
      ([key, value]) => {
        localStorage.setItem(key!, value!);
        sessionStorage.setItem('sixTigers.screen', 'results');
      },
      [SAVE_KEY, game.save],
    );
    await page.reload();
    await waitScreen(page, 'Results');
    await chartsDrawn(page, '.results-grid', 6);
  });
  afterAll(async () => {
    expect(problems).toEqual([]);
    await context?.close();
    await browser?.close();
  });

  it('draws each line with its own dash pattern, and the legend shows the same', async () => {
    // The quality chart: "You" solid, the rivals, big tech and the frontier dashed or dotted.
    const quality = await page.$$eval(
      'figure.chart',
      (figs, title) => {
        const fig = figs.find((f) => f.querySelector('figcaption')?.textContent === title)!;
        return {
          lines: [...fig.querySelectorAll('svg.chart-svg path.draw')].map((p) => ({
            attr: p.getAttribute('stroke-dasharray'),
            computed: getComputedStyle(p).strokeDasharray,
          })),
          legend: [...fig.querySelectorAll('.legend li line')].map(
            (l) => getComputedStyle(l).strokeDasharray,
          ),
        };
      },
      t('en', 'chart.quality'),
    );
    expect(quality.lines.length).toBeGreaterThan(3);
    expect(quality.lines[0]!.computed).toBe('none');
    const dashed = quality.lines.filter((l) => l.attr);
    expect(dashed.length).toBeGreaterThan(2);
    for (const l of dashed) expect(l.computed).not.toBe('none');
    expect(new Set(quality.lines.map((l) => l.computed)).size).toBeGreaterThanOrEqual(3);
    // One legend entry per line, in order, each with its line's pattern.
    expect(quality.legend).toEqual(quality.lines.map((l) => l.computed));
  });

  it('draws x-axis labels apart, inside their chart, evenly spaced', async () => {
    expectLabelsApart(await xLabels(page, '.charts-grid'));
  });

  it('draws the runway line at the runway the headline states (17.1), not clipped at 12', async () => {
    expect(game.runway).toBeGreaterThan(12);
    expect(await page.textContent('.headline .runway-value')).toContain(game.runway.toFixed(1));
    // The line's last point read back through the right-hand axis's numbered ticks.
    const plotted = await page.$$eval(
      'figure.chart',
      (figs, title) => {
        const fig = figs.find((f) => f.querySelector('figcaption')?.textContent === title)!;
        const path = fig.querySelector('svg path[stroke-dasharray]');
        const points = [...(path?.getAttribute('d') ?? '').matchAll(/[ML]([\d.]+),([\d.]+)/g)];
        const ticks = [...fig.querySelectorAll('svg text.tick')]
          .filter((el) => el.getAttribute('text-anchor') === 'start')
          .map((el) => ({ v: Number.parseFloat(el.textContent ?? ''), y: Number(el.getAttribute('y')) - 4 }))
          .filter((tk) => Number.isFinite(tk.v));
        const last = points[points.length - 1];
        return { y: last ? Number(last[2]) : Number.NaN, ticks };
      },
      t('en', 'chart.cash'),
    );
    expect(plotted.ticks.length).toBeGreaterThan(1);
    const [a, b] = [plotted.ticks[0]!, plotted.ticks[plotted.ticks.length - 1]!];
    const value = a.v + ((plotted.y - a.y) / (b.y - a.y)) * (b.v - a.v);
    expect(value).toBeCloseTo(game.runway, 1);
    expect(Math.max(...plotted.ticks.map((tk) => tk.v))).toBeGreaterThanOrEqual(game.runway);
  });

  it('keeps every waterfall label, "Operating profit" among them, inside the chart', async () => {
    const wf = await waterfallLabels(page, '.wf-card');
    expect(wf.map((l) => l.text.replace(/\s+/g, ''))).toContain(t('en', 'wf.profit').replace(/\s+/g, ''));
    expectInside(wf);
  });
});

describe('the replay viewer at 1000 px wide', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sixteen quarters: x labels apart and evenly spaced, the waterfall labels inside', async () => {
    const code = simReport(level, played.state, GAME, played.log).replayCode;
    if (!code) throw new Error('no replay code');
    const url = new URL(inject('baseUrl'));
    url.searchParams.set('replay', code);
    const { page, context, problems } = await openGame(browser, url.toString(), VIEWPORT);
    try {
      await waitScreen(page, 'Replay');
      await page.waitForSelector('#replay-result[data-status="valid"]');
      await page.click('#btn-watch');
      await waitScreen(page, 'ReplayViewer');
      await page.keyboard.press('End');
      await page.waitForSelector(`#viewer-quarter[data-turn="${played.state.history.length}"]`);
      await chartsDrawn(page, '.viewer-charts', 6);
      const charts = await xLabels(page, '.viewer-charts');
      const latest = played.state.history[played.state.history.length - 1]!.quarter.replace(/^20/, '');
      expect(charts.every((c) => c.labels.some((l) => l.text === latest))).toBe(true);
      expectLabelsApart(charts);
      expectInside(await waterfallLabels(page, '.viewer-charts'));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
