// The centre of the dashboard: the pretraining ⟷ applications slider, the quarter's spend with
// the runway it leaves, the weights of the four application markets, and the API price the
// pricing mode gives this quarter beside the market's, the serving cost and the margin between;
// then the engine's forecast of the quarter at this plan (panels/forecast.ts).

import { apiMarginOf } from '../../app/api-margin';
import { money, moneyInputScale, price, runway } from '../../app/format';
import { actorName } from '../../app/level-text';
import { rebalance, spendForRunway, splitFromSliders, weightsWithSliders } from '../../app/plan-helpers';
import type { AppMarket, Command, PricingMode, SpendSplit } from '../../engine/index';
import {
  APP_MARKETS,
  appBudgets,
  economy,
  PRICING_MODES,
  projectedRunway,
  splitSpend,
} from '../../engine/index';
import { h } from '../dom';
import type { PanelContext } from './context';
import { forecastPanel } from './forecast';
import { runwayClass, runwayIcon } from './runway';

export { runwayClass, runwayIcon };

function niceStep(x: number): number {
  if (x <= 1) return 1;
  const mag = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 5, 10].map((m) => m * mag).find((v) => v >= x) ?? x) | 0 || 1;
}

/** The values of the application sliders a player can move now (the others keep the plan's). */
function liveWeightSliders(): Partial<Record<AppMarket, number>> {
  const out: Partial<Record<AppMarket, number>> = {};
  for (const m of APP_MARKETS) {
    const el = document.getElementById(`weight-${m}`) as HTMLInputElement | null;
    if (el && !el.disabled) out[m] = Number(el.value);
  }
  return out;
}

/** The split as the sliders show it now (they may be ahead of the plan while a commit is pending). */
function splitCommand(ctx: PanelContext): Command {
  const slider = document.getElementById('split-slider') as HTMLInputElement | null;
  const percent = slider && !slider.disabled ? Number(slider.value) : null;
  return splitFromSliders(ctx.me.plan, percent, liveWeightSliders());
}

function splitPanel(ctx: PanelContext, spend: number): HTMLElement {
  const { me, level, state, tr, lang } = ctx;
  const plan = me.plan;
  const abandoned = me.pretrainingAbandoned;
  const pctPre = abandoned ? 0 : Math.round(plan.pretrainingBp / 100);
  const cap = economy.maxComputeSpend(level, state.turn);
  // The 万元 each side gets, as the engine's spend step divides them (splitSpend).
  const label = (split: SpendSplit) => ({
    pre: money(lang, split.pretraining),
    app: money(lang, split.apps),
  });
  const now = splitSpend(spend, plan.pretrainingBp, abandoned);
  const l = label(now);
  const capped = now.pretraining > cap;
  const run = me.run;
  const update = (p: number) => {
    const root = document.getElementById('split-hero');
    if (!root) return;
    root.style.setProperty('--pre', `${p}%`);
    const v = label(splitSpend(spend, p * 100, false));
    root.querySelector('#split-pre-value')!.textContent = `${p}% · ${v.pre}`;
    root.querySelector('#split-app-value')!.textContent = `${100 - p}% · ${v.app}`;
  };
  return h(
    'section',
    {
      class: 'split-hero',
      id: 'split-hero',
      style: { '--pre': `${pctPre}%` },
      attrs: { 'aria-labelledby': 'split-title' },
    },
    h('h2', { id: 'split-title', text: tr('plan.split') }),
    h(
      'div',
      { class: 'split-ends' },
      h(
        'div',
        { class: 'end pre' },
        h('span', { class: 'end-name', text: tr('plan.pretraining') }),
        h('span', { id: 'split-pre-value', class: 'end-value', text: `${pctPre}% · ${l.pre}` }),
      ),
      h('span', { class: 'split-arrow', text: '⟷', attrs: { 'aria-hidden': 'true' } }),
      h(
        'div',
        { class: 'end app' },
        h('span', { class: 'end-name', text: tr('plan.applications') }),
        h('span', { id: 'split-app-value', class: 'end-value', text: `${100 - pctPre}% · ${l.app}` }),
      ),
    ),
    h('div', { class: 'split-bar', attrs: { 'aria-hidden': 'true' } }, h('div', { class: 'split-fill' })),
    h('input', {
      id: 'split-slider',
      class: 'slider split-slider',
      attrs: {
        type: 'range',
        min: 0,
        max: 100,
        step: 1,
        value: pctPre,
        disabled: abandoned,
        'aria-label': tr('plan.splitAria'),
        'aria-valuetext': tr('plan.splitValue', { pre: pctPre, app: 100 - pctPre }),
      },
      on: {
        input: (e) => {
          const p = Number((e.target as HTMLInputElement).value);
          (e.target as HTMLInputElement).setAttribute(
            'aria-valuetext',
            tr('plan.splitValue', { pre: p, app: 100 - p }),
          );
          update(p);
          ctx.schedule('split', () => splitCommand(ctx));
        },
      },
    }),
    h(
      'p',
      { class: 'split-notes muted' },
      abandoned
        ? tr('plan.abandoned')
        : [
            tr('plan.modelStatus', {
              quality: me.quality.toFixed(1),
              run: run
                ? tr('plan.runProgress', { done: run.quarters, total: level.market.trainingQuarters })
                : tr('plan.noRun'),
            }),
            capped
              ? h('span', { class: 'warn-text', text: ` ${tr('plan.gpuCap', { cap: money(lang, cap) })}` })
              : null,
          ],
    ),
  );
}

