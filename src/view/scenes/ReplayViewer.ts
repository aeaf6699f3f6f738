// The replay viewer: a verified code re-simulated quarter by quarter (src/app/timeline.ts). Step
// forward and back (← / →, Home / End, or the quarter strip) and see the dashboard's key figures,
// rivals, charts, the quarter's P&L and news as they stood at that moment, with the decisions taken
// in that quarter (the ones that led there). Fork a new game from any quarter boundary (it opens on
// the dashboard and its code records where it branched), or load a second code of the same level
// and see both runs on shared charts. Read-only: nothing here changes a game (a fork replaces the saved
// game only after the player says yes), and nothing a code carries is inserted as HTML.

import type { TimelineEntry } from '../../app/debrief';
import { timeline as decisionsOf } from '../../app/debrief';
import { forkAt } from '../../app/fork';
import { count, money, moneyAxis, price, quality, signedMoney } from '../../app/format';
import type { TextKey } from '../../app/i18n';
import { levelText, t } from '../../app/i18n';
import { findLevel } from '../../app/levels';
import type { SavedRef } from '../../app/links';
import { decideFork, savedRefOf } from '../../app/links';
import { extractCode } from '../../app/replay-code';
import type { CompareMetric, Comparison, Frame, Timeline } from '../../app/timeline';
import { COMPARE_METRICS, compareRuns, runEndingText, timelineOfCode, valueAtTurn } from '../../app/timeline';
import { quarterLabel } from '../../engine/index';
import type { Series } from '../charts';
import { lineChart } from '../charts';
import { h, isTextEntry, replaceContent } from '../dom';
import { SCENES } from '../keys';
import { askOver } from '../panels/confirm';
import type { ReadContext } from '../panels/context';
import { historyCharts, quarterWaterfall } from '../panels/history-charts';
import { kpiPanel } from '../panels/kpis';
import { emblem } from '../panels/names';
import { newsPanel } from '../panels/news';
import { forgetAddressLink, replayFromUrl } from '../panels/replay-code';
import { replayProblem } from '../panels/replay-problem';
import { rivalsPanel } from '../panels/rivals';
import { gameLabel } from '../panels/tab-conflict';
import { ScreenScene } from '../screen';
import { COLORS, DASHES, SERIES } from '../theme';
import '../replay-viewer.css';

interface ViewerData {
  /** The code to watch (otherwise the page address's). */
  code?: string;
  /** Where Back and Escape lead: the Load replay code screen (default) or the ending. */
  back?: 'replay' | 'ending';
}

const RUNS = ['a', 'b'] as const;
type Run = (typeof RUNS)[number];
const RUN_STYLE: Record<Run, { color: string; dash: string }> = {
  a: { color: COLORS.you, dash: DASHES[0] },
  b: { color: SERIES[0], dash: DASHES[1] },
};
const LABEL_MAX = 40;

export class ReplayViewer extends ScreenScene<ViewerData> {
  protected override animated = false;
  private code = '';
  private back: 'replay' | 'ending' = 'replay';
  private tl: Timeline | null = null;
  private problem = '';
  private index = 0;
  private other: Timeline | null = null;
  private comparison: Comparison | null = null;
  private compareText = '';
  private compareMessage = '';
  private labels: Record<Run, string> = { a: '', b: '' };
  private forkMessage = '';
  /** The question put before a fork replaces the saved game, while it is up. */
  private confirmLayer: HTMLElement | null = null;
  /** The run's key decisions in the language they were worded in (re-simulating the log once). */
  private decisions: { lang: string; entries: TimelineEntry[] } | null = null;

  constructor() {
    super(SCENES.viewer);
  }

