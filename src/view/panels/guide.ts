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

/** Room kept between the callout, the ring and the window's edges, px. */
const GAP = 12;
const RING_PAD = 6;

export class GuideTour {
  private step = -1;
  /** The suggestion was applied while this run of the guide was open. */
  private applied = false;
  private readonly layer: HTMLElement;
  private readonly ring: HTMLElement;
  private readonly callout: HTMLElement;
  private frame = 0;
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
    if (target) this.host.reveal?.(target);
    target?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    this.position();
    // Once more on the next frame: a card scrolled into view is laid out only then (content-visibility).
    this.onMove();
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
    const last = this.step === GUIDE_STEPS.length - 1;
    let extra: HTMLElement | null = null;
    if (step.id === 'suggest') {
      const s = suggestedPlan(level, state);
      const lines = suggestionLines(lang, level, state, s.commands);
      const status = s.blocked
        ? tr('guide.suggest.cardFirst')
        : s.commands.length === 0
          ? tr(this.applied ? 'guide.suggest.applied' : 'guide.suggest.same')
          : '';
      extra = h(
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
          on: {
            click: () => {
              const now = this.host.context();
              const cmds = now ? suggestedPlan(now.level, now.state).commands : [];
              if (cmds.length === 0) return;
              this.applied = true;
              this.host.apply(cmds);
              this.callout.querySelector<HTMLElement>('#guide-next')?.focus();
            },
          },
        }),
        h('p', { id: 'guide-status', class: 'guide-status', text: status, attrs: { role: 'status' } }),
      );
    }
    this.callout.dataset.step = step.id;
    const parts: (HTMLElement | null)[] = [
      h('p', {
        class: 'guide-kicker',
        text: `${tr('guide.name')} · ${guideProgress(lang, this.step)}`,
      }),
      h('h2', { id: 'guide-title', text: words.title, attrs: { tabindex: -1 } }),
      h('p', { id: 'guide-body', class: 'guide-body', text: words.body }),
      words.detail ? h('p', { id: 'guide-detail', class: 'guide-detail', text: words.detail }) : null,
      extra,
      h(
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
      ),
      h('p', { class: 'guide-keys muted', text: tr('guide.keys'), attrs: { 'aria-hidden': 'true' } }),
    ];
    this.callout.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  }

  /** Puts the ring around the target and the callout where it fits: below, above, right, left, else low in the window. */
  private position(): void {
    if (!this.isOpen || !this.layer.isConnected) return;
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const el = this.target();
    const box = this.callout.getBoundingClientRect();
    const w = box.width;
    const hgt = box.height;
    const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));
    if (!el) {
      this.ring.hidden = true;
      this.setCallout((vw - w) / 2, Math.max(GAP, (vh - hgt) / 2));
      return;
    }
    const r = el.getBoundingClientRect();
    const top = Math.max(0, r.top - RING_PAD);
    const left = Math.max(0, r.left - RING_PAD);
    const bottom = Math.min(vh, r.bottom + RING_PAD);
    const right = Math.min(vw, r.right + RING_PAD);
    this.ring.hidden = false;
    Object.assign(this.ring.style, {
      top: `${top}px`,
      left: `${left}px`,
      width: `${Math.max(0, right - left)}px`,
      height: `${Math.max(0, bottom - top)}px`,
    });
    const alongX = clamp(r.left, GAP, vw - w - GAP);
    const alongY = clamp(r.top, GAP, vh - hgt - GAP);
    if (bottom + GAP + hgt + GAP <= vh) this.setCallout(alongX, bottom + GAP);
    else if (top - GAP - hgt >= GAP) this.setCallout(alongX, top - GAP - hgt);
    else if (right + GAP + w + GAP <= vw) this.setCallout(right + GAP, alongY);
    else if (left - GAP - w >= GAP) this.setCallout(left - GAP - w, alongY);
    else this.setCallout(clamp((vw - w) / 2, GAP, vw), Math.max(GAP, vh - hgt - GAP));
  }

  private setCallout(x: number, y: number): void {
    this.callout.style.left = `${Math.round(x)}px`;
    this.callout.style.top = `${Math.round(y)}px`;
  }
}
