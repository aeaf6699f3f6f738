// The instructor's view: paste a class's replay codes (one per line, "name, code", or a CSV with
// name/code columns) or drop/open a text or CSV file; Verify re-simulates every code, scores the
// valid games against par and ranks them by percentile among the par reference runs (world by
// world, with a warning when the class spans several levels or seeds; a duplicate is listed under
// the first submission of its game, not ranked), and shows a table (with each game's level, seed
// and the game it was forked from) with a progress bar on the way, three class charts (outcome vs
// pretraining share, price-war response vs score, endings per company), and Download CSV saves
// the table (UTF-8 with BOM). Refusals are worded in the player's language, which can be switched
// here. Codes and names go in as text only.

import { warmUpUnits } from '../../app/class/warm-up';
import type { TextKey } from '../../app/i18n';
import { findLevel, LEVEL_IDS } from '../../app/levels';
import { slicer } from '../../app/slicer';
import type { ClassProgress, ClassResult } from '../../app/verify';
import { classCsv, parseCodeList, verifyClass } from '../../app/verify';
import { PAR_RUNS } from '../../engine/index';
import type { BaselinePool } from '../baseline-pool';
import { startBaselinePool } from '../baseline-pool';
import { h, replaceContent } from '../dom';
import { SCENES } from '../keys';
import { ScreenScene } from '../screen';
import { langSwitch } from '../widgets/lang-switch';
import { ProgressLine } from '../widgets/progress-line';
import { classChartsSection } from './instructor-charts';
import { classTable, RowWords, worldsWarning } from './instructor-table';

/**
 * The page's warm-up (app/class/warm-up.ts): one world's reference runs (the page plays the worlds
 * no worker has started) and a few codes verified (the page verifies every code).
 */
const PAGE_WARM_UP_WORLDS = 1;
const PAGE_WARM_UP_CODES = 4;

export class Instructor extends ScreenScene {
  /** A work page: the backdrop holds still, so verifying a class has the main thread to itself. */
  protected override animated = false;
  private pasted = '';
  private result: ClassResult | null = null;
  private running: AbortController | null = null;
  private progress: ClassProgress | null = null;
  /** Why Verify did nothing (nothing pasted), said on the status line until the next Verify. */
  private note: TextKey | null = null;
  /** The bar and status line of the last render: verifying updates only them, step by step. */
  private progressLine: ProgressLine | null = null;
  /**
   * The par workers, started when the screen opens (they load the engine and the levels while
   * the instructor pastes) and kept for the visit, so a second Verify finds them warm.
   */
  private pool: Promise<BaselinePool | null> = Promise.resolve(null);
  /** Stops the page's warm-up (see warmPage). */
  private warmUp: AbortController | null = null;

  constructor() {
    super(SCENES.instructor);
  }

  protected override setup(): void {
    this.result = null;
    this.running = null;
    this.progress = null;
    this.note = null;
    this.onKey((e) => {
      if (e.key === 'Escape') this.leave();
    });
    this.addCleanup(() => this.running?.abort());
    const pool = startBaselinePool().catch(() => null);
    this.pool = pool;
    this.addCleanup(() => void pool.then((p) => p?.close()));
    const warm = new AbortController();
    this.warmUp = warm;
    this.addCleanup(() => warm.abort());
    void Promise.all([pool.then((p) => p?.ready), this.warmPage(warm.signal)]).then(() => {
      // For the browser figures: every thread has ended its warm-up.
      if (!warm.signal.aborted) performance.mark('six-tigers:instructor:ready');
    });
  }

  /**
   * Warms this page's engine while the instructor pastes (app/class/warm-up.ts), in slices, and
   * stops as soon as Verify is pressed or the screen closes.
   */
  private async warmPage(signal: AbortSignal): Promise<void> {
    const level = findLevel(LEVEL_IDS[0] ?? '');
    if (!level) return;
    const slices = slicer(15, undefined, signal);
    try {
      for (const unit of warmUpUnits(level, PAGE_WARM_UP_WORLDS, PAGE_WARM_UP_CODES)) {
        await slices.breathe();
        unit();
      }
    } catch {
      // Cut short (Verify pressed, screen closed) or a warm-up run failed: nothing is lost.
    }
  }

