// Key figures of the company, each with its "how this is computed" text, reachable by keyboard
// (the tile takes focus and the explanation is its description); the made-it goal line above them.

import { count, money, pct, quality, runway } from '../../app/format';
import { goalItems } from '../../app/goal-text';
import type { TextKey } from '../../app/i18n';
import { tn } from '../../app/i18n';
import { change } from '../../app/panel-figures';
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
import type { FigureProps } from '../widgets/figure';
import { figure } from '../widgets/figure';
import type { ReadContext } from './context';
import { runwayClass, runwayIcon } from './plan';

/** A key figure as the panel lists it: its label's key, and its explanation's text. */
type Kpi = Omit<FigureProps, 'label' | 'how'> & { label: TextKey; how: string };

/** The company's cash figures: cash, runway, revenue (with its change), operating profit. */
function cashKpis(ctx: ReadContext): Kpi[] {
  const { me, level, state, tr, lang } = ctx;
  const hist = state.history;
  const last = hist[hist.length - 1];
  const rec = last?.companies.find((c) => c.id === me.id);
  const prevRec = hist[hist.length - 2]?.companies.find((c) => c.id === me.id);
  const rw = runwayQuarters(state, me.id);
  const delta = change(rec?.revenue, prevRec?.revenue);
  return [
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
      sub: delta ? `${delta.up ? '▲' : '▼'} ${money(lang, delta.by)}` : undefined,
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
  ];
}

/** The model and its users: quality (against the frontier and the best at home) and users. */
function productKpis(ctx: ReadContext): Kpi[] {
  const { me, level, state, tr, lang } = ctx;
  const m = level.market;
  return [
    {
      id: 'quality',
      label: 'kpi.quality',
      value: quality(me.quality),
      sub: tr('kpi.qualitySub', {
        frontier: quality(economy.at(level.macro.frontierQuality, state.turn)),
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
  ];
}

/** What the company is worth and how it burns: valuation, the founder's equity, burn multiple, API share. */
function ownerKpis(ctx: ReadContext): Kpi[] {
  const { me, level, state, tr, lang } = ctx;
  const last = state.history[state.history.length - 1];
  const bm = burnMultiple(state, me.id);
  const share = last ? (apiMarketShares(last).providers.find((p) => p.id === me.id)?.share ?? 0) : 0;
  return [
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
}

export function kpiPanel(ctx: ReadContext): HTMLElement {
  const { tr } = ctx;
  const kpis = [...cashKpis(ctx), ...productKpis(ctx), ...ownerKpis(ctx)];
  return h(
    'section',
    { class: 'card kpis', attrs: { 'aria-labelledby': 'kpi-title' } },
    h('h2', { id: 'kpi-title', text: tr('kpi.title') }),
    goalLine(ctx),
    h(
      'div',
      { class: 'kpi-grid' },
      kpis.map((k) => figure({ ...k, label: tr(k.label), how: { title: tr('kpi.how'), text: k.how } })),
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
