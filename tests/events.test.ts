// Event cards end to end: every card of every bundled level (and of a synthetic deck covering every
// effect kind) answered with every choice from a real mid-game state; pending cards blocking the
// quarter; determinism and save/restore with cards pending; the schema's policy cross-check and
// the rivals' answers in the news.

import { describe, expect, it } from 'vitest';
import { getLevel, LEVEL_IDS } from '../src/app/levels';
import { policyChoice } from '../src/engine/cards';
import type { Effect } from '../src/engine/cards-schema';
import { effectSchema } from '../src/engine/cards-schema';
import { companySpec } from '../src/engine/economy';
import {
  applyCommand,
  autopilotCommands,
  autopilotRng,
  hashState,
  loadLevel,
  POLICIES,
  type PolicyName,
  playGame,
} from '../src/engine/index';
import type { Level, LevelCard } from '../src/engine/level';
import { ARCHETYPES, POLICY_KEYS } from '../src/engine/level';
import type { Command, GameState } from '../src/engine/types';
import {
  bookErrors,
  cardOf,
  clone,
  continueQuarters,
  effectDeck,
  eventsLevel,
  historicalJson,
  isQuarterEnd,
  levelWithCards,
  newGame,
  player,
  playQuarters,
  quarterHashes,
  replay,
  sanityErrors,
  shareErrors,
  TEST_CONCEPT,
  testCard,
  testChoice,
  withCardPending,
} from './helpers';

const BUNDLED = LEVEL_IDS.map((id) => getLevel(id));
/** The bundled levels and the synthetic deck (every effect kind), whatever cards the levels carry. */
const LEVELS: Level[] = [...BUNDLED, eventsLevel()];

function ok(level: Level, state: GameState, cmd: Command): GameState {
  const r = applyCommand(level, state, cmd);
  if (!r.ok) throw new Error(`${JSON.stringify(cmd)} refused: ${r.error.code} ${r.error.message}`);
  return r.state;
}

const me = (s: GameState) => player(s);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** A real state at the start of `turn` (no ending yet), played with the default plan (or a lean spend). */
const midCache = new Map<string, GameState>();
function midState(level: Level, company: string, turn: number): GameState {
  const key = `${level.id}/${company}/${turn}`;
  const hit = midCache.get(key);
  if (hit) return hit;
  // The default plan first; a company whose default burn runs out of cash before `turn` on every
  // seed (Zhipu's payroll under rules 5) plays it with a lean spend of ¥100M a quarter instead.
  for (const lean of [false, true])
    for (let seed = 1; seed <= 20; seed++) {
      const { state } = playQuarters(
        level,
        seed,
        company,
        Array.from({ length: turn }, (_, q) =>
          lean && q === 0 ? [{ type: 'plan/set-spend', amount: 10_000 } as Command] : [],
        ),
      );
      if (!state.ending && state.turn === turn && me(state).status === 'active') {
        midCache.set(key, state);
        return state;
      }
    }
  throw new Error(`no live state of ${key}`);
}

/** The money a choice's effects put in the company's eventBooks (the part fixed by the effects). */
function moneyOf(effects: readonly Effect[]) {
  let income = 0;
  let funding = 0;
  let cost = 0;
  let deals = false;
  for (const e of effects) {
    if (e.kind === 'income') income += e.amount;
    if (e.kind === 'enterpriseDeal') {
      income += e.revenue;
      deals = true;
    }
    if (e.kind === 'cost') cost += e.amount;
    if (e.kind === 'investment' || e.kind === 'strategic') funding += e.amount;
  }
  return { income, funding, cost, deals };
}

