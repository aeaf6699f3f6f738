// The instructor's three class charts of the valid codes (data: src/app/class-charts.ts): score
// against pretraining share, score by price-war response with each strip's median, and endings per
// company. Each ending has a colour and a marker shape, for colour-blind readers.

import type { EndingClass, WarGroup } from '../../app/class-charts';
import { classCharts, classCompanyOrder, ENDING_CLASSES, WAR_GROUPS } from '../../app/class-charts';
import { money, moneyAxis } from '../../app/format';
import type { Language, TextKey } from '../../app/i18n';
import { findLevel } from '../../app/levels';
import type { ClassResult } from '../../app/verify';
import { PRICE_WAR_QUARTER } from '../../app/verify';
import type { MarkerShape } from '../charts';
import { scatterChart, stackedBars } from '../charts';
import { h } from '../dom';

type Tr = (key: TextKey, params?: Record<string, string | number>) => string;

/** Each ending's colour and marker (shape as well as colour, for colour-blind readers). */
const ENDING_STYLE: Record<EndingClass, { color: string; shape: MarkerShape }> = {
  'made-it': { color: '#2cb58f', shape: 'circle' },
  acquired: { color: '#56b4e9', shape: 'square' },
  'times-up': { color: '#f5c542', shape: 'diamond' },
  'out-of-money': { color: '#e8703a', shape: 'triangle' },
  unfinished: { color: '#a8b3c4', shape: 'ring' },
};

const ENDING_KEYS: Record<EndingClass, TextKey> = {
  'made-it': 'class.ending.made-it',
  acquired: 'class.ending.acquired',
  'times-up': 'class.ending.times-up',
  'out-of-money': 'class.ending.out-of-money',
  unfinished: 'class.ending.unfinished',
};

const WAR_KEYS: Record<WarGroup, TextKey> = {
  undercut: 'class.war.undercut',
  matched: 'class.war.matched',
  premium: 'class.war.premium',
  none: 'class.war.none',
};

export interface ChartWords {
  lang: Language;
  tr: Tr;
  /** A company's name as the class's rows show it. */
  companyLabel: (company: string) => string;
}

/** The section of the three charts (or a line saying there is no valid code to chart). */
export function classChartsSection(res: ClassResult, w: ChartWords): HTMLElement {
  const { lang, tr } = w;
  const data = classCharts(
    res.rows,
    classCompanyOrder(res.rows, (id) => findLevel(id)?.player.companies),
  );
  const section = h(
    'section',
    { id: 'instructor-charts', class: 'instructor-charts', attrs: { 'data-valid': data.valid } },
    h('h2', { text: tr('instructor.charts') }),
  );
  if (data.valid === 0) {
    section.append(h('p', { class: 'muted', text: tr('class.points', { n: 0 }) }));
    return section;
  }
  const groups = ENDING_CLASSES.filter((e) => data.endings.counts[e].some((n) => n > 0)).map((e) => ({
    id: e,
    label: tr(ENDING_KEYS[e]),
    ...ENDING_STYLE[e],
  }));
  const rowsByIndex = new Map(res.rows.map((r) => [r.index, r]));
  const pointTitle = (p: { index: number; score: number; ending: EndingClass }) =>
    tr('class.point', {
      name: rowsByIndex.get(p.index)?.name || tr('instructor.noName'),
      score: money(lang, p.score),
      ending: tr(ENDING_KEYS[p.ending]),
    });
  const summary = tr('class.points', { n: data.valid });
  const format = (v: number) => moneyAxis(lang, v);
  const outcome = scatterChart({
    title: tr('class.outcome.title'),
    xLabel: tr('class.outcome.x'),
    yLabel: tr('class.score'),
    x: { min: 0, max: 1, format: (v) => `${Math.round(v * 100)}%` },
    points: data.outcome.map((p) => ({ x: p.share, y: p.score, group: p.ending, title: pointTitle(p) })),
    groups,
    format,
    summary,
  });
  outcome.id = 'chart-class-outcome';
  const war = scatterChart({
    title: tr('class.war.title'),
    xLabel: tr('class.war.x', { quarter: PRICE_WAR_QUARTER }),
    yLabel: tr('class.score'),
    x: { categories: WAR_GROUPS.map((g) => tr(WAR_KEYS[g])) },
    points: data.war.flatMap((strip, i) =>
      strip.points.map((p) => ({ x: i + p.offset * 0.6, y: p.score, group: p.ending, title: pointTitle(p) })),
    ),
    groups,
    format,
    marks: data.war.flatMap((strip, i) =>
      strip.median === null ? [] : [{ x: i, y: strip.median, label: moneyAxis(lang, strip.median) }],
    ),
    summary,
  });
  war.id = 'chart-class-war';
  const endings = stackedBars({
    title: tr('class.endings.title'),
    x: data.endings.companies.map((c) => w.companyLabel(c)),
    stacks: groups.map((g) => ({ label: g.label, color: g.color, values: data.endings.counts[g.id] })),
    format: (v) => String(v),
    xLabel: tr('class.endings.x'),
    yLabel: tr('class.endings.y'),
    integer: true,
    summary,
  });
  endings.id = 'chart-class-endings';
  section.append(h('div', { class: 'instructor-chart-grid' }, outcome, war, endings));
  if (data.outcomeMissing > 0)
    section.append(h('p', { class: 'muted', text: tr('class.missing', { n: data.outcomeMissing }) }));
  return section;
}
