// Fuzzing level files: copies of levels/historical-2023.json with one value deleted, retyped, pushed
// out of range, cut short or replaced by random JSON (in every section of the file, events too), and
// wholly random JSON. Each copy is either refused with errors that each name a path, or it loads and a
// game on it plays two quarters (random commands, cards answered) with the books and every invariant
// holding; every numeric field at its schema limits, alone or with others, plays a whole game
// soundly; every array (cards, choices, effects, companies… tests/level-arrays.ts) at its length
// limit, filled with the most extreme effects, plays a whole game soundly, and one past it is
// refused by name. Nothing throws out of loadLevel, createGame or applyCommand.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLevel } from '../src/app/levels';
import type { PolicyName } from '../src/engine/index';
import { applyCommand, autopilotCommands, autopilotRng, createGame, loadLevel } from '../src/engine/index';
import type { Level, LevelResult } from '../src/engine/level';
import { MAX_CARDS } from '../src/engine/limits';
import type { Command, GameState } from '../src/engine/types';
import type { Path } from './fuzz';
import { budget, mutateAt, mutationArb, noThrow, pathsOf } from './fuzz';
import { bookErrors, commandArb, historicalJson, resolveCommand, sanityErrors, shareErrors } from './helpers';
import {
  ARRAY_NAMES,
  ARRAYS,
  type CardTemplate,
  cardTemplateArb,
  grownLevel,
  type Json,
} from './level-arrays';

const BASE = historicalJson();
const SECTIONS = Object.keys(BASE);
/** Paths of the file by top-level section, so that the small sections are hit as often as the cards. */
const PATHS_BY_SECTION = new Map(SECTIONS.map((k) => [k, pathsOf(BASE[k], [k])]));

const pathArb: fc.Arbitrary<Path> = fc.tuple(fc.constantFrom(...SECTIONS), fc.nat()).map(([section, n]) => {
  const paths = PATHS_BY_SECTION.get(section)!;
  return paths[n % paths.length]!;
});

/**
 * Whether a dotted error path leads into `json`, all but its last step existing (the last may be
 * the missing field). Keys may hold dots themselves (a time path's keys are free text), so each
 * step tries every key of the object that the rest of the path starts with.
 */
function leadsInto(json: unknown, rest: string): boolean {
  const isObject = typeof json === 'object' && json !== null;
  if (!rest.includes('.') || (isObject && Object.hasOwn(json, rest))) return true;
  if (!isObject) return false;
  return Object.keys(json).some(
    (k) =>
      rest.startsWith(`${k}.`) && leadsInto((json as Record<string, unknown>)[k], rest.slice(k.length + 1)),
  );
}

/**
 * Loads a level file and checks the contract of a refusal: at least one error, each with a message
 * and a path into the file — '(root)', or a place whose parent exists (the field itself may be the
 * one missing).
 */
function load(json: unknown): LevelResult {
  const r = noThrow('loadLevel', () => loadLevel(json));
  if (!r.ok) {
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) {
      expect(e.message.length).toBeGreaterThan(0);
      if (e.path !== '(root)')
        expect(leadsInto(json, e.path), `error path ${e.path}: ${e.message}`).toBe(true);
    }
  }
  return r;
}

/**
 * Starts a game on a level that loaded and plays `quarters` quarters: the random commands of each
 * (resolved against the state, as the property tests do), every card answered, then quarter/end.
 * Checks the invariants after every accepted command and the books after every quarter.
 */
function playOn(level: Level, seed: number, pick: number, quarters: Command[][]): void {
  const company = level.player.companies[pick % level.player.companies.length]!;
  const created = noThrow('createGame', () => createGame(level, seed, company));
  if (!created.ok) {
    expect(created.error.message.length).toBeGreaterThan(0);
    return;
  }
  let state: GameState = created.state;
  expect(sanityErrors(state), 'the start').toEqual([]);
  const send = (cmd: Command) => {
    const r = noThrow(`applyCommand ${JSON.stringify(cmd)}`, () => applyCommand(level, state, cmd));
    if (r.ok) {
      expect(sanityErrors(r.state), JSON.stringify(cmd)).toEqual([]);
      state = r.state;
    } else {
      expect(r.state).toBe(state);
      expect(r.error.message.length).toBeGreaterThan(0);
    }
    return r;
  };
  for (const q of quarters) {
    if (state.ending) return;
    for (const raw of q) send(resolveCommand(state, raw));
    for (let guard = 0; state.pendingEvents.length > 0 && !state.ending && guard < 20; guard++) {
      const ev = state.pendingEvents[0]!;
      send({ type: 'event/answer', eventId: ev.id, choiceId: ev.choices[0] ?? '' });
    }
    if (state.ending) return;
    const before = state;
    const r = send({ type: 'quarter/end' });
    expect(r.ok, `quarter/end refused: ${r.ok ? '' : r.error.message}`).toBe(true);
    expect(bookErrors(before, state)).toEqual([]);
    expect(shareErrors(state.history.at(-1)!)).toEqual([]);
  }
}

