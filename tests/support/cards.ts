// Test support, event cards: synthetic cards that exercise every effect kind (added to a copy of
// the historical level), answering pending cards neutrally, and the (level, company) pairs the
// property tests walk.

import { applyCommand, formatLevelErrors, loadLevel, quarterLabel } from '../../src/engine/index';
import type { Level, LevelCard } from '../../src/engine/level';
import type { GameState, PendingEvent } from '../../src/engine/types';
import { HISTORICAL_ID, historicalJson, levelCompanyPairs } from './levels';

// ---------------------------------------------------------------------------------------
// Synthetic event cards (added to a copy of the historical level), so that every effect kind
// is exercised whatever cards the bundled levels carry.

export const TEST_CONCEPT = 'test-concept';

const txt = (s: string) => ({ zh: s, en: s });

/** A valid card file entry with test text; `over` replaces any field. */
export function testCard(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    title: txt(`title ${id}`),
    text: txt(`text ${id}`),
    concept: TEST_CONCEPT,
    facts: txt('test facts'),
    trigger: { kind: 'scripted', quarter: '2023Q2' },
    when: [],
    audience: 'all',
    choices: [
      { id: 'yes', label: txt('yes'), tradeoff: txt('yes'), effects: [{ kind: 'none' }] },
      { id: 'no', label: txt('no'), tradeoff: txt('no'), effects: [{ kind: 'none' }] },
    ],
    policy: {},
    ...over,
  };
}

/** A choice entry with test text. */
export function testChoice(id: string, effects: unknown[]): Record<string, unknown> {
  return { id, label: txt(id), tradeoff: txt(id), effects };
}

const random = (weight = 1, repeatable = false, from = '2023Q2', to = '2026Q4') => ({
  kind: 'random',
  weight,
  from,
  to,
  repeatable,
});

/** Cards covering every effect kind (money, strategic money, people, operations, markets, exit). */
export function effectDeck(): Record<string, unknown>[] {
  return [
    testCard('test-money', {
      trigger: { kind: 'scripted', quarter: '2023Q2' },
      choices: [
        testChoice('pay', [{ kind: 'cost', amount: 500 }]),
        testChoice('earn', [{ kind: 'income', amount: 800 }]),
        testChoice('invest', [{ kind: 'investment', amount: 20_000, stakeBp: 500 }]),
        testChoice('wait', [{ kind: 'none' }]),
      ],
      policy: { 'overseas-consumer': 'earn', 'pretraining-heavy': 'invest', balanced: 'pay' },
    }),
    testCard('test-strategic', {
      trigger: { kind: 'scripted', quarter: '2023Q3' },
      choices: [
        testChoice('take', [
          { kind: 'strategic', investor: 'alibaba', amount: 50_000, credits: 30_000, stakeBp: 800 },
        ]),
        testChoice('refuse', [{ kind: 'none' }]),
      ],
      policy: { 'enterprise-gov': 'refuse' },
    }),
    testCard('test-people', {
      trigger: random(2),
      choices: [
        testChoice('hire', [
          { kind: 'staff', role: 'researchers', share: 0.1, count: 2 },
          { kind: 'payLevel', level: 'plus25' },
        ]),
        testChoice('crunch', [
          { kind: 'intensity', level: '996' },
          { kind: 'burnout', delta: 0.2 },
        ]),
        testChoice('cut', [
          { kind: 'staff', role: 'engineers', share: -0.2, count: -1 },
          { kind: 'payLevel', level: 'below' },
          { kind: 'burnout', delta: -0.3 },
          { kind: 'intensity', level: 'normal' },
        ]),
      ],
      policy: { 'domestic-consumer': 'crunch' },
    }),
    testCard('test-ops', {
      trigger: random(2),
      choices: [
        testChoice('sabotage', [{ kind: 'runLoss', share: 0.5 }]),
        testChoice('users', [
          { kind: 'users', market: 'domestic', share: -0.3 },
          { kind: 'users', market: 'overseas', share: 0.5 },
        ]),
        testChoice('platform', [
          { kind: 'platform', delta: 0.2 },
          { kind: 'modifier', target: 'research', factor: 1.2, quarters: 2 },
        ]),
      ],
      policy: {},
    }),
    testCard('test-market', {
      trigger: random(2),
      choices: [
        testChoice('deal', [{ kind: 'enterpriseDeal', revenue: 3000, customisation: 1.5 }]),
        testChoice('war', [{ kind: 'pricing', mode: 'free' }]),
        testChoice('exact', [{ kind: 'pricing', mode: 'exact', price: 3 }]),
        testChoice('overseas', [{ kind: 'appWeights', market: 'overseas', weight: 60 }]),
      ],
      policy: { 'cost-efficient': 'deal' },
    }),
    testCard('test-pivot', {
      trigger: random(1),
      choices: [
        testChoice('keep', [{ kind: 'pretraining', bp: 8000, abandon: false }]),
        testChoice('pivot', [{ kind: 'pretraining', bp: 0, abandon: true }]),
      ],
      policy: {},
    }),
    testCard('test-poach', {
      trigger: random(2, true),
      choices: [
        testChoice('counter', [
          { kind: 'keyPersonOffer', role: 'researchers', offer: 0.5, counter: 0.5, equityBp: 0 },
        ]),
        testChoice('equity', [
          { kind: 'keyPersonOffer', role: 'researchers', offer: 1, counter: 0, equityBp: 100 },
        ]),
        testChoice('lowball', [
          { kind: 'keyPersonOffer', role: 'engineers', offer: 2, counter: 0, equityBp: 0 },
        ]),
        testChoice('let-go', [{ kind: 'keyPersonLeaves', role: 'researchers' }]),
      ],
      policy: { 'pretraining-heavy': 'equity' },
    }),
    testCard('test-modifiers', {
      trigger: random(1),
      choices: [
        testChoice('ads', [
          { kind: 'modifier', target: 'cacDomestic', factor: 1.5, quarters: 2 },
          { kind: 'modifier', target: 'cacOverseas', factor: 0.8, quarters: 1 },
        ]),
        testChoice('demand', [
          { kind: 'modifier', target: 'arpuOverseas', factor: 1.3, quarters: 3 },
          { kind: 'modifier', target: 'enterpriseDemand', factor: 2, quarters: 2 },
          { kind: 'modifier', target: 'research', factor: 0.5, quarters: 2 },
        ]),
      ],
      policy: {},
    }),
    testCard('test-exit', {
      trigger: random(0.5),
      when: [{ metric: 'runway', op: '<', value: 3 }],
      choices: [
        testChoice('refuse', [{ kind: 'none' }]),
        testChoice('sell', [{ kind: 'sell', multiple: 1.2 }]),
      ],
      policy: { 'domestic-consumer': 'sell' },
    }),
  ];
}

