// The news feed: what the last quarters did to everyone, newest first; items about the player's
// company are marked.

import type { Language, TextKey } from '../../app/i18n';
import { t } from '../../app/i18n';
import { newsText } from '../../app/news';
import type { GameState, Level, NewsItem } from '../../engine/index';
import { quarterLabel } from '../../engine/index';
import { h } from '../dom';
import { emblem } from './names';

export function newsList(
  lang: Language,
  level: Level,
  items: readonly NewsItem[],
  playerId: string,
): HTMLElement {
  return h(
    'ul',
    { class: 'news-list' },
    items.map((n) =>
      h(
        'li',
        { class: n.subject === playerId ? 'mine' : '' },
        n.subject
          ? emblem(level, n.subject, 'emblem xs')
          : h('span', { class: 'emblem xs blank', attrs: { 'aria-hidden': 'true' } }),
        h('span', { text: newsText(lang, level, n) }),
      ),
    ),
  );
}

/** News of the last few quarters, newest first (the latest includes answers given this quarter). */
export function newsPanel(
  lang: Language,
  level: Level,
  state: GameState,
  quarters = 3,
  titleKey: TextKey = 'news.title',
): HTMLElement {
  const tr = (k: TextKey, p?: Record<string, string | number>) => t(lang, k, p);
  const blocks: HTMLElement[] = [];
  const n = state.history.length;
  if (state.news.length > 0 && n > 0)
    blocks.push(
      h('h3', { text: quarterLabel(level, n - 1) }),
      newsList(lang, level, state.news, state.playerId),
    );
  for (let i = n - 2; i >= Math.max(0, n - quarters); i--) {
    const rec = state.history[i]!;
    if (rec.news.length === 0) continue;
    blocks.push(h('h3', { text: rec.quarter }), newsList(lang, level, rec.news, state.playerId));
  }
  if (n === 0 && state.news.length > 0) blocks.push(newsList(lang, level, state.news, state.playerId));
  return h(
    'section',
    { class: 'card news', attrs: { 'aria-labelledby': 'news-title' } },
    h('h2', { id: 'news-title', text: tr(titleKey) }),
    h(
      'div',
      {
        class: 'news-scroll',
        attrs: { 'data-keep-scroll': 'news', tabindex: 0, 'aria-labelledby': 'news-title' },
      },
      blocks.length ? blocks : h('p', { class: 'muted', text: tr(n === 0 ? 'news.start' : 'news.quiet') }),
    ),
  );
}
