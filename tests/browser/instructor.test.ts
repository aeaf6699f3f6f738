// The instructor view: a class's codes pasted with names (valid games made in Node over several
// seeds, companies and policies; an edited code that still passes its checksum, one with an
// illegal command, a damaged copy and a garbage line) verify into a table of valid rows and
// refused rows whose reasons name the quarter or command, in English and, after switching the
// language on the page, in Chinese (as does the Load replay code screen). The progress bar moves
// while it works; the three class charts show one point per valid code; par, the par difference
// and the percentile (from worker threads) are the ending screen's; Download CSV saves a UTF-8
// file with a byte-order mark and the same par columns. A second, small class (a plain list) shows
// each game's level, seed and the game it was forked from, a copied code listed under the original
// without a rank, a student who handed in no code listed by name, and the warning that appears once
// a code from another seed joins (each world then ranked on its own), in English and Chinese; its
// score cells take each score apart on hover (the engine's scoreParts: equity + honours). On a
// phone (360×740, 390×844) the table is a card per row, each value under its column's name, and
// nothing on the screen scrolls sideways; at 1280×720 it is the table it always was.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { forkedCode, forkReplay } from '../../src/app/fork';
import { money } from '../../src/app/format';
import { levelText } from '../../src/app/i18n';
import { getLevel } from '../../src/app/levels';
import { standingFor } from '../../src/app/par';
import { decodeReplay, encodeReplay, replayCodeOf, verifyReplay } from '../../src/app/replay-code';
import { type CSV_COLUMNS, parseCsv } from '../../src/app/verify';
import type { PolicyName } from '../../src/engine/index';
import { playGame, scoreParts } from '../../src/engine/index';
import { quarterLabel } from '../../src/engine/level';
import type { Command } from '../../src/engine/types';
import { launch, openGame, screenshot, settle, waitScreen } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const level = getLevel('historical-2023');
const lookup = (id: string) => (id === level.id ? level : undefined);

/** One character in the middle changed: the checksum no longer matches (corrupted). */
function damage(code: string): string {
  const i = Math.floor((code.length + 4) / 2);
  const c = code[i]!;
  return code.slice(0, i) + (c === 'A' ? 'B' : 'A') + code.slice(i + 1);
}

/** Re-encodes a code with its log edited: a well-formed code whose replay no longer matches. */
function edit(code: string, change: (log: Command[]) => Command[]): string {
  const d = decodeReplay(code, lookup);
  if (!d.ok) throw new Error(d.message);
  return encodeReplay({ ...d.replay, log: change(d.replay.log.slice()) }, level);
}

/** The instructor table as text: its column headers and its rows, each cell by its header. */
function readTable(page: Page) {
  return page.evaluate(() => {
    const headers = [...document.querySelectorAll('#instructor-table thead th')].map(
      (th) => th.textContent ?? '',
    );
    const rows = [...document.querySelectorAll('#instructor-table tbody tr')].map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
      return {
        status: tr.getAttribute('data-status') ?? '',
        duplicateOfLine: tr.getAttribute('data-duplicate-of-line'),
        cell: Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])),
      };
    });
    return { headers, rows };
  });
}

