// Money fields: a number input for an amount in the language's unit (万元 in Chinese, millions of
// yuan in English) with its visible label, limits and step, and a slider over an amount in 万元
// that says its value in words to a screen reader. Both hold their amount in 万元; each has its own
// small update method for when the amount moves under it.

import { moneyInputScale } from '../../app/format';
import type { Language } from '../../app/i18n';
import { t } from '../../app/i18n';
import { h } from '../dom';

export interface MoneyFieldProps {
  /** The input's id (its label points at it). */
  id: string;
  lang: Language;
  /** The label's text for the unit's name (e.g. "Spend (万元)"). */
  label: (unit: string) => string;
  /** The amount shown (万元). */
  value: number;
  /** The largest amount (万元); none when not given. */
  max?: number;
  /** The input's step in 万元 and in millions (default 1 and 0.01). */
  step?: { wan: number; million: number };
  /** Shows the amount rounded to a whole number of the input's unit. */
  round?: boolean;
  /** A new amount (万元, whole) typed and left (change). */
  onChange?: (amount: number) => void;
  /** Enter in the field. */
  onEnter?: () => void;
}

/** A labelled number field for an amount of money. */
export class MoneyField {
  readonly el: HTMLLabelElement;
  private readonly input: HTMLInputElement;
  private readonly scale: number;

  constructor(private readonly props: MoneyFieldProps) {
    const scale = moneyInputScale(props.lang);
    this.scale = scale;
    const step = props.step ?? { wan: 1, million: 0.01 };
    this.input = h('input', {
      id: props.id,
      class: 'num',
      attrs: {
        type: 'number',
        min: 0,
        max: props.max === undefined ? undefined : props.max / scale,
        step: scale === 1 ? step.wan : step.million,
        value: this.shown(props.value),
      },
      on: {
        change: () => {
          const v = this.amount;
          if (v !== null) props.onChange?.(v);
        },
        keydown: (e) => {
          if (e.key === 'Enter') props.onEnter?.();
        },
      },
    });
    const unit = t(props.lang, scale === 1 ? 'unit.wan' : 'unit.million');
    this.el = h(
      'label',
      { class: 'inline-field', attrs: { for: props.id } },
      h('span', { text: props.label(unit) }),
      this.input,
    );
  }

  /** The amount typed (万元, whole, within 0..max), or null when the field holds no number. */
  get amount(): number | null {
    const v = Number(this.input.value);
    if (!Number.isFinite(v)) return null;
    const x = Math.max(0, Math.round(v * this.scale));
    return this.props.max === undefined ? x : Math.min(this.props.max, x);
  }

  /** The raw amount typed (万元, whole, not limited), or NaN. */
  get typed(): number {
    return Math.round(Number(this.input.value) * this.scale);
  }

  /** Shows another amount (万元). */
  update(amount: number): void {
    this.input.value = String(this.shown(amount));
  }

  private shown(amount: number): number {
    return this.props.round ? Math.round(amount / this.scale) : amount / this.scale;
  }
}

export interface MoneySliderProps {
  id: string;
  /** The slider's accessible name. */
  label: string;
  value: number;
  max: number;
  step: number;
  disabled?: boolean;
  /** The amount in words (aria-valuetext). */
  format: (amount: number) => string;
  /** The slider moved to an amount (万元, whole, within 0..max). */
  onInput: (amount: number) => void;
}

/** A slider over an amount of money (万元). */
export class MoneySlider {
  readonly el: HTMLInputElement;

  constructor(private readonly props: MoneySliderProps) {
    this.el = h('input', {
      id: props.id,
      class: 'slider',
      attrs: {
        type: 'range',
        min: 0,
        max: props.max,
        step: props.step,
        value: props.value,
        disabled: props.disabled,
        'aria-label': props.label,
        'aria-valuetext': props.format(props.value),
      },
      on: {
        input: () => {
          const x = Math.min(props.max, Math.round(Number(this.el.value)));
          this.update(x);
          props.onInput(x);
        },
      },
    });
  }

  /** Says another amount (the slider's own position is the player's). */
  update(amount: number): void {
    this.el.setAttribute('aria-valuetext', this.props.format(amount));
  }
}
