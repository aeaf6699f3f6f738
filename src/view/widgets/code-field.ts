// A code field: a text box for a seed or a replay code, with the line under it that says what is
// wrong with what was typed (or what a button did). The box is named by a label (visible, or for
// screen readers only) and described by the message line, a live status. The screen sends each
// change of its state to `update`, which touches the box's validity and the message only: the
// caret and the player's typing are never disturbed by a re-render.

import { h } from '../dom';

export interface CodeFieldProps {
  /** The box's id; the message line's is `messageId`. */
  id: string;
  messageId: string;
  /** The box's accessible name. */
  label: string;
  /** Whether the label shows (else for screen readers only). */
  showLabel?: boolean;
  /** A one-line input (a seed) or a text area of `rows` lines (a code). */
  rows?: number;
  value: string;
  /** The box's class (and `invalid` when what it holds is not valid). */
  class: string;
  /** The message line's class when it says nothing wrong, and when it warns. */
  messageClass?: { ok: string; warn: string };
  /** Extra attributes of the box (inputmode, maxlength…). */
  attrs?: Record<string, string | number | boolean>;
  onInput: (value: string) => void;
  /** Enter (in a text area, Enter without Shift: Shift+Enter starts a new line). */
  onEnter?: () => void;
}

export interface CodeFieldState {
  invalid: boolean;
  message: string;
  /** Whether the message is a warning (its class); by default, when the box is invalid. */
  warn?: boolean;
}

export class CodeField {
  readonly input: HTMLInputElement | HTMLTextAreaElement;
  readonly message: HTMLElement;
  private readonly props: CodeFieldProps;

  constructor(props: CodeFieldProps, state: CodeFieldState) {
    this.props = props;
    const on = {
      input: (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value),
      keydown: (e: KeyboardEvent) => {
        if (e.key === 'Enter' && (!props.rows || !e.shiftKey) && props.onEnter) {
          if (props.rows) e.preventDefault();
          props.onEnter();
        }
      },
    };
    const attrs = {
      spellcheck: 'false',
      autocomplete: 'off',
      'aria-describedby': props.messageId,
      ...(props.showLabel === false ? { 'aria-label': props.label } : {}),
      ...props.attrs,
    };
    this.input = props.rows
      ? h('textarea', { id: props.id, attrs: { rows: props.rows, ...attrs }, on })
      : h('input', { id: props.id, attrs: { type: 'text', ...attrs }, on });
    this.input.value = props.value;
    this.message = h('p', { id: props.messageId, attrs: { role: 'status' } });
    this.update(state);
  }

  /** The label for the box when it shows one (a visible label, or one for screen readers only). */
  label(visible: boolean): HTMLElement {
    return h('label', {
      class: visible ? '' : 'sr-only',
      attrs: { for: this.props.id },
      text: this.props.label,
    });
  }

  /** Shows the box's validity and the message. */
  update(state: CodeFieldState): void {
    const { input, message, props } = this;
    input.setAttribute('class', `${props.class}${state.invalid ? ' invalid' : ''}`);
    input.setAttribute('aria-invalid', state.invalid ? 'true' : 'false');
    if (message.textContent !== state.message) message.textContent = state.message;
    const warn = state.warn ?? state.invalid;
    const cls = props.messageClass ?? { ok: 'seed-status', warn: 'seed-status' };
    message.setAttribute('class', warn && state.message ? cls.warn : cls.ok);
  }
}
