// Plays one game with the autopilot and prints its report (a table, or one JSON document with --json).
//   npm run --silent sim -- --level historical-2023 --seed 42 --company moonshot --policy balanced --json
// Same arguments, same output, byte for byte: the engine is deterministic and nothing here reads a clock.

import { findLevel, LEVEL_IDS } from '../src/app/levels';
import { formatSimTable, simReport } from '../src/app/sim-report';
import type { PolicyName } from '../src/engine/index';
import { createGame, POLICIES, playGame } from '../src/engine/index';
import { checkChoice, parseCli, runCli, UsageError } from './cli-args';

const PROG = 'sim';

const SPEC = {
  level: { kind: 'string', default: 'historical-2023', value: 'id', help: 'bundled level' },
  seed: { kind: 'seed', default: 1, value: 'n', help: 'game seed, a non-negative safe integer' },
  company: { kind: 'string', default: 'moonshot', value: 'id', help: "the player's company" },
  policy: {
    kind: 'string',
    default: 'balanced',
    value: 'name',
    help: `autopilot policy: ${POLICIES.join(', ')}`,
  },
  json: { kind: 'flag', help: 'print one JSON document instead of the table' },
} as const;

runCli(() => {
  const parsed = parseCli(PROG, process.argv.slice(2), SPEC, 'Plays one game with the autopilot.');
  if (parsed.help) {
    process.stdout.write(parsed.usage);
    return;
  }
  const { values } = parsed;
  const levelId = checkChoice(PROG, 'level', values.level, LEVEL_IDS);
  const level = findLevel(levelId);
  if (!level) throw new Error(`level "${levelId}" is listed but not found`);
  const company = checkChoice(PROG, 'company', values.company, level.player.companies);
  const policy: PolicyName = checkChoice(PROG, 'policy', values.policy, POLICIES);

  // createGame is the engine's own check of the setup (e.g. a seed outside what it accepts); asking it
  // first turns such a refusal into a usage error instead of a crash inside playGame.
  const created = createGame(level, values.seed, company);
  if (!created.ok) throw new UsageError(`${PROG}: ${created.error.message} (${created.error.code})`);

  const { state, log } = playGame(level, values.seed, company, policy);
  const report = simReport(level, state, { seed: values.seed, company, policy }, log);
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatSimTable(report));
});
