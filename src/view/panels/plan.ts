// The centre of the dashboard: the pretraining ⟷ applications slider, the quarter's spend with
// the runway it leaves (plan-spend.ts), the weights of the four application markets, and the API
// price (plan-pricing.ts); then the engine's forecast of the quarter at this plan (forecast.ts).
// The split and the weights sliders make one command together: SplitDraft holds what they show.

import { money } from '../../app/format';
import { rebalance, splitFromSliders, weightsWithSliders } from '../../app/plan-helpers';
import type { AppMarket, Command, SpendSplit } from '../../engine/index';
import { APP_MARKETS, appBudgets, economy, splitSpend } from '../../engine/index';
import { h } from '../dom';
import type { PanelContext } from './context';
import { forecastPanel } from './forecast';
import { pricingPanel } from './plan-pricing';
import { spendPanel } from './plan-spend';
import { runwayClass, runwayIcon } from './runway';

export { runwayClass, runwayIcon };

/**
 * The split as the sliders on screen show it (they may be ahead of the plan while a commit is
 * pending): the pretraining share (null when its slider is disabled) and the live application
 * sliders' values. The latest render's draft is the one a pending commit reads.
 */
class SplitDraft {
  percent: number | null;
  weights: Partial<Record<AppMarket, number>> = {};

  constructor(
    private readonly ctx: PanelContext,
    readonly open: readonly AppMarket[],
  ) {
    const { me } = ctx;
    this.percent = me.pretrainingAbandoned ? null : Math.round(me.plan.pretrainingBp / 100);
    if (open.length >= 2) for (const m of open) this.weights[m] = me.plan.appWeights[m];
  }

  command(): Command {
    return splitFromSliders(this.ctx.me.plan, this.percent, this.weights);
  }
}

let onScreen: SplitDraft | null = null;

/** Schedules the split the sliders on screen show (a later render's, if the column was drawn again). */
function scheduleSplit(ctx: PanelContext, draft: SplitDraft): void {
  ctx.schedule('split', () => (onScreen ?? draft).command());
}

/** One end of the split: its name and its share with the 万元 it gets. */
function splitEnd(side: 'pre' | 'app', name: string, text: string): { el: HTMLElement; value: HTMLElement } {
  const value = h('span', { id: `split-${side}-value`, class: 'end-value', text });
  return {
    el: h('div', { class: `end ${side}` }, h('span', { class: 'end-name', text: name }), value),
    value,
  };
}

/** The model's state under the slider: quality and training run, the GPU cap if spend passes it. */
function splitNotes(ctx: PanelContext, now: SpendSplit): HTMLElement {
  const { me, level, state, tr, lang } = ctx;
  const cap = economy.maxComputeSpend(level, state.turn);
  const run = me.run;
  return h(
    'p',
    { class: 'split-notes muted' },
    me.pretrainingAbandoned
      ? tr('plan.abandoned')
      : [
          tr('plan.modelStatus', {
            quality: me.quality.toFixed(1),
            run: run
              ? tr('plan.runProgress', { done: run.quarters, total: level.market.trainingQuarters })
              : tr('plan.noRun'),
          }),
          now.pretraining > cap
            ? h('span', { class: 'warn-text', text: ` ${tr('plan.gpuCap', { cap: money(lang, cap) })}` })
            : null,
        ],
  );
}

function splitPanel(ctx: PanelContext, spend: number, draft: SplitDraft): HTMLElement {
  const { me, tr, lang } = ctx;
  const abandoned = me.pretrainingAbandoned;
  const pctPre = abandoned ? 0 : Math.round(me.plan.pretrainingBp / 100);
  // The 万元 each side gets, as the engine's spend step divides them (splitSpend).
  const ends = (p: number, split: SpendSplit) => ({
    pre: `${p}% · ${money(lang, split.pretraining)}`,
    app: `${100 - p}% · ${money(lang, split.apps)}`,
  });
  const now = splitSpend(spend, me.plan.pretrainingBp, abandoned);
  const first = ends(pctPre, now);
  const pre = splitEnd('pre', tr('plan.pretraining'), first.pre);
  const app = splitEnd('app', tr('plan.applications'), first.app);
  const root = h(
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
      pre.el,
      h('span', { class: 'split-arrow', text: '⟷', attrs: { 'aria-hidden': 'true' } }),
      app.el,
    ),
    h('div', { class: 'split-bar', attrs: { 'aria-hidden': 'true' } }, h('div', { class: 'split-fill' })),
  );
  const update = (p: number) => {
    root.style.setProperty('--pre', `${p}%`);
    const v = ends(p, splitSpend(spend, p * 100, false));
    pre.value.textContent = v.pre;
    app.value.textContent = v.app;
  };
  const slider = h('input', {
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
      input: () => {
        const p = Number(slider.value);
        slider.setAttribute('aria-valuetext', tr('plan.splitValue', { pre: p, app: 100 - p }));
        update(p);
        draft.percent = p;
        scheduleSplit(ctx, draft);
      },
    },
  });
  root.append(slider, splitNotes(ctx, now));
  return root;
}

