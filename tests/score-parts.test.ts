// The score taken apart (selectors.ts scoreParts): over autopilot games of every bundled level,
// playable company and policy on a few seeds — games of every ending, sales by offer and by event
// card among them — the parts are whole, never negative, and sum to the score exactly; the made-it
// honour is there iff the game made it; the value is what the ending prices the shares at.

import { describe, expect, it } from 'vitest';
import type { EndingKind, GameState, Level } from '../src/engine/index';
import {
  applyCommand,
  economy,
  POLICIES,
  playerOf,
  playGame,
  runwayAt,
  scoreOf,
  scoreParts,
} from '../src/engine/index';
import type { Command } from '../src/engine/types';
import { levelCompanyPairs, newGame } from './helpers';

const SEEDS = [1, 2, 3];

interface Played {
  level: Level;
  state: GameState;
  log: Command[];
}

const games: Played[] = [];
for (const { level, company } of levelCompanyPairs())
  for (const policy of POLICIES)
    for (const seed of SEEDS) games.push({ level, ...playGame(level, seed, company, policy) });

/** The state just before the last command (the sale, for a game sold by accepting an offer). */
function beforeLast({ level, state, log }: Played): GameState {
  let s = newGame(level, state.seed, state.playerId);
  for (const cmd of log.slice(0, -1)) {
    const r = applyCommand(level, s, cmd);
    if (!r.ok) throw new Error(r.error.message);
    s = r.state;
  }
  return s;
}

describe('scoreParts', () => {
  it('covers every ending, and sales both by offer and by event card', () => {
    const kinds = new Set<string>();
    for (const g of games) {
      const kind = g.state.ending!.kind;
      kinds.add(kind === 'acquired' ? `${kind}:${g.log.at(-1)!.type}` : kind);
    }
    expect([...kinds].sort()).toEqual([
      'acquired:event/answer',
      'acquired:money/accept-offer',
      'made-it',
      'out-of-money',
      'times-up',
    ]);
  });

  it('sums to the score exactly, in whole non-negative parts, for every game', () => {
    for (const { level, state } of games) {
      const p = scoreParts(level, state);
      const tag = `${level.id} ${state.playerId} seed ${state.seed} ${state.ending!.kind}`;
      for (const k of ['value', 'equity', 'madeItHonour', 'fameHonour', 'honours', 'total'] as const) {
        expect(Number.isInteger(p[k]), `${tag}: ${k} ${p[k]}`).toBe(true);
        expect(p[k], `${tag}: ${k}`).toBeGreaterThanOrEqual(0);
      }
      expect(p.equity + p.madeItHonour + p.fameHonour, tag).toBe(state.ending!.score);
      expect(p.total, tag).toBe(state.ending!.score);
      expect(p.honours, tag).toBe(p.madeItHonour + p.fameHonour);
      expect(p.kind, tag).toBe(state.ending!.kind);
      // The equity part is the founders' share of the value the shares are priced at.
      expect(economy.equityPart(playerOf(state), p.value), tag).toBe(p.equity);
    }
  });

  it('grants the made-it honour iff the game made it, and the fame honour per quarter of fame', () => {
    for (const { level, state } of games) {
      const p = scoreParts(level, state);
      const madeIt = state.ending!.kind === 'made-it';
      expect(p.madeItHonour, `${level.id} ${state.seed}`).toBe(madeIt ? level.endings.madeItHonour : 0);
      expect(p.fameHonour).toBe(playerOf(state).frontierFame * level.endings.fameHonour);
      expect(p.fameQuarters).toBe(playerOf(state).frontierFame);
    }
    expect(games.some((g) => scoreParts(g.level, g.state).fameHonour > 0)).toBe(true);
    expect(games.some((g) => g.state.ending!.kind === 'made-it' && g.level.endings.madeItHonour > 0)).toBe(
      true,
    );
  });

  it('prices the shares as the ending does', () => {
    const basis: Record<EndingKind, string> = {
      'made-it': 'valuation',
      'times-up': 'runway-discounted',
      acquired: 'sale',
      'out-of-money': 'nothing',
    };
    let discounted = 0;
    let offers = 0;
    for (const g of games) {
      const { level, state } = g;
      const me = playerOf(state);
      const p = scoreParts(level, state);
      const kind = state.ending!.kind;
      expect(p.basis).toBe(basis[kind]);
      expect(p.ownershipBp).toBe(me.ownershipBp);
      if (kind === 'out-of-money') expect(p.value).toBe(0);
      if (kind === 'made-it') expect(p.value).toBe(me.valuation);
      if (kind === 'times-up') {
        const rec = state.history.at(-1)!.companies.find((c) => c.id === me.id)!;
        const runway = runwayAt(me.cash, rec.costs - rec.revenue);
        const e = level.endings;
        const factor = e.noRunwayValue + (1 - e.noRunwayValue) * Math.min(1, runway / e.fullValueRunway);
        expect(p.runwayFactor).toBe(factor);
        expect(p.value).toBe(Math.round(me.valuation * factor));
        if (factor < 1) discounted++;
      } else expect(p.runwayFactor).toBe(1);
      if (kind === 'acquired' && g.log.at(-1)!.type === 'money/accept-offer') {
        // The price implied by the equity part: within the rounding of the founders' share
        // (½ 万元 of equity, 10 000 ÷ (2 × ownershipBp) of price) and its own ½ 万元 of the price paid.
        const cmd = g.log.at(-1) as Extract<Command, { type: 'money/accept-offer' }>;
        const price = beforeLast(g).offers.find((o) => o.id === cmd.offerId)!.amount;
        expect(Math.abs(p.value - price)).toBeLessThanOrEqual(10_000 / (2 * me.ownershipBp) + 0.5 + 1e-9);
        offers++;
      }
    }
    expect(discounted).toBeGreaterThan(0);
    expect(offers).toBeGreaterThan(0);
  });

  it("takes apart an unfinished game's equity at today's mark (scoreOf) too", () => {
    const { level, state } = games[0]!;
    const s = newGame(level, state.seed, state.playerId);
    const p = scoreParts(level, s);
    expect(p.kind).toBeNull();
    expect(p.basis).toBe('mark');
    expect(p.value).toBe(playerOf(s).valuation);
    expect(p.total).toBe(scoreOf(level, s));
  });
});