/** Every numeric field of the file, one path per field (the first company, card, keyframe…). */
const NUMERIC_FIELDS: Path[] = (() => {
  const get = (p: Path) => p.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], BASE);
  const seen = new Set<string>();
  return pathsOf(BASE).filter((p) => {
    if (typeof get(p) !== 'number') return false;
    const field = p.map((k) => (typeof k === 'number' || /^\d{4}Q\d$/.test(k) ? '*' : k)).join('.');
    if (seen.has(field)) return false;
    seen.add(field);
    return true;
  });
})();
/** Candidate extremes, tried from the outside in: the first one the schema accepts is the field's limit. */
const HIGHS = [1e300, 1e15, 1e12, 1e10, 1e9, 1e7, 1e6, 1e5, 1e4, 1e3, 100, 10, 5, 2, 1];
const LOWS = [-1e300, -1e9, -1e4, -100, -10, -1, 0, 1e-300, 1e-9, 1e-3, 0.01, 0.1, 1];

/** Plays a whole game with an autopilot, checking every invariant and each quarter's books. */
function autopilotGame(level: Level, seed: number, policy: PolicyName): void {
  const company = level.player.companies[seed % level.player.companies.length]!;
  const created = createGame(level, seed, company);
  if (!created.ok) return;
  let state = created.state;
  const rng = autopilotRng(seed);
  while (!state.ending) {
    const before = state;
    for (const cmd of noThrow('autopilotCommands', () => autopilotCommands(level, state, policy, rng))) {
      const r = noThrow('applyCommand', () => applyCommand(level, state, cmd));
      if (r.ok) state = r.state;
    }
    expect(sanityErrors(state), `after ${state.history.at(-1)?.quarter}`).toEqual([]);
    const rec = state.history.at(-1);
    if (rec && rec.turn === before.turn) {
      expect(bookErrors(before, state)).toEqual([]);
      expect(shareErrors(rec)).toEqual([]);
    } else if (!state.ending) throw new Error('the autopilot did not end the quarter');
  }
}

const gameArb = fc.record({
  seed: fc.integer({ min: 0, max: 0x7fffffff }),
  pick: fc.nat(),
  quarters: fc.array(fc.array(commandArb, { maxLength: 5 }), { minLength: 2, maxLength: 2 }),
});

describe('level file fuzz', () => {
  it('the unmutated file loads and plays (the harness itself works)', () => {
    const r = load(historicalJson());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.level).toEqual(findLevel('historical-2023'));
    fc.assert(
      fc.property(gameArb, ({ seed, pick, quarters }) => {
        if (r.ok) playOn(r.level, seed, pick, quarters);
      }),
      budget(5, 701),
    );
  });

  it('one value deleted, retyped, out of range, cut or random: refused by path, or plays soundly', () => {
    const outcomes = { refused: 0, loaded: 0, named: 0 };
    fc.assert(
      fc.property(pathArb, mutationArb, gameArb, (path, mutate, game) => {
        const json = mutateAt(historicalJson(), path, mutate);
        const r = load(json);
        if (!r.ok) {
          outcomes.refused++;
          // the changed place itself is named, or a place that refers to it or depends on it (a
          // company's id in player.companies, the campaign's length in every quarter label)
          const changed = path.join('.');
          if (
            r.errors.some(
              (e) =>
                e.path === changed || changed.startsWith(`${e.path}.`) || e.path.startsWith(`${changed}.`),
            )
          )
            outcomes.named++;
          return;
        }
        outcomes.loaded++;
        playOn(r.level, game.seed, game.pick, game.quarters);
      }),
      budget(150, 702),
    );
    // both kinds happen: many changes are refused, and many are still a valid level
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.loaded).toBeGreaterThan(0);
    // and most refusals point at the very place that was changed
    expect(outcomes.named / outcomes.refused).toBeGreaterThan(0.75);
  });

  it('several values mutated at once: refused by path, or plays soundly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(pathArb, mutationArb), { minLength: 2, maxLength: 6 }),
        gameArb,
        (edits, game) => {
          let json: unknown = historicalJson();
          for (const [path, mutate] of edits) json = mutateAt(json, path, mutate);
          const r = load(json);
          if (r.ok) playOn(r.level, game.seed, game.pick, game.quarters);
        },
      ),
      budget(60, 703),
    );
  });

  it('any numeric field at the largest or smallest value the schema allows plays a whole game soundly', () => {
    expect(NUMERIC_FIELDS.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(
        fc.constantFrom(...NUMERIC_FIELDS),
        fc.boolean(),
        fc.constantFrom<PolicyName>('balanced', 'random', 'pretraining-first', 'applications-first'),
        fc.nat(1000),
        (path, high, policy, seed) => {
          const extreme = (high ? HIGHS : LOWS).find(
            (x) => loadLevel(mutateAt(historicalJson(), path, () => x)).ok,
          );
          if (extreme === undefined) return;
          const r = load(mutateAt(historicalJson(), path, () => extreme));
          if (r.ok) autopilotGame(r.level, seed, policy);
        },
      ),
      budget(24, 705),
    );
  });

  it('several numeric fields at their limits at once play a whole game soundly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...NUMERIC_FIELDS), fc.boolean()), { minLength: 2, maxLength: 40 }),
        fc.constantFrom<PolicyName>('balanced', 'random', 'pretraining-first', 'applications-first'),
        fc.nat(1000),
        (fields, policy, seed) => {
          let json: unknown = historicalJson();
          for (const [path, high] of fields) {
            const extreme = (high ? HIGHS : LOWS).find((x) => loadLevel(mutateAt(json, path, () => x)).ok);
            if (extreme !== undefined) json = mutateAt(json, path, () => extreme);
          }
          const r = load(json);
          if (r.ok) autopilotGame(r.level, seed, policy);
        },
      ),
      budget(12, 708),
    );
  });

  it('the API market at its widest (demand, reference price, elasticity) keeps the books exact', () => {
    // Each value is within its limits, yet together they once sold 1e22 tokens in a quarter, and the
    // revenue was no longer an exact integer: every line of the books is now capped (limits.ts).
    const json = historicalJson() as { macro: { apiDemand: Record<string, number> }; market: { api: Json } };
    for (const k of Object.keys(json.macro.apiDemand)) json.macro.apiDemand[k] = 1e10;
    Object.assign(json.market.api, {
      referencePrice: 1e4,
      minRefPrice: 0.01,
      startRefPrice: 0.01,
      elasticity: 2,
    });
    const r = load(json);
    expect(r.ok).toBe(true);
    if (r.ok) for (const seed of [1, 2]) autopilotGame(r.level, seed, 'balanced');
  });

  it('random JSON, whole or in place of a section, is refused with named paths', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.option(fc.constantFrom(...SECTIONS)), (junk, section) => {
        const json = section === null ? junk : { ...historicalJson(), [section]: junk };
        const r = load(json);
        // random JSON is never a valid level; in place of a section it can be only by chance
        if (section === null) expect(r.ok).toBe(false);
        if (
          !r.ok &&
          section !== null &&
          !r.errors.some((e) => e.path === section || e.path.startsWith(`${section}.`))
        )
          // a section replaced by a valid but different value (no giants, say) fails where it is used
          expect(r.errors.length).toBeGreaterThan(0);
      }),
      budget(200, 704),
    );
  });
});

