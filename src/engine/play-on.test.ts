// Playing on after made it (game/play-on): refused, with its typed reason, except at a made-it
// ending with a quarter left; accepted, it clears the ending and nothing else; the game then ends
// later — time's up, out of money or sold — never made-it again, and the made-it honour is in the
// score whatever the ending.

import { describe, expect, it } from 'vitest';
import {
  accepted,
  getTestLevel,
  type MadeItGame,
  madeItGames,
  newGame,
  PLAY_ON,
  playedOnByAutopilot,
  player,
} from '../../tests/helpers';
import { foldLog } from './fold';
import {
  applyCommand,
  hashState,
  playedOn,
  playerOf,
  playGame,
  scoreOf,
  scoreParts,
  validateCommand,
} from './index';
import type { Level } from './level';
import type { GameState, RejectionCode } from './types';

const attrition = getTestLevel('attrition');
/** Attrition's autopilots make it early (2–5 quarters before its twelfth): plenty to play on. */
const games = madeItGames(attrition, [1, 2, 3], ['balanced', 'overseas-first'], 2, 6);
const first = games[0]!;

function expectRefused(level: Level, state: GameState, code: RejectionCode): void {
  const copy = JSON.stringify(state);
  const r = applyCommand(level, state, PLAY_ON);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code, r.error.message).toBe(code);
  expect(r.error.message.length).toBeGreaterThan(0);
  expect(r.state).toBe(state);
  expect(JSON.stringify(state)).toBe(copy);
  expect(validateCommand(level, state, PLAY_ON)?.code).toBe(code);
}

describe('game/play-on is refused', () => {
  it('in a game under way (the company has not made it): not-made-it', () => {
    expectRefused(attrition, newGame(attrition, 1, first.company), 'not-made-it');
  });

  it('at any ending but made-it: game-over', () => {
    const level = getTestLevel();
    const ended = ['times-up', 'out-of-money', 'acquired'].map((kind) => {
      for (const policy of ['overseas-first', 'pretraining-first', 'random'] as const)
        for (let seed = 1; seed <= 10; seed++) {
          const { state } = playGame(level, seed, 'moonshot', policy);
          if (state.ending?.kind === kind) return state;
        }
      throw new Error(`no ${kind} game`);
    });
    for (const state of ended) expectRefused(level, state, 'game-over');
  });

  it('when the company made it in the last quarter: no-quarters-left', () => {
    // Attrition's enterprise-first autopilot makes it in the twelfth quarter on seed 3 (blaze).
    const last = madeItGames(attrition, [3], ['enterprise-first'], 0).find(
      (g) => g.state.turn === attrition.quarters,
    );
    expect(last, 'an attrition game that makes it in its last quarter').toBeDefined();
    expect(last!.state.ending!.turn).toBe(attrition.quarters - 1);
    expectRefused(attrition, last!.state, 'no-quarters-left');
  });

  it('twice: once played on, the game is under way again (not-made-it)', () => {
    const on = accepted(attrition, first.state, PLAY_ON);
    expectRefused(attrition, on, 'not-made-it');
    // …and after the next quarter too.
    expectRefused(attrition, accepted(attrition, on, { type: 'quarter/end' }), 'not-made-it');
  });
});

