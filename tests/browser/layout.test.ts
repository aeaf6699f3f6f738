// Every screen fits every window (issue 13): a 360×740 phone, a 768×1024 tablet and a 1280×720
// laptop for each screen — Title, How to play, Load replay code, the replay viewer (with a second
// run compared), the instructor view (a verified class), New game, the dashboard with an event card
// open and then on each of its tabs, Results, the Ending and the link question — and the guided
// first quarter step by step (each step's control on show: on a phone the guide opens the
// column's tab), also at 640×360 (1280×720 at 200 % zoom). The dashboard is also checked at
// 640×360, on a 1920×1080 projector and at 1000×640, the narrowest window with the wide layout.
//
// The rules a screen must keep (measure below, run in the page):
// - nothing sideways: the document does not scroll sideways, no box in the screen sticks out of the
//   window's width (content clipped by a scrolling box counts as inside), and no box scrolls
//   sideways except a table's own wrapper (.table-scroll, .instructor-table-wrap);
// - every visible control — button, input, select, textarea, link, [tabindex] ≥ 0 — not behind a
//   dialog, is reachable: scrolled into view (scrollIntoView), it lies inside the window, is not
//   clipped by a scrolling box, and is what the page hits at its centre (nothing covers it but a
//   tooltip, which the pointer's hover or the focus puts up for a moment);
// - no two controls overlap (compared at each control's scroll position; a bar that stays put —
//   sticky or fixed — while the rest scrolls under it is compared only with what stays put too);
// - targets: at least 44×44 CSS px in the narrow layout (windows under 1000 px wide), 24×24 in the
//   wide one (WCAG 2.5.5 and 2.5.8); a slider is also at least 120 px long;
// - a box that scrolls shows it: while it has more below (or to the right) it carries the class
//   `more-below` (`more-right`) that draws the hint (src/view/scroll-hints.ts), and no box claims
//   more than it has. At 1280×720 the dashboard's middle and right columns, cut off, show the arrow
//   until scrolled to their end.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GUIDE_STEPS } from '../../src/app/guide';
import { getLevel } from '../../src/app/levels';
import { replayCodeOf } from '../../src/app/replay-code';
import { SAVE_KEY, saveFileOf } from '../../src/app/save';
import { Session } from '../../src/app/session';
import type { PolicyName } from '../../src/engine/index';
import { playGame } from '../../src/engine/index';
import { answerCards, launch, newGame, openGame, screenshot, settle, waitScreen } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const level = getLevel('historical-2023');

interface Size {
  width: number;
  height: number;
}
const PHONE: Size = { width: 360, height: 740 };
const TABLET: Size = { width: 768, height: 1024 };
const LAPTOP: Size = { width: 1280, height: 720 };
const ZOOMED: Size = { width: 640, height: 360 };
const PROJECTOR: Size = { width: 1920, height: 1080 };
/** The narrowest window that gets the wide layout, where its three dashboard columns are tightest. */
const SMALLEST_WIDE: Size = { width: 1000, height: 640 };

/** Windows narrower than this get the narrow layout (style.css) and 44 px targets. */
const NARROW = 1000;

function code(seed: number, company: string, policy: PolicyName): string {
  const { state, log } = playGame(level, seed, company, policy);
  return replayCodeOf(level, state, log);
}

/** The save of an autopilot's game after `quarters` quarter ends (all of it when undefined). */
function saveAfter(seed: number, company: string, quarters?: number) {
  const { log } = playGame(level, seed, company, 'balanced');
  let ends = 0;
  const cut =
    quarters === undefined
      ? log.length - 1
      : log.findIndex((c) => c.type === 'quarter/end' && ++ends === quarters);
  const r = Session.replay({ levelId: level.id, seed, company }, log.slice(0, cut + 1));
  if (!r.ok) throw new Error('replay failed');
  return { save: JSON.stringify(saveFileOf(r.session, '2025-01-01T00:00:00Z')), session: r.session };
}

/** A save standing at a quarter that opens with two or more event cards, a few quarters in. */
function saveWithCards(): string {
  const company = 'minimax';
  for (let seed = 1; seed < 40; seed++) {
    const { log } = playGame(level, seed, company, 'balanced');
    let ends = 0;
    for (const [i, cmd] of log.entries()) {
      if (cmd.type !== 'quarter/end' || ++ends < 3) continue;
      const r = Session.replay({ levelId: level.id, seed, company }, log.slice(0, i + 1));
      if (!r.ok) throw new Error('replay failed');
      if (r.session.state.pendingEvents.length >= 2 && !r.session.state.ending)
        return JSON.stringify(saveFileOf(r.session, '2025-01-01T00:00:00Z'));
    }
  }
  throw new Error('no quarter with two cards');
}

