// Quarter results: the P&L waterfall of the quarter just played, the cash bridge, charts over
// time, the quarter's news (the player's own first, the rivals' folded), and below them the "why"
// panel (panels/why.ts) of what moved the figures. Enter (or Continue) goes on to the next quarter
// or the ending.

import { cashBridge } from '../../app/cash-bridge';
import type { AppContext } from '../../app/context';
import { money, runway, signedMoney } from '../../app/format';
import type { Language } from '../../app/i18n';
import { levelText } from '../../app/i18n';
import type { GameState, Level } from '../../engine/index';
import { playerOf, runwayQuarters } from '../../engine/index';
import { h, isTextEntry } from '../dom';
import { SCENES } from '../keys';
import { historyCharts, quarterWaterfall } from '../panels/history-charts';
import { emblem } from '../panels/names';
import { runwayClass, runwayIcon } from '../panels/plan';
import { resultsNews } from '../panels/results-news';
import { whyButton, whyPanel } from '../panels/why';
import { prepareDashboard, whenIdle } from '../prefetch';
import { ScreenScene } from '../screen';
import { afterPaint } from '../screen-timing';
import type { Dashboard } from './Dashboard';

export class Results extends ScreenScene {
  protected override animated = false;

  constructor() {
    super(SCENES.results);
  }

  /** The results of ending the quarter from the dashboard's state, built ahead (prepareAhead). */
  private ahead: { root: HTMLElement; state: GameState; lang: Language } | null = null;
  /** That panel, when this start shows it (setup found it is the session's state): render takes it. */
  private adopting: HTMLElement | null = null;
  /** A build ahead waits for the next frame to be painted (prepareSoon). */
  private soon = false;

  protected override setup(): void {
    const ahead = this.ahead;
    this.ahead = null;
    const shows =
      ahead?.root.isConnected && ahead.state === this.app.session?.state && ahead.lang === this.app.lang;
    this.adopting = ahead && shows ? ahead.root : null;
    if (!shows) ahead?.root.remove();
    if (!this.app.session) return;
    this.app.setScreen('results');
    // The dashboard built ahead is in the old language: built again once the page is idle.
    this.addCleanup(this.app.onLanguage(() => whenIdle(() => this.buildNext())));
    this.onKey((e) => {
      if (e.key === 'Enter' && !e.repeat && !isTextEntry(e.target)) {
        const el = e.target as HTMLElement | null;
        if (el && (el.tagName === 'BUTTON' || el.tagName === 'A')) return;
        e.preventDefault();
        this.next(e.timeStamp);
      }
    });
  }

  override create(data: object): void {
    super.create(data);
    if (!this.app.session) this.go(SCENES.title);
    else {
      prepareDashboard(this.app.session.level, this.app.session.state);
      afterPaint(() => this.buildNext());
    }
  }

  /** The next dashboard built while the results are read, so Continue only shows it. */
  private buildNext(): void {
    if (!this.sys.isActive() || !this.app.session || this.app.session.state.ending) return;
    (this.scene.get(SCENES.dashboard) as Dashboard).prepareAhead(this.app);
  }

  /** On to the next screen; `at`: the time of the key or click that asked for it. */
  private next(at?: number): void {
    const st = this.app.session?.state;
    this.go(st?.ending ? SCENES.ending : SCENES.dashboard, undefined, at);
  }

  /**
   * Builds the results ahead (prepareAhead) once the next frame is painted, if `still` holds then:
   * one build however many changes came before it, for the state of that moment.
   */
  prepareSoon(app: AppContext, still: () => boolean): void {
    if (this.soon) return;
    this.soon = true;
    afterPaint(() => {
      this.soon = false;
      if (still()) this.prepareAhead(app);
    });
  }

