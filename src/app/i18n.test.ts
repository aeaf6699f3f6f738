import { describe, expect, it } from 'vitest';
import type { NewsItem } from '../engine/index';
import { NEWS_KEYS, POLICIES, playGame, REJECTION_CODES } from '../engine/index';
import { conceptsMet, lessons, timeline } from './debrief';
import { money, moneyAxis, signedMoney } from './format';
import type { PluralKey, TextKey } from './i18n';
import { hasText, LANGUAGES, pluralKey, TEXT_KEYS, t, tn } from './i18n';
import { getLevel, LEVEL_IDS } from './levels';
import { newsText } from './news';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translation tables', () => {
  it('have a text for every news key the engine can emit', () => {
    // NEWS_KEYS is the engine's declared list: a NewsItem's key has its type, so the engine cannot
    // emit a key outside it. The assignment below fails to compile when one has no text.
    const translated: readonly TextKey[] = NEWS_KEYS;
    expect(translated.length).toBeGreaterThan(10);
    for (const key of NEWS_KEYS) expect(hasText(key), key).toBe(true);
  });

  it('have a text for every rejection code', () => {
    // REJECTION_CODES is the engine's declared list (RejectionCode is its type); as above, a code
    // with no text fails to compile here.
    const translated: readonly TextKey[] = REJECTION_CODES.map((c) => `reject.${c}` as const);
    expect(translated.length).toBeGreaterThan(10);
    for (const code of REJECTION_CODES) expect(hasText(`reject.${code}`), code).toBe(true);
  });

  it('use the same parameters in both languages and leave nothing empty', () => {
    for (const key of TEXT_KEYS) {
      expect(t('zh-CN', key).trim(), key).not.toBe('');
      expect(t('en', key).trim(), key).not.toBe('');
      expect(placeholders(t('zh-CN', key)), key).toEqual(placeholders(t('en', key)));
    }
  });
});

describe('Chinese typesetting', () => {
  // Chinese characters and Chinese punctuation; '·' (a separator written with spaces) is not one.
  const CJK = String.raw`[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’]`;
  const spaced = [
    new RegExp(String.raw`${CJK} +\{`, 'u'), // 季度 {n}
    new RegExp(String.raw`\} +${CJK}`, 'u'), // {subject} 宣布
    new RegExp(`${CJK} +${CJK}`, 'u'), // 是 免费
  ];

  it('puts no space between a placeholder and Chinese, nor between two Chinese characters', () => {
    const bad = TEXT_KEYS.filter((key) => spaced.some((re) => re.test(t('zh-CN', key))));
    expect(bad).toEqual([]);
  });

  it('spaces an inserted number or Latin name from the Chinese around it, and a Chinese name not', () => {
    expect(t('zh-CN', 'kpi.streak.other', { n: 3 })).toBe('连续 3 季达标');
    expect(t('zh-CN', 'news.bankrupt', { subject: '百川智能' })).toBe('百川智能资金耗尽，宣告倒闭。');
    expect(t('zh-CN', 'news.bankrupt', { subject: 'MiniMax' })).toBe('MiniMax 资金耗尽，宣告倒闭。');
    expect(t('zh-CN', 'goal.missed.profit', { gap: money('zh-CN', -2500) })).toBe('本季亏损 −2,500 万元');
    expect(t('zh-CN', 'news.roundFailed', { subject: '智谱', target: money('zh-CN', 6000) })).toBe(
      '智谱的 6,000 万元融资未能完成。',
    );
    // English is left as written
    expect(t('en', 'kpi.streak.other', { n: 3 })).toBe('3 qualifying quarters in a row');
  });

  it('writes money in Chinese as 万元 / 亿元 with a space after the digits', () => {
    expect([0, 5, 6000, 123_456, -2500, 12_345_678].map((w) => money('zh-CN', w))).toEqual([
      '0 万元',
      '5 万元',
      '6,000 万元',
      '12.35 亿元',
      '−2,500 万元',
      '1234.6 亿元',
    ]);
    expect(signedMoney('zh-CN', 1200)).toBe('+1,200 万元');
    // chart axes are the short form, with no 元 and no space
    expect([0, 5000, -2500, 123_456].map((w) => moneyAxis('zh-CN', w))).toEqual([
      '0',
      '5000万',
      '−2500万',
      '12亿',
    ]);
  });
});