interface Report {
  problems: string[];
  controls: number;
  scrollers: number;
}

/**
 * Measures the screen on show (and any dialog over it) against the rules in the header. Runs in
 * the page; returns what breaks them, the number of controls checked and of boxes that scroll.
 */
function measure(opts: { min: number; sliderMin: number; sideways: string }): Report {
  const W = window.innerWidth;
  const H = window.innerHeight;
  const problems: string[] = [];
  const say = (el: Element, what: string) => {
    const id = el.id ? `#${el.id}` : '';
    const cls = el.getAttribute('class')
      ? `.${(el.getAttribute('class') ?? '').trim().split(/\s+/).join('.')}`
      : '';
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
    problems.push(`${el.tagName.toLowerCase()}${id}${cls} "${text}": ${what}`);
  };
  const px = (n: number) => Math.round(n * 10) / 10;
  const ui = document.getElementById('ui')!;
  const layers = [...ui.children].filter(
    (el): el is HTMLElement => el instanceof HTMLElement && !el.classList.contains('leaving'),
  );
  // A dialog over the screen takes the controls: what lies under it is out of play.
  const dialog =
    [
      ...document.querySelectorAll<HTMLElement>(
        '#ui .modal-backdrop, #ui .tab-conflict, #ui .confirm-layer, #ui .guide-layer',
      ),
    ].at(-1) ?? null;
  const style = new Map<Element, CSSStyleDeclaration>();
  const cs = (el: Element) => {
    let s = style.get(el);
    if (!s) {
      s = getComputedStyle(el);
      style.set(el, s);
    }
    return s;
  };
  const clips = (s: CSSStyleDeclaration, axis: 'x' | 'y') =>
    (axis === 'x' ? s.overflowX : s.overflowY) !== 'visible';
  /** The part of a box not clipped away by the boxes around it (nor by the window). */
  const visiblePart = (el: Element) => {
    const r = el.getBoundingClientRect();
    let left = r.left;
    let right = r.right;
    let top = r.top;
    let bottom = r.bottom;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = cs(a);
      if (!clips(s, 'x') && !clips(s, 'y')) continue;
      const c = a.getBoundingClientRect();
      if (clips(s, 'x')) {
        left = Math.max(left, c.left);
        right = Math.min(right, c.right);
      }
      if (clips(s, 'y')) {
        top = Math.max(top, c.top);
        bottom = Math.min(bottom, c.bottom);
      }
    }
    return { r, left, right, top, bottom, w: right - left, h: bottom - top };
  };
  /** Whether a box stays put while the screen scrolls (sticky or fixed, or inside such a box). */
  const pinned = (el: Element) => {
    for (let a: Element | null = el; a && a !== ui; a = a.parentElement) {
      const p = cs(a).position;
      if (p === 'sticky' || p === 'fixed') return true;
    }
    return false;
  };
  const shown = (el: Element) =>
    el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: false }) && !el.closest('[inert]');

  // Sideways: the document, every box in the screen, every scrolling box.
  const scrolling = document.scrollingElement ?? document.documentElement;
  if (scrolling.scrollWidth > W) problems.push(`the document is ${scrolling.scrollWidth} px wide in ${W}`);
  let scrollers = 0;
  // A box sticking out is named once, not again for each box inside it.
  const out = new Set<Element>();
  for (const layer of layers)
    for (const el of [layer, ...layer.querySelectorAll('*')]) {
      if (!shown(el)) continue;
      const v = visiblePart(el);
      if (v.r.width === 0 || v.r.height === 0 || v.w <= 0 || v.h <= 0) continue;
      if (v.left < -1 || v.right > W + 1) {
        if (!el.parentElement || !out.has(el.parentElement))
          say(el, `sticks out sideways (${px(v.left)}…${px(v.right)} of ${W})`);
        out.add(el);
      }
      const s = cs(el);
      if (el instanceof HTMLTextAreaElement) continue;
      const sideways = clips(s, 'x') && s.overflowX !== 'hidden' && s.overflowX !== 'clip';
      if (sideways && el.scrollWidth > el.clientWidth + 1) {
        if (!el.matches(opts.sideways)) say(el, `scrolls sideways (${el.scrollWidth} in ${el.clientWidth})`);
        else if (el.scrollLeft + el.clientWidth < el.scrollWidth - 1 && !el.classList.contains('more-right'))
          say(el, 'scrolls sideways with no hint');
      }
      const down = s.overflowY === 'auto' || s.overflowY === 'scroll';
      if (down && el.clientHeight > 0 && el.scrollHeight > el.clientHeight + 1) {
        scrollers++;
        if (el.scrollTop + el.clientHeight < el.scrollHeight - 1 && !el.classList.contains('more-below'))
          say(el, `scrolls (${el.scrollHeight} in ${el.clientHeight}) with no hint`);
      } else if (el.classList.contains('more-below')) say(el, 'hints at more below, but has none');
    }

  // The controls: reachable, uncovered, big enough, apart.
  const controls = layers
    .flatMap((layer) => [
      ...layer.querySelectorAll<HTMLElement>(
        'button, input, select, textarea, a[href], [tabindex]:not([tabindex^="-"])',
      ),
    ])
    .filter((el) => shown(el) && (!dialog || dialog.contains(el)) && !el.closest('.sr-only'));
  for (const el of controls) {
    const r0 = el.getBoundingClientRect();
    if (r0.width === 0 && r0.height === 0) continue;
    const slider = el instanceof HTMLInputElement && el.type === 'range';
    const minW = slider ? opts.sliderMin : opts.min;
    if (r0.width < minW - 0.5 || r0.height < opts.min - 0.5)
      say(el, `is ${px(r0.width)}×${px(r0.height)}, under ${minW}×${opts.min}`);
    el.scrollIntoView({ block: 'center', inline: 'center' });
    const v = visiblePart(el);
    const { r } = v;
    if (r.left < -1 || r.right > W + 1)
      say(el, `is off-screen sideways after scrolling (${px(r.left)}…${px(r.right)})`);
    const tall = r.height > H;
    if (!tall && (r.top < -1 || r.bottom > H + 1))
      say(el, `is off-screen after scrolling (${px(r.top)}…${px(r.bottom)} of ${H})`);
    const full = Math.min(r.width, W) * Math.min(r.height, H);
    if (v.w <= 0 || v.h <= 0 || (!tall && (v.w * v.h) / full < 0.98))
      say(
        el,
        `is clipped after scrolling (${px(Math.max(0, v.w))}×${px(Math.max(0, v.h))} of ${px(r.width)}×${px(r.height)} shows)`,
      );
    if (v.w > 0 && v.h > 0) {
      const hit = document.elementFromPoint(v.left + v.w / 2, v.top + v.h / 2);
      const label = hit?.closest('label');
      const tooltip = hit?.closest('[role="tooltip"]');
      if (!hit || !(el === hit || el.contains(hit) || (label && label.control === el) || tooltip))
        say(
          el,
          `is covered by ${hit ? `${hit.tagName.toLowerCase()}.${hit.getAttribute('class') ?? ''}` : 'nothing'}`,
        );
      for (const other of controls) {
        if (other === el || other.contains(el) || el.contains(other) || pinned(other) !== pinned(el))
          continue;
        const o = visiblePart(other);
        if (o.w <= 0 || o.h <= 0) continue;
        const x = Math.min(v.right, o.right) - Math.max(v.left, o.left);
        const y = Math.min(v.bottom, o.bottom) - Math.max(v.top, o.top);
        if (x > 2 && y > 2)
          say(el, `overlaps ${other.id ? `#${other.id}` : other.tagName.toLowerCase()} by ${px(x)}×${px(y)}`);
      }
    }
  }
  return { problems: [...new Set(problems)], controls: controls.length, scrollers };
}

