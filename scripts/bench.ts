// Engine speed report: `npm run bench` (text) or `npm run --silent bench -- --json` (one JSON object).
// Timing lives here, never in src/engine: the engine is deterministic and must not read clocks.
//
// The report is a list of sections; each measures something and returns named figures, some with a
// target. To add a measurement, write a Section and append it to SECTIONS — printing, JSON and the
// PASS/BELOW checks pick it up.

import { performance } from 'node:perf_hooks';
import { findLevel } from '../src/app/levels';
import { REPLAY_PREFIX, verifyReplay } from '../src/app/replay-code';
import type { PolicyName } from '../src/engine/index';
import {
  applyCommand,
  autopilotCommands,
  autopilotRng,
  createGame,
  POLICIES,
  playerOf,
  playGame,
  RULES_VERSION,
  setStateFreezing,
} from '../src/engine/index';
import type { Level } from '../src/engine/level';
import type { Command, GameState } from '../src/engine/types';
import { forecastSection } from './bench-forecasts';
import { levelOfCli, parseCli, runCli } from './cli-args';
import { longestGame } from './long-replay';

const PROG = 'bench';

const SPEC = {
  level: { kind: 'string', default: 'historical-2023', value: 'id', help: 'bundled level to play' },
  seconds: { kind: 'number', default: 3, value: 's', help: 'measuring time for the games/s figure' },
  samples: { kind: 'number', default: 20000, value: 'n', help: 'quarter resolutions to time (at least)' },
  json: { kind: 'flag', help: 'print the figures as one JSON object' },
} as const;

/** The product target: a full campaign must resolve fast enough for Monte-Carlo balancing in CI. */
const TARGET_GAMES_PER_SECOND = 2000;

export interface Target {
  op: '>=' | '<=';
  value: number;
}

export interface Figure {
  /** JSON key inside the section. */
  key: string;
  label: string;
  value: number;
  unit: string;
  digits: number;
  target?: Target;
}

export interface BenchContext {
  level: Level;
  seconds: number;
  samples: number;
}

export interface Section {
  /** JSON key of the section. */
  id: string;
  title: string;
  run: (ctx: BenchContext) => Figure[];
}

// --- Helpers -----------------------------------------------------------------------------------------

export interface GameConfig {
  company: string;
  policy: PolicyName;
  seed: number;
}

/** The i-th game of a sweep across every playable company, every policy and fresh seeds. */
function configAt(level: Level, i: number): GameConfig {
  const companies = level.player.companies;
  const company = companies[i % companies.length] as string;
  const policy = POLICIES[Math.floor(i / companies.length) % POLICIES.length] as PolicyName;
  return { company, policy, seed: i + 1 };
}

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[idx] as number;
}

function timingFigures(prefix: string, label: string, samples: readonly number[]): Figure[] {
  const sorted = Float64Array.from(samples).sort();
  const mean = samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length);
  const us = 1000; // performance.now() is in ms
  return [
    { key: `${prefix}Samples`, label: `${label}: samples`, value: samples.length, unit: '', digits: 0 },
    {
      key: `${prefix}MedianUs`,
      label: `${label}: median`,
      value: quantile(sorted, 0.5) * us,
      unit: 'µs',
      digits: 1,
    },
    {
      key: `${prefix}P99Us`,
      label: `${label}: p99`,
      value: quantile(sorted, 0.99) * us,
      unit: 'µs',
      digits: 1,
    },
    { key: `${prefix}MeanUs`, label: `${label}: mean`, value: mean * us, unit: 'µs', digits: 1 },
  ];
}

function newGame(level: Level, cfg: GameConfig): GameState {
  const created = createGame(level, cfg.seed, cfg.company);
  if (!created.ok) throw new Error(`createGame(${JSON.stringify(cfg)}): ${created.error.message}`);
  return created.state;
}

/**
 * Runs games until the rate is steady, so the timed sections measure optimised code, not the JIT's
 * first tiers: batches of games until three in a row agree within 5 % (at least `minMs`, at most
 * `maxMs`). On a busy machine the optimising compiler's thread gets little time and the first
 * thousand games can run several times slower; a fixed warm-up then measured the compiler.
 */
function warmUp(level: Level, minMs: number, maxMs: number): void {
  const start = performance.now();
  const rates: number[] = [];
  for (let i = 0; ; ) {
    const t0 = performance.now();
    let quarters = 0;
    for (let k = 0; k < 100; k++, i++) {
      const cfg = configAt(level, i);
      quarters += playGame(level, cfg.seed, cfg.company, cfg.policy).state.history.length;
    }
    const now = performance.now();
    rates.push(quarters / (now - t0));
    const last = rates.slice(-3);
    const steady = last.length === 3 && Math.max(...last) <= Math.min(...last) * 1.05;
    if ((steady && now - start >= minMs) || now - start >= maxMs) return;
  }
}

