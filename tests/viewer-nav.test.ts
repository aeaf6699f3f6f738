// The replay viewer's stepping rules (src/app/viewer-nav.ts).

import { describe, expect, it } from 'vitest';
import { LEVEL_IDS } from '../src/app/levels';
import { Session } from '../src/app/session';
import { clampFrame, decidedQuarter, stepTarget } from '../src/app/viewer-nav';
import { quarterLabel } from '../src/engine/index';

describe('stepTarget', () => {
  it('steps with the arrows, jumps with Home and End, and stays within the frames', () => {
    expect(stepTarget('ArrowRight', 3, 9)).toBe(4);
    expect(stepTarget('ArrowLeft', 3, 9)).toBe(2);
    expect(stepTarget('Home', 3, 9)).toBe(0);
    expect(stepTarget('End', 3, 9)).toBe(9);
    expect(stepTarget('ArrowLeft', 0, 9)).toBe(0);
    expect(stepTarget('ArrowRight', 9, 9)).toBe(9);
  });

  it('ignores other keys', () => {
    for (const k of ['Enter', 'a', 'ArrowUp', ' ', 'Escape']) expect(stepTarget(k, 3, 9), k).toBeNull();
  });

  it('clamps', () => {
    expect(clampFrame(-2, 5)).toBe(0);
    expect(clampFrame(7, 5)).toBe(5);
    expect(clampFrame(3, 5)).toBe(3);
  });
});

describe('decidedQuarter', () => {
  it('names the quarter just played for a quarter frame, the current one for an end frame, none at the start', () => {
    const started = Session.start({ levelId: LEVEL_IDS[0] as string, seed: 3, company: 'zhipu' });
    if (!started.ok) throw new Error(started.message);
    const s = started.session;
    const level = s.level;
    expect(decidedQuarter(level, { kind: 'quarter', turn: 0, state: s.state })).toBeNull();
    for (let q = 0; q < 3; q++) {
      for (const ev of s.state.pendingEvents)
        s.dispatch({ type: 'event/answer', eventId: ev.id, choiceId: ev.choices[0]! });
      s.dispatch({ type: 'quarter/end' });
    }
    expect(decidedQuarter(level, { kind: 'quarter', turn: 3, state: s.state })).toBe(quarterLabel(level, 2));
    expect(decidedQuarter(level, { kind: 'quarter', turn: 1, state: s.state })).toBe(quarterLabel(level, 0));
    expect(decidedQuarter(level, { kind: 'end', turn: 3, state: s.state })).toBe(quarterLabel(level, 3));
  });
});
