// Level files grown to the array limits of src/engine/limits.ts, and past them, for the level fuzz
// tests: copies of the historical level with as many cards (copies of one card whose choices carry
// the most extreme effects the schema allows), concepts, choices, effects, conditions, companies,
// giants, key people, quarters and keyframes as wanted. Each array has the path an error about it
// names when it is too long.

import fc from 'fast-check';
import { POLICY_KEYS } from '../src/engine/level';
import {
  MAX_CARDS,
  MAX_CHOICES,
  MAX_COMPANIES,
  MAX_CONCEPTS,
  MAX_CONDITIONS,
  MAX_EFFECTS,
  MAX_GIANTS,
  MAX_KEY_PEOPLE,
  MAX_QUARTERS,
} from '../src/engine/limits';
import { historicalJson, TEST_CONCEPT, testCard, testChoice } from './helpers';

export type Json = Record<string, unknown>;

export const ARRAYS = {
  cards: { limit: MAX_CARDS, path: 'events.cards' },
  concepts: { limit: MAX_CONCEPTS, path: 'events.concepts' },
  choices: { limit: MAX_CHOICES, path: 'events.cards.0.choices' },
  effects: { limit: MAX_EFFECTS, path: 'events.cards.0.choices.0.effects' },
  conditions: { limit: MAX_CONDITIONS, path: 'events.cards.0.when' },
  companies: { limit: MAX_COMPANIES, path: 'companies' },
  giants: { limit: MAX_GIANTS, path: 'giants' },
  keyPeople: { limit: MAX_KEY_PEOPLE, path: 'companies.0.keyPeople' },
  quarters: { limit: MAX_QUARTERS, path: 'quarters' },
  keyframes: { limit: MAX_QUARTERS, path: 'macro.gpuHourPrice' },
} as const;
export type ArrayName = keyof typeof ARRAYS;
export const ARRAY_NAMES = Object.keys(ARRAYS) as ArrayName[];

/** The strategic investor the effects name (a giant of the historical level). */
const INVESTOR = 'alibaba';

/**
 * Every effect kind at the ends of its ranges: the effects that compound (users, staff, modifiers,
 * money) as hard as one effect can. No `sell`, which would end the game at the first card.
 */
export const EXTREME_EFFECTS: readonly Json[] = [
  { kind: 'cost', amount: 1e9 },
  { kind: 'income', amount: 1e9 },
  { kind: 'investment', amount: 1e9, stakeBp: 5000 },
  { kind: 'strategic', investor: INVESTOR, amount: 1e9, credits: 1e9, stakeBp: 5000 },
  { kind: 'staff', role: 'researchers', share: 1, count: 10_000 },
  { kind: 'staff', role: 'engineers', share: 1, count: 10_000 },
  { kind: 'staff', role: 'sales', share: 1, count: 10_000 },
  { kind: 'staff', role: 'engineers', share: -1, count: -10_000 },
  { kind: 'payLevel', level: 'plus50' },
  { kind: 'intensity', level: '996' },
  { kind: 'burnout', delta: 1 },
  { kind: 'burnout', delta: -1 },
  { kind: 'runLoss', share: 1 },
  { kind: 'users', market: 'domestic', share: 2 },
  { kind: 'users', market: 'overseas', share: 2 },
  { kind: 'users', market: 'domestic', share: -1 },
  { kind: 'platform', delta: 1 },
  { kind: 'platform', delta: -1 },
  ...['cacDomestic', 'cacOverseas', 'arpuOverseas', 'enterpriseDemand', 'research'].flatMap((target) => [
    { kind: 'modifier', target, factor: 0.01, quarters: 16 },
    { kind: 'modifier', target, factor: 10, quarters: 16 },
  ]),
  { kind: 'enterpriseDeal', revenue: 1e9, customisation: 5 },
  { kind: 'enterpriseDeal', revenue: 1e9, customisation: 0 },
  { kind: 'pricing', mode: 'free' },
  { kind: 'pricing', mode: 'exact', price: 10_000 },
  { kind: 'pretraining', bp: 10_000, abandon: false },
  { kind: 'pretraining', bp: 0, abandon: true },
  { kind: 'appWeights', market: 'overseas', weight: 100 },
  { kind: 'keyPersonOffer', role: 'researchers', offer: 5, counter: 5, equityBp: 500 },
  { kind: 'keyPersonLeaves', role: 'engineers' },
  { kind: 'none' },
];

/** Conditions that hold for every company, so that the grown cards come up. */
const ALWAYS: readonly Json[] = [
  { metric: 'quality', op: '>=', value: 0 },
  { metric: 'burnout', op: '<=', value: 1 },
  { metric: 'keyPeople', op: '>=', value: 0 },
  { metric: 'cash', op: '>', value: -1e300 },
  { metric: 'researchers', op: '!=', value: -1 },
  { metric: 'fundingClimate', op: '>', value: 0 },
];

