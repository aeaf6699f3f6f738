// One number everywhere: the same replay code gets the same par, par difference and percentile on
// the ending screen (standingFor, src/app/par.ts), in the instructor view (verifyClass with its
// worlds played by the Web Worker's entry point, src/app/baseline-worker.ts answer), and from
// `npm run verify -- --rank --csv` (a real spawn: its printed line, its CSV and its JSON); and the
// same parts of the score (the engine's scoreParts: equity + honours) in the view's rows, the CSV and the JSON.
// A game that made it and played on is compared with the same par as any game of its world.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { BaselineJob } from '../src/app/baseline-worker';
import { answer } from '../src/app/baseline-worker';
import { findLevel, getLevel } from '../src/app/levels';
import { standingFor } from '../src/app/par';
import { replayCodeOf } from '../src/app/replay-code';
import type { BaselineService, ClassRow } from '../src/app/verify';
import { type CSV_COLUMNS, parseCsv, verifyClass } from '../src/app/verify';
import type { Command, GameState, Level, PolicyName, Standing } from '../src/engine/index';
import { playerOf, playGame, quarterLabel, scoreParts } from '../src/engine/index';
import { madeItGames, playedOnByAutopilot } from './helpers';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const level = getLevel('historical-2023');

// Three worlds; two games share one, so the memo is exercised too.
const GAMES: { name: string; seed: number; company: string; policy: PolicyName; variant: number }[] = [
  { name: 'Ann', seed: 12, company: 'zhipu', policy: 'overseas-first', variant: 0 },
  { name: 'Bo', seed: 12, company: 'zhipu', policy: 'random', variant: 3 },
  { name: 'Cai', seed: 40, company: 'moonshot', policy: 'enterprise-first', variant: 0 },
  { name: 'Dee', seed: 7, company: '01ai', policy: 'balanced', variant: 0 },
];
const gameOf = (lv: Level, name: string, state: GameState, log: Command[]) => {
  const parts = scoreParts(lv, state);
  return {
    name,
    level: lv,
    seed: state.seed,
    company: state.playerId,
    score: state.ending!.score,
    equity: parts.equity,
    honours: parts.honours,
    code: replayCodeOf(lv, state, log),
  };
};
// Eve made it on attrition and played on: a fourth world, graded against its par like any game.
const attrition = getLevel('attrition');
const eve = playedOnByAutopilot(madeItGames(attrition, [1], ['balanced'], 2, 1)[0]!);
const played = [
  ...GAMES.map((g) => {
    const { state, log } = playGame(level, g.seed, g.company, g.policy, g.variant);
    return gameOf(level, g.name, state, log);
  }),
  gameOf(attrition, 'Eve', eve.state, eve.log),
];

/** The ending screen's numbers for each game (a fresh memo, so nothing is shared with the rest). */
const ending = new Map<string, Standing>(
  played.map((g) => [g.name, standingFor(g.level, g.seed, g.company, g.score, new Map())!]),
);

