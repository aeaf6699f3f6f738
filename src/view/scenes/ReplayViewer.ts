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
import { levelText } from '../../app/i18n';
import { findLevel } from '../../app/levels';
import type { SavedRef } from '../../app/links';
import { decideFork, savedRefOf } from '../../app/links';
import { extractCode } from '../../app/replay-code';
import type { Comparison, Frame, Timeline } from '../../app/timeline';
import { compareRuns, timelineOfCode } from '../../app/timeline';
import { clampFrame, decidedQuarter, stepTarget } from '../../app/viewer-nav';
import { h, isTextEntry, replaceContent } from '../dom';
import { SCENES } from '../keys';
import { askOver } from '../panels/confirm';
import { forgetAddressLink, replayFromUrl } from '../panels/replay-code';
import { replayProblem } from '../panels/replay-problem';
import { gameLabel } from '../panels/tab-conflict';
import { ScreenScene } from '../screen';
import { CodeField } from '../widgets/code-field';
import type { Run } from './viewer-compare';
import { comparisonView } from './viewer-compare';
import { ViewerWords, viewerHead, viewerNow, viewerStrip } from './viewer-frame';
import { viewerMoment } from './viewer-moment';
import '../replay-viewer.css';

interface ViewerData {
  /** The code to watch (otherwise the page address's). */
  code?: string;
  /** Where Back and Escape lead: the Load replay code screen (default) or the ending. */
  back?: 'replay' | 'ending';
}

/** The second run, when one is loaded, with what the compare box holds and says. */
interface CompareState {
  text: string;
  message: string;
  other: Timeline | null;
  comparison: Comparison | null;
  labels: Record<Run, string>;
}

const noCompare = (): CompareState => ({
  text: '',
  message: '',
  other: null,
  comparison: null,
  labels: { a: '', b: '' },
});

export class ReplayViewer extends ScreenScene<ViewerData> {
  protected override animated = false;
  private code = '';
  private back: 'replay' | 'ending' = 'replay';
  private tl: Timeline | null = null;
  private problem = '';
  private index = 0;
  private compare: CompareState = noCompare();
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
    this.compare = noCompare();
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
    const to = stepTarget(e.key, this.index, this.tl.frames.length - 1);
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
    const to = clampFrame(index, this.tl.frames.length - 1);
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

  /** The second code loaded against this run: the comparison, or why it cannot be compared. */
  private loadCompare(): void {
    const tl = this.tl;
    if (!tl) return;
    const text = extractCode(this.compare.text);
    this.compare = { ...this.compare, other: null, comparison: null, message: '' };
    const r = text ? timelineOfCode(text, findLevel) : null;
    const c = r?.ok ? compareRuns(tl, r.timeline) : null;
    if (!r) this.compare.message = this.tr('viewer.compare.empty');
    else if (!r.ok)
      this.compare.message = this.tr('viewer.compare.invalid', {
        why: replayProblem(this.app.lang, r.outcome),
      });
    else if (!c?.ok)
      this.compare.message = this.tr('viewer.compare.otherLevel', {
        level: levelText(this.app.lang, r.timeline.level.name),
      });
    else
      this.compare = {
        ...this.compare,
        other: r.timeline,
        comparison: c.comparison,
        labels: { a: this.words().defaultLabel(tl), b: this.words().defaultLabel(r.timeline) },
      };
    this.render();
    if (this.compare.comparison)
      this.root.querySelector<HTMLElement>('#compare-charts')?.scrollIntoView({ block: 'nearest' });
  }

  private clearCompare(): void {
    this.compare = { ...noCompare(), text: this.compare.text, labels: this.compare.labels };
    this.render();
    this.root.querySelector<HTMLElement>('#compare-input')?.focus();
  }

  private words(): ViewerWords {
    return new ViewerWords(this.app.lang, this.tr.bind(this));
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
    const frame = tl.frames[this.index]!;
    const decided = decidedQuarter(tl.level, frame);
    const words = this.words();
    replaceContent(
      this.root,
      h(
        'div',
        { class: 'page viewer' },
        viewerHead(words, tl, () => this.leave()),
        viewerStrip(words, tl, this.index, (i) => this.show(i)),
        viewerNow(words, tl, this.index, {
          replacesSave: this.app.saved !== null && this.app.saved.state.ending === null,
          message: this.forkMessage,
          onFork: () => this.fork(),
        }),
        h(
          'div',
          { class: 'viewer-scroll', attrs: { 'data-keep-scroll': 'viewer' } },
          viewerMoment({
            lang: this.app.lang,
            tr: this.tr.bind(this),
            tl,
            frame,
            decided,
            decisions: decided === null ? [] : this.decisionsIn(tl).filter((e) => e.quarter === decided),
          }),
          this.compareSection(tl, frame),
        ),
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

  /** The compare box (a CodeField and its message), Load and Clear, and the comparison once loaded. */
  private compareSection(tl: Timeline, frame: Frame): HTMLElement {
    const cmp = this.compare;
    const field = new CodeField(
      {
        id: 'compare-input',
        messageId: 'compare-message',
        label: this.tr('viewer.compare.input'),
        showLabel: false,
        rows: 2,
        value: cmp.text,
        class: 'replay-code-field',
        messageClass: { ok: 'small', warn: 'warn-text small' },
        onInput: (v) => {
          this.compare.text = v;
        },
        onEnter: () => this.loadCompare(),
      },
      { invalid: cmp.message !== '', message: cmp.message },
    );
    const c = cmp.comparison;
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
        field.input,
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
      field.message,
      c && cmp.other
        ? comparisonView({
            lang: this.app.lang,
            tr: this.tr.bind(this),
            a: tl,
            b: cmp.other,
            c,
            turn: frame.turn,
            labels: cmp.labels,
            onLabel: (run, label) => {
              const other = cmp.other;
              this.compare.labels[run] =
                label || this.words().defaultLabel(run === 'a' || !other ? tl : other);
              this.render();
            },
            keptUpTo: (t, turn) => this.words().keptUpTo(t, turn),
          })
        : null,
    );
  }
}