describe('counted texts', () => {
  const plurals = [
    ...new Set(TEXT_KEYS.filter((k) => k.endsWith('.other')).map((k) => k.slice(0, -'.other'.length))),
  ].filter((b) => hasText(`${b}.one`)) as PluralKey[];

  it('pick the English singular for 1 only, and the one Chinese form always', () => {
    expect(pluralKey('en', 'kpi.streak', 1)).toBe('kpi.streak.one');
    expect(pluralKey('en', 'kpi.streak', 2)).toBe('kpi.streak.other');
    expect(pluralKey('en', 'kpi.streak', 0)).toBe('kpi.streak.other');
    for (const n of [0, 1, 2]) expect(pluralKey('zh-CN', 'kpi.streak', n)).toBe('kpi.streak.other');
  });

  it('have both forms, the same in Chinese, and no "(s)" in English', () => {
    expect(plurals.length).toBeGreaterThan(3);
    for (const b of plurals) {
      expect(t('zh-CN', `${b}.one` as TextKey), b).toBe(t('zh-CN', `${b}.other` as TextKey));
      for (const form of ['one', 'other']) expect(t('en', `${b}.${form}` as TextKey), b).not.toMatch(/\(s\)/);
    }
  });

  it('read right at 1 and at 2', () => {
    expect(tn('en', 'kpi.streak', 1, { n: 1 })).toBe('1 qualifying quarter in a row');
    expect(tn('en', 'kpi.streak', 2, { n: 2 })).toBe('2 qualifying quarters in a row');
    expect(tn('en', 'goal.missed.streak', 1, { n: 1, target: 3 })).toBe(
      'only 1 quarter counted, of the 3 in a row needed',
    );
    expect(tn('en', 'goal.missed.streak', 2, { n: 2, target: 3 })).toBe(
      'only 2 quarters in a row counted, of the 3 needed',
    );
    const talent = (lost: number) =>
      tn('en', 'lesson.talent.text', lost, { lost, head0: 10, head1: 12, burnout: '20%' });
    expect(talent(1)).toContain('; 1 key person left;');
    expect(talent(2)).toContain('; 2 key people left;');
    expect(tn('zh-CN', 'kpi.streak', 1, { n: 1 })).toBe('连续 1 季达标');
    expect(tn('zh-CN', 'kpi.streak', 2, { n: 2 })).toBe('连续 2 季达标');
  });
});

describe('texts built from games', () => {
  it('render every news item, lesson and timeline entry of autopilot games in both languages', () => {
    for (const id of LEVEL_IDS) {
      const level = getLevel(id);
      for (const policy of POLICIES) {
        const company = level.player.companies[0]!;
        // an autopilot that fails throws here, and fails the test with it
        const { state, log } = playGame(level, 11, company, policy);
        const news: NewsItem[] = state.history.flatMap((r) => r.news);
        for (const lang of LANGUAGES) {
          for (const n of news) {
            const text = newsText(lang, level, n);
            expect(hasText(n.key), `${id} ${n.key}`).toBe(true);
            expect(text, `${id} ${n.key}`).not.toMatch(/\{\w+\}/);
          }
          const texts = [
            ...lessons(lang, level, state).map((l) => `${l.title} ${l.text}`),
            ...conceptsMet(lang, level, state).map((l) => `${l.title} ${l.text}`),
            ...timeline(lang, level, { levelId: id, seed: 11, company }, log).map((e) => e.text),
          ];
          expect(texts.length).toBeGreaterThan(0);
          for (const x of texts) expect(x, `${id} ${policy}`).not.toMatch(/\{\w+\}|undefined|NaN/);
        }
      }
    }
  });
});
