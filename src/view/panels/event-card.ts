// The event card: a modal dialog with the card's text, the facts behind it, the economics concept
// it teaches, and its choices with their visible trade-offs. Keys 1–4 pick a choice; Escape puts
// the card aside until the player ends the quarter. A card that moves money shows under each
// choice what it does to cash, stake and runway (panels/forecast.ts outlookOf).

import { levelText } from '../../app/i18n';
import { conceptOf } from '../../app/level-text';
import type { ChoiceOutlook, PendingEvent } from '../../engine/index';
import { cardById, quarterLabel } from '../../engine/index';
import { h } from '../dom';
import type { PanelContext } from './context';
import { choiceOutlook, outlookOf } from './forecast';

/** The card dialog; `index` (0-based) is the card's place among the quarter's `total` cards. */
export function eventModal(
  ctx: PanelContext,
  ev: PendingEvent,
  index: number,
  total: number,
  close: () => void,
): HTMLElement {
  const { level, state, tr, lang } = ctx;
  const card = cardById(level, ev.card);
  const concept = card ? conceptOf(level, card.concept) : undefined;
  // A card that moves money (a strategic deal, an investment) shows what each choice does to cash,
  // stake and runway now, and the quarter's cash it leads to (engine/forecast.ts dealOutlook).
  const outlook = outlookOf(level, state, ev.id);
  const choices = ev.choices.map((id, i) => choiceButton(ctx, ev, card, id, i, outlook?.[i] ?? null));
  return h(
    'div',
    { class: 'modal-backdrop' },
    h(
      'div',
      {
        class: 'modal event-card',
        attrs: {
          role: 'dialog',
          'aria-modal': 'true',
          'aria-labelledby': 'event-title',
          'aria-describedby': 'event-text',
        },
      },
      h(
        'header',
        { class: 'event-head' },
        h('span', {
          class: 'event-kicker',
          text: tr('event.kicker', { quarter: quarterLabel(level, state.turn), n: index + 1, total }),
        }),
        h('button', {
          id: 'event-later',
          class: 'btn ghost tiny',
          text: tr('event.later'),
          attrs: { title: 'Esc' },
          on: { click: close },
        }),
      ),
      h('h2', { id: 'event-title', text: card ? levelText(lang, card.title) : ev.card }),
      h('p', { id: 'event-text', class: 'event-text', text: card ? levelText(lang, card.text) : '' }),
      card
        ? h(
            'p',
            { class: 'event-facts' },
            h('span', { class: 'label', text: tr('event.facts') }),
            ' ',
            levelText(lang, card.facts),
          )
        : null,
      concept
        ? h(
            'aside',
            { class: 'concept' },
            h('span', { class: 'label', text: tr('event.concept') }),
            h('strong', { text: levelText(lang, concept.name) }),
            h('p', { text: levelText(lang, concept.text) }),
          )
        : null,
      h('div', { class: 'choices', attrs: { role: 'group', 'aria-label': tr('event.choices') } }, choices),
      h('p', { class: 'muted small', text: tr('event.keys', { n: ev.choices.length }) }),
    ),
  );
}

/** One choice of a card: its key, label and trade-off, and what it does to the money when it moves any. */
function choiceButton(
  ctx: PanelContext,
  ev: PendingEvent,
  card: ReturnType<typeof cardById>,
  id: string,
  i: number,
  outlook: ChoiceOutlook | null,
): HTMLElement {
  const spec = card?.choices.find((c) => c.id === id);
  return h(
    'button',
    {
      id: `choice-${i + 1}`,
      class: 'choice',
      attrs: { 'data-choice': id, 'aria-keyshortcuts': String(i + 1), 'data-autofocus': i === 0 },
      on: { click: () => ctx.dispatch({ type: 'event/answer', eventId: ev.id, choiceId: id }) },
    },
    h('span', { class: 'choice-key', text: String(i + 1), attrs: { 'aria-hidden': 'true' } }),
    h(
      'span',
      { class: 'choice-body' },
      h('strong', { text: spec ? levelText(ctx.lang, spec.label) : id }),
      spec ? h('span', { class: 'tradeoff', text: levelText(ctx.lang, spec.tradeoff) }) : null,
      outlook ? choiceOutlook(ctx, outlook, i) : null,
    ),
  );
}
