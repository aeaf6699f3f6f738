// Money: valuation and stake, the funding round (open, under way, cancel), strategic money already
// taken, and acquisition offers on the table.

import { money, pct } from '../../app/format';
import { actorName } from '../../app/level-text';
import { climateKey, stakeInOffer, suggestedRoundTarget } from '../../app/panel-figures';
import type { Offer } from '../../engine/index';
import { economy, founderEquity, quarterLabel } from '../../engine/index';
import { h } from '../dom';
import { MoneyField } from '../widgets/money-field';
import type { PanelContext } from './context';

/** Valuation, stake, money raised, the strategic investor (if any), the funding climate. */
function facts(ctx: PanelContext): HTMLElement {
  const { me, level, state, tr, lang } = ctx;
  const climate = economy.at(level.macro.fundingClimate, state.turn);
  const focus = economy.at(level.macro.revenueFocus, state.turn);
  return h(
    'dl',
    { class: 'facts' },
    h('dt', { text: tr('money.valuation') }),
    h('dd', { text: money(lang, me.valuation) }),
    h('dt', { text: tr('money.stake') }),
    h('dd', { text: `${pct(me.ownershipBp / 10_000, 1)} · ${money(lang, founderEquity(me))}` }),
    h('dt', { text: tr('money.raised') }),
    h('dd', { text: money(lang, me.raisedTotal) }),
    me.strategic ? h('dt', { text: tr('money.strategic') }) : null,
    me.strategic
      ? h('dd', {
          text: `${actorName(lang, level, me.strategic)} · ${tr('money.credits', { credits: money(lang, me.credits) })}`,
        })
      : null,
    h('dt', { text: tr('money.climate') }),
    h('dd', { text: `${tr(climateKey(climate))} · ${tr('money.focus', { focus: pct(focus) })}` }),
  );
}

/** A round under way or opening this quarter: what it is, and Cancel. */
function roundStatus(ctx: PanelContext, text: string): HTMLElement {
  return h(
    'div',
    { class: 'round-status' },
    h('p', { text }),
    h('button', {
      id: 'round-cancel',
      class: 'btn',
      text: ctx.tr('money.cancelRound'),
      on: { click: () => ctx.dispatch({ type: 'money/cancel-round' }) },
    }),
  );
}

/** No round: its target (a fifth of the valuation to start with) and Open. */
function roundForm(ctx: PanelContext): HTMLElement {
  const { me, tr, lang } = ctx;
  const open = () => {
    const v = target.typed;
    if (Number.isFinite(v) && v > 0) ctx.dispatch({ type: 'money/open-round', target: v });
  };
  const target = new MoneyField({
    id: 'round-target',
    lang,
    label: (unit) => tr('money.target', { unit }),
    value: suggestedRoundTarget(me),
    step: { wan: 100, million: 1 },
    round: true,
    onEnter: open,
  });
  return h(
    'div',
    { class: 'round-form' },
    target.el,
    h('button', { id: 'round-open', class: 'btn', text: tr('money.openRound'), on: { click: open } }),
  );
}

function round(ctx: PanelContext): HTMLElement {
  const { me, level, tr, lang } = ctx;
  if (me.round)
    return roundStatus(
      ctx,
      tr('money.roundUnderway', {
        target: money(lang, me.round.target),
        quarter: quarterLabel(level, me.round.closesTurn),
      }),
    );
  if (me.plan.roundTarget !== null)
    return roundStatus(ctx, tr('money.roundOpening', { target: money(lang, me.plan.roundTarget) }));
  return roundForm(ctx);
}

/** An offer's buttons: Accept and Decline, or (Accept pressed) Confirm sale and Cancel. */
function offerActions(
  ctx: PanelContext,
  o: Offer,
  confirming: boolean,
  setConfirm: (id: string | null) => void,
): HTMLElement[] {
  const { tr } = ctx;
  const button = (id: string, text: string, onClick: () => void, cls = 'btn') =>
    h('button', { id: `${id}-${o.id}`, class: cls, text, on: { click: onClick } });
  return confirming
    ? [
        button(
          'offer-confirm',
          tr('money.confirmSell'),
          () => ctx.dispatch({ type: 'money/accept-offer', offerId: o.id }),
          'btn danger',
        ),
        button('offer-keep', tr('common.cancel'), () => setConfirm(null)),
      ]
    : [
        button('offer-accept', tr('money.accept'), () => setConfirm(o.id)),
        button('offer-decline', tr('money.decline'), () =>
          ctx.dispatch({ type: 'money/decline-offer', offerId: o.id }),
        ),
      ];
}

function offer(
  ctx: PanelContext,
  o: Offer,
  confirmOffer: string | null,
  setConfirm: (id: string | null) => void,
): HTMLElement {
  const { me, level, tr, lang } = ctx;
  const from = actorName(lang, level, o.from);
  return h(
    'div',
    { class: 'offer', attrs: { role: 'group', 'aria-label': tr('money.offerFrom', { from }) } },
    h(
      'p',
      {},
      tr('money.offerText', {
        from,
        amount: money(lang, o.amount),
        stake: money(lang, stakeInOffer(me, o.amount)),
        quarter: quarterLabel(level, o.expiresTurn),
      }),
    ),
    h('div', { class: 'offer-actions' }, offerActions(ctx, o, confirmOffer === o.id, setConfirm)),
  );
}

export function moneyPanel(
  ctx: PanelContext,
  confirmOffer: string | null,
  setConfirm: (id: string | null) => void,
): HTMLElement {
  const { level, state, tr } = ctx;
  return h(
    'section',
    { class: 'card money', attrs: { 'aria-labelledby': 'money-title' } },
    h('h2', { id: 'money-title', text: tr('money.title') }),
    facts(ctx),
    h('h3', { text: tr('money.round') }),
    round(ctx),
    h('p', {
      class: 'muted small',
      text: tr('money.roundHelp', { dilution: pct(level.market.funding.maxDilutionBp / 10_000) }),
    }),
    state.offers.length
      ? h(
          'div',
          { class: 'offers' },
          h('h3', { text: tr('money.offers') }),
          state.offers.map((o) => offer(ctx, o, confirmOffer, setConfirm)),
        )
      : null,
  );
}