  private leave(): void {
    this.running?.abort();
    this.go(SCENES.title);
  }

  private progressState(): ConstructorParameters<typeof ProgressLine>[2] {
    const p = this.progress;
    return {
      running: this.running !== null,
      // While the codes are read the work ahead is not known yet: an indeterminate bar.
      done: p?.phase === 'read' ? null : (p?.done ?? 0),
      total: p?.total ?? 1,
      text: this.summary(),
    };
  }

  private showProgress(p: ClassProgress): void {
    this.progress = p;
    this.progressLine?.update(this.progressState());
  }

  private async verify(): Promise<void> {
    if (this.running) return;
    const entries = parseCodeList(this.pasted);
    this.result = null;
    this.note = entries.length === 0 ? 'instructor.empty' : null;
    if (entries.length === 0) {
      this.render();
      return;
    }
    this.warmUp?.abort();
    const ctrl = new AbortController();
    this.running = ctrl;
    this.progress = null;
    this.render();
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
      if (!ctrl.signal.aborted) {
        this.render();
        // Verify was disabled while it ran (and so lost the keyboard): it takes it back.
        if (document.activeElement === document.body)
          this.root.querySelector<HTMLElement>('#btn-instructor-verify')?.focus({ preventScroll: true });
      }
    }
  }

  /** The line under the bar: progress while verifying, the counts once done. */
  private summary(): string {
    if (this.progress?.phase === 'baseline') return this.tr('par.progress', { n: PAR_RUNS });
    if (this.progress)
      return this.tr(this.progress.phase === 'read' ? 'instructor.progressRead' : 'instructor.progress');
    if (!this.result) return this.note ? this.tr(this.note) : '';
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
    this.render();
  }

  /** The result: Download CSV, the worlds' warning, the charts and the table; empty before a verify. */
  private resultSection(): HTMLElement {
    const res = this.result;
    if (!res) return h('section', { id: 'instructor-result', class: 'instructor-result' });
    const words = new RowWords(this.app.lang, this.tr.bind(this));
    const byCompany = (company: string) => {
      const r = res.rows.find((x) => x.company === company);
      return r ? words.companyName(r) : company;
    };
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
      worldsWarning(words, res.rows),
      classChartsSection(res, { lang: this.app.lang, tr: this.tr.bind(this), companyLabel: byCompany }),
      h('div', { class: 'instructor-table-wrap' }, classTable(words, res.rows)),
    );
  }

  /** The codes box (paste, or drop a file on it). */
  private codesField(): HTMLTextAreaElement {
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
    return field;
  }

  /** Open a file, the language, Verify. */
  private formActions(): HTMLElement {
    const file = h('input', {
      id: 'instructor-file',
      class: 'instructor-file',
      attrs: { type: 'file', accept: '.txt,.csv,text/plain,text/csv' },
      on: { change: (e) => void this.readFile((e.currentTarget as HTMLInputElement).files?.[0]) },
    });
    return h(
      'div',
      { class: 'instructor-actions' },
      h('label', { class: 'instructor-file-label' }, this.tr('instructor.file'), ' ', file),
      langSwitch({
        label: this.tr('title.language'),
        current: this.app.lang,
        idPrefix: 'btn-instructor-lang-',
        onPick: (l) => this.app.setLanguage(l),
      }),
      h('button', {
        id: 'btn-instructor-verify',
        class: 'btn primary',
        text: this.tr('instructor.verify'),
        attrs: { disabled: this.running !== null },
        on: { click: () => void this.verify() },
      }),
    );
  }

  protected render(): void {
    this.progressLine = new ProgressLine('instructor-progress', 'instructor-status', this.progressState());
    replaceContent(
      this.root,
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
            this.codesField(),
            this.formActions(),
            this.progressLine.bar,
            this.progressLine.status,
          ),
          this.resultSection(),
        ),
      ),
    );
  }
}