function spendPanel(ctx: PanelContext): HTMLElement {
  const { me, level, state, tr, lang } = ctx;
  const cash = Math.max(0, me.cash);
  const spend = Math.min(me.plan.spend, cash);
  const scale = moneyInputScale(lang);
  const step = niceStep(cash / 200);
  const payroll = economy.payroll(level, state.turn, me);
  const rw = (x: number) => projectedRunway(level, state, me, x);
  const runwayText = (x: number) => `${runwayIcon(rw(x))} ${runway(lang, rw(x))}`;
  const show = (x: number) => {
    const out = document.getElementById('spend-runway');
    if (out) {
      out.textContent = runwayText(x);
      out.className = `runway-value ${runwayClass(rw(x))}`;
    }
    const amount = document.getElementById('spend-amount');
    if (amount) amount.textContent = money(lang, x);
  };
  const presets: { key: 'plan.lean' | 'plan.steady' | 'plan.bold' | 'plan.allIn'; runway: number }[] = [
    { key: 'plan.lean', runway: 10 },
    { key: 'plan.steady', runway: 6 },
    { key: 'plan.bold', runway: 3.5 },
    { key: 'plan.allIn', runway: 1.5 },
  ];
  return h(
    'section',
    { class: 'card spend', attrs: { 'aria-labelledby': 'spend-title' } },
    h(
      'div',
      { class: 'card-head' },
      h('h2', { id: 'spend-title', text: tr('plan.spend') }),
      h('span', { id: 'spend-amount', class: 'big-number', text: money(lang, spend) }),
    ),
    h('input', {
      id: 'spend-slider',
      class: 'slider',
      attrs: {
        type: 'range',
        min: 0,
        max: cash,
        step,
        value: spend,
        disabled: cash <= 0,
        'aria-label': tr('plan.spendAria'),
        'aria-valuetext': money(lang, spend),
      },
      on: {
        input: (e) => {
          const el = e.target as HTMLInputElement;
          const x = Math.min(cash, Math.round(Number(el.value)));
          el.setAttribute('aria-valuetext', money(lang, x));
          show(x);
          const num = document.getElementById('spend-input') as HTMLInputElement | null;
          if (num) num.value = String(x / scale);
          ctx.schedule('spend', () => ({ type: 'plan/set-spend', amount: x }));
        },
      },
    }),
    h(
      'div',
      { class: 'spend-row' },
      h(
        'label',
        { class: 'inline-field', attrs: { for: 'spend-input' } },
        h('span', { text: tr('plan.exactSpend', { unit: tr(scale === 1 ? 'unit.wan' : 'unit.million') }) }),
        h('input', {
          id: 'spend-input',
          class: 'num',
          attrs: {
            type: 'number',
            min: 0,
            max: cash / scale,
            step: scale === 1 ? 1 : 0.01,
            value: spend / scale,
          },
          on: {
            change: (e) => {
              const v = Number((e.target as HTMLInputElement).value);
              if (!Number.isFinite(v)) return;
              const x = Math.max(0, Math.min(cash, Math.round(v * scale)));
              ctx.dispatch({ type: 'plan/set-spend', amount: x });
            },
          },
        }),
      ),
      h(
        'div',
        { class: 'runway-box' },
        h('span', { class: 'muted', text: tr('plan.runwayAt') }),
        h('strong', {
          id: 'spend-runway',
          class: `runway-value ${runwayClass(rw(spend))}`,
          text: runwayText(spend),
          attrs: { 'aria-live': 'polite' },
        }),
      ),
    ),
    h(
      'div',
      { class: 'presets', attrs: { role: 'group', 'aria-label': tr('plan.presets') } },
      presets.map((p) =>
        h('button', {
          id: `spend-${p.key.slice(5)}`,
          class: 'btn chip',
          text: tr(p.key),
          attrs: { title: tr('plan.presetTitle', { runway: p.runway }) },
          on: {
            click: () =>
              ctx.dispatch({ type: 'plan/set-spend', amount: spendForRunway(level, state, me, p.runway) }),
          },
        }),
      ),
    ),
    h('p', { class: 'muted small', text: tr('plan.payrollOnTop', { payroll: money(lang, payroll) }) }),
  );
}

