// The class charts' data from a real verified batch: autopilot games of several companies,
// policies and seeds made into codes, verified with two refused codes mixed in. The counts are
// checked against the games as played (their endings and scores), not against the rows.

import { describe, expect, it } from 'vitest';
import type { Command, GameState, PolicyName } from '../engine/index';
import { applyCommand, autopilotCommands, autopilotRng, createGame, playGame } from '../engine/index';
import type { EndingClass } from './class-charts';
import { classCharts, ENDING_CLASSES, median, WAR_GROUPS } from './class-charts';
import { findLevel, getLevel } from './levels';
import { decodeReplay, encodeReplay, replayCodeOf } from './replay-code';
import type { ClassResult } from './verify';
import { verifyClass } from './verify';

const level = getLevel('historical-2023');
// Named autopilots never price below their own serving cost, so they read as "premium" in the
// war's peak quarter; the war games below answer it as a student would, by an explicit price in
// that quarter (free: undercut; the market's own price: matched).
const POLICIES: [PolicyName, number][] = [
  ['pretraining-first', 0],
  ['applications-first', 0],
  ['balanced', 0],
  ['random', 3],
  ['random', 4],
];
/**
 * An autopilot game in which the player sets its own API price in the war's peak quarter: 'free',
 * or the market price that quarter had in the same game played without the change (matched).
 */
function warGame(seed: number, company: string, response: 'free' | 'matched') {
  const created = createGame(level, seed, company);
  if (!created.ok) throw new Error(created.error.message);
  const peak = playGame(level, seed, company, 'balanced').state.history.find((h) => h.quarter === '2024Q3');
  let state: GameState = created.state;
  const rng = autopilotRng(seed, 0);
  const log: Command[] = [];
  while (state.ending === null) {
    // A player who keeps its pricing free: no strategic investor (whose string forbids undercutting).
    const cmds = autopilotCommands(level, state, 'balanced', rng).map(
      (c): Command =>
        c.type === 'event/answer' && /strategic@/.test(c.eventId) ? { ...c, choiceId: 'refuse' } : c,
    );
    if (state.turn === 6) {
      const price: Command =
        response === 'free'
          ? { type: 'plan/set-api-price', mode: 'free' }
          : {
              type: 'plan/set-api-price',
              mode: 'exact',
              price: Math.round(peak!.marketApiPrice * 100) / 100,
            };
      cmds.splice(cmds.length - 1, 0, price);
    }
    for (const cmd of cmds) {
      const r = applyCommand(level, state, cmd);
      if (!r.ok) throw new Error(r.error.message);
      state = r.state;
      log.push(cmd);
    }
  }
  return {
    name: `${company}/war-${response}/${seed}`,
    company,
    policy: 'balanced' as PolicyName,
    state,
    code: replayCodeOf(level, state, log),
  };
}

const games = [
  ...[5, 2024].flatMap((seed) =>
    level.player.companies.flatMap((company) =>
      POLICIES.map(([policy, variant]) => {
        const g = playGame(level, seed, company, policy, variant);
        return {
          name: `${company}/${policy}${variant || ''}/${seed}`,
          company,
          policy,
          state: g.state,
          code: replayCodeOf(level, g.state, g.log),
        };
      }),
    ),
  ),
  warGame(5, 'zhipu', 'free'),
  warGame(2024, 'minimax', 'matched'),
  warGame(5, 'moonshot', 'matched'),
];

function tamper(code: string): string {
  const d = decodeReplay(code, findLevel);
  if (!d.ok) throw new Error(d.message);
  const log = d.replay.log.map((c) =>
    c.type === 'plan/set-spend' ? { ...c, amount: Math.max(0, c.amount - 700) } : c,
  );
  return encodeReplay({ ...d.replay, log }, level);
}

let verified: ClassResult | null = null;
async function batch(): Promise<ClassResult> {
  verified ??= await verifyClass(
    [
      ...games.map((g, i) => ({ name: g.name, code: g.code, line: i + 2 })),
      { name: 'mallory', code: tamper(games[0]!.code), line: 100 },
      { name: 'typo', code: 'ST2.hello', line: 101 },
    ],
    findLevel,
    { percentiles: false, sliceMs: 0 },
  );
  return verified;
}

