// A row of radio chips in a fieldset (pricing mode, pay, intensity): each choice a label around
// its radio input, the chosen one marked `on`. The panels' own small radio group until the shared
// widget (widgets/radio-group.ts) takes its place.

import { h } from '../dom';

export interface RadioRowProps<T extends string> {
  /** The radios' name; each radio's id is `<idPrefix>-<value>`. */
  name: string;
  idPrefix: string;
  legend: string;
  /** The legend for screen readers only. */
  legendHidden?: boolean;
  options: readonly { value: T; label: string }[];
  checked: T;
  disabled?: boolean;
  onChange: (value: T) => void;
}

export function radioRow<T extends string>(props: RadioRowProps<T>): HTMLFieldSetElement {
  return h(
    'fieldset',
    { class: 'radio-row', attrs: { disabled: props.disabled } },
    h('legend', { class: props.legendHidden ? 'sr-only' : undefined, text: props.legend }),
    props.options.map((o) =>
      h(
        'label',
        { class: `radio-chip ${props.checked === o.value ? 'on' : ''}` },
        h('input', {
          id: `${props.idPrefix}-${o.value}`,
          attrs: { type: 'radio', name: props.name, value: o.value, checked: props.checked === o.value },
          on: { change: () => props.onChange(o.value) },
        }),
        h('span', { text: o.label }),
      ),
    ),
  );
}
