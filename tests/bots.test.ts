// The bot interface (docs/bots.md): the view, the runner's rules (rejections, the call cap, what
// ends a run), the example bots, and the CLIs' contract for bots (the report's shape, exit codes,
// one line on stderr). The runner is pure and plays in-process; the CLI spawns (~2 s each) are few
// and started in parallel.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runBotSim } from '../scripts/bot-host';
import { findBotFile } from '../scripts/bot-load';
import type { BotView } from '../src/app/bot-api';
import { BOT_API_VERSION, MAX_BOT_CALLS_PER_QUARTER, MAX_BOT_COMMANDS_PER_QUARTER } from '../src/app/bot-api';
import { botGame, playBotGame } from '../src/app/bot-runner';
import { botView } from '../src/app/bot-view';
import { findLevel, getLevel } from '../src/app/levels';
import { verifyReplay } from '../src/app/replay-code';
import { formatSimTable, simReport } from '../src/app/sim-report';
import { createGame, playGame, quarterLabel } from '../src/engine/index';
import type { GameState } from '../src/engine/types';
import { budget } from './fuzz';
import { commandArb, resolveCommand } from './helpers';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const level = getLevel('historical-2023');
const SEED = 42;
const COMPANY = 'moonshot';

type Decide = (view: BotView) => unknown;

/** An example bot, imported as a student's bot would be (a plain module). */
async function exampleBot(name: string): Promise<Decide> {
  const mod = (await import(new URL(`../examples/bots/${name}`, import.meta.url).href)) as { decide: Decide };
  return mod.decide;
}
const marketFollower = await exampleBot('market-follower.mjs');
const runwayRaiser = await exampleBot('runway-raiser.mjs');

/** Bots that fail, written to a temporary folder (one is not even JavaScript). */
const FIXTURES = mkdtempSync(join(tmpdir(), 'six-tigers-bots-'));
const ANSWER = `const answers = (view) => view.events.map((e) => ({ type: 'event/answer', eventId: e.id, choiceId: e.choices[0].id }));`;
const fixtureBots: Record<string, string> = {
  'loops.mjs': `${ANSWER}\nexport function decide(view) {\n  if (view.quarter.turn === 1) for (;;) {}\n  return answers(view);\n}\n`,
  'throws.mjs': `${ANSWER}\nexport function decide(view) {\n  if (view.quarter.turn === 2) return view.nothing.here;\n  return answers(view);\n}\n`,
  'silent.mjs': 'export function decide() {\n  return [];\n}\n',
  'no-decide.mjs': 'export function choose() {\n  return [];\n}\n',
  'not-a-module.mjs': 'this is not JavaScript {\n',
};
for (const [name, text] of Object.entries(fixtureBots)) writeFileSync(join(FIXTURES, name), text);
const fixture = (name: string) => join(FIXTURES, name);
afterAll(() => rmSync(FIXTURES, { recursive: true, force: true }));

/** Answers every waiting card with its first choice. */
const answerAll = (view: BotView) =>
  view.events.map((e) => ({ type: 'event/answer', eventId: e.id, choiceId: e.choices[0]!.id }));

function play(decide: Decide, seed = SEED, company = COMPANY) {
  return playBotGame(level, seed, company, decide);
}

function expectVerifies(state: GameState, code: string) {
  const v = verifyReplay(code, findLevel);
  expect(v.status, v.message).toBe('valid');
  if (v.status === 'valid')
    expect(v.finalHash).toBe(simReport(level, state, { seed: 0, company: '', policy: '' }).finalHash);
}

/** Every object in the tree is frozen. */
function deepFrozen(x: unknown): boolean {
  if (typeof x !== 'object' || x === null) return true;
  return Object.isFrozen(x) && Object.values(x).every(deepFrozen);
}

