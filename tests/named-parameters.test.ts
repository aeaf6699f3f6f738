// The model parameters that resolveQuarter used to hold inline (issue 12), and those rules 4 added,
// are level fields, each optional with a default: a level file without them loads with those values
// (the historical file names a few, at other values), each one is read by the quarter's resolution (changing
// it changes a game), and an out-of-range value is refused by its path.

import { describe, expect, it } from 'vitest';
import { loadLevel, playGame } from '../src/engine/index';
import type { Level } from '../src/engine/level';
import { historicalJson } from './helpers';

/** Each new field: its section in the file, its default (the old inline constant), another value. */
const NAMED: {
  section: string[];
  field: string;
  old: number;
  other: number;
  /** Other fields of the same section set on both sides, where the field alone rarely binds. */
  also?: Record<string, number>;
  /**
   * False for a field the fingerprint's autopilot games never reach: they never raise again within
   * minRoundGap quarters (tests/valuation-and-exits.test.ts shows the back-to-back terms on a
   * round), and no rival runs out of cash in them (the rescue test below).
   */
  reached?: false;
}[] = [
  { section: ['market', 'apps'], field: 'cacNoise', old: 0.08, other: 0.3 },
  { section: ['market', 'apps'], field: 'qualityPullPoints', old: 15, other: 40 },
  { section: ['market', 'apps'], field: 'gapChurnPoints', old: 10, other: 2 },
  { section: ['market', 'apps'], field: 'understaffedChurn', old: 0.1, other: 0.6 },
  { section: ['market', 'apps'], field: 'adReachUnstaffed', old: 0.5, other: 0.1 },
  { section: ['market', 'apps'], field: 'arpuBase', old: 0.5, other: 2 },
  { section: ['market', 'apps'], field: 'arpuQualityPoints', old: 100, other: 10 },
  { section: ['market', 'enterprise'], field: 'platformMax', old: 0.9, other: 0.01 },
  { section: ['market', 'enterprise'], field: 'qualityRangePoints', old: 20, other: 80 },
  { section: ['market', 'enterprise'], field: 'qualityFactorMax', old: 1.5, other: 0.2 },
  { section: ['market', 'enterprise'], field: 'noise', old: 0.2, other: 0.9 },
  { section: ['market', 'enterprise'], field: 'salesHalf', old: 100, other: 5 },
  { section: ['market', 'enterprise'], field: 'outsidePull', old: 3, other: 20 },
  { section: ['market', 'enterprise'], field: 'qualityFloorGap', old: 30, other: 5 },
  { section: ['market', 'enterprise'], field: 'govTrustBase', old: 0.6, other: 3 },
  { section: ['market', 'enterprise'], field: 'govTrustWeight', old: 0.8, other: 5 },
  { section: ['market', 'enterprise'], field: 'overloadMax', old: 2, other: 0 },
  { section: ['market', 'talent'], field: 'engineerPoachShare', old: 0.5, other: 1 },
  { section: ['market', 'talent'], field: 'payFillWeight', old: 1, other: 0 },
  { section: ['market', 'api'], field: 'outsideQualityGap', old: 25, other: 0 },
  { section: ['market', 'api'], field: 'selfHostCostFactor', old: 3, other: 0.5 },
  { section: ['market', 'api'], field: 'priceFloor', old: 0.5, other: 3 },
  { section: ['market', 'api', 'costDiffusion'], field: 'bigtech', old: 0.5, other: 0.05 },
  { section: ['market', 'api', 'costDiffusion'], field: 'startup', old: 0.3, other: 0.9 },
  { section: ['market', 'funding'], field: 'userRevenueMultiple', old: 8, other: 80 },
  { section: ['market', 'funding'], field: 'marginWeight', old: 0.5, other: 3 },
  { section: ['market', 'funding'], field: 'anchorWeight', old: 0.65, other: 0 },
  { section: ['market', 'funding'], field: 'tractionBase', old: 0.6, other: 0 },
  { section: ['market', 'funding'], field: 'tractionRankWeight', old: 0.4, other: 0 },
  { section: ['market', 'funding'], field: 'tractionGrowthWeight', old: 0.4, other: 2 },
  { section: ['market', 'funding'], field: 'minRoundGap', old: 3, other: 12 },
  { section: ['market', 'funding'], field: 'backToBackFactor', old: 0.3, other: 1, reached: false },
  { section: ['market', 'funding'], field: 'backToBackDiscount', old: 0.8, other: 0.2, reached: false },
  { section: ['market', 'funding'], field: 'failedRoundMarkdown', old: 1, other: 0.5 },
  { section: ['market', 'funding'], field: 'roundFeeBp', old: 300, other: 3000 },
  { section: ['market', 'funding'], field: 'roundCap', old: 300_000, other: 10_000 },
  { section: ['market', 'funding'], field: 'acquisitionEarliestTurn', old: 4, other: 15 },
  { section: ['market', 'funding'], field: 'downRoundShare', old: 0.8, other: 1 },
  { section: ['market', 'funding'], field: 'downRoundFactor', old: 0.6, other: 0 },
  { section: ['market', 'funding'], field: 'minCloseChance', old: 0.05, other: 0.9 },
  { section: ['market', 'funding'], field: 'maxCloseChance', old: 0.95, other: 0.1 },
  { section: ['market', 'funding'], field: 'distressRunway', old: 2, other: 50 },
  {
    section: ['market', 'funding'],
    field: 'distressQuarters',
    old: 2,
    other: 1,
    also: { distressSaleChance: 1, distressRunway: 8 },
  },
  {
    section: ['market', 'funding'],
    field: 'distressSaleChance',
    old: 0.25,
    other: 1,
    also: { distressRunway: 8 },
  },
  { section: ['market', 'funding'], field: 'rescueChance', old: 0.5, other: 1, reached: false },
  { section: ['endings'], field: 'fullValueRunway', old: 4, other: 40 },
  { section: ['endings'], field: 'noRunwayValue', old: 0.5, other: 0 },
  // A company's own field (rules 5): Zhipu's, the first company of the historical level.
  { section: ['companies', '0'], field: 'overseasCacFactor', old: 1, other: 3 },
];