/** A market's weight row: its label, its slider, and its share with the 万元 it gets. */
interface WeightRow {
  el: HTMLElement;
  slider: HTMLInputElement;
  value: HTMLElement;
}

function weightRow(
  ctx: PanelContext,
  m: AppMarket,
  text: string,
  enabled: boolean,
  onInput: () => void,
): WeightRow {
  const { me, level, tr } = ctx;
  const w = me.plan.appWeights[m];
  const slider = h('input', {
    id: `weight-${m}`,
    class: 'slider small',
    attrs: {
      type: 'range',
      min: 0,
      max: 100,
      step: 1,
      value: w,
      disabled: !enabled,
      'aria-valuetext': `${w}%`,
    },
    on: { input: onInput },
  });
  const value = h('span', { id: `weight-${m}-value`, class: 'weight-value', text });
  const el = h(
    'div',
    { class: `weight-row market-${m} ${level.markets[m] ? '' : 'closed'}` },
    h(
      'label',
      { attrs: { for: `weight-${m}` } },
      h('span', { class: 'dot', attrs: { 'aria-hidden': 'true' } }),
      tr(`market.${m}`),
    ),
    slider,
    value,
  );
  return { el, slider, value };
}

function weightsPanel(ctx: PanelContext, spend: number, draft: SplitDraft): HTMLElement {
  const { me, tr, lang } = ctx;
  const open = draft.open;
  // The applications budget and its shares as the engine's spend step computes them.
  const { apps } = splitSpend(spend, me.plan.pretrainingBp, me.pretrainingAbandoned);
  const budgets = appBudgets(apps, me.plan.appWeights);
  const shareText = (weight: number, budget: number) => `${weight}% · ${money(lang, budget)}`;
  const rows = {} as Record<AppMarket, WeightRow>;
  const moved = (m: AppMarket) => {
    const v = Number(rows[m].slider.value);
    draft.weights[m] = v;
    const next = rebalance(weightsWithSliders(me.plan.appWeights, draft.weights), m, v, open);
    const nextBudgets = appBudgets(apps, next);
    for (const k of APP_MARKETS) {
      rows[k].value.textContent = shareText(next[k], nextBudgets[k]);
      if (k === m) continue;
      rows[k].slider.value = String(next[k]);
      if (draft.weights[k] !== undefined) draft.weights[k] = Number(rows[k].slider.value);
    }
    scheduleSplit(ctx, draft);
  };
  for (const m of APP_MARKETS) {
    const isOpen = open.includes(m);
    const text = isOpen ? shareText(me.plan.appWeights[m], budgets[m]) : tr('plan.closed');
    rows[m] = weightRow(ctx, m, text, isOpen && open.length >= 2, () => moved(m));
  }
  return h(
    'section',
    { class: 'card weights', attrs: { 'aria-labelledby': 'weights-title' } },
    h('h2', { id: 'weights-title', text: tr('plan.weights') }),
    h(
      'div',
      { class: 'weight-rows' },
      APP_MARKETS.map((m) => rows[m].el),
    ),
    h('p', { class: 'muted small', text: tr('plan.weightsHelp') }),
  );
}

export function strategyColumn(ctx: PanelContext): HTMLElement[] {
  const spend = Math.min(ctx.me.plan.spend, Math.max(0, ctx.me.cash));
  const draft = new SplitDraft(
    ctx,
    APP_MARKETS.filter((m) => ctx.level.markets[m]),
  );
  onScreen = draft;
  const forecast = forecastPanel(ctx);
  const panels = [
    splitPanel(ctx, spend, draft),
    spendPanel(ctx),
    weightsPanel(ctx, spend, draft),
    pricingPanel(ctx),
  ];
  return forecast ? [...panels, forecast] : panels;
}
