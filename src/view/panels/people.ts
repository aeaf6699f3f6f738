// People: hire or cut per role, pay against the market, work intensity (with the burnout it
// builds), and the key people rivals try to poach.

import { integer, money, pct } from '../../app/format';
import { levelText } from '../../app/i18n';
import type { Role, Staff } from '../../engine/index';
import { economy, INTENSITIES, PAY_LEVELS, ROLES } from '../../engine/index';
import { h } from '../dom';
import type { PanelContext } from './context';

export function peoplePanel(ctx: PanelContext): HTMLElement {
  const { me, level, state, tr, lang } = ctx;
  const plan = me.plan;
  const fill = economy.hireFillRate(level, state.turn, plan.payLevel);
  const payroll = economy.payroll(level, state.turn, me);
  const specs = level.companies.find((c) => c.id === me.id)?.keyPeople ?? [];
  const stepOf = (role: Role) => Math.max(1, Math.round(me.staff[role] * 0.05));
  const setHire = (role: Role, value: number) => {
    const v = Math.max(-me.staff[role], Math.min(5000, Math.round(value)));
    const input = document.getElementById(`hire-${role}`) as HTMLInputElement | null;
    if (input) input.value = String(v);
    ctx.schedule(`hire-${role}`, () => ({ type: 'people/set', hires: { [role]: v } as Partial<Staff> }));
  };
  return h(
    'section',
    { class: 'card people', attrs: { 'aria-labelledby': 'people-title' } },
    h(
      'div',
      { class: 'card-head' },
      h('h2', { id: 'people-title', text: tr('people.title') }),
      h('span', { class: 'muted', text: tr('people.payroll', { payroll: money(lang, payroll) }) }),
    ),
    h(
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
            h(
              'td',
              { class: 'hire-cell' },
              h('button', {
                id: `hire-${role}-minus`,
                class: 'btn tiny',
                text: '−',
                attrs: { 'aria-label': tr('people.less', { role: tr(`role.${role}`) }) },
                on: {
                  click: () =>
                    setHire(
                      role,
                      Number((document.getElementById(`hire-${role}`) as HTMLInputElement).value) -
                        stepOf(role),
                    ),
                },
              }),
              h('input', {
                id: `hire-${role}`,
                class: 'num hire',
                attrs: { type: 'number', step: 1, min: -me.staff[role], max: 5000, value: plan.hires[role] },
                on: {
                  change: (e) => {
                    const v = Math.round(Number((e.target as HTMLInputElement).value));
                    if (Number.isFinite(v)) setHire(role, v);
                  },
                },
              }),
              h('button', {
                id: `hire-${role}-plus`,
                class: 'btn tiny',
                text: '+',
                attrs: { 'aria-label': tr('people.more', { role: tr(`role.${role}`) }) },
                on: {
                  click: () =>
                    setHire(
                      role,
                      Number((document.getElementById(`hire-${role}`) as HTMLInputElement).value) +
                        stepOf(role),
                    ),
                },
              }),
            ),
            h('td', {
              class: 'num-cell muted',
              text: money(lang, Math.round(economy.marketWage(level, state.turn, role))),
            }),
          ),
        ),
      ),
    ),
    h('p', { class: 'muted small', text: tr('people.fillRate', { rate: pct(fill) }) }),
    h(
      'fieldset',
      { class: 'radio-row' },
      h('legend', { text: tr('people.pay') }),
      PAY_LEVELS.map((p) =>
        h(
          'label',
          { class: `radio-chip ${plan.payLevel === p ? 'on' : ''}` },
          h('input', {
            id: `pay-${p}`,
            attrs: { type: 'radio', name: 'pay', value: p, checked: plan.payLevel === p },
            on: { change: () => ctx.dispatch({ type: 'people/set', payLevel: p }) },
          }),
          h('span', { text: tr(`pay.${p}`) }),
        ),
      ),
    ),
    h(
      'fieldset',
      { class: 'radio-row' },
      h('legend', { text: tr('people.intensity') }),
      INTENSITIES.map((x) =>
        h(
          'label',
          { class: `radio-chip ${plan.intensity === x ? 'on' : ''}` },
          h('input', {
            id: `intensity-${x}`,
            attrs: { type: 'radio', name: 'intensity', value: x, checked: plan.intensity === x },
            on: { change: () => ctx.dispatch({ type: 'people/set', intensity: x }) },
          }),
          h('span', { text: tr(`intensity.${x}`) }),
        ),
      ),
    ),
    h(
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
    ),
    specs.length
      ? h(
          'ul',
          { class: 'key-people' },
          me.keyPeople.map((k) => {
            const spec = specs.find((s) => s.id === k.id);
            if (!spec) return null;
            return h(
              'li',
              { class: k.active ? '' : 'gone' },
              h('span', { class: 'kp-mark', text: k.active ? '●' : '○', attrs: { 'aria-hidden': 'true' } }),
              h('span', { text: `${levelText(lang, spec.name)} · ${levelText(lang, spec.title)}` }),
              h('span', {
                class: 'muted',
                text: k.active
                  ? k.raise > 0
                    ? tr('people.raised', { raise: pct(k.raise) })
                    : ''
                  : tr('people.left'),
              }),
            );
          }),
        )
      : null,
  );
}