type Json = Record<string, unknown>;

function sectionOf(root: Json, path: string[]): Json {
  let at: Json = root;
  for (const k of path) {
    at[k] ??= {};
    at = at[k] as Json;
  }
  return at;
}

function withField(path: string[], field: string, value: unknown, also: Record<string, number> = {}): Json {
  const json = historicalJson();
  const section = sectionOf(json, path);
  Object.assign(section, also);
  section[field] = value;
  return json;
}

function load(json: Json): Level {
  const r = loadLevel(json);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.level;
}

/** Per-quarter hashes of a few autopilot games (companies and policies that reach every market; random play also raises back to back). */
function fingerprint(level: Level): string {
  const games: string[] = [];
  for (const company of level.player.companies)
    for (const policy of [
      'balanced',
      'enterprise-first',
      'applications-first',
      'overseas-first',
      'random',
    ] as const)
      games.push(
        playGame(level, 11, company, policy)
          .state.history.map((h) => h.hash)
          .join(','),
      );
  return games.join('|');
}

describe('named model parameters (issue 12)', () => {
  it('a level that leaves a field out loads it at its default', () => {
    for (const n of NAMED) {
      const json = historicalJson();
      delete sectionOf(json, n.section)[n.field];
      const section = sectionOf(load(json) as unknown as Json, n.section);
      expect(section[n.field], `${n.section.join('.')}.${n.field}`).toBe(n.old);
    }
  });

  it('writing a field at its default plays the same game as leaving it out; another value changes the game', () => {
    for (const n of NAMED) {
      const name = `${n.section.join('.')}.${n.field}`;
      const without = historicalJson();
      delete sectionOf(without, n.section)[n.field];
      const base = fingerprint(load(without));
      expect(fingerprint(load(withField(n.section, n.field, n.old))), name).toBe(base);
      if (n.reached === false) continue;
      const ref = fingerprint(load(withField(n.section, n.field, n.old, n.also)));
      expect(fingerprint(load(withField(n.section, n.field, n.other, n.also))), name).not.toBe(ref);
    }
    // Three loads and fingerprint games per field, for every named field: minutes on a busy machine.
  }, 240_000);

  it('rescueChance: a rival out of cash is bought (1) or goes bankrupt (0)', () => {
    // Wages no company can pay: every rival is out of cash after the first quarter.
    const broke = (rescue: number) => {
      const json = withField(['market', 'funding'], 'rescueChance', rescue);
      const macro = json.macro as Json;
      for (const k of ['wageResearcher', 'wageEngineer', 'wageSales']) macro[k] = { '2023Q1': 1000 };
      const level = load(json);
      const { state } = playGame(level, 3, 'zhipu', 'balanced');
      return state.startups.filter((s) => s.id !== 'zhipu').map((s) => s.status);
    };
    expect(new Set(broke(1))).toEqual(new Set(['acquired']));
    expect(new Set(broke(0))).toEqual(new Set(['bankrupt']));
  });

  it("rivalRunwayTarget (level v6): the archetype's own runway plays the same game as leaving it out; another changes it", () => {
    // MiniMax, the second company: a rival on the overseas-consumer archetype, which keeps 7 quarters.
    const path = ['companies', '1'];
    const without = historicalJson();
    delete sectionOf(without, path).rivalRunwayTarget;
    expect(sectionOf(load(without) as unknown as Json, path).rivalRunwayTarget).toBeUndefined();
    const base = fingerprint(load(without));
    expect(fingerprint(load(withField(path, 'rivalRunwayTarget', 7)))).toBe(base);
    expect(fingerprint(load(withField(path, 'rivalRunwayTarget', 3)))).not.toBe(base);
    const bad = loadLevel(withField(path, 'rivalRunwayTarget', 0));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.path)).toContain('companies.1.rivalRunwayTarget');
  }, 60_000);

  it('a value out of its range is refused at its path', () => {
    for (const n of NAMED) {
      const r = loadLevel(withField(n.section, n.field, -1));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.map((e) => e.path)).toContain([...n.section, n.field].join('.'));
    }
  });
});
