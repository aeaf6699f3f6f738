// The replay timeline: its frames are the states of a straight re-simulation at every quarter
// boundary, forks start from them, and two runs line up quarter by quarter for the compare charts.

import { describe, expect, it } from 'vitest';
import { madeItGames, playedOnByAutopilot } from '../../tests/helpers';
import {
  applyCommand,
  autopilotCommands,
  autopilotRng,
  createGame,
  hashState,
  playGame,
  quarterLabel,
} from '../engine/index';
import type { Command, GameState } from '../engine/types';
import { timeline as decisionTimeline } from './debrief';
import { forkAt, forkedCode } from './fork';
import { t } from './i18n';
import { findLevel, getLevel } from './levels';
import { decodeReplay, replayCodeOf } from './replay-code';
import type { Timeline } from './timeline';
import {
  COMPARE_METRICS,
  commandsAfter,
  compareRuns,
  frameIndexOfTurn,
  runEnding,
  runEndingText,
  timelineOfCode,
  valueAtTurn,
} from './timeline';

const level = getLevel('historical-2023');
const game = playGame(level, 42, 'moonshot', 'balanced');
const code = replayCodeOf(level, game.state, game.log);

function timeline(c: string): Timeline {
  const r = timelineOfCode(c, findLevel);
  if (!r.ok) throw new Error(r.outcome.message);
  return r.timeline;
}

/** The straight re-simulation: the state after the first `n` quarter ends of a log, and the commands it took. */
function afterQuarters(seed: number, company: string, log: readonly Command[], n: number) {
  const c = createGame(level, seed, company);
  if (!c.ok) throw new Error(c.error.message);
  let s: GameState = c.state;
  let ends = 0;
  let i = 0;
  for (; i < log.length && ends < n; i++) {
    const r = applyCommand(level, s, log[i]!);
    if (!r.ok) throw new Error(r.error.message);
    s = r.state;
    if (log[i]!.type === 'quarter/end') ends++;
  }
  return { state: s, used: i, ends };
}

describe('timeline of a replay code', () => {
  const tl = timeline(code);
  const H = game.state.history.length;

  it('has one frame per quarter boundary, each hashing like the straight re-simulation', () => {
    expect(H).toBeGreaterThan(4);
    expect(tl.frames).toHaveLength(H + 1);
    expect(tl.ending).toEqual(game.state.ending);
    expect(hashState(tl.final)).toBe(hashState(game.state));
    for (let k = 0; k <= H; k++) {
      const f = tl.frames[k]!;
      const straight = afterQuarters(42, 'moonshot', game.log, k);
      expect(straight.ends).toBe(k);
      expect(f.kind).toBe('quarter');
      expect(f.turn).toBe(k);
      expect(f.hash).toBe(hashState(straight.state));
      expect(f.logIndex).toBe(straight.used);
      if (k > 0) expect(f.hash).toBe(game.state.history[k - 1]!.hash);
      // The player's cash shown at that moment is the resolved quarter's closing cash.
      const me = f.state.startups.find((s) => s.id === 'moonshot')!;
      if (k > 0)
        expect(me.cash).toBe(game.state.history[k - 1]!.companies.find((c) => c.id === 'moonshot')!.cash);
      expect(frameIndexOfTurn(tl, k)).toBe(k);
    }
    // The game ended at its last quarter end: nothing can be forked from there, everything before can.
    expect(tl.frames.map((f) => f.forkable)).toEqual([...Array(H).fill(true), false]);
  });

  it('starts a fork at quarter N exactly where the timeline stands at N', () => {
    const d = decodeReplay(code, findLevel);
    if (!d.ok) throw new Error(d.message);
    for (let k = 0; k < H; k++) {
      const f = forkAt(d.replay, level, k);
      if (!f.ok) throw new Error(f.message);
      const frame = tl.frames[k]!;
      expect(hashState(f.fork.state)).toBe(frame.hash);
      expect(f.fork.log).toHaveLength(frame.logIndex);
      expect(f.fork.state).toEqual(frame.state);
    }
  });

  it('hands each frame the commands of the quarter planned from it', () => {
    const parts = tl.frames.map((_, i) => commandsAfter(tl, i));
    expect(parts.flat()).toEqual(game.log);
    for (let k = 0; k < H; k++) expect(parts[k]!.at(-1)).toEqual({ type: 'quarter/end' });
    expect(parts[H]).toEqual([]);
  });

  it('adds an end frame for a code that stops in the middle of a quarter', () => {
    // Cut the log after 5 quarter ends and a change of plan in the sixth quarter.
    const cut = afterQuarters(42, 'moonshot', game.log, 5);
    const extra: Command = { type: 'people/set', payLevel: 'plus50' };
    const r = applyCommand(level, cut.state, extra);
    if (!r.ok) throw new Error(r.error.message);
    const partial = timeline(replayCodeOf(level, r.state, [...game.log.slice(0, cut.used), extra]));
    expect(partial.frames).toHaveLength(7);
    const end = partial.frames[6]!;
    expect(end.kind).toBe('end');
    expect(end.turn).toBe(5);
    expect(end.forkable).toBe(false);
    expect(end.hash).toBe(hashState(r.state));
    expect(partial.frames[5]!.forkable).toBe(true);
    expect(partial.frames[5]!.hash).toBe(hashState(cut.state));
    expect(partial.ending).toBeNull();
    expect(frameIndexOfTurn(partial, 99)).toBe(6);
  });

  it('refuses a code that is not valid, with its verification outcome', () => {
    const i = Math.floor(code.length / 2);
    const tampered = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
    const r = timelineOfCode(tampered, findLevel);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.outcome.status).not.toBe('valid');
    const junk = timelineOfCode('<b>not a code</b>', findLevel);
    expect(!junk.ok && junk.outcome.status).toBe('unknown-format');
  });
});

