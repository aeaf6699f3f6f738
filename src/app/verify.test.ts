// The instructor's batch: reading code lists and CSV files, verifying and ranking a class, the
// key decisions, and the CSV export (BOM, escaping).

import { describe, expect, it } from 'vitest';
import { paddedGame } from '../../scripts/long-replay';
import { madeItGames, playedOnByAutopilot } from '../../tests/helpers';
import { PAR_RUNS, playGame, quarterLabel, referenceScores, scoreParts, standingOf } from '../engine/index';
import { findLevel, getLevel } from './levels';
import { parFor } from './par';
import { decodeReplay, encodeReplay, replayCodeOf } from './replay-code';
import type { BaselineService, BaselineWorld, ClassProgress, ClassRow, CodeEntry, Scheduler } from './verify';
import {
  CSV_COLUMNS,
  classCsv,
  classWorlds,
  csvField,
  forkParentOf,
  keyDecisions,
  mixedWorlds,
  parseCodeList,
  parseCsv,
  rankRows,
  VERIFY_STEP_COMMANDS,
  verifyClass,
} from './verify';

const level = getLevel('historical-2023');
const SEED = 77;
const games = (
  [
    ['zhipu', 'overseas-first'],
    ['zhipu', 'balanced'],
    ['moonshot', 'enterprise-first'],
    ['minimax', 'overseas-first'],
    ['stepfun', 'pretraining-first'],
  ] as const
).map(([company, policy]) => {
  const g = playGame(level, SEED, company, policy);
  return { company, policy, ...g, code: replayCodeOf(level, g.state, g.log) };
});

function tamper(code: string): string {
  const d = decodeReplay(code, findLevel);
  if (!d.ok) throw new Error(d.message);
  const log = d.replay.log.map((c) =>
    c.type === 'plan/set-spend' ? { ...c, amount: Math.max(0, c.amount - 500) } : c,
  );
  return encodeReplay({ ...d.replay, log }, level);
}

describe('parseCodeList', () => {
  const [a, b] = [games[0]!.code, games[1]!.code];

  it('one code per line, with or without a name, skipping blanks and comments', () => {
    const list = parseCodeList(`# class 3\n\n${a}\nAlice Wang: ${b}\n${b}  Bob\nnot a code\n`);
    expect(list).toEqual([
      { name: '', code: a, line: 3 },
      { name: 'Alice Wang', code: b, line: 4 },
      { name: 'Bob', code: b, line: 5 },
      // No code in it: the words are kept as a name, and the entry has no code.
      { name: 'not a code', code: '', line: 6 },
    ]);
  });

  it('a line with no code keeps its name: the student who handed in nothing is listed by name', async () => {
    const cut = a.slice(10, 90); // a code whose start was lost in the copy
    const list = parseCodeList(`Zoe Li,\n王小明：\nAnn: ${a}\nLi, Wei\nhello\nBob ${cut}\n"Kim"; \n,\n`);
    expect(list).toEqual([
      { name: 'Zoe Li', code: '', line: 1 },
      { name: '王小明', code: '', line: 2 },
      { name: 'Ann', code: a, line: 3 },
      { name: 'Li, Wei', code: '', line: 4 },
      // One short word alone may be a code cut short: it is read as the code.
      { name: '', code: 'hello', line: 5 },
      // Text long enough to have been meant as a code is the code, the rest the name.
      { name: 'Bob', code: cut, line: 6 },
      { name: 'Kim', code: '', line: 7 },
      { name: '', code: ',', line: 8 },
    ]);
    const res = await verifyClass(list, findLevel, { percentiles: false, sliceMs: 0 });
    const empty = res.rows.filter((r) => r.reason?.kind === 'empty');
    expect(empty.map((r) => [r.name, r.line, r.status, r.rank])).toEqual([
      ['Zoe Li', 1, 'unknown-format', null],
      ['王小明', 2, 'unknown-format', null],
      ['Li, Wei', 4, 'unknown-format', null],
      ['Kim', 7, 'unknown-format', null],
    ]);
    expect(res.rows.find((r) => r.line === 6)).toMatchObject({ name: 'Bob', status: 'unknown-format' });
  });

  it('a CSV with a header: name and code columns, quoted names with commas, quotes and newlines, BOM', () => {
    const csv = `\uFEFFStudent Name,ID,Replay Code\r\n"Li, Wei",s1,${a}\r\n"Zhang ""Z"" San",s2,${b}\r\n"Multi\nLine",s3,${a}\r\n,s4,\r\n`;
    expect(parseCodeList(csv)).toEqual([
      { name: 'Li, Wei', code: a, line: 2 },
      { name: 'Zhang "Z" San', code: b, line: 3 },
      { name: 'Multi\nLine', code: a, line: 4 },
      { name: 's4', code: '', line: 6 },
    ]);
  });

  it('Chinese headers, tab-separated, and a CSV without a name column', () => {
    expect(parseCodeList(`姓名\t代码\n王小明\t${a}\n`)).toEqual([{ name: '王小明', code: a, line: 2 }]);
    expect(parseCodeList(`code;note\n${b};late\n`)).toEqual([{ name: '', code: b, line: 2 }]);
  });

  it('parseCsv keeps empty cells and quoted delimiters', () => {
    expect(parseCsv('a,,"b,c"\n"x""y",z').map((r) => r.cells)).toEqual([
      ['a', '', 'b,c'],
      ['x"y', 'z'],
    ]);
  });
});

