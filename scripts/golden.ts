// Golden games: a few (level, seed, company, autopilot) games whose per-quarter and final hashes
// are committed in tests/golden/<level>.json, and the check that those hashes change only with
// RULES_VERSION. Shared by scripts/update-golden.ts (which writes the files) and
// tests/golden.test.ts (which checks them).

import { fileURLToPath } from 'node:url';
import { getLevel } from '../src/app/levels';
import type { PolicyName } from '../src/engine/index';
import { hashState, POLICIES, playGame } from '../src/engine/index';

const HISTORICAL_ID = 'historical-2023';

// ---------------------------------------------------------------------------------------
// Golden hashes

export interface GoldenGame {
  level: string;
  seed: number;
  company: string;
  policy: string;
  quarterHashes: string[];
  finalHash: string;
}

export interface GoldenFile {
  rulesVersion: number;
  games: GoldenGame[];
}

export type GoldenStatus = 'ok' | 'stale-golden' | 'rules-changed-without-version-bump';

export interface GoldenCheck {
  status: GoldenStatus;
  message: string;
  mismatches: string[];
}

const gameKey = (g: Pick<GoldenGame, 'level' | 'seed' | 'company' | 'policy'>) =>
  `${g.level}/${g.company}/${g.policy}/seed ${g.seed}`;

/**
 * Compares recorded golden games with freshly computed ones. Hashes may only change together with
 * RULES_VERSION, and a golden file made under another rules version must be regenerated.
 */
export function checkGolden(
  recorded: GoldenFile,
  computed: readonly GoldenGame[],
  rulesVersion: number,
): GoldenCheck {
  if (recorded.rulesVersion !== rulesVersion) {
    return {
      status: 'stale-golden',
      message:
        `the golden file was made under rules version ${recorded.rulesVersion} but RULES_VERSION is ` +
        `${rulesVersion}: regenerate it with \`npx tsx scripts/update-golden.ts\` and commit it`,
      mismatches: [],
    };
  }
  const mismatches: string[] = [];
  const byKey = new Map(computed.map((g) => [gameKey(g), g]));
  for (const rec of recorded.games) {
    const key = gameKey(rec);
    const got = byKey.get(key);
    byKey.delete(key);
    if (!got) {
      mismatches.push(`${key}: not computed`);
      continue;
    }
    const n = Math.max(rec.quarterHashes.length, got.quarterHashes.length);
    for (let i = 0; i < n; i++) {
      if (rec.quarterHashes[i] !== got.quarterHashes[i]) {
        mismatches.push(
          `${key}: first difference at quarter ${i}: recorded ${rec.quarterHashes[i] ?? '(none)'}, ` +
            `now ${got.quarterHashes[i] ?? '(none)'}`,
        );
        break;
      }
    }
    if (rec.finalHash !== got.finalHash)
      mismatches.push(`${key}: final hash recorded ${rec.finalHash}, now ${got.finalHash}`);
  }
  for (const key of byKey.keys()) mismatches.push(`${key}: computed but not recorded`);
  if (mismatches.length > 0) {
    return {
      status: 'rules-changed-without-version-bump',
      message:
        `the game's results changed under the same RULES_VERSION (${rulesVersion}): the rules changed. ` +
        'Bump RULES_VERSION in src/engine/version.ts and run `npx tsx scripts/update-golden.ts`.\n' +
        mismatches.join('\n'),
      mismatches,
    };
  }
  return { status: 'ok', message: 'golden hashes match', mismatches };
}

// ---------------------------------------------------------------------------------------
// Golden games

export type GoldenSpec = Pick<GoldenGame, 'level' | 'seed' | 'company' | 'policy'>;

/** The games whose hashes are committed in tests/golden/<level>.json. */
export const GOLDEN_GAMES: readonly GoldenSpec[] = [
  { level: HISTORICAL_ID, seed: 1, company: 'zhipu', policy: 'balanced' },
  { level: HISTORICAL_ID, seed: 2, company: 'minimax', policy: 'overseas-first' },
  { level: HISTORICAL_ID, seed: 3, company: 'moonshot', policy: 'applications-first' },
  { level: HISTORICAL_ID, seed: 4, company: 'baichuan', policy: 'enterprise-first' },
  { level: HISTORICAL_ID, seed: 5, company: '01ai', policy: 'pretraining-first' },
  { level: HISTORICAL_ID, seed: 6, company: 'stepfun', policy: 'random' },
  { level: HISTORICAL_ID, seed: 20230101, company: 'zhipu', policy: 'random' },
  { level: HISTORICAL_ID, seed: 77, company: 'moonshot', policy: 'balanced' },
];

function isPolicy(name: string): name is PolicyName {
  return (POLICIES as readonly string[]).includes(name);
}

/** Plays one golden game with its autopilot and returns its hashes. */
export function computeGoldenGame(spec: GoldenSpec): GoldenGame {
  if (!isPolicy(spec.policy)) throw new Error(`unknown policy "${spec.policy}"`);
  const { state } = playGame(getLevel(spec.level), spec.seed, spec.company, spec.policy);
  return {
    level: spec.level,
    seed: spec.seed,
    company: spec.company,
    policy: spec.policy,
    quarterHashes: state.history.map((h) => h.hash),
    finalHash: hashState(state),
  };
}

/** Where the golden files live. */
export const GOLDEN_DIR = fileURLToPath(new URL('../tests/golden', import.meta.url));