const SIDEWAYS = '.table-scroll, .instructor-table-wrap';

/**
 * Checks the screen on show at the window's size and takes its picture: from the top, as a player
 * arriving would see it (a click may have scrolled it), unless the screen is where it should stay.
 */
async function fits(page: Page, name: string, { fromTop = true } = {}): Promise<Report> {
  const size = page.viewportSize()!;
  if (fromTop)
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('#ui *'))
        if (el.scrollTop || el.scrollLeft) el.scrollTo(0, 0);
    });
  await screenshot(page, `layout-${name}-${size.width}x${size.height}`);
  const narrow = size.width < NARROW;
  const report = await page.evaluate(measure, {
    min: narrow ? 44 : 24,
    sliderMin: 120,
    sideways: SIDEWAYS,
  });
  expect.soft(report.problems, `${name} at ${size.width}×${size.height}`).toEqual([]);
  expect(report.controls, `${name}: controls checked`).toBeGreaterThan(0);
  return report;
}

async function title(page: Page): Promise<void> {
  await waitScreen(page, 'Title');
  await page.click('#btn-lang-en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

describe.each([PHONE, TABLET, LAPTOP])('at $width×$height', (size) => {
  const codes = [code(42, 'moonshot', 'balanced'), code(7, 'zhipu', 'applications-first')];

  it('fits the title, how to play, load replay code and the replay viewer comparing two runs', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'), size);
    try {
      await title(page);
      await fits(page, 'title');
      await page.click('#btn-howto');
      await waitScreen(page, 'Info');
      await fits(page, 'howto');
      await page.click('#btn-back');
      await waitScreen(page, 'Title');
      await page.click('#btn-replay');
      await waitScreen(page, 'Replay');
      await page.fill('#replay-input', codes[0]!);
      await page.click('#btn-verify');
      await page.waitForSelector('#replay-result[data-status="valid"]');
      await fits(page, 'load-replay');
      await page.click('#btn-watch');
      await waitScreen(page, 'ReplayViewer');
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector('#viewer-quarter[data-turn="1"]');
      await page.fill('#compare-input', codes[1]!);
      await page.click('#btn-compare');
      await page.waitForSelector('#compare-table');
      await fits(page, 'replay-viewer');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('fits the instructor view with a verified class', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'), size);
    try {
      await title(page);
      await page.click('#btn-instructor');
      await waitScreen(page, 'Instructor');
      await fits(page, 'instructor-empty');
      const text = ['name,code', `Alice, ${codes[0]}`, `张三, ${codes[1]}`, 'Trent, not a code'].join('\n');
      await page.fill('#instructor-input', text);
      await page.click('#btn-instructor-verify');
      await page.waitForSelector('#instructor-table', { timeout: 90_000 });
      await fits(page, 'instructor');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('fits new game, the dashboard with a card open and on each tab, and the results', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'), size);
    try {
      await title(page);
      await page.click('#btn-new');
      await waitScreen(page, 'NewGame');
      await fits(page, 'new-game');
      await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [SAVE_KEY, saveWithCards()]);
      await page.reload();
      await waitScreen(page, 'Title');
      await page.click('#btn-continue');
      await waitScreen(page, 'Dashboard');
      await page.waitForSelector('.modal');
      await fits(page, 'event-card');
      expect(await answerCards(page, '1')).toBeGreaterThanOrEqual(2);
      await dashboardFits(page);
      await page.click('#btn-end');
      await waitScreen(page, 'Results');
      await fits(page, 'results');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('fits the ending and the question a link asks when a game is saved', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'), size);
    try {
      await title(page);
      const ended = saveAfter(5, 'baichuan');
      expect(ended.session.state.ending).not.toBeNull();
      await page.evaluate(
        ([key, value]) => {
          localStorage.setItem(key!, value!);
          sessionStorage.setItem('sixTigers.screen', 'ending');
        },
        [SAVE_KEY, ended.save],
      );
      await page.reload();
      await waitScreen(page, 'Ending');
      await page.waitForFunction(() => !/…/.test(document.querySelector('#percentile')?.textContent ?? '…'));
      await fits(page, 'ending');
      await page.evaluate(
        ([key, value]) => localStorage.setItem(key!, value!),
        [SAVE_KEY, saveAfter(11, 'stepfun', 2).save],
      );
      const url = new URL(inject('baseUrl'));
      url.searchParams.set('replay', codes[0]!);
      await page.goto(url.toString());
      await waitScreen(page, 'LinkChoice');
      await fits(page, 'link-choice');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the guided first quarter', () => {
  it.each([PHONE, TABLET, LAPTOP, ZOOMED])(
    'fits at $width×$height, each step’s control on show',
    async (size) => {
      const { page, context, problems } = await openGame(browser, inject('baseUrl'), size, {
        firstVisit: true,
      });
      try {
        await title(page);
        await newGame(page, 'minimax', 20240517);
        await answerCards(page, '1');
        await page.waitForSelector('#guide');
        for (const [i, step] of GUIDE_STEPS.entries()) {
          await page.waitForSelector(`#guide[data-step="${step.id}"]`);
          await settle(page);
          // The step's control is on show, in the window, inside the ring.
          const shown = await page.evaluate((selector) => {
            const el = document.querySelector(selector);
            const ring = document.querySelector<HTMLElement>('.guide-ring');
            if (!el || !ring) return 'missing';
            if (!el.checkVisibility()) return 'hidden';
            const r = el.getBoundingClientRect();
            const top = Math.max(0, r.top);
            const bottom = Math.min(window.innerHeight, r.bottom);
            if (bottom - top < Math.min(24, r.height)) return `out of the window (${r.top}…${r.bottom})`;
            const g = ring.getBoundingClientRect();
            if (
              ring.hidden ||
              g.top > top + 1 ||
              g.bottom < bottom - 1 ||
              g.left > r.left + 1 ||
              g.right < r.right - 1
            )
              return 'not ringed';
            return 'shown';
          }, step.target);
          expect.soft(shown, `${step.id}: ${step.target}`).toBe('shown');
          await fits(page, `guide-${step.id}`, { fromTop: false });
          if (i < GUIDE_STEPS.length - 1) await page.click('#guide-next');
        }
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});

describe('a column cut off at 1280×720', () => {
  it('says so with an arrow at its foot until it is scrolled to its end', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'), LAPTOP);
    try {
      await title(page);
      await page.evaluate(
        ([key, value]) => localStorage.setItem(key!, value!),
        [SAVE_KEY, saveAfter(3, 'moonshot', 5).save],
      );
      await page.reload();
      await waitScreen(page, 'Title');
      await page.click('#btn-continue');
      await waitScreen(page, 'Dashboard');
      await answerCards(page, '1');
      await settle(page);
      const column = (sel: string) =>
        page.$eval(sel, (el) => ({
          cut: el.scrollHeight > el.clientHeight + 1,
          classes: [...el.classList].filter((c) => c.startsWith('more-')).sort(),
          arrow: getComputedStyle(el, '::after').content,
        }));
      // The API price card and the news sit below the window's foot in their columns.
      for (const sel of ['.col-center', '.col-right']) {
        const c = await column(sel);
        expect(c.cut, sel).toBe(true);
        expect(c.classes, sel).toEqual(['more-below']);
        expect(c.arrow, sel).not.toBe('none');
      }
      await page.$eval('.col-center', (el) => el.scrollTo(0, el.scrollHeight));
      await page.waitForFunction(
        () => !document.querySelector('.col-center')?.classList.contains('more-below'),
      );
      const end = await column('.col-center');
      expect(end.classes).toEqual(['more-above']);
      expect(end.arrow).toBe('none');
      expect(await page.isVisible('section[aria-labelledby="pricing-title"]')).toBe(true);
      await page.$eval('.col-center', (el) => el.scrollTo(0, 0));
      await page.waitForFunction(() =>
        document.querySelector('.col-center')?.classList.contains('more-below'),
      );
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** The dashboard on show (no card open): as it is, and on each tab when it has tabs. */
async function dashboardFits(page: Page, tag = ''): Promise<void> {
  await page.waitForSelector('.modal', { state: 'detached' });
  const tabs = await page.$$eval('.dash-tabs button', (bs) =>
    bs.filter((b) => b.checkVisibility()).map((b) => b.id),
  );
  if (tabs.length === 0) {
    await fits(page, `dashboard${tag}`);
    return;
  }
  expect(tabs.length).toBe(3);
  for (const id of tabs) {
    await page.click(`#${id}`);
    await page.waitForSelector(`#${id}[aria-pressed="true"]`);
    await fits(page, `dashboard${tag}-${id.replace(/^tab-/, '')}`);
  }
}

describe('the dashboard at 200 % zoom, on a projector, at the narrowest wide layout, and in Chinese on a phone', () => {
  it.each([
    { ...ZOOMED, lang: 'en' },
    { ...PROJECTOR, lang: 'en' },
    { ...SMALLEST_WIDE, lang: 'en' },
    { ...PHONE, lang: 'zh-CN' },
  ])('fits at $width×$height ($lang)', async ({ lang, ...size }) => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'), size);
    try {
      await title(page);
      if (lang !== 'en') {
        await page.click(`#btn-lang-${lang}`);
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      }
      await page.evaluate(
        ([key, value]) => localStorage.setItem(key!, value!),
        [SAVE_KEY, saveAfter(3, 'moonshot', 5).save],
      );
      await page.reload();
      await waitScreen(page, 'Title');
      await page.click('#btn-continue');
      await waitScreen(page, 'Dashboard');
      const tag = lang === 'en' ? '' : `-${lang}`;
      if (await page.$('.modal')) await fits(page, `event-card${tag}`);
      await answerCards(page, '1');
      await dashboardFits(page, tag);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