/** The card that is copied: its choices' effects, how it comes up, who takes which choice. */
export interface CardTemplate {
  choices: Json[][];
  /** Scripted in this quarter (every copy at once), or a repeatable random card (one a quarter). */
  scriptedTurn: number | null;
  /** Which choice each archetype and autopilot takes (an index into the choices). */
  policy: number[];
}

export const cardTemplateArb: fc.Arbitrary<CardTemplate> = fc.record({
  choices: fc.array(fc.array(fc.constantFrom(...EXTREME_EFFECTS), { minLength: 1, maxLength: MAX_EFFECTS }), {
    minLength: 2,
    maxLength: MAX_CHOICES,
  }),
  scriptedTurn: fc.option(fc.nat(3), { freq: 3 }),
  policy: fc.array(fc.nat(MAX_CHOICES - 1), { minLength: POLICY_KEYS.length, maxLength: POLICY_KEYS.length }),
});

const label = (turn: number) => `${2023 + Math.floor(turn / 4)}Q${(turn % 4) + 1}`;
const copies = <T>(n: number, make: (k: number) => T): T[] => Array.from({ length: n }, (_, k) => make(k));

/** `n` items: the originals first, then copies of them made by `copy` (with a new id). */
function grow(items: readonly Json[], n: number, copy: (item: Json, k: number) => Json): Json[] {
  return copies(n, (k) => (k < items.length ? items[k]! : copy(items[k % items.length]!, k)));
}

function templateCard(t: CardTemplate, sizes: Partial<Record<ArrayName, number>>, id: string): Json {
  const choiceCount = sizes.choices ?? t.choices.length;
  const choices = copies(choiceCount, (j) => {
    const effects = t.choices[j % t.choices.length]!;
    const n = j === 0 && sizes.effects !== undefined ? sizes.effects : effects.length;
    return testChoice(
      `c${j}`,
      copies(n, (k) => effects[k % effects.length]!),
    );
  });
  const policy: Record<string, string> = {};
  POLICY_KEYS.forEach((who, i) => {
    policy[who] = `c${(t.policy[i] ?? 0) % choiceCount}`;
  });
  return testCard(id, {
    trigger:
      t.scriptedTurn === null
        ? { kind: 'random', weight: 1, from: '2023Q2', to: '2026Q4', repeatable: true }
        : { kind: 'scripted', quarter: label(t.scriptedTurn + 1) },
    when: copies(sizes.conditions ?? 0, (k) => ALWAYS[k % ALWAYS.length]!),
    choices,
    policy,
  });
}

/**
 * The historical level with each named array grown to the given length (the others as they are),
 * its cards replaced by copies of the template card, and an ending that never comes early (a
 * made-it business would stop the game before the effects have compounded for long).
 */
export function grownLevel(t: CardTemplate, sizes: Partial<Record<ArrayName, number>>): Json {
  const json = historicalJson();
  json.endings = { ...(json.endings as Json), madeItQuarters: 8, madeItMinRevenue: 1e12 };
  const quarters =
    sizes.quarters ?? (sizes.keyframes !== undefined ? MAX_QUARTERS : (json.quarters as number));
  json.quarters = quarters;
  const events = json.events as { drawChance: number; concepts: Json[]; cards: Json[] };
  events.drawChance = 1;
  const concepts = [
    ...events.concepts,
    { id: TEST_CONCEPT, name: { zh: 'c', en: 'c' }, text: { zh: 'c', en: 'c' } },
  ];
  events.concepts = grow(concepts, Math.max(sizes.concepts ?? 0, concepts.length), (c, k) => ({
    ...c,
    id: `concept-${k}`,
  }));
  events.cards = copies(sizes.cards ?? 1, (k) => templateCard(t, sizes, `grown-${k}`));
  const companies = json.companies as Json[];
  if (sizes.keyPeople !== undefined)
    for (const c of companies) {
      const people = c.keyPeople as Json[];
      c.keyPeople = grow(people, sizes.keyPeople, (p, k) => ({ ...p, id: `${p.id as string}-${k}` }));
    }
  if (sizes.companies !== undefined) {
    json.companies = grow(companies, sizes.companies, (c, k) => ({ ...c, id: `${c.id as string}-${k}` }));
    (json.player as Json).companies = (json.companies as Json[]).map((c) => c.id);
  }
  if (sizes.giants !== undefined)
    json.giants = grow(json.giants as Json[], sizes.giants, (g, k) => ({
      ...g,
      id: `${g.id as string}-${k}`,
    }));
  if (sizes.keyframes !== undefined) {
    const macro = json.macro as Record<string, Record<string, number>>;
    const value = Object.values(macro.gpuHourPrice!)[0]!;
    macro.gpuHourPrice = Object.fromEntries(copies(sizes.keyframes, (k) => [label(k), value]));
  }
  return json;
}
