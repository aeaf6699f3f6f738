// The plan panel's API figures (src/app/api-margin.ts): the price the chosen pricing mode gives this
// quarter is the price the API market then charges, the serving cost is the company's own (the
// cost shock's diffusion included), and the margin between them is negative exactly when the
// company sells below its cost.

import { describe, expect, it } from 'vitest';
import { apiMarginOf } from '../src/app/api-margin';
import { botView } from '../src/app/bot-view';
import { economy, playerOf } from '../src/engine/index';
import type { Command, GameState, PricingMode } from '../src/engine/types';
import { neutralChoice } from './helpers';
import { answerNeutrally, HISTORICAL, newGame, ok, playAutopilot, variantLevel } from './model-play';

const level = HISTORICAL;
/** 2024Q3: DeepSeek entered in 2024Q2, so the cheaper architecture has begun to spread. */
const TURN = 6;

function me(state: GameState) {
  return playerOf(state);
}

/**
 * A game played by the balanced autopilot up to TURN, its pending cards answered neutrally; with
 * `decline`, every strategic investor's offer is declined (its string forbids some pricing modes).
 */
function gameAt(seed: number, company: string, decline: boolean): GameState {
  const state = playAutopilot(level, seed, company, 'balanced', {
    untilTurn: TURN,
    rewrite: (cmds, s) =>
      cmds.map((c): Command => {
        if (!decline || c.type !== 'event/answer') return c;
        const e = s.pendingEvents.find((p) => p.id === c.eventId)!;
        const card = level.events.cards.find((k) => k.id === e.card);
        const tie = card?.choices
          .find((x) => x.id === c.choiceId)
          ?.effects.some((x) => x.kind === 'strategic');
        return tie ? { ...c, choiceId: neutralChoice(level, e) } : c;
      }),
  });
  return answerNeutrally(level, state);
}

const MODES: { mode: PricingMode; price?: number }[] = [
  { mode: 'premium' },
  { mode: 'match' },
  { mode: 'undercut' },
  { mode: 'free' },
  { mode: 'exact', price: 0.1 },
  { mode: 'exact', price: 100 },
];

describe('the API price, serving cost and margin the plan panel shows', () => {
  const cases: { seed: number; company: string; decline: boolean }[] = [
    { seed: 1, company: 'zhipu', decline: false },
    { seed: 2, company: 'minimax', decline: false },
    { seed: 3, company: 'moonshot', decline: true },
    { seed: 4, company: '01ai', decline: true },
  ];

  it('the price is the one the API market charges when the quarter ends, in every pricing mode', () => {
    const compared = new Set<string>();
    for (const { seed, company, decline } of cases) {
      const start = gameAt(seed, company, decline);
      expect(start.turn).toBe(TURN);
      for (const { mode, price } of MODES) {
        const cmd =
          mode === 'exact'
            ? ({ type: 'plan/set-api-price', mode, price: price! } as const)
            : ({ type: 'plan/set-api-price', mode } as const);
        const r = (() => {
          try {
            return ok(level, start, cmd);
          } catch {
            return null; // a strategic investor forbids undercutting: not a mode this company has
          }
        })();
        if (!r) continue;
        const m = apiMarginOf(level, r, me(r));
        expect(m.sells).toBe(true);
        const after = ok(level, r, { type: 'quarter/end' });
        const rec = after.history[after.history.length - 1]!.companies.find((c) => c.id === company)!;
        expect(rec.apiPrice, `${company} seed ${seed} ${mode}`).toBe(m.price);
        compared.add(`${mode} ${price ?? ''}`);
      }
    }
    // Every mode was compared in at least one game (a strategic investor refuses some to some companies).
    expect(compared.size).toBe(MODES.length);
  });

  it('the serving cost is the company’s own, with the share of the cheaper architecture it has adopted', () => {
    for (const { seed, company, decline } of cases) {
      const state = gameAt(seed, company, decline);
      const i = level.companies.findIndex((c) => c.id === company);
      const m = apiMarginOf(level, state, me(state));
      const conventional =
        economy.at(level.macro.inferenceCost, TURN) * level.companies[i]!.inferenceCostFactor;
      expect(m.cost).toBe(economy.startupServingCost(level, TURN, i));
      // After DeepSeek's entry the cost shock has spread to the startups: below the conventional cost.
      expect(m.cost).toBeLessThan(conventional);
      expect(m.cost).toBeGreaterThan(0);
      // The bot view reports the same cost.
      expect(botView(level, state, 1).me.inferenceCost).toBe(m.cost);
    }
  });

  it('the margin is price − cost: never negative in premium, match or undercut; negative when free or priced below cost', () => {
    for (const { seed, company, decline } of cases) {
      const start = gameAt(seed, company, decline);
      for (const { mode, price } of MODES) {
        const cmd =
          mode === 'exact'
            ? ({ type: 'plan/set-api-price', mode, price: price! } as const)
            : ({ type: 'plan/set-api-price', mode } as const);
        let s: GameState;
        try {
          s = ok(level, start, cmd);
        } catch {
          continue;
        }
        const m = apiMarginOf(level, s, me(s));
        expect(m.margin).toBeCloseTo(m.price - m.cost, 12);
        if (mode === 'premium' || mode === 'match' || mode === 'undercut')
          expect(m.margin, `${company} ${mode}`).toBeGreaterThanOrEqual(0);
        if (mode === 'free') expect(m.margin).toBeLessThan(0);
        if (mode === 'exact') expect(m.margin < 0).toBe(price! < m.cost);
      }
    }
  });

  it('does not count as selling when the company has no model of its own or the API market is closed', () => {
    const state = gameAt(1, 'zhipu', false);
    const abandoned = {
      ...state,
      startups: state.startups.map((s) =>
        s.id === state.playerId ? { ...s, pretrainingAbandoned: true } : s,
      ),
    };
    expect(apiMarginOf(level, abandoned, me(abandoned)).sells).toBe(false);
    const closed = variantLevel((json) => {
      json.markets.api = false;
    });
    const fresh = newGame(closed, 1, 'zhipu');
    expect(apiMarginOf(closed, fresh, me(fresh)).sells).toBe(false);
    expect(apiMarginOf(level, newGame(level, 1, 'zhipu'), me(newGame(level, 1, 'zhipu'))).sells).toBe(true);
  });
});