  protected override setup(data: ViewerData): void {
    this.code = extractCode(data.code ?? replayFromUrl() ?? '');
    this.back = data.back ?? 'replay';
    this.tl = null;
    this.problem = '';
    this.index = 0;
    this.other = null;
    this.comparison = null;
    this.compareText = '';
    this.compareMessage = '';
    this.labels = { a: '', b: '' };
    this.forkMessage = '';
    this.decisions = null;
    this.confirmLayer = null;
    this.addCleanup(() => this.confirmLayer?.remove());
    const r = timelineOfCode(this.code, findLevel);
    if (r.ok) this.tl = r.timeline;
    else this.problem = replayProblem(this.app.lang, r.outcome);
    this.onKey((e) => this.onKeyDown(e));
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (this.confirmLayer) return; // the fork's question takes the keys while it is up
    if (e.key === 'Escape') {
      e.preventDefault();
      this.leave();
      return;
    }
    if (!this.tl || isTextEntry(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    const last = this.tl.frames.length - 1;
    const to =
      e.key === 'ArrowLeft'
        ? this.index - 1
        : e.key === 'ArrowRight'
          ? this.index + 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    if (to === null) return;
    e.preventDefault();
    this.show(to);
  }

  private leave(): void {
    if (this.back === 'ending' && this.app.session?.state.ending) this.go(SCENES.ending);
    else this.go(SCENES.replay, { code: this.code });
  }

  /** Moves to a frame (clamped) and redraws, keeping focus and scroll. */
  private show(index: number): void {
    if (!this.tl) return;
    const to = Math.max(0, Math.min(this.tl.frames.length - 1, index));
    if (to === this.index) return;
    this.index = to;
    this.forkMessage = '';
    this.render();
    // ◀ / ▶ are disabled at the ends; keep the keyboard on the strip rather than losing focus.
    const active = document.activeElement;
    if (!active || active === document.body || (active as HTMLButtonElement).disabled)
      this.root.querySelector<HTMLElement>(`#viewer-stop-${to}`)?.focus({ preventScroll: true });
  }

  private fork(): void {
    const tl = this.tl;
    const frame = tl?.frames[this.index];
    if (!tl || !frame?.forkable || this.confirmLayer) return;
    const r = forkAt(tl.replay, tl.level, frame.turn);
    if (!r.ok) {
      this.forkMessage = this.tr('viewer.forkFailed');
      this.render();
      return;
    }
    const start = () => {
      this.app.startFork(r.fork);
      // A replay link has done its work: a reload resumes the fork rather than asking about the link.
      forgetAddressLink();
      this.go(SCENES.dashboard);
    };
    // The fork replaces the saved game: with one saved, the player says yes first (src/app/links.ts).
    const d = decideFork(this.app.saved ? savedRefOf(this.app.saved) : null);
    if (d.kind === 'fork') start();
    else this.askFork(d.saved, start);
  }

  /** "This replaces your saved game (…). Fork anyway?" over the viewer; Cancel or Escape keep everything. */
  private askFork(saved: SavedRef, yes: () => void): void {
    askOver(
      this.root,
      this.app.lang,
      'fork-confirm',
      {
        title: this.tr('viewer.forkConfirm.title'),
        text: this.tr('viewer.forkConfirm.text', { game: gameLabel(this.app.lang, saved) }),
        yes: this.tr('viewer.forkConfirm.yes'),
        cancel: this.tr('common.cancel'),
      },
      yes,
      '#btn-fork',
      (layer) => {
        this.confirmLayer = layer;
      },
    );
  }

  private loadCompare(): void {
    const tl = this.tl;
    if (!tl) return;
    const text = extractCode(this.compareText);
    this.comparison = null;
    this.other = null;
    if (!text) {
      this.compareMessage = this.tr('viewer.compare.empty');
    } else {
      const r = timelineOfCode(text, findLevel);
      if (!r.ok) {
        this.compareMessage = this.tr('viewer.compare.invalid', {
          why: replayProblem(this.app.lang, r.outcome),
        });
      } else {
        const c = compareRuns(tl, r.timeline);
        if (!c.ok) {
          const lvl = r.timeline.level;
          this.compareMessage = this.tr('viewer.compare.otherLevel', {
            level: levelText(this.app.lang, lvl.name),
          });
        } else {
          this.other = r.timeline;
          this.comparison = c.comparison;
          this.compareMessage = '';
          this.labels = { a: this.defaultLabel(tl), b: this.defaultLabel(r.timeline) };
        }
      }
    }
    this.render();
    if (this.comparison)
      this.root.querySelector<HTMLElement>('#compare-charts')?.scrollIntoView({ block: 'nearest' });
  }

  private clearCompare(): void {
    this.other = null;
    this.comparison = null;
    this.compareMessage = '';
    this.render();
    this.root.querySelector<HTMLElement>('#compare-input')?.focus();
  }

  private companyName(tl: Timeline): string {
    const spec = tl.level.companies.find((c) => c.id === tl.replay.company);
    return spec ? levelText(this.app.lang, spec.name) : tl.replay.company;
  }

  private defaultLabel(tl: Timeline): string {
    return this.tr('viewer.compare.runDefault', { company: this.companyName(tl), seed: tl.replay.seed });
  }

  /** "after 2024Q2"-style name of a branch point (the last quarter kept). */
  private keptUpTo(tl: Timeline, turn: number): string {
    return turn > 0 ? quarterLabel(tl.level, turn - 1) : this.tr('viewer.start');
  }

  private endingText(tl: Timeline): string {
    return runEndingText(this.app.lang, tl);
  }

  private frameShort(f: Frame): string {
    if (f.kind === 'end') return this.tr('viewer.end');
    if (f.turn === 0) return this.tr('viewer.start');
    return f.state.history[f.turn - 1]!.quarter.replace(/^20/, '');
  }

  private frameTitle(tl: Timeline, f: Frame): string {
    if (f.kind === 'end')
      return `${this.tr('viewer.at.end', { quarter: quarterLabel(tl.level, f.turn) })} · ${this.endingText(tl)}`;
    if (f.turn === 0) return this.tr('viewer.at.start', { quarter: quarterLabel(tl.level, 0) });
    const text = this.tr('viewer.at.quarter', {
      quarter: f.state.history[f.turn - 1]!.quarter,
      n: f.turn,
      total: tl.level.quarters,
    });
    return f.state.ending ? `${text} · ${this.tr(`ending.${f.state.ending.kind}.title`)}` : text;
  }

  protected render(): void {
    const tl = this.tl;
    if (!tl) {
      this.root.replaceChildren(
        h(
          'div',
          { class: 'page info viewer' },
          this.pageHead('viewer.title', () => this.leave(), true),
          h(
            'section',
            { class: 'card replay-result bad', attrs: { role: 'status' } },
            h('h2', { text: this.tr('replay.status.invalid') }),
            h('p', { id: 'viewer-problem', text: this.problem }),
          ),
        ),
      );
      return;
    }
    const lang = this.app.lang;
    const frame = tl.frames[this.index]!;
    const { level, replay } = tl;
    const spec = level.companies.find((c) => c.id === replay.company);
    const head = h(
      'header',
      { class: 'page-head viewer-head', style: { '--company': spec?.color ?? COLORS.accent } },
      h('button', {
        id: 'btn-back',
        class: 'btn ghost',
        text: `← ${this.tr('common.back')}`,
        attrs: { 'aria-keyshortcuts': 'Escape' },
        on: { click: () => this.leave() },
      }),
      h('h1', { text: this.tr('viewer.title') }),
      h(
        'div',
        { class: 'viewer-run' },
        emblem(level, replay.company, 'emblem md'),
        h(
          'div',
          {},
          h('strong', {
            id: 'viewer-run',
            text: this.tr('viewer.run', {
              company: this.companyName(tl),
              level: levelText(lang, level.name),
              seed: replay.seed,
            }),
          }),
          h(
            'span',
            { class: 'muted small' },
            this.endingText(tl),
            replay.branch
              ? ` · ${this.tr('viewer.forkOf', { quarter: this.keptUpTo(tl, replay.branch.turn) })}`
              : '',
          ),
        ),
      ),
    );
    const last = tl.frames.length - 1;
    const strip = h(
      'nav',
      { class: 'viewer-strip', attrs: { 'aria-label': this.tr('viewer.quarters') } },
      h('button', {
        id: 'viewer-prev',
        class: 'btn',
        text: '◀',
        attrs: {
          'aria-label': this.tr('viewer.prev'),
          'aria-keyshortcuts': 'ArrowLeft',
          title: `${this.tr('viewer.prev')} (←)`,
          disabled: this.index === 0,
        },
        on: { click: () => this.show(this.index - 1) },
      }),
      h(
        'ol',
        { class: 'viewer-stops' },
        tl.frames.map((f, i) =>
          h(
            'li',
            {},
            h('button', {
              id: `viewer-stop-${i}`,
              class: `btn chip viewer-stop ${i === this.index ? 'on' : ''} ${f.kind === 'end' || (f.state.ending && i === last) ? 'ended' : ''}`,
              text: this.frameShort(f),
              attrs: {
                'aria-label': this.frameTitle(tl, f),
                'aria-current': i === this.index ? 'step' : undefined,
                'data-turn': f.turn,
              },
              on: { click: () => this.show(i) },
            }),
          ),
        ),
      ),
      h('button', {
        id: 'viewer-next',
        class: 'btn',
        text: '▶',
        attrs: {
          'aria-label': this.tr('viewer.next'),
          'aria-keyshortcuts': 'ArrowRight',
          title: `${this.tr('viewer.next')} (→)`,
          disabled: this.index === last,
          'data-autofocus': true,
        },
        on: { click: () => this.show(this.index + 1) },
      }),
    );
    const now = h(
      'div',
      { class: 'viewer-now' },
      h(
        'div',
        {},
        h('h2', {
          id: 'viewer-quarter',
          text: this.frameTitle(tl, frame),
          attrs: {
            'aria-live': 'polite',
            'data-frame': this.index,
            'data-turn': frame.turn,
            'data-hash': frame.hash,
          },
        }),
        h('p', { class: 'muted small', text: this.tr('viewer.keys') }),
      ),
      this.forkBlock(tl, frame),
    );
    replaceContent(
      this.root,
      h(
        'div',
        { class: 'page viewer' },
        head,
        strip,
        now,
        h(
          'div',
          { class: 'viewer-scroll', attrs: { 'data-keep-scroll': 'viewer' } },
          this.moment(tl, frame),
          this.compareSection(tl, frame),
        ),
      ),
    );
  }

  private forkBlock(tl: Timeline, frame: Frame): HTMLElement {
    const quarter = quarterLabel(tl.level, frame.turn);
    const unfinishedSave = this.app.saved !== null && this.app.saved.state.ending === null;
    return h(
      'div',
      { class: 'viewer-fork' },
      h('button', {
        id: 'btn-fork',
        class: 'btn primary',
        text: this.tr('viewer.fork', { quarter }),
        attrs: { disabled: !frame.forkable, 'aria-describedby': 'fork-help' },
        on: { click: () => this.fork() },
      }),
      h('p', {
        id: 'fork-help',
        class: 'muted small',
        text: frame.forkable
          ? `${this.tr('viewer.forkHelp', { quarter })}${unfinishedSave ? ` ${this.tr('viewer.forkReplaces')}` : ''}`
          : this.tr('viewer.forkEnded'),
      }),
      this.forkMessage
        ? h('p', {
            id: 'fork-message',
            class: 'warn-text small',
            text: this.forkMessage,
            attrs: { role: 'alert' },
          })
        : null,
    );
  }

  /** The dashboard of the moment: key figures and rivals, charts and the quarter's P&L, decisions and news. */
  private moment(tl: Timeline, frame: Frame): HTMLElement {
    const lang = this.app.lang;
    const { level } = tl;
    const state = frame.state;
    const me = state.startups.find((s) => s.id === state.playerId)!;
    const ctx: ReadContext = {
      lang,
      level,
      state,
      me,
      tr: (key: TextKey, params?: Record<string, string | number>) => t(lang, key, params),
    };
    // The decisions that led to this moment, in the quarter the tab is named after: a tab after
    // 2024Q2 lists 2024Q2's (the fork keeps them; its own decisions start in the next quarter).
    // The end of a game that stopped mid-quarter lists that quarter's so far; the start, none.
    const decided =
      frame.kind === 'end'
        ? quarterLabel(level, frame.turn)
        : frame.turn > 0
          ? state.history[frame.turn - 1]!.quarter
          : null;
    const decisions = decided === null ? null : this.decisionsIn(tl).filter((e) => e.quarter === decided);
    const wf = quarterWaterfall(lang, level, state);
    wf?.classList.add('viewer-wf');
    const charts =
      state.history.length > 0
        ? [...historyCharts(lang, level, state), wf]
        : [h('p', { class: 'muted', text: this.tr('viewer.noHistory') })];
    return h(
      'div',
      { id: 'viewer-moment', class: 'viewer-grid', attrs: { 'data-turn': frame.turn } },
      h('div', { class: 'viewer-col' }, kpiPanel(ctx), rivalsPanel(ctx)),
      h('section', { class: 'viewer-charts', attrs: { 'aria-label': this.tr('results.charts') } }, charts),
      h(
        'div',
        { class: 'viewer-col' },
        decisions
          ? h(
              'section',
              { class: 'card viewer-decisions', attrs: { 'aria-labelledby': 'decisions-title' } },
              h('h2', {
                id: 'decisions-title',
                text: this.tr('viewer.decisions', { quarter: decided ?? '' }),
              }),
              decisions.length
                ? h(
                    'ol',
                    { id: 'viewer-decisions', class: 'timeline-list', attrs: { tabindex: 0 } },
                    decisions.map((e) => h('li', { class: e.kind }, h('span', { text: e.text }))),
                  )
                : h('p', { class: 'muted', text: this.tr('viewer.noDecisions') }),
            )
          : null,
        newsPanel(lang, level, state),
      ),
    );
  }

  private decisionsIn(tl: Timeline): TimelineEntry[] {
    const lang = this.app.lang;
    if (this.decisions?.lang !== lang) {
      const { levelId, seed, company, log } = tl.replay;
      this.decisions = { lang, entries: decisionsOf(lang, tl.level, { levelId, seed, company }, log) };
    }
    return this.decisions.entries;
  }

  private compareSection(tl: Timeline, frame: Frame): HTMLElement {
    const field = h('textarea', {
      id: 'compare-input',
      class: 'replay-code-field',
      attrs: {
        rows: 2,
        spellcheck: 'false',
        autocomplete: 'off',
        'aria-label': this.tr('viewer.compare.input'),
      },
      on: {
        input: (e) => {
          this.compareText = (e.currentTarget as HTMLTextAreaElement).value;
        },
        keydown: (e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            this.loadCompare();
          }
        },
      },
    });
    field.value = this.compareText;
    const c = this.comparison;
    const other = this.other;
    return h(
      'section',
      {
        id: 'viewer-compare',
        class: 'card viewer-compare',
        attrs: { 'aria-labelledby': 'compare-title', 'data-runs': c ? 'a b' : 'a' },
      },
      h('h2', { id: 'compare-title', text: this.tr('viewer.compare.title') }),
      h('p', { class: 'muted small', text: this.tr('viewer.compare.intro') }),
      h(
        'div',
        { class: 'compare-form' },
        field,
        h(
          'div',
          { class: 'compare-buttons' },
          h('button', {
            id: 'btn-compare',
            class: 'btn',
            text: this.tr('viewer.compare.load'),
            on: { click: () => this.loadCompare() },
          }),
          c
            ? h('button', {
                id: 'btn-compare-clear',
                class: 'btn ghost',
                text: this.tr('viewer.compare.clear'),
                on: { click: () => this.clearCompare() },
              })
            : null,
        ),
      ),
      h('p', {
        id: 'compare-message',
        class: this.compareMessage ? 'warn-text small' : 'small',
        text: this.compareMessage,
        attrs: { role: 'status' },
      }),
      c && other ? this.comparisonView(tl, other, c, frame) : null,
    );
  }

  private runName(run: Run): string {
    return `${run.toUpperCase()} · ${this.labels[run]}`;
  }

  private comparisonView(a: Timeline, b: Timeline, c: Comparison, frame: Frame): HTMLElement {
    const lang = this.app.lang;
    const labelField = (run: Run) => {
      const input = h('input', {
        id: `run-label-${run}`,
        class: 'run-label',
        attrs: { type: 'text', maxlength: LABEL_MAX, spellcheck: 'false' },
        on: {
          change: (e) => {
            const v = (e.currentTarget as HTMLInputElement).value.trim().slice(0, LABEL_MAX);
            this.labels[run] = v || this.defaultLabel(run === 'a' ? a : b);
            this.render();
          },
        },
      });
      input.value = this.labels[run];
      return h(
        'label',
        { class: 'inline-field run-label-field', attrs: { 'data-run': run } },
        h('span', {
          class: 'run-swatch',
          style: { '--run': RUN_STYLE[run].color },
          attrs: { 'aria-hidden': 'true' },
        }),
        h('span', { text: this.tr('viewer.compare.label', { run: run.toUpperCase() }) }),
        input,
      );
    };
    let relation = '';
    if (c.fork)
      relation = this.tr('viewer.compare.forkOf', {
        child: c.fork.child.toUpperCase(),
        parent: c.fork.child === 'a' ? 'B' : 'A',
        quarter: this.keptUpTo(c.fork.child === 'a' ? a : b, c.fork.turn),
      });
    if (c.partsAt !== undefined) {
      const parts =
        c.partsAt === null
          ? this.tr('viewer.compare.same')
          : this.tr('viewer.compare.parts', { quarter: c.x[c.partsAt] ?? '' });
      relation = relation ? `${relation} ${parts}` : parts;
    }
    const turn = frame.turn;
    const fmt: Record<CompareMetric, (v: number) => string> = {
      cash: (v) => money(lang, v),
      revenue: (v) => money(lang, v),
      operatingProfit: (v) => money(lang, v),
      apiPrice: (v) => price(v),
      quality: (v) => quality(v),
      mau: (v) => count(lang, v),
    };
    const diff = (m: CompareMetric, va: number | null, vb: number | null): string => {
      if (va === null || vb === null) return '—';
      const d = vb - va;
      if (m === 'cash' || m === 'revenue' || m === 'operatingProfit') return signedMoney(lang, d);
      return `${d > 0 ? '+' : d < 0 ? '−' : ''}${fmt[m](Math.abs(d))}`;
    };
    const at =
      turn > 0
        ? this.tr('viewer.compare.at', { quarter: quarterLabel(a.level, turn - 1) })
        : this.tr('viewer.compare.atStart');
    const table = h(
      'table',
      { id: 'compare-table', class: 'compare-table', attrs: { 'data-turn': turn } },
      h('caption', { text: at }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { text: this.tr('viewer.compare.metric'), attrs: { scope: 'col' } }),
          RUNS.map((run) => h('th', { text: this.runName(run), attrs: { scope: 'col', 'data-run': run } })),
          h('th', { text: this.tr('viewer.compare.diff'), attrs: { scope: 'col' } }),
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
              text: this.tr(m === 'apiPrice' ? 'viewer.metric.apiPriceShort' : `viewer.metric.${m}`),
              attrs: { scope: 'row' },
            }),
            h('td', {
              class: 'num-cell',
              text: va === null ? '—' : fmt[m](va),
              attrs: { 'data-run': 'a', 'data-value': va ?? undefined },
            }),
            h('td', {
              class: 'num-cell',
              text: vb === null ? '—' : fmt[m](vb),
              attrs: { 'data-run': 'b', 'data-value': vb ?? undefined },
            }),
            h('td', { class: 'num-cell', text: diff(m, va, vb) }),
          );
        }),
      ),
    );
    const x = c.x.map((q) => q.replace(/^20/, ''));
    const marker = turn > 0 ? turn - 1 : undefined;
    const moneyAxisFmt = (v: number) => moneyAxis(lang, Math.round(v));
    const chart = (m: CompareMetric) => {
      const log = m === 'apiPrice';
      const series: Series[] = RUNS.map((run) => ({
        key: run,
        label: this.runName(run),
        values: (run === 'a' ? c.a : c.b)[m].map((v) => (v === null || (log && v <= 0) ? null : v)),
        color: RUN_STYLE[run].color,
        dash: RUN_STYLE[run].dash,
        width: run === 'a' ? 3 : 2.5,
      }));
      const fig = lineChart({
        title: this.tr(`viewer.metric.${m}`),
        x,
        series,
        format: m === 'cash' || m === 'revenue' || m === 'operatingProfit' ? moneyAxisFmt : fmt[m],
        ...(log
          ? {
              log: true,
              axisFormat: (v: number) => `¥${v >= 1 ? v.toFixed(0) : String(Number(v.toPrecision(1)))}`,
            }
          : {}),
        zero: m !== 'quality',
        ...(marker !== undefined ? { marker } : {}),
      });
      fig.setAttribute('data-metric', m);
      return fig;
    };
    return h(
      'div',
      { class: 'compare-body' },
      h('div', { class: 'compare-labels' }, labelField('a'), labelField('b')),
      relation ? h('p', { id: 'compare-relation', class: 'small', text: relation }) : null,
      h(
        'div',
        { class: 'compare-grid' },
        table,
        h('div', { id: 'compare-charts', class: 'compare-charts' }, COMPARE_METRICS.map(chart)),
      ),
    );
  }
}
