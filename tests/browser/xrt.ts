// Cross-runtime determinism: the game specs, the browser runtimes that play them in a blank page,
// and the comparison of their per-quarter hashes with Node's.
//
// The page is not the game page: xrt-entry.ts (engine + bundled levels, nothing else) is bundled
// by esbuild into one IIFE and added as an inline script to an empty document, so the check does
// not depend on the game's HTML, its Content Security Policy or a server.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser as PwBrowser, Page as PwPage } from 'playwright-core';
import type { Browser as PpBrowser, Page as PpPage } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { getLevel, LEVEL_IDS } from '../../src/app/levels';
import { firstDifference, POLICIES } from '../../src/engine/index';
import { launch, ROOT } from './helpers';
import type { GameHashes, GameSpec, QuarterState } from './xrt-entry';
import { describeSpec } from './xrt-entry';

/** Seeds per (level, company, policy): one small, one near the largest seed the engine accepts. */
export function xrtSpecs(): GameSpec[] {
  const specs: GameSpec[] = [];
  let k = 0;
  for (const level of LEVEL_IDS) {
    for (const company of getLevel(level).player.companies) {
      for (const policy of POLICIES) {
        specs.push({ level, seed: k, company, policy });
        specs.push({ level, seed: Number.MAX_SAFE_INTEGER - k * 1_000_003, company, policy });
        k++;
      }
    }
  }
  return specs;
}

