// A radio group drawn as a row of cards: a fieldset with its legend, and one label per option
// holding the radio input and the option's content (the label names the input). The option picked
// is marked `on` for the eye; arrow keys move between options as for any native radio group.

import type { Child } from '../dom';
import { h } from '../dom';

export interface RadioOption {
  value: string;
  /** The input's id (tests and links find the option by it). */
  id: string;
  /** What the card shows; it names the input. */
  content: Child;
  /** Classes of the card besides `choice-card` (and `on` when picked). */
  class?: string;
  style?: Record<string, string>;
}

export interface RadioGroupProps {
  /** The inputs' shared name. */
  name: string;
  legend: string;
  /** The fieldset's class. */
  class: string;
  /** Each option's class (`choice-card` when absent; `radio-chip` for the panels' small chips). */
  optionClass?: string;
  /** The legend for screen readers only. */
  legendHidden?: boolean;
  disabled?: boolean;
  /** A class for a box between the legend and the options (a grid), if any. */
  listClass?: string;
  options: readonly RadioOption[];
  selected: string;
  onSelect: (value: string) => void;
}

/** The fieldset of options; picking one calls `onSelect` (the screen re-renders from its state). */
export function radioGroup(props: RadioGroupProps): HTMLFieldSetElement {
  const cards = props.options.map((o) => {
    const on = o.value === props.selected;
    return h(
      'label',
      {
        class: `${props.optionClass ?? 'choice-card'} ${o.class ?? ''} ${on ? 'on' : ''}`,
        ...(o.style ? { style: o.style } : {}),
      },
      h('input', {
        id: o.id,
        attrs: { type: 'radio', name: props.name, value: o.value, checked: on },
        on: { change: () => props.onSelect(o.value) },
      }),
      o.content,
    );
  });
  return h(
    'fieldset',
    { class: props.class, attrs: { disabled: props.disabled } },
    h('legend', { class: props.legendHidden ? 'sr-only' : undefined, text: props.legend }),
    props.listClass ? h('div', { class: props.listClass }, cards) : cards,
  );
}
