// Unit tests of the reducer: each command's validation (every rejection code, reached from real states)
// and its effect (an accepted command changes exactly what it should and nothing else).

import { describe, expect, it } from 'vitest';
import {
  answerNeutrally,
  clone,
  endQuarterNeutrally,
  getTestLevel,
  levelWithCards,
  newGame,
  player,
  playQuarters,
  staffTotal,
  testCard,
  testChoice,
} from '../../tests/helpers';
import { effectiveCompute, equityScore } from './economy';
import { applyCommand, playGame, quarterLabel, RULES_VERSION, validateCommand } from './index';
import type { Level } from './level';
import type { Command, GameState, RejectionCode, StartupState } from './types';

const level = getTestLevel();
const COMPANY = 'moonshot';
/** A new game with the first quarter's cards answered (the tests below are about other commands). */
const fresh = () => answerNeutrally(level, newGame(level, 42, COMPANY));

function ok(state: GameState, cmd: Command, lvl: Level = level): GameState {
  const r = applyCommand(lvl, state, cmd);
  if (!r.ok)
    throw new Error(`expected ${JSON.stringify(cmd)} to be accepted: ${r.error.code} ${r.error.message}`);
  return r.state;
}

/** Applies a command that must be refused with `code`; checks the state is the same object, untouched. */
function expectRejected(state: GameState, cmd: unknown, code: RejectionCode, lvl: Level = level) {
  const copy = JSON.stringify(state);
  const r = applyCommand(lvl, state, cmd as Command);
  expect(r.ok, JSON.stringify(cmd)).toBe(false);
  if (r.ok) return;
  expect(r.error.code, `${JSON.stringify(cmd)}: ${r.error.message}`).toBe(code);
  expect(typeof r.error.message).toBe('string');
  expect(r.error.message.trim().length).toBeGreaterThan(0);
  expect(r.state).toBe(state);
  expect(JSON.stringify(state)).toBe(copy);
  // validateCommand gives the same verdict
  expect(validateCommand(lvl, state, cmd)?.code).toBe(code);
}

/** The state after the command must equal the state before with `edit` applied to a deep copy. */
function expectOnlyChange(state: GameState, cmd: Command, edit: (s: GameState) => void): GameState {
  const copy = JSON.stringify(state);
  const after = ok(state, cmd);
  expect(JSON.stringify(state), 'the input state was mutated').toBe(copy);
  const expected = clone(state);
  edit(expected);
  expect(after).toEqual(expected);
  return after;
}

const me = (s: GameState): StartupState => player(s);

/** Ends the quarter after answering the level's event cards with their most neutral choice. */
const endQuarter = (s: GameState, lvl: Level = level): GameState => endQuarterNeutrally(lvl, s);

/** A state with one event card waiting for an answer (a card this level does not have: no effects). */
function withPendingEvent(state: GameState): GameState {
  return {
    ...state,
    pendingEvents: [{ id: 'ev-test', card: 'no-such-card', choices: ['accept', 'refuse'] }],
  };
}

/**
 * Plays quarters with the default plan until buy-out offers can come, then spends most of the cash
 * each quarter until the player is offered an acquisition.
 */
function stateWithAcquisitionOffer(): GameState {
  let s = fresh();
  for (let q = 0; q < level.quarters - 1 && !s.ending; q++) {
    if (s.offers.some((o) => o.kind === 'acquisition')) return s;
    if (s.turn >= level.market.funding.acquisitionEarliestTurn)
      s = ok(s, { type: 'plan/set-spend', amount: Math.floor((me(s).cash * 7) / 10) });
    s = endQuarter(s);
  }
  throw new Error('no acquisition offer came');
}

