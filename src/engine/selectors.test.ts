import { describe, expect, it } from 'vitest';
import { getLevel, LEVEL_IDS } from '../app/levels';
import { NOT_BURNING } from './economy';
import { createGame, playGame } from './game';
import type { Level } from './level';
import type { PolicyName } from './policy-names';
import { POLICIES } from './policy-names';
import { applyCommand } from './reducer';
import {
  apiMarketShares,
  burnMultiple,
  founderEquity,
  madeItProgress,
  netBurn,
  runwayQuarters,
} from './selectors';
import { stateHash } from './statehash';

const level = getLevel('historical-2023');
const { state } = playGame(level, 11, 'moonshot', 'balanced');

describe('selectors', () => {
  it('runway is cash divided by the last quarter’s net burn', () => {
    for (const s of state.startups) {
      const rec = state.history[state.history.length - 1]!.companies.find((c) => c.id === s.id)!;
      const burn = rec.costs - rec.revenue;
      expect(netBurn(state, s.id)).toBe(Math.max(0, burn));
      if (burn > 0) expect(runwayQuarters(state, s.id)).toBeCloseTo(Math.max(0, s.cash) / burn, 10);
      else expect(runwayQuarters(state, s.id)).toBe(NOT_BURNING);
    }
  });

  it('burn multiple is net burn per unit of new revenue', () => {
    const n = state.history.length;
    for (const s of state.startups) {
      const cur = state.history[n - 1]!.companies.find((c) => c.id === s.id)!;
      const prev = state.history[n - 2]!.companies.find((c) => c.id === s.id)!;
      const burn = Math.max(0, cur.costs - cur.revenue);
      const added = cur.revenue - prev.revenue;
      const expected = burn === 0 ? 0 : added > 0 ? burn / added : Number.POSITIVE_INFINITY;
      expect(burnMultiple(state, s.id)).toBe(expected);
    }
  });

  it('API market shares of every quarter lie in [0,1] and sum to 1 with the outside option', () => {
    for (const rec of state.history) {
      const { providers, outside } = apiMarketShares(rec);
      let sum = outside;
      for (const p of providers) {
        expect(p.share).toBeGreaterThanOrEqual(0);
        expect(p.share).toBeLessThanOrEqual(1);
        sum += p.share;
      }
      expect(sum).toBeCloseTo(1, 9);
    }
  });

  it('founders’ equity is ownership times valuation', () => {
    const s = state.startups[0]!;
    expect(founderEquity(s)).toBe(Math.round((s.valuation * s.ownershipBp) / 10_000));
  });
});

/** How often each outcome of the made-it conditions was seen, so the property cannot pass vacuously. */
interface Seen {
  [k: string]: number;
}

/**
 * Replays an autopilot game command by command; after every quarter, for every company that was in
 * the game, the selector's verdict on that quarter must be the engine's: `met` exactly when the
 * engine counted it (its streak went up, else back to 0), `reached` exactly when it made it then,
 * and the player's game ends made-it exactly when the selector says the rule holds.
 */
