// The streaming verifier behind `npm run verify` must give the very rows, ranks and CSV that
// verifyClass / rankRows / classCsv give for the whole class at once (the instructor screen's
// path), while verifying each distinct code once and remembering a bounded number of codes.

import { describe, expect, it } from 'vitest';
import { ClassStream, Memo } from '../scripts/verify-stream';
import { findLevel, getLevel } from '../src/app/levels';
import { decodeReplay, encodeReplay, replayCodeOf, verifyReplay } from '../src/app/replay-code';
import type { ClassRow, CodeEntry } from '../src/app/verify';
import { CSV_HEADER, classCsv, csvRow, verifyClass } from '../src/app/verify';
import { applyCommand, createGame, playGame } from '../src/engine/index';

const level = getLevel('historical-2023');

const games = (
  [
    [3, 'zhipu', 'balanced'],
    [3, 'moonshot', 'overseas-first'],
    [4, 'minimax', 'enterprise-first'],
  ] as const
).map(([seed, company, policy]) => {
  const g = playGame(level, seed, company, policy);
  return replayCodeOf(level, g.state, g.log);
});

/** A code exported after three quarters. */
const unfinished = (() => {
  const g = playGame(level, 5, 'stepfun', 'balanced');
  const created = createGame(level, 5, 'stepfun');
  if (!created.ok) throw new Error(created.error.message);
  let state = created.state;
  const log = [];
  for (const cmd of g.log) {
    if (state.history.length === 3) break;
    const r = applyCommand(level, state, cmd);
    if (!r.ok) throw new Error(r.error.message);
    state = r.state;
    log.push(cmd);
  }
  return replayCodeOf(level, state, log);
})();

const illegal = (() => {
  const d = decodeReplay(games[0]!, findLevel);
  if (!d.ok) throw new Error(d.message);
  const log = d.replay.log.slice();
  log.splice(2, 0, { type: 'plan/set-spend', amount: 10 ** 12 });
  return encodeReplay({ ...d.replay, log }, level);
})();

const entries: CodeEntry[] = [
  { name: 'Ann', code: games[0]!, line: 2 },
  { name: 'Bo', code: games[1]!, line: 3 },
  { name: 'typo', code: 'hello', line: 4 },
  { name: 'Cy', code: unfinished, line: 5 },
  { name: 'copycat', code: games[0]!, line: 7 },
  { name: 'Di', code: games[2]!, line: 8 },
  { name: 'cheat', code: illegal, line: 9 },
  { name: 'lost', code: games[1]!.slice(0, 80), line: 10 },
  { name: 'copycat 2', code: games[2]!, line: 11 },
];

function streamRows(rank: boolean): { rows: ClassRow[]; s: ClassStream } {
  const s = new ClassStream({ getLevel: findLevel, rank });
  const rows = entries.map((e) => s.add(e).row);
  return { rows, s };
}

describe('ClassStream', () => {
  it('without ranking: verifyClass’s rows, in input order, as they come (no rank yet)', async () => {
    const whole = await verifyClass(entries, findLevel, { percentiles: false, sliceMs: 0 });
    const { rows, s } = streamRows(false);
    const inOrder = [...whole.rows].sort((a, b) => a.index - b.index);
    expect(rows).toEqual(inOrder.map((r) => ({ ...r, rank: null })));
    expect(s.counts).toEqual(whole.counts);
    expect(rows.find((r) => r.name === 'copycat')?.duplicateOf).toBe(0);
    // The score's parts come along (the CSV's and --json's equity and honours), adding up to it.
    const valid = rows.filter((r) => r.status === 'valid');
    expect(valid.length).toBeGreaterThan(0);
    for (const r of valid) expect(r.equity! + r.honours!).toBe(r.score);
  });

  it('with ranking: rankRows’s order, ranks and percentiles, and classCsv’s text', async () => {
    const whole = await verifyClass(entries, findLevel, { sliceMs: 0 });
    const { s } = streamRows(true);
    await s.rankAll();
    const ranked = [...s.ranked()];
    expect(ranked.map((r) => r.row)).toEqual(whole.rows);
    expect(ranked.some((r) => r.row.percentile !== null)).toBe(true);
    const csv = CSV_HEADER + ranked.map(({ row, first }) => csvRow(row, first?.line ?? null)).join('');
    expect(csv).toBe(classCsv(whole.rows));
  });

  it('re-simulates each distinct code once, however often it comes', () => {
    let calls = 0;
    const s = new ClassStream({
      getLevel: findLevel,
      rank: false,
      verify: (code) => {
        calls++;
        return verifyReplay(code, findLevel);
      },
    });
    for (let i = 0; i < 500; i++) s.add({ name: `s${i}`, code: games[i % 3]!, line: i + 1 });
    expect(calls).toBe(3);
    expect(s.verified).toBe(3);
    expect(s.counts.valid).toBe(500);
  });

  it('a row cut for being too long is refused by name, with its length', () => {
    const s = new ClassStream({ getLevel: findLevel, rank: false });
    const { row } = s.add({
      name: 'x'.repeat(500),
      code: `ST1.${'A'.repeat(500)}`,
      line: 4,
      overlong: 2_000_000,
    });
    expect(row.status).toBe('corrupted');
    expect(row.reason).toEqual({ kind: 'too-long', chars: 2_000_000 });
    expect(row.message).toMatch(/2000000 characters/);
    expect(row.name.length).toBeLessThan(100);
    expect(row.code.length).toBeLessThan(100);
  });
});

describe('Memo', () => {
  it('holds at most two generations, keeps what is in use, forgets the rest', () => {
    const m = new Memo<number>(3, 1000);
    m.set('keep', 0);
    for (let i = 1; i <= 100; i++) {
      m.set(`c${i}`, i);
      expect(m.get('keep')).toBe(0); // in use: moved to the newer generation each time
      expect(m.size).toBeLessThanOrEqual(6);
    }
    expect(m.get('c1')).toBeUndefined();
    expect(m.get('c100')).toBe(100);
  });

  it('counts characters too: long codes age out sooner', () => {
    const m = new Memo<number>(1000, 10);
    m.set('aaaaaa', 1);
    m.set('bbbbbb', 2);
    m.set('cccccc', 3);
    expect(m.get('aaaaaa')).toBeUndefined();
    expect(m.get('cccccc')).toBe(3);
    m.set('x'.repeat(11), 4); // longer than a whole generation: never kept
    expect(m.get('x'.repeat(11))).toBeUndefined();
  });
});
