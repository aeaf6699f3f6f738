import { describe, expect, it } from 'vitest';
import type { Level, MadeItProgress } from '../engine/index';
import { madeItProgress, playGame, quarterLabel } from '../engine/index';
import { money } from './format';
import { endingGoalText, goalItems, goalMissed, goalRuleText } from './goal-text';
import { LANGUAGES } from './i18n';
import { getLevel } from './levels';

const level = getLevel('historical-2023');

/** A quarter (turn 9) with a profit but too little revenue and a loss-making year behind it. */
function progress(over: Partial<MadeItProgress> = {}): MadeItProgress {
  return {
    turn: 9,
    profit: { value: 300, target: 0, met: true },
    revenue: { value: 8400, target: 10_000, met: false },
    year: { value: -2500, target: 0, met: false, window: 4, quarters: 4 },
    streak: { value: 0, target: 1, met: false },
    met: false,
    reached: false,
    ...over,
  };
}

describe('the goal line', () => {
  it('gives each condition, in order, met as the engine says, with its figure and bar', () => {
    const items = goalItems('en', progress());
    expect(items.map((i) => [i.id, i.met])).toEqual([
      ['profit', true],
      ['revenue', false],
      ['year', false],
      ['streak', false],
    ]);
    expect(items.map((i) => i.text)).toEqual([
      'profit ¥3.0M',
      'revenue ¥84.0M of ¥100M',
      '4-quarter profit −¥25.0M',
      '0 of 1 quarter in a row',
    ]);
    expect(goalItems('zh-CN', progress())[1]!.text).toBe('收入 8,400 万元 / 门槛 1.00 亿元');
  });

  it('shows the bars with no figures before the first quarter', () => {
    const none = progress({
      turn: null,
      profit: { value: null, target: 0, met: false },
      revenue: { value: null, target: 10_000, met: false },
      year: { value: null, target: 0, met: false, window: 4, quarters: 0 },
    });
    expect(goalItems('en', none).map((i) => i.text)).toEqual([
      'profit —',
      'revenue — of ¥100M',
      '4-quarter profit —',
      '0 of 1 quarter in a row',
    ]);
    expect(goalMissed('en', none)).toEqual([]);
    expect(endingGoalText('en', level, 'times-up', none)).toBeNull();
  });

  it('words every condition of every quarter of autopilot games in both languages', () => {
    let met = 0;
    for (const policy of ['balanced', 'random'] as const) {
      const { state } = playGame(level, 3, 'minimax', policy);
      for (let n = 1; n <= state.history.length; n++) {
        const p = madeItProgress(level, { ...state, history: state.history.slice(0, n) }, 'minimax')!;
        for (const lang of LANGUAGES) {
          const items = goalItems(lang, p);
          expect(items.map((i) => i.met)).toEqual([p.profit.met, p.revenue.met, p.year.met, p.streak.met]);
          expect(items[0]!.text).toContain(money(lang, p.profit.value!));
          expect(items[1]!.text).toContain(money(lang, p.revenue.value!));
          expect(items[2]!.text).toContain(money(lang, p.year.value!));
          for (const i of items) expect(i.text).not.toMatch(/\{\w+\}|undefined|NaN/);
        }
        if (p.met) met++;
      }
    }
    expect(met).toBeGreaterThan(0);
  });
});

describe('what is missing', () => {
  it('says each missed condition with its gap', () => {
    expect(goalMissed('en', progress())).toEqual([
      'revenue missed the ¥100M bar by ¥16.0M',
      'the last 4 quarters together lost ¥25.0M',
    ]);
    const loss = progress({ profit: { value: -700, target: 0, met: false } });
    expect(goalMissed('zh-CN', loss)[0]).toBe('本季亏损 700 万元');
  });

  it('names the streak only when the quarter itself counted', () => {
    const counted = progress({
      revenue: { value: 12_000, target: 10_000, met: true },
      year: { value: 100, target: 0, met: true, window: 4, quarters: 4 },
      streak: { value: 1, target: 2, met: false },
      met: true,
    });
    expect(goalMissed('en', counted)).toEqual(['only 1 quarter counted, of the 2 in a row needed']);
    expect(
      goalMissed('en', { ...counted, streak: { value: 2, target: 2, met: true }, reached: true }),
    ).toEqual([]);
  });

  it('ends made-it with the quarter’s figures and time’s up with what it lacked', () => {
    const q = quarterLabel(level, 9);
    expect(endingGoalText('en', level, 'times-up', progress())).toBe(
      `What the last quarter (${q}) lacked to make it: revenue missed the ¥100M bar by ¥16.0M; the last 4 quarters together lost ¥25.0M.`,
    );
    const made = progress({
      revenue: { value: 12_000, target: 10_000, met: true },
      year: { value: 100, target: 0, met: true, window: 4, quarters: 4 },
      streak: { value: 1, target: 1, met: true },
      met: true,
      reached: true,
    });
    expect(endingGoalText('en', level, 'made-it', made)).toBe(
      `In ${q}: profit ¥3.0M, revenue ¥120M (the bar was ¥100M), and the last 4 quarters together ¥1.0M.`,
    );
    expect(endingGoalText('zh-CN', level, 'made-it', made)).toContain('1.20 亿元');
    expect(endingGoalText('en', level, 'out-of-money', progress())).toBeNull();
    expect(endingGoalText('en', level, 'acquired', progress())).toBeNull();
  });
});

describe('How to play', () => {
  it('states the rule in the level’s numbers', () => {
    const strict: Level = {
      ...level,
      endings: { ...level.endings, madeItQuarters: 3, madeItWindow: 2, madeItMinRevenue: 6000 },
    };
    expect(goalRuleText('en', strict)).toMatch(
      /revenue is at least ¥60\.0M, and the last 2 quarters .* when 3 quarter\(s\) in a row count/,
    );
    expect(goalRuleText('en', level)).toContain('at least ¥110M');
    expect(goalRuleText('zh-CN', strict)).toContain('最近 2 个季度');
    expect(goalRuleText('zh-CN', strict)).toContain('连续 3 个季度');
  });
});
