// Unit tests of the event cards at run time (cards.ts): every effect kind of applyEffects on a plain
// copy of a company, the key-person helpers, metricValue for every metric, condition filtering and
// drawCards — with synthetic cards added to a copy of the historical level (tests/helpers.ts).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appWeightsArb,
  cardOf,
  clone,
  effectDeck,
  levelWithCards,
  newGame,
  player,
  playQuarters,
  testCard,
} from '../../tests/helpers';
import type { EffectContext } from './cards';
import {
  applyEffects,
  cardApplies,
  drawCards,
  eventId,
  KEY_PERSON_PAY,
  keyPeopleFactor,
  keyPeoplePay,
  metricValue,
  modifierFactor,
  policyChoice,
  seededRandomCard,
} from './cards';
import type { Condition, Effect } from './cards-schema';
import { METRICS } from './cards-schema';
import { marketWage, payMultiplier, stayProbability } from './economy';
import type { Level } from './level';
import { MAX_LIVE_MODIFIERS, MAX_MODIFIER, MAX_STAFF, MAX_USERS, MIN_MODIFIER } from './limits';
import { clamp } from './mathx';
import { luckOf, Purpose, uniform } from './rng';
import type { AppMarket, GameState, NewsItem, Stance, StartupState } from './types';
import { APP_MARKETS } from './types';

const level = levelWithCards(effectDeck());
const COMPANY = 'moonshot';
const base = newGame(level, 7, COMPANY);
const COMPANY_INDEX = level.companies.findIndex((c) => c.id === COMPANY);

/** A plain copy of the player's company with a run in progress, some users, burnout and platform. */
function company(): StartupState {
  const s = clone(player(base));
  s.run = { compute: 400, quarters: 1 };
  s.burnout = 0.3;
  s.platform = 0.2;
  s.domesticUsers = 1_000_000;
  s.overseasUsers = 200_000;
  s.valuation = 210_000;
  return s;
}

function ctx(turn = 3, seed = 123): EffectContext {
  return { level, turn, luck: luckOf(seed), company: COMPANY_INDEX, news: [] as NewsItem[] };
}

/** Applies effects to a fresh company copy; returns it with the expected unchanged copy and the context. */
function run(effects: Effect[], c: EffectContext = ctx(), s: StartupState = company()) {
  const before = clone(s);
  const outcome = applyEffects(c, s, effects, 'card-x');
  return { s, before, outcome, c };
}

/** A stance as the engine writes it: every key, null where no stance was taken. */
function stanceOf(st: Stance): Stance {
  return {
    pricing: null,
    intensity: null,
    payLevel: null,
    appWeights: null,
    pretrainingBp: null,
    ...st,
  };
}

