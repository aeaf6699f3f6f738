// The instructor's view: paste a class's replay codes (one per line, "name, code", or a CSV with
// name/code columns) or drop/open a text or CSV file; Verify re-simulates every code, scores the
// valid games against par and ranks them by percentile among the par reference runs (world by
// world, with a warning when the class spans several levels or seeds; a duplicate is listed under
// the first submission of its game, not ranked), and shows a table (with each game's level, seed
// and the game it was forked from) with a progress bar on the way, three class charts (outcome vs
// pretraining share, price-war response vs score, endings per company), and Download CSV saves
// the table (UTF-8 with BOM). Refusals are worded in the player's language, which can be switched
// here. Codes and names go in as text only.

import type { ClassCharts, EndingClass, WarGroup } from '../../app/class-charts';
import { classCharts, ENDING_CLASSES, WAR_GROUPS } from '../../app/class-charts';
import { money, moneyAxis, signedMoney } from '../../app/format';
import type { Language, TextKey } from '../../app/i18n';
import { LANGUAGES, levelText } from '../../app/i18n';
import { findLevel } from '../../app/levels';
import { refusalText, rowEndingText, statusText } from '../../app/outcome-text';
import type { ClassProgress, ClassResult, ClassRow } from '../../app/verify';
import {
  classCsv,
  classWorlds,
  forkParentOf,
  PRICE_WAR_QUARTER,
  parseCodeList,
  verifyClass,
} from '../../app/verify';
import { PAR_RUNS } from '../../engine/index';
import { quarterLabel } from '../../engine/level';
import type { BaselinePool } from '../baseline-pool';
import { startBaselinePool } from '../baseline-pool';
import type { MarkerShape } from '../charts';
import { scatterChart, stackedBars } from '../charts';
import { h, type Props } from '../dom';
import { SCENES } from '../keys';
import { ScreenScene } from '../screen';

const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' };

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

export class Instructor extends ScreenScene {
  /** A work page: the backdrop holds still, so verifying a class has the main thread to itself. */
  protected override animated = false;
  private pasted = '';
  private result: ClassResult | null = null;
  private running: AbortController | null = null;
  private progress: ClassProgress | null = null;
  /**
   * The par workers, started when the screen opens (they load the engine and the levels while
   * the instructor pastes) and kept for the visit, so a second Verify finds them warm.
   */
  private pool: Promise<BaselinePool | null> = Promise.resolve(null);

  constructor() {
    super(SCENES.instructor);
  }

  protected override setup(): void {
    this.result = null;
    this.running = null;
    this.onKey((e) => {
      if (e.key === 'Escape') this.leave();
    });
    this.addCleanup(() => this.running?.abort());
    const pool = startBaselinePool().catch(() => null);
    this.pool = pool;
    this.addCleanup(() => void pool.then((p) => p?.close()));
  }

  private leave(): void {
    this.running?.abort();
    this.go(SCENES.title);
  }

  private setText(id: string, text: string): void {
    const el = this.root.querySelector(`#${id}`);
    if (el) el.textContent = text;
  }

  private showProgress(p: ClassProgress): void {
    this.progress = p;
    const bar = this.root.querySelector<HTMLProgressElement>('#instructor-progress');
    if (bar) {
      // While the codes are read the work ahead is not known yet: an indeterminate bar.
      if (p.phase === 'read') bar.removeAttribute('value');
      else {
        bar.max = Math.max(1, p.total);
        bar.value = p.done;
      }
      bar.hidden = false;
    }
    const text = this.summary();
    const status = this.root.querySelector('#instructor-status');
    // Only when it changes: the line is a live region, read out on every change.
    if (status && status.textContent !== text) status.textContent = text;
  }

