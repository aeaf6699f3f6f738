// The derived figures checked by what they mean, not by computing them again: hand-built states
// with answers worked out by hand, properties that follow from the meaning (runway falls as costs
// rise; a company that does not burn has NOT_BURNING), and agreement with figures the engine records
// separately (the cash each quarter ends with, the terms of a round in its news).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endQuarterNeutrally, newGame, player } from '../../tests/helpers';
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
import type { CompanyRecord, GameState, GiantRecord, QuarterRecord, StartupState } from './types';

const level = getLevel('historical-2023');
const ID = 'moonshot';
const fresh = newGame(level, 1, ID);

/** A company's line in a quarter's record: the given figures, zero elsewhere. */
function line(id: string, f: Partial<CompanyRecord>): CompanyRecord {
  return {
    id,
    status: 'active',
    cash: 0,
    revenue: 0,
    costs: 0,
    operatingProfit: (f.revenue ?? 0) - (f.costs ?? 0),
    funding: 0,
    revenueBy: { domestic: 0, overseas: 0, enterprise: 0, api: 0, other: 0 },
    costBy: {
      compute: 0,
      salaries: 0,
      ads: 0,
      inference: 0,
      customisation: 0,
      platform: 0,
      severance: 0,
      other: 0,
    },
    apiPrice: 0,
    apiTokens: 0,
    quality: 0,
    mau: 0,
    domesticUsers: 0,
    overseasUsers: 0,
    enterpriseProjects: 0,
    headcount: 0,
    pretrainingShare: 0,
    valuation: 0,
    ownershipBp: 0,
    flows: null,
    ...f,
  };
}

function quarter(turn: number, companies: CompanyRecord[], over: Partial<QuarterRecord> = {}): QuarterRecord {
  return {
    turn,
    quarter: `q${turn}`,
    marketApiPrice: 0,
    apiTokens: 0,
    outsideShare: 0,
    frontierQuality: 0,
    cac: 0,
    companies,
    giants: [],
    events: [],
    news: [],
    hash: '',
    ...over,
  };
}

/**
 * The fresh game with `cash` in the company's bank and a hand-written history: one quarter per
 * entry, the company's revenue and costs in it.
 */
function stateWith(cash: number, quarters: { revenue: number; costs: number }[]): GameState {
  return {
    ...fresh,
    startups: fresh.startups.map((s) => (s.id === ID ? { ...s, cash } : s)),
    history: quarters.map((q, turn) => quarter(turn, [line(ID, q)])),
  };
}

