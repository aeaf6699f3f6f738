// The dashboard's keys: a held Enter is one press; the guide takes the keys while it is open; a
// card on screen takes 1–4 (its choices) and Escape (put it aside), and keeps Tab inside it;
// otherwise Ctrl+Z undoes and Enter (not on a button, link or text box) ends the quarter.

import { isTextEntry, trapFocus } from '../dom';
import type { GuideTour } from '../panels/guide';

export interface DashboardKeys {
  guide: GuideTour | null;
  /** The card on screen, if any. */
  modal: HTMLElement | null;
  closeModal: () => void;
  undo: () => void;
  /** Ends the quarter; `at`: the key press's timeStamp. */
  endQuarter: (at: number) => void;
}

function cardKey(e: KeyboardEvent, modal: HTMLElement, closeModal: () => void): void {
  if (/^[1-4]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
    const btn = modal.querySelector<HTMLButtonElement>(`#choice-${e.key}`);
    if (btn) {
      e.preventDefault();
      btn.click();
    }
  } else if (e.key === 'Escape') {
    e.preventDefault();
    closeModal();
  } else {
    trapFocus(modal, e);
  }
}

export function dashboardKey(e: KeyboardEvent, k: DashboardKeys): void {
  // A held Enter is one press, as a held mouse button is one click: its repeats would click the
  // focused button again and again (a hiring + adding a step each time, or the next card's choice).
  if (e.key === 'Enter' && e.repeat && e.target instanceof HTMLButtonElement) {
    e.preventDefault();
    return;
  }
  if (k.guide?.isOpen) {
    k.guide.onKey(e);
    return;
  }
  if (k.modal) {
    cardKey(e, k.modal, k.closeModal);
    return;
  }
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && !isTextEntry(e.target)) {
    e.preventDefault();
    k.undo();
    return;
  }
  if (e.key === 'Enter' && !e.repeat && !isTextEntry(e.target)) {
    const el = e.target as HTMLElement | null;
    if (el && (el.tagName === 'BUTTON' || el.tagName === 'A' || el.tagName === 'SUMMARY')) return;
    e.preventDefault();
    k.endQuarter(e.timeStamp);
  }
}
