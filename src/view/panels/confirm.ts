// A yes-or-no question put over a screen before something is overwritten (a fork in the replay
// viewer, or a new game from Load replay code, replacing the saved game). A modal dialog: Tab
// stays inside it, Escape and Cancel say no, and no key reaches the screen behind while it is up.
// askOver puts it over a screen and focuses its Cancel button, so a stray Enter changes nothing.

import type { Language } from '../../app/i18n';
import { h, trapFocus } from '../dom';

export interface ConfirmText {
  title: string;
  text: string;
  yes: string;
  cancel: string;
}

/** The dialog's layer; its buttons are `#<id>-yes` and `#<id>-cancel`. */
export function confirmDialog(
  lang: Language,
  id: string,
  text: ConfirmText,
  answer: { yes(): void; cancel(): void },
): HTMLElement {
  const dialog = h(
    'div',
    {
      id,
      class: 'tab-dialog confirm-dialog',
      attrs: {
        role: 'alertdialog',
        'aria-modal': 'true',
        'aria-labelledby': `${id}-title`,
        'aria-describedby': `${id}-text`,
      },
    },
    h('h2', { id: `${id}-title`, text: text.title }),
    h('p', { id: `${id}-text`, text: text.text }),
    h(
      'div',
      { class: 'confirm-buttons' },
      h('button', {
        id: `${id}-cancel`,
        class: 'btn',
        text: text.cancel,
        on: { click: () => answer.cancel() },
      }),
      h('button', {
        id: `${id}-yes`,
        class: 'btn primary',
        text: text.yes,
        on: { click: () => answer.yes() },
      }),
    ),
  );
  const layer = h('div', { class: 'modal-backdrop confirm-layer', attrs: { lang } }, dialog);
  layer.addEventListener('keydown', (e) => {
    // The screen behind listens on the document: its keys (Escape leaves it, arrows step) stop here.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      answer.cancel();
      return;
    }
    trapFocus(dialog, e);
  });
  return layer;
}

/**
 * Puts the question over a screen's `root` (inert meanwhile) with focus on Cancel. Yes closes it
 * and runs `yes`; Cancel or Escape close it and give focus back to `backFocus` (a selector inside
 * `root`). `setLayer` is told of the layer while it is up, and of null once it is gone.
 */
export function askOver(
  root: HTMLElement,
  lang: Language,
  id: string,
  text: ConfirmText,
  yes: () => void,
  backFocus: string,
  setLayer: (layer: HTMLElement | null) => void,
): void {
  const close = () => {
    layer.remove();
    setLayer(null);
    root.removeAttribute('inert');
  };
  const layer = confirmDialog(lang, id, text, {
    yes: () => {
      close();
      yes();
    },
    cancel: () => {
      close();
      root.querySelector<HTMLElement>(backFocus)?.focus({ preventScroll: true });
    },
  });
  root.setAttribute('inert', '');
  root.after(layer);
  setLayer(layer);
  layer.querySelector<HTMLElement>(`#${id}-cancel`)?.focus({ preventScroll: true });
}
