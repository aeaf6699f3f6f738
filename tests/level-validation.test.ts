// Level files are data checked by a schema: every bundled level validates, and broken copies of the
// historical level are refused with the wrong field named by its path (all errors at once).

import { describe, expect, it } from 'vitest';
import { findLevel, LEVEL_IDS } from '../src/app/levels';
import { createGame } from '../src/engine/index';
import { type LevelError, loadLevel } from '../src/engine/level';
import { HISTORICAL_ID, historicalJson, levelFiles } from './helpers';

type Json = Record<string, unknown>;

function errorsOf(json: unknown): LevelError[] {
  const r = loadLevel(json);
  if (r.ok) throw new Error('expected the level to be refused');
  return r.errors;
}

const paths = (errors: readonly LevelError[]) => errors.map((e) => e.path);

function companies(json: Json): Json[] {
  return json.companies as Json[];
}

function macro(json: Json): Record<string, Record<string, unknown>> {
  return json.macro as Record<string, Record<string, unknown>>;
}

function firstKey(rec: Record<string, unknown>): string {
  const k = Object.keys(rec)[0];
  if (k === undefined) throw new Error('empty record');
  return k;
}

describe('bundled levels', () => {
  it('every level file on disk validates and is bundled', () => {
    const files = levelFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const { file, json } of files) {
      const r = loadLevel(json);
      expect(r.ok ? [] : r.errors, file).toEqual([]);
      if (r.ok) {
        expect(`${r.level.id}.json`).toBe(file);
        expect(LEVEL_IDS as readonly string[]).toContain(r.level.id);
      }
    }
  });

  it('every bundled level resolves its time paths to one value per quarter and can start a game', () => {
    expect(LEVEL_IDS).toContain(HISTORICAL_ID);
    for (const id of LEVEL_IDS) {
      const level = findLevel(id);
      expect(level?.id).toBe(id);
      if (!level) continue;
      for (const [k, values] of Object.entries(level.macro)) {
        expect(values.length, `macro.${k}`).toBe(level.quarters);
        for (const v of values) expect(Number.isFinite(v), `macro.${k}`).toBe(true);
      }
      for (const g of level.giants) expect(g.quality.length).toBe(level.quarters);
      for (const company of level.player.companies) expect(createGame(level, 1, company).ok).toBe(true);
    }
  });

  it('the historical level covers 16 quarters from 2023Q1 with the six tigers', () => {
    const level = findLevel(HISTORICAL_ID);
    expect(level?.start).toBe('2023Q1');
    expect(level?.quarters).toBe(16);
    expect(level?.companies.map((c) => c.id).sort()).toEqual(
      ['01ai', 'baichuan', 'minimax', 'moonshot', 'stepfun', 'zhipu'].sort(),
    );
  });

  it('loadLevel does not mutate its input', () => {
    const json = historicalJson();
    const copy = JSON.stringify(json);
    loadLevel(json);
    expect(JSON.stringify(json)).toBe(copy);
  });
});