describe('comparing two runs', () => {
  const a = timeline(code);

  it('lines up runs of other seeds and companies by quarter, with nulls after a run ends', () => {
    const other = playGame(level, 7, 'zhipu', 'pretraining-first');
    const b = timeline(replayCodeOf(level, other.state, other.log));
    const r = compareRuns(a, b);
    if (!r.ok) throw new Error(r.message);
    const { comparison: c } = r;
    const na = game.state.history.length;
    const nb = other.state.history.length;
    expect(c.x).toHaveLength(Math.max(na, nb));
    expect(c.x[0]).toBe(game.state.history[0]!.quarter);
    for (const m of COMPARE_METRICS) {
      expect(c.a[m]).toHaveLength(c.x.length);
      for (let t = 0; t < c.x.length; t++) {
        const ra = game.state.history[t]?.companies.find((x) => x.id === 'moonshot');
        const rb = other.state.history[t]?.companies.find((x) => x.id === 'zhipu');
        expect(c.a[m][t]).toBe(ra ? ra[m] : null);
        expect(c.b[m][t]).toBe(rb ? rb[m] : null);
      }
    }
    expect(c.partsAt).toBeUndefined();
    expect(c.fork).toBeNull();
    expect(valueAtTurn(c.a.cash, 0)).toBeNull();
    expect(valueAtTurn(c.a.cash, 3)).toBe(
      game.state.history[2]!.companies.find((x) => x.id === 'moonshot')!.cash,
    );
  });

  it('says where a fork played differently parts from its original, and which run is the fork', () => {
    const d = decodeReplay(code, findLevel);
    if (!d.ok) throw new Error(d.message);
    const f = forkAt(d.replay, level, 6);
    if (!f.ok) throw new Error(f.message);
    const rng = autopilotRng(5, 1);
    let s = f.fork.state;
    const log = f.fork.log.slice();
    while (s.ending === null)
      for (const cmd of autopilotCommands(level, s, 'enterprise-first', rng)) {
        const r = applyCommand(level, s, cmd);
        if (!r.ok) throw new Error(r.error.message);
        s = r.state;
        log.push(cmd);
      }
    const b = timeline(forkedCode(f.fork, s, log));
    for (let k = 0; k <= 6; k++) expect(b.frames[k]!.hash).toBe(a.frames[k]!.hash);
    const ab = compareRuns(a, b);
    if (!ab.ok) throw new Error(ab.message);
    expect(ab.comparison.fork).toEqual({ child: 'b', turn: 6 });
    // The fork's first own quarter is the seventh (index 6), unless it happened to play it the same way.
    const firstOwn = b.frames.findIndex((fr, k) => fr.hash !== a.frames[k]?.hash);
    expect(firstOwn).toBeGreaterThan(6);
    expect(ab.comparison.partsAt).toBe(firstOwn - 1);
    const ba = compareRuns(b, a);
    expect(ba.ok && ba.comparison.fork).toEqual({ child: 'a', turn: 6 });
    // The same run twice never parts.
    const same = compareRuns(a, timeline(code));
    expect(same.ok && same.comparison.partsAt).toBeNull();
  });

  it('refuses runs of different levels', () => {
    const other = getLevel('bertrand-lab');
    const g = playGame(other, 3, other.player.companies[0]!, 'balanced');
    const b = timeline(replayCodeOf(other, g.state, g.log));
    const r = compareRuns(a, b);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('other-level');
  });
});

