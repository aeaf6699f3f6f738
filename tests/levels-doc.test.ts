// docs/levels.md documents every field a level file may hold: each key of the level schema
// (src/engine/level-schema.ts and market-schema.ts, with the events schema of cards-schema.ts) must
// be named there in code (`field`, `market.api.field`, or a JSON snippet), so that a field added to
// the schema without its documentation fails here. docs/model.md, which gives the formulas, is
// linked from it.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { levelFileSchema } from '../src/engine/level';

const DOC = readFileSync(new URL('../docs/levels.md', import.meta.url), 'utf8');

/** Every object key of a schema, by its dotted path (arrays and records as `*`). */
function schemaKeys(schema: z.ZodType, path = '', out = new Map<string, string>()): Map<string, string> {
  // zod 4 keeps each schema's definition in _zod.def; only the kinds a level schema uses are walked.
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const inner = (x: unknown, p: string) => schemaKeys(x as z.ZodType, p, out);
  switch (def.type) {
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        const p = path ? `${path}.${k}` : k;
        out.set(p, k);
        inner(v, p);
      }
      break;
    case 'default':
    case 'prefault':
    case 'optional':
    case 'nullable':
    case 'readonly':
      inner(def.innerType, path);
      break;
    case 'array':
      inner(def.element, `${path}.*`);
      break;
    case 'record':
      inner(def.valueType, `${path}.*`);
      break;
    case 'union':
      for (const o of def.options as z.ZodType[]) inner(o, path);
      break;
    case 'pipe':
      inner(def.in, path);
      break;
    default:
      break;
  }
  return out;
}

/** The words that appear in code in a Markdown text: inline code spans and fenced blocks. */
function codeWords(md: string): Set<string> {
  const words = new Set<string>();
  const add = (code: string) => {
    for (const w of code.match(/[A-Za-z0-9_]+/g) ?? []) words.add(w);
  };
  for (const m of md.matchAll(/```[\s\S]*?```/g)) add(m[0]);
  for (const m of md.replace(/```[\s\S]*?```/g, '').matchAll(/`[^`\n]+`/g)) add(m[0]);
  return words;
}

describe('docs/levels.md', () => {
  it('names every field of the level schema in code', () => {
    const keys = schemaKeys(levelFileSchema);
    // A walk that found nothing would pass vacuously: the schema has well over 200 keys.
    expect(keys.size).toBeGreaterThan(250);
    expect(keys.get('market.api.costDiffusion.bigtech')).toBe('bigtech');
    expect(keys.get('giants.*.architectureFactor')).toBe('architectureFactor');
    const words = codeWords(DOC);
    const missing = [...keys].filter(([, k]) => !words.has(k)).map(([p]) => p);
    expect(missing).toEqual([]);
  });

  it('links the model page, which exists', () => {
    expect(DOC).toContain('](model.md)');
    const model = readFileSync(new URL('../docs/model.md', import.meta.url), 'utf8');
    expect(model).toMatch(/^# The economic model/);
  });
});