describe('verifyClass', () => {
  const entries: CodeEntry[] = [
    ...games.map((g, i) => ({ name: `student ${i + 1}`, code: g.code, line: i + 1 })),
    { name: 'copycat', code: games[0]!.code, line: 6 },
    { name: 'mallory', code: tamper(games[2]!.code), line: 7 },
    { name: 'lost', code: games[3]!.code.slice(0, 90), line: 8 },
    { name: 'typo', code: 'hello', line: 9 },
  ];

  it('verifies, scores against par, ranks by percentile, flags copies, reports progress', async () => {
    const progress: ClassProgress[] = [];
    const res = await verifyClass(entries, findLevel, {
      baselineCache: new Map(),
      onProgress: (p) => progress.push({ ...p }),
      sliceMs: 1,
    });
    expect(res.counts).toMatchObject({ valid: 6, tampered: 1, corrupted: 1, 'unknown-format': 1 });
    expect(res.rows).toHaveLength(entries.length);
    const valid = res.rows.filter((r) => r.status === 'valid');
    expect(res.rows.slice(0, 6)).toEqual(valid);
    for (const r of valid) {
      expect(r.percentile).not.toBeNull();
      expect(r.percentile!).toBeGreaterThanOrEqual(0);
      expect(r.percentile!).toBeLessThanOrEqual(100);
      // Par, the difference and the percentile are par.ts's for the game's world.
      const s = standingOf(r.score!, parFor(level, r.seed!, r.company!, new Map()));
      expect([r.par, r.parDifference, r.percentile]).toEqual([s.par, s.difference, s.percentile]);
      expect(r.parDifference).toBe(r.score! - r.par!);
      expect(r.decisions).not.toBeNull();
      // The score's parts: the engine's, adding up to it.
      const parts = scoreParts(level, games.find((g) => g.code === r.code)!.state);
      expect([r.equity, r.honours]).toEqual([parts.equity, parts.honours]);
      expect(r.equity! + r.honours!).toBe(r.score);
    }
    for (const r of res.rows.filter((x) => x.status !== 'valid'))
      expect([r.equity, r.honours]).toEqual([null, null]);
    const ranked = valid.filter((r) => r.duplicateOf === null);
    for (let i = 1; i < ranked.length; i++) {
      const [p, q] = [ranked[i - 1]!, ranked[i]!];
      expect(p.percentile! > q.percentile! || (p.percentile === q.percentile && p.score! >= q.score!)).toBe(
        true,
      );
      expect(q.rank!).toBeGreaterThanOrEqual(p.rank!);
    }
    // The copy is listed right after the first submission of its game, without a rank of its own;
    // the five games are ranked 1 to 5.
    const copy = res.rows.find((r) => r.name === 'copycat')!;
    expect(copy.duplicateOf).toBe(0);
    expect(copy.rank).toBeNull();
    const first = res.rows.findIndex((r) => r.name === 'student 1');
    expect(res.rows[first + 1]).toBe(copy);
    expect(valid.filter((r) => r !== copy).map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(res.rows.find((r) => r.name === 'mallory')).toMatchObject({
      status: 'tampered',
      rank: null,
      company: 'moonshot',
    });
    expect(res.rows.find((r) => r.name === 'typo')).toMatchObject({
      status: 'unknown-format',
      company: null,
    });
    // Progress: first every code read once, then one monotone scale that ends at its total.
    const read = progress.filter((p) => p.phase === 'read');
    expect(read.map((p) => p.done)).toEqual(entries.map((_, i) => i + 1));
    expect(read.every((p) => p.total === entries.length)).toBe(true);
    expect(progress.slice(0, read.length)).toEqual(read);
    const work = progress.slice(read.length);
    expect(work.length).toBeGreaterThan(entries.length);
    for (let i = 1; i < work.length; i++) {
      expect(work[i]!.done).toBeGreaterThanOrEqual(work[i - 1]!.done);
      expect(work[i]!.total).toBe(work[0]!.total);
    }
    const last = work[work.length - 1]!;
    expect(last).toEqual({ phase: 'done', done: last.total, total: entries.length + 4 * PAR_RUNS });
  });

  it('without percentiles ranks by score; a shared cache skips the baselines next time', async () => {
    const res = await verifyClass(entries, findLevel, { percentiles: false, sliceMs: 0 });
    const valid = res.rows.filter((r) => r.status === 'valid');
    for (let i = 1; i < valid.length; i++)
      expect(valid[i - 1]!.score!).toBeGreaterThanOrEqual(valid[i]!.score!);
    expect(valid.every((r) => r.percentile === null && r.par === null && r.parDifference === null)).toBe(
      true,
    );

    const cache = new Map();
    await verifyClass(entries.slice(0, 2), findLevel, { baselineCache: cache, sliceMs: 0 });
    expect(cache.size).toBe(1);
    let total = -1;
    await verifyClass(entries.slice(0, 2), findLevel, {
      baselineCache: cache,
      onProgress: (p) => {
        total = p.total;
      },
    });
    expect(total).toBe(2);
  });

  it('a baseline service computes the worlds while the codes are verified; bad or failed answers are redone here', async () => {
    const plain = await verifyClass(entries, findLevel, {
      baselineCache: new Map(),
      sliceMs: 0,
    });
    expect(plain.baselines).toEqual({ elsewhere: 0, here: 4, failed: 0 });
    const asked: string[] = [];
    let askedWhenVerifying = -1;
    const service: BaselineService = async (w, ran) => {
      asked.push(w.company);
      await new Promise((resolve) => setTimeout(resolve, 1));
      // Runs played are told as they go (the bar moves); a crash after ten runs leaves the rest
      // of that world to be counted once, when the page has played it.
      for (let k = 1; k < (w.company === 'moonshot' ? 11 : PAR_RUNS); k++) ran?.(k);
      if (w.company === 'moonshot') throw new Error('the worker crashed');
      if (w.company === 'minimax') return [3, 2, 1]; // not the PAR_RUNS reference scores
      return referenceScores(findLevel(w.levelId)!, w.seed, w.company);
    };
    const progress: ClassProgress[] = [];
    const res = await verifyClass(entries, findLevel, {
      baselineCache: new Map(),
      sliceMs: 0,
      baselineService: service,
      onProgress: (p) => {
        if (p.phase === 'verify' && askedWhenVerifying < 0) askedWhenVerifying = asked.length;
        progress.push({ ...p });
      },
    });
    // Every world asked for once, all before the first code is verified.
    expect(asked.sort()).toEqual(['minimax', 'moonshot', 'stepfun', 'zhipu']);
    expect(askedWhenVerifying).toBe(4);
    expect(res.baselines).toEqual({ elsewhere: 2, here: 2, failed: 0 });
    // The same table as computing everything here: same percentiles, same ranks.
    expect(res.rows).toEqual(plain.rows);
    const work = progress.filter((p) => p.phase !== 'read');
    for (let i = 1; i < work.length; i++) expect(work[i]!.done).toBeGreaterThanOrEqual(work[i - 1]!.done);
    for (const p of work) expect(p.done).toBeLessThanOrEqual(p.total);
    expect(work[work.length - 1]).toEqual({
      phase: 'done',
      done: entries.length + 4 * PAR_RUNS,
      total: entries.length + 4 * PAR_RUNS,
    });
  });

  it('once its codes are verified, the page takes back the worlds nobody has started and plays them itself', async () => {
    const plain = await verifyClass(entries, findLevel, { baselineCache: new Map(), sliceMs: 0 });
    // A queue with one slow thread: it starts the first world asked for and nothing else until
    // that one is answered, so the others are still waiting when the page is free.
    const queue: { world: BaselineWorld; resolve: (s: number[]) => void; reject: (e: Error) => void }[] = [];
    const asked: string[] = [];
    const started: string[] = [];
    const withdrawn: string[] = [];
    const service: BaselineService = Object.assign(
      (world: BaselineWorld) =>
        new Promise<readonly number[]>((resolve, reject) => {
          asked.push(world.company);
          queue.push({ world, resolve, reject });
          if (queue.length === 1) {
            started.push(world.company);
            setTimeout(() => {
              const w = queue.shift()!;
              w.resolve(referenceScores(findLevel(w.world.levelId)!, w.world.seed, w.world.company));
            }, 5);
          }
        }),
      {
        withdraw: (world: BaselineWorld) => {
          const k = queue.findIndex((q, i) => i > 0 && q.world.company === world.company);
          if (k < 0) return false;
          withdrawn.push(world.company);
          queue.splice(k, 1)[0]!.reject(new Error('withdrawn'));
          return true;
        },
      },
    );
    const res = await verifyClass(entries, findLevel, {
      baselineCache: new Map(),
      sliceMs: 0,
      baselineService: service,
    });
    expect(started).toHaveLength(1);
    // The three worlds never started were taken back, the last asked for first.
    expect(asked).toHaveLength(4);
    expect(started).toEqual(asked.slice(0, 1));
    expect(withdrawn).toEqual(asked.slice(1).reverse());
    expect(res.baselines).toEqual({ elsewhere: 1, here: 3, failed: 0 });
    expect(res.rows).toEqual(plain.rows);
  });

  it('hands control back within a long code, not only between codes', async () => {
    // A fake clock that moves a whole slice on each look: every chance to yield is taken, so the
    // pauses counted are the places where verifyClass can hand control back.
    let clock = 0;
    let phase = '';
    const pauses: string[] = [];
    const scheduler: Scheduler = {
      now: () => (clock += 30),
      pause: async () => {
        pauses.push(phase);
      },
    };
    const long = paddedGame(level, SEED, 'zhipu', 'balanced');
    const res = await verifyClass([{ name: 'long', code: long.code, line: 1 }], findLevel, {
      percentiles: false,
      sliceMs: 30,
      scheduler,
      onProgress: (p) => {
        phase = p.phase;
      },
    });
    expect(res.counts.valid).toBe(1);
    const verifying = pauses.filter((p) => p === 'verify').length;
    expect(verifying).toBeGreaterThanOrEqual(Math.floor(long.log.length / VERIFY_STEP_COMMANDS) - 1);
  });

  it('stops when aborted', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(verifyClass(entries, findLevel, { signal: ctl.signal })).rejects.toThrow();
  });

  it('stops at once when aborted while waiting for a baseline from elsewhere', async () => {
    const ctl = new AbortController();
    let asked = 0;
    const never: BaselineService = () => {
      asked++;
      return new Promise(() => {});
    };
    const run = verifyClass(entries, findLevel, {
      baselineCache: new Map(),
      baselineService: never,
      signal: ctl.signal,
      sliceMs: 0,
      onProgress: (p) => {
        if (p.phase === 'done') throw new Error('should not finish');
      },
    });
    setTimeout(() => ctl.abort(), 50);
    await expect(run).rejects.toThrow();
    expect(asked).toBe(4);
  });
});

