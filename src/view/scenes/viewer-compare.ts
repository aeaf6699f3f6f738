// The replay viewer's comparison: a second code of the same level, its runs named (A and B, each
// label editable), how the two relate (a fork of the other, where they part), a table of the
// figures at the frame on screen and a line chart per figure with both runs.

import { count, money, moneyAxis, price, quality, signedMoney } from '../../app/format';
import type { Language, TextKey } from '../../app/i18n';
import type { CompareMetric, Comparison, Timeline } from '../../app/timeline';
import { COMPARE_METRICS, valueAtTurn } from '../../app/timeline';
import { quarterLabel } from '../../engine/index';
import type { Series } from '../charts';
import { lineChart } from '../charts';
import { h } from '../dom';
import { COLORS, DASHES, SERIES } from '../theme';

type Tr = (key: TextKey, params?: Record<string, string | number>) => string;

export const RUNS = ['a', 'b'] as const;
export type Run = (typeof RUNS)[number];
const RUN_STYLE: Record<Run, { color: string; dash: string }> = {
  a: { color: COLORS.you, dash: DASHES[0] },
  b: { color: SERIES[0], dash: DASHES[1] },
};
export const LABEL_MAX = 40;

export interface ComparisonProps {
  lang: Language;
  tr: Tr;
  a: Timeline;
  b: Timeline;
  c: Comparison;
  /** Quarters resolved at the frame on screen. */
  turn: number;
  labels: Record<Run, string>;
  /** A label edited (already trimmed and cut to LABEL_MAX; '' for the default). */
  onLabel: (run: Run, label: string) => void;
  /** "after 2024Q2"-style name of a branch point of a run. */
  keptUpTo: (tl: Timeline, turn: number) => string;
}

const runName = (p: ComparisonProps, run: Run) => `${run.toUpperCase()} · ${p.labels[run]}`;
const isMoney = (m: CompareMetric) => m === 'cash' || m === 'revenue' || m === 'operatingProfit';

function formatter(lang: Language): Record<CompareMetric, (v: number) => string> {
  return {
    cash: (v) => money(lang, v),
    revenue: (v) => money(lang, v),
    operatingProfit: (v) => money(lang, v),
    apiPrice: (v) => price(v),
    quality: (v) => quality(v),
    mau: (v) => count(lang, v),
  };
}

function labelField(p: ComparisonProps, run: Run): HTMLElement {
  const input = h('input', {
    id: `run-label-${run}`,
    class: 'run-label',
    attrs: { type: 'text', maxlength: LABEL_MAX, spellcheck: 'false' },
    on: {
      change: (e) => p.onLabel(run, (e.currentTarget as HTMLInputElement).value.trim().slice(0, LABEL_MAX)),
    },
  });
  input.value = p.labels[run];
  return h(
    'label',
    { class: 'inline-field run-label-field', attrs: { 'data-run': run } },
    h('span', {
      class: 'run-swatch',
      style: { '--run': RUN_STYLE[run].color },
      attrs: { 'aria-hidden': 'true' },
    }),
    h('span', { text: p.tr('viewer.compare.label', { run: run.toUpperCase() }) }),
    input,
  );
}

/** How the runs relate: one a fork of the other (and where), where they part or that they are the same. */
function relation(p: ComparisonProps): string {
  const { c, tr } = p;
  let text = '';
  if (c.fork)
    text = tr('viewer.compare.forkOf', {
      child: c.fork.child.toUpperCase(),
      parent: c.fork.child === 'a' ? 'B' : 'A',
      quarter: p.keptUpTo(c.fork.child === 'a' ? p.a : p.b, c.fork.turn),
    });
  if (c.partsAt !== undefined) {
    const parts =
      c.partsAt === null
        ? tr('viewer.compare.same')
        : tr('viewer.compare.parts', { quarter: c.x[c.partsAt] ?? '' });
    text = text ? `${text} ${parts}` : parts;
  }
  return text;
}

