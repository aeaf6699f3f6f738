// Key figures of the company, each with its "how this is computed" text, reachable by keyboard
// (the tile takes focus and the explanation is its description).

import { count, money, pct, quality, runway } from '../../app/format';
import { goalItems } from '../../app/goal-text';
import type { TextKey } from '../../app/i18n';
import { tn } from '../../app/i18n';
import {
  apiMarketShares,
  burnMultiple,
  economy,
  founderEquity,
  madeItProgress,
  quarterLabel,
  runwayQuarters,
} from '../../engine/index';
import { h } from '../dom';
import type { ReadContext } from './context';
import { runwayClass, runwayIcon } from './plan';

interface Kpi {
  id: string;
  label: TextKey;
  value: string;
  sub?: string;
  how: string;
  tone?: string;
}

export function kpiPanel(ctx: ReadContext): HTMLElement {
  const { me, level, state, tr, lang } = ctx;
  const hist = state.history;
  const last = hist[hist.length - 1];
  const prev = hist[hist.length - 2];
  const rec = last?.companies.find((c) => c.id === me.id);
  const prevRec = prev?.companies.find((c) => c.id === me.id);
  const rw = runwayQuarters(state, me.id);
  const frontier = economy.at(level.macro.frontierQuality, state.turn);
  const bm = burnMultiple(state, me.id);
  const share = last ? (apiMarketShares(last).providers.find((p) => p.id === me.id)?.share ?? 0) : 0;
  const delta = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined
      ? undefined
      : a - b >= 0
        ? `▲ ${money(lang, a - b)}`
        : `▼ ${money(lang, b - a)}`;
  const m = level.market;
  const kpis: Kpi[] = [
    { id: 'cash', label: 'kpi.cash', value: money(lang, me.cash), how: tr('how.cash') },
    {
      id: 'runway',
      label: 'kpi.runway',
      value: last ? `${runwayIcon(rw)} ${runway(lang, rw)}` : '—',
      tone: last ? runwayClass(rw) : '',
      how: tr('how.runway'),
    },
    {
      id: 'revenue',
      label: 'kpi.revenue',
      value: rec ? money(lang, rec.revenue) : '—',
      sub: delta(rec?.revenue, prevRec?.revenue),
      how: tr('how.revenue'),
    },
    {
      id: 'profit',
      label: 'kpi.profit',
      value: rec ? money(lang, rec.operatingProfit) : '—',
      tone: rec ? (rec.operatingProfit >= 0 ? 'good' : 'poor') : '',
      sub: me.profitStreak > 0 ? tn(lang, 'kpi.streak', me.profitStreak, { n: me.profitStreak }) : undefined,
      how: tr('how.profit', {
        quarters: level.endings.madeItQuarters,
        min: money(lang, level.endings.madeItMinRevenue),
        window: level.endings.madeItWindow,
      }),
    },
    {
      id: 'quality',
      label: 'kpi.quality',
      value: quality(me.quality),
      sub: tr('kpi.qualitySub', {
        frontier: quality(frontier),
        best: quality(state.market.bestDomesticQuality),
      }),
      how: tr('how.quality', {
        exponent: m.scalingExponent,
        c0: `${(m.scalingC0 * 1e21).toExponential(0).replace('e+', 'e')} FLOP`,
      }),
    },
    {
      id: 'users',
      label: 'kpi.users',
      value: count(lang, me.domesticUsers + me.overseasUsers),
      sub: tr('kpi.usersSub', {
        domestic: count(lang, me.domesticUsers),
        overseas: count(lang, me.overseasUsers),
      }),
      how: tr('how.users'),
    },
    {
      id: 'valuation',
      label: 'kpi.valuation',
      value: money(lang, me.valuation),
      how: tr('how.valuation', { anchor: Math.round(level.market.funding.anchorWeight * 100) }),
    },
    {
      id: 'equity',
      label: 'kpi.equity',
      value: money(lang, founderEquity(me)),
      sub: tr('kpi.ownership', { pct: pct(me.ownershipBp / 10_000, 1) }),
      how: tr('how.equity'),
    },
    {
      id: 'burn',
      label: 'kpi.burnMultiple',
      value: bm === 0 ? '0' : Number.isFinite(bm) ? `${bm.toFixed(1)}×` : '∞',
      how: tr('how.burnMultiple'),
    },
    { id: 'api', label: 'kpi.apiShare', value: pct(share, 1), how: tr('how.apiShare') },
  ];
  return h(
    'section',
    { class: 'card kpis', attrs: { 'aria-labelledby': 'kpi-title' } },
    h('h2', { id: 'kpi-title', text: tr('kpi.title') }),
    goalLine(ctx),
    h(
      'div',
      { class: 'kpi-grid' },
      kpis.map((k) =>
        h(
          'div',
          {
            id: `kpi-${k.id}`,
            class: `kpi ${k.tone ?? ''}`,
            attrs: { tabindex: 0, 'aria-describedby': `kpi-${k.id}-how` },
          },
          h(
            'span',
            { class: 'kpi-label' },
            tr(k.label),
            h('span', { class: 'how-mark', text: '?', attrs: { 'aria-hidden': 'true' } }),
          ),
          h('span', { class: 'kpi-value', text: k.value }),
          k.sub ? h('span', { class: 'kpi-sub', text: k.sub }) : null,
          h(
            'span',
            { id: `kpi-${k.id}-how`, class: 'how', attrs: { role: 'tooltip' } },
            h('strong', { text: tr('kpi.how') }),
            ' ',
            k.how,
          ),
        ),
      ),
    ),
  );
}

/**
 * The made-it goal, condition by condition for the last quarter (madeItProgress decides, goal-text
 * words it): a ✓ or ✗ shape and a colour for the eye, "(met)" / "(not met)" for a screen reader
 * (the list is named by its "Goal:" label). Once the company has made it — a game played on after
 * its made-it ending — "Made it in 2024Q4 ✓" instead.
 */
function goalLine(ctx: ReadContext): HTMLElement | null {
  const { me, level, state, tr, lang } = ctx;
  // Made it (a game played on after it): the milestone stands in place of the conditions.
  if (me.madeItTurn !== null)
    return h(
      'div',
      { id: 'goal-line', class: 'goal-line made-it' },
      h('span', {
        id: 'goal-made-it',
        text: tr('goal.madeIt', { quarter: quarterLabel(level, me.madeItTurn) }),
      }),
      ' ',
      h('span', { class: 'goal-mark', text: '✓', attrs: { 'aria-hidden': 'true' } }),
    );
  const progress = madeItProgress(level, state, me.id);
  if (!progress) return null;
  return h(
    'div',
    { id: 'goal-line', class: 'goal-line' },
    h('span', { id: 'goal-label', class: 'goal-label', text: tr('goal.label') }),
    h(
      'ul',
      { class: 'goal-items', attrs: { 'aria-labelledby': 'goal-label' } },
      goalItems(lang, progress).map((item) =>
        h(
          'li',
          {
            id: `goal-${item.id}`,
            class: `goal-item ${item.met ? 'met' : 'unmet'}`,
            attrs: { 'data-met': String(item.met) },
          },
          h('span', { class: 'goal-mark', text: item.met ? '✓' : '✗', attrs: { 'aria-hidden': 'true' } }),
          ' ',
          h('span', { class: 'goal-text', text: item.text }),
          ' ',
          h('span', { class: 'sr-only', text: tr(item.met ? 'goal.met' : 'goal.unmet') }),
        ),
      ),
    ),
  );
}
