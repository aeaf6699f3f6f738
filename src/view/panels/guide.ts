// The guided first quarter over the dashboard (issue 13): a spotlight ring around the control a
// step is about (scrolled into view) and a callout beside it with the step's words, Back / Next /
// Skip, and on the suggestion step a button that applies the suggested plan as ordinary commands.
// The callout is a dialog: it takes focus (its heading, so a screen reader reads each step), keeps
// Tab inside it, ← / → move between steps and Escape skips. The steps, their words and the
// suggestion are src/app/guide.ts's; this only draws them and places them.

import type { GuideStep } from '../../app/guide';
import {
  GUIDE_STEPS,
  guideProgress,
  guideText,
  moveGuide,
  suggestedPlan,
  suggestionLines,
} from '../../app/guide';
import type { Command } from '../../engine/index';
import { h, trapFocus } from '../dom';
import '../guide.css';
import type { PanelContext } from './context';
import type { Box } from './guide-place';
import { GAP, lowSpot, RING_PAD, setCallout, spotFor } from './guide-place';

/** What the guide needs from the dashboard. */
export interface GuideHost {
  /** The dashboard's context now (the state changes under the guide as commands apply). */
  context(): PanelContext | null;
  /** Applies the suggestion's commands (as one batch, each logged as the player's own). */
  apply(commands: Command[]): void;
  /** The guide closed: finished (Next on the last step) or skipped (Skip, Escape). */
  closed(finished: boolean): void;
  /** Shows a step's control if the layout hides it (on a narrow screen, its column's tab). */
  reveal?(target: HTMLElement): void;
}

