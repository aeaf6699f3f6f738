// A progress bar with the status line under it (a polite live region): determinate while the work
// ahead is known, indeterminate while it is not, hidden when nothing runs. Work that reports often
// sends each step to `update`, which touches these two elements only.

import { h } from '../dom';

export interface ProgressState {
  /** Whether work is running (the bar shows only then). */
  running: boolean;
  /** Steps done of `total`; null while the work ahead is not known (an indeterminate bar). */
  done: number | null;
  total: number;
  /** The line under the bar. */
  text: string;
}

export class ProgressLine {
  readonly bar: HTMLProgressElement;
  readonly status: HTMLElement;

  constructor(barId: string, statusId: string, state: ProgressState) {
    this.bar = h('progress', { id: barId });
    this.status = h('p', { id: statusId, attrs: { role: 'status', 'aria-live': 'polite' } });
    this.update(state);
  }

  update(s: ProgressState): void {
    const bar = this.bar;
    if (s.done === null) bar.removeAttribute('value');
    else {
      bar.max = Math.max(1, s.total);
      bar.value = s.done;
    }
    bar.hidden = !s.running;
    // Only when it changes: the line is a live region, read out on every change.
    if (this.status.textContent !== s.text) this.status.textContent = s.text;
  }
}