describe('every card, every choice, from a real mid-game state', () => {
  for (const level of LEVELS) {
    describe(level.id, () => {
      it(`${level.events.cards.length} cards`, () => {
        let tried = 0;
        level.events.cards.forEach((card: LevelCard, ci) => {
          const company = level.player.companies[ci % level.player.companies.length]!;
          const turn = Math.min(Math.max(card.fromTurn, 1), level.quarters - 2);
          const mid = midState(level, company, turn);
          const pending = withCardPending(level, mid, card);
          for (const choice of card.choices) {
            const where = `${level.id} ${card.id}/${choice.id} (${company}, turn ${turn})`;
            const answered = ok(level, pending, {
              type: 'event/answer',
              eventId: pending.pendingEvents[0]!.id,
              choiceId: choice.id,
            });
            tried++;
            expect(answered.pendingEvents, where).toEqual([]);
            expect(
              answered.answered.map((a) => a.id),
              where,
            ).toEqual([pending.pendingEvents[0]!.id]);
            expect(sanityErrors(answered), where).toEqual([]);
            // the money of the choice waits in eventBooks; the cash has not moved
            const m = moneyOf(choice.effects);
            const books = me(answered).eventBooks;
            expect(books.income - me(mid).eventBooks.income, where).toBe(m.income);
            expect(books.funding - me(mid).eventBooks.funding, where).toBe(m.funding);
            if (m.deals) expect(books.cost - me(mid).eventBooks.cost, where).toBeGreaterThanOrEqual(m.cost);
            else expect(books.cost - me(mid).eventBooks.cost, where).toBe(m.cost);
            expect(me(answered).cash, where).toBe(me(mid).cash);

            const sells = choice.effects.some((e) => e.kind === 'sell');
            if (sells) {
              expect(answered.ending?.kind, where).toBe('acquired');
              expect(Number.isFinite(answered.ending?.score), where).toBe(true);
              const r = applyCommand(level, answered, { type: 'quarter/end' });
              expect(r.ok || r.error.code, where).toBe('game-over');
              continue;
            }
            expect(answered.ending, where).toBeNull();
            const next = ok(level, answered, { type: 'quarter/end' });
            expect(bookErrors(answered, next), where).toEqual([]);
            expect(sanityErrors(next), where).toEqual([]);
            expect(shareErrors(next.history[next.history.length - 1]!), where).toEqual([]);
            // the choice's money was booked in this quarter: card income and costs in 'other'
            const rec = next.history[next.history.length - 1]!.companies.find((c) => c.id === company)!;
            expect(rec.revenueBy.other, where).toBe(books.income);
            expect(rec.costBy.other, where).toBe(books.cost);
            expect(rec.funding, where).toBeGreaterThanOrEqual(books.funding);
            expect(next.history[next.history.length - 1]!.events[0]?.choice, where).toBe(choice.id);
            if (!next.ending) {
              expect(next.turn, where).toBe(turn + 1);
              expect(me(next).eventBooks, where).toEqual({ income: 0, cost: 0, funding: 0 });
            } else expect(['out-of-money', 'made-it', 'times-up'], where).toContain(next.ending.kind);
            // and the game plays on soundly for two more quarters
            const on = continueQuarters(level, next, [[], []], { checkRejections: true });
            for (const step of on.steps)
              if (isQuarterEnd(step.cmd) && step.result.ok) {
                expect(bookErrors(step.before, step.result.state), where).toEqual([]);
                expect(sanityErrors(step.result.state), where).toEqual([]);
              }
          }
        });
        expect(tried).toBe(sum(level.events.cards.map((c) => c.choices.length)));
      });
    });
  }

  it('the synthetic deck covers every effect kind', () => {
    const kinds = new Set(
      eventsLevel().events.cards.flatMap((c) => c.choices.flatMap((ch) => ch.effects.map((e) => e.kind))),
    );
    // Every kind the schema defines (read from the schema, so a new kind cannot be forgotten).
    const all = effectSchema.options.map((o) => o.shape.kind.value).sort();
    expect(all.length).toBeGreaterThan(15);
    expect([...kinds].sort()).toEqual(all);
  });
});

