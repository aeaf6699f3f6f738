// Money: valuation and stake, the funding round (open, under way, cancel), strategic money already
// taken, and acquisition offers on the table.

import { money, moneyInputScale, pct } from '../../app/format';
import { actorName } from '../../app/level-text';
import { economy, founderEquity, quarterLabel } from '../../engine/index';
import { h } from '../dom';
import type { PanelContext } from './context';

function climateKey(c: number): 'climate.hot' | 'climate.warm' | 'climate.cool' | 'climate.cold' {
  if (c >= 1.2) return 'climate.hot';
  if (c >= 0.9) return 'climate.warm';
  if (c >= 0.6) return 'climate.cool';
  return 'climate.cold';
}

export function moneyPanel(
  ctx: PanelContext,
  confirmOffer: string | null,
  setConfirm: (id: string | null) => void,
): HTMLElement {
  const { me, level, state, tr, lang } = ctx;
  const climate = economy.at(level.macro.fundingClimate, state.turn);
  const focus = economy.at(level.macro.revenueFocus, state.turn);
  const scale = moneyInputScale(lang);
  const suggested = Math.max(1, Math.round(me.valuation * 0.2));
  let round: HTMLElement;
  if (me.round) {
    round = h(
      'div',
      { class: 'round-status' },
      h('p', {
        text: tr('money.roundUnderway', {
          target: money(lang, me.round.target),
          quarter: quarterLabel(level, me.round.closesTurn),
        }),
      }),
      h('button', {
        id: 'round-cancel',
        class: 'btn',
        text: tr('money.cancelRound'),
        on: { click: () => ctx.dispatch({ type: 'money/cancel-round' }) },
      }),
    );
  } else if (me.plan.roundTarget !== null) {
    round = h(
      'div',
      { class: 'round-status' },
      h('p', { text: tr('money.roundOpening', { target: money(lang, me.plan.roundTarget) }) }),
      h('button', {
        id: 'round-cancel',
        class: 'btn',
        text: tr('money.cancelRound'),
        on: { click: () => ctx.dispatch({ type: 'money/cancel-round' }) },
      }),
    );
  } else {
    const open = () => {
      const input = document.getElementById('round-target') as HTMLInputElement | null;
      const v = Math.round(Number(input?.value ?? '0') * scale);
      if (Number.isFinite(v) && v > 0) ctx.dispatch({ type: 'money/open-round', target: v });
    };
    round = h(
      'div',
      { class: 'round-form' },
      h(
        'label',
        { class: 'inline-field', attrs: { for: 'round-target' } },
        h('span', { text: tr('money.target', { unit: tr(scale === 1 ? 'unit.wan' : 'unit.million') }) }),
        h('input', {
          id: 'round-target',
          class: 'num',
          attrs: {
            type: 'number',
            min: 0,
            step: scale === 1 ? 100 : 1,
            value: Math.round(suggested / scale),
          },
          on: {
            keydown: (e) => {
              if (e.key === 'Enter') open();
            },
          },
        }),
      ),
      h('button', { id: 'round-open', class: 'btn', text: tr('money.openRound'), on: { click: open } }),
    );
  }
  return h(
    'section',
    { class: 'card money', attrs: { 'aria-labelledby': 'money-title' } },
    h('h2', { id: 'money-title', text: tr('money.title') }),
    h(
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
    ),
    h('h3', { text: tr('money.round') }),
    round,
    h('p', {
      class: 'muted small',
      text: tr('money.roundHelp', { dilution: pct(level.market.funding.maxDilutionBp / 10_000) }),
    }),
    state.offers.length
      ? h(
          'div',
          { class: 'offers' },
          h('h3', { text: tr('money.offers') }),
          state.offers.map((o) =>
            h(
              'div',
              {
                class: 'offer',
                attrs: {
                  role: 'group',
                  'aria-label': tr('money.offerFrom', { from: actorName(lang, level, o.from) }),
                },
              },
              h(
                'p',
                {},
                tr('money.offerText', {
                  from: actorName(lang, level, o.from),
                  amount: money(lang, o.amount),
                  stake: money(lang, Math.round((o.amount * me.ownershipBp) / 10_000)),
                  quarter: quarterLabel(level, o.expiresTurn),
                }),
              ),
              h(
                'div',
                { class: 'offer-actions' },
                confirmOffer === o.id
                  ? [
                      h('button', {
                        id: `offer-confirm-${o.id}`,
                        class: 'btn danger',
                        text: tr('money.confirmSell'),
                        on: { click: () => ctx.dispatch({ type: 'money/accept-offer', offerId: o.id }) },
                      }),
                      h('button', {
                        id: `offer-keep-${o.id}`,
                        class: 'btn',
                        text: tr('common.cancel'),
                        on: { click: () => setConfirm(null) },
                      }),
                    ]
                  : [
                      h('button', {
                        id: `offer-accept-${o.id}`,
                        class: 'btn',
                        text: tr('money.accept'),
                        on: { click: () => setConfirm(o.id) },
                      }),
                      h('button', {
                        id: `offer-decline-${o.id}`,
                        class: 'btn',
                        text: tr('money.decline'),
                        on: { click: () => ctx.dispatch({ type: 'money/decline-offer', offerId: o.id }) },
                      }),
                    ],
              ),
            ),
          ),
        )
      : null,
  );
}