  private async verify(): Promise<void> {
    if (this.running) return;
    const entries = parseCodeList(this.pasted);
    this.result = null;
    this.root.querySelector('#instructor-result')?.replaceWith(this.table());
    if (entries.length === 0) {
      this.setText('instructor-status', this.tr('instructor.empty'));
      return;
    }
    const ctrl = new AbortController();
    this.running = ctrl;
    this.progress = null;
    const btn = this.root.querySelector<HTMLButtonElement>('#btn-instructor-verify');
    if (btn) btn.disabled = true;
    performance.mark('six-tigers:instructor:verify');
    // Worlds' par reference runs go to the worker threads (queued as soon as the codes are read);
    // the page plays those no worker has started once its codes are verified, and all of them
    // when there are no workers or one fails.
    const pool = await this.pool;
    try {
      const result = await verifyClass(entries, findLevel, {
        sliceMs: 30,
        signal: ctrl.signal,
        onProgress: (p) => this.showProgress(p),
        ...(pool ? { baselineService: pool.service } : {}),
      });
      if (ctrl.signal.aborted) return;
      this.result = result;
      this.progress = null;
      this.setText('instructor-status', this.summary());
      this.root.querySelector('#instructor-result')?.replaceWith(this.table());
      // For the browser figures: the table and charts are built; mark once they are painted.
      requestAnimationFrame(() =>
        window.setTimeout(() => performance.mark('six-tigers:instructor:verified'), 0),
      );
    } catch {
      // Aborted: the screen is gone or the instructor cancelled.
    } finally {
      pool?.drop();
      if (this.running === ctrl) this.running = null;
      this.progress = null;
      // The language may have changed meanwhile (a re-render): look the controls up again.
      const again = this.root.querySelector<HTMLButtonElement>('#btn-instructor-verify');
      if (again) again.disabled = false;
      const bar = this.root.querySelector<HTMLProgressElement>('#instructor-progress');
      if (bar) bar.hidden = true;
    }
  }

  /** The line under the bar: progress while verifying, the counts once done. */
  private summary(): string {
    if (this.progress?.phase === 'baseline') return this.tr('par.progress', { n: PAR_RUNS });
    if (this.progress)
      return this.tr(this.progress.phase === 'read' ? 'instructor.progressRead' : 'instructor.progress');
    if (!this.result) return '';
    const total = this.result.rows.length;
    const valid = this.result.counts.valid;
    return this.tr('instructor.summary', { total, valid, refused: total - valid });
  }