// --- Sections ----------------------------------------------------------------------------------------

const fullGames: Section = {
  id: 'games',
  title: 'full games (autopilot playGame, all rivals active, one core)',
  run: ({ level, seconds }) => {
    let games = 0;
    let quarters = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < seconds * 1000) {
      const cfg = configAt(level, games);
      const { state } = playGame(level, cfg.seed, cfg.company, cfg.policy);
      quarters += state.history.length;
      games++;
      elapsed = performance.now() - start;
    }
    const s = elapsed / 1000;
    // Games that end early (made it, out of money, sold) are cheaper; dividing resolved quarters by the
    // campaign length gives the rate of *full* campaigns, which is what the target is about.
    const full = quarters / level.quarters / s;
    return [
      { key: 'games', label: 'games played', value: games, unit: '', digits: 0 },
      {
        key: 'quartersPerGame',
        label: 'quarters per game (mean)',
        value: quarters / games,
        unit: '',
        digits: 2,
      },
      { key: 'gamesPerSecond', label: 'games/s as played', value: games / s, unit: '/s', digits: 0 },
      { key: 'quartersPerSecond', label: 'quarters/s', value: quarters / s, unit: '/s', digits: 0 },
      {
        key: 'fullGamesPerSecond',
        label: `full ${level.quarters}-quarter games/s`,
        value: full,
        unit: '/s',
        digits: 0,
        target: { op: '>=', value: TARGET_GAMES_PER_SECOND },
      },
    ];
  },
};

/**
 * Plays autopilot games command by command, timing every applyCommand: quarter/end (the resolution of
 * a quarter) separately from the planning commands, plus one fixed planning command per quarter
 * (plan/set-spend to the current amount) so the per-command figure exists whatever the policy sends,
 * and the policy's own decision (autopilotCommands), which is part of every autopilot game's cost.
 */
const perCommand: Section = {
  id: 'commands',
  title: 'per-command time (applyCommand, autopilot games)',
  run: ({ level, samples }) => {
    const quarterEnd: number[] = [];
    const autopilot: number[] = [];
    const setSpend: number[] = [];
    const decide: number[] = [];
    for (let i = 0; quarterEnd.length < samples; i++) {
      const cfg = configAt(level, i);
      let state = newGame(level, cfg);
      const apRng = autopilotRng(cfg.seed); // the same stream playGame uses
      while (!state.ending) {
        const probe: Command = { type: 'plan/set-spend', amount: playerOf(state).plan.spend };
        let t = performance.now();
        applyCommand(level, state, probe);
        setSpend.push(performance.now() - t);
        t = performance.now();
        const cmds = autopilotCommands(level, state, cfg.policy, apRng);
        decide.push(performance.now() - t);
        for (const cmd of cmds) {
          t = performance.now();
          const r = applyCommand(level, state, cmd);
          const dt = performance.now() - t;
          if (cmd.type === 'quarter/end') {
            if (!r.ok) throw new Error(`quarter/end rejected (${r.error.code}): ${r.error.message}`);
            quarterEnd.push(dt);
          } else {
            autopilot.push(dt);
          }
          state = r.state;
        }
      }
    }
    return [
      ...timingFigures('quarterEnd', 'quarter/end', quarterEnd),
      ...timingFigures('setSpend', 'plan/set-spend', setSpend),
      ...timingFigures('autopilot', 'autopilot planning commands', autopilot),
      ...timingFigures('decide', 'autopilotCommands (policy decision)', decide),
    ];
  },
};

/** The same games with every state deep-frozen, as in development and tests (not a target). */
const frozenGames: Section = {
  id: 'gamesFrozen',
  title: 'full games with state freezing on (development mode; for comparison)',
  run: (ctx) => {
    setStateFreezing(true);
    try {
      return fullGames
        .run(ctx)
        .filter((f) => f.key === 'fullGamesPerSecond')
        .map(({ target: _target, ...f }) => ({ ...f, label: `${f.label} (frozen states)` }));
    } finally {
      setStateFreezing(false);
    }
  },
};

/**
 * Replay codes: the dearest code the format lets through (a game padded to maxCommands) and the
 * cheapest refusal (an input weighed by its length alone), each the median of a few runs.
 */
