// Continuity: a tiny change in a decision makes a tiny change in the game. Each (seed, company) game
// on historical-2023 is played twice by the same named autopilot, once as it is and once with 1 万元
// more spend every quarter (0.005 % of a budget). With common random numbers (src/engine/rng.ts) the
// two games share their luck, so the ending and the score should barely move, and the random cards
// the player is offered may differ only where a card's own conditions (or its being seen) differ.
// The figures (docs/levels.md, "Luck: common random numbers") are printed by the first test.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardApplies, cardById, seededRandomCard } from '../src/engine/cards';
import {
  autopilotPlan,
  autopilotRng,
  createGame,
  luckOf,
  type PolicyName,
  setStateFreezing,
} from '../src/engine/index';
import type { Level } from '../src/engine/level';
import { continuityPairs, NAMED, oneMoreHire, type Played, pairFigures, play } from './continuity-play';
import { getTestLevel } from './helpers';

const level = getTestLevel();

/** The random cards offered to the player at the start of each quarter. */
function randomCards(lv: Level, p: Played): string[] {
  return p.starts.map((s) =>
    s.pendingEvents
      .filter((e) => cardById(lv, e.card)?.trigger.kind === 'random')
      .map((e) => e.card)
      .join(),
  );
}

/**
 * Whether the player could take the seed's random card of a quarter in a game: its conditions hold
 * on the state it was dealt from, it is not a seen one-off, and the four-card limit left room.
 */
function couldTake(lv: Level, p: Played, turn: number): string {
  const state = p.dealtFrom[turn]!;
  const me = state.startups.findIndex((s) => s.id === state.playerId);
  const card = seededRandomCard(lv, luckOf(state.seed), turn, me);
  if (!card) return 'no card';
  const s = state.startups[me]!;
  const repeatable = card.trigger.kind === 'random' && card.trigger.repeatable;
  const seen = !repeatable && (p.starts[turn - 1]?.startups[me]?.cardsSeen.includes(card.id) ?? false);
  const others = state.pendingEvents.filter((e) => cardById(lv, e.card)?.trigger.kind !== 'random');
  return JSON.stringify({ applies: cardApplies(lv, state, s, card, true), seen, full: others.length >= 4 });
}

beforeAll(() => setStateFreezing(false));
afterAll(() => setStateFreezing(true));

describe('continuity: +1 万元 of spend a quarter', () => {
  let pairs: { a: Played; b: Played }[] = [];
  beforeAll(() => {
    pairs = continuityPairs(level);
  });

  it('changes the ending in at most 3 % of 200+ games, and the score by < 2 % in at least 90 %', () => {
    const f = pairFigures(pairs);
    console.log(
      `continuity (+1 万元 a quarter): ${f.games} games, endings changed ${(100 * f.endingsChanged).toFixed(1)} %, ` +
        `scores within 2 % ${(100 * f.scoresWithin2pct).toFixed(1)} %`,
    );
    expect(f.games).toBeGreaterThanOrEqual(200);
    expect(f.endingsChanged).toBeLessThanOrEqual(0.03);
    expect(f.scoresWithin2pct).toBeGreaterThanOrEqual(0.9);
  });

  it('offers the same random cards until a card’s own conditions differ between the two games', () => {
    let checked = 0;
    for (const { a, b } of pairs) {
      const ca = randomCards(level, a);
      const cb = randomCards(level, b);
      for (let t = 0; t < Math.min(ca.length, cb.length); t++) {
        checked++;
        if (ca[t] !== cb[t]) expect(couldTake(level, a, t), `quarter ${t}`).not.toBe(couldTake(level, b, t));
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });
});

describe('continuity: the autopilots’ own rules', () => {
  it('hiring does not hang on the cash being a multiple of 6 万元 (a six-quarter budget leaves exactly 6)', () => {
    const created = createGame(level, 1, 'moonshot');
    if (!created.ok) throw new Error(created.error.message);
    const hiresAt = (cash: number, policy: PolicyName) => {
      const state = structuredClone(created.state);
      state.startups.find((s) => s.id === state.playerId)!.cash = cash;
      return autopilotPlan(level, state, policy, autopilotRng(1)).hires;
    };
    for (const policy of ['balanced', 'overseas-first', 'enterprise-first'] as const) {
      const at = hiresAt(600_000, policy);
      expect(at.engineers, policy).toBeGreaterThan(0);
      expect(hiresAt(600_001, policy), policy).toEqual(at);
      expect(hiresAt(599_999, policy), policy).toEqual(at);
    }
  });
});

describe('continuity: the random card deck under a larger change (one more salesperson a quarter)', () => {
  it('a random card differs only where the player could take it in one game and not the other', () => {
    let differing = 0;
    for (let g = 0; g < 150; g++) {
      const seed = 100 + g;
      const company = level.player.companies[g % level.player.companies.length]!;
      const policy = NAMED[g % NAMED.length]!;
      const a = play(level, seed, company, policy);
      const b = play(level, seed, company, policy, oneMoreHire);
      const ca = randomCards(level, a);
      const cb = randomCards(level, b);
      for (let t = 0; t < Math.min(ca.length, cb.length); t++) {
        if (ca[t] === cb[t]) continue;
        differing++;
        // Never another card: the seed's card, or none.
        const card = seededRandomCard(
          level,
          luckOf(seed),
          t,
          level.companies.findIndex((c) => c.id === company),
        );
        for (const ids of [ca[t]!, cb[t]!])
          expect(['', card?.id].includes(ids), `${seed} quarter ${t}`).toBe(true);
        expect(couldTake(level, a, t), `${seed} quarter ${t}`).not.toBe(couldTake(level, b, t));
      }
    }
    // The check is not empty: the games do come apart somewhere.
    expect(differing).toBeGreaterThan(0);
  });
});
