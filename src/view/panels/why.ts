// The results screen's "why" panel: per market the users (projects, tokens) gained and lost, the
// cost of one acquired and the revenue per one; per role the hires asked, filled, cut, left and
// poached; the valuation's parts and what moved them since last quarter. Every figure is the
// engine's record (CompanyRecord.flows) as src/app/why.ts reads it; each cell carries its raw
// number in data-value.

import { count, integer, money, pct, price, signedMoney } from '../../app/format';
import type { Language, TextKey } from '../../app/i18n';
import { t } from '../../app/i18n';
import type { MarketWhy, ValuationPart } from '../../app/why';
import { marketNotes, marketWhy, playerFlows, staffWhy, valuationWhy } from '../../app/why';
import type { CompanyFlows, GameState, Level } from '../../engine/index';
import type { Child } from '../dom';
import { h } from '../dom';

type Tr = (key: TextKey, params?: Record<string, string | number>) => string;

/** A table cell showing `text`, with the figure it shows in data-key / data-value. */
function cell(key: string, value: number | null, ...text: Child[]): HTMLTableCellElement {
  return h('td', { class: 'num', attrs: { 'data-key': key, 'data-value': value ?? undefined } }, ...text);
}

const sub = (text: string) => h('span', { class: 'why-sub', text });

function amount(lang: Language, tr: Tr, m: MarketWhy, n: number): string {
  if (m.unit === 'users') return count(lang, n);
  if (m.unit === 'deals') return tr('why.deals', { n });
  return tr('why.tokens', { n: integer(lang, Math.round(n)) });
}

function marketRow(lang: Language, tr: Tr, m: MarketWhy): HTMLTableRowElement {
  const name = h('th', { attrs: { scope: 'row' }, text: tr(`market.${m.market}`) });
  if (!m.open)
    return h(
      'tr',
      { class: 'closed', attrs: { 'data-market': m.market } },
      name,
      h('td', { attrs: { colspan: 6 }, class: 'muted', text: tr('why.closedMarket') }),
    );
  const dash = '—';
  const per = (v: number | null) => {
    if (v === null) return dash;
    if (m.unit === 'deals') return tr('why.perDeal', { v: money(lang, Math.round(v)) });
    if (m.unit === 'tokens') return tr('why.perMTokens', { v: price(v) });
    return tr('why.perUser', { v: price(v) });
  };
  return h(
    'tr',
    { attrs: { 'data-market': m.market } },
    name,
    cell(
      'start',
      m.start,
      m.start === null ? dash : amount(lang, tr, m, m.start),
      m.fromEvents !== 0 ? sub(tr('why.fromEvents', { n: signedCount(lang, m.fromEvents) })) : null,
    ),
    cell(
      'gained',
      m.gained,
      `${m.gained > 0 ? '+' : ''}${amount(lang, tr, m, m.gained)}`,
      m.bought !== null && m.organic !== null
        ? sub(tr('why.gainedSplit', { bought: count(lang, m.bought), organic: count(lang, m.organic) }))
        : null,
    ),
    cell(
      'lost',
      m.unit === 'tokens' ? null : m.lost,
      m.unit === 'tokens' ? dash : `${m.lost > 0 ? '−' : ''}${amount(lang, tr, m, m.lost)}`,
      m.churned !== null && m.shocked !== null
        ? sub(tr('why.lostSplit', { churned: count(lang, m.churned), shocked: count(lang, m.shocked) }))
        : null,
    ),
    cell('end', m.end, m.end === null ? dash : amount(lang, tr, m, m.end)),
    cell('cost', m.costPerAcquired, per(m.costPerAcquired)),
    cell('revenue', m.revenuePer, per(m.revenuePer)),
  );
}

function signedCount(lang: Language, n: number): string {
  return n > 0 ? `+${count(lang, n)}` : count(lang, n);
}

function marketsBlock(lang: Language, level: Level, tr: Tr, f: CompanyFlows): HTMLElement {
  const rows = marketWhy(level, f);
  const notes = marketNotes(f);
  const cols: TextKey[] = [
    'why.col.market',
    'why.col.start',
    'why.col.gained',
    'why.col.lost',
    'why.col.end',
    'why.col.cost',
    'why.col.revenue',
  ];
  return h(
    'div',
    { class: 'why-block why-markets' },
    h('h3', { text: tr('why.markets') }),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { id: 'why-markets', class: 'why-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            cols.map((k) => h('th', { attrs: { scope: 'col' }, text: tr(k) })),
          ),
        ),
        h(
          'tbody',
          {},
          rows.map((m) => marketRow(lang, tr, m)),
        ),
      ),
    ),
    level.markets.enterprise
      ? h('p', {
          class: 'muted small',
          text: tr('why.enterpriseNote', {
            custom:
              notes.customisationPerDeal === null ? '—' : money(lang, Math.round(notes.customisationPerDeal)),
          }),
        })
      : null,
    level.markets.api
      ? h('p', {
          class: 'muted small',
          text: tr('why.apiNote', {
            share: pct(notes.apiShare, 1),
            cost: notes.servingPerMTokens === null ? '—' : price(notes.servingPerMTokens),
          }),
        })
      : null,
  );
}