function weightsPanel(ctx: PanelContext, spend: number): HTMLElement {
  const { me, level, tr, lang } = ctx;
  const open = APP_MARKETS.filter((m) => level.markets[m]);
  const w = me.plan.appWeights;
  // The applications budget and its shares as the engine's spend step computes them.
  const { apps } = splitSpend(spend, me.plan.pretrainingBp, me.pretrainingAbandoned);
  const budgets = appBudgets(apps, w);
  return h(
    'section',
    { class: 'card weights', attrs: { 'aria-labelledby': 'weights-title' } },
    h('h2', { id: 'weights-title', text: tr('plan.weights') }),
    h(
      'div',
      { class: 'weight-rows' },
      APP_MARKETS.map((m) => {
        const isOpen = open.includes(m);
        return h(
          'div',
          { class: `weight-row market-${m} ${isOpen ? '' : 'closed'}` },
          h(
            'label',
            { attrs: { for: `weight-${m}` } },
            h('span', { class: 'dot', attrs: { 'aria-hidden': 'true' } }),
            tr(`market.${m}`),
          ),
          h('input', {
            id: `weight-${m}`,
            class: 'slider small',
            attrs: {
              type: 'range',
              min: 0,
              max: 100,
              step: 1,
              value: w[m],
              disabled: !isOpen || open.length < 2,
              'aria-valuetext': `${w[m]}%`,
            },
            on: {
              input: (e) => {
                const v = Number((e.target as HTMLInputElement).value);
                const next = rebalance(
                  weightsWithSliders(me.plan.appWeights, liveWeightSliders()),
                  m,
                  v,
                  open,
                );
                const nextBudgets = appBudgets(apps, next);
                for (const k of APP_MARKETS) {
                  const out = document.getElementById(`weight-${k}-value`);
                  if (out) out.textContent = `${next[k]}% · ${money(lang, nextBudgets[k])}`;
                  const sl = document.getElementById(`weight-${k}`) as HTMLInputElement | null;
                  if (sl && k !== m) sl.value = String(next[k]);
                }
                ctx.schedule('split', () => splitCommand(ctx));
              },
            },
          }),
          h('span', {
            id: `weight-${m}-value`,
            class: 'weight-value',
            text: isOpen ? `${w[m]}% · ${money(lang, budgets[m])}` : tr('plan.closed'),
          }),
        );
      }),
    ),
    h('p', { class: 'muted small', text: tr('plan.weightsHelp') }),
  );
}