/** Every key name in an object tree (array indices left out). */
function keyNames(x: unknown, out = new Set<string>()): Set<string> {
  if (typeof x !== 'object' || x === null) return out;
  for (const [k, v] of Object.entries(x)) {
    if (!Array.isArray(x)) out.add(k);
    keyNames(v, out);
  }
  return out;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function spawnTsx(script: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(TSX, [script, ...args], { cwd: ROOT, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const sim = (...args: string[]) =>
  spawnTsx(
    'scripts/sim.ts',
    '--level',
    'historical-2023',
    '--seed',
    String(SEED),
    '--company',
    COMPANY,
    ...args,
  );

/** One line on stderr, naming the bot, with no stack trace. */
function expectOneLine(run: Run, prog: string, bot: string): string {
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  const line = lines[0]!;
  expect(line.startsWith(`${prog}: bot `)).toBe(true);
  expect(line).toContain(bot);
  expect(line).not.toMatch(/^\s+at /m);
  expect(run.stdout).toBe('');
  return line;
}

describe('the view', () => {
  const created = createGame(level, SEED, COMPANY);
  if (!created.ok) throw new Error(created.error.message);
  const view = botView(level, created.state, 1);

  it('is version 1, deep-frozen, JSON-safe, and matches the state it was built from', () => {
    expect(view.apiVersion).toBe(1);
    expect(BOT_API_VERSION).toBe(1);
    expect(deepFrozen(view)).toBe(true);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    const me = created.state.startups.find((s) => s.id === COMPANY)!;
    expect(view.me).toMatchObject({ id: COMPANY, cash: me.cash, quality: me.quality, staff: me.staff });
    expect(view.quarter).toEqual({ turn: 0, label: '2023Q1', quartersLeft: level.quarters, call: 1 });
    expect(view.events.map((e) => e.id)).toEqual(created.state.pendingEvents.map((e) => e.id));
    expect(view.events[0]?.title).toMatch(/\w/);
    expect(view.rivals.map((r) => r.id)).not.toContain(COMPANY);
    expect(view.me.lastQuarter).toBeNull();
    expect(view.me.madeIt).toEqual({
      streak: 0,
      quarters: level.endings.madeItQuarters,
      minRevenue: level.endings.madeItMinRevenue,
    });
  });

  it('shares nothing with the state: writing to it throws and the game is untouched', () => {
    const before = JSON.stringify(created.state);
    expect(() => {
      (view.me as { cash: number }).cash = 1;
    }).toThrow(TypeError);
    expect(() => {
      (view.me.plan.appWeights as { api: number }).api = 1;
    }).toThrow(TypeError);
    expect(JSON.stringify(created.state)).toBe(before);
  });

  it('has every field documented in docs/bots.md', () => {
    const docs = readFileSync(new URL('../docs/bots.md', import.meta.url), 'utf8');
    // A later quarter has last quarter's books, a round and the other optional parts filled in.
    const game = botGame(level, SEED, COMPANY);
    let step = game.next();
    let later: BotView | undefined;
    while (!step.done) {
      if (step.value.me.lastQuarter && step.value.me.round) later = step.value;
      const v = step.value;
      const open = !v.me.round && !v.me.plan.roundTarget ? [{ type: 'money/open-round', target: 1000 }] : [];
      step = game.next({ returned: [...answerAll(v), ...open] });
    }
    expect(later).toBeDefined();
    const names = new Set([...keyNames(view), ...keyNames(later)]);
    for (const c of level.companies) names.delete(c.id);
    const missing = [...names].filter((k) => !docs.includes(`\`${k}\``));
    expect(missing).toEqual([]);
  });
});

describe('the runner', () => {
  it('plays the example bots to the end; their codes verify and a second run is identical', () => {
    for (const decide of [marketFollower, runwayRaiser]) {
      const r = play(decide);
      if (!r.ok) throw new Error(r.failure.cause);
      expect(r.state.ending).not.toBeNull();
      const report = simReport(level, r.state, { seed: SEED, company: COMPANY, policy: 'bot' }, r.log);
      expectVerifies(r.state, report.replayCode!);
      const again = play(decide);
      expect(again.ok && again.log).toEqual(r.log);
    }
  });

  it('records refused commands with the quarter and the reason, and plays on', () => {
    let hostile = 0;
    const r = play((view) => {
      if (view.quarter.turn !== 1 || view.quarter.call !== 1) return answerAll(view);
      hostile++;
      const throwing = Object.defineProperty({}, 'type', {
        enumerable: true,
        get() {
          throw new Error('no type today');
        },
      });
      return [
        { type: 'plan/set-spend', amount: view.me.cash + 1 },
        { type: 'quarter/end' },
        { type: 'plan/teleport' },
        7,
        throwing,
        { type: 'plan/set-spend', amount: -0 },
        ...answerAll(view),
      ];
    });
    if (!r.ok) throw new Error(r.failure.cause);
    expect(hostile).toBe(1);
    const q = quarterLabel(level, 1);
    expect(r.rejections.map((x) => [x.quarter, x.reason.split(':')[0]])).toEqual([
      [q, 'insufficient-cash'],
      [q, 'runner-ends-quarter'],
      [q, 'malformed'],
      [q, 'malformed'],
      [q, 'malformed'],
    ]);
    expect(r.rejections[0]!.command).toEqual({ type: 'plan/set-spend', amount: expect.any(Number) });
    // -0 is a whole non-negative number: accepted; and the game (and its code) went on to the end.
    expect(r.log.some((c) => c.type === 'plan/set-spend' && c.amount === 0)).toBe(true);
    expect(r.state.ending).not.toBeNull();
    const report = simReport(level, r.state, { seed: SEED, company: COMPANY, policy: 'bot' }, r.log);
    expectVerifies(r.state, report.replayCode!);
    // The table lists them too.
    const table = formatSimTable({ ...report, rejections: r.rejections });
    expect(table).toContain('rejected commands: 5\n');
    expect(table).toContain(`  ${q}  plan/set-spend  insufficient-cash: `);
  });

  it(`looks at ${MAX_BOT_COMMANDS_PER_QUARTER} commands a quarter at most, so the code stays within its limit`, () => {
    const r = play((view) => [
      ...answerAll(view),
      ...Array.from({ length: 500 }, (_, i) => ({ type: 'plan/set-spend', amount: i })),
    ]);
    if (!r.ok) throw new Error(r.failure.cause);
    const perQuarter = r.rejections.filter((x) => x.reason.startsWith('too-many-commands'));
    expect(perQuarter).toHaveLength(r.state.history.length);
    expect(r.log.length).toBeLessThanOrEqual((MAX_BOT_COMMANDS_PER_QUARTER + 1) * r.state.history.length);
    const report = simReport(level, r.state, { seed: SEED, company: COMPANY, policy: 'bot' }, r.log);
    expectVerifies(r.state, report.replayCode!);
  });

  it(`calls again while a card waits, ${MAX_BOT_CALLS_PER_QUARTER} times at most, then fails naming the card`, () => {
    const calls: string[] = [];
    const r = play((view) => {
      calls.push(`${view.quarter.label}#${view.quarter.call}`);
      return [];
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(calls).toEqual(['2023Q1#1', '2023Q1#2', '2023Q1#3']);
    expect(r.failure).toMatchObject({ kind: 'unanswered-card', quarter: '2023Q1', call: 3 });
    expect(r.failure.cause).toMatch(/^left event card "[^"]+@2023Q1" unanswered after 3 calls$/);
  });

  it('answers in a later call count: a bot may answer a card on its second call', () => {
    const r = play((view) => (view.quarter.call === 1 ? [] : answerAll(view)));
    expect(r.ok).toBe(true);
  });

  it('fails on a throw or on something that is not a list, naming the quarter and the call', () => {
    const threw = play((view) => {
      if (view.quarter.turn === 2) throw new RangeError('out of ideas\nsecond line');
      return answerAll(view);
    });
    expect(threw.ok === false && threw.failure).toMatchObject({
      kind: 'threw',
      quarter: '2023Q3',
      call: 1,
      cause: 'decide() threw RangeError: out of ideas second line',
    });
    const writes = play((view) => {
      (view.me as { cash: number }).cash = 1e9;
      return [];
    });
    expect(writes.ok === false && writes.failure.cause).toMatch(/^decide\(\) threw TypeError: .*read.only/i);
    for (const [value, what] of [
      [42, 'a value of type number'],
      [Promise.resolve([]), 'a Promise'],
      [{ length: 1 }, 'a value of type object'],
    ] as const) {
      const r = play(() => value);
      expect(r.ok === false && r.failure.kind).toBe('bad-return');
      expect(r.ok === false && r.failure.cause).toContain(`returned ${what}`);
    }
    // Nothing at all is an empty list (and then the first card is left unanswered).
    expect(play(() => undefined)).toMatchObject({ ok: false, failure: { kind: 'unanswered-card' } });
  });

  it('gives a verifiable code whatever a bot sends (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(commandArb, { maxLength: 6 }), { minLength: 1, maxLength: 16 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (quarters, seed) => {
          const r = play((view) => {
            // The helpers' placeholders (@event:N, @offer:N) resolved against what the bot sees.
            const seen = {
              offers: view.offers,
              pendingEvents: view.events.map((e) => ({ id: e.id, choices: e.choices.map((c) => c.id) })),
              answered: [],
            } as unknown as GameState;
            const mine = view.quarter.call === 1 ? (quarters[view.quarter.turn % quarters.length] ?? []) : [];
            expect(deepFrozen(view)).toBe(true);
            return [
              ...mine.map((c) => resolveCommand(seen, c)),
              ...(view.quarter.call > 1 ? answerAll(view) : []),
            ];
          }, seed);
          if (!r.ok) throw new Error(`${r.failure.quarter}: ${r.failure.cause}`);
          const report = simReport(level, r.state, { seed, company: COMPANY, policy: 'bot' }, r.log);
          expectVerifies(r.state, report.replayCode!);
          for (const x of r.rejections) expect(x.reason).toMatch(/^[a-z-]+: /);
        },
      ),
      budget(8, 0xb075),
    );
  });
});

describe('the CLIs', () => {
  const marketBot = 'examples/bots/market-follower.mjs';
  const loops = fixture('loops.mjs');

  it('sim --bot: the --policy report plus rejections, a code verify accepts, and the failures in one line', async () => {
    const [ok, looped, missing, empty] = await Promise.all([
      sim('--bot', marketBot, '--json'),
      sim('--bot', loops, '--bot-timeout', '0.3'),
      sim('--bot', 'examples/bots/no-such-bot.mjs'),
      sim('--bot='),
    ]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const doc = JSON.parse(ok.stdout);
    const { state, log } = playGame(level, SEED, COMPANY, 'balanced');
    const policyDoc = JSON.parse(
      JSON.stringify(simReport(level, state, { seed: SEED, company: COMPANY, policy: 'balanced' }, log)),
    );
    expect(Object.keys(doc).sort()).toEqual([...Object.keys(policyDoc), 'rejections'].sort());
    expect(Object.keys(doc.quarters[0]).sort()).toEqual(Object.keys(policyDoc.quarters[0]).sort());
    expect(doc.policy).toBe('market-follower.mjs');
    expect(Array.isArray(doc.rejections)).toBe(true);
    for (const x of doc.rejections) expect(Object.keys(x).sort()).toEqual(['command', 'quarter', 'reason']);
    // The same game in-process: the CLI adds nothing and loses nothing.
    const direct = play(marketFollower);
    if (!direct.ok) throw new Error(direct.failure.cause);
    expect(doc.finalHash).toBe(
      simReport(level, direct.state, { seed: SEED, company: COMPANY, policy: '' }).finalHash,
    );

    expect(looped.code).toBe(1);
    expect(expectOneLine(looped, 'sim', 'loops.mjs')).toMatch(
      /failed in 2023Q2 \(call 1\): decide\(\) did not return within 0\.3 s/,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('sim: bot "examples/bots/no-such-bot.mjs": no such file\n');
    // An empty --bot is a mistake, not a request for the autopilot.
    expect([empty.code, empty.stdout, empty.stderr]).toEqual([
      2,
      '',
      'sim: bot: give a file, e.g. --bot examples/bots/market-follower.mjs\n',
    ]);

    const verified = await spawnTsx('scripts/verify.ts', doc.replayCode);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^valid\b/);
  });

  it('tournament --bot adds the bot as a row next to the autopilots', async () => {
    const run = await spawnTsx(
      'scripts/tournament.ts',
      ...['--seeds', '1-2', '--policies', 'balanced', '--companies', 'moonshot,zhipu'],
      ...['--workers', '2', '--bot', marketBot, '--json'],
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.policies).toEqual(['balanced', 'market-follower.mjs']);
    expect(doc.games).toBe(8);
    const cell = doc.cells.find(
      (c: { company: string; policy: string }) =>
        c.policy === 'market-follower.mjs' && c.company === 'moonshot',
    );
    expect(cell).toMatchObject({ games: 2, errors: 0 });
    // The bot's games are the ones sim plays: the same endings and scores.
    const mean = Math.round(
      [1, 2].reduce((sum, seed) => {
        const r = play(marketFollower, seed);
        return sum + (r.ok ? r.state.ending!.score : Number.NaN);
      }, 0) / 2,
    );
    expect(cell.meanScore).toBe(mean);
  });
});

describe('the bot host (the worker thread behind sim --bot)', () => {
  const host = (file: string, timeoutMs = 3000) => {
    const found = findBotFile(file);
    if (!found.ok) throw new Error(found.reason);
    return runBotSim({
      prog: 'sim',
      levelId: level.id,
      seed: SEED,
      company: COMPANY,
      bot: found.file,
      timeoutMs,
      labelOf: (t) => quarterLabel(level, t),
    });
  };

  it('turns each way a bot can fail into one line and an exit code', async () => {
    const [throws, silent, noDecide, notModule] = await Promise.all([
      host(fixture('throws.mjs')),
      host(fixture('silent.mjs')),
      host(fixture('no-decide.mjs')),
      host(fixture('not-a-module.mjs')),
    ]);
    const out = (o: Awaited<ReturnType<typeof host>>) => (o.ok ? { exitCode: 0, line: '' } : o);
    expect(out(throws)).toEqual({
      ok: false,
      exitCode: 1,
      line: expect.stringMatching(
        /^sim: bot \S+throws\.mjs failed in 2023Q3 \(call 1\): decide\(\) threw TypeError: .* \(at throws\.mjs:\d+:\d+\)$/,
      ),
    });
    expect(out(silent)).toMatchObject({
      exitCode: 1,
      line: expect.stringMatching(
        /^sim: bot \S+silent\.mjs failed in 2023Q1 \(call 3\): left event card "\S+" unanswered after 3 calls$/,
      ),
    });
    expect(out(noDecide)).toMatchObject({
      exitCode: 2,
      line: expect.stringMatching(/^sim: bot "\S+no-decide\.mjs" has no decide export \(exports: choose\)/),
    });
    expect(out(notModule)).toMatchObject({
      exitCode: 2,
      line: expect.stringMatching(
        /^sim: bot "\S+not-a-module\.mjs" could not be loaded as a module: SyntaxError/,
      ),
    });
  });
});