const dir = mkdtempSync(join(tmpdir(), 'six-tigers-par-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function verifyCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      ['scripts/verify.ts', ...args],
      { cwd: ROOT, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        const code = err && typeof err.code === 'number' ? err.code : err ? 1 : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('the same par, par difference and percentile for the same code', () => {
  it('the ending screen computes them with standingFor', () => {
    // The scene must use the function checked here, not a copy of it.
    const scene = readFileSync(join(ROOT, 'src/view/scenes/Ending.ts'), 'utf8');
    expect(scene).toContain('standingFor(level, setup.seed, setup.company, score)');
    for (const s of ending.values()) {
      expect(Number.isInteger(s.par)).toBe(true);
      expect(s.percentile).toBeGreaterThanOrEqual(0);
      expect(s.percentile).toBeLessThanOrEqual(100);
    }
  });

  it('the instructor view, its worlds played by the worker entry point, gives the same', async () => {
    const jobs: BaselineJob[] = [];
    const service: BaselineService = async (w) => {
      const job = { id: jobs.length + 1, ...w };
      jobs.push(job);
      // Through structured cloning, as a message between threads would be.
      const a = structuredClone(answer(structuredClone(job)));
      if (!a.ok) throw new Error(a.error);
      return a.scores;
    };
    const res = await verifyClass(
      played.map((g, i) => ({ name: g.name, code: g.code, line: i + 1 })),
      findLevel,
      { baselineService: service, baselineCache: new Map(), sliceMs: 0 },
    );
    expect(res.baselines).toEqual({ elsewhere: 4, here: 0, failed: 0 });
    expect(jobs).toHaveLength(4);
    for (const g of played) {
      const row = res.rows.find((r) => r.name === g.name) as ClassRow;
      const s = ending.get(g.name)!;
      expect([row.par, row.parDifference, row.percentile], g.name).toEqual([
        s.par,
        s.difference,
        s.percentile,
      ]);
      expect([row.score, row.equity, row.honours], g.name).toEqual([g.score, g.equity, g.honours]);
    }
  });

  it('`verify --rank --csv` prints and writes the same', async () => {
    const list = join(dir, 'class.csv');
    const out = join(dir, 'ranked.csv');
    writeFileSync(list, ['name,code', ...played.map((g) => `${g.name},${g.code}`)].join('\n'));
    const [text, json] = await Promise.all([
      verifyCli([list, '--rank', '--csv', out]),
      verifyCli([list, '--rank', '--json']),
    ]);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    const table = parseCsv(readFileSync(out, 'utf8').slice(1)).map((r) => r.cells);
    const col = (c: (typeof CSV_COLUMNS)[number]) => table[0]!.indexOf(c);
    for (const g of played) {
      const s = ending.get(g.name)!;
      const line = table.find((r) => r[col('name')] === g.name)!;
      expect(line[col('score (万元)')]).toBe(String(g.score));
      expect(line[col('par (万元)')], g.name).toBe(String(s.par));
      expect(line[col('par difference (万元)')], g.name).toBe(String(s.difference));
      expect(Number(line[col('percentile among par runs')]), g.name).toBe(s.percentile);
      expect([line[col('equity (万元)')], line[col('honours (万元)')]], g.name).toEqual([
        String(g.equity),
        String(g.honours),
      ]);
      const printed = text.stdout.split('\n').find((l) => l.includes(` ${g.name} `))!;
      const sign = s.difference >= 0 ? '+' : '';
      expect(printed, g.name).toContain(`par difference ${sign}${s.difference} (par ${s.par})`);
      expect(printed, g.name).toContain(`percentile ${s.percentile.toFixed(1)}`);
    }
    // The played-on game's line and CSV row say when it made it; its ending is the later one.
    const eveLine = text.stdout.split('\n').find((l) => l.includes(' Eve '))!;
    const madeIn = quarterLabel(attrition, playerOf(eve.state).madeItTurn!);
    expect(eveLine).toContain(
      `${eve.state.ending!.kind} in ${quarterLabel(attrition, eve.state.ending!.turn)}`,
    );
    expect(eveLine).toContain(`made it in ${madeIn}, played on`);
    const eveRow = table.find((r) => r[col('name')] === 'Eve')!;
    expect([eveRow[col('ending')], eveRow[col('made it in')], eveRow[col('played on')]]).toEqual([
      eve.state.ending!.kind,
      madeIn,
      'yes',
    ]);
    const rows = (JSON.parse(json.stdout) as { rows: ClassRow[] }).rows;
    for (const g of played) {
      const s = ending.get(g.name)!;
      const row = rows.find((r) => r.name === g.name)!;
      expect([row.par, row.parDifference, row.percentile], g.name).toEqual([
        s.par,
        s.difference,
        s.percentile,
      ]);
      expect([row.score, row.equity, row.honours], g.name).toEqual([g.score, g.equity, g.honours]);
    }
    // Some of these games were granted an honour, so the columns are not all equity.
    expect(played.some((g) => g.honours > 0 && g.equity + g.honours === g.score)).toBe(true);
  });

  it('`verify --runs` is refused by name: par has a fixed size', async () => {
    const r = await verifyCli(['--runs', '30', played[0]!.code]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^verify: --runs is gone: par is always 25 reference runs/);
  });
});