  /**
   * Builds, while the player still plans (the dashboard asks for it, prepareSoon), the
   * results of ending the quarter now, hidden and laid out: ending it from this very state then
   * shows them. Kept while the state and the language are those it was built for. The next
   * quarter's forecast is then worked out too, once the page is idle: the dashboard built ahead
   * while the results are read needs it, and a quick Continue would otherwise wait for it.
   */
  prepareAhead(app: AppContext): void {
    const state = app.session?.quarterEndAhead();
    if (this.sys.isActive() || !state) return;
    if (this.ahead?.state === state && this.ahead.lang === app.lang && this.ahead.root.isConnected) return;
    this.ahead?.root.remove();
    this.app = app;
    const level = app.session!.level;
    this.ahead = { root: this.aheadRoot(this.page(level, state)), state, lang: app.lang };
    prepareDashboard(level, state);
  }

  protected render(): void {
    const session = this.app.session;
    if (!session) return;
    const adopted = this.adopting;
    this.adopting = null;
    if (adopted) this.adoptRoot(adopted);
    else this.root.replaceChildren(this.page(session.level, session.state));
  }

  /** The page for a state just after a quarter's end. */
  private page(level: Level, state: GameState): HTMLElement {
    const lang = this.app.lang;
    const why = whyPanel(lang, level, state);
    return h(
      'div',
      { class: 'page results' },
      this.head(level, state, why !== null),
      h(
        'div',
        { class: 'results-grid' },
        h(
          'section',
          { class: 'card wf-card', attrs: { 'aria-label': this.tr('wf.title') } },
          quarterWaterfall(lang, level, state),
          this.bridge(state),
        ),
        h(
          'section',
          { class: 'charts-grid', attrs: { 'aria-label': this.tr('results.charts') } },
          historyCharts(lang, level, state),
        ),
        resultsNews(lang, level, state),
      ),
      why,
    );
  }

  /** The heading: the quarter, the company, profit or loss, cash and runway, Why, Continue. */
  private head(level: Level, state: GameState, withWhy: boolean): HTMLElement {
    const lang = this.app.lang;
    const rec = state.history[state.history.length - 1];
    const me = playerOf(state);
    const spec = level.companies.find((c) => c.id === me.id);
    const profit = rec?.companies.find((c) => c.id === me.id)?.operatingProfit ?? 0;
    const rw = runwayQuarters(state, me.id);
    const fig = (cls: string, label: string, value: HTMLElement) =>
      h('div', { class: cls ? `fig ${cls}` : 'fig' }, h('span', { class: 'muted', text: label }), value);
    return h(
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
        fig(
          profit >= 0 ? 'good' : 'poor',
          this.tr(profit >= 0 ? 'results.profit' : 'results.loss'),
          h('strong', { text: money(lang, Math.abs(profit)) }),
        ),
        fig('', this.tr('kpi.cash'), h('strong', { text: money(lang, me.cash) })),
        fig(
          '',
          this.tr('kpi.runway'),
          h('strong', {
            class: `runway-value ${runwayClass(rw)}`,
            text: `${runwayIcon(rw)} ${runway(lang, rw)}`,
          }),
        ),
      ),
      withWhy ? whyButton(lang) : null,
      h(
        'button',
        {
          id: 'btn-continue',
          class: 'btn primary big',
          attrs: { 'data-autofocus': true, 'aria-keyshortcuts': 'Enter' },
          on: { click: (e) => this.next(e.timeStamp) },
        },
        state.ending ? this.tr('results.toEnding') : this.tr('results.next'),
        h('kbd', { text: '↵' }),
      ),
    );
  }

  /** The cash bridge of the quarter (start, profit, funding, end); nothing without a record. */
  private bridge(state: GameState): HTMLElement | null {
    const mine = state.history.at(-1)?.companies.find((c) => c.id === state.playerId);
    if (!mine) return null;
    const lang = this.app.lang;
    const b = cashBridge(mine);
    const step = (cls: string, label: string, value: string) =>
      h('li', cls ? { class: cls } : {}, h('span', { text: label }), h('strong', { text: value }));
    return h(
      'ol',
      { class: 'cash-bridge', attrs: { 'aria-label': this.tr('results.bridge') } },
      step('', this.tr('results.cashStart'), money(lang, b.start)),
      step(b.profit >= 0 ? 'up' : 'down', this.tr('wf.profit'), signedMoney(lang, b.profit)),
      step('up', this.tr('results.funding'), signedMoney(lang, b.funding)),
      step('total', this.tr('results.cashEnd'), money(lang, b.end)),
    );
  }
}