function staffBlock(lang: Language, tr: Tr, f: CompanyFlows): HTMLElement {
  const keys = ['previous', 'fromEvents', 'asked', 'filled', 'cut', 'left', 'poached', 'end'] as const;
  const heads: TextKey[] = [
    'why.col.role',
    'why.col.start',
    'why.col.cards',
    'why.col.asked',
    'why.col.filled',
    'why.col.cut',
    'why.col.left',
    'why.col.poached',
    'why.col.end',
  ];
  return h(
    'div',
    { class: 'why-block why-people' },
    h('h3', { text: tr('why.people') }),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { id: 'why-staff', class: 'why-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            heads.map((k) => h('th', { attrs: { scope: 'col' }, text: tr(k) })),
          ),
        ),
        h(
          'tbody',
          {},
          staffWhy(f).map((r) =>
            h(
              'tr',
              { attrs: { 'data-role': r.role } },
              h('th', { attrs: { scope: 'row' }, text: tr(`role.${r.role}`) }),
              keys.map((k) =>
                cell(k, r[k], k === 'fromEvents' && r[k] > 0 ? `+${r[k]}` : integer(lang, r[k])),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** The valuation's parts, from last quarter's mark to this one's, each with its change since last quarter. */
function valuationTable(lang: Language, level: Level, tr: Tr, f: CompanyFlows, last: CompanyFlows | null) {
  const v = valuationWhy(f, last);
  // A round that failed moves the mark down (the round part is then negative): named as such.
  const label = (part: ValuationPart, value: number): string =>
    part === 'anchor'
      ? tr('why.val.anchor', { w: pct(level.market.funding.anchorWeight) })
      : part === 'round' && value < 0
        ? tr('why.val.roundFailed')
        : tr(`why.val.${part}`);
  const row = (part: string, name: string, value: number, change: number | null, cls = '') =>
    h(
      'tr',
      { class: cls, attrs: { 'data-part': part } },
      h('th', { attrs: { scope: 'row' }, text: name }),
      cell('value', value, money(lang, value)),
      part === 'previous'
        ? h('td')
        : cell('change', change, change === null ? '—' : signedMoney(lang, change)),
    );
  // Rounding and a round's change are shown only when they moved something.
  const shown = v.parts.filter(
    (p) => (p.part !== 'rounding' && p.part !== 'round') || p.value !== 0 || (p.change ?? 0) !== 0,
  );
  return h(
    'table',
    { id: 'why-valuation', class: 'why-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        (['why.col.part', 'why.col.value', 'why.col.change'] as const).map((k) =>
          h('th', { attrs: { scope: 'col' }, text: tr(k) }),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      row('previous', tr('why.val.previous'), v.previous, null, 'muted'),
      shown.map((p) => row(p.part, label(p.part, p.value), p.value, p.change)),
      row('total', tr('why.val.total'), v.value, v.value - v.previous, 'total'),
    ),
  );
}

/** The valuation's parts, the drivers of its terms, and a round investors decided on. */
function valuationBlock(lang: Language, level: Level, tr: Tr, f: CompanyFlows, last: CompanyFlows | null) {
  const d = f.valuation;
  const round = f.round;
  return h(
    'div',
    { class: 'why-block why-valuation' },
    h('h3', { text: tr('why.valuation') }),
    valuationTable(lang, level, tr, f, last),
    h('p', {
      class: 'muted small',
      text: tr('why.val.drivers', {
        climate: d.climate.toFixed(2),
        focus: pct(d.focus),
        growth: `${d.growth > 0 ? '+' : ''}${pct(d.growth)}`,
        rank: d.rank.toFixed(2),
        margin: d.marginFactor.toFixed(2),
      }),
    }),
    round
      ? h('p', {
          id: 'why-round',
          class: 'small',
          attrs: { 'data-chance': round.chance, 'data-closed': round.closed },
          text: tr('why.round', {
            chance: pct(round.chance),
            result: tr(round.closed ? 'why.roundClosed' : 'why.roundFailed'),
            price: money(lang, round.price),
            amount: money(lang, round.amount),
            dilution: pct(round.dilutionBp / 10_000, 1),
            fee: money(lang, round.fee),
          }),
        })
      : null,
  );
}

/** The "why" panel of the quarter just played; null before any quarter (or for a company out of the game). */
export function whyPanel(lang: Language, level: Level, state: GameState): HTMLElement | null {
  const tr: Tr = (key, params) => t(lang, key, params);
  const { now, last } = playerFlows(state);
  if (!now) return null;
  return h(
    'section',
    { id: 'why', class: 'card why', attrs: { 'aria-labelledby': 'why-title' } },
    h('h2', { id: 'why-title', text: tr('why.title') }),
    h(
      'div',
      { class: 'why-grid' },
      marketsBlock(lang, level, tr, now),
      staffBlock(lang, tr, now),
      valuationBlock(lang, level, tr, now, last),
    ),
  );
}

/** The results header's button that scrolls down to the panel. */
export function whyButton(lang: Language): HTMLElement {
  return h('button', {
    id: 'btn-why',
    class: 'btn ghost',
    text: t(lang, 'why.jump'),
    attrs: { 'aria-controls': 'why' },
    on: { click: () => document.getElementById('why')?.scrollIntoView({ block: 'start' }) },
  });
}
