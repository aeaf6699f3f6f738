// A toast: one polite live line that shows a short message for a few seconds. The element is made
// once and kept: a screen re-rendering puts the same element back, so a message on show survives
// the re-render, and `show` is the only way its text changes.

import { h } from '../dom';

export class Toast {
  readonly element: HTMLElement;
  private timer = 0;

  constructor(
    id: string,
    private readonly ms = 3200,
  ) {
    this.element = h('div', { id, class: 'toast', attrs: { role: 'status', 'aria-live': 'polite' } });
  }

  /** Shows `text`, then clears it after the toast's time. */
  show(text: string): void {
    this.element.textContent = text;
    this.element.classList.add('on');
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => {
      this.element.textContent = '';
      this.element.classList.remove('on');
    }, this.ms);
  }

  /** Stops the timer (the screen is going). */
  stop(): void {
    window.clearTimeout(this.timer);
  }
}