describe('key decisions', () => {
  it('average pretraining share, price vs market in 2024Q3, funding raised', () => {
    const g = games[4]!;
    const d = keyDecisions(level, g.state);
    const me = g.state.history.map((h) => h.companies.find((c) => c.id === 'stepfun')!);
    expect(d.avgPretrainingShare).toBeCloseTo(me.reduce((s, c) => s + c.pretrainingShare, 0) / me.length, 12);
    const q3 = g.state.history.find((h) => h.quarter === '2024Q3');
    if (q3) {
      const c = q3.companies.find((x) => x.id === 'stepfun')!;
      expect(d.priceRatio).toBeCloseTo(c.apiPrice / q3.marketApiPrice, 12);
      expect(['undercut', 'matched', 'premium']).toContain(d.priceWarResponse);
    }
    expect(d.fundingRaised).toBe(g.state.startups.find((s) => s.id === 'stepfun')!.raisedTotal);
  });
});

/** A row of the table as verifyClass makes it, with the given fields. */
const row = (over: Partial<ClassRow>): ClassRow => ({
  index: 0,
  line: 1,
  name: '',
  code: 'ST2.x',
  status: 'valid',
  message: 'ok',
  reason: null,
  baselineError: null,
  levelId: 'historical-2023',
  levelVersion: 1,
  seed: 7,
  company: 'zhipu',
  ending: 'made-it',
  endQuarter: '2025Q2',
  madeItQuarter: '2025Q2',
  playedOn: false,
  score: 1234,
  equity: 1034,
  honours: 200,
  par: 1000,
  parDifference: 234,
  percentile: 87.5,
  rank: 1,
  decisions: null,
  finalHash: 'abc',
  forkedFrom: null,
  duplicateOf: null,
  ...over,
});

