// Unit tests of the reducer: each command's validation (every rejection code, reached from real states)
// and its effect (an accepted command changes exactly what it should and nothing else).

import { describe, expect, it } from 'vitest';
import { clone, getTestLevel, newGame, player, playQuarters, staffTotal } from '../../tests/helpers';
import { applyCommand, playGame, quarterLabel, RULES_VERSION, validateCommand } from './index';
import type { Level } from './level';
import type { Command, GameState, Offer, RejectionCode, StartupState } from './types';

const level = getTestLevel();
const COMPANY = 'moonshot';
const fresh = () => newGame(level, 42, COMPANY);

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

/** A state with one event card waiting for an answer (no level generates cards yet, so it is injected). */
function withPendingEvent(state: GameState): GameState {
  return { ...state, pendingEvents: [{ id: 'ev-test', choices: ['accept', 'refuse'] }] };
}

/** Plays quarters spending half the cash each quarter until the player is offered an acquisition. */
function stateWithAcquisitionOffer(): GameState {
  let s = fresh();
  for (let q = 0; q < level.quarters - 1 && !s.ending; q++) {
    if (s.offers.some((o) => o.kind === 'acquisition')) return s;
    s = ok(s, { type: 'plan/set-spend', amount: Math.floor(me(s).cash / 2) });
    s = ok(s, { type: 'quarter/end' });
  }
  throw new Error('no acquisition offer came');
}

function strategicOffer(s: GameState): Offer {
  const o = s.offers.find((x) => x.kind === 'strategic');
  if (!o) throw new Error('no strategic offer');
  return o;
}

const afterOneQuarter = () => ok(fresh(), { type: 'quarter/end' });

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

  it('unknown-offer: no such offer, or one already accepted', () => {
    const s = fresh();
    expectRejected(s, { type: 'money/accept-offer', offerId: 'str-1' }, 'unknown-offer');
    expectRejected(s, { type: 'money/decline-offer', offerId: 'nope' }, 'unknown-offer');
    const q1 = afterOneQuarter();
    const offer = strategicOffer(q1);
    const accepted = ok(q1, { type: 'money/accept-offer', offerId: offer.id });
    expectRejected(accepted, { type: 'money/accept-offer', offerId: offer.id }, 'unknown-offer');
    const declined = ok(q1, { type: 'money/decline-offer', offerId: offer.id });
    expectRejected(declined, { type: 'money/accept-offer', offerId: offer.id }, 'unknown-offer');
  });

  it('event-not-pending, unknown-choice, event-pending: event cards', () => {
    const s = fresh();
    expectRejected(s, { type: 'event/answer', eventId: 'ev-test', choiceId: 'accept' }, 'event-not-pending');
    const pending = withPendingEvent(s);
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

  it('money/accept-offer (strategic) marks it accepted; the money comes at the quarter end', () => {
    const q1 = afterOneQuarter();
    const offer = strategicOffer(q1);
    expect(me(q1).strategic).toBeNull();
    const accepted = expectOnlyChange(q1, { type: 'money/accept-offer', offerId: offer.id }, (e) => {
      const o = e.offers.find((x) => x.id === offer.id);
      if (o) o.accepted = true;
    });
    const next = ok(accepted, { type: 'quarter/end' });
    const rec = next.history[next.history.length - 1]?.companies.find((c) => c.id === COMPANY);
    expect(rec?.funding).toBeGreaterThanOrEqual(offer.amount);
    expect(me(next).strategic).toBe(offer.from);
    expect(me(next).raisedTotal).toBeGreaterThanOrEqual(me(q1).raisedTotal + offer.amount);
    expect(me(next).ownershipBp).toBeLessThan(me(q1).ownershipBp);
    expect(next.offers.some((o) => o.id === offer.id)).toBe(false);
    // declining instead: no money from the offer
    const declined = ok(q1, { type: 'money/decline-offer', offerId: offer.id });
    const alt = ok(declined, { type: 'quarter/end' });
    expect(me(alt).strategic).toBeNull();
  });

  it('money/decline-offer removes the offer only', () => {
    const q1 = afterOneQuarter();
    const offer = strategicOffer(q1);
    expectOnlyChange(q1, { type: 'money/decline-offer', offerId: offer.id }, (e) => {
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
    const answered = expectOnlyChange(
      pending,
      { type: 'event/answer', eventId: 'ev-test', choiceId: 'refuse' },
      (e) => {
        e.pendingEvents = [];
        e.answered = [{ id: 'ev-test', choice: 'refuse' }];
      },
    );
    const next = ok(answered, { type: 'quarter/end' });
    expect(next.history[0]?.events).toEqual([{ id: 'ev-test', choice: 'refuse' }]);
    expect(next.answered).toEqual([]);
  });
});

describe('quarter/end', () => {
  it('advances the turn by one and appends one history record for that quarter', () => {
    let s = fresh();
    for (let q = 0; q < 4; q++) {
      const before = s;
      s = ok(s, { type: 'quarter/end' });
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
    ok(s, { type: 'quarter/end' });
    expect(JSON.stringify(s)).toBe(copy);
  });
});
