// Forks reproduce the original up to the fork quarter, carry their branch record, and play on.

import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  autopilotCommands,
  autopilotRng,
  createGame,
  hashState,
  playGame,
} from '../engine/index';
import type { Command, GameState } from '../engine/types';
import { forkAt, forkedCode, forkReplay } from './fork';
import { findLevel, getLevel } from './levels';
import { decodeReplay, readReplayHeader, replayCodeOf, verifyReplay } from './replay-code';
import { restoreSave, saveFileOf } from './save';
import { Session } from './session';

const level = getLevel('historical-2023');
const original = playGame(level, 21, 'baichuan', 'overseas-first');
const code = replayCodeOf(level, original.state, original.log);
const finalHash = hashState(original.state);
const quarters = original.state.history.length;

function start(): GameState {
  const c = createGame(level, 21, 'baichuan');
  if (!c.ok) throw new Error(c.error.message);
  return c.state;
}

/** Plays a state on to the end with an autopilot, appending to the log. */
function playOn(state: GameState, log: Command[], policy: 'balanced' | 'enterprise-first', variant: number) {
  const rng = autopilotRng(999, variant);
  let s = state;
  const out = log.slice();
  while (s.ending === null)
    for (const c of autopilotCommands(level, s, policy, rng)) {
      const r = applyCommand(level, s, c);
      if (!r.ok) throw new Error(r.error.message);
      s = r.state;
      out.push(c);
    }
  return { state: s, log: out };
}

describe('forks', () => {
  it('reproduce the original exactly up to the fork quarter, for every quarter', () => {
    expect(quarters).toBeGreaterThan(3);
    for (let k = 0; k < quarters; k++) {
      const f = forkReplay(code, k, findLevel);
      if (!f.ok) throw new Error(f.message);
      const { fork } = f;
      expect(fork.turn).toBe(k);
      expect(fork.state.turn).toBe(k);
      expect(fork.state.ending).toBeNull();
      expect(fork.state.history).toEqual(original.state.history.slice(0, k));
      const expected = k === 0 ? hashState(start()) : original.state.history[k - 1]!.hash;
      expect(hashState(fork.state)).toBe(expected);
      expect(original.log.slice(0, fork.log.length)).toEqual(fork.log);
      expect(fork.log.filter((c) => c.type === 'quarter/end')).toHaveLength(k);
      expect(fork.branch).toEqual({ parentHash: finalHash, turn: k });
      expect(fork.quarter).toBe(original.state.history[k]!.quarter);
    }
  });

  it('played on with the original commands, a fork ends where the original did', () => {
    const f = forkReplay(code, 6, findLevel);
    if (!f.ok) throw new Error(f.message);
    let s = f.fork.state;
    for (const c of original.log.slice(f.fork.log.length)) s = applyCommand(level, s, c).state;
    expect(hashState(s)).toBe(finalHash);
  });

  it('a fork played differently is its own valid game whose code records the branch', () => {
    const f = forkReplay(code, 5, findLevel);
    if (!f.ok) throw new Error(f.message);
    const played = playOn(f.fork.state, f.fork.log, 'enterprise-first', 3);
    const child = forkedCode(f.fork, played.state, played.log);
    const v = verifyReplay(child, findLevel);
    expect(v.status).toBe('valid');
    if (v.status !== 'valid') return;
    expect(v.replay.branch).toEqual({ parentHash: finalHash, turn: 5 });
    expect(v.finalHash).not.toBe(finalHash);
    // The first five quarters are the original's, checkpoint for checkpoint.
    const parent = readReplayHeader(code);
    expect(parent.ok && v.replay.checkpoints.slice(0, 5)).toEqual(
      parent.ok && parent.header.checkpoints.slice(0, 5),
    );
    // A fork of a fork records its own parent.
    const g = forkReplay(child, 8, findLevel);
    expect(g.ok && g.fork.branch).toEqual({ parentHash: v.finalHash, turn: 8 });
  });

  it('refuses quarters out of range and codes that are not valid', () => {
    for (const k of [-1, 1.5, quarters, quarters + 3]) {
      const f = forkReplay(code, k, findLevel);
      expect(f.ok).toBe(false);
      if (!f.ok) expect(f.reason).toBe('bad-quarter');
    }
    const bad = forkReplay(`${code.slice(0, 50)}`, 2, findLevel);
    expect(!bad.ok && bad.reason).toBe('invalid-replay');
    expect(!bad.ok && bad.message).toMatch(/cannot fork/);
    const d = decodeReplay(code, findLevel);
    if (!d.ok) throw new Error(d.message);
    const short = forkAt({ ...d.replay, log: d.replay.log.slice(0, 10) }, level, 9);
    expect(!short.ok && short.message).toMatch(/forked after 0 to/);
  });

  it('becomes a session that plays on, saves and resumes with its branch, and hands in a code that records it', () => {
    const f = forkReplay(code, 7, findLevel);
    if (!f.ok) throw new Error(f.message);
    const session = Session.fromFork(f.fork);
    expect(session.hash()).toBe(original.state.history[6]!.hash);
    expect(session.state.turn).toBe(7);
    expect(session.log).toEqual(f.fork.log);
    expect(session.branch).toEqual({ parentHash: finalHash, turn: 7 });
    expect(session.setup).toEqual({ levelId: level.id, seed: 21, company: 'baichuan' });
    expect(session.canUndo()).toBe(false);
    // Play two quarters on differently, then save and resume.
    const rng = autopilotRng(77, 2);
    for (let q = 0; q < 2 && !session.state.ending; q++)
      for (const c of autopilotCommands(level, session.state, 'enterprise-first', rng))
        expect(session.dispatch(c).ok).toBe(true);
    const file = saveFileOf(session, '2025-01-01T00:00:00Z');
    expect(file.branch).toEqual({ parentHash: finalHash, turn: 7 });
    const back = restoreSave(JSON.stringify(file));
    if (!back.ok) throw new Error(back.detail);
    expect(back.session.hash()).toBe(session.hash());
    expect(back.session.branch).toEqual(session.branch);
    const v = verifyReplay(
      replayCodeOf(level, back.session.state, back.session.log, back.session.branch),
      findLevel,
    );
    expect(v.status === 'valid' && v.replay.branch).toEqual({ parentHash: finalHash, turn: 7 });
    // A plain game saves without a branch; a save with a broken branch record is refused.
    const plain = Session.start({ levelId: level.id, seed: 21, company: 'baichuan' });
    if (!plain.ok) throw new Error(plain.message);
    expect(saveFileOf(plain.session, 'now').branch).toBeNull();
    expect(plain.session.branch).toBeNull();
    const broken = restoreSave(JSON.stringify({ ...file, branch: { parentHash: '<b>', turn: 7 } }));
    expect(!broken.ok && broken.problem).toBe('unreadable');
  });
});
