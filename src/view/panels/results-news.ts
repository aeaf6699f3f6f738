// The results screen's news of the quarter just played: the cards the player answered and the news
// about its own company first, then the rivals' and the market's, folded in a <details>.

import type { Language } from '../../app/i18n';
import { t } from '../../app/i18n';
import { cardIdOfEvent, cardTitle, choiceLabel } from '../../app/level-text';
import { splitNews } from '../../app/why';
import type { GameState, Level } from '../../engine/index';
import { h } from '../dom';
import { newsList } from './news';

export function resultsNews(lang: Language, level: Level, state: GameState): HTMLElement {
  const rec = state.history[state.history.length - 1];
  const { mine, others } = splitNews(state.news, state.playerId);
  const answered = rec?.events ?? [];
  return h(
    'section',
    { class: 'card news results-news', attrs: { 'aria-labelledby': 'rnews-title' } },
    h('h2', { id: 'rnews-title', text: t(lang, 'results.news') }),
    h(
      'div',
      { class: 'news-scroll', attrs: { tabindex: 0, 'aria-labelledby': 'rnews-title' } },
      answered.length
        ? h(
            'ul',
            { id: 'results-answered', class: 'news-list answered' },
            answered.map((a) => {
              const card = cardIdOfEvent(a.id);
              const choice = choiceLabel(lang, level, card, a.choice);
              return h('li', {
                class: 'mine',
                text: t(lang, 'why.answered', { card: cardTitle(lang, level, card), choice }),
              });
            }),
          )
        : null,
      mine.length ? newsList(lang, level, mine, state.playerId) : null,
      others.length
        ? h(
            'details',
            { id: 'rivals-news', class: 'rivals-news' },
            h('summary', { text: t(lang, 'why.rivals', { n: others.length }) }),
            newsList(lang, level, others, state.playerId),
          )
        : null,
      rec?.news.length || answered.length ? null : h('p', { class: 'muted', text: t(lang, 'news.quiet') }),
    ),
  );
}
