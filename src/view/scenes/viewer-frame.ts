// The replay viewer's frame of the page: the heading with the run (company, level, seed, how it
// ended, what it was forked from), the quarter strip (◀, a stop per frame, ▶), and where the viewer
// stands with the fork offer; and the words they share (a frame's short and long names).

import type { Language, TextKey } from '../../app/i18n';
import { levelText } from '../../app/i18n';
import type { Frame, Timeline } from '../../app/timeline';
import { runEndingText } from '../../app/timeline';
import { quarterLabel } from '../../engine/index';
import { h } from '../dom';
import { emblem } from '../panels/names';
import { COLORS } from '../theme';

type Tr = (key: TextKey, params?: Record<string, string | number>) => string;

export class ViewerWords {
  constructor(
    readonly lang: Language,
    readonly tr: Tr,
  ) {}

  companyName(tl: Timeline): string {
    const spec = tl.level.companies.find((c) => c.id === tl.replay.company);
    return spec ? levelText(this.lang, spec.name) : tl.replay.company;
  }

  /** A run's label until the player names it: its company and seed. */
  defaultLabel(tl: Timeline): string {
    return this.tr('viewer.compare.runDefault', { company: this.companyName(tl), seed: tl.replay.seed });
  }

  /** "after 2024Q2"-style name of a branch point (the last quarter kept). */
  keptUpTo(tl: Timeline, turn: number): string {
    return turn > 0 ? quarterLabel(tl.level, turn - 1) : this.tr('viewer.start');
  }

  /** A stop's name on the strip: Start, "24Q2", End. */
  frameShort(f: Frame): string {
    if (f.kind === 'end') return this.tr('viewer.end');
    if (f.turn === 0) return this.tr('viewer.start');
    return f.state.history[f.turn - 1]!.quarter.replace(/^20/, '');
  }

  /** Where a frame stands, in full (with the ending when the game ended there). */
  frameTitle(tl: Timeline, f: Frame): string {
    const tr = this.tr;
    if (f.kind === 'end')
      return `${tr('viewer.at.end', { quarter: quarterLabel(tl.level, f.turn) })} · ${runEndingText(this.lang, tl)}`;
    if (f.turn === 0) return tr('viewer.at.start', { quarter: quarterLabel(tl.level, 0) });
    const text = tr('viewer.at.quarter', {
      quarter: f.state.history[f.turn - 1]!.quarter,
      n: f.turn,
      total: tl.level.quarters,
    });
    return f.state.ending ? `${text} · ${tr(`ending.${f.state.ending.kind}.title`)}` : text;
  }
}

/** Back, the title, and the run. */
export function viewerHead(w: ViewerWords, tl: Timeline, onBack: () => void): HTMLElement {
  const { level, replay } = tl;
  const spec = level.companies.find((c) => c.id === replay.company);
  return h(
    'header',
    { class: 'page-head viewer-head', style: { '--company': spec?.color ?? COLORS.accent } },
    h('button', {
      id: 'btn-back',
      class: 'btn ghost',
      text: `← ${w.tr('common.back')}`,
      attrs: { 'aria-keyshortcuts': 'Escape' },
      on: { click: onBack },
    }),
    h('h1', { text: w.tr('viewer.title') }),
    h(
      'div',
      { class: 'viewer-run' },
      emblem(level, replay.company, 'emblem md'),
      h(
        'div',
        {},
        h('strong', {
          id: 'viewer-run',
          text: w.tr('viewer.run', {
            company: w.companyName(tl),
            level: levelText(w.lang, level.name),
            seed: replay.seed,
          }),
        }),
        h(
          'span',
          { class: 'muted small' },
          runEndingText(w.lang, tl),
          replay.branch ? ` · ${w.tr('viewer.forkOf', { quarter: w.keptUpTo(tl, replay.branch.turn) })}` : '',
        ),
      ),
    ),
  );
}

/** ◀, a stop per frame (the one on screen current), ▶ (focused first). */
export function viewerStrip(
  w: ViewerWords,
  tl: Timeline,
  index: number,
  show: (i: number) => void,
): HTMLElement {
  const last = tl.frames.length - 1;
  const arrow = (id: string, text: string, label: string, key: string, shown: string, to: number) =>
    h('button', {
      id,
      class: 'btn',
      text,
      attrs: {
        'aria-label': label,
        'aria-keyshortcuts': key,
        title: `${label} (${shown})`,
        disabled: to < 0 || to > last,
        ...(id === 'viewer-next' ? { 'data-autofocus': true } : {}),
      },
      on: { click: () => show(to) },
    });
  const stop = (f: Frame, i: number) =>
    h('button', {
      id: `viewer-stop-${i}`,
      class: `btn chip viewer-stop ${i === index ? 'on' : ''} ${f.kind === 'end' || (f.state.ending && i === last) ? 'ended' : ''}`,
      text: w.frameShort(f),
      attrs: {
        'aria-label': w.frameTitle(tl, f),
        'aria-current': i === index ? 'step' : undefined,
        'data-turn': f.turn,
      },
      on: { click: () => show(i) },
    });
  return h(
    'nav',
    { class: 'viewer-strip', attrs: { 'aria-label': w.tr('viewer.quarters') } },
    arrow('viewer-prev', '◀', w.tr('viewer.prev'), 'ArrowLeft', '←', index - 1),
    h(
      'ol',
      { class: 'viewer-stops' },
      tl.frames.map((f, i) => h('li', {}, stop(f, i))),
    ),
    arrow('viewer-next', '▶', w.tr('viewer.next'), 'ArrowRight', '→', index + 1),
  );
}

export interface ForkOffer {
  /** Whether an unfinished game is saved (a fork replaces it). */
  replacesSave: boolean;
  /** Why the last fork failed, or ''. */
  message: string;
  onFork: () => void;
}

function forkBlock(w: ViewerWords, tl: Timeline, frame: Frame, offer: ForkOffer): HTMLElement {
  const quarter = quarterLabel(tl.level, frame.turn);
  return h(
    'div',
    { class: 'viewer-fork' },
    h('button', {
      id: 'btn-fork',
      class: 'btn primary',
      text: w.tr('viewer.fork', { quarter }),
      attrs: { disabled: !frame.forkable, 'aria-describedby': 'fork-help' },
      on: { click: offer.onFork },
    }),
    h('p', {
      id: 'fork-help',
      class: 'muted small',
      text: frame.forkable
        ? `${w.tr('viewer.forkHelp', { quarter })}${offer.replacesSave ? ` ${w.tr('viewer.forkReplaces')}` : ''}`
        : w.tr('viewer.forkEnded'),
    }),
    offer.message
      ? h('p', {
          id: 'fork-message',
          class: 'warn-text small',
          text: offer.message,
          attrs: { role: 'alert' },
        })
      : null,
  );
}

/** Where the viewer stands (a live heading, with the frame's hash as data) and the fork offer. */
export function viewerNow(w: ViewerWords, tl: Timeline, index: number, offer: ForkOffer): HTMLElement {
  const frame = tl.frames[index]!;
  return h(
    'div',
    { class: 'viewer-now' },
    h(
      'div',
      {},
      h('h2', {
        id: 'viewer-quarter',
        text: w.frameTitle(tl, frame),
        attrs: {
          'aria-live': 'polite',
          'data-frame': index,
          'data-turn': frame.turn,
          'data-hash': frame.hash,
        },
      }),
      h('p', { class: 'muted small', text: w.tr('viewer.keys') }),
    ),
    forkBlock(w, tl, frame, offer),
  );
}