describe('game/play-on accepted', () => {
  it('clears the ending and keeps its score, nothing else: same turn, same companies, madeItTurn kept', () => {
    const before = first.state;
    const on = accepted(attrition, before, PLAY_ON);
    expect(on.ending).toBeNull();
    expect(on.keptScore).toBe(before.ending!.score);
    expect(before.keptScore).toBeNull();
    expect({ ...on, ending: before.ending, keptScore: null }).toEqual(before);
    expect(on.startups).toBe(before.startups);
    expect(on.history).toBe(before.history);
    expect(player(on).madeItTurn).toBe(before.ending!.turn);
    expect(hashState(on)).not.toBe(hashState(before));
    // While it goes on, the game's score is the kept one, taken apart as at the made-it ending.
    expect(scoreOf(attrition, on)).toBe(before.ending!.score);
    expect(scoreParts(attrition, on)).toEqual({ ...scoreParts(attrition, before), kind: null });
  });

  it('says played on (derived: made it, and not at the made-it ending)', () => {
    const g = first;
    expect(playedOn(newGame(attrition, g.seed, g.company))).toBe(false);
    expect(playedOn(g.state)).toBe(false);
    const on = accepted(attrition, g.state, PLAY_ON);
    expect(playedOn(on)).toBe(true);
    expect(playedOn(playedOnByAutopilot(g).state)).toBe(true);
  });

  it('lets the game go on to a later ending that is never made-it, with the made-it score kept', () => {
    const kinds = new Set<string>();
    for (const g of games) {
      const madeIt = g.state.ending!.turn;
      const { state, log } = playedOnByAutopilot(g);
      const ending = state.ending!;
      const tag = `${g.company} ${g.policy} seed ${g.seed}`;
      kinds.add(ending.kind);
      expect(ending.kind, tag).not.toBe('made-it');
      expect(ending.turn, tag).toBeGreaterThan(madeIt);
      expect(playerOf(state).madeItTurn, tag).toBe(madeIt);
      // The quarters after made it were played: one history line each.
      expect(state.history.length, tag).toBe(ending.turn + 1);
      if (ending.kind === 'times-up') expect(ending.turn, tag).toBe(attrition.quarters - 1);
      // The score is the made-it ending's, whatever came after; taken apart as it was then.
      expect(ending.score, tag).toBe(g.state.ending!.score);
      const parts = scoreParts(attrition, state);
      expect(parts, tag).toEqual({ ...scoreParts(attrition, g.state), kind: ending.kind });
      expect(parts.madeItHonour, tag).toBe(attrition.endings.madeItHonour);
      expect(parts.equity + parts.madeItHonour + parts.fameHonour, tag).toBe(ending.score);
      expect(scoreOf(attrition, state), tag).toBe(ending.score);
      // The log (play-on in it) folds to the same game.
      const folded = foldLog(attrition, newGame(attrition, g.seed, g.company), log);
      expect(folded.ok, tag).toBe(true);
      if (folded.ok) expect(hashState(folded.state), tag).toBe(hashState(state));
    }
    expect(games.length).toBeGreaterThanOrEqual(4);
    expect(kinds.has('times-up')).toBe(true);
  });

  it('keeps the made-it score in a played-on game that then runs out of money', () => {
    let state = accepted(attrition, first.state, PLAY_ON);
    // Burn everything: all the cash as spend, thousands hired at the top of the pay scale.
    for (let q = 0; state.ending === null && q < attrition.quarters; q++) {
      state = accepted(attrition, state, { type: 'plan/set-spend', amount: player(state).cash });
      state = accepted(attrition, state, {
        type: 'people/set',
        hires: { researchers: 2_000, engineers: 2_000 },
        payLevel: 'plus50',
      });
      for (const e of state.pendingEvents)
        state = accepted(attrition, state, { type: 'event/answer', eventId: e.id, choiceId: e.choices[0]! });
      if (state.ending === null) state = accepted(attrition, state, { type: 'quarter/end' });
    }
    expect(state.ending?.kind).toBe('out-of-money');
    // Running out of money after making it costs the player nothing: the made-it score stands.
    expect(state.ending!.score).toBe(first.state.ending!.score);
    const parts = scoreParts(attrition, state);
    expect(parts).toEqual({ ...scoreParts(attrition, first.state), kind: 'out-of-money' });
    expect(parts.madeItHonour).toBe(attrition.endings.madeItHonour);
    expect(playedOn(state)).toBe(true);
  });

  it('never changes a game that does not use it: the autopilots never play on', () => {
    const g: MadeItGame = first;
    expect(g.log.some((c) => c.type === 'game/play-on')).toBe(false);
    expect(g.state.ending!.kind).toBe('made-it');
  });
});
