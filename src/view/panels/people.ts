// People: hire or cut per role, pay against the market, work intensity (with the burnout it
// builds), and the key people rivals try to poach.

import { integer, money, pct } from '../../app/format';
import { levelText } from '../../app/i18n';
import { clampHire, hireStep, MAX_HIRES } from '../../app/panel-figures';
import type { Role, Staff } from '../../engine/index';
import { economy, INTENSITIES, PAY_LEVELS, ROLES } from '../../engine/index';
import { h } from '../dom';
import type { PanelContext } from './context';
import { radioRow } from './radio-row';

/** A role's hires: − and + by 5 % of its staff around a number field; each change is scheduled. */
function hireCell(ctx: PanelContext, role: Role): HTMLElement {
  const { me, tr } = ctx;
  const name = tr(`role.${role}`);
  const set = (value: number) => {
    const v = clampHire(me.staff[role], value);
    input.value = String(v);
    ctx.schedule(`hire-${role}`, () => ({ type: 'people/set', hires: { [role]: v } as Partial<Staff> }));
  };
  const input = h('input', {
    id: `hire-${role}`,
    class: 'num hire',
    attrs: { type: 'number', step: 1, min: -me.staff[role], max: MAX_HIRES, value: me.plan.hires[role] },
    on: {
      change: () => {
        const v = Math.round(Number(input.value));
        if (Number.isFinite(v)) set(v);
      },
    },
  });
  const stepButton = (dir: -1 | 1) =>
    h('button', {
      id: `hire-${role}-${dir < 0 ? 'minus' : 'plus'}`,
      class: 'btn tiny',
      text: dir < 0 ? '−' : '+',
      attrs: { 'aria-label': tr(dir < 0 ? 'people.less' : 'people.more', { role: name }) },
      on: { click: () => set(Number(input.value) + dir * hireStep(me.staff[role])) },
    });
  return h('td', { class: 'hire-cell' }, stepButton(-1), input, stepButton(1));
}

/** Staff, hires and the market wage, a row per role. */
function staffTable(ctx: PanelContext): HTMLElement {
  const { me, level, state, tr, lang } = ctx;
  return h(
    'table',
    { class: 'staff-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { text: tr('people.role') }),
        h('th', { text: tr('people.staff') }),
        h('th', { text: tr('people.hire') }),
        h('th', { text: tr('people.wage') }),
      ),
    ),
    h(
      'tbody',
      {},
      ROLES.map((role) =>
        h(
          'tr',
          {},
          h(
            'th',
            { attrs: { scope: 'row' } },
            h('label', { attrs: { for: `hire-${role}` }, text: tr(`role.${role}`) }),
          ),
          h('td', { class: 'num-cell', text: integer(lang, me.staff[role]) }),
          hireCell(ctx, role),
          h('td', {
            class: 'num-cell muted',
            text: money(lang, Math.round(economy.marketWage(level, state.turn, role))),
          }),
        ),
      ),
    ),
  );
}

/** Burnout as a meter, with its share. */
function burnoutMeter(ctx: PanelContext): HTMLElement {
  const { me, tr } = ctx;
  return h(
    'div',
    { class: 'meter-row' },
    h('span', { text: tr('people.burnout') }),
    h('meter', {
      attrs: {
        min: 0,
        max: 1,
        low: 0.3,
        high: 0.6,
        optimum: 0,
        value: me.burnout,
        'aria-label': tr('people.burnout'),
      },
    }),
    h('span', { class: 'muted', text: pct(me.burnout) }),
  );
}

/** The company's key people: who is still here (and any raise given to keep them), who has left. */
function keyPeople(ctx: PanelContext): HTMLElement | null {
  const { me, level, tr, lang } = ctx;
  const specs = level.companies.find((c) => c.id === me.id)?.keyPeople ?? [];
  if (!specs.length) return null;
  return h(
    'ul',
    { class: 'key-people' },
    me.keyPeople.map((k) => {
      const spec = specs.find((s) => s.id === k.id);
      if (!spec) return null;
      const note = k.active
        ? k.raise > 0
          ? tr('people.raised', { raise: pct(k.raise) })
          : ''
        : tr('people.left');
      return h(
        'li',
        { class: k.active ? '' : 'gone' },
        h('span', { class: 'kp-mark', text: k.active ? '●' : '○', attrs: { 'aria-hidden': 'true' } }),
        h('span', { text: `${levelText(lang, spec.name)} · ${levelText(lang, spec.title)}` }),
        h('span', { class: 'muted', text: note }),
      );
    }),
  );
}

export function peoplePanel(ctx: PanelContext): HTMLElement {
  const { me, level, state, tr, lang } = ctx;
  const plan = me.plan;
  const fill = economy.hireFillRate(level, state.turn, plan.payLevel);
  const payroll = economy.payroll(level, state.turn, me);
  // Pay below the market: the quits it adds, by the engine's own rate (none on a level without them).
  const pay = economy.payMultiplier(level, plan.payLevel);
  const quits = economy.attritionRate(level, me.burnout, pay);
  const underpaid = quits > economy.attritionRate(level, me.burnout, 1);
  return h(
    'section',
    { class: 'card people', attrs: { 'aria-labelledby': 'people-title' } },
    h(
      'div',
      { class: 'card-head' },
      h('h2', { id: 'people-title', text: tr('people.title') }),
      h('span', { class: 'muted', text: tr('people.payroll', { payroll: money(lang, payroll) }) }),
    ),
    staffTable(ctx),
    h('p', { class: 'muted small', text: tr('people.fillRate', { rate: pct(fill) }) }),
    underpaid
      ? h('p', {
          id: 'underpay-note',
          class: 'muted small',
          text: tr('people.underpay', { rate: pct(quits) }),
        })
      : null,
    radioRow({
      name: 'pay',
      idPrefix: 'pay',
      legend: tr('people.pay'),
      options: PAY_LEVELS.map((p) => ({ value: p, label: tr(`pay.${p}`) })),
      checked: plan.payLevel,
      onChange: (p) => ctx.dispatch({ type: 'people/set', payLevel: p }),
    }),
    radioRow({
      name: 'intensity',
      idPrefix: 'intensity',
      legend: tr('people.intensity'),
      options: INTENSITIES.map((x) => ({ value: x, label: tr(`intensity.${x}`) })),
      checked: plan.intensity,
      onChange: (x) => ctx.dispatch({ type: 'people/set', intensity: x }),
    }),
    burnoutMeter(ctx),
    keyPeople(ctx),
  );
}