describe('a pending card blocks the quarter until it is answered', () => {
  const level = levelWithCards(
    [
      testCard('first', { audience: 'player' }),
      testCard('second', {
        audience: 'player',
        choices: [
          testChoice('a', [{ kind: 'income', amount: 100 }]),
          testChoice('b', [{ kind: 'cost', amount: 50 }]),
        ],
      }),
    ],
    { drawChance: 0 },
  );

  it('end to end: refused while waiting, answered in any order, recorded in the quarter', () => {
    const s1 = ok(level, newGame(level, 8, 'zhipu'), { type: 'quarter/end' });
    expect(s1.pendingEvents).toEqual([
      { id: 'first@2023Q2', card: 'first', choices: ['yes', 'no'] },
      { id: 'second@2023Q2', card: 'second', choices: ['a', 'b'] },
    ]);
    const refused = (s: GameState, cmd: Command, code: string) => {
      const copy = JSON.stringify(s);
      const r = applyCommand(level, s, cmd);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe(code);
      expect(r.state).toBe(s);
      expect(JSON.stringify(s)).toBe(copy);
    };
    refused(s1, { type: 'quarter/end' }, 'event-pending');
    refused(s1, { type: 'event/answer', eventId: 'first@2023Q3', choiceId: 'yes' }, 'event-not-pending');
    refused(s1, { type: 'event/answer', eventId: 'first', choiceId: 'yes' }, 'event-not-pending');
    refused(s1, { type: 'event/answer', eventId: 'first@2023Q2', choiceId: 'a' }, 'unknown-choice');
    // plan commands are allowed while cards wait
    const planned = ok(level, s1, { type: 'plan/set-spend', amount: 1000 });
    const a = ok(level, planned, { type: 'event/answer', eventId: 'second@2023Q2', choiceId: 'b' });
    refused(a, { type: 'quarter/end' }, 'event-pending');
    refused(a, { type: 'event/answer', eventId: 'second@2023Q2', choiceId: 'a' }, 'event-not-pending');
    const b = ok(level, a, { type: 'event/answer', eventId: 'first@2023Q2', choiceId: 'no' });
    expect(b.pendingEvents).toEqual([]);
    const s2 = ok(level, b, { type: 'quarter/end' });
    const rec = s2.history[1]!;
    expect(rec.events).toEqual([
      { id: 'second@2023Q2', choice: 'b' },
      { id: 'first@2023Q2', choice: 'no' },
    ]);
    expect(rec.companies.find((c) => c.id === 'zhipu')!.costBy.other).toBe(50);
    expect(s2.pendingEvents).toEqual([]);
    expect(s2.answered).toEqual([]);
  });

  it('at most four cards wait at once', () => {
    const many = levelWithCards(
      Array.from({ length: 6 }, (_, i) => testCard(`c${i}`, { audience: 'player' })),
      { drawChance: 0 },
    );
    const s1 = ok(many, newGame(many, 1, 'zhipu'), { type: 'quarter/end' });
    expect(s1.pendingEvents.map((e) => e.card)).toEqual(['c0', 'c1', 'c2', 'c3']);
  });

  it('the autopilots answer every card before ending each quarter', () => {
    const level = eventsLevel();
    for (const policy of POLICIES.filter((p) => p !== 'random')) {
      const { state, log } = playGame(level, 21, 'minimax', policy);
      expect(state.ending).not.toBeNull();
      const answers = log.filter((c) => c.type === 'event/answer').length;
      // answers are recorded in their quarter's history; a sale ends the game before the quarter does
      expect(answers, policy).toBe(sum(state.history.map((h) => h.events.length)) + state.answered.length);
      expect(answers, policy).toBeGreaterThan(0);
    }
  });
});