describe('instructor view', () => {
  it('verifies a class with a moving progress bar, charts it, words refusals in en and zh, downloads the CSV', async () => {
    const named = [
      { name: 'Alice', company: 'baichuan', policy: 'overseas-first' as PolicyName, seed: 21, variant: 0 },
      { name: '张三', company: 'minimax', policy: 'overseas-first' as PolicyName, seed: 22, variant: 0 },
      { name: 'Carol', company: 'moonshot', policy: 'overseas-first' as PolicyName, seed: 23, variant: 0 },
    ];
    // The rest of the class: two seeds, every company, a named autopilot and a random one.
    const rest = [21, 22].flatMap((seed) =>
      level.player.companies.flatMap((company, k) =>
        (['balanced', 'random'] as PolicyName[]).map((policy, j) => ({
          name: `s${seed}-${k}-${j}`,
          company,
          policy,
          seed,
          variant: policy === 'random' ? k + 1 : 0,
        })),
      ),
    );
    const games = [...named, ...rest];
    const codes = games.map((g) => {
      const played = playGame(level, g.seed, g.company, g.policy, g.variant);
      return replayCodeOf(level, played.state, played.log);
    });
    // Eve lowered the spend of every quarter: the replay diverges in some quarter.
    const altered = edit(codes[0]!, (log) =>
      log.map((c) => (c.type === 'plan/set-spend' ? { ...c, amount: Math.max(0, c.amount - 800) } : c)),
    );
    // Oscar slipped in a spend far above any company's cash as the third command.
    const illegal = edit(codes[1]!, (log) => {
      log.splice(2, 0, { type: 'plan/set-spend', amount: 10 ** 12 });
      return log;
    });
    const eve = verifyReplay(altered, lookup);
    const oscar = verifyReplay(illegal, lookup);
    expect(eve.status).toBe('tampered');
    expect(oscar.status).toBe('illegal-command');
    const eveQuarter = eve.status === 'tampered' ? eve.quarter : '?';
    const oscarQuarter = oscar.status === 'illegal-command' ? oscar.quarter : '?';

    // A CSV with name and code columns, so the garbage line keeps its name too.
    const text = [
      'name,code',
      ...games.map((g, i) => `${g.name}, ${codes[i]}`),
      `Mallory, ${damage(codes[0]!)}`,
      `Eve, ${altered}`,
      `Oscar, ${illegal}`,
      'Trent,this is not a code <img src=x onerror=alert(1)>',
    ].join('\n');

    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      await waitScreen(page, 'Title');
      await page.click('#btn-lang-en');
      await page.click('#btn-instructor');
      await waitScreen(page, 'Instructor');
      await page.fill('#instructor-input', text);
      // Sample the bar at every animation frame (so only values that reached the screen count).
      await page.evaluate(() => {
        const seen: { value: number; max: number; hidden: boolean }[] = [];
        (window as unknown as { __bar: typeof seen }).__bar = seen;
        const tick = () => {
          const bar = document.querySelector<HTMLProgressElement>('#instructor-progress');
          if (bar) seen.push({ value: bar.value, max: bar.max, hidden: bar.hidden === true });
          if (!document.querySelector('#instructor-table')) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      await page.click('#btn-instructor-verify');
      await page.waitForSelector('#instructor-table', { timeout: 90_000 });
      const bar = await page.evaluate(
        () => (window as unknown as { __bar: { value: number; max: number; hidden: boolean }[] }).__bar,
      );
      const between = bar.filter((b) => !b.hidden && b.value > 0 && b.value < b.max);
      expect(
        new Set(between.map((b) => b.value)).size,
        JSON.stringify(bar.slice(0, 40)),
      ).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < between.length; i++)
        expect(between[i]!.value).toBeGreaterThanOrEqual(between[i - 1]!.value);
      expect(await page.getAttribute('#instructor-progress', 'hidden')).not.toBeNull();

      const readRows = () =>
        page.$$eval('#instructor-table tbody tr', (trs) =>
          trs.map((tr) => ({
            status: tr.getAttribute('data-status') ?? '',
            cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
            parDifference: tr.querySelector('td.par-difference')?.getAttribute('data-par-difference') ?? null,
          })),
        );
      const rows = await readRows();
      const percentileCol = (
        await page.$$eval('#instructor-table thead th', (ths) => ths.map((th) => th.textContent))
      ).indexOf('Percentile');
      expect(percentileCol).toBeGreaterThan(0);
      expect(rows).toHaveLength(games.length + 4);
      const valid = rows.filter((r) => r.status === 'valid');
      const refused = rows.filter((r) => r.status !== 'valid');
      expect(valid).toHaveLength(games.length);
      expect(refused).toHaveLength(4);
      expect(valid.map((r) => r.cells[1])).toEqual(expect.arrayContaining(['Alice', 'Carol', '张三']));
      for (const r of valid) {
        expect(r.cells[0]).toMatch(/^\d+$/);
        expect(r.cells[percentileCol]).toMatch(/^\d+(\.\d)?$/);
        expect(r.parDifference).toMatch(/^-?\d+$/);
      }
      for (const r of refused) {
        expect(r.cells[2]).toMatch(/^Refused: \S/);
        expect(r.cells[0]).toBe('—');
      }
      expect(refused.map((r) => r.cells[1]).sort()).toEqual(['Eve', 'Mallory', 'Oscar', 'Trent']);
      const byName = (rs: typeof rows, name: string) => rs.find((r) => r.cells[1] === name)!;
      // Pars were played in worker threads, and give the ending screen's numbers.
      expect(
        Number(await page.getAttribute('#instructor-result', 'data-baselines-elsewhere')),
      ).toBeGreaterThan(0);
      const standings = new Map<string, { difference: number; percentile: number }>();
      for (const [i, g] of games.entries()) {
        if (i % 5 !== 0) continue;
        const v = verifyReplay(codes[i]!, lookup);
        if (v.status !== 'valid' || !v.ending) continue;
        const s = standingFor(level, g.seed, g.company, v.score, new Map())!;
        standings.set(g.name, s);
        expect(byName(rows, g.name).cells[percentileCol], g.name).toBe(s.percentile.toFixed(1));
        expect(byName(rows, g.name).parDifference, g.name).toBe(String(s.difference));
      }
      expect(standings.size).toBeGreaterThan(0);
      expect(byName(rows, 'Eve').status).toBe('tampered');
      expect(byName(rows, 'Eve').cells[2]).toContain(
        `diverged from its recorded state hashes in ${eveQuarter}`,
      );
      expect(byName(rows, 'Oscar').status).toBe('illegal-command');
      expect(byName(rows, 'Oscar').cells[2]).toContain(`Command 3 of`);
      expect(byName(rows, 'Oscar').cells[2]).toContain(
        `(set the spend, ${oscarQuarter}) breaks the rules: Not enough cash`,
      );
      expect(byName(rows, 'Mallory').cells[2]).toContain('copy it again in full');
      expect(byName(rows, 'Trent').cells[2]).toContain('Not a Six Tigers replay code');
      expect(await page.$('#instructor-table img')).toBeNull();

      // The charts: one point per valid code in the two scatter charts, every game in the bars.
      const charts = async () => {
        await page.waitForFunction(
          () => document.querySelectorAll('#chart-class-war svg .pt').length > 0,
          undefined,
          { timeout: 10_000 },
        );
        return page.evaluate(() => ({
          valid: Number(document.querySelector('#instructor-charts')?.getAttribute('data-valid')),
          outcome: document.querySelectorAll('#chart-class-outcome svg .pt').length,
          war: document.querySelectorAll('#chart-class-war svg .pt').length,
          bars: document.querySelectorAll('#chart-class-endings svg rect').length,
          titles: [...document.querySelectorAll('#instructor-charts figcaption')].map((f) => f.textContent),
          legend: [...document.querySelectorAll('#chart-class-outcome .legend li')].map(
            (li) => li.textContent,
          ),
          groups: [...document.querySelectorAll('#chart-class-outcome svg .pt')].map((p) =>
            p.getAttribute('data-group'),
          ),
        }));
      };
      const en = await charts();
      expect(en.valid).toBe(games.length);
      expect(en.outcome).toBe(games.length);
      expect(en.war).toBe(games.length);
      expect(en.bars).toBeGreaterThanOrEqual(level.player.companies.length);
      expect(en.titles).toEqual([
        'Outcome vs average pretraining share',
        'Price-war response vs score',
        'Endings by company',
      ]);
      const endings = games.map((_, i) => {
        const v = verifyReplay(codes[i]!, lookup);
        return v.status === 'valid' ? (v.ending?.kind ?? 'unfinished') : 'refused';
      });
      expect([...en.groups].sort()).toEqual([...endings].sort());
      expect(en.legend.length).toBe(new Set(endings).size);
      await page.locator('#instructor-charts').scrollIntoViewIfNeeded();
      await screenshot(page, 'instructor-charts-en');

      // Switch to Chinese on the page: the reasons and the charts follow.
      await page.click('#btn-instructor-lang-zh-CN');
      await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
      const zhRows = await readRows();
      expect(zhRows).toHaveLength(rows.length);
      expect(byName(zhRows, 'Eve').cells[2]).toBe(
        `拒绝：回放码被改动过：重演到 ${eveQuarter} 时，状态与码中记录的校验码不符。`,
      );
      const oscarZh = byName(zhRows, 'Oscar').cells[2];
      expect(oscarZh).toContain('第 3 条指令');
      expect(oscarZh).toContain(`设定季度支出，${oscarQuarter}`);
      expect(oscarZh).toContain('现金不足');
      expect(byName(zhRows, 'Mallory').cells[2]).toContain('请重新完整复制');
      expect(byName(zhRows, 'Trent').cells[2]).toContain('这不是六小虎的回放码');
      for (const r of zhRows.filter((x) => x.status !== 'valid'))
        expect(r.cells[2]).not.toMatch(/[a-z]{4,} [a-z]{4,}/);
      const zh = await charts();
      expect(zh.outcome).toBe(games.length);
      expect(zh.war).toBe(games.length);
      expect(zh.titles).toEqual(['结局、得分与平均预训练占比', '价格战应对与得分', '各公司的结局分布']);
      await screenshot(page, 'instructor-charts-zh');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#btn-instructor-download'),
      ]);
      const path = await download.path();
      const bytes = readFileSync(path);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = bytes.toString('utf8');
      for (const name of ['Alice', '张三', 'Carol', 'Mallory', 'Eve', 'Oscar', 'Trent'])
        expect(csv).toContain(name);
      const table = parseCsv(csv.slice(1)).map((r) => r.cells);
      const col = (c: (typeof CSV_COLUMNS)[number]) => table[0]!.indexOf(c);
      for (const [name, s] of standings) {
        const line = table.find((r) => r[col('name')] === name)!;
        expect(line[col('par difference (万元)')], name).toBe(String(s.difference));
        expect(line[col('percentile among par runs')], name).toBe(String(s.percentile));
      }

      // The Load replay code screen words a refusal the same way (still in Chinese).
      await page.click('#btn-back');
      await waitScreen(page, 'Title');
      await page.click('#btn-replay');
      await waitScreen(page, 'Replay');
      await page.fill('#replay-input', illegal);
      await page.click('#btn-verify');
      await page.waitForSelector('#replay-result[data-status="illegal-command"]');
      expect(await page.textContent('#replay-result h2')).toBe('无效 · 含违规指令');
      expect(await page.textContent('#replay-message')).toBe(
        byName(zhRows, 'Oscar').cells[2]!.replace(/^拒绝：/, ''),
      );
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
  it('shows level, seed and forked-from; warns of a class mixing seeds, not of a one-seed class; lists a duplicate unranked and a line with no code by name', async () => {
    const play = (seed: number, company: string, policy: PolicyName) => {
      const g = playGame(level, seed, company, policy);
      return replayCodeOf(level, g.state, g.log);
    };
    const ann = play(21, 'baichuan', 'overseas-first');
    const bo = play(21, 'minimax', 'balanced');
    const cy = play(22, 'baichuan', 'overseas-first');
    // Dee forked Ann's game after four quarters and handed it in there (an unfinished game).
    const f = forkReplay(ann, 4, lookup);
    if (!f.ok) throw new Error(f.message);
    const dee = forkedCode(f.fork, f.fork.state, f.fork.log);
    // A plain list: Copycat handed in Ann's code again, Zoe Li handed in nothing.
    const oneSeed = [`Ann, ${ann}`, `Bo: ${bo}`, `Dee ${dee}`, `Copycat, ${ann}`, 'Zoe Li,'].join('\n');
    const levelName = levelText('en', level.name);

    const { page, context, problems } = await openGame(browser, inject('baseUrl'));
    try {
      await waitScreen(page, 'Title');
      await page.click('#btn-lang-en');
      await page.click('#btn-instructor');
      await waitScreen(page, 'Instructor');
      const verify = async (text: string, rows: number) => {
        await page.fill('#instructor-input', text);
        await page.click('#btn-instructor-verify');
        await page.waitForFunction(
          (n) => document.querySelectorAll('#instructor-table tbody tr').length === n,
          rows,
          { timeout: 90_000 },
        );
        return readTable(page);
      };

      const one = await verify(oneSeed, 5);
      expect(one.headers).toEqual([
        'Rank',
        'Name',
        'Status',
        'Level',
        'Seed',
        'Company',
        'Ending',
        'Score',
        'vs par',
        'Percentile',
        'Key decisions',
        'Forked from',
      ]);
      // One seed: no warning.
      expect(await page.$('#instructor-worlds')).toBeNull();
      const row = (t: typeof one, name: string) => t.rows.find((r) => r.cell.Name === name)!;
      expect(one.rows.map((r) => r.cell.Name)).toEqual(
        expect.arrayContaining(['Ann', 'Bo', 'Dee', 'Copycat', 'Zoe Li']),
      );
      for (const name of ['Ann', 'Bo', 'Dee', 'Copycat']) {
        expect(row(one, name).cell.Level, name).toBe(levelName);
        expect(row(one, name).cell.Seed, name).toBe('21');
      }
      expect([row(one, 'Ann').cell.Rank, row(one, 'Bo').cell.Rank].sort()).toEqual(['1', '2']);
      expect(row(one, 'Ann').cell['Forked from']).toBe('—');
      // The fork names the game it came from: Ann's, on line 1, after the fourth quarter.
      expect(row(one, 'Dee').cell['Forked from']).toBe(
        `Ann (line 1 of the list), after ${quarterLabel(level, 3)}`,
      );
      expect(row(one, 'Dee').cell.Rank).toBe('—');
      // The copy: no rank, named as a duplicate of Ann's line, right under Ann.
      const copy = row(one, 'Copycat');
      expect(copy.cell.Rank).toBe('—');
      expect(copy.status).toBe('valid');
      expect(copy.duplicateOfLine).toBe('1');
      expect(copy.cell.Status).toBe(
        'Duplicate: the same game as Ann (line 1 of the list); listed, not ranked',
      );
      expect(one.rows.indexOf(copy)).toBe(one.rows.indexOf(row(one, 'Ann')) + 1);
      // Zoe Li handed in nothing: her name stays, refused for having no code.
      const zoe = row(one, 'Zoe Li');
      expect(zoe.status).toBe('unknown-format');
      expect(zoe.cell.Status).toBe('Refused: The entry is empty: there is no code.');
      expect([zoe.cell.Rank, zoe.cell.Seed, zoe.cell.Level]).toEqual(['—', '—', '—']);

      // The score cell: the score's parts on hover and as data, the engine's, adding up to it
      // (Dee's unfinished game: its equity at today's mark). No parts for a refused line.
      const scoreCells = await page.$$eval('#instructor-table tbody tr', (trs) =>
        trs.map((tr) => {
          const td = tr.querySelector('td.score');
          return {
            line: tr.getAttribute('data-line'),
            text: td?.textContent ?? null,
            title: td?.getAttribute('title') ?? null,
            equity: td?.getAttribute('data-equity') ?? null,
            honours: td?.getAttribute('data-honours') ?? null,
          };
        }),
      );
      for (const [line, code] of [
        ['1', ann],
        ['2', bo],
        ['3', dee],
        ['4', ann],
      ] as const) {
        const v = verifyReplay(code, lookup);
        if (v.status !== 'valid') throw new Error(v.message);
        const parts = scoreParts(level, v.state);
        const cell = scoreCells.find((c) => c.line === line)!;
        expect([cell.equity, cell.honours], line).toEqual([String(parts.equity), String(parts.honours)]);
        expect(parts.equity + parts.honours, line).toBe(v.score);
        expect(cell.text, line).toBe(money('en', v.score));
        expect(cell.title, line).toBe(
          `= founders' equity ${money('en', parts.equity)} + honours ${money('en', parts.honours)}`,
        );
      }
      expect(scoreCells.find((c) => c.line === '5')).toMatchObject({ title: null, equity: null });

      // Cy played seed 22: two worlds, a warning naming them, and Cy ranked in a world of its own.
      const mixed = await verify(`${oneSeed}\nCy, ${cy}`, 6);
      const warning = await page.waitForSelector('#instructor-worlds');
      expect(await warning.getAttribute('data-worlds')).toBe('2');
      const said = (await warning.textContent()) ?? '';
      expect(said).toContain('2 different worlds');
      expect(said).toContain(
        `${levelName}, seed 21 (valid codes: 4); ${levelName}, seed 22 (valid codes: 1)`,
      );
      expect(said).toContain('sort or filter by the Seed column');
      expect(row(mixed, 'Cy').cell.Seed).toBe('22');
      expect(row(mixed, 'Cy').cell.Rank).toBe('1');
      expect([row(mixed, 'Ann').cell.Rank, row(mixed, 'Bo').cell.Rank]).toEqual([
        row(one, 'Ann').cell.Rank,
        row(one, 'Bo').cell.Rank,
      ]);
      expect(row(mixed, 'Copycat').cell.Rank).toBe('—');
      await page.locator('#instructor-table').scrollIntoViewIfNeeded();
      await screenshot(page, 'instructor-table');

      // In Chinese: the score column is 得分, the duplicate and the warning are worded there too.
      await page.click('#btn-instructor-lang-zh-CN');
      await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
      const zh = await readTable(page);
      expect(zh.headers).toContain('得分');
      expect(zh.headers).not.toContain('估值');
      expect(zh.headers).toEqual(expect.arrayContaining(['关卡', '种子', '分支自']));
      const zhCopy = zh.rows.find((r) => r.cell.姓名 === 'Copycat')!;
      expect(zhCopy.cell.状态).toBe('重复提交：与 Ann（列表第 1 行）是同一局，只列出，不排名');
      expect(zh.rows.find((r) => r.cell.姓名 === 'Dee')!.cell.分支自).toBe(
        `Ann（列表第 1 行），${quarterLabel(level, 3)} 之后`,
      );
      const zhWarning = (await page.textContent('#instructor-worlds')) ?? '';
      expect(zhWarning).toContain('来自 2 个不同的世界');
      expect(zhWarning).toContain('种子 22（1 个有效回放码）');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('instructor view on a phone', () => {
  it('fits the class table to a 360 px and a 390 px wide phone (no sideways scroll, every name, score and ending in view) and keeps the table at 1280×720', async () => {
    const play = (seed: number, company: string, policy: PolicyName) => {
      const g = playGame(level, seed, company, policy);
      return replayCodeOf(level, g.state, g.log);
    };
    const ann = play(21, 'baichuan', 'overseas-first');
    const bo = play(21, 'minimax', 'balanced');
    const f = forkReplay(ann, 4, lookup);
    if (!f.ok) throw new Error(f.message);
    const dee = forkedCode(f.fork, f.fork.state, f.fork.log);
    // A small class: two games, a fork (the longest cells) and a student with no code (a refusal).
    const text = [`Ann, ${ann}`, `Bo: ${bo}`, `Dee ${dee}`, 'Zoe Li,'].join('\n');

    const { page, context, problems } = await openGame(browser, inject('baseUrl'), {
      width: 360,
      height: 740,
    });
    try {
      await waitScreen(page, 'Title');
      await page.click('#btn-lang-en');
      await page.click('#btn-instructor');
      await waitScreen(page, 'Instructor');
      await page.fill('#instructor-input', text);
      await page.click('#btn-instructor-verify');
      await page.waitForFunction(
        () => document.querySelectorAll('#instructor-table tbody tr').length === 4,
        undefined,
        {
          timeout: 90_000,
        },
      );
      const { headers } = await readTable(page);

      for (const size of [
        { width: 360, height: 740 },
        { width: 390, height: 844 },
      ]) {
        const where = `${size.width}×${size.height}`;
        await page.setViewportSize(size);
        await page.waitForFunction((w) => window.innerWidth === w, size.width);
        await settle(page);
        // Nothing scrolls sideways: not the page, not a box on it that a reader could scroll (the
        // table's wrapper included).
        const sideways = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          width: window.innerWidth,
          boxes: [...document.querySelectorAll<HTMLElement>('.screen.shown *')]
            .filter(
              (el) =>
                el.scrollWidth > el.clientWidth + 1 &&
                ['auto', 'scroll'].includes(getComputedStyle(el).overflowX),
            )
            .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.clientWidth}/${el.scrollWidth}`),
        }));
        expect(sideways.page, where).toBeLessThanOrEqual(sideways.width);
        expect(sideways.boxes, where).toEqual([]);
        // Every row's name, score and ending: scrolled to, wholly in the window, on top, not cut off;
        // and each value carries its column's name.
        const rows = await page.$$('#instructor-table tbody tr');
        expect(rows, where).toHaveLength(4);
        for (const [r, row] of rows.entries()) {
          for (const cell of ['td.name', 'td.score', 'td.ending-kind']) {
            const td = await row.$(cell);
            expect(td, `${where} row ${r} ${cell}`).not.toBeNull();
            await td!.scrollIntoViewIfNeeded();
            const seen = await td!.evaluate((el) => {
              const b = el.getBoundingClientRect();
              const hit = document.elementFromPoint((b.left + b.right) / 2, (b.top + b.bottom) / 2);
              return {
                text: el.textContent ?? '',
                visible: el.checkVisibility({ visibilityProperty: true }),
                inWindow:
                  b.left >= 0 && b.top >= 0 && b.right <= window.innerWidth && b.bottom <= window.innerHeight,
                onTop: hit !== null && el.contains(hit),
                clipped: el.scrollWidth > el.clientWidth + 1,
                label: el.getAttribute('data-label'),
                shownLabel: getComputedStyle(el, '::before').content,
              };
            });
            const id = `${where} row ${r} ${cell} "${seen.text}"`;
            expect(seen.text.trim(), id).not.toBe('');
            expect(seen.visible, id).toBe(true);
            expect(seen.inWindow, id).toBe(true);
            expect(seen.onTop, id).toBe(true);
            expect(seen.clipped, id).toBe(false);
            expect(headers, id).toContain(seen.label);
            expect(seen.shownLabel, id).toContain(seen.label);
          }
          // Row actions, if a row ever has any, are touch-sized (today a row has none).
          for (const size of await row.$$eval('button, a[href], input, select, [role="button"]', (els) =>
            els.map((el) => el.getBoundingClientRect()).map((b) => ({ w: b.width, h: b.height })),
          )) {
            expect(size.w, where).toBeGreaterThanOrEqual(44);
            expect(size.h, where).toBeGreaterThanOrEqual(44);
          }
        }
        await page.locator('#instructor-table').scrollIntoViewIfNeeded();
        await screenshot(page, `instructor-table-${size.width}x${size.height}`);
      }

      // On a desktop screen it is still a table: its head row shown, a row's cells side by side.
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.waitForFunction(() => window.innerWidth === 1280);
      await settle(page);
      const desktop = await page.evaluate(() => {
        const table = document.querySelector('#instructor-table')!;
        const cells = [...table.querySelectorAll('tbody tr:first-child td')].map((td) =>
          td.getBoundingClientRect(),
        );
        return {
          table: getComputedStyle(table).display,
          head: table.querySelector('thead')!.checkVisibility(),
          cell: getComputedStyle(table.querySelector('td')!).display,
          oneLine: cells.every((b) => Math.abs(b.top - cells[0]!.top) < 1),
          before: getComputedStyle(table.querySelector('td')!, '::before').content,
        };
      });
      expect(desktop).toEqual({
        table: 'table',
        head: true,
        cell: 'table-cell',
        oneLine: true,
        before: 'none',
      });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
