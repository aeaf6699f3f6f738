// The balance search (scripts/balance-search.ts) and the strategy it tunes (src/app/strategy.ts):
// the strategy never makes a command the rules refuse, whatever its parameters; parameter draws
// stay in their ranges and repeat; a small search in this thread keeps its held-out seeds apart,
// ends at least as good as where it started, and gives the same report twice and with two worker
// threads; `balance --quick --json` prints the documented fields.

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BalanceOptions, BalanceReport } from '../scripts/balance-search';
import { BALANCE_VERSION, QUICK_BUDGET, runBalance } from '../scripts/balance-search';
import { findLevel, getLevel, LEVEL_IDS } from '../src/app/levels';
import type { StrategyParams } from '../src/app/strategy';
import {
  AUTOPILOT_LIKE,
  checkParams,
  formatParams,
  mutate,
  NAMED_POLICIES,
  PARAM_NAMES,
  playStrategy,
  RAISE_ALWAYS,
  randomParams,
  refusals,
  STRATEGY_BOUNDS,
  strategyCommands,
  uniformSource,
} from '../src/app/strategy';
import { applyCommand, createGame, RULES_VERSION } from '../src/engine/index';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

/** Any parameter set of the search space (fast-check leans to the ends of each range). */
const paramsArb: fc.Arbitrary<StrategyParams> = fc
  .record(
    Object.fromEntries(
      PARAM_NAMES.map((name) => {
        const b = STRATEGY_BOUNDS[name];
        if (b.kind === 'choice') return [name, fc.constantFrom(...b.values)];
        if (b.kind === 'int') return [name, fc.integer({ min: b.min, max: b.max })];
        const steps = Math.round((b.max - b.min) / b.step);
        return [name, fc.integer({ min: 0, max: steps }).map((k) => b.min + k * b.step)];
      }),
    ) as Record<string, fc.Arbitrary<unknown>>,
  )
  .map((p) => p as unknown as StrategyParams);

/** Plays a game quarter by quarter, collecting every refusal of the strategy's commands. */
function refusalsOverGame(
  levelId: string,
  seed: number,
  company: string,
  params: StrategyParams,
): { refused: string[]; ending: string } {
  const level = getLevel(levelId);
  const created = createGame(level, seed, company);
  if (!created.ok) throw new Error(created.error.message);
  let state = created.state;
  for (let q = 0; state.ending === null && q < 40; q++) {
    const cmds = strategyCommands(level, state, params);
    const bad = refusals(level, state, cmds);
    if (bad.length > 0) return { refused: bad.map((b) => `${state.turn}: ${b}`), ending: 'none' };
    if (cmds.length === 0)
      return { refused: [`${state.turn}: no commands in a running game`], ending: 'none' };
    for (const c of cmds) state = applyCommand(level, state, c).state;
  }
  return state.ending === null
    ? { refused: ['the game did not end'], ending: 'none' }
    : { refused: [], ending: state.ending.kind };
}

