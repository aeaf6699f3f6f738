// The quarter's spend: its amount, a slider and an exact field over the cash, the runway the spend
// leaves (the engine's projection), presets that spend for a chosen runway, and the payroll that
// comes on top. While the slider moves, the card updates itself (SpendCard.show); the spend is
// committed when the player pauses.

import { money, runway } from '../../app/format';
import { spendStep } from '../../app/panel-figures';
import { spendForRunway } from '../../app/plan-helpers';
import { economy, projectedRunway } from '../../engine/index';
import { h } from '../dom';
import { MoneyField, MoneySlider } from '../widgets/money-field';
import type { PanelContext } from './context';
import { runwayClass, runwayIcon } from './runway';

/** The presets: the runway (quarters) each leaves. */
const PRESETS: readonly { key: 'plan.lean' | 'plan.steady' | 'plan.bold' | 'plan.allIn'; runway: number }[] =
  [
    { key: 'plan.lean', runway: 10 },
    { key: 'plan.steady', runway: 6 },
    { key: 'plan.bold', runway: 3.5 },
    { key: 'plan.allIn', runway: 1.5 },
  ];

function presetButtons(ctx: PanelContext): HTMLElement {
  const { me, level, state, tr } = ctx;
  return h(
    'div',
    { class: 'presets', attrs: { role: 'group', 'aria-label': tr('plan.presets') } },
    PRESETS.map((p) =>
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
  );
}

/** The spend card and the figures it shows for a spend the slider is on. */
class SpendCard {
  readonly el: HTMLElement;
  private readonly amount: HTMLElement;
  private readonly runwayOut: HTMLElement;
  private readonly exact: MoneyField;

  constructor(private readonly ctx: PanelContext) {
    const { me, level, state, tr, lang } = ctx;
    const cash = Math.max(0, me.cash);
    const spend = Math.min(me.plan.spend, cash);
    const slider = new MoneySlider({
      id: 'spend-slider',
      label: tr('plan.spendAria'),
      value: spend,
      max: cash,
      step: spendStep(cash),
      disabled: cash <= 0,
      format: (x) => money(lang, x),
      onInput: (x) => {
        this.show(x);
        ctx.schedule('spend', () => ({ type: 'plan/set-spend', amount: x }));
      },
    });
    this.exact = new MoneyField({
      id: 'spend-input',
      lang,
      label: (unit) => tr('plan.exactSpend', { unit }),
      value: spend,
      max: cash,
      onChange: (amount) => ctx.dispatch({ type: 'plan/set-spend', amount }),
    });
    this.amount = h('span', { id: 'spend-amount', class: 'big-number', text: money(lang, spend) });
    this.runwayOut = h('strong', { id: 'spend-runway', attrs: { 'aria-live': 'polite' } });
    this.showRunway(spend);
    const payroll = economy.payroll(level, state.turn, me);
    this.el = h(
      'section',
      { class: 'card spend', attrs: { 'aria-labelledby': 'spend-title' } },
      h('div', { class: 'card-head' }, h('h2', { id: 'spend-title', text: tr('plan.spend') }), this.amount),
      slider.el,
      h(
        'div',
        { class: 'spend-row' },
        this.exact.el,
        h(
          'div',
          { class: 'runway-box' },
          h('span', { class: 'muted', text: tr('plan.runwayAt') }),
          this.runwayOut,
        ),
      ),
      presetButtons(ctx),
      h('p', { class: 'muted small', text: tr('plan.payrollOnTop', { payroll: money(lang, payroll) }) }),
    );
  }

  /** The card at a spend the slider is on (before it is committed). */
  show(x: number): void {
    this.showRunway(x);
    this.amount.textContent = money(this.ctx.lang, x);
    this.exact.update(x);
  }

  private showRunway(x: number): void {
    const { me, level, state, lang } = this.ctx;
    const rw = projectedRunway(level, state, me, x);
    this.runwayOut.textContent = `${runwayIcon(rw)} ${runway(lang, rw)}`;
    this.runwayOut.className = `runway-value ${runwayClass(rw)}`;
  }
}

export function spendPanel(ctx: PanelContext): HTMLElement {
  return new SpendCard(ctx).el;
}
