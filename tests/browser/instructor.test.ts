// The instructor view: a class's codes pasted with names (three valid games made in Node, a
// tampered copy and a garbage line) verify into a table of three valid rows and two refused with
// reasons, and Download CSV saves a UTF-8 file with a byte-order mark that holds the names.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getLevel } from '../../src/app/levels';
import { replayCodeOf } from '../../src/app/replay-code';
import { playGame } from '../../src/engine/index';
import { launch, openGame, screenshot, waitScreen } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

function tamper(code: string): string {
  const i = Math.floor((code.length + 4) / 2);
  const c = code[i]!;
  return code.slice(0, i) + (c === 'A' ? 'B' : 'A') + code.slice(i + 1);
}

describe('instructor view', () => {
  it('verifies a class, shows valid and refused rows, and downloads the CSV', async () => {
    const level = getLevel('historical-2023');
    const games = [
      { name: 'Alice', company: 'baichuan', policy: 'overseas-first' as const, seed: 21 },
      { name: '张三', company: 'minimax', policy: 'overseas-first' as const, seed: 22 },
      { name: 'Carol', company: 'moonshot', policy: 'overseas-first' as const, seed: 23 },
    ];
    const codes = games.map((g) => {
      const played = playGame(level, g.seed, g.company, g.policy);
      return replayCodeOf(level, played.state, played.log);
    });
    // A CSV with name and code columns, so the garbage line keeps its name too.
    const text = [
      'name,code',
      ...games.map((g, i) => `${g.name}, ${codes[i]}`),
      `Mallory, ${tamper(codes[0]!)}`,
      'Trent,this is not a code <img src=x onerror=alert(1)>',
    ].join('\n');

    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      await waitScreen(page, 'Title');
      await page.click('#btn-lang-en');
      await page.click('#btn-instructor');
      await waitScreen(page, 'Instructor');
      await page.fill('#instructor-input', text);
      await page.click('#btn-instructor-verify');
      await page.waitForSelector('#instructor-table', { timeout: 60_000 });
      const rows = await page.$$eval('#instructor-table tbody tr', (trs) =>
        trs.map((tr) => ({
          status: tr.getAttribute('data-status') ?? '',
          cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
        })),
      );
      expect(rows).toHaveLength(5);
      const valid = rows.filter((r) => r.status === 'valid');
      const refused = rows.filter((r) => r.status !== 'valid');
      expect(valid).toHaveLength(3);
      expect(refused).toHaveLength(2);
      expect(valid.map((r) => r.cells[1]).sort()).toEqual(['Alice', 'Carol', '张三']);
      for (const r of valid) {
        expect(r.cells[0]).toMatch(/^\d+$/);
        expect(r.cells[6]).toMatch(/^\d+(\.\d)?$/);
      }
      for (const r of refused) {
        expect(r.cells[2]).toMatch(/^Refused: \S/);
        expect(r.cells[0]).toBe('—');
      }
      expect(refused.map((r) => r.cells[1]).sort()).toEqual(['Mallory', 'Trent']);
      expect(await page.$('#instructor-table img')).toBeNull();
      await screenshot(page, 'instructor-table');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#btn-instructor-download'),
      ]);
      const path = await download.path();
      const bytes = readFileSync(path);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = bytes.toString('utf8');
      for (const name of ['Alice', '张三', 'Carol', 'Mallory', 'Trent']) expect(csv).toContain(name);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
