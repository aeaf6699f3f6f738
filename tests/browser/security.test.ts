// The Content Security Policy of the built game: present (in the page and as a header), strict (no
// inline or eval'd script, no remote origin anywhere, HTML from strings only through the one
// Trusted Types policy, which admits DOMParser alone), really enforced (deliberate breaches in the page are refused and reported), and
// compatible with the game: a few quarters played under it raise no violation and no error.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newGame, openGame, playQuarter, ROOT, waitScreen } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Policy = Map<string, string[]>;

function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    // The first occurrence of a directive is the one that counts.
    if (!policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The source a directive falls back to when it is absent (CSP level 3, for the ones used here). */
function effective(policy: Policy, directive: string): string[] {
  const fallback: Record<string, string[]> = {
    'script-src-elem': ['script-src-elem', 'script-src', 'default-src'],
    'script-src-attr': ['script-src-attr', 'script-src', 'default-src'],
    'style-src-elem': ['style-src-elem', 'style-src', 'default-src'],
    'style-src-attr': ['style-src-attr', 'style-src', 'default-src'],
    'worker-src': ['worker-src', 'child-src', 'script-src', 'default-src'],
  };
  for (const d of fallback[directive] ?? [directive, 'default-src']) {
    const v = policy.get(d);
    if (v) return v;
  }
  return [];
}

/** Fails on anything that is not this origin, a local scheme or 'none'. */
function expectNoRemoteSource(policy: Policy): void {
  for (const [name, sources] of policy) {
    if (name === 'require-trusted-types-for' || name === 'trusted-types') continue;
    for (const src of sources) {
      const ok = ["'self'", "'none'", 'data:', 'blob:'].includes(src);
      expect(ok, `${name} allows ${src}`).toBe(true);
    }
  }
}

function expectStrict(policy: Policy): void {
  expect(policy.get('default-src')).toEqual(["'self'"]);
  for (const d of ['script-src-elem', 'script-src-attr', 'worker-src']) {
    const sources = effective(policy, d);
    expect(sources, d).toEqual(["'self'"]);
  }
  for (const d of ['style-src-elem', 'style-src-attr']) expect(effective(policy, d), d).toEqual(["'self'"]);
  for (const d of ['connect-src', 'font-src', 'img-src']) expect(effective(policy, d), d).toContain("'self'");
  expect(effective(policy, 'connect-src').length).toBe(1);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('require-trusted-types-for')).toEqual(["'script'"]);
  expect(policy.get('trusted-types')).toEqual(['default']);
  expectNoRemoteSource(policy);
}

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

/** Records every `securitypolicyviolation` in the page from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<Violation[]>> {
  await page.addInitScript(() => {
    const seen: { directive: string; blocked: string; sample: string }[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
    });
  });
  return () =>
    page.evaluate(() => [
      ...((window as unknown as { __cspViolations?: Violation[] }).__cspViolations ?? []),
    ]);
}

describe('content security policy', () => {
  it('is in the built page before any script, sent as a header, and strict', async () => {
    const res = await fetch(inject('baseUrl'));
    const html = await res.text();
    expect(html).toBe(readFileSync(join(ROOT, 'dist', 'index.html'), 'utf8'));
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)];
    expect(metas).toHaveLength(1);
    const meta = metas[0]!;
    // A meta policy covers only what follows it: it must precede every script and stylesheet.
    const firstLoad = html.search(/<script|<link rel="(modulepreload|stylesheet)"/);
    expect(firstLoad).toBeGreaterThan(meta.index!);
    expectStrict(parsePolicy(meta[1]!));
    // No inline script, style element or style attribute in the page itself.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);

    const header = res.headers.get('content-security-policy') ?? '';
    const fromHeader = parsePolicy(header);
    expectStrict(fromHeader);
    expect(fromHeader.get('frame-ancestors')).toEqual(["'none'"]);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('lets the game play a few quarters without a violation, and refuses deliberate breaches', async () => {
    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      const violations = await watchViolations(page);
      await page.reload();
      await waitScreen(page, 'Title');
      // The policy the page is under, as the browser sees it.
      const applied = await page.evaluate(
        () =>
          document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      );
      expectStrict(parsePolicy(applied));
      await page.click('#btn-lang-en');
      await newGame(page, 'stepfun', 31337);
      for (let q = 0; q < 3; q++) expect(await playQuarter(page)).toBe('Dashboard');
      // Screens with charts, emblems and text from the level: the rivals' table and the results.
      expect(await page.$$eval('.emblem svg', (els) => els.length)).toBeGreaterThan(0);
      expect(await violations()).toEqual([]);
      expect(problems).toEqual([]);

      // Breaches, each refused and reported: so the watch above can see what it looks for.
      const outcome = await page.evaluate(async () => {
        const host = document.createElement('div');
        document.body.append(host);
        // Past the synchronous part of this call, which the test driver may exempt from the policy.
        await new Promise((r) => setTimeout(r, 0));
        const threw = (f: () => unknown) => {
          try {
            f();
            return false;
          } catch {
            return true;
          }
        };
        const htmlThrew = threw(() => {
          host.innerHTML = '<img src=x>';
        });
        // biome-ignore lint/security/noGlobalEval: the point is that the policy refuses it.
        const evalThrew = threw(() => window.eval('1 + 1'));
        const styled = document.createElement('p');
        styled.setAttribute('style', 'color: rgb(1, 2, 3)');
        host.append(styled);
        const img = new Image();
        const imgFailed = new Promise<boolean>((r) => {
          img.onerror = () => r(true);
          img.onload = () => r(false);
        });
        img.src = 'http://127.0.0.2:9/x.png';
        let fetchFailed = false;
        try {
          await fetch('http://127.0.0.2:9/');
        } catch {
          fetchFailed = true;
        }
        const result = {
          htmlThrew,
          evalThrew,
          styleApplied: getComputedStyle(styled).color === 'rgb(1, 2, 3)',
          imgFailed: await imgFailed,
          fetchFailed,
        };
        host.remove();
        return result;
      });
      expect(outcome).toEqual({
        htmlThrew: true,
        evalThrew: true,
        styleApplied: false,
        imgFailed: true,
        fetchFailed: true,
      });
      // Violation reports arrive as events after the breach: wait for them, never sleep.
      const reported = async () => [...new Set((await violations()).map((v) => v.directive))].sort();
      await expect
        .poll(reported, { timeout: 10_000 })
        .toEqual(['connect-src', 'img-src', 'require-trusted-types-for', 'style-src-attr']);
    } finally {
      await context.close();
    }
  });
});

describe('HTML from strings', () => {
  it('is not used by the game code (no innerHTML, outerHTML, insertAdjacentHTML, document.write)', () => {
    const src = join(ROOT, 'src');
    const files = readdirSync(src, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith('.ts') && !d.name.endsWith('.test.ts'))
      .map((d) => join(d.parentPath, d.name));
    expect(files.length).toBeGreaterThan(20);
    const sinks =
      /\.(innerHTML|outerHTML)\s*\+?=|(insertAdjacentHTML|document\.write(ln)?|createContextualFragment|parseFromString)\(/;
    const hits = files.filter((f) => sinks.test(readFileSync(f, 'utf8')));
    expect(hits).toEqual([]);
  });
});