describe('broken copies of the historical level are refused, naming the field', () => {
  const cases: { name: string; breakIt: (j: Json) => void; path: string }[] = [
    {
      name: 'missing company cash',
      breakIt: (j) => {
        delete companies(j)[0]?.cash;
      },
      path: 'companies.0.cash',
    },
    {
      name: 'negative cash',
      breakIt: (j) => {
        (companies(j)[2] as Json).cash = -1;
      },
      path: 'companies.2.cash',
    },
    {
      name: 'fractional cash',
      breakIt: (j) => {
        (companies(j)[1] as Json).cash = 1000.5;
      },
      path: 'companies.1.cash',
    },
    {
      name: 'ownership above 10000 bp',
      breakIt: (j) => {
        (companies(j)[0] as Json).ownershipBp = 10001;
      },
      path: 'companies.0.ownershipBp',
    },
    {
      name: 'wrong type at the top level',
      breakIt: (j) => {
        j.quarters = '16';
      },
      path: 'quarters',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const json = historicalJson();
      c.breakIt(json);
      expect(paths(errorsOf(json))).toContain(c.path);
    });
  }

  it('a macro keyframe that is a string', () => {
    const json = historicalJson();
    const gpu = macro(json).gpuHourPrice as Record<string, unknown>;
    const label = firstKey(gpu);
    gpu[label] = 'cheap';
    const errors = errorsOf(json);
    expect(paths(errors)).toContain(`macro.gpuHourPrice.${label}`);
    expect(errors.every((e) => e.message.length > 0)).toBe(true);
  });

  it('a malformed quarter label as a keyframe key', () => {
    const json = historicalJson();
    (macro(json).gpuHourPrice as Record<string, unknown>)['2024Q5'] = 1;
    expect(paths(errorsOf(json))).toContain('macro.gpuHourPrice.2024Q5');
  });

  it('an unknown field (named in the path or, for strict objects, in the message at its parent)', () => {
    for (const [where, parent] of [
      [(j: Json) => j, '(root)'],
      [(j: Json) => companies(j)[3] as Json, 'companies.3'],
      [(j: Json) => macro(j) as Json, 'macro'],
    ] as const) {
      const json = historicalJson();
      where(json).bogusField = 1;
      const errors = errorsOf(json);
      const named = errors.filter(
        (e) =>
          e.path === `${parent === '(root)' ? '' : `${parent}.`}bogusField` ||
          (e.path === parent && e.message.includes('bogusField')),
      );
      expect(named, JSON.stringify(errors)).toHaveLength(1);
    }
  });

  it('a keyframe quarter outside the campaign', () => {
    const json = historicalJson();
    (macro(json).apiDemand as Record<string, unknown>)['2031Q1'] = 5;
    (macro(json).cacDomestic as Record<string, unknown>)['2022Q4'] = 5;
    const errors = errorsOf(json);
    expect(paths(errors)).toEqual(
      expect.arrayContaining(['macro.apiDemand.2031Q1', 'macro.cacDomestic.2022Q4']),
    );
  });

  it('a giant entering outside the campaign', () => {
    const json = historicalJson();
    const giants = json.giants as Json[];
    expect(giants.length).toBeGreaterThan(0);
    (giants[0] as Json).enters = '2040Q1';
    expect(paths(errorsOf(json))).toContain('giants.0.enters');
  });

  it('a duplicate company id', () => {
    const json = historicalJson();
    const cs = companies(json);
    (cs[4] as Json).id = (cs[1] as Json).id;
    const errors = errorsOf(json);
    expect(paths(errors)).toContain('companies.4.id');
    expect(paths(errors)).not.toContain('companies.1.id');
  });

  it('a player company that does not exist', () => {
    const json = historicalJson();
    const player = json.player as { companies: string[] };
    player.companies = [...player.companies, 'openai'];
    const errors = errorsOf(json);
    expect(paths(errors)).toEqual([`player.companies.${player.companies.length - 1}`]);
    expect(errors[0]?.message).toContain('openai');
  });

  it('reports several schema errors at once', () => {
    const json = historicalJson();
    delete companies(json)[0]?.cash;
    (companies(json)[1] as Json).valuation = -5;
    const gpu = macro(json).gpuHourPrice as Record<string, unknown>;
    const label = firstKey(gpu);
    gpu[label] = 'cheap';
    json.quarters = 0;
    const errors = errorsOf(json);
    expect(paths(errors)).toEqual(
      expect.arrayContaining([
        'companies.0.cash',
        'companies.1.valuation',
        `macro.gpuHourPrice.${label}`,
        'quarters',
      ]),
    );
  });

  it('reports several cross-reference errors at once', () => {
    const json = historicalJson();
    const cs = companies(json);
    (cs[2] as Json).id = (cs[0] as Json).id;
    (json.player as { companies: string[] }).companies = ['nobody', 'zhipu'];
    (macro(json).apiDemand as Record<string, unknown>)['2035Q2'] = 5;
    const errors = errorsOf(json);
    expect(paths(errors)).toEqual(
      expect.arrayContaining(['companies.2.id', 'player.companies.0', 'macro.apiDemand.2035Q2']),
    );
    expect(errors.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses non-objects without throwing', () => {
    for (const bad of [null, 42, 'level', [], {}]) {
      const r = loadLevel(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
    }
  });
});

describe('createGame refuses a player that is not playable', () => {
  it('unknown company id', () => {
    const level = findLevel(HISTORICAL_ID);
    if (!level) throw new Error('no historical level');
    const r = createGame(level, 1, 'openai');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.length).toBeGreaterThan(0);
  });
});