function compareTable(p: ComparisonProps): HTMLElement {
  const { lang, tr, c, turn } = p;
  const fmt = formatter(lang);
  const diff = (m: CompareMetric, va: number | null, vb: number | null): string => {
    if (va === null || vb === null) return '—';
    const d = vb - va;
    if (isMoney(m)) return signedMoney(lang, d);
    return `${d > 0 ? '+' : d < 0 ? '−' : ''}${fmt[m](Math.abs(d))}`;
  };
  const at =
    turn > 0
      ? tr('viewer.compare.at', { quarter: quarterLabel(p.a.level, turn - 1) })
      : tr('viewer.compare.atStart');
  const value = (run: Run, v: number | null, m: CompareMetric) =>
    h('td', {
      class: 'num-cell',
      text: v === null ? '—' : fmt[m](v),
      attrs: { 'data-run': run, 'data-value': v ?? undefined },
    });
  return h(
    'table',
    { id: 'compare-table', class: 'compare-table', attrs: { 'data-turn': turn } },
    h('caption', { text: at }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { text: tr('viewer.compare.metric'), attrs: { scope: 'col' } }),
        RUNS.map((run) => h('th', { text: runName(p, run), attrs: { scope: 'col', 'data-run': run } })),
        h('th', { text: tr('viewer.compare.diff'), attrs: { scope: 'col' } }),
      ),
    ),
    h(
      'tbody',
      {},
      COMPARE_METRICS.map((m) => {
        const va = valueAtTurn(c.a[m], turn);
        const vb = valueAtTurn(c.b[m], turn);
        return h(
          'tr',
          { attrs: { 'data-metric': m } },
          h('th', {
            text: tr(m === 'apiPrice' ? 'viewer.metric.apiPriceShort' : `viewer.metric.${m}`),
            attrs: { scope: 'row' },
          }),
          value('a', va, m),
          value('b', vb, m),
          h('td', { class: 'num-cell', text: diff(m, va, vb) }),
        );
      }),
    ),
  );
}

/** One figure's chart with both runs, the frame on screen marked; the API price on a log scale. */
function compareChart(p: ComparisonProps, m: CompareMetric): HTMLElement {
  const { lang, c, turn } = p;
  const log = m === 'apiPrice';
  const series: Series[] = RUNS.map((run) => ({
    key: run,
    label: runName(p, run),
    values: (run === 'a' ? c.a : c.b)[m].map((v) => (v === null || (log && v <= 0) ? null : v)),
    color: RUN_STYLE[run].color,
    dash: RUN_STYLE[run].dash,
    width: run === 'a' ? 3 : 2.5,
  }));
  const fig = lineChart({
    title: p.tr(`viewer.metric.${m}`),
    x: c.x.map((q) => q.replace(/^20/, '')),
    series,
    format: isMoney(m) ? (v: number) => moneyAxis(lang, Math.round(v)) : formatter(lang)[m],
    ...(log
      ? {
          log: true,
          axisFormat: (v: number) => `¥${v >= 1 ? v.toFixed(0) : String(Number(v.toPrecision(1)))}`,
        }
      : {}),
    zero: m !== 'quality',
    ...(turn > 0 ? { marker: turn - 1 } : {}),
  });
  fig.setAttribute('data-metric', m);
  return fig;
}

export function comparisonView(p: ComparisonProps): HTMLElement {
  const text = relation(p);
  return h(
    'div',
    { class: 'compare-body' },
    h('div', { class: 'compare-labels' }, labelField(p, 'a'), labelField(p, 'b')),
    text ? h('p', { id: 'compare-relation', class: 'small', text }) : null,
    h(
      'div',
      { class: 'compare-grid' },
      compareTable(p),
      h(
        'div',
        { id: 'compare-charts', class: 'compare-charts' },
        COMPARE_METRICS.map((m) => compareChart(p, m)),
      ),
    ),
  );
}