/** The entry bundled as the browsers get it: one production-mode, minified IIFE setting `__xrt`. */
export async function bundleXrt(): Promise<string> {
  const out = await build({
    entryPoints: [join(ROOT, 'tests/browser/xrt-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__xrt',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output for xrt-entry.ts');
  return file.text;
}

export interface Played {
  results: GameHashes[];
  /** Time spent playing the games inside the runtime (ms), without launch and bundle loading. */
  ms: number;
}

export interface Runtime {
  name: string;
  version: string;
  play(specs: readonly GameSpec[]): Promise<Played>;
  stateAfterQuarter(spec: GameSpec, quarterIndex: number): Promise<QuarterState | null>;
  close(): Promise<void>;
}

// The functions below run inside the page: they are serialised, so they may use nothing from
// this module's scope.
type XrtApi = typeof import('./xrt-entry');
const BLANK =
  '<!doctype html><html><head><meta charset="utf-8"><title>xrt</title></head><body></body></html>';

function playInPage(specs: readonly GameSpec[]): Played {
  const api = (globalThis as unknown as { __xrt?: XrtApi }).__xrt;
  if (!api) throw new Error('the xrt bundle did not define __xrt');
  const t0 = performance.now();
  const results = api.playSpecs(specs);
  return { results, ms: performance.now() - t0 };
}

function stateInPage(arg: { spec: GameSpec; quarterIndex: number }): QuarterState | null {
  const api = (globalThis as unknown as { __xrt?: XrtApi }).__xrt;
  if (!api) throw new Error('the xrt bundle did not define __xrt');
  return api.stateAfterQuarter(arg.spec, arg.quarterIndex);
}

function pageErrorsNote(errors: readonly string[]): string {
  return errors.length > 0 ? ` (page errors: ${errors.join('; ')})` : '';
}

/** Debian's Chromium through playwright-core (tests/browser/helpers.ts launch()). */
export async function chromiumRuntime(bundle: string): Promise<Runtime> {
  const browser: PwBrowser = await launch();
  try {
    const page: PwPage = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(BLANK);
    await page.addScriptTag({ content: bundle });
    const version = browser.version();
    return {
      name: 'Chromium',
      version,
      async play(specs) {
        try {
          return await page.evaluate(playInPage, specs);
        } catch (e) {
          throw new Error(`Chromium: ${(e as Error).message}${pageErrorsNote(errors)}`);
        }
      },
      stateAfterQuarter: (spec, quarterIndex) => page.evaluate(stateInPage, { spec, quarterIndex }),
      close: () => browser.close(),
    };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
/** Set to 1 to run without Firefox (the Firefox test is then skipped, and says so). */
export const NO_FIREFOX = process.env.SIX_TIGERS_NO_FIREFOX === '1';

/** Debian's Firefox ESR through puppeteer-core over WebDriver BiDi. */
export async function firefoxRuntime(bundle: string): Promise<Runtime> {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `the cross-runtime test needs Firefox at ${FIREFOX_PATH}: install it with ` +
        '`apt-get install -y firefox-esr` (Debian, as root), set FIREFOX_PATH, ' +
        'or set SIX_TIGERS_NO_FIREFOX=1 to skip the Firefox check',
    );
  }
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
  });
  try {
    const page: PpPage = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e instanceof Error ? e.message : String(e)));
    await page.setContent(BLANK);
    await page.addScriptTag({ content: bundle });
    const version = await browser.version();
    return {
      name: 'Firefox',
      version,
      async play(specs) {
        try {
          return await page.evaluate(playInPage, specs);
        } catch (e) {
          throw new Error(`Firefox: ${(e as Error).message}${pageErrorsNote(errors)}`);
        }
      },
      stateAfterQuarter: (spec, quarterIndex) => page.evaluate(stateInPage, { spec, quarterIndex }),
      close: () => browser.close(),
    };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

export interface Mismatch {
  game: number;
  /** Index of the first quarter whose hash differs or that one side lacks; -1: every quarter agrees. */
  quarter: number;
  detail: string;
}

const short = (h: string | undefined) => (h === undefined ? '(none)' : h.slice(0, 16));

/** The first game, and in it the first quarter, where two runs of the same specs disagree. */
export function firstMismatch(
  specs: readonly GameSpec[],
  a: readonly GameHashes[],
  b: readonly GameHashes[],
  names: readonly [string, string],
): Mismatch | null {
  const [na, nb] = names;
  if (a.length !== specs.length || b.length !== specs.length)
    return {
      game: Math.min(a.length, b.length),
      quarter: -1,
      detail: `${specs.length} games given, ${na} returned ${a.length}, ${nb} returned ${b.length}`,
    };
  for (let g = 0; g < specs.length; g++) {
    const ra = a[g]!;
    const rb = b[g]!;
    const n = Math.max(ra.hashes.length, rb.hashes.length);
    for (let q = 0; q < n; q++) {
      if (ra.hashes[q] === rb.hashes[q]) continue;
      const label = ra.quarters[q] ?? rb.quarters[q] ?? '?';
      return {
        game: g,
        quarter: q,
        detail:
          `first differing quarter ${label} (quarter ${q + 1}; ${na} played ${ra.hashes.length}, ` +
          `${nb} ${rb.hashes.length}): ${na} ${short(ra.hashes[q])} vs ${nb} ${short(rb.hashes[q])}`,
      };
    }
    for (const key of ['finalHash', 'ending', 'score', 'commands'] as const) {
      if (ra[key] !== rb[key])
        return {
          game: g,
          quarter: -1,
          detail: `every quarter agrees but ${key} differs: ${na} ${ra[key]} vs ${nb} ${rb[key]}`,
        };
    }
  }
  return null;
}

function valueAt(state: unknown, path: string): unknown {
  if (path === '(root)') return state;
  let v = state;
  for (const part of path.split(/\.|\[|\]/).filter(Boolean)) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

const show = (v: unknown) => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

/**
 * The failure message for a mismatch: the game (level, seed, company, policy), the first differing
 * quarter and, from the two runtimes' states after that quarter, the first differing field.
 */
export async function explainMismatch(
  specs: readonly GameSpec[],
  m: Mismatch,
  runs: readonly [readonly GameHashes[], readonly GameHashes[]],
  sides: readonly [Pick<Runtime, 'name' | 'stateAfterQuarter'>, Pick<Runtime, 'name' | 'stateAfterQuarter'>],
): Promise<string> {
  const spec = specs[m.game];
  const head = `${sides[0].name} and ${sides[1].name} disagree in game #${m.game}`;
  if (!spec) return `${head}: ${m.detail}`;
  const notes: string[] = [];
  if (m.quarter >= 0) {
    const again = await Promise.all([
      sides[0].stateAfterQuarter(spec, m.quarter),
      sides[1].stateAfterQuarter(spec, m.quarter),
    ]);
    // A runtime that gives another hash when it plays the same game again is not even
    // deterministic on its own; say so, since the state diff below then proves little.
    for (const i of [0, 1] as const) {
      const first = runs[i][m.game]?.hashes[m.quarter];
      const replayed = again[i]?.hash;
      if (first !== undefined && replayed !== first)
        notes.push(`${sides[i].name} replayed the game to another hash there (${short(replayed)})`);
    }
    const wavered = notes.length > 0;
    const [sa, sb] = again;
    const path = sa && sb ? firstDifference(sa.state, sb.state) : null;
    if (sa && sb && path)
      notes.push(
        `first differing state field: ${path} (${sides[0].name} ${show(valueAt(sa.state, path))}, ` +
          `${sides[1].name} ${show(valueAt(sb.state, path))})`,
      );
    else if (sa && sb && !wavered)
      notes.push(
        'the states after that quarter are equal as JSON (the difference is in a value JSON does ' +
          'not carry, such as -0, NaN or Infinity, or in the hashing itself)',
      );
  }
  return [`${head} (${describeSpec(spec)}): ${m.detail}`, ...notes].join('; ');
}

export function quartersIn(results: readonly GameHashes[]): number {
  return results.reduce((n, r) => n + r.hashes.length, 0);
}
