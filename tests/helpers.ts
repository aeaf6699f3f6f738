// Shared test helpers: bundled levels, command arbitraries (legal-looking and illegal), a seeded game
// driver that interleaves quarter/end and checks the "rejection leaves the state alone" contract on
// every step, a state walker, and the golden-hash check used by tests/golden.test.ts and
// scripts/update-golden.ts.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { getLevel, LEVEL_IDS } from '../src/app/levels';
import {
  applyCommand,
  createGame,
  formatLevelErrors,
  loadLevel,
  POLICIES,
  type PolicyName,
  quarterLabel,
} from '../src/engine/index';
import type { Level, LevelCard } from '../src/engine/level';
import { MAX_LIVE_MODIFIERS, MAX_USERS } from '../src/engine/limits';
import type {
  AppWeights,
  Command,
  CommandResult,
  GameState,
  PayLevel,
  PendingEvent,
  PricingMode,
  QuarterRecord,
  Staff,
} from '../src/engine/types';
import { INTENSITIES, PAY_LEVELS, PRICING_MODES } from '../src/engine/types';

// ---------------------------------------------------------------------------------------
// Levels

export const ROOT = new URL('..', import.meta.url).pathname;
export const LEVELS_DIR = join(ROOT, 'levels');
export const HISTORICAL_ID = 'historical-2023';

/** The raw JSON of every bundled level file, by file name. */
export function levelFiles(): { file: string; json: unknown }[] {
  return readdirSync(LEVELS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, json: JSON.parse(readFileSync(join(LEVELS_DIR, file), 'utf8')) as unknown }));
}

