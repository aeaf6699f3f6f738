// Writes stored-save fixtures of the CURRENT save format and rules version to tests/fixtures/saves/,
// exactly as the game keeps them in localStorage (one JSON line), named v<format>-r<rules>-<game>.json
// (v<format>-r<rules>-l<level version>-<game>.json from historical-2023 version 5 on).
// Run it BEFORE changing the save format (and after bumping RULES_VERSION), so every format version
// the game has ever written keeps real saves that the migration tests load and resume:
//   npx tsx scripts/save-fixtures.ts            (never overwrites a file that exists)
// Games are played by the autopilot through a Session, like a player's clicks, with a fixed time.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { forkReplay } from '../src/app/fork';
import { findLevel } from '../src/app/levels';
import { replayCodeOf } from '../src/app/replay-code';
import { SAVE_KEY, SAVE_VERSION, writeSave } from '../src/app/save';
import { Session } from '../src/app/session';
import { memoryStore } from '../src/app/storage';
import type { Command, PolicyName } from '../src/engine/index';
import { autopilotCommands, autopilotRng, RULES_VERSION } from '../src/engine/index';
import { runCli } from './cli-args';

const DIR = new URL('../tests/fixtures/saves/', import.meta.url).pathname;
const SAVED_AT = '2026-03-01T08:00:00.000Z';
const LEVEL = 'historical-2023';

interface Spec {
  name: string;
  seed: number;
  company: string;
  policy: PolicyName;
  /** Quarters played to their end (Infinity: to the end of the game). */
  quarters: number;
  /** Commands given after that, in the quarter still open (undo can take them back). */
  extra: Command[];
  /** Play on from a fork of another spec's game after this many of its quarters (format ≥ 2). */
  forkOf?: { spec: string; turn: number };
}

const SPECS: Spec[] = [
  {
    name: 'midgame',
    seed: 20231108,
    company: 'moonshot',
    policy: 'balanced',
    quarters: 5,
    extra: [
      { type: 'plan/set-spend', amount: 12000 },
      { type: 'people/set', payLevel: 'plus25', intensity: 'normal' },
    ],
  },
  { name: 'ended', seed: 7, company: 'zhipu', policy: 'applications-first', quarters: Infinity, extra: [] },
  {
    name: 'fork',
    seed: 7,
    company: 'zhipu',
    policy: 'overseas-first',
    quarters: 7,
    extra: [{ type: 'plan/set-spend', amount: 9000 }],
    forkOf: { spec: 'ended', turn: 4 },
  },
];

function dispatchAll(s: Session, name: string, cmds: readonly Command[]): void {
  for (const cmd of cmds) {
    const r = s.dispatch(cmd);
    if (!r.ok) throw new Error(`${name}: ${cmd.type} refused: ${r.error.message}`);
  }
}

function play(spec: Spec): Session {
  let s: Session;
  if (spec.forkOf) {
    const parentSpec = SPECS.find((p) => p.name === spec.forkOf?.spec)!;
    const parent = play(parentSpec);
    const code = replayCodeOf(parent.level, parent.state, parent.log, parent.setup.branch ?? null);
    const forked = forkReplay(code, spec.forkOf.turn, findLevel);
    if (!forked.ok) throw new Error(`${spec.name}: ${forked.message}`);
    const started = Session.start({ ...parent.setup, branch: forked.fork.branch });
    if (!started.ok) throw new Error(started.message);
    s = started.session;
    dispatchAll(s, spec.name, forked.fork.log);
  } else {
    const started = Session.start({ levelId: LEVEL, seed: spec.seed, company: spec.company });
    if (!started.ok) throw new Error(started.message);
    s = started.session;
  }
  const rng = autopilotRng(spec.seed, spec.forkOf ? 1 : 0);
  while (s.state.history.length < spec.quarters && s.state.ending === null)
    dispatchAll(s, spec.name, autopilotCommands(s.level, s.state, spec.policy, rng));
  dispatchAll(s, spec.name, spec.extra);
  if (!s.log.some((c) => c.type === 'event/answer')) throw new Error(`${spec.name}: no event was answered`);
  return s;
}

runCli(() => {
  mkdirSync(DIR, { recursive: true });
  for (const spec of SPECS) {
    // The level's version is in the name too: a re-tuned level under the same rules makes saves that
    // the game refuses as old, and the fixtures keep both.
    const file = join(
      DIR,
      `v${SAVE_VERSION}-r${RULES_VERSION}-l${findLevel(LEVEL)!.version}-${spec.name}.json`,
    );
    if (existsSync(file)) {
      process.stdout.write(`kept ${file}\n`);
      continue;
    }
    const store = memoryStore();
    if (!writeSave(store, play(spec), SAVED_AT)) throw new Error('the memory store refused a write');
    writeFileSync(file, `${store.get(SAVE_KEY)}\n`);
    process.stdout.write(`wrote ${file}\n`);
  }
});