describe('the strategy', () => {
  it('never makes a command the rules refuse, over random parameter sets, levels, companies and seeds', () => {
    const endings = new Map<string, number>();
    fc.assert(
      fc.property(
        paramsArb,
        fc.constantFrom(...LEVEL_IDS),
        fc.nat({ max: 5 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.boolean(),
        (params, levelId, k, seed, always) => {
          const level = getLevel(levelId);
          const company = level.player.companies[k % level.player.companies.length]!;
          const p = always ? { ...params, raiseBelow: RAISE_ALWAYS } : params;
          for (const s of [seed, seed + 1]) {
            const r = refusalsOverGame(levelId, s, company, p);
            expect(r.refused).toEqual([]);
            endings.set(r.ending, (endings.get(r.ending) ?? 0) + 1);
          }
        },
      ),
      { numRuns: 200, seed: 20261206 },
    );
    // The autopilot-like sets on a few historical games, so that the check also covers games that
    // make it (random sets rarely do under rules 4).
    for (const p of NAMED_POLICIES)
      for (const company of ['zhipu', 'baichuan'])
        for (const seed of [1, 2]) {
          const r = refusalsOverGame('historical-2023', seed, company, AUTOPILOT_LIKE[p]);
          expect(r.refused).toEqual([]);
          endings.set(r.ending, (endings.get(r.ending) ?? 0) + 1);
        }
    // The sets reached every kind of ending, a sale included (the strategy's last command).
    expect([...endings.keys()].sort()).toEqual(['acquired', 'made-it', 'out-of-money', 'times-up']);
  });

  it('plays the autopilot-like sets to an ending, the same twice', () => {
    const level = getLevel('historical-2023');
    for (const policy of NAMED_POLICIES) {
      const a = playStrategy(level, 7, 'minimax', AUTOPILOT_LIKE[policy]);
      const b = playStrategy(level, 7, 'minimax', AUTOPILOT_LIKE[policy]);
      expect(a.ending).toEqual(b.ending);
      expect(a.log).toEqual(b.log);
      expect(a.log.at(-1)?.type === 'quarter/end' || a.ending.kind === 'acquired').toBe(true);
    }
  });

  it('emits only what differs from the plan in force, answers first and ends the quarter last', () => {
    const level = getLevel('historical-2023');
    const created = createGame(level, 3, 'zhipu');
    if (!created.ok) throw new Error(created.error.message);
    const state = created.state;
    const cmds = strategyCommands(level, state, AUTOPILOT_LIKE.balanced);
    const answers = cmds.filter((c) => c.type === 'event/answer');
    expect(answers).toHaveLength(state.pendingEvents.length);
    expect(cmds.slice(0, answers.length)).toEqual(answers);
    expect(cmds.at(-1)).toEqual({ type: 'quarter/end' });
    // Once the plan is in force, the same state asks for no plan change again.
    let s = state;
    for (const c of cmds.slice(0, -1)) s = applyCommand(level, s, c).state;
    expect(strategyCommands(level, s, AUTOPILOT_LIKE.balanced)).toEqual([{ type: 'quarter/end' }]);
  });

  it('draws parameter sets and neighbours within their ranges, the same from the same seed', () => {
    const u = uniformSource(5, 2);
    const v = uniformSource(5, 2);
    for (let i = 0; i < 300; i++) {
      const p = randomParams(u);
      expect(randomParams(v)).toEqual(p);
      expect(checkParams(p)).toBeNull();
      const m = mutate(p, u, 0.05 + (i % 7) / 10);
      expect(mutate(p, v, 0.05 + (i % 7) / 10)).toEqual(m);
      expect(checkParams(m)).toBeNull();
      // A neighbour differs in something.
      expect(m).not.toEqual(p);
    }
    // Other streams draw other sets.
    expect(randomParams(uniformSource(5, 3))).not.toEqual(randomParams(uniformSource(5, 2)));
    for (const policy of NAMED_POLICIES) expect(checkParams(AUTOPILOT_LIKE[policy])).toBeNull();
    expect(checkParams({ ...AUTOPILOT_LIKE.balanced, runwayTarget: 40 })).toMatch(/runwayTarget/);
    expect(formatParams(AUTOPILOT_LIKE.balanced)).toMatch(
      /^pt 80%→0%@Q10 {2}runway 1.5 {2}.* raise<6×.6\/2q {2}cards balanced\+stances/,
    );
  });
});

const small: BalanceOptions = {
  levelId: 'historical-2023',
  companies: ['minimax', 'baichuan'],
  trainSeeds: [1, 2, 3, 4],
  testSeeds: [1001, 1002, 1003, 1004, 1005],
  budget: { candidates: 6, steps: 3, climbers: 2, mutants: 2 },
  searchSeed: 3,
  workers: 0,
};

describe('the search', () => {
  let first: BalanceReport;

  it('keeps its held-out seeds apart and climbs from its random-search start', async () => {
    first = await runBalance(small);
    expect(first.trainSeeds.filter((s) => first.testSeeds.includes(s))).toEqual([]);
    await expect(runBalance({ ...small, testSeeds: [4, 1001] })).rejects.toThrow(/overlap/);
    for (const c of first.companies) {
      const [best, start] = [c.best.train, c.start.train];
      expect(best.games).toBe(small.trainSeeds.length);
      expect(
        best.madeIt > start.madeIt || (best.madeIt === start.madeIt && best.meanScore >= start.meanScore),
      ).toBe(true);
      // The best so far never falls, step by step.
      const trace = c.search.trainTrace;
      // One entry for the random search, one per climbing step, then the steps after cross-seeding.
      expect(trace).toHaveLength(small.budget.steps + 1 + Math.ceil(small.budget.steps / 2));
      for (let i = 1; i < trace.length; i++) expect(trace[i]!).toBeGreaterThanOrEqual(trace[i - 1]!);
      expect(c.best.test.games).toBe(small.testSeeds.length);
      expect(c.autopilots.map((a) => a.policy)).toEqual([...NAMED_POLICIES]);
      const top = c.autopilots.find((a) => a.policy === c.bestAutopilot)!;
      for (const a of c.autopilots) expect(a.test.madeItRate).toBeLessThanOrEqual(top.test.madeItRate);
      expect(c.gapPoints).toBeCloseTo((c.best.test.madeItRate - top.test.madeItRate) * 100, 9);
      expect(c.raiseEveryQuarter.test.games).toBe(small.testSeeds.length);
    }
    // The universal matrix's diagonal is each company's own held-out figure.
    for (const row of first.universal.rows) {
      const own = first.companies.find((c) => c.company === row.from)!;
      expect(row.on.find((o) => o.company === row.from)!.madeItRate).toBe(own.best.test.madeItRate);
      for (const o of row.on) expect(o.pointsBelowBest).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives the same report twice, and with two worker threads', async () => {
    expect(await runBalance(small)).toEqual(first);
    expect(await runBalance({ ...small, workers: 2 })).toEqual(first);
  });

  it('with selection seeds, picks the finalist that does best on them, never worse there than the best climber', async () => {
    const selectSeeds = [5, 6, 7];
    await expect(runBalance({ ...small, selectSeeds: [4, 5] })).rejects.toThrow(/selection seeds overlap/);
    await expect(runBalance({ ...small, selectSeeds: [5, 1001] })).rejects.toThrow(/selection seeds overlap/);
    const sel = await runBalance({ ...small, selectSeeds });
    expect(sel.selectSeeds).toEqual(selectSeeds);
    expect(sel.finalists).toBe(8);
    expect(first.selectSeeds).toEqual([]);
    expect(first.finalists).toBe(0);
    const level = getLevel('historical-2023');
    const onSelect = (company: string, p: StrategyParams) => {
      const rs = selectSeeds.map((seed) => playStrategy(level, seed, company, p));
      return { madeIt: rs.filter((r) => r.madeIt).length, scoreSum: rs.reduce((a, r) => a + r.score, 0) };
    };
    sel.companies.forEach((c, i) => {
      const plain = first.companies[i]!;
      expect(plain.best.select.games).toBe(0);
      expect(c.best.select.games).toBe(selectSeeds.length);
      expect(c.best.train.games).toBe(small.trainSeeds.length);
      // The same search up to the selection: the best climber is one of the finalists.
      expect(c.search).toEqual(plain.search);
      const mine = onSelect(c.company, c.best.params);
      expect(mine.madeIt).toBe(c.best.select.madeIt);
      const climber = onSelect(c.company, plain.best.params);
      expect(
        mine.madeIt > climber.madeIt || (mine.madeIt === climber.madeIt && mine.scoreSum >= climber.scoreSum),
      ).toBe(true);
    });
  });

  it('searched alone, a company gets no cross-seeding and does no better on its training seeds', async () => {
    // Cross-seeding tries the other companies' best sets as starts, so searching more companies
    // together can only add candidates: alone, a company's training figure is never better.
    const alone = await runBalance({ ...small, companies: ['baichuan'] });
    const both = first.companies.find((c) => c.company === 'baichuan')!;
    expect(alone.companies[0]!.search.trainTrace).toHaveLength(small.budget.steps + 1);
    const [a, b] = [alone.companies[0]!.best.train, both.best.train];
    expect(b.madeIt > a.madeIt || (b.madeIt === a.madeIt && b.meanScore >= a.meanScore)).toBe(true);
  });
});

describe('npm run balance', () => {
  it('--quick --json prints the documented fields', async () => {
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        TSX,
        ['scripts/balance.ts', '--quick', '--json', '--companies', 'moonshot,01ai', '--workers', '0'],
        { cwd: ROOT },
        (err, stdout) => (err ? reject(err) : resolve(stdout)),
      ),
    );
    const doc = JSON.parse(out) as BalanceReport;
    expect(doc.balanceVersion).toBe(BALANCE_VERSION);
    expect(doc.rulesVersion).toBe(RULES_VERSION);
    expect(doc.level).toBe('historical-2023');
    expect(doc.levelVersion).toBe(findLevel('historical-2023')!.version);
    expect(doc.budget).toEqual(QUICK_BUDGET);
    expect(doc.trainSeeds).toEqual([1, 2, 3, 4, 5, 6]);
    expect(doc.testSeeds).toEqual([1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010]);
    expect(doc.companies.map((c) => c.company)).toEqual(['moonshot', '01ai']);
    for (const c of doc.companies) {
      expect(checkParams(c.best.params)).toBeNull();
      expect(c.best.summary).toBe(formatParams(c.best.params));
      for (const f of [
        c.best.train,
        c.best.test,
        c.start.train,
        c.raiseEveryQuarter.test,
        ...c.autopilots.map((a) => a.test),
      ]) {
        expect(Object.keys(f).sort()).toEqual(['endings', 'games', 'madeIt', 'madeItRate', 'meanScore']);
        expect(Object.values(f.endings).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      }
      expect(typeof c.gapPoints).toBe('number');
      expect(typeof c.raiseEveryQuarter.better).toBe('boolean');
    }
    expect(doc.universal.withinPoints).toBe(10);
    expect(doc.universal.rows.map((r) => r.on.length)).toEqual([2, 2]);
    expect(doc.universal.any).toBe(doc.universal.rows.some((r) => r.universal));
    expect(doc.raiseEveryQuarter.any).toBe(doc.raiseEveryQuarter.betterFor.length > 0);
    expect(doc.pretrainingFirst.map((p) => p.company)).toEqual(['moonshot', '01ai']);
    expect(doc.games).toBeGreaterThan(0);
    // docs/balance.md names every field of the report and every parameter.
    const docs = readFileSync(new URL('../docs/balance.md', import.meta.url), 'utf8');
    const c = doc.companies[0]!;
    const fields = [
      ...Object.keys(doc),
      ...Object.keys(c),
      ...Object.keys(c.best),
      ...Object.keys(c.search),
      ...Object.keys(c.best.test),
      ...Object.keys(doc.universal),
      ...Object.keys(doc.universal.rows[0]!),
      ...Object.keys(doc.universal.rows[0]!.on[0]!),
    ];
    for (const f of new Set([...fields, ...PARAM_NAMES])) expect(docs, f).toMatch(new RegExp(`\\b${f}\\b`));
  });
});
