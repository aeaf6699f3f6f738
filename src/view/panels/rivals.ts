// The rivals table: every other startup and the big players — quality and its rank, API price,
// users, and how their cash looks from outside.

import { count, price, quality } from '../../app/format';
import { runwayQuarters } from '../../engine/index';
import { h } from '../dom';
import type { ReadContext } from './context';
import { actorName, emblem } from './names';

export function rivalsPanel(ctx: ReadContext): HTMLElement {
  const { state, level, tr, lang } = ctx;
  const rows: { id: string; q: number; active: boolean }[] = [
    ...state.startups.map((s) => ({ id: s.id, q: s.quality, active: s.status === 'active' })),
    ...state.giants.map((g) => ({ id: g.id, q: g.quality, active: g.active })),
  ];
  const ranked = rows.filter((r) => r.active).sort((a, b) => b.q - a.q || a.id.localeCompare(b.id));
  const rankOf = (id: string) => {
    const i = ranked.findIndex((r) => r.id === id);
    return i < 0 ? '—' : `#${i + 1}`;
  };
  const startupRows = state.startups.map((s) => {
    const you = s.id === state.playerId;
    let cash: string;
    let tone = '';
    if (s.status === 'bankrupt') {
      cash = tr('rivals.bankrupt');
      tone = 'poor';
    } else if (s.status === 'acquired') {
      cash = tr('rivals.acquired');
    } else {
      const rw = runwayQuarters(state, s.id);
      cash =
        rw >= 8
          ? `● ${tr('rivals.healthy')}`
          : rw >= 3
            ? `◐ ${tr('rivals.tight')}`
            : `○ ${tr('rivals.critical')}`;
      tone = rw >= 8 ? 'good' : rw >= 3 ? 'fair' : 'poor';
    }
    const tags = [
      s.pretrainingAbandoned ? tr('rivals.noPretraining') : '',
      s.strategic ? tr('rivals.backedBy', { name: actorName(lang, level, s.strategic) }) : '',
    ]
      .filter(Boolean)
      .join(' · ');
    return h(
      'tr',
      { class: `${you ? 'you' : ''} ${s.status !== 'active' ? 'gone' : ''}` },
      h(
        'th',
        { attrs: { scope: 'row' } },
        emblem(level, s.id),
        h('span', { text: `${actorName(lang, level, s.id)}${you ? tr('rivals.you') : ''}` }),
        tags ? h('small', { class: 'rival-tag', text: tags }) : null,
      ),
      h('td', {
        class: 'num-cell',
        text: s.status === 'active' ? `${quality(s.quality)} ${rankOf(s.id)}` : '—',
      }),
      h('td', {
        class: 'num-cell',
        text: s.status === 'active' && !s.pretrainingAbandoned ? price(s.apiPrice) : '—',
      }),
      h('td', { class: 'num-cell', text: count(lang, s.domesticUsers + s.overseasUsers) }),
      h('td', { class: `cash-cell ${tone}`, text: you ? '' : cash }),
    );
  });
  const giantRows = state.giants.map((g) =>
    h(
      'tr',
      { class: `giant ${g.active ? '' : 'gone'}` },
      h(
        'th',
        { attrs: { scope: 'row' } },
        emblem(level, g.id),
        h('span', { text: actorName(lang, level, g.id) }),
      ),
      h('td', {
        class: 'num-cell',
        text: g.active ? `${quality(g.quality)} ${rankOf(g.id)}` : tr('rivals.notYet'),
      }),
      h('td', {
        class: 'num-cell',
        text: g.active ? (g.apiPrice === 0 ? tr('rivals.free') : price(g.apiPrice)) : '—',
      }),
      h('td', { class: 'num-cell', text: count(lang, g.domesticUsers) }),
      h('td', { class: 'cash-cell good', text: tr('rivals.deepPockets') }),
    ),
  );
  return h(
    'section',
    { class: 'card rivals', attrs: { 'aria-labelledby': 'rivals-title' } },
    h('h2', { id: 'rivals-title', text: tr('rivals.title') }),
    h(
      'div',
      {
        class: 'table-scroll',
        attrs: { 'data-keep-scroll': 'rivals', tabindex: 0, 'aria-labelledby': 'rivals-title' },
      },
      h(
        'table',
        { class: 'rivals-table' },
        h(
          'colgroup',
          {},
          h('col', { class: 'c-company' }),
          h('col'),
          h('col'),
          h('col'),
          h('col', { class: 'c-cash' }),
        ),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { text: tr('rivals.company') }),
            h('th', { text: tr('rivals.quality') }),
            h('th', { text: tr('rivals.price') }),
            h('th', { text: tr('rivals.users') }),
            h('th', { text: tr('rivals.cash') }),
          ),
        ),
        h('tbody', {}, startupRows, giantRows),
      ),
    ),
  );
}
