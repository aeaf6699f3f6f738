// The language switch: one toggle button per language, the current one pressed, in a group named
// "Language". Title and the instructor's view show it; a press switches the whole game.

import type { Language } from '../../app/i18n';
import { LANGUAGES } from '../../app/i18n';
import { h } from '../dom';

const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' };

export interface LangSwitchProps {
  /** The group's name ("Language"). */
  label: string;
  current: Language;
  /** Each button's id is this prefix and the language. */
  idPrefix: string;
  /** A visible label before the buttons (hidden from screen readers: the group is named). */
  visibleLabel?: boolean;
  onPick: (lang: Language) => void;
}

export function langSwitch(props: LangSwitchProps): HTMLElement {
  return h(
    'div',
    { class: 'lang-switch', attrs: { role: 'group', 'aria-label': props.label } },
    props.visibleLabel
      ? h('span', { class: 'lang-label', text: props.label, attrs: { 'aria-hidden': 'true' } })
      : null,
    LANGUAGES.map((l) =>
      h('button', {
        id: `${props.idPrefix}${l}`,
        class: `btn chip ${props.current === l ? 'on' : ''}`,
        text: LANGUAGE_NAMES[l],
        attrs: { lang: l, 'aria-pressed': props.current === l ? 'true' : 'false' },
        on: { click: () => props.onPick(l) },
      }),
    ),
  );
}
