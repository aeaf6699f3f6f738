// The plan column's forecast: the quarter being planned, resolved by the engine under bad, median
// and good luck (engine/forecast.ts forecastQuarter) at the plan as committed — quality after this
// quarter's training, revenue, costs, profit and cash at the quarter's end, and a funding round's
// closing quarter, odds and dilution. It follows the plan: the dashboard re-renders after every
// committed change, and a state's forecast is worked out once.

import { money, pct, quality, runway } from '../../app/format';
import type { Band, ChoiceOutlook, GameState, Level, QuarterForecast } from '../../engine/index';
import { dealOutlook, FORECAST_TAIL, forecastQuarter, quarterLabel } from '../../engine/index';
import { h } from '../dom';
import type { PanelContext } from './context';

const forecasts = new WeakMap<GameState, QuarterForecast | null>();

/** The forecast of a state's quarter (states are immutable: each is forecast once). */
export function forecastOf(level: Level, state: GameState): QuarterForecast | null {
  let f = forecasts.get(state);
  if (f === undefined) {
    f = forecastQuarter(level, state);
    forecasts.set(state, f);
  }
  return f;
}

const outlooks = new WeakMap<GameState, Map<string, ReturnType<typeof dealOutlook>>>();

/** The outlook of a pending card's choices on a state (once per state and card). */
export function outlookOf(level: Level, state: GameState, eventId: string): ReturnType<typeof dealOutlook> {
  let byEvent = outlooks.get(state);
  if (!byEvent) {
    byEvent = new Map();
    outlooks.set(state, byEvent);
  }
  if (!byEvent.has(eventId)) byEvent.set(eventId, dealOutlook(level, state, eventId));
  return byEvent.get(eventId) ?? null;
}

/** A band's figures as data attributes, for tests and tools to read what is shown. */
function bandAttrs(b: Band): Record<string, number> {
  return { 'data-low': b.low, 'data-mid': b.mid, 'data-high': b.high };
}

export function forecastPanel(ctx: PanelContext): HTMLElement | null {
  const { level, state, me, tr, lang } = ctx;
  const f = forecastOf(level, state);
  if (!f) return null;
  const range = (b: Band, fmt: (x: number) => string) =>
    b.low === b.high ? fmt(b.mid) : tr('fc.range', { mid: fmt(b.mid), low: fmt(b.low), high: fmt(b.high) });
  const wan = (x: number) => money(lang, Math.round(x));
  const q = f.quality;
  const same = q.low === q.high && q.mid === me.quality;
  const row = (id: string, key: Parameters<typeof tr>[0], b: Band, text: string) => [
    h('dt', { text: tr(key) }),
    h('dd', { id, attrs: bandAttrs(b), text }),
  ];
  const round = f.round;
  return h(
    'section',
    { id: 'forecast', class: 'card forecast', attrs: { 'aria-labelledby': 'forecast-title' } },
    h('h2', { id: 'forecast-title', text: tr('fc.title') }),
    h(
      'dl',
      { class: 'price-compare', attrs: { 'aria-live': 'polite' } },
      row(
        'fc-quality',
        'fc.quality',
        q,
        same ? tr('fc.noRelease', { q: quality(q.mid) }) : range(q, (x) => quality(x)),
      ),
      row('fc-revenue', 'fc.revenue', f.revenue, range(f.revenue, wan)),
      row('fc-costs', 'fc.costs', f.costs, range(f.costs, wan)),
      row('fc-profit', 'fc.profit', f.operatingProfit, range(f.operatingProfit, wan)),
      row('fc-cash', 'fc.cash', f.cash, range(f.cash, wan)),
    ),
    round
      ? h('p', {
          id: 'fc-round',
          class: 'small',
          attrs: round.chance ? bandAttrs(round.chance) : {},
          text:
            round.decided && round.chance && round.amount && round.dilutionBp
              ? tr('fc.round', {
                  quarter: quarterLabel(level, round.closesTurn),
                  chance: range(round.chance, (x) => pct(x)),
                  amount: range(round.amount, wan),
                  dilution: range(round.dilutionBp, (x) => pct(x / 10_000, 1)),
                })
              : tr('fc.roundNever', { quarter: quarterLabel(level, round.closesTurn) }),
        })
      : null,
    h('p', { class: 'muted small', text: tr('fc.help', { tail: Math.round(FORECAST_TAIL * 100) }) }),
  );
}

/** Under a card's choice: the cash, stake and runway it leads to now, and the quarter's cash. */
export function choiceOutlook(ctx: PanelContext, o: ChoiceOutlook, i: number): HTMLElement {
  const { lang, tr, me } = ctx;
  const credits =
    o.credits > me.credits ? tr('fc.dealCredits', { credits: money(lang, o.credits - me.credits) }) : '';
  const deal = tr('fc.deal', {
    cash: money(lang, o.cash),
    stake: pct(o.ownershipBp / 10_000, 1),
    runway: runway(lang, o.runway),
    end: o.forecast ? money(lang, o.forecast.cash.mid) : '—',
  });
  return h('span', {
    id: `choice-outlook-${i + 1}`,
    class: 'choice-outlook',
    attrs: { 'data-cash': o.cash, 'data-runway': o.runway },
    text: credits ? `${deal} · ${credits}` : deal,
  });
}
