import { describe, expect, it } from 'vitest';
import type { NewsItem } from '../engine/index';
import { NEWS_KEYS, POLICIES, playGame, REJECTION_CODES } from '../engine/index';
import { conceptsMet, lessons, timeline } from './debrief';
import type { TextKey } from './i18n';
import { hasText, LANGUAGES, TEXT_KEYS, t } from './i18n';
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