const replayCodes: Section = {
  id: 'codes',
  title: 'replay codes (decode and re-simulate, or refuse)',
  run: ({ level }) => {
    const median = (runs: number, fn: () => void): number => {
      const t: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        fn();
        t.push(performance.now() - start);
      }
      return quantile(Float64Array.from(t).sort(), 0.5);
    };
    const long = longestGame(level);
    const verify = () => {
      if (verifyReplay(long.code, findLevel).status !== 'valid') throw new Error('the long code is refused');
    };
    const huge = `#replay=${REPLAY_PREFIX}${'A'.repeat(10 << 20)}`;
    const refuse = () => {
      const v = verifyReplay(huge, findLevel);
      if (v.status === 'valid' || v.reason.kind !== 'too-long')
        throw new Error('the 10 MB code is not refused');
    };
    return [
      {
        key: 'longestCommands',
        label: 'longest allowed code: commands',
        value: long.log.length,
        unit: '',
        digits: 0,
      },
      {
        key: 'verifyLongestMs',
        label: 'verify the longest allowed code',
        value: median(15, verify),
        unit: 'ms',
        digits: 1,
      },
      { key: 'refuse10MBMs', label: 'refuse a 10 MB code', value: median(15, refuse), unit: 'ms', digits: 3 },
    ];
  },
};

const forecasts = forecastSection({ configAt, newGame, quantile });
const SECTIONS: readonly Section[] = [fullGames, perCommand, frozenGames, replayCodes, forecasts];

// --- Report ------------------------------------------------------------------------------------------

function passes(f: Figure & { target: Target }): boolean {
  return f.target.op === '>=' ? f.value >= f.target.value : f.value <= f.target.value;
}

function fmt(n: number, digits: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function textReport(header: string, results: readonly { section: Section; figures: Figure[] }[]): string {
  const all = results.flatMap((r) => r.figures);
  const labelW = Math.max(...all.map((f) => f.label.length));
  const valueW = Math.max(...all.map((f) => fmt(f.value, f.digits).length));
  const unitW = Math.max(...all.map((f) => f.unit.length));
  const out = [header];
  for (const { section, figures } of results) {
    out.push('', section.title);
    for (const f of figures) {
      let row = `  ${f.label.padEnd(labelW)}  ${fmt(f.value, f.digits).padStart(valueW)} ${f.unit.padEnd(unitW)}`;
      if (f.target) {
        const t = f.target;
        row += `  target ${t.op === '>=' ? '≥' : '≤'} ${fmt(t.value, 0)}  ${passes({ ...f, target: t }) ? 'PASS' : 'BELOW'}`;
      }
      out.push(row.trimEnd());
    }
  }
  return `${out.join('\n')}\n`;
}

function jsonReport(
  meta: Record<string, string | number>,
  results: readonly { section: Section; figures: Figure[] }[],
): string {
  const sections: Record<string, Record<string, number>> = {};
  const checks: { figure: string; op: string; target: number; value: number; pass: boolean }[] = [];
  for (const { section, figures } of results) {
    const obj: Record<string, number> = {};
    for (const f of figures) {
      // A few decimals are plenty for timings; full float noise only makes diffs of reports harder.
      const value = Number(f.value.toFixed(Math.max(f.digits, 3)));
      obj[f.key] = value;
      if (f.target) {
        const t = f.target;
        checks.push({
          figure: `${section.id}.${f.key}`,
          op: t.op,
          target: t.value,
          value,
          pass: passes({ ...f, target: t }),
        });
      }
    }
    sections[section.id] = obj;
  }
  return `${JSON.stringify({ ...meta, sections, checks }, null, 2)}\n`;
}

runCli(() => {
  const parsed = parseCli(PROG, process.argv.slice(2), SPEC, 'Measures how fast the engine plays.');
  if (parsed.help) {
    process.stdout.write(parsed.usage);
    return;
  }
  const { values } = parsed;
  const level = levelOfCli(PROG, values.level);
  const ctx: BenchContext = { level, seconds: values.seconds, samples: Math.ceil(values.samples) };

  // Production configuration: states are not deep-frozen (see setStateFreezing).
  setStateFreezing(false);
  warmUp(level, 1500, 15_000);
  const results = SECTIONS.map((section) => ({ section, figures: section.run(ctx) }));

  const meta = { rulesVersion: RULES_VERSION, level: level.id, node: process.version };
  process.stdout.write(
    values.json
      ? jsonReport(meta, results)
      : textReport(
          `Six Tigers bench — rules v${RULES_VERSION}, level ${level.id}, node ${process.version}`,
          results,
        ),
  );
});
