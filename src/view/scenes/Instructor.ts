// The instructor's view: paste a class's replay codes (one per line, "name, code", or a CSV with
// name/code columns) or drop/open a text or CSV file; Verify re-simulates every code, ranks the
// valid games by their luck-neutral percentile and shows a table with a progress bar on the way,
// and Download CSV saves the table (UTF-8 with BOM). Codes and names go in as text only.

import { money } from '../../app/format';
import { levelText } from '../../app/i18n';
import { findLevel } from '../../app/levels';
import type { ClassProgress, ClassResult, ClassRow } from '../../app/verify';
import { classCsv, parseCodeList, verifyClass } from '../../app/verify';
import { h } from '../dom';
import { SCENES } from '../keys';
import { ScreenScene } from '../screen';

/** Autopilot games per baseline: enough for a stable percentile, few enough for a quick class. */
const BASELINE_RUNS = 30;

export class Instructor extends ScreenScene {
  private pasted = '';
  private result: ClassResult | null = null;
  private running: AbortController | null = null;

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
    const bar = this.root.querySelector<HTMLProgressElement>('#instructor-progress');
    if (bar) {
      bar.max = Math.max(1, p.total);
      bar.value = p.done;
      bar.hidden = false;
    }
    this.setText(
      'instructor-status',
      p.phase === 'baseline' ? this.tr('instructor.progressBaseline') : this.tr('instructor.progress'),
    );
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
    const btn = this.root.querySelector<HTMLButtonElement>('#btn-instructor-verify');
    if (btn) btn.disabled = true;
    try {
      const result = await verifyClass(entries, findLevel, {
        baselineRuns: BASELINE_RUNS,
        sliceMs: 30,
        signal: ctrl.signal,
        onProgress: (p) => this.showProgress(p),
      });
      if (ctrl.signal.aborted) return;
      this.result = result;
      const valid = result.counts.valid;
      this.setText(
        'instructor-status',
        this.tr('instructor.summary', { total: entries.length, valid, refused: entries.length - valid }),
      );
      this.root.querySelector('#instructor-result')?.replaceWith(this.table());
    } catch {
      // Aborted: the screen is gone or the instructor cancelled.
    } finally {
      if (this.running === ctrl) this.running = null;
      if (btn) btn.disabled = false;
      const bar = this.root.querySelector<HTMLProgressElement>('#instructor-progress');
      if (bar) bar.hidden = true;
    }
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

  private reason(r: ClassRow): string {
    if (r.status === 'unknown-format') return this.tr('replay.unknown-format');
    if (r.status === 'corrupted') return this.tr('replay.corrupted');
    return r.message || r.status;
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

  private table(): HTMLElement {
    const res = this.result;
    if (!res) return h('section', { id: 'instructor-result', class: 'instructor-result' });
    const cols = [
      'instructor.col.rank',
      'instructor.col.name',
      'instructor.col.status',
      'instructor.col.company',
      'instructor.col.ending',
      'instructor.col.score',
      'instructor.col.percentile',
      'instructor.col.decisions',
    ] as const;
    const body = res.rows.map((r) => {
      const valid = r.status === 'valid';
      const dup =
        r.duplicateOf !== null
          ? this.tr('instructor.duplicate', {
              line: res.rows.find((x) => x.index === r.duplicateOf)?.line ?? '?',
            })
          : '';
      return h(
        'tr',
        { class: valid ? 'good' : 'bad', attrs: { 'data-status': r.status, 'data-line': r.line } },
        h('td', { text: r.rank === null ? '—' : String(r.rank) }),
        h('td', { class: 'name', text: r.name || this.tr('instructor.noName') }),
        h('td', {
          class: 'status',
          text: valid
            ? this.tr('instructor.valid') + dup
            : this.tr('instructor.refused', { why: this.reason(r) }),
        }),
        h('td', { text: this.companyName(r) }),
        h('td', {
          text: !r.ending
            ? '—'
            : r.ending === 'unfinished'
              ? this.tr('replay.unfinished')
              : this.tr(`ending.${r.ending}.title`),
        }),
        h('td', { class: 'num', text: r.score === null ? '—' : money(this.app.lang, r.score) }),
        h('td', { class: 'num', text: r.percentile === null ? '—' : r.percentile.toFixed(1) }),
        h('td', { text: this.decisions(r) }),
      );
    });
    return h(
      'section',
      { id: 'instructor-result', class: 'card instructor-result' },
      h('button', {
        id: 'btn-instructor-download',
        class: 'btn primary',
        text: this.tr('instructor.download'),
        on: { click: () => this.download() },
      }),
      h(
        'div',
        { class: 'instructor-table-wrap' },
        h(
          'table',
          { id: 'instructor-table', class: 'instructor-table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              cols.map((c) => h('th', { text: this.tr(c), attrs: { scope: 'col' } })),
            ),
          ),
          h('tbody', {}, body),
        ),
      ),
    );
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
              h('button', {
                id: 'btn-instructor-verify',
                class: 'btn primary',
                text: this.tr('instructor.verify'),
                on: { click: () => void this.verify() },
              }),
            ),
            h('progress', { id: 'instructor-progress', attrs: { max: 1, value: 0, hidden: true } }),
            h('p', { id: 'instructor-status', attrs: { role: 'status', 'aria-live': 'polite' } }),
          ),
          this.table(),
        ),
      ),
    );
  }
}
