// The quarter's flows (CompanyRecord.flows, src/engine/quarter/flows.ts) add up to the books, for
// the player's company (each company in turn) in every quarter of autopilot games on two levels: users(t) = users(t−1) + events
// + bought + organic − churned − shocked per consumer market; projects(t) = projects(t−1) + won −
// finished; staff(t) = staff(t−1) + events + filled − cut − left − poached per role; the
// valuation's parts sum to the valuation. The figures at a quarter's start are checked against the
// state the quarter was resolved from, and the ends against the record and the next state.

import { describe, expect, it } from 'vitest';
import { getLevel } from '../src/app/levels';
import type { CompanyFlows, CompanyRecord, GameState, Level, PolicyName, Role } from '../src/engine/index';
import { ROLES } from '../src/engine/index';
import { failedRoundMark } from '../src/engine/quarter/finance';
import { autopilotQuarters } from './helpers';

const GAMES: { level: string; policy: PolicyName; seeds: number[] }[] = [
  { level: 'historical-2023', policy: 'balanced', seeds: [1, 2] },
  { level: 'historical-2023', policy: 'random', seeds: [3, 4] },
  { level: 'historical-2023', policy: 'pretraining-first', seeds: [5] },
  { level: 'historical-2023', policy: 'applications-first', seeds: [6] },
  { level: 'attrition', policy: 'enterprise-first', seeds: [7] },
  { level: 'attrition', policy: 'random', seeds: [8] },
];

/** Problems found, one line each (vitest's expect is too slow for a few hundred thousand checks). */
const problems: string[] = [];
function ok(cond: boolean, where: string): void {
  if (!cond && problems.length < 20) problems.push(where);
}
function eq(a: unknown, b: unknown, where: string): void {
  if (a !== b && problems.length < 20) problems.push(`${where}: ${String(a)} ≠ ${String(b)}`);
}