describe('a run that made it and played on', () => {
  const attrition = getLevel('attrition');
  const made = madeItGames(attrition, [1], ['balanced'], 2, 1)[0]!;
  const on = playedOnByAutopilot(made);
  const tl = timeline(replayCodeOf(attrition, on.state, on.log));
  const madeIt = made.state.ending!.turn;

  it('has a frame for every quarter played; the made-it one ended then, so no fork from it', () => {
    expect(tl.frames.filter((f) => f.kind === 'quarter')).toHaveLength(on.state.history.length + 1);
    const atMadeIt = tl.frames[frameIndexOfTurn(tl, madeIt + 1)]!;
    expect(atMadeIt.state.ending?.kind).toBe('made-it');
    expect(atMadeIt.forkable).toBe(false);
    // The quarter after it starts from the played-on state: forkable, play-on in its kept log.
    const after = tl.frames[frameIndexOfTurn(tl, madeIt + 2)]!;
    expect(after.forkable || after.state.ending !== null).toBe(true);
    expect(commandsAfter(tl, frameIndexOfTurn(tl, madeIt + 1))[0]).toEqual({ type: 'game/play-on' });
    if (after.forkable) {
      const fork = forkAt(tl.replay, attrition, madeIt + 2);
      expect(fork.ok && fork.fork.log).toContainEqual({ type: 'game/play-on' });
    }
  });

  it('says how it ended and when it made it', () => {
    const madeQuarter = quarterLabel(attrition, madeIt);
    expect(runEnding(tl)).toEqual({
      ending: on.state.ending!.kind,
      madeItQuarter: madeQuarter,
      playedOn: true,
    });
    expect(runEndingText('en', tl)).toContain(`(made it in ${madeQuarter}, played on)`);
    // The same game at its made-it ending did not play on.
    const atEnding = timeline(replayCodeOf(attrition, made.state, made.log));
    expect(runEndingText('en', atEnding)).toBe('You made it!');
  });

  it('lists playing on among the decisions of the quarter after made it', () => {
    const setup = { levelId: 'attrition', seed: made.seed, company: made.company };
    for (const lang of ['en', 'zh-CN'] as const) {
      const entries = decisionTimeline(lang, attrition, setup, on.log);
      const playOn = entries.filter(
        (e) => e.text === t(lang, 'timeline.playOn', { quarter: quarterLabel(attrition, madeIt) }),
      );
      expect(playOn).toEqual([
        { quarter: quarterLabel(attrition, madeIt + 1), kind: 'decision', text: playOn[0]!.text },
      ]);
    }
  });
});