// Strategic investors come as cards: here one in 2023Q2 (cash for a stake, cloud credits, lock-in)
// and a buy-out card in 2023Q3.
const STRATEGIC = {
  kind: 'strategic',
  investor: 'alibaba',
  amount: 50_000,
  credits: 30_000,
  stakeBp: 800,
} as const;
const strategicLevel = levelWithCards([
  testCard('investor', {
    audience: 'player',
    choices: [testChoice('take', [STRATEGIC]), testChoice('refuse', [{ kind: 'none' }])],
  }),
  testCard('buyout', {
    trigger: { kind: 'scripted', quarter: '2023Q3' },
    audience: 'player',
    choices: [testChoice('sell', [{ kind: 'sell', multiple: 1.5 }]), testChoice('stay', [{ kind: 'none' }])],
  }),
]);

/** The state at the start of 2023Q2 with the investor's card pending. */
function stateWithInvestorCard(): GameState {
  const s = ok(newGame(strategicLevel, 42, COMPANY), { type: 'quarter/end' }, strategicLevel);
  expect(s.pendingEvents.map((e) => e.id)).toEqual(['investor@2023Q2']);
  return s;
}

describe('rejections: every code, from real states', () => {
  it('malformed: not an object, no type, unknown type, missing or unknown fields', () => {
    const s = fresh();
    for (const cmd of [null, undefined, 7, 'quarter/end', {}, { type: 3 }, { type: 'plan/do-magic' }])
      expectRejected(s, cmd, 'malformed');
    expectRejected(s, { type: 'plan/set-split', pretrainingBp: 100 }, 'malformed');
    expectRejected(
      s,
      { type: 'plan/set-split', pretrainingBp: 100, appWeights: { domestic: 50, api: 50, crypto: 0 } },
      'malformed',
    );
    expectRejected(s, { type: 'people/set', hires: 5 }, 'malformed');
    expectRejected(s, { type: 'people/set', hires: { interns: 3 } }, 'malformed');
  });

  it('wrong-rules-version: a state from other rules', () => {
    const s = { ...fresh(), rulesVersion: RULES_VERSION + 1 };
    expectRejected(s, { type: 'quarter/end' }, 'wrong-rules-version');
    expectRejected(s, { type: 'plan/set-spend', amount: 0 }, 'wrong-rules-version');
  });

  it('wrong-level: a state of another level or level version', () => {
    const s = fresh();
    expectRejected(s, { type: 'quarter/end' }, 'wrong-level', { ...level, id: 'another-level' });
    expectRejected(s, { type: 'quarter/end' }, 'wrong-level', { ...level, version: level.version + 1 });
  });

  it('game-over: after the game ended', () => {
    const { state } = playGame(level, 3, COMPANY, 'balanced');
    expect(state.ending).not.toBeNull();
    for (const cmd of [
      { type: 'quarter/end' },
      { type: 'plan/set-spend', amount: 0 },
      { type: 'people/set', payLevel: 'market' },
      { type: 'money/open-round', target: 100 },
    ])
      expectRejected(state, cmd, 'game-over');
  });

  it('bad-amount and insufficient-cash: spend', () => {
    const s = fresh();
    for (const amount of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, '10', null])
      expectRejected(s, { type: 'plan/set-spend', amount }, 'bad-amount');
    expectRejected(s, { type: 'plan/set-spend', amount: me(s).cash + 1 }, 'insufficient-cash');
    expect(applyCommand(level, s, { type: 'plan/set-spend', amount: me(s).cash }).ok).toBe(true);
  });

  it('bad-share and split-not-100: split', () => {
    const s = fresh();
    const w = { domestic: 25, overseas: 25, enterprise: 25, api: 25 };
    for (const pretrainingBp of [-1, 10_001, 0.5, Number.NaN])
      expectRejected(s, { type: 'plan/set-split', pretrainingBp, appWeights: w }, 'bad-share');
    expectRejected(
      s,
      { type: 'plan/set-split', pretrainingBp: 0, appWeights: { ...w, api: -1 } },
      'bad-share',
    );
    expectRejected(
      s,
      { type: 'plan/set-split', pretrainingBp: 0, appWeights: { ...w, api: 101 } },
      'bad-share',
    );
    expectRejected(
      s,
      { type: 'plan/set-split', pretrainingBp: 0, appWeights: { ...w, api: 24.5 } },
      'bad-share',
    );
    expectRejected(
      s,
      { type: 'plan/set-split', pretrainingBp: 0, appWeights: { ...w, api: 24 } },
      'split-not-100',
    );
    expectRejected(
      s,
      { type: 'plan/set-split', pretrainingBp: 0, appWeights: { ...w, api: 26 } },
      'split-not-100',
    );
  });

  it('bad-pricing-mode and bad-price', () => {
    const s = fresh();
    for (const mode of ['cheap', '', 'EXACT', 5])
      expectRejected(s, { type: 'plan/set-api-price', mode }, 'bad-pricing-mode');
    for (const price of [-1, Number.NaN, Number.POSITIVE_INFINITY, undefined, '3', 1e9])
      expectRejected(s, { type: 'plan/set-api-price', mode: 'exact', price }, 'bad-price');
    expectRejected(s, { type: 'plan/set-api-price', mode: 'match', price: Number.NaN }, 'bad-price');
  });

  it('bad-hires, bad-pay-level, bad-intensity', () => {
    const s = fresh();
    const staff = me(s).staff;
    expectRejected(s, { type: 'people/set', hires: { researchers: -(staff.researchers + 1) } }, 'bad-hires');
    expectRejected(s, { type: 'people/set', hires: { sales: -(staff.sales + 1) } }, 'bad-hires');
    for (const n of [1.5, Number.NaN, 1e7, Number.POSITIVE_INFINITY])
      expectRejected(s, { type: 'people/set', hires: { engineers: n } }, 'bad-hires');
    expectRejected(s, { type: 'people/set', payLevel: 'double' }, 'bad-pay-level');
    expectRejected(s, { type: 'people/set', intensity: '007' }, 'bad-intensity');
    // cutting the whole team is allowed
    expect(applyCommand(level, s, { type: 'people/set', hires: { sales: -staff.sales } }).ok).toBe(true);
  });

  it('bad-amount, round-already-open, no-round-open: funding rounds', () => {
    const s = fresh();
    for (const target of [0, -5, 2.5, Number.NaN, 1e15])
      expectRejected(s, { type: 'money/open-round', target }, 'bad-amount');
    expectRejected(s, { type: 'money/cancel-round' }, 'no-round-open');
    const open = ok(s, { type: 'money/open-round', target: 20_000 });
    expectRejected(open, { type: 'money/open-round', target: 30_000 }, 'round-already-open');
    const closed = ok(open, { type: 'money/cancel-round' });
    expectRejected(closed, { type: 'money/cancel-round' }, 'no-round-open');
  });

  it('unknown-offer: no such offer, or one already declined; only acquisition offers exist', () => {
    const s = fresh();
    expectRejected(s, { type: 'money/accept-offer', offerId: 'str-1' }, 'unknown-offer');
    expectRejected(s, { type: 'money/decline-offer', offerId: 'nope' }, 'unknown-offer');
    const withOffer = stateWithAcquisitionOffer();
    for (const o of withOffer.offers) {
      expect(o.kind).toBe('acquisition');
      expect(Object.keys(o).sort()).toEqual(['amount', 'expiresTurn', 'from', 'id', 'kind']);
    }
    const offer = withOffer.offers[0]!;
    const declined = ok(withOffer, { type: 'money/decline-offer', offerId: offer.id });
    expectRejected(declined, { type: 'money/accept-offer', offerId: offer.id }, 'unknown-offer');
    expectRejected(declined, { type: 'money/decline-offer', offerId: offer.id }, 'unknown-offer');
    // once accepted the game is over
    const accepted = ok(withOffer, { type: 'money/accept-offer', offerId: offer.id });
    expectRejected(accepted, { type: 'money/accept-offer', offerId: offer.id }, 'game-over');
  });

  it('investor-constraint: a strategic investee may not undercut its investor', () => {
    const taken = ok(
      stateWithInvestorCard(),
      { type: 'event/answer', eventId: 'investor@2023Q2', choiceId: 'take' },
      strategicLevel,
    );
    expect(me(taken).strategic).toBe('alibaba');
    // The string binds at once (undercut), but the floor is the investor's price only once it is
    // active in the state: a giant entering in 2023Q2 becomes active when that quarter resolves.
    expectRejected(
      taken,
      { type: 'plan/set-api-price', mode: 'undercut' },
      'investor-constraint',
      strategicLevel,
    );
    const s = ok(taken, { type: 'quarter/end' }, strategicLevel);
    expect(s.pendingEvents.map((e) => e.card)).toEqual(['buyout']);
    const investor = s.giants.find((g) => g.id === 'alibaba')!;
    expect(investor.active).toBe(true);
    const floor = investor.apiPrice;
    expect(floor).toBeGreaterThan(0);
    for (const cmd of [
      { type: 'plan/set-api-price', mode: 'free' },
      { type: 'plan/set-api-price', mode: 'undercut' },
      { type: 'plan/set-api-price', mode: 'exact', price: floor * 0.99 },
      { type: 'plan/set-api-price', mode: 'exact', price: 0 },
    ])
      expectRejected(s, cmd, 'investor-constraint', strategicLevel);
    for (const cmd of [
      { type: 'plan/set-api-price', mode: 'exact', price: floor },
      { type: 'plan/set-api-price', mode: 'exact', price: floor * 2 },
      { type: 'plan/set-api-price', mode: 'match' },
      { type: 'plan/set-api-price', mode: 'premium' },
    ] as Command[])
      expect(applyCommand(strategicLevel, s, cmd).ok, JSON.stringify(cmd)).toBe(true);
    // without an investor the same prices are allowed
    const untied = stateWithInvestorCard();
    for (const mode of ['free', 'undercut'] as const)
      expect(applyCommand(strategicLevel, untied, { type: 'plan/set-api-price', mode }).ok).toBe(true);
    // shape checks come first
    expectRejected(s, { type: 'plan/set-api-price', mode: 'exact', price: -1 }, 'bad-price', strategicLevel);
  });

  it('market-closed: no weight in a market the level does not have', () => {
    const closed = levelWithCards([], {
      edit: (json) => {
        (json.markets as Record<string, boolean>).overseas = false;
      },
    });
    const s = newGame(closed, 42, COMPANY);
    expect(me(s).plan.appWeights.overseas).toBe(0);
    const split = (domestic: number, overseas: number, enterprise: number, api: number) => ({
      type: 'plan/set-split',
      pretrainingBp: 5000,
      appWeights: { domestic, overseas, enterprise, api },
    });
    expectRejected(s, split(25, 25, 25, 25), 'market-closed', closed);
    expectRejected(s, split(0, 100, 0, 0), 'market-closed', closed);
    expectRejected(s, split(0, 1, 0, 99), 'market-closed', closed);
    // a malformed split is reported as such before the closed market
    expectRejected(s, split(25, 25, 25, 24), 'split-not-100', closed);
    expect(applyCommand(closed, s, split(40, 0, 30, 30) as Command).ok).toBe(true);
    // the open level takes the same split
    expect(applyCommand(level, fresh(), split(25, 25, 25, 25) as Command).ok).toBe(true);
  });

  it('event-not-pending, unknown-choice, event-pending: event cards', () => {
    const s = fresh();
    expectRejected(s, { type: 'event/answer', eventId: 'ev-test', choiceId: 'accept' }, 'event-not-pending');
    expectRejected(s, { type: 'event/answer', eventId: 'ev-test' }, 'event-not-pending');
    const pending = withPendingEvent(s);
    expectRejected(pending, { type: 'event/answer', eventId: 'ev-test' }, 'unknown-choice');
    // the card id is not the event id
    expectRejected(
      pending,
      { type: 'event/answer', eventId: 'no-such-card', choiceId: 'accept' },
      'event-not-pending',
    );
    expectRejected(
      pending,
      { type: 'event/answer', eventId: 'ev-other', choiceId: 'accept' },
      'event-not-pending',
    );
    expectRejected(
      pending,
      { type: 'event/answer', eventId: 'ev-test', choiceId: 'maybe' },
      'unknown-choice',
    );
    expectRejected(pending, { type: 'quarter/end' }, 'event-pending');
    // once answered it is no longer pending
    const answered = ok(pending, { type: 'event/answer', eventId: 'ev-test', choiceId: 'refuse' });
    expectRejected(
      answered,
      { type: 'event/answer', eventId: 'ev-test', choiceId: 'accept' },
      'event-not-pending',
    );
  });

  it('checks come in order: rules version, level, shape, game over', () => {
    const over = playGame(level, 3, COMPANY, 'balanced').state;
    expectRejected({ ...over, rulesVersion: 0 }, { type: 'quarter/end' }, 'wrong-rules-version', {
      ...level,
      id: 'x',
    });
    expectRejected(over, { type: 'quarter/end' }, 'wrong-level', { ...level, id: 'x' });
    expectRejected(over, { type: 'plan/set-spend', amount: -1 }, 'game-over');
  });
});

