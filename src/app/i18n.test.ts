import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NewsItem } from '../engine/index';
import { POLICIES, playGame } from '../engine/index';
import { conceptsMet, lessons, timeline } from './debrief';
import { hasText, LANGUAGES, TEXT_KEYS, t } from './i18n';
import { getLevel, LEVEL_IDS } from './levels';
import { newsText } from './news';

const ENGINE = new URL('../engine/', import.meta.url).pathname;

/** Every engine source, the quarter's steps in src/engine/quarter/ included. */
function engineSources(): string {
  return readdirSync(ENGINE, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => readFileSync(join(ENGINE, f), 'utf8'))
    .join('\n');
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translation tables', () => {
  it('have a text for every news key the engine can emit', () => {
    const keys = new Set([...engineSources().matchAll(/'(news\.[A-Za-z]+)'/g)].map((m) => m[1]!));
    expect(keys.size).toBeGreaterThan(10);
    for (const key of keys) expect(hasText(key), key).toBe(true);
  });

  it('have a text for every rejection code', () => {
    const types = readFileSync(join(ENGINE, 'types.ts'), 'utf8');
    const union = types.slice(
      types.indexOf('export type RejectionCode'),
      types.indexOf('export interface Rejection'),
    );
    const codes = [...union.matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) expect(hasText(`reject.${code}`), code).toBe(true);
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
        let played: ReturnType<typeof playGame>;
        try {
          played = playGame(level, 11, company, policy);
        } catch {
          continue; // an autopilot failing is the engine's test to report
        }
        const { state, log } = played;
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