function checkGame(level: Level, seed: number, company: string, policy: PolicyName, seen: Seen): void {
  const played = playGame(level, seed, company, policy);
  const created = createGame(level, seed, company);
  if (!created.ok) throw new Error(created.error.message);
  let state = created.state;
  const bump = (k: string) => {
    seen[k] = (seen[k] ?? 0) + 1;
  };
  for (const cmd of played.log) {
    const before = state;
    const r = applyCommand(level, state, cmd);
    if (!r.ok) throw new Error(r.error.message);
    state = r.state;
    if (state.history.length === before.history.length) {
      // Mid-quarter: the verdict is still the last quarter's.
      expect(madeItProgress(level, state, company)).toEqual(madeItProgress(level, before, company));
      continue;
    }
    const where = `${level.id} ${company} ${policy} seed ${seed} turn ${before.turn}`;
    for (const [i, s] of state.startups.entries()) {
      const prev = before.startups[i]!;
      if (prev.status !== 'active') continue;
      const p = madeItProgress(level, state, s.id)!;
      expect(p.turn, where).toBe(before.turn);
      expect(p.streak.value, where).toBe(s.profitStreak);
      expect(p.streak.target, where).toBe(level.endings.madeItQuarters);
      expect(s.profitStreak, `${where} ${s.id}`).toBe(p.met ? prev.profitStreak + 1 : 0);
      expect(p.met, where).toBe(p.profit.met && p.revenue.met && p.year.met);
      const madeNow = prev.madeItTurn === null && s.madeItTurn === before.turn;
      expect(madeNow, `${where} ${s.id}`).toBe(prev.madeItTurn === null && p.reached);
      // The figures are the quarter's record and the bars the level's.
      const rec = state.history[state.history.length - 1]!.companies[i]!;
      expect(rec.id).toBe(s.id);
      expect(p.profit).toEqual({ value: rec.operatingProfit, target: 0, met: rec.operatingProfit >= 0 });
      expect(p.revenue).toEqual({
        value: rec.revenue,
        target: level.endings.madeItMinRevenue,
        met: rec.revenue >= level.endings.madeItMinRevenue,
      });
      expect(p.year.quarters).toBe(Math.min(level.endings.madeItWindow, state.history.length));
      bump(`profit ${p.profit.met}`);
      bump(`revenue ${p.revenue.met}`);
      bump(`year ${p.year.met}`);
      bump(`met ${p.met}`);
      if (p.profit.met && p.revenue.met) bump(`year alone ${p.year.met}`);
      if (madeNow) bump('made it');
    }
    const me = state.startups.find((s) => s.id === company)!;
    const mine = madeItProgress(level, state, company)!;
    expect(state.ending?.kind === 'made-it', `${where} ending ${state.ending?.kind}`).toBe(
      mine.reached && me.status !== 'bankrupt',
    );
    if (state.ending?.kind === 'made-it') bump('ending made-it');
  }
  expect(stateHash(state)).toBe(stateHash(played.state));
}

describe('madeItProgress', () => {
  it('before the first quarter shows the bars and nothing met', () => {
    const created = createGame(level, 3, 'zhipu');
    if (!created.ok) throw new Error(created.error.message);
    const p = madeItProgress(level, created.state, 'zhipu')!;
    expect(p.turn).toBeNull();
    expect(p.revenue).toEqual({ value: null, target: level.endings.madeItMinRevenue, met: false });
    expect(p.streak).toEqual({ value: 0, target: level.endings.madeItQuarters, met: false });
    expect(p.met).toBe(false);
    expect(p.reached).toBe(false);
    expect(madeItProgress(level, created.state, 'nobody')).toBeUndefined();
  });

  it('sums the operating profit of the window ending with the last quarter', () => {
    const end = state.history.length - 1;
    const i = state.startups.findIndex((s) => s.id === 'moonshot');
    let sum = 0;
    for (let k = end - level.endings.madeItWindow + 1; k <= end; k++)
      sum += state.history[k]!.companies[i]!.operatingProfit;
    const p = madeItProgress(level, state, 'moonshot')!;
    expect(p.year.value).toBe(sum);
    expect(p.year.met).toBe(sum >= 0);
    expect(p.year.quarters).toBe(level.endings.madeItWindow);
  });

  it('agrees with the engine at every quarter of autopilot games, for every company still in them', () => {
    const seen: Seen = {};
    // Every company of the historical level under three policies, each policy for three of them.
    level.player.companies.forEach((company, c) => {
      for (let k = 0; k < 3; k++) {
        const policy = POLICIES[(c * 3 + k) % POLICIES.length]!;
        checkGame(level, [7, 20240517, 31][(c + k) % 3]!, company, policy, seen);
      }
    });
    // The other bundled levels (two of them need two quarters in a row), and a copy of the historical
    // level with a shorter window and a longer streak.
    for (const id of LEVEL_IDS.filter((x) => x !== level.id)) {
      const other = getLevel(id);
      checkGame(other, 5, other.player.companies[0]!, 'balanced', seen);
      checkGame(other, 6, other.player.companies[1]!, 'random', seen);
    }
    const strict: Level = {
      ...level,
      id: 'strict-test',
      endings: { ...level.endings, madeItQuarters: 3, madeItWindow: 2, madeItMinRevenue: 6000 },
    };
    for (const company of strict.player.companies.slice(0, 3))
      checkGame(strict, 9, company, 'balanced', seen);
    for (const k of ['profit', 'revenue', 'year', 'met', 'year alone'])
      for (const v of [true, false]) expect(seen[`${k} ${v}`] ?? 0, `${k} ${v}`).toBeGreaterThan(0);
    expect(seen['made it']).toBeGreaterThan(0);
    expect(seen['ending made-it']).toBeGreaterThan(0);
  });
});