describe('net burn and runway', () => {
  it('known answers: cash 1,000, last quarter costs 600 and revenue 350 → burn 250, runway 4', () => {
    const s = stateWith(1_000, [{ revenue: 350, costs: 600 }]);
    expect(netBurn(s, ID)).toBe(250);
    expect(runwayQuarters(s, ID)).toBe(4);
    // only the last quarter counts: an earlier, costlier one does not
    const t = stateWith(1_000, [
      { revenue: 0, costs: 900 },
      { revenue: 350, costs: 600 },
    ]);
    expect(runwayQuarters(t, ID)).toBe(4);
    // a burn that does not divide the cash: 1,000 at 300 a quarter lasts three and a third quarters
    expect(runwayQuarters(stateWith(1_000, [{ revenue: 100, costs: 400 }]), ID)).toBeCloseTo(10 / 3, 12);
  });

  it('a company that is not burning has no net burn and a runway of NOT_BURNING', () => {
    for (const q of [
      { revenue: 600, costs: 350 }, // profitable
      { revenue: 500, costs: 500 }, // break-even
      { revenue: 0, costs: 0 },
    ]) {
      const s = stateWith(1_000, [q]);
      expect(netBurn(s, ID)).toBe(0);
      expect(runwayQuarters(s, ID)).toBe(NOT_BURNING);
    }
    // before the first quarter there is no burn to go by
    expect(netBurn(fresh, ID)).toBe(0);
    expect(runwayQuarters(fresh, ID)).toBe(NOT_BURNING);
  });

  it('a burning company with no cash (or less than none) has no runway; an unknown company has none either', () => {
    expect(runwayQuarters(stateWith(0, [{ revenue: 0, costs: 100 }]), ID)).toBe(0);
    expect(runwayQuarters(stateWith(-500, [{ revenue: 0, costs: 100 }]), ID)).toBe(0);
    expect(runwayQuarters(stateWith(1_000, [{ revenue: 0, costs: 100 }]), 'nobody')).toBe(0);
  });

  it('runway is how many whole quarters of the burn the cash pays for (counted by spending it down)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        (cash, revenue, burn) => {
          const r = runwayQuarters(stateWith(cash, [{ revenue, costs: revenue + burn }]), ID);
          let left = cash;
          let quarters = 0;
          while (left >= burn) {
            left -= burn;
            quarters++;
          }
          expect(Math.floor(r + 1e-9)).toBe(quarters);
        },
      ),
    );
  });

  it('runway falls when costs rise and rises with cash; NOT_BURNING outlasts any game', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        (cash, revenue, burn, more) => {
          const at = (c: number, costs: number) => runwayQuarters(stateWith(c, [{ revenue, costs }]), ID);
          const base = at(cash, revenue + burn);
          expect(at(cash, revenue + burn + more)).toBeLessThan(base);
          expect(at(cash + more, revenue + burn)).toBeGreaterThan(base);
          expect(at(cash, revenue)).toBe(NOT_BURNING);
        },
      ),
    );
    expect(NOT_BURNING).toBeGreaterThan(level.quarters);
  });

  it('agrees with the cash the engine records: a quarter’s net burn is what the bank lost in it', () => {
    // In a quarter with no funding, cash falls by exactly the net burn (cash(t+1) = cash(t) +
    // revenue − costs + funding); the records carry each quarter's closing cash.
    let burning = 0;
    let profitable = 0;
    for (const seed of [3, 11, 17]) {
      const { state } = playGame(level, seed, 'zhipu', 'balanced');
      for (let k = 1; k < state.history.length; k++) {
        const upTo = { ...state, history: state.history.slice(0, k + 1) };
        for (const cur of state.history[k]!.companies) {
          const prev = state.history[k - 1]!.companies.find((c) => c.id === cur.id)!;
          if (prev.status !== 'active' || cur.funding !== 0) continue;
          const lost = prev.cash - cur.cash;
          expect(netBurn(upTo, cur.id), `${seed} ${k} ${cur.id}`).toBe(Math.max(0, lost));
          if (lost > 0) burning++;
          else profitable++;
        }
      }
    }
    // both cases were met, many times
    expect(burning).toBeGreaterThan(20);
    expect(profitable).toBeGreaterThan(5);
  });
});

describe('burn multiple', () => {
  it('known answers: 400 burned while revenue grew by 200 → 2; half the burn → 1', () => {
    const s = stateWith(10_000, [
      { revenue: 100, costs: 500 },
      { revenue: 300, costs: 700 },
    ]);
    expect(burnMultiple(s, ID)).toBe(2);
    const t = stateWith(10_000, [
      { revenue: 100, costs: 500 },
      { revenue: 300, costs: 500 },
    ]);
    expect(burnMultiple(t, ID)).toBe(1);
  });

  it('is 0 when not burning, and infinite when burning without revenue growth', () => {
    const grows = stateWith(10_000, [
      { revenue: 100, costs: 50 },
      { revenue: 300, costs: 200 },
    ]);
    expect(burnMultiple(grows, ID)).toBe(0);
    for (const revenue of [100, 40]) {
      const flat = stateWith(10_000, [
        { revenue: 100, costs: 500 },
        { revenue, costs: 500 },
      ]);
      expect(burnMultiple(flat, ID)).toBe(Number.POSITIVE_INFINITY);
    }
  });

  it('in the first quarter all revenue is new', () => {
    expect(burnMultiple(stateWith(10_000, [{ revenue: 250, costs: 1_000 }]), ID)).toBe(3);
  });

  it('rises with the burn and falls as more revenue is added for the same burn', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        (before, added, burn, more) => {
          const bm = (add: number, b: number) =>
            burnMultiple(
              stateWith(10_000, [
                { revenue: before, costs: before },
                { revenue: before + add, costs: before + add + b },
              ]),
              ID,
            );
          const base = bm(added, burn);
          expect(base).toBeGreaterThan(0);
          expect(bm(added, burn + more)).toBeGreaterThan(base);
          expect(bm(added + more, burn)).toBeLessThan(base);
          // twice the burn for the same growth is twice the multiple
          expect(bm(added, 2 * burn)).toBeCloseTo(2 * base, 9);
        },
      ),
    );
  });
});

