import { describe, expect, it } from 'vitest';
import { madeItGames, PLAY_ON } from '../../tests/helpers';
import { autopilotCommands, autopilotRng, hashState, playedOn, playGame } from '../engine/index';
import { getLevel } from './levels';
import { Session } from './session';

const SETUP = { levelId: 'historical-2023', seed: 42, company: 'moonshot' };

function started(): Session {
  const r = Session.start(SETUP);
  if (!r.ok) throw new Error(r.message);
  return r.session;
}

describe('Session', () => {
  it('logs applied commands and leaves a rejected one out', () => {
    const s = started();
    let calls = 0;
    s.subscribe(() => calls++);
    expect(s.dispatch({ type: 'plan/set-spend', amount: 1000 }).ok).toBe(true);
    const before = s.hash();
    const bad = s.dispatch({ type: 'plan/set-spend', amount: -5 });
    expect(bad.ok).toBe(false);
    expect(s.hash()).toBe(before);
    expect(s.log).toEqual([{ type: 'plan/set-spend', amount: 1000 }]);
    expect(calls).toBe(1);
  });

  it('undoes within the quarter, never across its end', () => {
    const s = started();
    const h0 = s.hash();
    const n0 = s.log.length;
    s.dispatch({ type: 'people/set', payLevel: 'plus50' });
    s.dispatch({ type: 'plan/set-spend', amount: 2000 });
    expect(s.canUndo()).toBe(true);
    expect(s.undo()).toBe(true);
    expect(s.undo()).toBe(true);
    expect(s.hash()).toBe(h0);
    expect(s.log.length).toBe(n0);
    s.dispatch({ type: 'people/set', intensity: 'dxz' });
    for (const e of s.state.pendingEvents)
      s.dispatch({ type: 'event/answer', eventId: e.id, choiceId: e.choices[0]! });
    expect(s.dispatch({ type: 'quarter/end' }).ok).toBe(true);
    expect(s.canUndo()).toBe(false);
    expect(s.undo()).toBe(false);
    expect(s.log.at(-1)).toEqual({ type: 'quarter/end' });
  });

  it("works out a quarter's end ahead, per state, and ending the quarter takes that very state", () => {
    const s = started();
    // cards still to answer: the engine refuses the quarter's end
    expect(s.state.pendingEvents.length).toBeGreaterThan(0);
    expect(s.quarterEndAhead()).toBeNull();
    for (const e of s.state.pendingEvents)
      s.dispatch({ type: 'event/answer', eventId: e.id, choiceId: e.choices[0]! });
    const stale = s.quarterEndAhead();
    s.dispatch({ type: 'plan/set-spend', amount: 2000 });
    const ahead = s.quarterEndAhead();
    expect(ahead).not.toBeNull();
    expect(ahead).not.toBe(stale);
    expect(s.quarterEndAhead()).toBe(ahead);
    const plain = Session.replay(SETUP, s.log);
    if (!plain.ok) throw new Error(plain.reason);
    expect(s.dispatch({ type: 'quarter/end' }).ok).toBe(true);
    expect(s.state).toBe(ahead);
    expect(plain.session.dispatch({ type: 'quarter/end' }).ok).toBe(true);
    expect(s.hash()).toBe(plain.session.hash());
    expect(s.log.at(-1)).toEqual({ type: 'quarter/end' });
  });

  it('puts an undo barrier after a card answer that drew a hidden outcome', () => {
    const level = getLevel(SETUP.levelId);
    // Play autopilot games until a card answer reveals a hidden outcome (a key person stays or goes).
    for (let seed = 1; seed < 60; seed++) {
      const r = Session.start({ ...SETUP, seed });
      if (!r.ok) throw new Error(r.message);
      const s = r.session;
      const ap = autopilotRng(seed);
      while (!s.state.ending) {
        for (const cmd of autopilotCommands(level, s.state, 'balanced', ap)) {
          expect(s.dispatch(cmd).ok).toBe(true);
          if (cmd.type === 'event/answer' && s.state.answered.at(-1)?.outcome && !s.state.ending) {
            expect(s.canUndo()).toBe(false);
            return;
          }
        }
      }
    }
    throw new Error('no card with a hidden outcome came up in 60 games');
  });

  it('replays a log to the same state as the engine', () => {
    const level = getLevel(SETUP.levelId);
    const { state, log } = playGame(level, SETUP.seed, SETUP.company, 'balanced');
    const r = Session.replay(SETUP, log);
    if (!r.ok) throw new Error(r.reason);
    expect(r.session.hash()).toBe(hashState(state));
    expect(r.session.log).toEqual(log);
    // a log whose fourth command names no offer is refused there, with the engine's reason
    const bad = Session.replay(SETUP, [...log.slice(0, 3), { type: 'money/accept-offer', offerId: 'nope' }]);
    expect(bad).toMatchObject({ ok: false, reason: 'rejected', index: 3, error: { code: 'unknown-offer' } });
  });

  it('plays on after made it: logged, notified, not undoable, and the game goes on', () => {
    const g = madeItGames(getLevel('attrition'), [1], ['balanced'], 2, 1)[0]!;
    const setup = { levelId: 'attrition', seed: g.seed, company: g.company };
    const r = Session.replay(setup, g.log);
    if (!r.ok) throw new Error(r.reason);
    const s = r.session;
    expect(s.state.ending?.kind).toBe('made-it');
    let calls = 0;
    s.subscribe(() => calls++);
    expect(s.dispatch(PLAY_ON).ok).toBe(true);
    expect(calls).toBe(1);
    expect(s.state.ending).toBeNull();
    expect(playedOn(s.state)).toBe(true);
    expect(s.log.at(-1)).toEqual(PLAY_ON);
    // Undo does not bring the made-it ending back.
    expect(s.canUndo()).toBe(false);
    expect(s.undo()).toBe(false);
    // A second play-on is refused, and changes nothing.
    const again = s.dispatch(PLAY_ON);
    expect(!again.ok && again.error.code).toBe('not-made-it');
    expect(calls).toBe(1);
    expect(s.dispatch({ type: 'quarter/end' }).ok).toBe(true);
    expect(s.state.turn).toBe(g.state.turn + 1);
  });
});
