// A yes-or-no question put over a screen before something is overwritten (the replay viewer's
// fork replacing the saved game). A modal dialog: Tab stays inside it, Escape and Cancel say no,
// and no key reaches the screen behind while it is up. The caller puts it in the page and focuses
// its Cancel button, so a stray Enter changes nothing.

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