describe('determinism with event cards', () => {
  const level = eventsLevel();

  it('same level + seed + commands ⇒ same per-quarter hashes (autopilots and replays)', () => {
    for (const [seed, company, policy] of [
      [3, 'zhipu', 'balanced'],
      [4, 'moonshot', 'applications-first'],
      [5, 'stepfun', 'pretraining-first'],
    ] as [number, string, PolicyName][]) {
      const a = playGame(level, seed, company, policy);
      const b = playGame(level, seed, company, policy);
      expect(quarterHashes(b.state)).toEqual(quarterHashes(a.state));
      expect(hashState(b.state)).toBe(hashState(a.state));
      const replayed = replay(level, newGame(level, seed, company), a.log);
      expect(quarterHashes(replayed)).toEqual(quarterHashes(a.state));
      expect(replayed).toEqual(a.state);
      // cards did come up and were answered
      expect(a.state.history.some((h) => h.events.length > 0)).toBe(true);
      // another seed gives another game
      expect(quarterHashes(playGame(level, seed + 100, company, policy).state)).not.toEqual(
        quarterHashes(a.state),
      );
    }
  });

  it('a JSON save with a card pending restores and replays identically (poaching outcomes included)', () => {
    let checked = 0;
    for (let seed = 1; seed <= 12 && checked < 3; seed++) {
      const company = 'moonshot';
      let state = newGame(level, seed, company);
      const apRng = autopilotRng(seed);
      // play until a poaching card (resolved with the game's generator) is pending
      while (!state.ending && !state.pendingEvents.some((e) => e.card === 'test-poach'))
        for (const cmd of autopilotCommands(level, state, 'balanced', apRng)) state = ok(level, state, cmd);
      if (state.ending) continue;
      const saved = JSON.stringify(state);
      const restored = JSON.parse(saved) as GameState;
      expect(hashState(restored)).toBe(hashState(state));
      expect(restored).toEqual(state);
      // play on from the original with the autopilot, then replay its commands on the copy
      const log: Command[] = [];
      let a = state;
      const rng = autopilotRng(seed, 7);
      while (!a.ending)
        for (const cmd of autopilotCommands(level, a, 'balanced', rng)) {
          a = ok(level, a, cmd);
          log.push(cmd);
        }
      const b = replay(level, restored, log);
      expect(quarterHashes(b)).toEqual(quarterHashes(a));
      expect(hashState(b)).toBe(hashState(a));
      expect(b).toEqual(a);
      // the saved state itself was not touched by playing on
      expect(JSON.stringify(state)).toBe(saved);
      const poach = a.history.flatMap((h) => h.events).find((e) => e.id.startsWith('test-poach@'));
      expect(poach?.outcome?.person).toMatch(/^ms-/);
      expect(typeof poach?.outcome?.stayed).toBe('boolean');
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('card policies and the rivals’ answers', () => {
  it('every card’s policy names a real choice and a real archetype or autopilot (bundled levels)', () => {
    for (const level of [...BUNDLED, eventsLevel()])
      for (const card of level.events.cards) {
        const ids = card.choices.map((c) => c.id);
        expect(new Set(ids).size, `${level.id} ${card.id}`).toBe(ids.length);
        expect(card.choices.length).toBeGreaterThanOrEqual(2);
        for (const [who, choice] of Object.entries(card.policy)) {
          expect(POLICY_KEYS, `${level.id} ${card.id} policy ${who}`).toContain(who);
          expect(ids, `${level.id} ${card.id} policy ${who}`).toContain(choice);
        }
        for (const who of [...ARCHETYPES, ...POLICIES.filter((p) => p !== 'random')])
          expect(ids).toContain(policyChoice(card, who));
        expect(level.events.concepts.map((c) => c.id)).toContain(card.concept);
      }
  });

  it('the schema cross-check refuses a policy naming an unknown choice or archetype', () => {
    const load = (card: Record<string, unknown>) => {
      const json = historicalJson();
      const events = json.events as { concepts: unknown[]; cards: unknown[] };
      events.concepts.push({ id: TEST_CONCEPT, name: { zh: 'x', en: 'x' }, text: { zh: 'x', en: 'x' } });
      events.cards = [card];
      return loadLevel(json);
    };
    expect(load(testCard('fine', { policy: { 'enterprise-gov': 'no', balanced: 'yes' } })).ok).toBe(true);
    const badChoice = load(testCard('bad', { policy: { 'enterprise-gov': 'maybe' } }));
    expect(badChoice.ok).toBe(false);
    if (!badChoice.ok)
      expect(badChoice.errors.map((e) => e.path)).toContain('events.cards.0.policy.enterprise-gov');
    const badWho = load(testCard('bad', { policy: { 'crypto-bro': 'yes' } }));
    expect(badWho.ok).toBe(false);
    if (!badWho.ok) expect(badWho.errors.map((e) => e.path)).toContain('events.cards.0.policy.crypto-bro');
    const badConcept = load(testCard('bad', { concept: 'no-such-concept' }));
    expect(badConcept.ok).toBe(false);
    if (!badConcept.ok) expect(badConcept.errors.map((e) => e.path)).toContain('events.cards.0.concept');
    const badInvestor = load(
      testCard('bad', {
        choices: [
          testChoice('take', [{ kind: 'strategic', investor: 'nobody', amount: 1, credits: 0, stakeBp: 1 }]),
          testChoice('no', [{ kind: 'none' }]),
        ],
      }),
    );
    expect(badInvestor.ok).toBe(false);
    if (!badInvestor.ok)
      expect(badInvestor.errors.map((e) => e.path)).toContain('events.cards.0.choices.0.effects.0.investor');
    const dupChoice = load(
      testCard('bad', {
        choices: [testChoice('x', [{ kind: 'none' }]), testChoice('x', [{ kind: 'none' }])],
      }),
    );
    expect(dupChoice.ok).toBe(false);
  });

  it('rivals answer at once by their archetype’s policy: a news item each, and the effects apply', () => {
    const money = effectDeck().find((c) => c.id === 'test-money')!;
    const level = levelWithCards([money], { drawChance: 0 });
    const card = cardOf(level, 'test-money');
    const s0 = newGame(level, 2, 'zhipu');
    const s1 = ok(level, s0, { type: 'quarter/end' });
    const rivals = s1.startups.filter((s) => s.id !== 'zhipu' && s.status === 'active');
    const items = s1.news.filter((n) => n.key === 'news.rivalChoice');
    expect(items).toEqual(
      rivals.map((s) => ({
        key: 'news.rivalChoice',
        subject: s.id,
        params: { card: 'test-money', choice: policyChoice(card, companySpec(level, s.id).archetype) },
      })),
    );
    expect(s1.history[0]!.news).toEqual(s1.news);
    // the player's copy waits; the rivals' money is booked at the end of the quarter the card is for
    expect(s1.pendingEvents.map((e) => e.card)).toEqual(['test-money']);
    const s2 = ok(
      level,
      ok(level, s1, { type: 'event/answer', eventId: 'test-money@2023Q2', choiceId: 'wait' }),
      {
        type: 'quarter/end',
      },
    );
    const rec = (id: string) => s2.history[1]!.companies.find((c) => c.id === id)!;
    for (const s of rivals) {
      const choice = card.choices.find(
        (c) => c.id === policyChoice(card, companySpec(level, s.id).archetype),
      )!;
      const m = moneyOf(choice.effects);
      expect(rec(s.id).revenueBy.other, s.id).toBe(m.income);
      expect(rec(s.id).costBy.other, s.id).toBe(m.cost);
      expect(rec(s.id).funding, s.id).toBeGreaterThanOrEqual(m.funding);
    }
    expect(bookErrors(s1, s2)).toEqual([]);
  });

  it('in bundled levels, every rival answer in the news is a card of the level and its archetype’s choice', () => {
    for (const level of [...BUNDLED, eventsLevel()]) {
      let seen = 0;
      for (const seed of [1, 2]) {
        const { state } = playGame(level, seed, level.player.companies[0]!, 'balanced');
        for (const h of state.history)
          for (const n of h.news.filter((x) => x.key === 'news.rivalChoice')) {
            const card = level.events.cards.find((c) => c.id === n.params.card);
            expect(card, `${level.id} ${String(n.params.card)}`).toBeDefined();
            expect(n.params.choice).toBe(policyChoice(card!, companySpec(level, n.subject).archetype));
            expect(n.subject).not.toBe(state.playerId);
            seen++;
          }
      }
      if (level === eventsLevel()) expect(seen).toBeGreaterThan(0);
    }
  });
});

const investorDeck = [
  testCard('investor', {
    trigger: { kind: 'scripted', quarter: '2023Q3' },
    choices: [
      testChoice('take', [
        { kind: 'strategic', investor: 'alibaba', amount: 1000, credits: 0, stakeBp: 100 },
      ]),
      testChoice('no', [{ kind: 'none' }]),
    ],
  }),
];

describe('cards respect the level’s rules', () => {
  // The autopilot answers the cards before it sends its plan: after taking a strategic investor's
  // card its price command must respect the investor (it once threw 'investor-constraint' on
  // historical-2023, seed 5, zhipu, 'random'). The random autopilot answers cards at random.
  it('every autopilot, random included, plays the bundled levels without an illegal command', () => {
    for (const level of [...BUNDLED, levelWithCards(investorDeck)])
      for (const policy of POLICIES)
        for (let seed = 1; seed <= (policy === 'random' ? 6 : 2); seed++)
          for (const company of level.player.companies.slice(0, 3)) playGame(level, seed, company, policy);
  });

  it('a card cannot make a strategic investee undercut its investor', () => {
    const level = levelWithCards([
      ...investorDeck,
      testCard('war', {
        trigger: { kind: 'scripted', quarter: '2023Q4' },
        choices: [
          testChoice('free', [{ kind: 'pricing', mode: 'free' }]),
          testChoice('no', [{ kind: 'none' }]),
        ],
      }),
    ]);
    let s = ok(level, ok(level, newGame(level, 5, 'zhipu'), { type: 'quarter/end' }), {
      type: 'quarter/end',
    });
    s = ok(level, s, { type: 'event/answer', eventId: 'investor@2023Q3', choiceId: 'take' });
    s = ok(level, s, { type: 'quarter/end' });
    s = ok(level, s, { type: 'event/answer', eventId: 'war@2023Q4', choiceId: 'free' });
    s = ok(level, s, { type: 'quarter/end' });
    const investor = s.giants.find((g) => g.id === 'alibaba')!;
    expect(me(s).apiPrice).toBeGreaterThanOrEqual(investor.apiPrice);
  });

  it('a card never moves weight into a closed market', () => {
    const level = levelWithCards(
      [
        testCard('go-abroad', {
          choices: [
            testChoice('go', [{ kind: 'appWeights', market: 'overseas', weight: 60 }]),
            testChoice('no', [{ kind: 'none' }]),
          ],
        }),
      ],
      {
        edit: (json) => {
          (json.markets as Record<string, boolean>).overseas = false;
        },
      },
    );
    let s = ok(level, newGame(level, 5, 'zhipu'), { type: 'quarter/end' });
    s = ok(level, s, { type: 'event/answer', eventId: 'go-abroad@2023Q2', choiceId: 'go' });
    const w = me(s).plan.appWeights;
    expect(w.overseas).toBe(0);
    expect(w.domestic + w.overseas + w.enterprise + w.api).toBe(100);
    const users = me(s).overseasUsers;
    s = ok(level, s, { type: 'quarter/end' });
    // no budget goes abroad: no ads there, no users bought
    expect(me(s).overseasUsers).toBeLessThanOrEqual(users);
  });
});

// ---------------------------------------------------------------------------------------
// Regression tests for engine bugs found while writing these tests.

describe('engine regressions', () => {
  // Rivals answer cards at the end of quarter t and re-plan at the start of t+1: the plan effects
  // of their choice (pricing, pay level, intensity, pretraining, weights) are kept as the
  // company's stance, which its policy honours. (Once lost: seed 5, player zhipu, every rival
  // picked 'free' for 2023Q2 yet minimax charged ¥56.04.)
  it('a rival’s choice that sets its price holds in the quarter the card is for', () => {
    const everyone = Object.fromEntries(ARCHETYPES.map((a) => [a, 'free']));
    const level = levelWithCards([
      testCard('war', {
        choices: [
          testChoice('free', [{ kind: 'pricing', mode: 'free' }]),
          testChoice('no', [{ kind: 'none' }]),
        ],
        policy: everyone,
      }),
    ]);
    let s = ok(level, newGame(level, 5, 'zhipu'), { type: 'quarter/end' });
    s = ok(level, s, { type: 'event/answer', eventId: 'war@2023Q2', choiceId: 'no' });
    s = ok(level, s, { type: 'quarter/end' });
    const rec = s.history[1]!;
    for (const c of rec.companies)
      if (c.id !== 'zhipu' && c.status === 'active' && c.quality > 0) expect(c.apiPrice, c.id).toBe(0);
  });
});

// A state helper used above must not be mutated by the checks: keep a copy's equality honest.
it('helpers: withCardPending leaves the state it is given alone', () => {
  const level = eventsLevel();
  const s = midState(level, 'zhipu', 2);
  const copy = clone(s);
  withCardPending(level, s, level.events.cards[0]!);
  expect(s).toEqual(copy);
});
