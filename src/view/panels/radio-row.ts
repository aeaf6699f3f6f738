// A row of radio chips in a fieldset (pricing mode, pay, intensity): the shared radio group
// (widgets/radio-group.ts) with small chips for cards, each choice's id `<idPrefix>-<value>`.

import { h } from '../dom';
import { radioGroup } from '../widgets/radio-group';

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
  return radioGroup({
    name: props.name,
    legend: props.legend,
    class: 'radio-row',
    optionClass: 'radio-chip',
    ...(props.legendHidden ? { legendHidden: true } : {}),
    ...(props.disabled ? { disabled: true } : {}),
    options: props.options.map((o) => ({
      value: o.value,
      id: `${props.idPrefix}-${o.value}`,
      content: h('span', { text: o.label }),
    })),
    selected: props.checked,
    onSelect: (value) => props.onChange(value as T),
  });
}
