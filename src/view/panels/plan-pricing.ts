// The API price: the pricing mode (or an exact price), the price this quarter's mode gives beside
// the market's and the cheapest big-tech giant's, the serving cost the market will bill and the
// margin between (app/api-margin.ts works them out with the engine's rules).

import type { ApiMargin } from '../../app/api-margin';
import { apiMarginOf } from '../../app/api-margin';
import { price } from '../../app/format';
import { actorName } from '../../app/level-text';
import { cheapestBigTech } from '../../app/panel-figures';
import type { Command, PricingMode } from '../../engine/index';
import { PRICING_MODES } from '../../engine/index';
import { h } from '../dom';
import type { PanelContext } from './context';
import { radioRow } from './radio-row';

/** The command for a mode (an exact price keeps the plan's unless one is given). */
function choose(ctx: PanelContext, m: PricingMode, priceValue?: number): Command {
  return m === 'exact'
    ? { type: 'plan/set-api-price', mode: m, price: priceValue ?? ctx.me.plan.pricing.price }
    : { type: 'plan/set-api-price', mode: m };
}

/** The exact price's field. */
function exactPrice(ctx: PanelContext): HTMLElement {
  return h(
    'label',
    { class: 'inline-field', attrs: { for: 'price-input' } },
    h('span', { text: ctx.tr('plan.exactPrice') }),
    h('input', {
      id: 'price-input',
      class: 'num',
      attrs: { type: 'number', min: 0, max: 10000, step: 0.01, value: ctx.me.plan.pricing.price },
      on: {
        change: (e) => {
          const v = Number((e.target as HTMLInputElement).value);
          if (Number.isFinite(v) && v >= 0) ctx.dispatch(choose(ctx, 'exact', v));
        },
      },
    }),
  );
}

/** Your price, the market's, the cheapest big-tech giant's, the serving cost and the margin. */
function priceCompare(ctx: PanelContext, api: ApiMargin): HTMLElement {
  const { level, state, tr, lang } = ctx;
  const cheap = cheapestBigTech(level, state);
  const below = api.sells && api.margin < 0;
  return h(
    'dl',
    { class: 'price-compare' },
    h('dt', { text: tr('plan.yourPrice') }),
    h('dd', { id: 'api-price-now', class: 'you', text: api.sells ? price(api.price) : '—' }),
    h('dt', { text: tr('plan.marketPrice') }),
    h('dd', { text: price(state.market.refPrice) }),
    cheap ? h('dt', { text: tr('plan.bigTechPrice', { name: actorName(lang, level, cheap.id) }) }) : null,
    cheap ? h('dd', { text: price(cheap.price) }) : null,
    h('dt', { text: tr('plan.servingCost') }),
    h('dd', { id: 'api-serving-cost', text: price(api.cost) }),
    h('dt', { text: tr('plan.margin') }),
    h('dd', {
      id: 'api-margin',
      class: below ? 'below-cost' : '',
      text: !api.sells ? '—' : below ? `−${price(-api.margin)} · ${tr('plan.belowCost')}` : price(api.margin),
    }),
  );
}

export function pricingPanel(ctx: PanelContext): HTMLElement {
  const { me, level, state, tr } = ctx;
  const mode = me.plan.pricing.mode;
  // The price this quarter's mode gives and the serving cost the market will bill (the engine's rules).
  const api = apiMarginOf(level, state, me);
  const noModel = me.pretrainingAbandoned || me.quality <= 0;
  const modes = radioRow({
    name: 'price-mode',
    idPrefix: 'price',
    legend: tr('plan.pricingMode'),
    legendHidden: true,
    options: PRICING_MODES.map((m) => ({ value: m, label: tr(`pricing.${m}`) })),
    checked: mode,
    disabled: !level.markets.api,
    onChange: (m) =>
      ctx.dispatch(choose(ctx, m, m === 'exact' ? Math.max(0, Number(api.price.toFixed(3))) : undefined)),
  });
  return h(
    'section',
    { class: 'card pricing', attrs: { 'aria-labelledby': 'pricing-title' } },
    h('h2', { id: 'pricing-title', text: tr('plan.pricing') }),
    h(
      'div',
      { class: 'pricing-body' },
      modes,
      mode === 'exact' ? exactPrice(ctx) : null,
      priceCompare(ctx, api),
      h('p', { class: 'muted small', text: tr(`pricing.${mode}.help`) }),
      api.sells ? h('p', { class: 'muted small', text: tr('plan.marginHelp') }) : null,
      me.strategic ? h('p', { class: 'warn-text small', text: tr('plan.investorString') }) : null,
      noModel ? h('p', { class: 'warn-text small', text: tr('plan.noApi') }) : null,
    ),
  );
}
