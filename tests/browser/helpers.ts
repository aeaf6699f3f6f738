// Shared helpers for the browser tests: launching Debian's Chromium, watching a page for console
// errors, page errors and off-host requests, waiting for screens, and screenshots that must not
// be blank.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { expect } from 'vitest';
import { GUIDE_KEY, GUIDE_SEEN_VALUE } from '../../src/app/guide';
import { paletteSized } from './png-palette';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const SHOTS = join(ROOT, 'test-results', 'screenshots');

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--enable-unsafe-swiftshader',
];

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: LAUNCH_ARGS,
  });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and requests that left the host. */
  problems: string[];
}

/**
 * A page of the game in a fresh browser context. The player is a returning one, who has seen the
 * guided first quarter (its stored flag is set before the game loads, unless a test stored
 * another value), so a test starts on the plain dashboard; `{ firstVisit: true }` leaves the flag
 * unset, as for a player's first game (tests/browser/guide.test.ts).
 */
export async function openGame(
  browser: Browser,
  baseUrl: string,
  viewport = { width: 1280, height: 720 },
  options: { firstVisit?: boolean } = {},
): Promise<Watched> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  if (!options.firstVisit)
    await context.addInitScript(
      ([key, value]) => {
        try {
          if (localStorage.getItem(key!) === null) localStorage.setItem(key!, value!);
        } catch {
          // No storage here (a test forbids it): the game then shows the guide, which is skippable.
        }
      },
      [GUIDE_KEY, GUIDE_SEEN_VALUE],
    );
  return openTab(context, baseUrl);
}

/** Another tab of the same browser context (the same localStorage), watched like the first. */
export async function openTab(context: BrowserContext, baseUrl: string): Promise<Watched> {
  const page = await context.newPage();
  const problems: string[] = [];
  const host = new URL(baseUrl).host;
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.host !== host)
      problems.push(`off-host request: ${r.url()}`);
  });
  await page.goto(baseUrl);
  return { context, page, problems };
}

/** Waits until a screen (scene key) is mounted and faded in. */
export async function waitScreen(page: Page, screen: string, timeout = 20_000): Promise<void> {
  await page.waitForSelector(`.screen.shown[data-screen="${screen}"]:not(.leaving)`, { timeout });
}

export async function hash(page: Page): Promise<string> {
  return page.evaluate(() => window.__sixTigers?.hash() ?? '');
}

/**
 * The shots the README shows: test screenshot name → file under docs/screenshots. `npm run
 * screenshots` (SIX_TIGERS_SCREENSHOTS=1) writes them there too, as 256-colour PNGs to keep the
 * repository small; a normal test run does not.
 */
export const README_SHOTS: Readonly<Record<string, string>> = {
  'title-en': 'title',
  'new-game-en': 'new-game',
  'dashboard-en': 'dashboard',
  'event-card-en': 'event-card',
  'results-en': 'results',
  'ending-en': 'ending',
  'instructor-table': 'instructor',
  'layout-dashboard-strategy-360x740': 'dashboard-phone',
};
export const DOC_SHOTS = join(ROOT, 'docs', 'screenshots');

/**
 * Saves a screenshot under test-results/screenshots (and, for `npm run screenshots`, the README's
 * under docs/screenshots) and checks that it is not blank.
 */
/** Resolves after two animation frames: whatever a handler scheduled for the next paint has run. */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/**
 * Waits until the page is still: fonts loaded, every finite CSS animation and transition finished
 * (screen changes, chart lines drawing in), then two frames. A condition, not a sleep.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    for (let round = 0; round < 5; round++) {
      const running = document
        .getAnimations()
        .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity);
      if (running.length === 0) break;
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
    }
  });
  await nextFrames(page);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await settle(page);
  mkdirSync(SHOTS, { recursive: true });
  const png = await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  const doc = README_SHOTS[name];
  if (doc && process.env.SIX_TIGERS_SCREENSHOTS === '1') {
    mkdirSync(DOC_SHOTS, { recursive: true });
    writeFileSync(join(DOC_SHOTS, `${doc}.png`), paletteSized(png));
  }
  const stats = await page.evaluate(async (b64: string) => {
    // Decoded by hand, not fetched as a data: URL: the game's CSP allows requests to itself only.
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const data = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    const colours = new Set<number>();
    let sum = 0;
    let sum2 = 0;
    let n = 0;
    for (let i = 0; i < data.length; i += 4 * 37) {
      const r = data[i]!;
      const g = data[i + 1]!;
      const b = data[i + 2]!;
      colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
      const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      sum += y;
      sum2 += y * y;
      n++;
    }
    const mean = sum / n;
    return { colours: colours.size, sd: Math.sqrt(Math.max(0, sum2 / n - mean * mean)) };
  }, png.toString('base64'));
  expect(stats.colours, `${name}: distinct colours`).toBeGreaterThan(40);
  expect(stats.sd, `${name}: luminance spread`).toBeGreaterThan(12);
}

/** Answers every event card on screen with the same key (1–4), waiting for each to apply. */
export async function answerCards(page: Page, key = '1'): Promise<number> {
  let n = 0;
  for (let i = 0; i < 8 && (await page.$('.modal')); i++) {
    const before = await page.evaluate(() => window.__sixTigers?.log().length ?? 0);
    await page.keyboard.press(key);
    await page.waitForFunction((k) => (window.__sixTigers?.log().length ?? 0) > k, before);
    n++;
  }
  return n;
}

/** From the title screen: a new game of a company and seed, on its first dashboard. */
export async function newGame(page: Page, company: string, seed: number): Promise<void> {
  await waitScreen(page, 'Title');
  await page.click('#btn-new');
  await waitScreen(page, 'NewGame');
  await page.check(`#company-${company}`);
  await page.fill('#seed-input', String(seed));
  await page.click('#btn-start');
  await waitScreen(page, 'Dashboard');
}

/** Waits until the game has left screen `from` for another one, shown; returns that screen. */
export async function waitLeaving(page: Page, from: string): Promise<string> {
  await page.waitForFunction(
    (f) => {
      const s = window.__sixTigers?.screen() ?? '';
      return s !== '' && s !== f && document.querySelector(`.screen.shown[data-screen="${s}"]`) !== null;
    },
    from,
    { timeout: 20_000 },
  );
  return page.evaluate(() => window.__sixTigers?.screen() ?? '');
}

/**
 * One quarter from the dashboard: answers the event cards (key 1), ends the quarter, and leaves
 * the results. Returns the screen it lands on: the next Dashboard, or the Ending.
 */
export async function playQuarter(page: Page): Promise<string> {
  await answerCards(page, '1');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Enter');
  const next = await waitLeaving(page, 'Dashboard');
  if (next !== 'Results') return next;
  await page.keyboard.press('Enter');
  return waitLeaving(page, 'Results');
}

/** The saved games kept as backups in the page's storage (each a save file's text). */
export function storedBackups(page: Page): Promise<(string | null)[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('sixTigers.save.backup.'))
      .map((k) => localStorage.getItem(k)),
  );
}