describe('worlds, duplicates and ranks', () => {
  // Seed 7 is the assignment (three codes); one student played seed 8, another a different level.
  const class7 = [
    row({ index: 0, line: 2, name: 'Ann', seed: 7, percentile: 50, score: 500, finalHash: 'a' }),
    row({ index: 1, line: 3, name: 'Bo', seed: 8, percentile: 99, score: 900, finalHash: 'b' }),
    row({ index: 2, line: 4, name: 'Cy', seed: 7, percentile: 90, score: 800, finalHash: 'c' }),
    row({ index: 3, line: 5, name: 'Di', seed: 7, percentile: 70, score: 700, finalHash: 'd' }),
    row({ index: 4, line: 6, name: 'Ed', status: 'tampered', seed: 9, ending: null, percentile: null }),
  ];

  it('counts the worlds of the valid codes, the biggest first; refused codes do not count', () => {
    expect(classWorlds(class7)).toEqual([
      { levelId: 'historical-2023', levelVersion: 1, seed: 7, codes: 3 },
      { levelId: 'historical-2023', levelVersion: 1, seed: 8, codes: 1 },
    ]);
    expect(mixedWorlds(class7)).toBe(true);
    const oneSeed = class7.filter((r) => r.seed !== 8);
    expect(mixedWorlds(oneSeed)).toBe(false);
    expect(classWorlds(oneSeed)).toHaveLength(1);
    // Another level on the same seed is another world.
    expect(mixedWorlds([...oneSeed, row({ index: 9, seed: 7, levelId: 'attrition' })])).toBe(true);
  });

  it('ranks each world’s games among themselves, the biggest world first, refused codes last', () => {
    const ranked = rankRows(class7);
    expect(ranked.map((r) => [r.name, r.seed, r.rank])).toEqual([
      ['Cy', 7, 1],
      ['Di', 7, 2],
      ['Ann', 7, 3],
      ['Bo', 8, 1],
      ['Ed', 9, null],
    ]);
    // One world: one ranking, as before.
    expect(rankRows(class7.filter((r) => r.seed !== 8)).map((r) => r.rank)).toEqual([1, 2, 3, null]);
  });

  it('lists a duplicate under the first submission of its game, without a rank of its own', () => {
    const copies = [
      ...class7,
      row({
        index: 5,
        line: 8,
        name: 'Fay',
        seed: 7,
        percentile: 90,
        score: 800,
        finalHash: 'c',
        duplicateOf: 2,
      }),
      row({
        index: 6,
        line: 9,
        name: 'Gus',
        seed: 7,
        percentile: 50,
        score: 500,
        finalHash: 'a',
        duplicateOf: 0,
      }),
    ];
    const ranked = rankRows(copies);
    expect(ranked.map((r) => [r.name, r.rank])).toEqual([
      ['Cy', 1],
      ['Fay', null],
      ['Di', 2],
      ['Ann', 3],
      ['Gus', null],
      ['Bo', 1],
      ['Ed', null],
    ]);
    // The CSV: no rank, and the line of the first submission.
    const table = parseCsv(classCsv(ranked).slice(1)).map((r) => r.cells);
    const col = (c: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(c);
    const fay = table.find((r) => r[col('name')] === 'Fay')!;
    expect([fay[col('rank')], fay[col('duplicate of line')]]).toEqual(['', '4']);
  });

  it('finds the row of the game a fork was made from', () => {
    const fork = row({ index: 7, name: 'Hal', finalHash: 'h', forkedFrom: { parentHash: 'c', turn: 5 } });
    expect(forkParentOf([...class7, fork], fork)?.name).toBe('Cy');
    expect(forkParentOf(class7, { ...fork, forkedFrom: { parentHash: 'zz', turn: 5 } })).toBeNull();
    expect(forkParentOf(class7, class7[0]!)).toBeNull();
  });
});

describe('CSV export', () => {
  it('starts with a UTF-8 BOM, uses CRLF, and escapes commas, quotes and newlines in names', () => {
    const names = ['王小明', 'Li, Wei', 'Zhang "Z" San', 'Multi\nLine', '=HYPERLINK("x")'];
    const csv = classCsv(
      rankRows(names.map((name, i) => row({ index: i, line: i + 2, name, score: 100 - i }))),
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"Li, Wei"');
    expect(csv).toContain('"Zhang ""Z"" San"');
    expect(csv).toContain('"Multi\nLine"');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const parsed = parseCsv(csv.slice(1));
    expect(parsed[0]!.cells).toEqual([...CSV_COLUMNS]);
    const nameCol = CSV_COLUMNS.indexOf('name');
    expect(parsed.slice(1).map((r) => r.cells[nameCol])).toEqual([
      '王小明',
      'Li, Wei',
      'Zhang "Z" San',
      'Multi\nLine',
      '\'=HYPERLINK("x")',
    ]);
    // The exported file reads back as a code list with the same names.
    expect(parseCodeList(csv).map((e) => e.name)).toEqual(parsed.slice(1).map((r) => r.cells[nameCol]));
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('keeps every column where it was and adds the score parts at the end, adding up to the score', async () => {
    // The contract: columns may be added, never moved, renamed or dropped.
    expect(CSV_COLUMNS.slice(0, 23)).toEqual([
      'rank',
      'name',
      'status',
      'company',
      'ending',
      'end quarter',
      'score (万元)',
      'par (万元)',
      'par difference (万元)',
      'percentile among par runs',
      'avg pretraining share %',
      'API price ÷ market',
      'price-war response',
      'price-war card choice',
      'funding raised (万元)',
      'level',
      'seed',
      'forked from',
      'duplicate of line',
      'message',
      'final hash',
      'code',
      'line',
    ]);
    expect(CSV_COLUMNS.slice(23, 25)).toEqual(['equity (万元)', 'honours (万元)']);
    const entries = [
      ...games.map((g, i) => ({ name: `s${i}`, code: g.code, line: i + 1 })),
      { name: 'typo', code: 'hello', line: 9 },
    ];
    const res = await verifyClass(entries, findLevel, { percentiles: false, sliceMs: 0 });
    const table = parseCsv(classCsv(res.rows).slice(1)).map((r) => r.cells);
    const col = (c: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(c);
    for (const line of table.slice(1)) {
      const g = games.find((x) => x.code === line[col('code')]);
      if (!g) {
        expect([line[col('equity (万元)')], line[col('honours (万元)')]]).toEqual(['', '']);
        continue;
      }
      const parts = scoreParts(level, g.state);
      expect(line[col('equity (万元)')]).toBe(String(parts.equity));
      expect(line[col('honours (万元)')]).toBe(String(parts.honours));
      expect(Number(line[col('equity (万元)')]) + Number(line[col('honours (万元)')])).toBe(
        Number(line[col('score (万元)')]),
      );
    }
    expect(table.slice(1).some((l) => Number(l[col('honours (万元)')]) > 0)).toBe(true);
  });

  it('says when a game made it and whether it played on: the ending is then what came later', async () => {
    expect(CSV_COLUMNS.slice(25)).toEqual(['made it in', 'played on']);
    const attrition = getLevel('attrition');
    const made = madeItGames(attrition, [1], ['balanced'], 2, 1)[0]!;
    const on = playedOnByAutopilot(made);
    const never = playGame(level, 42, 'moonshot', 'overseas-first');
    expect(never.state.ending!.kind).not.toBe('made-it');
    const madeQuarter = quarterLabel(attrition, made.state.ending!.turn);
    const entries = [
      { name: 'made', code: replayCodeOf(attrition, made.state, made.log), line: 2 },
      { name: 'on', code: replayCodeOf(attrition, on.state, on.log), line: 3 },
      { name: 'never', code: replayCodeOf(level, never.state, never.log), line: 4 },
      { name: 'typo', code: 'hello', line: 5 },
    ];
    const res = await verifyClass(entries, findLevel, { percentiles: false, sliceMs: 0 });
    const byName = new Map(res.rows.map((r) => [r.name, r]));
    expect(byName.get('made')).toMatchObject({
      ending: 'made-it',
      madeItQuarter: madeQuarter,
      playedOn: false,
    });
    expect(byName.get('on')).toMatchObject({
      ending: on.state.ending!.kind,
      endQuarter: quarterLabel(attrition, on.state.ending!.turn),
      madeItQuarter: madeQuarter,
      playedOn: true,
    });
    expect(byName.get('on')!.ending).not.toBe('made-it');
    expect(byName.get('never')).toMatchObject({ madeItQuarter: null, playedOn: false });
    expect(byName.get('typo')).toMatchObject({ madeItQuarter: null, playedOn: null });
    const table = parseCsv(classCsv(res.rows).slice(1)).map((r) => r.cells);
    const col = (c: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(c);
    const cells = (name: string) => {
      const line = table.find((l) => l[col('name')] === name)!;
      return [line[col('ending')], line[col('made it in')], line[col('played on')]];
    };
    expect(cells('made')).toEqual(['made-it', madeQuarter, 'no']);
    expect(cells('on')).toEqual([on.state.ending!.kind, madeQuarter, 'yes']);
    expect(cells('never')).toEqual([never.state.ending!.kind, '', 'no']);
    expect(cells('typo')).toEqual(['', '', '']);
  });

  it('csvField leaves negative numbers alone and quotes only when needed', () => {
    expect(csvField(-12, false)).toBe('-12');
    expect(csvField('-12')).toBe("'-12");
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
    expect(csvField('a;b')).toBe('"a;b"');
  });
});