describe('classCharts', () => {
  it('one outcome point per valid game: its score, ending and average pretraining share', async () => {
    const res = await batch();
    expect(res.counts.valid).toBe(games.length);
    expect(res.counts.valid).toBeLessThan(res.rows.length);
    const data = classCharts(res.rows, level.player.companies);
    expect(data.valid).toBe(games.length);
    expect(data.outcome).toHaveLength(games.length);
    expect(data.outcomeMissing).toBe(0);
    for (const p of data.outcome) {
      const g = games.find((x) => x.name === p.name)!;
      expect(p.score).toBe(g.state.ending!.score);
      expect(p.ending).toBe(g.state.ending!.kind);
      expect(p.company).toBe(g.company);
      const mine = g.state.history.map((h) => h.companies.find((c) => c.id === g.company)!.pretrainingShare);
      expect(p.share).toBeCloseTo(mine.reduce((a, b) => a + b, 0) / mine.length, 12);
    }
    // The policies show on the x axis: for each company and seed, pretraining-first trains more
    // than applications-first.
    for (const company of level.player.companies)
      for (const seed of [5, 2024]) {
        const at = (policy: string) => data.outcome.find((p) => p.name === `${company}/${policy}/${seed}`)!;
        expect(at('pretraining-first').share).toBeGreaterThan(at('applications-first').share);
      }
    expect(data.outcome.some((p) => p.name === 'mallory' || p.name === 'typo')).toBe(false);
    const scores = games.map((g) => g.state.ending!.score);
    expect(data.scoreRange).toEqual([Math.min(...scores), Math.max(...scores)]);
  });

  it('price-war strips hold every valid game once, by its response, with the strip median', async () => {
    const res = await batch();
    const data = classCharts(res.rows);
    expect(data.war.map((s) => s.group)).toEqual(WAR_GROUPS);
    const all = data.war.flatMap((s) => s.points);
    expect(all).toHaveLength(games.length);
    expect(new Set(all.map((p) => p.name)).size).toBe(games.length);
    for (const strip of data.war) {
      for (const p of strip.points) {
        const row = res.rows.find((r) => r.index === p.index)!;
        expect(row.decisions!.priceWarResponse ?? 'none').toBe(strip.group);
        if (strip.group === 'undercut') expect(p.priceRatio!).toBeLessThan(0.8);
        if (strip.group === 'premium') expect(p.priceRatio!).toBeGreaterThan(1.25);
        if (strip.group === 'none') expect(p.priceRatio).toBeNull();
        expect(p.offset).toBeGreaterThanOrEqual(-0.5);
        expect(p.offset).toBeLessThan(0.5);
      }
      expect(new Set(strip.points.map((p) => p.offset)).size).toBe(strip.points.length);
      const sorted = strip.points.map((p) => p.score).sort((a, b) => a - b);
      if (sorted.length === 0) expect(strip.median).toBeNull();
      else {
        expect(strip.median!).toBeGreaterThanOrEqual(sorted[0]!);
        expect(strip.median!).toBeLessThanOrEqual(sorted[sorted.length - 1]!);
        expect(sorted.filter((x) => x < strip.median!).length).toBeLessThanOrEqual(sorted.length / 2);
        expect(sorted.filter((x) => x > strip.median!).length).toBeLessThanOrEqual(sorted.length / 2);
      }
    }
    // Several different responses occur in this batch, so the chart compares something.
    expect(data.war.filter((s) => s.points.length > 0).length).toBeGreaterThanOrEqual(3);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('ending counts per company match the games as played', async () => {
    const res = await batch();
    const order = [...level.player.companies].reverse();
    const data = classCharts(res.rows, order);
    expect(data.endings.companies).toEqual(order);
    for (const [i, company] of data.endings.companies.entries()) {
      const mine = games.filter((g) => g.company === company);
      expect(data.endings.totals[i]).toBe(mine.length);
      for (const e of ENDING_CLASSES) {
        const expected = mine.filter((g) => (g.state.ending?.kind ?? 'unfinished') === e).length;
        expect(data.endings.counts[e][i], `${company} ${e}`).toBe(expected);
      }
    }
    const sum = ENDING_CLASSES.reduce((s, e) => s + data.endings.counts[e].reduce((a, b) => a + b, 0), 0);
    expect(sum).toBe(games.length);
    // More than one kind of ending, so the stacks are not trivial.
    const kinds = new Set<EndingClass>(games.map((g) => g.state.ending!.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(2);
  });

  it('an empty or all-refused batch gives empty charts', async () => {
    const res = await batch();
    const data = classCharts(res.rows.filter((r) => r.status !== 'valid'));
    expect(data.valid).toBe(0);
    expect(data.outcome).toEqual([]);
    expect(data.war.every((s) => s.points.length === 0 && s.median === null)).toBe(true);
    expect(data.endings.companies).toEqual([]);
    expect(data.scoreRange).toEqual([0, 0]);
  });
});
