// The rivals table: every other startup and the big players — quality and its rank, API price,
// users, and how their cash looks from outside.

import { count, price, quality } from '../../app/format';
import { cashHealth, qualityRanks } from '../../app/panel-figures';
import type { GiantState, StartupState } from '../../engine/index';
import { runwayQuarters } from '../../engine/index';
import { h } from '../dom';
import type { ReadContext } from './context';
import { actorName, emblem } from './names';

const HEALTH_MARK = { healthy: '●', tight: '◐', critical: '○' } as const;
const HEALTH_TONE = { healthy: 'good', tight: 'fair', critical: 'poor' } as const;

/** A startup's cash as seen from outside, and its colour. */
function startupCash(ctx: ReadContext, s: StartupState): { text: string; tone: string } {
  const { state, tr } = ctx;
  if (s.status === 'bankrupt') return { text: tr('rivals.bankrupt'), tone: 'poor' };
  if (s.status === 'acquired') return { text: tr('rivals.acquired'), tone: '' };
  const health = cashHealth(runwayQuarters(state, s.id));
  return { text: `${HEALTH_MARK[health]} ${tr(`rivals.${health}`)}`, tone: HEALTH_TONE[health] };
}

/** The company column: emblem, name and a tag (no pretraining, backed by an investor). */
function companyCell(ctx: ReadContext, id: string, name: string, tags = ''): HTMLElement {
  return h(
    'th',
    { attrs: { scope: 'row' } },
    emblem(ctx.level, id),
    h('span', { text: name }),
    tags ? h('small', { class: 'rival-tag', text: tags }) : null,
  );
}

function startupRow(ctx: ReadContext, s: StartupState, rankOf: (id: string) => string): HTMLElement {
  const { state, level, tr, lang } = ctx;
  const you = s.id === state.playerId;
  const cash = startupCash(ctx, s);
  const tags = [
    s.pretrainingAbandoned ? tr('rivals.noPretraining') : '',
    s.strategic ? tr('rivals.backedBy', { name: actorName(lang, level, s.strategic) }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const active = s.status === 'active';
  return h(
    'tr',
    { class: `${you ? 'you' : ''} ${!active ? 'gone' : ''}` },
    companyCell(ctx, s.id, `${actorName(lang, level, s.id)}${you ? tr('rivals.you') : ''}`, tags),
    h('td', { class: 'num-cell', text: active ? `${quality(s.quality)} ${rankOf(s.id)}` : '—' }),
    h('td', { class: 'num-cell', text: active && !s.pretrainingAbandoned ? price(s.apiPrice) : '—' }),
    h('td', { class: 'num-cell', text: count(lang, s.domesticUsers + s.overseasUsers) }),
    h('td', { class: `cash-cell ${cash.tone}`, text: you ? '' : cash.text }),
  );
}

function giantRow(ctx: ReadContext, g: GiantState, rankOf: (id: string) => string): HTMLElement {
  const { level, tr, lang } = ctx;
  return h(
    'tr',
    { class: `giant ${g.active ? '' : 'gone'}` },
    companyCell(ctx, g.id, actorName(lang, level, g.id)),
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
  );
}

/** The table's columns and their headings. */
function tableHead(ctx: ReadContext): HTMLElement[] {
  const { tr } = ctx;
  return [
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
  ];
}

export function rivalsPanel(ctx: ReadContext): HTMLElement {
  const { state, tr } = ctx;
  const ranks = qualityRanks(state);
  const rankOf = (id: string) => {
    const r = ranks.get(id);
    return r === undefined ? '—' : `#${r}`;
  };
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
        tableHead(ctx),
        h(
          'tbody',
          {},
          state.startups.map((s) => startupRow(ctx, s, rankOf)),
          state.giants.map((g) => giantRow(ctx, g, rankOf)),
        ),
      ),
    ),
  );
}
