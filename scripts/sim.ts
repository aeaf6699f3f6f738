// Plays one game with the autopilot and prints its report (a table, or one JSON document with --json).
//   npm run --silent sim -- --level historical-2023 --seed 42 --company moonshot --policy balanced --json
// With --bot a bot module plays instead of the autopilot, in a worker thread (docs/bots.md).
// Same arguments, same output, byte for byte: the engine is deterministic and nothing here reads a clock.

import { formatSimTable, simReport } from '../src/app/sim-report';
import type { PolicyName } from '../src/engine/index';
import { createGame, POLICIES, playGame, quarterLabel } from '../src/engine/index';
import { DEFAULT_BOT_TIMEOUT_S, runBotSim } from './bot-host';
import { findBotFile } from './bot-load';
import { checkChoice, levelOfCli, parseCli, runCliAsync, UsageError } from './cli-args';
import { printable, printableJson } from './printable';

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
  bot: {
    kind: 'string',
    default: '',
    value: 'file',
    help: 'a bot module (exports decide) plays instead of the autopilot; see docs/bots.md',
  },
  'bot-timeout': {
    kind: 'number',
    default: DEFAULT_BOT_TIMEOUT_S,
    value: 's',
    help: 'seconds one call of the bot may take before the run is stopped',
  },
  json: { kind: 'flag', help: 'print one JSON document instead of the table' },
} as const;

const given = (flag: string) => process.argv.some((a) => a === `--${flag}` || a.startsWith(`--${flag}=`));

runCliAsync(async () => {
  const parsed = parseCli(PROG, process.argv.slice(2), SPEC, 'Plays one game with an autopilot or a bot.');
  if (parsed.help) {
    process.stdout.write(parsed.usage);
    return;
  }
  const { values } = parsed;
  const level = levelOfCli(PROG, values.level);
  const company = checkChoice(PROG, 'company', values.company, level.player.companies);
  const policy: PolicyName = checkChoice(PROG, 'policy', values.policy, POLICIES);
  const withBot = given('bot');
  if (withBot && given('policy')) throw new UsageError(`${PROG}: give --policy or --bot, not both`);

  // createGame is the engine's own check of the setup (e.g. a seed outside what it accepts); asking it
  // first turns such a refusal into a usage error instead of a crash inside playGame.
  const created = createGame(level, values.seed, company);
  if (!created.ok) throw new UsageError(`${PROG}: ${created.error.message} (${created.error.code})`);

  if (withBot) {
    const found = findBotFile(values.bot);
    if (!found.ok) throw new UsageError(`${PROG}: ${found.reason}`);
    const outcome = await runBotSim({
      prog: PROG,
      levelId: level.id,
      seed: values.seed,
      company,
      bot: found.file,
      timeoutMs: Math.round(values['bot-timeout'] * 1000),
      labelOf: (turn) => quarterLabel(level, turn),
    });
    if (!outcome.ok) {
      process.stderr.write(`${outcome.line}\n`);
      return outcome.exitCode;
    }
    // A bot's rejected commands echo what it sent: printed with control characters spelled out.
    const r = outcome.report;
    process.stdout.write(
      values.json
        ? `${printableJson(JSON.stringify(r, null, 2))}\n`
        : formatSimTable(r).split('\n').map(printable).join('\n'),
    );
    return undefined;
  }

  const { state, log } = playGame(level, values.seed, company, policy);
  const report = simReport(level, state, { seed: values.seed, company, policy }, log);
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatSimTable(report));
  return undefined;
});
