// Quarter results: the P&L waterfall of the quarter just played, the cash bridge, charts over
// time, the quarter's news (the player's own first, the rivals' folded), and below them the "why"
// panel (panels/why.ts) of what moved the figures. Enter (or Continue) goes on to the next quarter
// or the ending.

import { money, runway, signedMoney } from '../../app/format';
import { levelText } from '../../app/i18n';
import { runwayQuarters } from '../../engine/index';
import { h, isTextEntry } from '../dom';
import { SCENES } from '../keys';
import { historyCharts, quarterWaterfall } from '../panels/history-charts';
import { emblem } from '../panels/names';
import { runwayClass, runwayIcon } from '../panels/plan';
import { resultsNews } from '../panels/results-news';
import { whyButton, whyPanel } from '../panels/why';
import { prepareDashboard } from '../prefetch';
import { ScreenScene } from '../screen';

export class Results extends ScreenScene {
  protected override animated = false;

  constructor() {
    super(SCENES.results);
  }

  protected override setup(): void {
    if (!this.app.session) return;
    this.app.setScreen('results');
    this.onKey((e) => {
      if (e.key === 'Enter' && !e.repeat && !isTextEntry(e.target)) {
        const el = e.target as HTMLElement | null;
        if (el && (el.tagName === 'BUTTON' || el.tagName === 'A')) return;
        e.preventDefault();
        this.next();
      }
    });
  }

  override create(data: object): void {
    super.create(data);
    if (!this.app.session) this.go(SCENES.title);
    else prepareDashboard(this.app.session.level, this.app.session.state);
  }

  private next(): void {
    const st = this.app.session?.state;
    this.go(st?.ending ? SCENES.ending : SCENES.dashboard);
  }

  protected render(): void {
    const session = this.app.session;
    if (!session) return;
    const { level, state } = session;
    const lang = this.app.lang;
    const rec = state.history[state.history.length - 1];
    const me = state.startups.find((s) => s.id === state.playerId)!;
    const mine = rec?.companies.find((c) => c.id === me.id);
    const spec = level.companies.find((c) => c.id === me.id);
    const rw = runwayQuarters(state, me.id);
    const startCash = mine ? mine.cash - mine.operatingProfit - mine.funding : me.cash;
    const bridge = mine
      ? h(
          'ol',
          { class: 'cash-bridge', attrs: { 'aria-label': this.tr('results.bridge') } },
          h(
            'li',
            {},
            h('span', { text: this.tr('results.cashStart') }),
            h('strong', { text: money(lang, startCash) }),
          ),
          h(
            'li',
            { class: mine.operatingProfit >= 0 ? 'up' : 'down' },
            h('span', { text: this.tr('wf.profit') }),
            h('strong', { text: signedMoney(lang, mine.operatingProfit) }),
          ),
          h(
            'li',
            { class: 'up' },
            h('span', { text: this.tr('results.funding') }),
            h('strong', { text: signedMoney(lang, mine.funding) }),
          ),
          h(
            'li',
            { class: 'total' },
            h('span', { text: this.tr('results.cashEnd') }),
            h('strong', { text: money(lang, mine.cash) }),
          ),
        )
      : null;
    const profit = mine?.operatingProfit ?? 0;
    const why = whyPanel(lang, level, state);
    this.root.replaceChildren(
      h(
        'div',
        { class: 'page results' },
        h(
          'header',
          { class: 'page-head results-head' },
          emblem(level, me.id, 'emblem md'),
          h(
            'div',
            { class: 'results-title' },
            h('h1', { text: this.tr('results.title', { quarter: rec?.quarter ?? '' }) }),
            h('span', { class: 'muted', text: spec ? levelText(lang, spec.name) : me.id }),
          ),
          h(
            'div',
            { class: 'headline' },
            h(
              'div',
              { class: `fig ${profit >= 0 ? 'good' : 'poor'}` },
              h('span', { class: 'muted', text: this.tr(profit >= 0 ? 'results.profit' : 'results.loss') }),
              h('strong', { text: money(lang, Math.abs(profit)) }),
            ),
            h(
              'div',
              { class: 'fig' },
              h('span', { class: 'muted', text: this.tr('kpi.cash') }),
              h('strong', { text: money(lang, me.cash) }),
            ),
            h(
              'div',
              { class: 'fig' },
              h('span', { class: 'muted', text: this.tr('kpi.runway') }),
              h('strong', {
                class: `runway-value ${runwayClass(rw)}`,
                text: `${runwayIcon(rw)} ${runway(lang, rw)}`,
              }),
            ),
          ),
          why ? whyButton(lang) : null,
          h(
            'button',
            {
              id: 'btn-continue',
              class: 'btn primary big',
              attrs: { 'data-autofocus': true, 'aria-keyshortcuts': 'Enter' },
              on: { click: () => this.next() },
            },
            state.ending ? this.tr('results.toEnding') : this.tr('results.next'),
            h('kbd', { text: '↵' }),
          ),
        ),
        h(
          'div',
          { class: 'results-grid' },
          h(
            'section',
            { class: 'card wf-card', attrs: { 'aria-label': this.tr('wf.title') } },
            quarterWaterfall(lang, level, state),
            bridge,
          ),
          h(
            'section',
            { class: 'charts-grid', attrs: { 'aria-label': this.tr('results.charts') } },
            historyCharts(lang, level, state),
          ),
          resultsNews(lang, level, state),
        ),
        why,
      ),
    );
  }
}
