// The ending's sections that only show what they are given: the par lines (a small widget updated
// once par is computed), the company's final figures, the debrief and the timeline of decisions.

import type { TimelineEntry } from '../../app/debrief';
import { count, money, pct } from '../../app/format';
import type { Language, TextKey } from '../../app/i18n';
import { standingTexts } from '../../app/score-text';
import type { GameState, Standing, StartupState } from '../../engine/index';
import { h } from '../dom';

type Tr = (key: TextKey, params?: Record<string, string | number>) => string;

/** The two par lines of the score list (difference, percentile), "computing…" until `update`. */
export class ParLines {
  private readonly difference = h('dd', { id: 'par-difference' });
  private readonly percentile = h('dd', { id: 'percentile' });

  constructor(
    private readonly lang: Language,
    private readonly tr: Tr,
    standing: Standing | null | undefined,
  ) {
    this.update(standing);
  }

  /** The dt/dd pairs for the score list. */
  items(): HTMLElement[] {
    return [
      h('dt', { text: this.tr('par.difference') }),
      this.difference,
      h('dt', { text: this.tr('par.percentile') }),
      this.percentile,
    ];
  }

  update(standing: Standing | null | undefined): void {
    const text = standingTexts(this.lang, standing);
    this.difference.textContent = text.difference;
    this.percentile.textContent = text.percentile;
  }
}

/** The company as it ended: cash, last revenue, model, users, valuation, stake. */
export function finalFigures(lang: Language, tr: Tr, state: GameState, me: StartupState): HTMLElement {
  const rec = state.history[state.history.length - 1]?.companies.find((c) => c.id === me.id);
  const fig = (label: string, value: string) =>
    h(
      'div',
      { class: 'fig' },
      h('span', { class: 'muted', text: label }),
      h('strong', { class: 'fig-value', text: value }),
    );
  return h(
    'div',
    { class: 'final-figs' },
    fig(tr('kpi.cash'), money(lang, me.cash)),
    fig(tr('kpi.revenue'), rec ? money(lang, rec.revenue) : '—'),
    fig(tr('kpi.quality'), me.quality.toFixed(1)),
    fig(tr('kpi.users'), count(lang, me.domesticUsers + me.overseasUsers)),
    fig(tr('kpi.valuation'), money(lang, me.valuation)),
    fig(tr('money.stake'), pct(me.ownershipBp / 10_000, 1)),
  );
}

/** A scrolling card with a heading (the debrief, the timeline). */
function scrollCard(
  cls: string,
  titleId: string,
  title: string,
  body: HTMLElement[] | HTMLElement,
): HTMLElement {
  return h(
    'section',
    { class: `card ${cls}`, attrs: { 'aria-labelledby': titleId } },
    h('h2', { id: titleId, text: title }),
    h('div', { class: 'scroll', attrs: { tabindex: 0, 'aria-labelledby': titleId } }, body),
  );
}

/** The lessons and concepts met, each a short article. */
export function debriefSection(tr: Tr, items: readonly { title: string; text: string }[]): HTMLElement {
  return scrollCard(
    'debrief',
    'debrief-title',
    tr('ending.debrief'),
    items.map((d) => h('article', { class: 'lesson' }, h('h3', { text: d.title }), h('p', { text: d.text }))),
  );
}

/** The key decisions and events, quarter by quarter. */
export function timelineSection(tr: Tr, events: readonly TimelineEntry[]): HTMLElement {
  return scrollCard(
    'timeline',
    'timeline-title',
    tr('ending.timeline'),
    h(
      'ol',
      { class: 'timeline-list' },
      events.map((e) =>
        h(
          'li',
          { class: e.kind },
          h('span', { class: 'tl-quarter', text: e.quarter }),
          h('span', { text: e.text }),
        ),
      ),
    ),
  );
}
