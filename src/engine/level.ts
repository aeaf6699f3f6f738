// Levels are data. A level file (JSON) is validated with a schema; every wrong field is named
// by its path. Time paths are written as keyframes by quarter label ("2024Q2": 1.0) and are
// resolved at load time into one value per quarter (linear between keyframes, held after the
// last), so the engine reads plain arrays.
//
// The schema by part: level-schema.ts (the level, its companies, giants and macro paths),
// market-schema.ts (the market), cards-schema.ts (events and key people), built from
// schema-kit.ts; level-check.ts checks what zod cannot. This file loads a level and resolves it,
// and re-exports the schema's names.

import type { Card, EventsSpec } from './cards-schema';
import { crossCheck } from './level-check';
import type { GiantFileSpec, LevelFile, MacroKey } from './level-schema';
import { levelFileSchema } from './level-schema';
import { parseLabel, turnOf } from './schema-kit';

export type { Archetype, CompanySpec, LevelFile, MacroKey, MarketParams } from './level-schema';
export { ARCHETYPES, levelFileSchema, POLICY_KEYS } from './level-schema';
export { quarterLabel } from './schema-kit';

/** A card with its trigger quarters resolved to turns. */
export interface LevelCard extends Card {
  /** Scripted: the turn it comes up; random: the first turn it may come up. */
  fromTurn: number;
  /** Scripted: same as fromTurn; random: the last turn it may come up. */
  toTurn: number;
}

export interface GiantSpec extends Omit<GiantFileSpec, 'enters' | 'quality' | 'adSpend' | 'domesticUsers'> {
  entersTurn: number;
  quality: number[];
  adSpend: number[];
  domesticUsers: number[];
}

/** A validated level with every time path resolved to one value per quarter. */
export interface Level extends Omit<LevelFile, 'macro' | 'giants' | 'events'> {
  startYear: number;
  startQuarter: number;
  macro: Record<MacroKey, number[]>;
  giants: GiantSpec[];
  events: Omit<EventsSpec, 'cards'> & { cards: LevelCard[] };
}

export interface LevelError {
  /** Dotted path of the wrong field, e.g. "companies.2.cash". */
  path: string;
  message: string;
}

export type LevelResult = { ok: true; level: Level } | { ok: false; errors: LevelError[] };

/** Linear interpolation between keyframes; held flat before the first and after the last. */
function resolvePath(
  keyframes: Record<string, number>,
  startYear: number,
  startQuarter: number,
  quarters: number,
): number[] {
  const points = Object.entries(keyframes)
    .map(([label, value]) => ({ t: turnOf(startYear, startQuarter, label), value }))
    .sort((a, b) => a.t - b.t);
  const out: number[] = [];
  for (let t = 0; t < quarters; t++) {
    let v = points[0]!.value;
    for (let i = 0; i < points.length; i++) {
      const p = points[i]!;
      if (t >= p.t) {
        const next = points[i + 1];
        v = next && t < next.t ? p.value + ((next.value - p.value) * (t - p.t)) / (next.t - p.t) : p.value;
      }
    }
    out.push(v);
  }
  return out;
}

/** Validates a parsed level file and resolves it. Never throws on bad input. */
export function loadLevel(json: unknown): LevelResult {
  const parsed = levelFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(root)',
        message: issue.message,
      })),
    };
  }
  const file = parsed.data;
  const errors = crossCheck(file);
  if (errors.length > 0) return { ok: false, errors };
  const { year, q } = parseLabel(file.start);
  const res = (rec: Record<string, number>) => resolvePath(rec, year, q, file.quarters);
  const macro = {} as Record<MacroKey, number[]>;
  for (const [k, rec] of Object.entries(file.macro)) macro[k as MacroKey] = res(rec);
  const giants: GiantSpec[] = file.giants.map(({ enters, quality, adSpend, domesticUsers, ...rest }) => ({
    ...rest,
    entersTurn: turnOf(year, q, enters),
    quality: res(quality),
    adSpend: res(adSpend),
    domesticUsers: res(domesticUsers),
  }));
  const cards: LevelCard[] = file.events.cards.map((card) => {
    const tr = card.trigger;
    const from = turnOf(year, q, tr.kind === 'scripted' ? tr.quarter : tr.from);
    const to = tr.kind === 'scripted' ? from : turnOf(year, q, tr.to);
    return { ...card, fromTurn: from, toTurn: to };
  });
  const events = { drawChance: file.events.drawChance, concepts: file.events.concepts, cards };
  return { ok: true, level: { ...file, startYear: year, startQuarter: q, macro, giants, events } };
}

/** One-line summary of level errors for command-line tools. */
export function formatLevelErrors(errors: readonly LevelError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('; ');
}