describe('accepted commands change exactly what they should', () => {
  it('plan/set-spend sets the spend only', () => {
    const s = fresh();
    expectOnlyChange(s, { type: 'plan/set-spend', amount: 1234 }, (e) => {
      me(e).plan.spend = 1234;
    });
  });

  it('plan/set-split sets the pretraining share and the weights', () => {
    const s = fresh();
    const appWeights = { domestic: 10, overseas: 20, enterprise: 30, api: 40 };
    expectOnlyChange(s, { type: 'plan/set-split', pretrainingBp: 7300, appWeights }, (e) => {
      me(e).plan.pretrainingBp = 7300;
      me(e).plan.appWeights = { ...appWeights };
    });
  });

  it('plan/set-api-price sets the mode, and the price only when exact', () => {
    const s = fresh();
    const exact = expectOnlyChange(s, { type: 'plan/set-api-price', mode: 'exact', price: 12.5 }, (e) => {
      me(e).plan.pricing = { mode: 'exact', price: 12.5 };
    });
    expectOnlyChange(exact, { type: 'plan/set-api-price', mode: 'undercut', price: 99 }, (e) => {
      me(e).plan.pricing = { mode: 'undercut', price: 12.5 };
    });
    expectOnlyChange(s, { type: 'plan/set-api-price', mode: 'free' }, (e) => {
      me(e).plan.pricing.mode = 'free';
    });
  });

  it('people/set sets the given roles, pay and intensity, leaving the rest', () => {
    const s = fresh();
    const a = expectOnlyChange(s, { type: 'people/set', hires: { researchers: 12, sales: -3 } }, (e) => {
      me(e).plan.hires.researchers = 12;
      me(e).plan.hires.sales = -3;
    });
    const b = expectOnlyChange(
      a,
      { type: 'people/set', hires: { engineers: 4 }, payLevel: 'plus50' },
      (e) => {
        me(e).plan.hires.engineers = 4;
        me(e).plan.payLevel = 'plus50';
      },
    );
    expectOnlyChange(b, { type: 'people/set', intensity: '996' }, (e) => {
      me(e).plan.intensity = '996';
    });
    // staff only move at the quarter's end
    expect(me(b).staff).toEqual(me(s).staff);
  });

  it('money/open-round and money/cancel-round set and clear the round target', () => {
    const s = fresh();
    const open = expectOnlyChange(s, { type: 'money/open-round', target: 30_000 }, (e) => {
      me(e).plan.roundTarget = 30_000;
    });
    expectOnlyChange(open, { type: 'money/cancel-round' }, (e) => {
      me(e).plan.roundTarget = null;
    });
  });

  it('a round opened in a quarter is under way until closesTurn, then closes or fails', () => {
    const s = ok(fresh(), { type: 'money/open-round', target: 30_000 });
    const q1 = ok(s, { type: 'quarter/end' });
    const closeQuarters = level.market.funding.closeQuarters;
    expect(me(q1).plan.roundTarget).toBeNull();
    if (closeQuarters === 0) {
      expect(me(q1).round).toBeNull();
      return;
    }
    expect(me(q1).round).toEqual({ target: 30_000, closesTurn: s.turn + closeQuarters });
    expectRejected(q1, { type: 'money/open-round', target: 10_000 }, 'round-already-open');
    // cancelling clears the round under way
    const cancelled = expectOnlyChange(q1, { type: 'money/cancel-round' }, (e) => {
      me(e).round = null;
    });
    expect(applyCommand(level, cancelled, { type: 'money/open-round', target: 10_000 }).ok).toBe(true);
    // it resolves at the end of quarter closesTurn: closed (funding) or failed (news)
    const closesTurn = me(q1).round!.closesTurn;
    let t = q1;
    while (t.turn <= closesTurn) {
      expect(me(t).round).not.toBeNull();
      t = endQuarter(t);
    }
    expect(me(t).round).toBeNull();
    const last = t.history[t.history.length - 1]!;
    const keys = last.news.filter((n) => n.subject === COMPANY).map((n) => n.key);
    expect(
      keys.some((k) => k === 'news.roundClosed' || k === 'news.roundFailed'),
      keys.join(),
    ).toBe(true);
    const rec = last.companies.find((c) => c.id === COMPANY)!;
    if (keys.includes('news.roundClosed')) expect(rec.funding).toBeGreaterThan(0);
    else expect(rec.funding).toBe(0);
  });

  it('a strategic investor card: cash, credits, stake and strings; the money is booked at the quarter end', () => {
    const s = stateWithInvestorCard();
    const id = 'investor@2023Q2';
    const before = me(s);
    expect(before.strategic).toBeNull();
    const r = applyCommand(strategicLevel, s, { type: 'event/answer', eventId: id, choiceId: 'take' });
    if (!r.ok) throw new Error(r.error.message);
    const taken = r.state;
    const expected = clone(s);
    const e = me(expected);
    e.eventBooks.funding += STRATEGIC.amount;
    e.raisedTotal += STRATEGIC.amount;
    e.credits += STRATEGIC.credits;
    e.strategic = 'alibaba';
    e.ownershipBp = Math.round((before.ownershipBp * (10_000 - STRATEGIC.stakeBp)) / 10_000);
    expected.pendingEvents = [];
    expected.answered = [{ id, choice: 'take' }];
    expected.news.push({
      key: 'news.strategicDeal',
      subject: COMPANY,
      params: { investor: 'alibaba', amount: STRATEGIC.amount },
    });
    expect(taken).toEqual(expected);
    // the cash has not moved yet
    expect(me(taken).cash).toBe(before.cash);

    const next = ok(taken, { type: 'quarter/end' }, strategicLevel);
    const rec = next.history[next.history.length - 1]!.companies.find((c) => c.id === COMPANY)!;
    const used = STRATEGIC.credits - me(next).credits;
    expect(used).toBe(Math.min(STRATEGIC.credits, rec.costBy.compute));
    // funding = the investor's cash + the credits used (no round was open)
    expect(rec.funding).toBe(STRATEGIC.amount + used);
    expect(rec.cash - before.cash).toBe(rec.revenue - rec.costs + rec.funding);
    expect(me(next).eventBooks).toEqual({ income: 0, cost: 0, funding: 0 });
    expect(me(next).strategic).toBe('alibaba');
    expect(next.history[next.history.length - 1]!.events).toEqual([{ id, choice: 'take' }]);
    expect(next.offers.every((o) => o.kind === 'acquisition')).toBe(true);

    // the lock-in premium: the same budget buys less compute on the investor's cloud
    const budget = 10_000;
    const tied = effectiveCompute(strategicLevel, next.turn, me(next), budget);
    const untied = effectiveCompute(strategicLevel, next.turn, { ...me(next), strategic: null }, budget);
    expect(tied / untied).toBeCloseTo(1 / (1 + strategicLevel.market.funding.lockInPremium), 12);

    // refusing: no money, no strings
    const refused = ok(s, { type: 'event/answer', eventId: id, choiceId: 'refuse' }, strategicLevel);
    const alt = ok(refused, { type: 'quarter/end' }, strategicLevel);
    expect(me(alt).strategic).toBeNull();
    expect(me(alt).credits).toBe(0);
    expect(me(alt).ownershipBp).toBe(before.ownershipBp);
    expect(alt.history[alt.history.length - 1]!.companies.find((c) => c.id === COMPANY)!.funding).toBe(0);
  });

  it('a card that sells the company ends the game at once (acquired)', () => {
    const refused = ok(
      stateWithInvestorCard(),
      { type: 'event/answer', eventId: 'investor@2023Q2', choiceId: 'refuse' },
      strategicLevel,
    );
    const s = ok(refused, { type: 'quarter/end' }, strategicLevel);
    expect(s.pendingEvents.map((e) => e.card)).toEqual(['buyout']);
    const stay = ok(s, { type: 'event/answer', eventId: 'buyout@2023Q3', choiceId: 'stay' }, strategicLevel);
    expect(stay.ending).toBeNull();
    const sold = ok(s, { type: 'event/answer', eventId: 'buyout@2023Q3', choiceId: 'sell' }, strategicLevel);
    expect(sold.ending?.kind).toBe('acquired');
    expect(sold.ending?.turn).toBe(s.turn);
    expect(me(sold).status).toBe('acquired');
    // Priced off the mark, never above the last round's price.
    const price = Math.max(1, Math.round(Math.min(me(s).valuation, me(s).lastRoundValuation) * 1.5));
    expect(sold.ending?.score).toBe(equityScore(strategicLevel, me(s), price));
    expect(sold.offers).toEqual([]);
    expect(sold.history).toBe(s.history);
    expectRejected(sold, { type: 'quarter/end' }, 'game-over', strategicLevel);
  });

  it('money/decline-offer removes the offer only', () => {
    const s = stateWithAcquisitionOffer();
    const offer = s.offers.find((o) => o.kind === 'acquisition')!;
    expectOnlyChange(s, { type: 'money/decline-offer', offerId: offer.id }, (e) => {
      e.offers = e.offers.filter((o) => o.id !== offer.id);
    });
  });

  it('money/accept-offer (acquisition) ends the game at once', () => {
    const s = stateWithAcquisitionOffer();
    const offer = s.offers.find((o) => o.kind === 'acquisition');
    if (!offer) throw new Error('no acquisition offer');
    const after = ok(s, { type: 'money/accept-offer', offerId: offer.id });
    expect(after.ending?.kind).toBe('acquired');
    expect(after.ending?.turn).toBe(s.turn);
    expect(Number.isFinite(after.ending?.score)).toBe(true);
    expect(me(after).status).toBe('acquired');
    expect(after.turn).toBe(s.turn);
    expect(after.history).toBe(s.history);
    expect(me(after).cash).toBe(me(s).cash);
    expectRejected(after, { type: 'quarter/end' }, 'game-over');
  });

  it('event/answer removes the card and records the answer in the next quarter record', () => {
    const pending = withPendingEvent(fresh());
    const earlier = pending.answered; // the first quarter's cards, already answered
    const answered = expectOnlyChange(
      pending,
      { type: 'event/answer', eventId: 'ev-test', choiceId: 'refuse' },
      (e) => {
        e.pendingEvents = [];
        e.answered = [...earlier, { id: 'ev-test', choice: 'refuse' }];
      },
    );
    const next = ok(answered, { type: 'quarter/end' });
    expect(next.history[0]?.events).toEqual([...earlier, { id: 'ev-test', choice: 'refuse' }]);
    expect(next.answered).toEqual([]);
  });
});