/** The raw JSON of the historical level (a fresh copy on every call: tests may break it). */
export function historicalJson(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(LEVELS_DIR, `${HISTORICAL_ID}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** Every bundled level (src/app/levels.ts), validated. */
export function allLevels(): Level[] {
  return LEVEL_IDS.map((id) => getLevel(id));
}

export function getTestLevel(id: string = HISTORICAL_ID): Level {
  return getLevel(id);
}

/** Every (level, playable company) pair. */
export function levelCompanyPairs(): { level: Level; company: string }[] {
  return allLevels().flatMap((level) => level.player.companies.map((company) => ({ level, company })));
}

/** Every (level, playable company) pair, plus `extraCompanies` of the synthetic events level. */
export function propertyPairs(extraCompanies = 2): { level: Level; company: string }[] {
  const ev = eventsLevel();
  return [
    ...levelCompanyPairs(),
    ...ev.player.companies.slice(0, extraCompanies).map((company) => ({ level: ev, company })),
  ];
}

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

export function newGame(level: Level, seed: number, playerId: string): GameState {
  const r = createGame(level, seed, playerId);
  if (!r.ok)
    throw new Error(`createGame(${level.id}, ${seed}, ${playerId}): ${r.error.code} ${r.error.message}`);
  return r.state;
}

export function player(state: GameState) {
  const s = state.startups.find((c) => c.id === state.playerId);
  if (!s) throw new Error(`player ${state.playerId} not in state`);
  return s;
}

export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

export function staffTotal(s: Staff): number {
  return s.researchers + s.engineers + s.sales;
}

// ---------------------------------------------------------------------------------------
// Commands. Offer and event ids are only known at play time, so the arbitraries can emit
// placeholders ('@offer:N', '@event:N', '@choice:N') that resolveCommand() maps onto the
// current state (index modulo the number of offers / pending events / choices; left as an
// unknown id when there is none).

function pick<T>(xs: readonly T[], n: number): T | undefined {
  return xs.length === 0 ? undefined : xs[n % xs.length];
}

function placeholderIndex(s: string, kind: string): number | null {
  const m = new RegExp(`^@${kind}:(\\d+)$`).exec(s);
  return m ? Number(m[1]) : null;
}

/** Whether a (possibly malformed) command is a quarter/end. */
export function isQuarterEnd(cmd: unknown): boolean {
  return typeof cmd === 'object' && cmd !== null && (cmd as { type?: unknown }).type === 'quarter/end';
}

export function resolveCommand(state: GameState, cmd: Command): Command {
  if (cmd === null || typeof cmd !== 'object') return cmd;
  if (cmd.type === 'money/accept-offer' || cmd.type === 'money/decline-offer') {
    const i = typeof cmd.offerId === 'string' ? placeholderIndex(cmd.offerId, 'offer') : null;
    if (i === null) return cmd;
    return { ...cmd, offerId: pick(state.offers, i)?.id ?? 'no-such-offer' };
  }
  if (cmd.type === 'event/answer') {
    // '@answered:N': an event already answered this quarter (no longer pending).
    const ai = typeof cmd.eventId === 'string' ? placeholderIndex(cmd.eventId, 'answered') : null;
    if (ai !== null) {
      const done = pick(state.answered, ai);
      return { ...cmd, eventId: done?.id ?? 'no-such-event', choiceId: done?.choice ?? 'no-such-choice' };
    }
    const ei = typeof cmd.eventId === 'string' ? placeholderIndex(cmd.eventId, 'event') : null;
    const ev =
      ei === null ? state.pendingEvents.find((e) => e.id === cmd.eventId) : pick(state.pendingEvents, ei);
    const ci = typeof cmd.choiceId === 'string' ? placeholderIndex(cmd.choiceId, 'choice') : null;
    // '@foreign:N': a choice id of another card that is not a choice of this one.
    const fi = typeof cmd.choiceId === 'string' ? placeholderIndex(cmd.choiceId, 'foreign') : null;
    const eventId = ei === null ? cmd.eventId : (ev?.id ?? 'no-such-event');
    let choiceId = cmd.choiceId;
    if (ci !== null) choiceId = ev ? (pick(ev.choices, ci) ?? 'no-such-choice') : 'no-such-choice';
    if (fi !== null) {
      const foreign = ev
        ? state.pendingEvents.flatMap((e) => e.choices).filter((c) => !ev.choices.includes(c))
        : [];
      choiceId = pick(foreign, fi) ?? 'choice-of-another-card';
    }
    return { ...cmd, eventId, choiceId };
  }
  return cmd;
}

const money = (max: number) => fc.integer({ min: 0, max });

/** Integer weights summing to exactly 100. */
export const appWeightsArb: fc.Arbitrary<AppWeights> = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
  .map(([a, b, c]) => {
    const [x, y, z] = [a, b, c].sort((p, q) => p - q) as [number, number, number];
    return { domestic: x, overseas: y - x, enterprise: z - y, api: 100 - z };
  });

const hiresArb = fc.record(
  {
    researchers: fc.integer({ min: -15, max: 25 }),
    engineers: fc.integer({ min: -15, max: 25 }),
    sales: fc.integer({ min: -10, max: 15 }),
  },
  { requiredKeys: [] },
);

/** Commands a reasonable player might send (they may still be refused, e.g. for lack of cash). */
export const legalishCommandArb: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: money(150_000).map((amount) => ({ type: 'plan/set-spend', amount }) as Command), weight: 3 },
  {
    arbitrary: fc
      .record({ pretrainingBp: fc.integer({ min: 0, max: 10_000 }), appWeights: appWeightsArb })
      .map((r) => ({ type: 'plan/set-split', ...r }) as Command),
    weight: 3,
  },
  {
    arbitrary: fc
      .record({
        mode: fc.constantFrom<PricingMode>(...PRICING_MODES),
        price: fc.double({ min: 0, max: 200, noNaN: true }),
      })
      .map(
        (r) =>
          (r.mode === 'exact'
            ? { type: 'plan/set-api-price', ...r }
            : { type: 'plan/set-api-price', mode: r.mode }) as Command,
      ),
    weight: 2,
  },
  {
    arbitrary: fc
      .record(
        {
          hires: hiresArb,
          payLevel: fc.constantFrom<PayLevel>(...PAY_LEVELS),
          intensity: fc.constantFrom(...INTENSITIES),
        },
        { requiredKeys: [] },
      )
      .map((r) => ({ type: 'people/set', ...r }) as Command),
    weight: 2,
  },
  {
    arbitrary: fc
      .integer({ min: 1, max: 500_000 })
      .map((target) => ({ type: 'money/open-round', target }) as Command),
    weight: 1,
  },
  { arbitrary: fc.constant({ type: 'money/cancel-round' } as Command), weight: 1 },
  {
    arbitrary: fc.tuple(fc.boolean(), fc.nat(3)).map(
      ([accept, i]) =>
        ({
          type: accept ? 'money/accept-offer' : 'money/decline-offer',
          offerId: `@offer:${i}`,
        }) as Command,
    ),
    weight: 1,
  },
  {
    arbitrary: fc
      .tuple(fc.nat(3), fc.nat(5))
      .map(
        ([e, c]) => ({ type: 'event/answer', eventId: `@event:${e}`, choiceId: `@choice:${c}` }) as Command,
      ),
    weight: 2,
  },
);

const badNumber = fc.constantFrom(
  -1,
  -1e9,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e15,
  0.5,
);
const asCommand = (x: unknown) => x as Command;

/** Commands that must all be refused, whatever the state. */
export const illegalCommandArb: fc.Arbitrary<Command> = fc
  .oneof(
    // malformed shapes
    fc.constantFrom<unknown>(
      null,
      undefined,
      42,
      'quarter/end',
      [],
      {},
      { type: 'plan/launch-rocket' },
      { type: 'plan/set-spend' },
      { type: 'plan/set-spend', amount: '100' },
      { type: 'plan/set-split', pretrainingBp: 5000 },
      { type: 'people/set', hires: 'many' },
      { type: 'money/open-round' },
      { type: 'money/accept-offer' },
      { type: 'event/answer', eventId: 3, choiceId: 'a' },
    ),
    badNumber.map((amount) => ({ type: 'plan/set-spend', amount })),
    fc
      .tuple(fc.constantFrom(-1, 10_001, 2.5, Number.NaN, 1e9), appWeightsArb)
      .map(([pretrainingBp, appWeights]) => ({ type: 'plan/set-split', pretrainingBp, appWeights })),
    // weights not summing to 100 (or negative / fractional ones)
    fc
      .tuple(
        fc.integer({ min: 0, max: 10_000 }),
        appWeightsArb,
        fc.constantFrom<[keyof AppWeights, number]>(
          ['api', 1],
          ['domestic', -1],
          ['overseas', 37],
          ['enterprise', 0.5],
          ['api', -100],
        ),
      )
      .map(([pretrainingBp, w, [k, d]]) => ({
        type: 'plan/set-split',
        pretrainingBp,
        appWeights: { ...w, [k]: w[k] + d },
      })),
    fc.constantFrom('cheap', 'dumping', '', 'EXACT').map((mode) => ({ type: 'plan/set-api-price', mode })),
    fc
      .constantFrom<unknown>(-1, Number.NaN, Number.POSITIVE_INFINITY, undefined, '3')
      .map((price) => ({ type: 'plan/set-api-price', mode: 'exact', price })),
    fc
      .tuple(
        fc.constantFrom('researchers', 'engineers', 'sales'),
        fc.constantFrom(-1_000_000, 1e7, Number.NaN, 1.5, Number.POSITIVE_INFINITY),
      )
      .map(([role, n]) => ({ type: 'people/set', hires: { [role]: n } })),
    fc.constantFrom('double', 'zero', '').map((payLevel) => ({ type: 'people/set', payLevel })),
    fc.constantFrom('007', 'chill', '').map((intensity) => ({ type: 'people/set', intensity })),
    fc.constantFrom(0, -5, Number.NaN, 1e15, 2.5).map((target) => ({ type: 'money/open-round', target })),
    fc
      .constantFrom('money/accept-offer', 'money/decline-offer')
      .map((type) => ({ type, offerId: 'offer-that-never-was' })),
    fc
      .constantFrom('event-that-never-was', '')
      .map((eventId) => ({ type: 'event/answer', eventId, choiceId: 'yes' })),
    // a pending event (if any) with an unknown choice; with none pending it is an unknown event
    fc
      .nat(3)
      .map((e) => ({ type: 'event/answer', eventId: `@event:${e}`, choiceId: 'choice-that-never-was' })),
    // a pending event with a choice that belongs to another card
    fc
      .tuple(fc.nat(3), fc.nat(5))
      .map(([e, c]) => ({ type: 'event/answer', eventId: `@event:${e}`, choiceId: `@foreign:${c}` })),
    // an event answered earlier this quarter (or none): no longer pending
    fc.nat(3).map((e) => ({ type: 'event/answer', eventId: `@answered:${e}`, choiceId: 'x' })),
  )
  .map(asCommand);

export const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: legalishCommandArb, weight: 3 },
  { arbitrary: illegalCommandArb, weight: 2 },
);

/** A few quarters of commands; the driver ends each quarter with quarter/end. */
export const quartersArb = (maxQuarters: number, maxPerQuarter = 6): fc.Arbitrary<Command[][]> =>
  fc.array(fc.array(commandArb, { maxLength: maxPerQuarter }), { minLength: 1, maxLength: maxQuarters });

// ---------------------------------------------------------------------------------------
// Driver

export interface Step {
  before: GameState;
  cmd: Command;
  result: CommandResult;
}

export interface PlayResult {
  initial: GameState;
  state: GameState;
  steps: Step[];
  /** The commands actually sent, in order (resolved, including the driver's event answers). */
  log: Command[];
}

export interface PlayOptions {
  /** Keep ending quarters (answering events with their first choice) until the game ends. */
  finish?: boolean;
  /** Check, on every rejection, that the state is the same object and JSON-equal to a copy. */
  checkRejections?: boolean;
  onStep?: (step: Step) => void;
}

/**
 * Plays a seeded game: the commands of each quarter, then quarter/end (after answering any event
 * still pending with its first choice, unless that choice sold the company). Throws if a rejected command touched the state (when
 * checkRejections) or if quarter/end cannot be sent.
 */
export function playQuarters(
  level: Level,
  seed: number,
  playerId: string,
  quarters: readonly (readonly Command[])[],
  opts: PlayOptions = {},
): PlayResult {
  const initial = newGame(level, seed, playerId);
  return continueQuarters(level, initial, quarters, opts);
}

export function continueQuarters(
  level: Level,
  initial: GameState,
  quarters: readonly (readonly Command[])[],
  opts: PlayOptions = {},
): PlayResult {
  let state = initial;
  const steps: Step[] = [];
  const log: Command[] = [];
  const send = (raw: Command): CommandResult => {
    const cmd = resolveCommand(state, raw);
    const copy = opts.checkRejections ? JSON.stringify(state) : '';
    const before = state;
    const result = applyCommand(level, state, cmd);
    if (opts.checkRejections && !result.ok) {
      if (result.state !== before)
        throw new Error(`rejected ${JSON.stringify(cmd)} returned a different state`);
      if (JSON.stringify(before) !== copy)
        throw new Error(`rejected ${JSON.stringify(cmd)} (${result.error.code}) mutated the state`);
    }
    const step = { before, cmd, result };
    steps.push(step);
    log.push(cmd);
    opts.onStep?.(step);
    state = result.state;
    return result;
  };
  const endQuarter = () => {
    for (let guard = 0; state.pendingEvents.length > 0 && guard < 20; guard++) {
      const ev = state.pendingEvents[0]!;
      send({ type: 'event/answer', eventId: ev.id, choiceId: ev.choices[0] ?? '' });
    }
    // a card's choice may have sold the company: the game is over, there is no quarter to end
    if (state.ending) return;
    const r = send({ type: 'quarter/end' });
    if (!r.ok)
      throw new Error(`quarter/end refused at turn ${state.turn}: ${r.error.code} ${r.error.message}`);
  };
  for (const q of quarters) {
    if (state.ending) break;
    for (const cmd of q) send(cmd);
    if (state.ending) break;
    endQuarter();
  }
  if (opts.finish) {
    for (let guard = 0; !state.ending && guard < level.quarters + 1; guard++) endQuarter();
    if (!state.ending) throw new Error('game did not end');
  }
  return { initial, state, steps, log };
}

/** Replays a command log (as produced by playGame or the driver) from a state. */
export function replay(level: Level, from: GameState, log: readonly Command[]): GameState {
  let state = from;
  for (const cmd of log) {
    const r = applyCommand(level, state, cmd);
    if (!r.ok && isQuarterEnd(cmd)) throw new Error(`replay: quarter/end refused: ${r.error.code}`);
    state = r.state;
  }
  return state;
}

/** Splits a command log after each accepted quarter/end: one chunk per quarter. */
export function splitByQuarter(log: readonly Command[]): Command[][] {
  const out: Command[][] = [[]];
  for (const cmd of log) {
    out[out.length - 1]!.push(cmd);
    if (isQuarterEnd(cmd)) out.push([]);
  }
  if (out[out.length - 1]!.length === 0) out.pop();
  return out;
}

export function quarterHashes(state: GameState): string[] {
  return state.history.map((h: QuarterRecord) => h.hash);
}

// ---------------------------------------------------------------------------------------
// State walking

/** Every number in a JSON-like value, with its dotted path. */
export function* numbersIn(value: unknown, path = ''): Generator<[string, number]> {
  if (typeof value === 'number') yield [path, value];
  else if (Array.isArray(value))
    for (let i = 0; i < value.length; i++) yield* numbersIn(value[i], `${path}.${i}`);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* numbersIn(v, path ? `${path}.${k}` : k);
}

/** Paths of numbers that are NaN or infinite; [] when all are finite. */
export function nonFinitePaths(value: unknown): string[] {
  const bad: string[] = [];
  for (const [p, n] of numbersIn(value)) if (!Number.isFinite(n)) bad.push(`${p}=${n}`);
  return bad;
}

/** Paths holding values JSON cannot carry faithfully (undefined, functions, class instances). */
export function nonJsonPaths(value: unknown, path = ''): string[] {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')
    return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonJsonPaths(v, `${path}.${i}`));
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return [`${path} (${proto?.constructor?.name})`];
    return Object.entries(value).flatMap(([k, v]) => nonJsonPaths(v, path ? `${path}.${k}` : k));
  }
  return [`${path} (${typeof value})`];
}

// ---------------------------------------------------------------------------------------
// Invariant checks returning messages (empty when all hold), usable outside vitest.

/**
 * The books of the quarter that took `before` to `after` (whose last history record is that
 * quarter): integer money, cash(t+1) = cash(t) + revenue − costs + funding exactly, and the
 * lines sum to the totals (revenueBy includes 'other', costBy includes 'other').
 */
export function bookErrors(before: GameState, after: GameState): string[] {
  const errs: string[] = [];
  const rec = after.history[after.history.length - 1];
  if (!rec || rec.turn !== before.turn) return [`no record of turn ${before.turn}`];
  for (const c of rec.companies) {
    const where = `${rec.quarter} ${c.id}`;
    const prev = before.startups.find((s) => s.id === c.id)?.cash;
    for (const [k, v] of Object.entries({
      cash: c.cash,
      revenue: c.revenue,
      costs: c.costs,
      funding: c.funding,
    }))
      if (!Number.isSafeInteger(v)) errs.push(`${where}: ${k}=${v} is not an integer`);
    if (prev === undefined || c.cash - prev !== c.revenue - c.costs + c.funding)
      errs.push(
        `${where}: cash ${prev} → ${c.cash} but revenue − costs + funding = ${c.revenue - c.costs + c.funding}`,
      );
    const rev = Object.values(c.revenueBy).reduce((a, b) => a + b, 0);
    const cost = Object.values(c.costBy).reduce((a, b) => a + b, 0);
    if (rev !== c.revenue) errs.push(`${where}: revenueBy sums to ${rev}, revenue ${c.revenue}`);
    if (cost !== c.costs) errs.push(`${where}: costBy sums to ${cost}, costs ${c.costs}`);
    if (c.operatingProfit !== c.revenue - c.costs) errs.push(`${where}: operating profit`);
    if (c.revenue < 0 || c.costs < 0 || c.funding < 0) errs.push(`${where}: a negative total`);
    for (const [k, v] of Object.entries(c.revenueBy)) if (v < 0) errs.push(`${where}: revenueBy.${k}=${v}`);
    for (const [k, v] of Object.entries(c.costBy)) if (v < 0) errs.push(`${where}: costBy.${k}=${v}`);
    if (after.startups.find((s) => s.id === c.id)?.cash !== c.cash)
      errs.push(`${where}: state cash ≠ record cash`);
  }
  return errs;
}

/** API shares of one record: each in [0, 1], summing to 1 with the outside option; an outside share of exactly 1 sells nothing. */
export function shareErrors(rec: QuarterRecord): string[] {
  const errs: string[] = [];
  const where = rec.quarter;
  const inRange = (x: number) => x >= 0 && x <= 1;
  if (!inRange(rec.outsideShare)) errs.push(`${where}: outside share ${rec.outsideShare}`);
  for (const g of rec.giants) if (!inRange(g.apiShare)) errs.push(`${where}: ${g.id} share ${g.apiShare}`);
  const inside = 1 - rec.outsideShare;
  if (rec.outsideShare === 1) {
    // the outside option took everything: nobody sold
    const sold = rec.companies.filter((c) => c.apiTokens !== 0 || c.revenueBy.api !== 0);
    for (const c of sold)
      errs.push(`${where}: ${c.id} sold ${c.apiTokens} tokens with an outside share of 1`);
    for (const g of rec.giants) if (g.apiShare !== 0) errs.push(`${where}: ${g.id} share ${g.apiShare}`);
  } else if (rec.apiTokens > 0 && inside > 0) {
    const potential = rec.apiTokens / inside;
    let sum = rec.outsideShare + rec.giants.reduce((a, g) => a + g.apiShare, 0);
    for (const c of rec.companies) {
      const s = c.apiTokens / potential;
      if (!inRange(s)) errs.push(`${where}: ${c.id} share ${s}`);
      sum += s;
    }
    if (Math.abs(sum - 1) > 1e-9) errs.push(`${where}: shares sum to ${sum}`);
  }
  return errs;
}

/** Company-level sanity: staff, users, modifiers, quality, burnout, ownership, credits, key people, weights. */
export function sanityErrors(state: GameState): string[] {
  const errs = nonFinitePaths(state);
  for (const c of state.startups) {
    const bad = (what: string) => errs.push(`${c.id}: ${what}`);
    for (const [role, n] of Object.entries(c.staff)) if (!Number.isInteger(n) || n < 0) bad(`${role}=${n}`);
    if (c.domesticUsers < 0 || c.overseasUsers < 0) bad('negative users');
    if (c.domesticUsers > MAX_USERS || c.overseasUsers > MAX_USERS) bad('users past MAX_USERS');
    if (c.modifiers.length > MAX_LIVE_MODIFIERS) bad(`${c.modifiers.length} modifiers`);
    if (c.quality < 0 || c.quality > 100) bad(`quality ${c.quality}`);
    if (c.burnout < 0 || c.burnout > 1) bad(`burnout ${c.burnout}`);
    if (c.platform < 0 || c.platform > 1) bad(`platform ${c.platform}`);
    if (!Number.isInteger(c.ownershipBp) || c.ownershipBp < 0 || c.ownershipBp > 10_000)
      bad(`ownership ${c.ownershipBp}`);
    if (c.credits < 0) bad(`credits ${c.credits}`);
    if (c.apiPrice < 0) bad(`api price ${c.apiPrice}`);
    for (const k of c.keyPeople) if (k.raise < 0) bad(`${k.id} raise ${k.raise}`);
    const w = c.plan.appWeights;
    if (w.domestic + w.overseas + w.enterprise + w.api !== 100 || Object.values(w).some((x) => x < 0))
      bad(`app weights ${JSON.stringify(w)}`);
    if (c.status === 'active' && c.cash < 0) bad(`active with cash ${c.cash}`);
  }
  return errs;
}

export const POLICY_NAMES: readonly PolicyName[] = POLICIES;
