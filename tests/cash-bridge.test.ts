// The results screen's cash bridge (src/app/cash-bridge.ts) on a played game.

import { describe, expect, it } from 'vitest';
import { cashBridge } from '../src/app/cash-bridge';
import { LEVEL_IDS } from '../src/app/levels';
import { Session } from '../src/app/session';

describe('cashBridge', () => {
  it('adds up: start + profit + funding = end', () => {
    expect(cashBridge({ cash: 500, operatingProfit: -300, funding: 200 })).toEqual({
      start: 600,
      profit: -300,
      funding: 200,
      end: 500,
    });
  });

  it('ends on the cash the record holds and starts from the cash before the quarter when no card moved it', () => {
    const started = Session.start({ levelId: LEVEL_IDS[0] as string, seed: 7, company: 'zhipu' });
    if (!started.ok) throw new Error(started.message);
    const s = started.session;
    let checked = 0;
    for (let q = 0; q < 6 && !s.state.ending; q++) {
      const cashBefore = s.state.startups.find((x) => x.id === s.state.playerId)!.cash;
      const cards = s.state.pendingEvents.length;
      for (const ev of s.state.pendingEvents)
        s.dispatch({ type: 'event/answer', eventId: ev.id, choiceId: ev.choices[0]! });
      s.dispatch({ type: 'quarter/end' });
      const rec = s.state.history.at(-1)!.companies.find((c) => c.id === s.state.playerId)!;
      const b = cashBridge(rec);
      expect(b.end).toBe(rec.cash);
      expect(b.start + b.profit + b.funding).toBe(b.end);
      if (cards === 0) {
        expect(b.start).toBe(cashBefore);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