describe('freezing (on in development and tests)', () => {
  const deepFrozen = (x: unknown): boolean =>
    typeof x !== 'object' || x === null || (Object.isFrozen(x) && Object.values(x).every(deepFrozen));

  it('every accepted command returns a deeply frozen state and leaves its base as it was', () => {
    // One command of each kind that changes the company: a state a command returned must throw
    // when written to, whichever path (plain plan copy, Immer producer, quarter) made it.
    const s = fresh();
    const commands: Command[] = [
      { type: 'plan/set-spend', amount: 1234 },
      {
        type: 'plan/set-split',
        pretrainingBp: 6000,
        appWeights: { domestic: 40, overseas: 20, enterprise: 20, api: 20 },
      },
      { type: 'plan/set-api-price', mode: 'exact', price: 12 },
      { type: 'people/set', hires: { engineers: 3 }, payLevel: 'plus25' },
      { type: 'money/open-round', target: 5000 },
      { type: 'money/cancel-round' },
      { type: 'quarter/end' },
    ];
    let state = s;
    for (const cmd of commands) {
      const before = JSON.stringify(state);
      const next = ok(state, cmd);
      expect(JSON.stringify(state), cmd.type).toBe(before);
      expect(deepFrozen(next), cmd.type).toBe(true);
      expect(() => {
        (me(next).plan as { spend: number }).spend = -1;
      }, cmd.type).toThrow(TypeError);
      state = next;
    }
  });
});

