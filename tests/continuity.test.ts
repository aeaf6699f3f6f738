// Continuity: a tiny change in a decision makes a tiny change in the game. Each (seed, company) game
// on historical-2023 is played twice by the same named autopilot, once as it is and once with 1 万元
// more spend every quarter (0.005 % of a budget). With common random numbers (src/engine/rng.ts) the
// two games share their luck, so the ending and the score should barely move, and the random cards
// the player is offered may differ only where a card's own conditions (or its being seen) differ.
// The figures (docs/levels.md, "Luck: common random numbers") are printed by the first test.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardApplies, cardById, seededRandomCard } from '../src/engine/cards';
import {
  applyCommand,
  autopilotCommands,
  autopilotPlan,
  autopilotRng,
  createGame,
  luckOf,
  POLICIES,
  type PolicyName,
  setStateFreezing,
} from '../src/engine/index';
import type { Level } from '../src/engine/level';
import type { Command, GameState } from '../src/engine/types';
import { getTestLevel } from './helpers';

const level = getTestLevel();
const NAMED = POLICIES.filter((p) => p !== 'random');
/** 34 seeds × 6 companies = 204 games, the autopilots taking turns. */
const SEEDS = 34;

/** A change to the autopilot's commands of a quarter (the state is the quarter's start). */
type Nudge = (state: GameState, cmds: Command[], policy: PolicyName) => Command[];

interface Played {
  ending: string;
  score: number;
  /** The state at the start of each quarter, when that quarter's cards had been dealt. */
  starts: GameState[];
  /** The state each quarter's cards were dealt from (its market is the one before the quarter). */
  dealtFrom: GameState[];
}

/** One game under a named autopilot, its commands changed each quarter by `nudge`. */
function play(lv: Level, seed: number, company: string, policy: PolicyName, nudge?: Nudge): Played {
  const created = createGame(lv, seed, company);
  if (!created.ok) throw new Error(created.error.message);
  let state = created.state;
  const ap = autopilotRng(seed);
  const starts: GameState[] = [state];
  const dealtFrom: GameState[] = [state];
  while (state.ending === null) {
    const start = state;
    let cmds = autopilotCommands(lv, state, policy, ap);
    if (nudge) cmds = nudge(state, cmds, policy);
    for (const cmd of cmds) {
      const r = applyCommand(lv, state, cmd);
      if (!r.ok) throw new Error(`${policy} seed ${seed}: ${cmd.type} refused: ${r.error.message}`);
      state = r.state;
    }
    if (state.ending === null) {
      starts.push(state);
      // resolveQuarter deals next quarter's cards with the new turn and companies on the old market.
      dealtFrom.push({ ...state, market: start.market });
    }
  }
  const e = state.ending!;
  return { ending: `${e.kind}@${e.turn}`, score: e.score, starts, dealtFrom };
}

/** 1 万元 more than the autopilot's spend (capped by the cash, as the rules require). */
const moreSpend: Nudge = (state, cmds, policy) => {
  const me = state.startups.find((s) => s.id === state.playerId)!;
  const spend = Math.min(autopilotPlan(level, state, policy, autopilotRng(state.seed)).spend + 1, me.cash);
  const out: Command[] = cmds.filter((c) => c.type !== 'plan/set-spend');
  const end = out.findIndex((c) => c.type === 'quarter/end');
  if (end >= 0 && spend !== me.plan.spend) out.splice(end, 0, { type: 'plan/set-spend', amount: spend });
  return out;
};

/** One more salesperson asked for each quarter: enough to change the games, for the card check. */
const oneMoreHire: Nudge = (_state, cmds) => {
  const end = cmds.findIndex((c) => c.type === 'quarter/end');
  if (end < 0) return cmds;
  const i = cmds.findIndex((c) => c.type === 'people/set');
  const c = cmds[i];
  const out = cmds.slice();
  if (c?.type === 'people/set')
    out[i] = {
      ...c,
      hires: { researchers: 0, engineers: 0, ...c.hires, sales: (c.hires?.sales ?? 0) + 1 },
    };
  else out.splice(end, 0, { type: 'people/set', hires: { researchers: 0, engineers: 0, sales: 1 } });
  return out;
};

/** Whether two scores are within 2 % of the larger one. */
function within2pct(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.02 * Math.max(Math.abs(a), Math.abs(b));
}

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
  const pairs: { a: Played; b: Played }[] = [];
  beforeAll(() => {
    for (let seed = 1; seed <= SEEDS; seed++)
      for (const company of level.player.companies) {
        const policy = NAMED[pairs.length % NAMED.length]!;
        pairs.push({
          a: play(level, seed, company, policy),
          b: play(level, seed, company, policy, moreSpend),
        });
      }
  });

  it('changes the ending in at most 3 % of 200+ games, and the score by < 2 % in at least 90 %', () => {
    let endings = 0;
    let close = 0;
    for (const { a, b } of pairs) {
      if (a.ending !== b.ending) endings++;
      if (within2pct(a.score, b.score)) close++;
    }
    const n = pairs.length;
    console.log(
      `continuity (+1 万元 a quarter): ${n} games, endings changed ${((100 * endings) / n).toFixed(1)} %, ` +
        `scores within 2 % ${((100 * close) / n).toFixed(1)} %`,
    );
    expect(n).toBeGreaterThanOrEqual(200);
    expect(endings / n).toBeLessThanOrEqual(0.03);
    expect(close / n).toBeGreaterThanOrEqual(0.9);
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
    for (let g = 0; g < 60; g++) {
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
