// The replay viewer's "moment": the dashboard as it stood at a frame (key figures and rivals,
// the charts and the quarter's P&L, the decisions that led there, and the news).

import type { TimelineEntry } from '../../app/debrief';
import type { Language, TextKey } from '../../app/i18n';
import type { Frame, Timeline } from '../../app/timeline';
import { playerOf } from '../../engine/index';
import { h } from '../dom';
import type { ReadContext } from '../panels/context';
import { historyCharts, quarterWaterfall } from '../panels/history-charts';
import { kpiPanel } from '../panels/kpis';
import { newsPanel } from '../panels/news';
import { rivalsPanel } from '../panels/rivals';

type Tr = (key: TextKey, params?: Record<string, string | number>) => string;

export interface MomentProps {
  lang: Language;
  tr: Tr;
  tl: Timeline;
  frame: Frame;
  /** The quarter whose decisions led here (app/viewer-nav.ts decidedQuarter), and those decisions. */
  decided: string | null;
  decisions: readonly TimelineEntry[];
}

function decisionsCard(p: MomentProps): HTMLElement | null {
  if (p.decided === null) return null;
  return h(
    'section',
    { class: 'card viewer-decisions', attrs: { 'aria-labelledby': 'decisions-title' } },
    h('h2', { id: 'decisions-title', text: p.tr('viewer.decisions', { quarter: p.decided }) }),
    p.decisions.length
      ? h(
          'ol',
          { id: 'viewer-decisions', class: 'timeline-list', attrs: { tabindex: 0 } },
          p.decisions.map((e) => h('li', { class: e.kind }, h('span', { text: e.text }))),
        )
      : h('p', { class: 'muted', text: p.tr('viewer.noDecisions') }),
  );
}

export function viewerMoment(p: MomentProps): HTMLElement {
  const { lang, tr, frame } = p;
  const { level } = p.tl;
  const state = frame.state;
  const ctx: ReadContext = { lang, level, state, me: playerOf(state), tr };
  const wf = quarterWaterfall(lang, level, state);
  wf?.classList.add('viewer-wf');
  const charts =
    state.history.length > 0
      ? [...historyCharts(lang, level, state), wf]
      : [h('p', { class: 'muted', text: tr('viewer.noHistory') })];
  return h(
    'div',
    { id: 'viewer-moment', class: 'viewer-grid', attrs: { 'data-turn': frame.turn } },
    h('div', { class: 'viewer-col' }, kpiPanel(ctx), rivalsPanel(ctx)),
    h('section', { class: 'viewer-charts', attrs: { 'aria-label': tr('results.charts') } }, charts),
    h('div', { class: 'viewer-col' }, decisionsCard(p), newsPanel(lang, level, state)),
  );
}
