// Writes stored-save fixtures of the CURRENT save format version to tests/fixtures/saves/, exactly as
// the game keeps them in localStorage (one JSON line). Run it BEFORE changing the save format, so
// every format version the game has ever written keeps real saves that the migration tests load:
//   npx tsx scripts/save-fixtures.ts            (skips files that already exist)
// Games are played by the autopilot through a Session, like a player's clicks, with a fixed time.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAVE_KEY, SAVE_VERSION, writeSave } from '../src/app/save';
import { Session } from '../src/app/session';
import { memoryStore } from '../src/app/storage';
import type { Command, PolicyName } from '../src/engine/index';
import { autopilotCommands, autopilotRng } from '../src/engine/index';
import { runCli } from './cli-args';

const DIR = new URL('../tests/fixtures/saves/', import.meta.url).pathname;
const SAVED_AT = '2026-03-01T08:00:00.000Z';

interface Spec {
  name: string;
  seed: number;
  company: string;
  policy: PolicyName;
  /** Quarters played to their end (Infinity: to the end of the game). */
  quarters: number;
  /** Commands given after that, in the quarter still open (undo can take them back). */
  extra: Command[];
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
];

function play(spec: Spec): Session {
  const started = Session.start({ levelId: 'historical-2023', seed: spec.seed, company: spec.company });
  if (!started.ok) throw new Error(started.message);
  const s = started.session;
  const rng = autopilotRng(spec.seed);
  while (s.state.history.length < spec.quarters && s.state.ending === null)
    for (const cmd of autopilotCommands(s.level, s.state, spec.policy, rng)) {
      const r = s.dispatch(cmd);
      if (!r.ok) throw new Error(`${spec.name}: ${cmd.type} refused: ${r.error.message}`);
    }
  for (const cmd of spec.extra) {
    const r = s.dispatch(cmd);
    if (!r.ok) throw new Error(`${spec.name}: ${cmd.type} refused: ${r.error.message}`);
  }
  if (!s.log.some((c) => c.type === 'event/answer')) throw new Error(`${spec.name}: no event was answered`);
  return s;
}

runCli(() => {
  mkdirSync(DIR, { recursive: true });
  for (const spec of SPECS) {
    const file = join(DIR, `v${SAVE_VERSION}-${spec.name}.json`);
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