describe('API market shares', () => {
  it('known answer: startups share the inside market by tokens, giants and the outside option keep theirs', () => {
    // 1,000 M tokens served inside; half the market buys outside; a giant has 0.3 of the whole
    const giant: GiantRecord = { id: 'g', quality: 0, apiPrice: 0, apiShare: 0.3 };
    const rec = quarter(
      0,
      [line('a', { apiTokens: 300 }), line('b', { apiTokens: 100 }), line('c', { apiTokens: 0 })],
      { apiTokens: 1_000, outsideShare: 0.5, giants: [giant] },
    );
    const { providers, outside } = apiMarketShares(rec);
    expect(outside).toBe(0.5);
    expect(providers.map((p) => p.id)).toEqual(['a', 'b', 'c', 'g']);
    expect(providers[0]!.share).toBeCloseTo(0.15, 12);
    expect(providers[1]!.share).toBeCloseTo(0.05, 12);
    expect(providers[2]!.share).toBe(0);
    expect(providers[3]!.share).toBe(0.3);
    // a quarter in which nothing was sold inside gives the startups nothing (no 0 / 0)
    const empty = apiMarketShares(quarter(0, [line('a', {})], { apiTokens: 0, outsideShare: 1 }));
    expect(empty.providers[0]!.share).toBe(0);
  });

  it('every quarter of a game: shares lie in [0,1] and sum to 1 with the outside option', () => {
    const { state } = playGame(level, 11, ID, 'balanced');
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
});

describe('founders’ equity', () => {
  const company = (valuation: number, ownershipBp: number): StartupState => ({
    ...fresh.startups[0]!,
    valuation,
    ownershipBp,
  });

  it('known answers: a quarter of a ¥1bn company is ¥250M; none of it is nothing; all of it is all', () => {
    expect(founderEquity(company(100_000, 2_500))).toBe(25_000);
    expect(founderEquity(company(100_000, 0))).toBe(0);
    expect(founderEquity(company(100_000, 10_000))).toBe(100_000);
  });

  it('is a share of the valuation: between nothing and the whole company, in every quarter of every game', () => {
    for (const seed of [3, 11]) {
      const { state } = playGame(level, seed, 'minimax', 'balanced');
      for (const rec of state.history)
        for (const c of rec.companies) {
          const e = founderEquity(company(c.valuation, c.ownershipBp));
          expect(e).toBeGreaterThanOrEqual(0);
          expect(e).toBeLessThanOrEqual(c.valuation);
        }
    }
  });

  it('a round that closes cuts the founders’ share, and leaves their equity worth the pre-money stake', () => {
    // The player opens a round and answers every card with its neutral choice (no card sells
    // shares), so only the round changes the founders' share. Its news records the terms (amount,
    // post-money valuation): new money buys new shares, the founders own less of a larger company,
    // and their stake is what it was worth at the price the investors paid.
    let closed = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      let s = newGame(level, seed, 'zhipu');
      const open = applyCommand(level, s, { type: 'money/open-round', target: 100_000 });
      if (!open.ok) throw new Error(open.error.message);
      s = open.state;
      for (let q = 0; q < 4; q++) {
        const before = player(s);
        s = endQuarterNeutrally(level, s);
        const after = player(s);
        const round = s.news.find((n) => n.key === 'news.roundClosed' && n.subject === 'zhipu');
        if (!round) {
          expect(after.ownershipBp, `seed ${seed} quarter ${q}`).toBe(before.ownershipBp);
          continue;
        }
        closed++;
        const amount = round.params.amount as number;
        const post = round.params.valuation as number;
        expect(amount).toBeGreaterThan(0);
        expect(after.valuation).toBe(post);
        expect(after.ownershipBp).toBeLessThan(before.ownershipBp);
        expect(founderEquity(after)).toBeLessThan(
          founderEquity({ ...after, ownershipBp: before.ownershipBp }),
        );
        const preMoneyStake = founderEquity({ ...before, valuation: post - amount });
        // ownership is whole basis points: the stake may be off by the rounding of one of them
        expect(Math.abs(founderEquity(after) - preMoneyStake), `seed ${seed}`).toBeLessThanOrEqual(
          post / 10_000 + 1,
        );
        break;
      }
    }
    expect(closed).toBeGreaterThanOrEqual(3);
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
    const { state } = playGame(level, 11, 'moonshot', 'balanced');
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