describe('applyEffects: each effect kind on a plain company copy', () => {
  it('cost and income go to eventBooks only (booked at the quarter end)', () => {
    const { s, before, outcome, c } = run([
      { kind: 'cost', amount: 500 },
      { kind: 'income', amount: 800 },
      { kind: 'cost', amount: 1 },
    ]);
    before.eventBooks = { income: 800, cost: 501, funding: 0 };
    expect(s).toEqual(before);
    expect(outcome).toBeUndefined();
    expect(c.news).toEqual([]);
    expect(c.sold).toBeUndefined();
  });

  it('investment: funding, raised total, dilution by the stake', () => {
    const { s, before } = run([{ kind: 'investment', amount: 20_000, stakeBp: 500 }]);
    before.eventBooks.funding = 20_000;
    before.raisedTotal += 20_000;
    before.ownershipBp = Math.round((before.ownershipBp * 9500) / 10_000);
    expect(s).toEqual(before);
    // cash moves only when the quarter ends
    expect(s.cash).toBe(player(base).cash);
  });

  it('strategic: funding, credits, the investor tie, dilution, a news item', () => {
    const { s, before, c } = run([
      { kind: 'strategic', investor: 'alibaba', amount: 50_000, credits: 30_000, stakeBp: 800 },
    ]);
    before.eventBooks.funding = 50_000;
    before.raisedTotal += 50_000;
    before.credits += 30_000;
    before.strategic = 'alibaba';
    before.ownershipBp = Math.round((before.ownershipBp * 9200) / 10_000);
    expect(s).toEqual(before);
    expect(c.news).toEqual([
      { key: 'news.strategicDeal', subject: COMPANY, params: { investor: 'alibaba', amount: 50_000 } },
    ]);
  });

  it('staff: a share of the role plus a count, never below zero', () => {
    const { s, before } = run([
      { kind: 'staff', role: 'researchers', share: 0.1, count: 2 },
      { kind: 'staff', role: 'engineers', share: -0.2, count: -1 },
    ]);
    const r = before.staff.researchers;
    const e = before.staff.engineers;
    before.staff.researchers = r + Math.round(r * 0.1) + 2;
    before.staff.engineers = e + Math.round(e * -0.2) - 1;
    expect(s).toEqual(before);
    const all = run([{ kind: 'staff', role: 'sales', share: -1, count: -5 }]);
    expect(all.s.staff.sales).toBe(0);
  });

  it('payLevel and intensity set the plan', () => {
    const { s, before } = run([
      { kind: 'payLevel', level: 'plus50' },
      { kind: 'intensity', level: '996' },
    ]);
    before.plan.payLevel = 'plus50';
    before.plan.intensity = '996';
    // ...and keep them as the company's stance, which a rival's policy honours next quarter
    before.stance = stanceOf({ payLevel: 'plus50', intensity: '996' });
    expect(s).toEqual(before);
  });

  it('burnout moves within [0, 1]', () => {
    expect(run([{ kind: 'burnout', delta: 0.2 }]).s.burnout).toBeCloseTo(0.5, 12);
    expect(run([{ kind: 'burnout', delta: 0.9 }]).s.burnout).toBe(1);
    expect(run([{ kind: 'burnout', delta: -1 }]).s.burnout).toBe(0);
    const { s, before } = run([{ kind: 'burnout', delta: -0.1 }]);
    before.burnout = 0.3 - 0.1;
    expect(s).toEqual(before);
  });

  it('runLoss cuts the run in progress; without a run nothing happens', () => {
    const { s, before } = run([{ kind: 'runLoss', share: 0.25 }]);
    before.run = { compute: 300, quarters: 1 };
    expect(s).toEqual(before);
    expect(run([{ kind: 'runLoss', share: 1 }]).s.run).toEqual({ compute: 0, quarters: 1 });
    const idle = company();
    idle.run = null;
    const r = run([{ kind: 'runLoss', share: 0.5 }], ctx(), idle);
    expect(r.s).toEqual(r.before);
  });

  it('users: a share gained or lost in one app market, never below zero', () => {
    const { s, before } = run([
      { kind: 'users', market: 'domestic', share: -0.3 },
      { kind: 'users', market: 'overseas', share: 0.5 },
    ]);
    before.domesticUsers = 700_000;
    before.overseasUsers = 300_000;
    expect(s).toEqual(before);
    expect(run([{ kind: 'users', market: 'domestic', share: -1 }]).s.domesticUsers).toBe(0);
    expect(run([{ kind: 'users', market: 'overseas', share: 2 }]).s.overseasUsers).toBe(600_000);
  });

  it('platform moves within [0, 0.9]', () => {
    const { s, before } = run([{ kind: 'platform', delta: 0.2 }]);
    before.platform = 0.2 + 0.2;
    expect(s).toEqual(before);
    expect(run([{ kind: 'platform', delta: 1 }]).s.platform).toBe(0.9);
    expect(run([{ kind: 'platform', delta: -1 }]).s.platform).toBe(0);
  });

  it('modifier: a time-limited factor from this turn for `quarters` turns; factors multiply', () => {
    const { s, before } = run(
      [
        { kind: 'modifier', target: 'research', factor: 1.2, quarters: 2 },
        { kind: 'modifier', target: 'research', factor: 0.5, quarters: 1 },
        { kind: 'modifier', target: 'cacDomestic', factor: 3, quarters: 4 },
      ],
      ctx(5),
    );
    before.modifiers = [
      { target: 'research', factor: 1.2, untilTurn: 6, source: 'card-x' },
      { target: 'research', factor: 0.5, untilTurn: 5, source: 'card-x' },
      { target: 'cacDomestic', factor: 3, untilTurn: 8, source: 'card-x' },
    ];
    expect(s).toEqual(before);
    expect(modifierFactor(s, 'research', 5)).toBeCloseTo(0.6, 12);
    expect(modifierFactor(s, 'research', 6)).toBeCloseTo(1.2, 12);
    expect(modifierFactor(s, 'research', 7)).toBe(1);
    expect(modifierFactor(s, 'cacDomestic', 8)).toBe(3);
    expect(modifierFactor(s, 'cacDomestic', 9)).toBe(1);
    expect(modifierFactor(s, 'enterpriseDemand', 5)).toBe(1);
  });

  it('stacked cards compound no further than one card could (limits.ts)', () => {
    const times = (n: number, e: Effect) => Array.from({ length: n }, () => e);
    // modifiers: their product stays within one modifier's range, and at most so many run at once
    const { s } = run([
      ...times(40, { kind: 'modifier', target: 'research', factor: 10, quarters: 2 }),
      ...times(40, { kind: 'modifier', target: 'cacDomestic', factor: 0.01, quarters: 2 }),
    ]);
    expect(s.modifiers).toHaveLength(MAX_LIVE_MODIFIERS);
    expect(modifierFactor(s, 'research', 3)).toBe(MAX_MODIFIER);
    expect(modifierFactor(s, 'cacDomestic', 3)).toBe(MIN_MODIFIER);
    // once the running ones have run out, new ones take hold again
    const later = run([{ kind: 'modifier', target: 'research', factor: 2, quarters: 1 }], ctx(5), s).s;
    expect(modifierFactor(later, 'research', 5)).toBe(2);
    // users and staff: bounded however often a card triples or doubles them
    const grown = run([
      ...times(30, { kind: 'users', market: 'domestic', share: 2 }),
      ...times(30, { kind: 'users', market: 'overseas', share: 2 }),
      ...times(30, { kind: 'staff', role: 'engineers', share: 1, count: 10_000 }),
    ]).s;
    expect(grown.domesticUsers).toBe(MAX_USERS);
    expect(grown.overseasUsers).toBe(MAX_USERS);
    expect(grown.staff.engineers).toBe(MAX_STAFF);
  });

  it('enterpriseDeal: revenue now, customisation scaled by the platform gap', () => {
    const { s, before } = run([{ kind: 'enterpriseDeal', revenue: 3000, customisation: 1.5 }]);
    before.eventBooks.income = 3000;
    before.eventBooks.cost = Math.round(3000 * 1.5 * (1 - 0.2));
    expect(s).toEqual(before);
    // a fully standardised product (platform 0.9) costs a tenth of the customisation
    const std = company();
    std.platform = 0.9;
    expect(
      run([{ kind: 'enterpriseDeal', revenue: 1000, customisation: 2 }], ctx(), std).s.eventBooks,
    ).toEqual({
      income: 1000,
      cost: 200,
      funding: 0,
    });
  });

  it('pricing sets the mode, and the price when given', () => {
    const a = run([{ kind: 'pricing', mode: 'exact', price: 3 }]);
    a.before.plan.pricing = { mode: 'exact', price: 3 };
    a.before.stance = stanceOf({ pricing: { mode: 'exact', price: 3 } });
    expect(a.s).toEqual(a.before);
    const b = run([{ kind: 'pricing', mode: 'free' }]);
    b.before.plan.pricing = { mode: 'free', price: b.before.plan.pricing.price };
    b.before.stance = stanceOf({ pricing: { ...b.before.plan.pricing } });
    expect(b.s).toEqual(b.before);
  });

  it('pretraining sets the share; abandon gives up pretraining once (run dropped, news)', () => {
    const keep = run([{ kind: 'pretraining', bp: 8000, abandon: false }]);
    keep.before.plan.pretrainingBp = 8000;
    keep.before.stance = stanceOf({ pretrainingBp: 8000 });
    expect(keep.s).toEqual(keep.before);
    const pivot = run([{ kind: 'pretraining', bp: 0, abandon: true }]);
    pivot.before.plan.pretrainingBp = 0;
    pivot.before.stance = stanceOf({ pretrainingBp: 0 });
    pivot.before.pretrainingAbandoned = true;
    pivot.before.run = null;
    expect(pivot.s).toEqual(pivot.before);
    expect(pivot.c.news).toEqual([{ key: 'news.abandonPretraining', subject: COMPANY, params: {} }]);
    // a second abandon is no news
    const again = run([{ kind: 'pretraining', bp: 0, abandon: true }], ctx(), pivot.s);
    expect(again.c.news).toEqual([]);
  });

  it('appWeights sets one market and re-weights the others: whole numbers summing to 100', () => {
    const { s, before } = run([{ kind: 'appWeights', market: 'overseas', weight: 60 }]);
    expect(s.plan.appWeights.overseas).toBe(60);
    before.plan.appWeights = s.plan.appWeights;
    before.stance = stanceOf({ appWeights: s.plan.appWeights });
    expect(s).toEqual(before);
    fc.assert(
      fc.property(
        appWeightsArb,
        fc.constantFrom<AppMarket>(...APP_MARKETS),
        fc.integer({ min: 0, max: 100 }),
        (w, market, weight) => {
          const c = company();
          c.plan.appWeights = { ...w };
          applyEffects(ctx(), c, [{ kind: 'appWeights', market, weight }], 'card-x');
          const out = c.plan.appWeights;
          expect(APP_MARKETS.reduce((sum, m) => sum + out[m], 0)).toBe(100);
          expect(out[market]).toBe(weight);
          const others = APP_MARKETS.filter((m) => m !== market);
          const rest = others.reduce((sum, m) => sum + w[m], 0);
          for (const m of others) {
            expect(Number.isInteger(out[m]) && out[m] >= 0, `${m}=${out[m]}`).toBe(true);
            // the others keep their proportions, to rounding
            if (rest > 0) expect(Math.abs(out[m] - ((100 - weight) * w[m]) / rest)).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });

  it('appWeights keeps a closed market at 0 (weights still sum to 100)', () => {
    const closed = levelWithCards([], {
      edit: (json) => {
        (json.markets as Record<string, boolean>).overseas = false;
      },
    });
    const c = company();
    c.plan.appWeights = { domestic: 40, overseas: 0, enterprise: 30, api: 30 };
    for (const [market, weight] of [
      ['overseas', 60],
      ['domestic', 10],
      ['api', 100],
    ] as const) {
      applyEffects({ ...ctx(), level: closed }, c, [{ kind: 'appWeights', market, weight }], 'card-x');
      const w = c.plan.appWeights;
      expect(w.overseas, `${market} ${weight}`).toBe(0);
      expect(w.domestic + w.overseas + w.enterprise + w.api).toBe(100);
      if (market !== 'overseas') expect(w[market]).toBe(weight);
    }
  });

  it('sell sets the price paid (valuation × multiple) and leaves the company as it is', () => {
    const { s, before, c } = run([{ kind: 'sell', multiple: 1.2 }]);
    expect(s).toEqual(before);
    expect(c.sold).toBe(Math.round(210_000 * 1.2));
    const broke = company();
    broke.valuation = 0;
    expect(run([{ kind: 'sell', multiple: 0.5 }], ctx(), broke).c.sold).toBe(1);
  });

  it('none changes nothing, says nothing', () => {
    const c = ctx();
    const { s, before, outcome } = run([{ kind: 'none' }], c);
    expect(s).toEqual(before);
    expect(outcome).toBeUndefined();
    expect(c.news).toEqual([]);
    expect(c.sold).toBeUndefined();
  });
});

describe('applyEffects: keyPersonLeaves', () => {
  it('the most skilled active key person of the role leaves for sure, whatever the luck', () => {
    const specs = level.companies.find((c) => c.id === COMPANY)!.keyPeople;
    const best = [...specs].filter((p) => p.role === 'researchers').sort((a, b) => b.skill - a.skill)[0]!;
    for (const seed of [1, 2, 3]) {
      const r = run([{ kind: 'keyPersonLeaves', role: 'researchers' }], ctx(3, seed));
      expect(r.outcome).toEqual({ person: best.id, stayed: false });
    }
    const c = ctx();
    const { s, before, outcome } = run([{ kind: 'keyPersonLeaves', role: 'researchers' }], c);
    expect(outcome).toEqual({ person: best.id, stayed: false });
    expect(s.keyPeople.find((k) => k.id === best.id)!.active).toBe(false);
    expect(s.staff.researchers).toBe(before.staff.researchers - 1);
    expect(c.news.map((n) => n.key)).toEqual(['news.keyPersonLeft']);
    // A second departure takes the next most skilled; with none left nothing happens.
    const again = run([{ kind: 'keyPersonLeaves', role: 'researchers' }], ctx(), s);
    expect(again.outcome?.person).not.toBe(best.id);
  });
});

describe('applyEffects: keyPersonOffer (poaching a key person)', () => {
  const specs = level.companies.find((c) => c.id === COMPANY)!.keyPeople;
  const top = [...specs].filter((p) => p.role === 'researchers').sort((a, b) => b.skill - a.skill);
  const offer = { kind: 'keyPersonOffer', role: 'researchers', offer: 1, counter: 0.3, equityBp: 0 } as const;

  /** The chance the approached person stays, by the model in cards.ts. */
  function stayChance(
    s: StartupState,
    personId: string,
    e: { offer: number; counter: number; equityBp: number },
  ) {
    const spec = specs.find((p) => p.id === personId)!;
    const k = s.keyPeople.find((p) => p.id === personId)!;
    const pay = payMultiplier(level, s.plan.payLevel) + k.raise + e.counter;
    return clamp(stayProbability(level, pay, 1 + e.offer) + spec.loyalty * 0.3 + e.equityBp / 1000, 0, 1);
  }

  /** The person's resolve in a game of `seed`: their keyed uniform in quarter 3. */
  const resolve = (seed: number, personId: string) =>
    uniform(
      luckOf(seed),
      3,
      Purpose.keyPersonStay,
      COMPANY_INDEX,
      company().keyPeople.findIndex((k) => k.id === personId),
    );

  /** A context whose seed gives the top researcher a resolve below (stays) or above (leaves) p. */
  function ctxWith(p: number, stay: boolean): EffectContext {
    for (let seed = 1; seed < 10_000; seed++) {
      const u = resolve(seed, top[0]!.id);
      if (stay ? u < p : u >= p) return ctx(3, seed);
    }
    throw new Error('no such seed');
  }

  it('targets the most skilled active key person of the role; their keyed uniform decides', () => {
    expect(top.length).toBeGreaterThanOrEqual(2);
    const s0 = company();
    const p = stayChance(s0, top[0]!.id, offer);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);

    // stays: the counter-offer becomes a raise, paid every quarter
    const c1 = ctxWith(p, true);
    const stayed = run([offer], c1);
    expect(stayed.outcome).toEqual({ person: top[0]!.id, stayed: true });
    const k = stayed.before.keyPeople.find((x) => x.id === top[0]!.id)!;
    k.raise += 0.3;
    expect(stayed.s).toEqual(stayed.before);
    expect(c1.news).toEqual([
      { key: 'news.keyPersonStayed', subject: COMPANY, params: { person: top[0]!.id } },
    ]);
    expect(keyPeoplePay(level, 3, stayed.s)).toBe(
      Math.round(marketWage(level, 3, 'researchers') * KEY_PERSON_PAY * 0.3),
    );

    // leaves: inactive, one researcher fewer
    const c2 = ctxWith(p, false);
    const left = run([offer], c2);
    expect(left.outcome).toEqual({ person: top[0]!.id, stayed: false });
    left.before.keyPeople.find((x) => x.id === top[0]!.id)!.active = false;
    left.before.staff.researchers -= 1;
    expect(left.s).toEqual(left.before);
    expect(c2.news[0]?.key).toBe('news.keyPersonLeft');
    expect(keyPeopleFactor(level, left.s, 'researchers')).toBeLessThan(1);

    // the next offer goes to the next most skilled researcher still here
    const next = run([{ ...offer, counter: 0 }], ctx(3, 9), left.s);
    expect(next.outcome?.person).toBe(top[1]!.id);
  });

  it('equity lowers the founders’ stake whatever the outcome; no one of the role left: nothing happens', () => {
    const r = run([{ ...offer, equityBp: 100 }]);
    expect(r.s.ownershipBp).toBe(r.before.ownershipBp - 100);
    const empty = company();
    for (const k of empty.keyPeople) k.active = false;
    const c = ctx();
    const none = run([offer], c, empty);
    expect(none.outcome).toBeUndefined();
    expect(none.s).toEqual(none.before);
    expect(c.news).toEqual([]);
  });

  it('the share who stay matches the model, and counter-offers and equity raise it', () => {
    const rate = (e: { offer: number; counter: number; equityBp: number }) => {
      let stays = 0;
      const n = 1500;
      for (let i = 0; i < n; i++) {
        const o = run([{ kind: 'keyPersonOffer', role: 'researchers', ...e }], ctx(3, 1000 + i)).outcome;
        if (o?.stayed) stays++;
      }
      return stays / n;
    };
    const s0 = company();
    const cases = [
      { offer: 2, counter: 0, equityBp: 0 },
      { offer: 2, counter: 1.5, equityBp: 0 },
      { offer: 2, counter: 0, equityBp: 300 },
      { offer: 2, counter: 1, equityBp: 300 },
    ];
    const rates = cases.map(rate);
    cases.forEach((e, i) => {
      expect(Math.abs(rates[i]! - stayChance(s0, top[0]!.id, e)), JSON.stringify(e)).toBeLessThan(0.04);
    });
    expect(rates[1]!).toBeGreaterThan(rates[0]! + 0.2);
    expect(rates[2]!).toBeGreaterThan(rates[0]! + 0.2);
    expect(rates[3]!).toBeGreaterThan(rates[2]!);
  });

  it('common luck: on one seed a better counter-offer never turns a stay into a departure', () => {
    for (let seed = 1; seed <= 300; seed++) {
      let stayedBefore = false;
      for (const counter of [0, 0.25, 0.5, 1, 2]) {
        const stayed = run([{ ...offer, counter }], ctx(3, seed)).outcome?.stayed ?? false;
        if (stayedBefore) expect(stayed, `seed ${seed} counter ${counter}`).toBe(true);
        stayedBefore = stayed;
      }
    }
  });
});

describe('key people: research factor and pay', () => {
  it('keyPeopleFactor = (1 + Σ skill here) / (1 + Σ skill of all); 1 with the full team', () => {
    const s = company();
    const specs = level.companies.find((c) => c.id === COMPANY)!.keyPeople;
    expect(keyPeopleFactor(level, s, 'researchers')).toBe(1);
    expect(keyPeopleFactor(level, s, 'engineers')).toBe(1);
    const res = specs.filter((p) => p.role === 'researchers');
    const all = res.reduce((a, p) => a + p.skill, 0);
    s.keyPeople.find((k) => k.id === res[0]!.id)!.active = false;
    expect(keyPeopleFactor(level, s, 'researchers')).toBeCloseTo((1 + all - res[0]!.skill) / (1 + all), 12);
    expect(keyPeopleFactor(level, s, 'engineers')).toBe(1);
    for (const k of s.keyPeople) k.active = false;
    expect(keyPeopleFactor(level, s, 'researchers')).toBeCloseTo(1 / (1 + all), 12);
  });

  it('keyPeoplePay: raises of people still here, at KEY_PERSON_PAY × the market wage', () => {
    const s = company();
    expect(keyPeoplePay(level, 4, s)).toBe(0);
    const specs = level.companies.find((c) => c.id === COMPANY)!.keyPeople;
    s.keyPeople[0]!.raise = 0.5;
    s.keyPeople[2]!.raise = 0.25;
    const expected =
      marketWage(level, 4, specs[0]!.role) * KEY_PERSON_PAY * 0.5 +
      marketWage(level, 4, specs[2]!.role) * KEY_PERSON_PAY * 0.25;
    expect(keyPeoplePay(level, 4, s)).toBe(Math.round(expected));
    s.keyPeople[0]!.active = false;
    expect(keyPeoplePay(level, 4, s)).toBe(
      Math.round(marketWage(level, 4, specs[2]!.role) * KEY_PERSON_PAY * 0.25),
    );
  });
});

describe('metricValue and conditions', () => {
  it('gives every metric of the schema from the state and the last quarter record', () => {
    const state = playQuarters(level, 3, COMPANY, [[], []]).state;
    const s = clone(player(state));
    const last = state.history[state.history.length - 1]!;
    const rec = last.companies.find((c) => c.id === COMPANY)!;
    const burn = rec.costs - rec.revenue;
    const expected: Record<(typeof METRICS)[number], number> = {
      runway: burn > 0 ? Math.max(0, s.cash) / burn : 99,
      cash: s.cash,
      quality: s.quality,
      qualityGap: Math.max(0, state.market.bestDomesticQuality - s.quality),
      domesticUsers: s.domesticUsers,
      overseasUsers: s.overseasUsers,
      enterpriseProjects: s.enterpriseProjects,
      researchers: s.staff.researchers,
      engineers: s.staff.engineers,
      sales: s.staff.sales,
      burnout: s.burnout,
      apiShare: last.apiTokens > 0 ? (rec.apiTokens / last.apiTokens) * (1 - last.outsideShare) : 0,
      hasStrategic: s.strategic !== null ? 1 : 0,
      pretrainingAbandoned: s.pretrainingAbandoned ? 1 : 0,
      keyPeople: s.keyPeople.filter((k) => k.active).length,
      pretrainingShare: s.plan.pretrainingBp / 10_000,
      revenue: rec.revenue,
      fundingClimate: level.macro.fundingClimate[state.turn]!,
    };
    expect(Object.keys(expected).sort()).toEqual([...METRICS].sort());
    for (const m of METRICS) expect(metricValue(level, state, s, m), m).toBe(expected[m]);
    // booleans and counts move with the company
    s.strategic = 'tencent';
    s.pretrainingAbandoned = true;
    s.keyPeople[0]!.active = false;
    expect(metricValue(level, state, s, 'hasStrategic')).toBe(1);
    expect(metricValue(level, state, s, 'pretrainingAbandoned')).toBe(1);
    expect(metricValue(level, state, s, 'keyPeople')).toBe(expected.keyPeople - 1);
    // with no history yet: no burn (runway 99), no revenue, no API share
    const fresh = newGame(level, 3, COMPANY);
    const f = player(fresh);
    expect(metricValue(level, fresh, f, 'runway')).toBe(99);
    expect(metricValue(level, fresh, f, 'revenue')).toBe(0);
    expect(metricValue(level, fresh, f, 'apiShare')).toBe(0);
  });

  it('cardApplies: every operator, all conditions must hold, audience player', () => {
    const state = newGame(level, 3, COMPANY);
    const s = player(state);
    const cash = s.cash;
    const card = (when: Condition[], audience: 'all' | 'player' = 'all') => ({
      ...cardOf(level, 'test-money'),
      when,
      audience,
    });
    const holds = (op: Condition['op'], value: number) =>
      cardApplies(level, state, s, card([{ metric: 'cash', op, value }]), true);
    expect([holds('<', cash), holds('<=', cash), holds('>', cash), holds('>=', cash)]).toEqual([
      false,
      true,
      false,
      true,
    ]);
    expect([holds('==', cash), holds('!=', cash), holds('==', cash + 1), holds('!=', cash + 1)]).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect([holds('<', cash + 1), holds('>', cash - 1)]).toEqual([true, true]);
    const both: Condition[] = [
      { metric: 'cash', op: '>', value: 0 },
      { metric: 'hasStrategic', op: '==', value: 0 },
    ];
    expect(cardApplies(level, state, s, card(both), true)).toBe(true);
    expect(
      cardApplies(level, state, s, card([...both, { metric: 'keyPeople', op: '<', value: 1 }]), true),
    ).toBe(false);
    expect(cardApplies(level, state, s, card([]), false)).toBe(true);
    expect(cardApplies(level, state, s, card([], 'player'), true)).toBe(true);
    expect(cardApplies(level, state, s, card([], 'player'), false)).toBe(false);
  });

  it('policyChoice: the archetype’s or policy’s choice, else the first', () => {
    const card = cardOf(level, 'test-money');
    expect(policyChoice(card, 'overseas-consumer')).toBe('earn');
    expect(policyChoice(card, 'balanced')).toBe('pay');
    expect(policyChoice(card, 'enterprise-gov')).toBe('pay');
    expect(eventId(level, card, 5)).toBe('test-money@2024Q2');
  });
});

describe('drawCards', () => {
  const when = (op: Condition['op'], value: number): Condition[] => [{ metric: 'cash', op, value }];
  const scriptedLevel = levelWithCards(
    [
      testCard('sc-yes', { trigger: { kind: 'scripted', quarter: '2023Q3' }, when: when('>=', 0) }),
      testCard('sc-no', { trigger: { kind: 'scripted', quarter: '2023Q3' }, when: when('<', 0) }),
      testCard('sc-late', { trigger: { kind: 'scripted', quarter: '2024Q4' }, audience: 'player' }),
    ],
    { drawChance: 0 },
  );

  /** Cards each company faced over a whole game: the player's from history, rivals' from news. */
  function faced(lvl: Level, seed: number, playerId: string) {
    const { state } = playQuarters(lvl, seed, playerId, [], { finish: true });
    const byPlayer: string[] = state.history.flatMap((h) => h.events.map((e) => e.id));
    const byRival = new Map<string, string[]>();
    for (const h of state.history)
      for (const n of h.news)
        if (n.key === 'news.rivalChoice') {
          const list = byRival.get(n.subject) ?? [];
          list.push(`${n.params.card}@${h.turn + 1}`);
          byRival.set(n.subject, list);
        }
    return { state, byPlayer, byRival };
  }

  it('a scripted card comes up only in its quarter and only when its conditions hold', () => {
    for (const seed of [1, 2, 3]) {
      const { state, byPlayer, byRival } = faced(scriptedLevel, seed, COMPANY);
      const ended = state.ending!.turn;
      expect(byPlayer, `seed ${seed}`).toEqual(
        ['sc-yes@2023Q3', 'sc-late@2024Q4'].filter((id) => (id.endsWith('2023Q3') ? 2 : 7) <= ended),
      );
      // rivals in business get the 'all' card in its quarter, never the player's own card
      for (const [id, cards] of byRival) {
        expect(cards, id).toEqual(['sc-yes@2']);
      }
      expect(byRival.size).toBeGreaterThan(0);
    }
    // directly: nothing outside the quarter, and no random card from an empty deck
    const s0 = newGame(scriptedLevel, 1, COMPANY);
    for (let turn = 0; turn < scriptedLevel.quarters; turn++) {
      const got = drawCards(scriptedLevel, s0, player(s0), COMPANY_INDEX, turn, true, luckOf(turn));
      expect(
        got.map((c) => c.id),
        `turn ${turn}`,
      ).toEqual(turn === 2 ? ['sc-yes'] : turn === 7 ? ['sc-late'] : []);
      expect(seededRandomCard(scriptedLevel, luckOf(turn), turn, COMPANY_INDEX)).toBeNull();
    }
    // when the condition fails for the company, the card does not come up
    const poor = { ...clone(player(s0)), cash: -1 };
    expect(drawCards(scriptedLevel, s0, poor, COMPANY_INDEX, 2, true, luckOf(1)).map((c) => c.id)).toEqual([
      'sc-no',
    ]);
  });

  it('a non-repeatable random card is drawn at most once per company; a repeatable one recurs', () => {
    const once = levelWithCards(
      [
        testCard('rnd-once', {
          trigger: { kind: 'random', weight: 1, from: '2023Q2', to: '2026Q4', repeatable: false },
        }),
      ],
      {
        drawChance: 1,
      },
    );
    for (const seed of [1, 2]) {
      const { state, byPlayer, byRival } = faced(once, seed, COMPANY);
      expect(byPlayer).toEqual(['rnd-once@2023Q2']);
      expect(player(state).cardsSeen).toEqual(['rnd-once']);
      for (const [id, cards] of byRival) expect(cards, id).toEqual(['rnd-once@1']);
    }
    const s = clone(player(newGame(once, 1, COMPANY)));
    const st = newGame(once, 1, COMPANY);
    expect(drawCards(once, st, s, COMPANY_INDEX, 3, true, luckOf(1)).map((c) => c.id)).toEqual(['rnd-once']);
    s.cardsSeen = ['rnd-once'];
    expect(drawCards(once, st, s, COMPANY_INDEX, 3, true, luckOf(1))).toEqual([]);
    // outside its window it is not in the deck
    expect(drawCards(once, st, player(st), COMPANY_INDEX, 0, true, luckOf(1))).toEqual([]);

    const again = levelWithCards(
      [
        testCard('rnd-again', {
          trigger: { kind: 'random', weight: 1, from: '2023Q2', to: '2026Q4', repeatable: true },
        }),
      ],
      { drawChance: 1 },
    );
    const { state, byPlayer } = faced(again, 1, COMPANY);
    const turns = state.history.length;
    expect(byPlayer.length).toBe(turns - 1);
    expect(new Set(byPlayer).size).toBe(byPlayer.length);
    expect(player(state).cardsSeen).toEqual([]);
  });

  it('audience player: rivals never face the card', () => {
    const lvl = levelWithCards(
      [
        testCard('mine', {
          audience: 'player',
          trigger: { kind: 'random', weight: 1, from: '2023Q2', to: '2026Q4', repeatable: true },
        }),
      ],
      { drawChance: 1 },
    );
    const { byPlayer, byRival } = faced(lvl, 4, COMPANY);
    expect(byPlayer.length).toBeGreaterThan(3);
    expect(byRival.size).toBe(0);
    const st = newGame(lvl, 4, COMPANY);
    const r = st.startups.findIndex((c) => c.id !== COMPANY);
    expect(seededRandomCard(lvl, luckOf(1), 3, r)?.id).toBe('mine');
    expect(drawCards(lvl, st, st.startups[r]!, r, 3, false, luckOf(1))).toEqual([]);
  });

  it('the random deck: drawChance per quarter, then a pick by weight over the seeds', () => {
    const random = (weight: number) => ({
      kind: 'random',
      weight,
      from: '2023Q2',
      to: '2026Q4',
      repeatable: true,
    });
    const lvl = levelWithCards(
      [testCard('light', { trigger: random(1) }), testCard('heavy', { trigger: random(3) })],
      {
        drawChance: 0.4,
      },
    );
    const st: GameState = newGame(lvl, 1, COMPANY);
    let drawn = 0;
    let heavy = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) {
      const got = drawCards(lvl, st, player(st), COMPANY_INDEX, 4, true, luckOf(i));
      expect(got.length).toBeLessThanOrEqual(1);
      if (got.length === 1) {
        drawn++;
        if (got[0]!.id === 'heavy') heavy++;
      }
    }
    expect(Math.abs(drawn / n - 0.4)).toBeLessThan(0.03);
    expect(Math.abs(heavy / drawn - 0.75)).toBeLessThan(0.04);
  });

  it('scripted cards and the seed’s random card come together; a card ruled out is not replaced', () => {
    const lvl = levelWithCards(
      [
        testCard('script', { trigger: { kind: 'scripted', quarter: '2024Q1' } }),
        testCard('rich-only', {
          trigger: { kind: 'random', weight: 1, from: '2023Q2', to: '2026Q4', repeatable: true },
          when: when('>', 1e12),
        }),
        testCard('anyone', {
          trigger: { kind: 'random', weight: 1, from: '2023Q2', to: '2026Q4', repeatable: true },
        }),
      ],
      { drawChance: 1 },
    );
    const st = newGame(lvl, 1, COMPANY);
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const drawn = seededRandomCard(lvl, luckOf(i), 4, COMPANY_INDEX)!.id;
      seen.add(drawn);
      // The seed picks from the whole deck; when it picks the card this company may not take,
      // there is no random card this quarter (never another one instead).
      expect(drawCards(lvl, st, player(st), COMPANY_INDEX, 4, true, luckOf(i)).map((c) => c.id)).toEqual(
        drawn === 'anyone' ? ['script', 'anyone'] : ['script'],
      );
    }
    expect([...seen].sort()).toEqual(['anyone', 'rich-only']);
  });

  it('which random card comes up depends on the seed, the quarter and the company, never on its state', () => {
    const random = { kind: 'random', weight: 1, from: '2023Q2', to: '2026Q4', repeatable: true };
    const lvl = levelWithCards(
      ['a', 'b', 'c', 'd'].map((id) => testCard(id, { trigger: random })),
      { drawChance: 0.5 },
    );
    const st = newGame(lvl, 1, COMPANY);
    const rich = { ...clone(player(st)), cash: 1e9, burnout: 0.9 };
    const poor = { ...clone(player(st)), cash: 1, staff: { researchers: 0, engineers: 0, sales: 0 } };
    const picks = new Set<string>();
    for (let seed = 0; seed < 40; seed++)
      for (let turn = 1; turn < 6; turn++) {
        const luck = luckOf(seed);
        const want = seededRandomCard(lvl, luck, turn, COMPANY_INDEX)?.id ?? '-';
        picks.add(want);
        for (const s of [player(st), rich, poor]) {
          const got = drawCards(lvl, st, s, COMPANY_INDEX, turn, true, luck).map((c) => c.id);
          expect(got[0] ?? '-').toBe(want);
        }
      }
    expect([...picks].sort()).toEqual(['-', 'a', 'b', 'c', 'd']);
    // another company of the same seed and quarter has its own draw
    let same = 0;
    for (let seed = 0; seed < 200; seed++)
      if (seededRandomCard(lvl, luckOf(seed), 3, 0)?.id === seededRandomCard(lvl, luckOf(seed), 3, 1)?.id)
        same++;
    expect(same).toBeLessThan(120);
  });
});