describe('array limits', () => {
  const AUTOPILOTS = ['balanced', 'random', 'pretraining-first', 'applications-first'] as const;

  it('arrays at their length limits, the cards full of the most extreme effects, play whole games soundly', () => {
    fc.assert(
      fc.property(
        cardTemplateArb,
        fc.subarray(ARRAY_NAMES, { minLength: 1 }),
        fc.constantFrom<PolicyName>(...AUTOPILOTS),
        fc.nat(1000),
        (template, names, policy, seed) => {
          const sizes = Object.fromEntries(names.map((n) => [n, ARRAYS[n].limit]));
          const r = load(grownLevel(template, sizes));
          expect(r.ok ? [] : r.errors).toEqual([]);
          if (r.ok) autopilotGame(r.level, seed, policy);
        },
      ),
      budget(6, 706),
    );
  });

  it('an array past its length limit is refused, naming it and the limit', () => {
    fc.assert(
      fc.property(
        cardTemplateArb,
        fc.constantFrom(...ARRAY_NAMES),
        fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2000 })),
        (template, name, over) => {
          const { limit, path } = ARRAYS[name];
          const r = load(grownLevel(template, { [name]: limit + over }));
          expect(r.ok).toBe(false);
          if (!r.ok)
            expect(r.errors.filter((e) => e.path === path)).toContainEqual({
              path,
              message: expect.stringMatching(new RegExp(`^at most ${limit} `)),
            });
        },
      ),
      budget(30, 707),
    );
  });

  /** One card whose first choice compounds everything it can: users, staff, markets, money. */
  const compounding: CardTemplate = {
    choices: [
      [
        { kind: 'users', market: 'domestic', share: 2 },
        { kind: 'users', market: 'overseas', share: 2 },
        { kind: 'staff', role: 'sales', share: 1, count: 10_000 },
        { kind: 'modifier', target: 'cacDomestic', factor: 0.01, quarters: 16 },
        { kind: 'modifier', target: 'arpuOverseas', factor: 10, quarters: 16 },
        { kind: 'modifier', target: 'enterpriseDemand', factor: 10, quarters: 16 },
        { kind: 'modifier', target: 'research', factor: 10, quarters: 16 },
        { kind: 'income', amount: 1e9 },
      ],
      [{ kind: 'none' }],
    ],
    scriptedTurn: 0,
    policy: [],
  };

  it('10,000 copies of one card are refused by name (they loaded, and compounded cash to NaN by turn 2)', () => {
    const r = load(grownLevel(compounding, { cards: 10_000 }));
    expect(r.ok ? [] : r.errors).toContainEqual({
      path: 'events.cards',
      message: `at most ${MAX_CARDS} cards`,
    });
  });

  it('as many copies of it as the limit allows play whole games with exact books', () => {
    const r = load(grownLevel(compounding, { cards: MAX_CARDS }));
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (r.ok) for (const policy of AUTOPILOTS) autopilotGame(r.level, 3, policy);
  });
});