export class GuideTour {
  private step = -1;
  /** The suggestion was applied while this run of the guide was open. */
  private applied = false;
  private readonly layer: HTMLElement;
  private readonly ring: HTMLElement;
  private readonly callout: HTMLElement;
  private frame = 0;
  /** place()'s second go on the next frame (apart from onMove's, which a scroll would cancel). */
  private placeFrame = 0;
  private readonly onMove = () => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.position());
  };

  constructor(private readonly host: GuideHost) {
    this.ring = h('div', { class: 'guide-ring', attrs: { 'aria-hidden': 'true' } });
    this.callout = h('div', {
      id: 'guide',
      class: 'guide-callout',
      attrs: {
        role: 'dialog',
        'aria-modal': 'true',
        'aria-labelledby': 'guide-title',
        'aria-describedby': 'guide-body',
      },
    });
    this.layer = h('div', { class: 'guide-layer' }, this.ring, this.callout);
  }

  get isOpen(): boolean {
    return this.step >= 0;
  }

  /** The step shown (0-based), or −1 when closed. */
  get current(): number {
    return this.step;
  }

  /** Opens the guide on its first step; the dashboard renders it (element) and then places it. */
  start(): void {
    this.step = 0;
    this.applied = false;
    window.addEventListener('resize', this.onMove);
    document.addEventListener('scroll', this.onMove, true);
  }

  /** Closes without telling the host (the dashboard is going away, or closes it itself). */
  stop(): void {
    this.step = -1;
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.placeFrame);
    window.removeEventListener('resize', this.onMove);
    document.removeEventListener('scroll', this.onMove, true);
    this.layer.remove();
  }

  /** The guide's layer filled for the current step, for the dashboard's render (null when closed). */
  element(ctx: PanelContext): HTMLElement | null {
    if (!this.isOpen) return null;
    this.fill(ctx);
    return this.layer;
  }

  /** Scrolls the step's control into view, puts the ring around it and the callout beside it; focus to the callout's heading if asked. */
  place(focus: boolean): void {
    if (!this.isOpen) return;
    const target = this.target();
    // On a narrow screen the control may sit in a tab not shown: show that tab first.
    if (target) this.host.reveal?.(target);
    if (target) this.scrollToFit(target);
    this.position();
    // Once more on the next frame: a card scrolled into view is laid out only then (content-visibility).
    cancelAnimationFrame(this.placeFrame);
    this.placeFrame = requestAnimationFrame(() => {
      const again = this.target();
      if (again && this.isOpen && this.layer.isConnected) this.scrollToFit(again);
      this.position();
    });
    if (focus) this.callout.querySelector<HTMLElement>('#guide-title')?.focus({ preventScroll: true });
  }

  /** The dashboard's keys while the guide is open: the guide takes them all. */
  onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.act('skip');
    } else if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      if (e.key === 'ArrowLeft') this.act('back');
      else if (this.step + 1 < GUIDE_STEPS.length) this.act('next');
    } else if (e.key === 'Tab') {
      trapFocus(this.callout, e);
      if (!this.callout.contains(document.activeElement)) {
        e.preventDefault();
        this.callout.querySelector<HTMLElement>('#guide-next')?.focus();
      }
    } else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      // Not the dashboard's Enter (end the quarter): that waits until the guide is closed.
      e.preventDefault();
    }
  }

  private act(action: 'next' | 'back' | 'skip'): void {
    const move = moveGuide(this.step, action);
    if (move.kind === 'close') {
      this.stop();
      this.host.closed(move.finished);
      return;
    }
    this.step = move.step;
    const ctx = this.host.context();
    if (!ctx) return;
    this.fill(ctx);
    this.place(true);
  }

  private stepNow(): GuideStep {
    return GUIDE_STEPS[this.step] ?? GUIDE_STEPS[0]!;
  }

  private target(): HTMLElement | null {
    return document.querySelector<HTMLElement>(this.stepNow().target);
  }

  private fill(ctx: PanelContext): void {
    const { lang, level, state, tr } = ctx;
    const step = this.stepNow();
    const words = guideText(lang, level, state, step.id);
    this.callout.dataset.step = step.id;
    const parts: (HTMLElement | null)[] = [
      h('p', {
        class: 'guide-kicker',
        text: `${tr('guide.name')} · ${guideProgress(lang, this.step)}`,
      }),
      h('h2', { id: 'guide-title', text: words.title, attrs: { tabindex: -1 } }),
      h('p', { id: 'guide-body', class: 'guide-body', text: words.body }),
      words.detail ? h('p', { id: 'guide-detail', class: 'guide-detail', text: words.detail }) : null,
      step.id === 'suggest' ? this.suggestion(ctx) : null,
      this.nav(ctx),
      h('p', { class: 'guide-keys muted', text: tr('guide.keys'), attrs: { 'aria-hidden': 'true' } }),
    ];
    this.callout.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  }

  /** The suggestion step's changes, its Apply button and what applying did. */
  private suggestion(ctx: PanelContext): HTMLElement {
    const { lang, level, state, tr } = ctx;
    const s = suggestedPlan(level, state);
    const lines = suggestionLines(lang, level, state, s.commands);
    const status = s.blocked
      ? tr('guide.suggest.cardFirst')
      : s.commands.length === 0
        ? tr(this.applied ? 'guide.suggest.applied' : 'guide.suggest.same')
        : '';
    return h(
      'div',
      { class: 'guide-suggest' },
      lines.length > 0 ? h('p', { class: 'guide-changes-title', text: tr('guide.suggest.changes') }) : null,
      lines.length > 0
        ? h(
            'ul',
            { id: 'guide-changes', class: 'guide-changes' },
            lines.map((text) => h('li', { text })),
          )
        : null,
      h('button', {
        id: 'guide-apply',
        class: 'btn primary',
        text: tr('guide.suggest.apply'),
        attrs: { disabled: s.commands.length === 0 },
        on: { click: () => this.applySuggestion() },
      }),
      h('p', { id: 'guide-status', class: 'guide-status', text: status, attrs: { role: 'status' } }),
    );
  }

  /** Applies the suggestion as the state stands now (the dashboard re-renders the guide). */
  private applySuggestion(): void {
    const now = this.host.context();
    const cmds = now ? suggestedPlan(now.level, now.state).commands : [];
    if (cmds.length === 0) return;
    this.applied = true;
    this.host.apply(cmds);
    this.callout.querySelector<HTMLElement>('#guide-next')?.focus();
  }

  /** Skip, Back and Next (Finish on the last step). */
  private nav(ctx: PanelContext): HTMLElement {
    const { tr } = ctx;
    const last = this.step === GUIDE_STEPS.length - 1;
    return h(
      'div',
      { class: 'guide-nav' },
      h('button', {
        id: 'guide-skip',
        class: 'btn ghost',
        text: tr('guide.skip'),
        attrs: { 'aria-keyshortcuts': 'Escape' },
        on: { click: () => this.act('skip') },
      }),
      h('span', { class: 'guide-spacer' }),
      h('button', {
        id: 'guide-back',
        class: 'btn',
        text: tr('guide.back'),
        attrs: { disabled: this.step === 0, 'aria-keyshortcuts': 'ArrowLeft' },
        on: { click: () => this.act('back') },
      }),
      h('button', {
        id: 'guide-next',
        class: 'btn primary',
        text: tr(last ? 'guide.finish' : 'guide.next'),
        attrs: { 'aria-keyshortcuts': last ? undefined : 'ArrowRight' },
        on: { click: () => this.act('next') },
      }),
    );
  }

  /** The ring's box: the target's with the ring's padding, clipped to the window. */
  private ringBox(el: HTMLElement): Box {
    const r = el.getBoundingClientRect();
    return {
      top: Math.max(0, r.top - RING_PAD),
      left: Math.max(0, r.left - RING_PAD),
      bottom: Math.min(window.innerHeight, r.bottom + RING_PAD),
      right: Math.min(window.innerWidth, r.right + RING_PAD),
    };
  }

  /**
   * Scrolls the target into view so that the callout has room beside it: as little as will show
   * it, else the target at the top of its scrolling box, else at the bottom, else (no room
   * anywhere) back to the top, so that at least its start shows.
   */
  private scrollToFit(el: HTMLElement): void {
    // A few pixels of margin: a box scrolled to the edge lands on a fractional pixel, a hair out.
    el.style.scrollMargin = '4px';
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    for (const block of ['start', 'end'] as const) {
      if (spotFor(this.callout, this.ringBox(el))) return;
      el.scrollIntoView({ block, inline: 'nearest' });
    }
    if (!spotFor(this.callout, this.ringBox(el))) el.scrollIntoView({ block: 'start', inline: 'nearest' });
  }

  /** Puts the ring around the target and the callout where it fits beside it (spotFor), else low in the window. */
  private position(): void {
    if (!this.isOpen || !this.layer.isConnected) return;
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const el = this.target();
    if (!el) {
      this.ring.hidden = true;
      this.callout.style.width = '';
      this.callout.style.maxHeight = '';
      this.callout.style.maxHeight = '';
      const box = this.callout.getBoundingClientRect();
      setCallout(this.callout, { x: (vw - box.width) / 2, y: Math.max(GAP, (vh - box.height) / 2) });
      return;
    }
    const ring = this.ringBox(el);
    this.ring.hidden = false;
    Object.assign(this.ring.style, {
      top: `${ring.top}px`,
      left: `${ring.left}px`,
      width: `${Math.max(0, ring.right - ring.left)}px`,
      height: `${Math.max(0, ring.bottom - ring.top)}px`,
    });
    const spot = spotFor(this.callout, ring);
    if (spot) {
      setCallout(this.callout, spot);
      return;
    }
    // No room beside it (the control fills the window): low in the window, clear of its heading on a phone.
    const head = el.querySelector('h2, h3') ?? el;
    setCallout(this.callout, lowSpot(this.callout, head.getBoundingClientRect().bottom));
  }
}
