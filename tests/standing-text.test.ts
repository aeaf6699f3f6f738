// The ending's par lines (standingTexts in src/app/score-text.ts), in both languages.

import { describe, expect, it } from 'vitest';
import { money, signedMoney } from '../src/app/format';
import { LANGUAGES, t } from '../src/app/i18n';
import { standingTexts } from '../src/app/score-text';

describe('standingTexts', () => {
  it('says "computing" while the standing is not known, and "no par" when it could not be computed', () => {
    for (const lang of LANGUAGES) {
      expect(standingTexts(lang, undefined)).toEqual({
        difference: t(lang, 'ending.computing'),
        percentile: t(lang, 'ending.computing'),
      });
      expect(standingTexts(lang, null)).toEqual({
        difference: t(lang, 'par.none'),
        percentile: t(lang, 'par.none'),
      });
    }
  });

  it('words the difference from par with its sign and the par, and the percentile as a whole number', () => {
    const below = standingTexts('en', { par: 120_000, difference: -35_000, percentile: 36 });
    expect(below.difference).toContain(signedMoney('en', -35_000));
    expect(below.difference).toContain(money('en', 120_000));
    expect(below.percentile).toBe(t('en', 'par.percentileValue', { p: 36 }));
    const above = standingTexts('zh-CN', { par: 10_000, difference: 2_500, percentile: 91.6 });
    expect(above.difference).toContain(signedMoney('zh-CN', 2_500));
    expect(above.percentile).toBe(t('zh-CN', 'par.percentileValue', { p: 92 }));
    expect(below.difference).not.toBe(
      standingTexts('en', { par: 120_000, difference: 35_000, percentile: 36 }).difference,
    );
  });
});