describe('quarter/end', () => {
  it('advances the turn by one and appends one history record for that quarter', () => {
    let s = fresh();
    for (let q = 0; q < 4; q++) {
      const before = s;
      s = endQuarter(s);
      expect(s.turn).toBe(before.turn + 1);
      expect(s.history.length).toBe(before.history.length + 1);
      expect(s.history.slice(0, -1)).toEqual(before.history);
      const rec = s.history[s.history.length - 1];
      expect(rec?.turn).toBe(before.turn);
      expect(rec?.quarter).toBe(quarterLabel(level, before.turn));
      expect(rec?.companies.map((c) => c.id)).toEqual(level.companies.map((c) => c.id));
      expect(rec?.hash).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(s.history.map((h) => h.quarter)).toEqual(['2023Q1', '2023Q2', '2023Q3', '2023Q4']);
  });

  it('applies the plan: hires and cuts happen, one-quarter orders are reset, the rest stays', () => {
    const s0 = fresh();
    let s = ok(s0, { type: 'plan/set-spend', amount: 5000 });
    s = ok(s, { type: 'people/set', hires: { engineers: -me(s0).staff.engineers }, intensity: 'dxz' });
    s = ok(s, { type: 'money/open-round', target: 10_000 });
    const next = ok(s, { type: 'quarter/end' });
    expect(me(next).staff.engineers).toBe(0);
    expect(me(next).plan.hires).toEqual({ researchers: 0, engineers: 0, sales: 0 });
    expect(me(next).plan.roundTarget).toBeNull();
    expect(me(next).plan.spend).toBe(5000);
    expect(me(next).plan.intensity).toBe('dxz');
    const rec = next.history[0]?.companies.find((c) => c.id === COMPANY);
    expect(rec?.costBy.severance).toBeGreaterThan(0);
    expect(rec?.headcount).toBe(staffTotal(me(next).staff));
    // the discretionary spend is split into compute and applications
    expect(rec ? rec.costBy.compute + rec.costBy.ads + rec.costBy.platform : 0).toBe(5000);
  });

  it('does not mutate the state it is given', () => {
    const s = playQuarters(level, 9, COMPANY, [[], []]).state;
    const copy = JSON.stringify(s);
    endQuarter(s);
    expect(JSON.stringify(s)).toBe(copy);
  });
});
