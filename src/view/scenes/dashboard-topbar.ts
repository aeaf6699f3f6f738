// The dashboard's top bar: the company and quarter, cash and the plan's runway, and the actions
// (save state, Undo, Help, language, to the title, End quarter). It only shows what it is given;
// the Undo button is kept by the screen, which enables it as slider moves wait to be committed.

import { money, runway } from '../../app/format';
import { levelText } from '../../app/i18n';
import { quarterLabel } from '../../engine/index';
import { h } from '../dom';
import type { PanelContext } from '../panels/context';
import { emblem } from '../panels/names';
import { runwayClass, runwayIcon } from '../panels/plan';

const LANG_SWITCH: Record<string, { to: 'zh-CN' | 'en'; label: string }> = {
  'zh-CN': { to: 'en', label: 'English' },
  en: { to: 'zh-CN', label: '简体中文' },
};

export interface TopbarProps {
  ctx: PanelContext;
  /** Quarters of runway after the plan's spend (app/plan-runway.ts). */
  runway: number;
  /** The save state's words ("Saved", "Not saved"…) and whether the game is being saved. */
  saveText: string;
  saving: boolean;
  undo: HTMLButtonElement;
  /** Cards still to answer this quarter. */
  cards: number;
  onHelp: () => void;
  onLanguage: (lang: 'zh-CN' | 'en') => void;
  onTitle: () => void;
  /** End the quarter; `at`: the click's timeStamp. */
  onEnd: (at: number) => void;
}

/** The save state's words: not saved, saved, or saved separately (another tab has the autosave). */
export function saveWords(tr: PanelContext['tr'], app: { saving: boolean; separate: boolean }): string {
  if (!app.saving) return tr('dash.notSaved');
  return app.separate ? tr('tabs.savedSeparately') : tr('dash.saved');
}

/** The Undo button (Ctrl+Z), enabled while there is something to undo. */
export function undoButton(label: string, enabled: boolean, onUndo: () => void): HTMLButtonElement {
  return h('button', {
    id: 'btn-undo',
    class: 'btn',
    text: label,
    attrs: { disabled: !enabled, 'aria-keyshortcuts': 'Control+Z', title: 'Ctrl+Z' },
    on: { click: onUndo },
  });
}

function who(ctx: PanelContext): HTMLElement {
  const { level, me, state, lang, tr } = ctx;
  const spec = level.companies.find((c) => c.id === me.id);
  return h(
    'div',
    { class: 'who' },
    emblem(level, me.id, 'emblem md'),
    h(
      'div',
      {},
      h('h1', {
        class: 'company-name',
        text: spec ? levelText(lang, spec.name) : me.id,
        attrs: { tabindex: -1 },
      }),
      h('span', {
        class: 'quarter',
        text: tr('dash.quarter', {
          quarter: quarterLabel(level, state.turn),
          n: state.turn + 1,
          total: level.quarters,
        }),
      }),
    ),
  );
}

function figures(ctx: PanelContext, rw: number): HTMLElement {
  const { lang, me, tr } = ctx;
  return h(
    'div',
    { class: 'top-figures' },
    h(
      'div',
      { class: 'fig' },
      h('span', { class: 'muted', text: tr('kpi.cash') }),
      h('strong', { id: 'top-cash', text: money(lang, me.cash) }),
    ),
    h(
      'div',
      { class: 'fig' },
      h('span', { class: 'muted', text: tr('dash.runwayPlan') }),
      h('strong', {
        class: `runway-value ${runwayClass(rw)}`,
        text: `${runwayIcon(rw)} ${runway(lang, rw)}`,
      }),
    ),
  );
}

function actions(p: TopbarProps): HTMLElement {
  const { tr, lang } = p.ctx;
  const lswitch = LANG_SWITCH[lang]!;
  return h(
    'div',
    { class: 'top-actions' },
    h('span', { class: `save-state ${p.saving ? '' : 'off'}`, text: p.saveText, attrs: { role: 'status' } }),
    p.undo,
    h('button', { id: 'btn-howto', class: 'btn ghost', text: tr('dash.help'), on: { click: p.onHelp } }),
    h('button', {
      id: 'btn-lang',
      class: 'btn ghost',
      text: lswitch.label,
      attrs: { lang: lswitch.to },
      on: { click: () => p.onLanguage(lswitch.to) },
    }),
    h('button', { id: 'btn-menu', class: 'btn ghost', text: tr('dash.toTitle'), on: { click: p.onTitle } }),
    h(
      'button',
      {
        id: 'btn-end',
        class: 'btn primary',
        attrs: { 'aria-keyshortcuts': 'Enter' },
        on: { click: (e) => p.onEnd(e.timeStamp) },
      },
      p.cards ? tr('dash.answerFirst', { n: p.cards }) : tr('dash.endQuarter'),
      h('kbd', { text: '↵' }),
    ),
  );
}

export function dashTopbar(p: TopbarProps): HTMLElement {
  const spec = p.ctx.level.companies.find((c) => c.id === p.ctx.me.id);
  return h(
    'header',
    { class: 'topbar', style: { '--company': spec?.color ?? '#f5c542' } },
    who(p.ctx),
    figures(p.ctx, p.runway),
    actions(p),
  );
}