  private download(): void {
    if (!this.result) return;
    const csv = classCsv(this.result.rows);
    const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = h('a', { attrs: { href: url, download: 'six-tigers-class.csv' } });
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private async readFile(file: File | undefined): Promise<void> {
    if (!file) return;
    const text = await file.text();
    this.pasted = text.replace(/^\uFEFF/, '');
    const field = this.root.querySelector<HTMLTextAreaElement>('#instructor-input');
    if (field) field.value = this.pasted;
  }

  /** Why a code was refused, with its details, in the player's language. */
  private reason(r: ClassRow): string {
    return r.reason ? refusalText(this.app.lang, r.reason) : statusText(this.app.lang, r.status);
  }

  private companyName(r: ClassRow): string {
    if (!r.company) return '—';
    const spec = findLevel(r.levelId ?? '')?.companies.find((c) => c.id === r.company);
    return spec ? levelText(this.app.lang, spec.name) : r.company;
  }

  private decisions(r: ClassRow): string {
    const d = r.decisions;
    if (!d) return '—';
    const share = d.avgPretrainingShare === null ? '—' : `${(d.avgPretrainingShare * 100).toFixed(0)}%`;
    const war = this.tr(d.priceWarResponse ? `instructor.war.${d.priceWarResponse}` : 'instructor.war.none');
    return this.tr('instructor.decisions', { share, war, raised: money(this.app.lang, d.fundingRaised) });
  }

  private levelName(levelId: string | null): string {
    if (levelId === null) return '—';
    const level = findLevel(levelId);
    return level ? levelText(this.app.lang, level.name) : levelId;
  }

  /** A row named for the instructor: the student's name and the line of the list it came from. */
  private who(r: ClassRow): string {
    return r.name
      ? this.tr('instructor.who', { name: r.name, line: r.line })
      : this.tr('instructor.whoLine', { line: r.line });
  }

  /** The game a fork was made from (the class's row holding it, else its hash) and the last quarter kept. */
  private forkedFrom(r: ClassRow, rows: readonly ClassRow[]): string {
    if (!r.forkedFrom) return '—';
    const level = findLevel(r.levelId ?? '');
    const turn = r.forkedFrom.turn;
    const quarter = level && turn > 0 ? quarterLabel(level, turn - 1) : this.tr('viewer.start');
    const parent = forkParentOf(rows, r);
    const game = parent
      ? this.who(parent)
      : this.tr('instructor.forkedFromHash', { hash: `${r.forkedFrom.parentHash.slice(0, 8)}…` });
    return this.tr('instructor.forkedFrom', { game, quarter });
  }

  /** The warning above the table when the valid codes come from more than one world, else null. */
  private worldsWarning(rows: readonly ClassRow[]): HTMLElement | null {
    const worlds = classWorlds(rows);
    if (worlds.length < 2) return null;
    const list = worlds
      .map((w) =>
        this.tr('instructor.world', { level: this.levelName(w.levelId), seed: w.seed ?? '—', n: w.codes }),
      )
      .join(this.tr('instructor.worldsJoin'));
    return h('p', {
      id: 'instructor-worlds',
      class: 'notice warn',
      text: this.tr('instructor.worlds', { n: worlds.length, worlds: list }),
      attrs: { role: 'note', 'data-worlds': worlds.length },
    });
  }

  private table(): HTMLElement {
    const res = this.result;
    if (!res) return h('section', { id: 'instructor-result', class: 'instructor-result' });
    const cols = [
      'instructor.col.rank',
      'instructor.col.name',
      'instructor.col.status',
      'instructor.col.level',
      'instructor.col.seed',
      'instructor.col.company',
      'instructor.col.ending',
      'instructor.col.score',
      'par.col.difference',
      'instructor.col.percentile',
      'instructor.col.decisions',
      'instructor.col.forkedFrom',
    ] as const;
    const explain = this.tr('par.explain', { n: PAR_RUNS });
    const head = { scope: 'col', role: 'columnheader' };
    // Each cell names its column (a phone shows a row as a card of name: value lines; style.css).
    const cell = (col: (typeof cols)[number], props: Props) =>
      h('td', { ...props, attrs: { ...props.attrs, role: 'cell', 'data-label': this.tr(col) } });
    const byIndex = new Map(res.rows.map((r) => [r.index, r]));
    const body = res.rows.map((r) => {
      const valid = r.status === 'valid';
      const first = r.duplicateOf === null ? undefined : byIndex.get(r.duplicateOf);
      const status = !valid
        ? this.tr('instructor.refused', { why: this.reason(r) })
        : (first ? this.tr('instructor.duplicate', { who: this.who(first) }) : this.tr('instructor.valid')) +
          (r.baselineError ? this.tr('par.failed') : '');
      return h(
        'tr',
        {
          class: valid ? 'good' : 'bad',
          attrs: {
            role: 'row',
            'data-status': r.status,
            'data-line': r.line,
            ...(first ? { 'data-duplicate-of-line': first.line } : {}),
          },
        },
        cell('instructor.col.rank', { text: r.rank === null ? '—' : String(r.rank) }),
        cell('instructor.col.name', { class: 'name', text: r.name || this.tr('instructor.noName') }),
        cell('instructor.col.status', {
          class: 'status',
          text: status,
          attrs: { title: statusText(this.app.lang, r.status) },
        }),
        cell('instructor.col.level', {
          class: 'level',
          text: this.levelName(r.levelId),
          attrs: r.levelId === null ? {} : { title: `${r.levelId} v${r.levelVersion}` },
        }),
        cell('instructor.col.seed', { class: 'num seed', text: r.seed === null ? '—' : String(r.seed) }),
        cell('instructor.col.company', { text: this.companyName(r) }),
        cell('instructor.col.ending', { class: 'ending-kind', text: rowEndingText(this.app.lang, r) }),
        cell('instructor.col.score', {
          class: 'num score',
          text: r.score === null ? '—' : money(this.app.lang, r.score),
          // The score's parts (the engine's scoreParts, as in the CSV): on hover, and as data.
          attrs:
            r.equity === null || r.honours === null
              ? {}
              : {
                  title: this.tr('instructor.scoreParts', {
                    equity: money(this.app.lang, r.equity),
                    honours: money(this.app.lang, r.honours),
                  }),
                  'data-equity': r.equity,
                  'data-honours': r.honours,
                },
        }),
        cell('par.col.difference', {
          class: 'num par-difference',
          text: r.parDifference === null ? '—' : signedMoney(this.app.lang, r.parDifference),
          attrs: r.par === null ? {} : { 'data-par': r.par, 'data-par-difference': r.parDifference ?? '' },
        }),
        cell('instructor.col.percentile', { class: 'num', text: r.percentile?.toFixed(1) ?? '—' }),
        cell('instructor.col.decisions', { text: this.decisions(r) }),
        cell('instructor.col.forkedFrom', {
          class: 'forked-from',
          text: this.forkedFrom(r, res.rows),
          attrs: r.forkedFrom ? { title: r.forkedFrom.parentHash } : {},
        }),
      );
    });
    return h(
      'section',
      {
        id: 'instructor-result',
        class: 'card instructor-result',
        // Where the baselines were computed (worker threads or this page), for the browser tests.
        attrs: {
          'data-baselines-elsewhere': res.baselines.elsewhere,
          'data-baselines-here': res.baselines.here,
        },
      },
      h('button', {
        id: 'btn-instructor-download',
        class: 'btn primary',
        text: this.tr('instructor.download'),
        on: { click: () => this.download() },
      }),
      this.worldsWarning(res.rows),
      this.charts(res),
      h(
        'div',
        { class: 'instructor-table-wrap' },
        h(
          'table',
          { id: 'instructor-table', class: 'instructor-table', attrs: { role: 'table' } },
          h(
            'thead',
            { attrs: { role: 'rowgroup' } },
            h(
              'tr',
              { attrs: { role: 'row' } },
              cols.map((c) =>
                h('th', {
                  text: this.tr(c),
                  attrs: { ...head, title: c === 'par.col.difference' ? explain : null },
                }),
              ),
            ),
          ),
          h('tbody', { attrs: { role: 'rowgroup' } }, body),
        ),
      ),
    );
  }

  private companyOrder(rows: readonly ClassRow[]): string[] {
    const order: string[] = [];
    for (const id of new Set(rows.map((r) => r.levelId).filter((x): x is string => x !== null)))
      for (const c of findLevel(id)?.player.companies ?? []) if (!order.includes(c)) order.push(c);
    return order;
  }

  private companyLabel(company: string, rows: readonly ClassRow[]): string {
    const r = rows.find((x) => x.company === company);
    return r ? this.companyName(r) : company;
  }

  /** The three class charts of the valid codes. */
  private charts(res: ClassResult): HTMLElement {
    const data: ClassCharts = classCharts(res.rows, this.companyOrder(res.rows));
    const lang = this.app.lang;
    const section = h(
      'section',
      { id: 'instructor-charts', class: 'instructor-charts', attrs: { 'data-valid': data.valid } },
      h('h2', { text: this.tr('instructor.charts') }),
    );
    if (data.valid === 0) {
      section.append(h('p', { class: 'muted', text: this.tr('class.points', { n: 0 }) }));
      return section;
    }
    const groups = ENDING_CLASSES.filter((e) => data.endings.counts[e].some((n) => n > 0)).map((e) => ({
      id: e,
      label: this.tr(ENDING_KEYS[e]),
      ...ENDING_STYLE[e],
    }));
    const rowsByIndex = new Map(res.rows.map((r) => [r.index, r]));
    const pointTitle = (p: { index: number; score: number; ending: EndingClass }) =>
      this.tr('class.point', {
        name: rowsByIndex.get(p.index)?.name || this.tr('instructor.noName'),
        score: money(lang, p.score),
        ending: this.tr(ENDING_KEYS[p.ending]),
      });
    const summary = this.tr('class.points', { n: data.valid });
    const outcome = scatterChart({
      title: this.tr('class.outcome.title'),
      xLabel: this.tr('class.outcome.x'),
      yLabel: this.tr('class.score'),
      x: { min: 0, max: 1, format: (v) => `${Math.round(v * 100)}%` },
      points: data.outcome.map((p) => ({ x: p.share, y: p.score, group: p.ending, title: pointTitle(p) })),
      groups,
      format: (v) => moneyAxis(lang, v),
      summary,
    });
    outcome.id = 'chart-class-outcome';
    const war = scatterChart({
      title: this.tr('class.war.title'),
      xLabel: this.tr('class.war.x', { quarter: PRICE_WAR_QUARTER }),
      yLabel: this.tr('class.score'),
      x: { categories: WAR_GROUPS.map((g) => this.tr(WAR_KEYS[g])) },
      points: data.war.flatMap((strip, i) =>
        strip.points.map((p) => ({
          x: i + p.offset * 0.6,
          y: p.score,
          group: p.ending,
          title: pointTitle(p),
        })),
      ),
      groups,
      format: (v) => moneyAxis(lang, v),
      marks: data.war.flatMap((strip, i) =>
        strip.median === null ? [] : [{ x: i, y: strip.median, label: moneyAxis(lang, strip.median) }],
      ),
      summary,
    });
    war.id = 'chart-class-war';
    const endings = stackedBars({
      title: this.tr('class.endings.title'),
      x: data.endings.companies.map((c) => this.companyLabel(c, res.rows)),
      stacks: groups.map((g) => ({
        label: g.label,
        color: g.color,
        values: data.endings.counts[g.id as EndingClass],
      })),
      format: (v) => String(v),
      xLabel: this.tr('class.endings.x'),
      yLabel: this.tr('class.endings.y'),
      integer: true,
      summary,
    });
    endings.id = 'chart-class-endings';
    section.append(h('div', { class: 'instructor-chart-grid' }, outcome, war, endings));
    if (data.outcomeMissing > 0)
      section.append(h('p', { class: 'muted', text: this.tr('class.missing', { n: data.outcomeMissing }) }));
    return section;
  }

  protected render(): void {
    const field = h('textarea', {
      id: 'instructor-input',
      class: 'replay-code-field instructor-field',
      attrs: { rows: 8, spellcheck: 'false', autocomplete: 'off', 'aria-label': this.tr('instructor.input') },
      on: {
        input: (e) => {
          this.pasted = (e.currentTarget as HTMLTextAreaElement).value;
        },
        dragover: (e) => e.preventDefault(),
        drop: (e) => {
          const file = e.dataTransfer?.files[0];
          if (file) {
            e.preventDefault();
            void this.readFile(file);
          }
        },
      },
    });
    field.value = this.pasted;
    field.setAttribute('data-autofocus', '');
    const file = h('input', {
      id: 'instructor-file',
      class: 'instructor-file',
      attrs: { type: 'file', accept: '.txt,.csv,text/plain,text/csv' },
      on: {
        change: (e) => void this.readFile((e.currentTarget as HTMLInputElement).files?.[0]),
      },
    });
    this.root.replaceChildren(
      h(
        'div',
        { class: 'page info info-instructor' },
        this.pageHead('instructor.title', () => this.leave()),
        h(
          'div',
          { class: 'info-body instructor-body' },
          h(
            'section',
            { class: 'card replay-form instructor-form' },
            h('label', { text: this.tr('instructor.intro'), attrs: { for: 'instructor-input' } }),
            field,
            h(
              'div',
              { class: 'instructor-actions' },
              h('label', { class: 'instructor-file-label' }, this.tr('instructor.file'), ' ', file),
              h(
                'div',
                { class: 'lang-switch', attrs: { role: 'group', 'aria-label': this.tr('title.language') } },
                LANGUAGES.map((l) =>
                  h('button', {
                    id: `btn-instructor-lang-${l}`,
                    class: `btn chip ${this.app.lang === l ? 'on' : ''}`,
                    text: LANGUAGE_NAMES[l],
                    attrs: { lang: l, 'aria-pressed': this.app.lang === l ? 'true' : 'false' },
                    on: { click: () => this.app.setLanguage(l) },
                  }),
                ),
              ),
              h('button', {
                id: 'btn-instructor-verify',
                class: 'btn primary',
                text: this.tr('instructor.verify'),
                attrs: { disabled: this.running !== null },
                on: { click: () => void this.verify() },
              }),
            ),
            h('progress', {
              id: 'instructor-progress',
              attrs: {
                max: Math.max(1, this.progress?.total ?? 1),
                value: this.progress?.phase === 'read' ? null : (this.progress?.done ?? 0),
                hidden: this.running === null,
              },
            }),
            h('p', {
              id: 'instructor-status',
              text: this.summary(),
              attrs: { role: 'status', 'aria-live': 'polite' },
            }),
          ),
          this.table(),
        ),
      ),
    );
  }
}
