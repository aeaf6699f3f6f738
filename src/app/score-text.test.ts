import { describe, expect, it } from 'vitest';
import type { ScoreParts } from '../engine/index';
import { POLICIES, playGame, scoreParts } from '../engine/index';
import { LANGUAGES } from './i18n';
import { getLevel, LEVEL_IDS } from './levels';
import { scorePartItems, scorePartsText } from './score-text';

const madeIt: ScoreParts = {
  kind: 'made-it',
  basis: 'valuation',
  value: 512_000,
  runwayFactor: 1,
  valuation: 512_000,
  ownershipBp: 2400,
  equity: 122_880,
  madeItHonour: 100_000,
  fameQuarters: 0,
  fameHonour: 0,
  honours: 100_000,
  total: 222_880,
};

describe('the score taken apart, in words', () => {
  it('says what the founders own of what, and each honour granted', () => {
    expect(scorePartsText('en', madeIt)).toBe(
      "= founders' 24% of the ¥5.12B valuation (¥1.23B) + made-it honour ¥1.00B",
    );
    expect(scorePartsText('zh-CN', madeIt)).toBe(
      '= 创始团队持股 24% × 估值 51.20 亿元（12.29 亿元） + 盈利荣誉 10.00 亿元',
    );
    const timesUp: ScoreParts = {
      ...madeIt,
      kind: 'times-up',
      basis: 'runway-discounted',
      runwayFactor: 0.875,
      value: 448_000,
      equity: 107_520,
      ownershipBp: 2450,
      madeItHonour: 0,
      fameQuarters: 2,
      fameHonour: 40_000,
      honours: 40_000,
      total: 147_520,
    };
    expect(scorePartsText('en', timesUp)).toBe(
      "= founders' 24.5% of ¥4.48B (87.5% of the ¥5.12B valuation, for the runway left) (¥1.08B) + frontier-fame honour (2 quarters) ¥400M",
    );
    expect(scorePartsText('en', { ...timesUp, runwayFactor: 1, value: 512_000 })).toContain(
      'of the ¥5.12B valuation (counted in full: runway enough)',
    );
  });

  it('words every game of every level and policy in both languages, parts adding up to the score', () => {
    const bases = new Set<string>();
    for (const id of LEVEL_IDS) {
      const level = getLevel(id);
      for (const policy of POLICIES)
        for (const company of level.player.companies.slice(0, 2)) {
          const { state } = playGame(level, 5, company, policy);
          const p = scoreParts(level, state);
          bases.add(p.basis);
          for (const lang of LANGUAGES) {
            const items = scorePartItems(lang, p);
            expect(items.reduce((sum, i) => sum + i.wan, 0)).toBe(state.ending!.score);
            expect(items.map((i) => i.id)).toEqual(
              ['equity', p.madeItHonour > 0 && 'made-it', p.fameHonour > 0 && 'fame'].filter(Boolean),
            );
            expect(scorePartsText(lang, p)).not.toMatch(/\{\w+\}|undefined|NaN/);
          }
        }
    }
    expect([...bases].sort()).toEqual(['nothing', 'runway-discounted', 'sale', 'valuation']);
  });
});