function pricingPanel(ctx: PanelContext): HTMLElement {
  const { me, level, state, tr, lang } = ctx;
  const mode = me.plan.pricing.mode;
  const market = state.market.refPrice;
  let cheapest: { id: string; price: number } | null = null;
  state.giants.forEach((g, i) => {
    if (!g.active || level.giants[i]?.kind !== 'bigtech') return;
    if (!cheapest || g.apiPrice < cheapest.price) cheapest = { id: g.id, price: g.apiPrice };
  });
  const cheap = cheapest as { id: string; price: number } | null;
  // The price this quarter's mode gives and the serving cost the market will bill (the engine's rules).
  const api = apiMarginOf(level, state, me);
  const below = api.sells && api.margin < 0;
  const noModel = me.pretrainingAbandoned || me.quality <= 0;
  const closed = !level.markets.api;
  const choose = (m: PricingMode, priceValue?: number): Command =>
    m === 'exact'
      ? { type: 'plan/set-api-price', mode: m, price: priceValue ?? me.plan.pricing.price }
      : { type: 'plan/set-api-price', mode: m };
  return h(
    'section',
    { class: 'card pricing', attrs: { 'aria-labelledby': 'pricing-title' } },
    h('h2', { id: 'pricing-title', text: tr('plan.pricing') }),
    h(
      'div',
      { class: 'pricing-body' },
      h(
        'fieldset',
        { class: 'radio-row', attrs: { disabled: closed } },
        h('legend', { class: 'sr-only', text: tr('plan.pricingMode') }),
        PRICING_MODES.map((m) =>
          h(
            'label',
            { class: `radio-chip ${mode === m ? 'on' : ''}` },
            h('input', {
              id: `price-${m}`,
              attrs: { type: 'radio', name: 'price-mode', value: m, checked: mode === m },
              on: {
                change: () =>
                  ctx.dispatch(
                    choose(m, m === 'exact' ? Math.max(0, Number(api.price.toFixed(3))) : undefined),
                  ),
              },
            }),
            h('span', { text: tr(`pricing.${m}`) }),
          ),
        ),
      ),
      mode === 'exact'
        ? h(
            'label',
            { class: 'inline-field', attrs: { for: 'price-input' } },
            h('span', { text: tr('plan.exactPrice') }),
            h('input', {
              id: 'price-input',
              class: 'num',
              attrs: { type: 'number', min: 0, max: 10000, step: 0.01, value: me.plan.pricing.price },
              on: {
                change: (e) => {
                  const v = Number((e.target as HTMLInputElement).value);
                  if (Number.isFinite(v) && v >= 0) ctx.dispatch(choose('exact', v));
                },
              },
            }),
          )
        : null,
      h(
        'dl',
        { class: 'price-compare' },
        h('dt', { text: tr('plan.yourPrice') }),
        h('dd', { id: 'api-price-now', class: 'you', text: api.sells ? price(api.price) : '—' }),
        h('dt', { text: tr('plan.marketPrice') }),
        h('dd', { text: price(market) }),
        cheap ? h('dt', { text: tr('plan.bigTechPrice', { name: actorName(lang, level, cheap.id) }) }) : null,
        cheap ? h('dd', { text: price(cheap.price) }) : null,
        h('dt', { text: tr('plan.servingCost') }),
        h('dd', { id: 'api-serving-cost', text: price(api.cost) }),
        h('dt', { text: tr('plan.margin') }),
        h('dd', {
          id: 'api-margin',
          class: below ? 'below-cost' : '',
          text: !api.sells
            ? '—'
            : below
              ? `−${price(-api.margin)} · ${tr('plan.belowCost')}`
              : price(api.margin),
        }),
      ),
      h('p', { class: 'muted small', text: tr(`pricing.${mode}.help`) }),
      api.sells ? h('p', { class: 'muted small', text: tr('plan.marginHelp') }) : null,
      me.strategic ? h('p', { class: 'warn-text small', text: tr('plan.investorString') }) : null,
      noModel ? h('p', { class: 'warn-text small', text: tr('plan.noApi') }) : null,
    ),
  );
}

export function strategyColumn(ctx: PanelContext): HTMLElement[] {
  const spend = Math.min(ctx.me.plan.spend, Math.max(0, ctx.me.cash));
  const forecast = forecastPanel(ctx);
  const panels = [splitPanel(ctx, spend), spendPanel(ctx), weightsPanel(ctx, spend), pricingPanel(ctx)];
  return forecast ? [...panels, forecast] : panels;
}
