// A labelled figure (a key figure of the company): its label, its value, an optional line under it
// (a change, a breakdown) and an optional explanation of how it is computed. With an explanation the
// tile takes focus and the explanation is its description (a tooltip on hover and focus).

import { h } from '../dom';

export interface FigureProps {
  /** The tile's id (`kpi-<id>`) and its explanation's (`kpi-<id>-how`). */
  id: string;
  label: string;
  value: string;
  /** A line under the value: how it changed, what it is made of. */
  sub?: string | undefined;
  /** How the figure is computed, and the word that introduces it ("How:"). */
  how?: { title: string; text: string } | undefined;
  /** A class for its colour (good, fair, poor). */
  tone?: string | undefined;
}

export function figure(props: FigureProps): HTMLElement {
  const id = `kpi-${props.id}`;
  const how = props.how;
  return h(
    'div',
    {
      id,
      class: `kpi ${props.tone ?? ''}`,
      attrs: how ? { tabindex: 0, 'aria-describedby': `${id}-how` } : {},
    },
    h(
      'span',
      { class: 'kpi-label' },
      props.label,
      how ? h('span', { class: 'how-mark', text: '?', attrs: { 'aria-hidden': 'true' } }) : null,
    ),
    h('span', { class: 'kpi-value', text: props.value }),
    props.sub ? h('span', { class: 'kpi-sub', text: props.sub }) : null,
    how
      ? h(
          'span',
          { id: `${id}-how`, class: 'how', attrs: { role: 'tooltip' } },
          h('strong', { text: how.title }),
          ' ',
          how.text,
        )
      : null,
  );
}