function checkQuarter(level: Level, before: GameState, after: GameState, counts: Record<string, number>) {
  const rec = after.history[after.history.length - 1]!;
  const last = before.history[before.history.length - 1];
  rec.companies.forEach((c: CompanyRecord, i) => {
    const start = before.startups[i]!;
    const end = after.startups[i]!;
    const where = `${rec.quarter} ${c.id}`;
    // Only the player's company keeps its flows (a rival's, and one out of the game, are null).
    if (start.status !== 'active' || c.id !== after.playerId) {
      eq(c.flows, null, where);
      return;
    }
    const f = c.flows as CompanyFlows;
    ok(f !== null, where);
    const prev = last?.companies[i];
    const spec = level.companies[i]!;
    // Consumer apps: whole users, adding up, from the last record's count to this one's.
    for (const m of ['domestic', 'overseas'] as const) {
      const u = f[m];
      const key = m === 'domestic' ? 'domesticUsers' : 'overseasUsers';
      eq(u.previous, prev ? prev[key] : spec[key], `${where} ${m} previous`);
      eq(u.previous + u.fromEvents, start[key], `${where} ${m} start`);
      eq(u.end, c[key], `${where} ${m} end`);
      eq(u.previous + u.fromEvents + u.bought + u.organic - u.churned - u.shocked, u.end, `${where} ${m}`);
      for (const x of [u.bought, u.organic, u.churned, u.shocked])
        eq(Number.isInteger(x) && x >= 0, true, `${where} ${m} ${JSON.stringify(u)}`);
      eq(u.revenue, c.revenueBy[m], where);
      if (u.shocked > 0) counts.shocks = (counts.shocks ?? 0) + 1;
      if (u.fromEvents !== 0) counts.userEvents = (counts.userEvents ?? 0) + 1;
      counts.bought = (counts.bought ?? 0) + u.bought;
    }
    eq(f.domestic.ads + f.overseas.ads, c.costBy.ads, where);
    // Enterprise projects are delivered within the quarter.
    const e = f.enterprise;
    eq(e.previous, prev ? prev.enterpriseProjects : 0, where);
    eq(e.previous + e.won - e.finished, e.end, where);
    eq(e.end, c.enterpriseProjects, where);
    eq(e.revenue, c.revenueBy.enterprise, where);
    eq(e.customisation, c.costBy.customisation, where);
    eq(e.platform + f.api.marketing, c.costBy.platform, where);
    // The API market's tokens, and the inference bill split between the markets.
    eq(f.api.tokens, c.apiTokens, where);
    eq(f.api.revenue, c.revenueBy.api, where);
    eq(f.api.marketTokens, rec.apiTokens, where);
    ok(f.api.tokens <= f.api.marketTokens, where);
    eq(f.domestic.inference + f.overseas.inference + f.api.inference, c.costBy.inference, where);
    ok(f.api.inference >= 0, where);
    // People, role by role.
    let headcount = 0;
    for (const role of ROLES as readonly Role[]) {
      const r = f.staff[role];
      const w = `${where} ${role} ${JSON.stringify(r)}`;
      eq(r.previous, prev?.flows ? prev.flows.staff[role].end : spec.staff[role], w);
      eq(r.previous + r.fromEvents, start.staff[role], w);
      eq(r.previous + r.fromEvents + r.filled - r.cut - r.left - r.poached, r.end, w);
      ok(r.filled <= r.asked, w);
      // The player's plan is the one in the state; a rival's is made when the quarter begins.
      if (c.id === before.playerId) {
        eq(r.asked, Math.max(0, start.plan.hires[role]), w);
        eq(r.cut, Math.min(start.staff[role], Math.max(0, -start.plan.hires[role])), w);
      }
      for (const x of [r.filled, r.cut, r.left, r.poached]) eq(Number.isInteger(x) && x >= 0, true, w);
      // (A rival's cards of the next quarter are answered as this one resolves, after its record:
      // the next quarter's fromEvents carries what they changed.)
      if (c.id === before.playerId && end.status === 'active') eq(r.end, end.staff[role], w);
      headcount += r.end;
      counts.left = (counts.left ?? 0) + r.left;
      counts.poached = (counts.poached ?? 0) + r.poached;
      counts.filled = (counts.filled ?? 0) + r.filled;
    }
    eq(headcount, c.headcount, where);
    // The valuation's parts add up to it, and the rounding is only rounding.
    const v = f.valuation;
    eq(v.previous, start.valuation, where);
    eq(
      v.anchor + v.model + v.users + v.revenue + v.rounding + v.round,
      v.value,
      `${where} ${JSON.stringify(v)}`,
    );
    eq(v.value, c.valuation, where);
    const mark = v.value - v.round;
    if (mark > 1) ok(Math.abs(v.rounding) <= 2, `${where} ${JSON.stringify(v)}`);
    // A round: its parts, and the change it made to the mark.
    const round = f.round;
    if (round === null) eq(v.round, 0, where);
    else {
      counts.rounds = (counts.rounds ?? 0) + 1;
      ok(round.chance > 0 && round.chance <= 1 && round.amount <= round.target, where);
      const news = after.news.find(
        (n) => n.subject === c.id && (n.key === 'news.roundClosed' || n.key === 'news.roundFailed'),
      );
      eq(news?.key, round.closed ? 'news.roundClosed' : 'news.roundFailed', where);
      if (round.closed) {
        counts.closed = (counts.closed ?? 0) + 1;
        eq(v.round, round.price + round.amount - mark, where);
        eq(
          JSON.stringify(news!.params),
          JSON.stringify({
            amount: round.amount,
            valuation: round.price + round.amount,
            dilutionBp: round.dilutionBp,
            fee: round.fee,
          }),
          where,
        );
      } else eq(v.round, failedRoundMark(level.market.funding.failedRoundMarkdown, mark) - mark, where);
    }
  });
}

describe('the quarter’s flows add up to the books', () => {
  it('for the player’s company, each in turn, in every quarter of autopilot games (a rival keeps none)', () => {
    const counts: Record<string, number> = {};
    let quarters = 0;
    for (const g of GAMES) {
      const level = getLevel(g.level);
      for (const seed of g.seeds)
        for (const company of level.player.companies)
          for (const q of autopilotQuarters(level, seed, company, g.policy)) {
            checkQuarter(level, q.before, q.after, counts);
            quarters++;
          }
    }
    // The games touch every kind of flow, so the identities above were tried on real movements.
    expect(problems).toEqual([]);
    expect(quarters).toBeGreaterThan(400);
    for (const k of ['shocks', 'userEvents', 'bought', 'left', 'poached', 'filled', 'rounds', 'closed'])
      expect(counts[k] ?? 0, k).toBeGreaterThan(0);
  });
});