/**
 * A copy of the historical level (id "historical-2023-cards") with these cards replacing its own
 * (or added to them with `keepCards`) and the test concept; `edit` may change the raw JSON further. Throws with the level's errors if it does not load.
 */
export function levelWithCards(
  cards: readonly unknown[],
  opts: { drawChance?: number; keepCards?: boolean; edit?: (json: Record<string, unknown>) => void } = {},
): Level {
  const json = historicalJson();
  const events = json.events as { drawChance: number; concepts: { id: string }[]; cards: unknown[] };
  events.cards = opts.keepCards ? [...events.cards, ...cards] : [...cards];
  if (!events.concepts.some((c) => c.id === TEST_CONCEPT))
    events.concepts.push({
      id: TEST_CONCEPT,
      name: txt('test concept'),
      text: txt('a concept for tests'),
    } as never);
  if (opts.drawChance !== undefined) events.drawChance = opts.drawChance;
  json.id = `${HISTORICAL_ID}-cards`;
  opts.edit?.(json);
  const r = loadLevel(json);
  if (!r.ok) throw new Error(`synthetic level does not load: ${formatLevelErrors(r.errors)}`);
  return r.level;
}

let cachedEventsLevel: Level | undefined;

/** The historical level with the effect deck and a high draw chance (cached). */
export function eventsLevel(): Level {
  cachedEventsLevel ??= levelWithCards(effectDeck(), { drawChance: 0.7 });
  return cachedEventsLevel;
}

export function cardOf(level: Level, id: string): LevelCard {
  const card = level.events.cards.find((c) => c.id === id);
  if (!card) throw new Error(`no card "${id}" in level ${level.id}`);
  return card;
}

/** The pending-event entry of a card in the state's quarter. */
export function pendingOf(level: Level, state: GameState, card: LevelCard): PendingEvent {
  return {
    id: `${card.id}@${quarterLabel(level, state.turn)}`,
    card: card.id,
    choices: card.choices.map((c) => c.id),
  };
}

/** The state with exactly this card waiting for the player's answer (replacing any pending ones). */
export function withCardPending(level: Level, state: GameState, card: LevelCard): GameState {
  return { ...state, pendingEvents: [pendingOf(level, state, card)] };
}

const MONEY_OR_EXIT = new Set([
  'sell',
  'investment',
  'strategic',
  'income',
  'cost',
  'enterpriseDeal',
  'keyPersonOffer',
]);

/**
 * The most neutral answer to a pending card: a choice that does nothing if there is one, else one
 * that moves no money and sells nothing, else the first that does not sell the company.
 */
export function neutralChoice(level: Level, e: PendingEvent): string {
  const card = level.events.cards.find((c) => c.id === e.card);
  if (!card) return e.choices[0]!;
  const pick =
    card.choices.find((c) => c.effects.every((x) => x.kind === 'none')) ??
    card.choices.find((c) => c.effects.every((x) => !MONEY_OR_EXIT.has(x.kind))) ??
    card.choices.find((c) => c.effects.every((x) => x.kind !== 'sell')) ??
    card.choices[0]!;
  return pick.id;
}

/** Answers every pending card of the player with its neutral choice. */
export function answerNeutrally(level: Level, state: GameState): GameState {
  let s = state;
  while (s.pendingEvents.length > 0) {
    const e = s.pendingEvents[0]!;
    const r = applyCommand(level, s, {
      type: 'event/answer',
      eventId: e.id,
      choiceId: neutralChoice(level, e),
    });
    if (!r.ok) throw new Error(`answering ${e.id}: ${r.error.code} ${r.error.message}`);
    s = r.state;
  }
  return s;
}

/** Answers the pending cards neutrally, then ends the quarter (throws if refused). */
export function endQuarterNeutrally(level: Level, state: GameState): GameState {
  const r = applyCommand(level, answerNeutrally(level, state), { type: 'quarter/end' });
  if (!r.ok) throw new Error(`quarter/end refused: ${r.error.code} ${r.error.message}`);
  return r.state;
}

/** Every (level, playable company) pair, plus `extraCompanies` of the synthetic events level. */
export function propertyPairs(extraCompanies = 2): { level: Level; company: string }[] {
  const ev = eventsLevel();
  return [
    ...levelCompanyPairs(),
    ...ev.player.companies.slice(0, extraCompanies).map((company) => ({ level: ev, company })),
  ];
}
