// The "why" panel's figures (why.ts) over an autopilot game: each market's row adds up from its
// start to its end, the ratios are the recorded money over the recorded counts, the people rows are
// the recorded flows, the valuation's parts add up to it, and the news splits into the player's and
// the rest without losing any.
import { describe, expect, it } from 'vitest';
import { autopilotQuarters } from '../../tests/helpers';
import { getLevel } from './levels';
import { marketNotes, marketWhy, playerFlows, splitNews, staffWhy, valuationWhy } from './why';

describe('why.ts', () => {
  it('reads the recorded flows into rows that add up', () => {
    const level = getLevel('historical-2023');
    let rows = 0;
    for (const q of autopilotQuarters(level, 6, 'minimax', 'random')) {
      const { now, last } = playerFlows(q.after);
      expect(now).not.toBeNull();
      const f = now!;
      for (const m of marketWhy(level, f)) {
        if (m.unit === 'tokens') {
          expect(m.gained).toBe(f.api.tokens);
          expect(m.revenuePer).toBe(f.api.tokens > 0 ? (f.api.revenue * 10_000) / f.api.tokens : null);
          continue;
        }
        expect(m.start! + m.fromEvents + m.gained - m.lost).toBe(m.end);
        if (m.unit === 'users') {
          const u = f[m.market as 'domestic' | 'overseas'];
          expect(m.costPerAcquired).toBe(u.bought > 0 ? (u.ads * 10_000) / u.bought : null);
          expect(m.bought! + m.organic!).toBe(m.gained);
          expect(m.churned! + m.shocked!).toBe(m.lost);
        }
        rows++;
      }
      const notes = marketNotes(f);
      expect(notes.apiShare).toBeGreaterThanOrEqual(0);
      expect(notes.apiShare).toBeLessThanOrEqual(1);
      expect(staffWhy(f).map((r) => r.end)).toEqual([
        f.staff.researchers.end,
        f.staff.engineers.end,
        f.staff.sales.end,
      ]);
      const v = valuationWhy(f, last);
      expect(v.parts.reduce((s, p) => s + p.value, 0)).toBe(v.value);
      if (last) for (const p of v.parts) expect(p.change).toBe(p.value - last.valuation[p.part]);
      const { mine, others } = splitNews(q.after.news, q.after.playerId);
      expect(mine.length + others.length).toBe(q.after.news.length);
      expect(mine.every((n) => n.subject === q.after.playerId)).toBe(true);
    }
    expect(rows).toBeGreaterThan(10);
  });
});
