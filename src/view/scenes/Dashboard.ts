// The quarter dashboard: KPIs and rivals on the left, the strategy (split, spend, weights, price)
// in the centre, people, money and news on the right. Every change is a command sent through the
// session; sliders commit when the player pauses. Enter ends the quarter; event cards come up as
// a modal that must be answered first. The guided first quarter (panels/guide.ts) starts once the
// first quarter's cards are answered, in a browser that has not seen it, or when Help asks for it.
// On a narrow screen the columns are tabs (panels/dash-tabs.ts), one at a time.

import { money, runway } from '../../app/format';
import { guideStartsNow } from '../../app/guide';
import type { TextKey } from '../../app/i18n';
import { levelText, rejectionText, t } from '../../app/i18n';
import type { Session } from '../../app/session';
import type { Command } from '../../engine/index';
import { projectedRunway, quarterLabel } from '../../engine/index';
import { h, isTextEntry, replaceContent, trapFocus } from '../dom';
import { SCENES } from '../keys';
import type { PanelContext } from '../panels/context';
import { ColumnTabs } from '../panels/dash-tabs';
import { eventModal } from '../panels/event-card';
import { GuideTour } from '../panels/guide';
import { kpiPanel } from '../panels/kpis';
import { moneyPanel } from '../panels/money';
import { emblem } from '../panels/names';
import { newsPanel } from '../panels/news';
import { peoplePanel } from '../panels/people';
import { runwayClass, runwayIcon, strategyColumn } from '../panels/plan';
import { rivalsPanel } from '../panels/rivals';
import { ScreenScene } from '../screen';

const COMMIT_MS = 450;
const LANG_SWITCH: Record<string, { to: 'zh-CN' | 'en'; label: string }> = {
  'zh-CN': { to: 'en', label: 'English' },
  en: { to: 'zh-CN', label: '简体中文' },
};

/** Help's "replay the guided tour" comes back with `guide: true`. */
export interface DashboardData {
  guide?: boolean;
}

export class Dashboard extends ScreenScene<DashboardData> {
  private session: Session | null = null;
  private pending = new Map<string, () => Command>();
  private timer = 0;
  private batching = false;
  private putAside = new Set<string>();
  private confirmOffer: string | null = null;
  private toastText = '';
  private toastTimer = 0;
  private modalShown = false;
  private modalEventId: string | null = null;
  private guide: GuideTour | null = null;
  /** The guide was asked for (from Help): it starts once no card is on screen. */
  private guideWanted = false;
  private readonly tabs = new ColumnTabs(
    () => this.root,
    () => this.render(),
  );

  protected override animated = false;

  constructor() {
    super(SCENES.dashboard);
  }

  protected override setup(data: DashboardData): void {
    this.session = this.app.session;
    this.pending = new Map();
    this.putAside = new Set();
    this.confirmOffer = null;
    this.toastText = '';
    this.modalShown = false;
    this.modalEventId = null;
    this.guideWanted = data.guide === true;
    // Phaser keeps a scene's last data for a later start given none (Results → Dashboard): the
    // request is used once.
    delete data.guide;
    if (!this.session) return;
    const guide = new GuideTour({
      context: () => (this.session ? this.context(this.session) : null),
      apply: (cmds) => this.applyAll(cmds),
      closed: (finished) => this.guideClosed(finished),
      reveal: (target) => this.tabs.reveal(target),
    });
    this.guide = guide;
    this.addCleanup(() => guide.stop());
    this.app.setScreen('dashboard');
    this.addCleanup(this.session.subscribe(() => this.onChange()));
    this.onKey((e) => this.onKeyDown(e));
    const flush = () => this.flush();
    window.addEventListener('pagehide', flush);
    this.addCleanup(() => {
      window.removeEventListener('pagehide', flush);
      window.clearTimeout(this.timer);
      window.clearTimeout(this.toastTimer);
    });
  }

  override create(data: object): void {
    super.create(data);
    if (!this.session) this.go(SCENES.title);
  }

  /** The screen's first focus: the guide's step when it opened with the screen (from Help). */
  protected override focusFirst(): void {
    if (this.guide?.isOpen) this.guide.place(true);
    else super.focusFirst();
  }

  private context(session: Session): PanelContext {
    const lang = this.app.lang;
    return {
      lang,
      level: session.level,
      get state() {
        return session.state;
      },
      get me() {
        const st = session.state;
        return st.startups.find((s) => s.id === st.playerId)!;
      },
      session,
      tr: (key: TextKey, params?: Record<string, string | number>) => t(lang, key, params),
      dispatch: (cmd) => this.dispatch(cmd),
      schedule: (key, make) => this.schedule(key, make),
    };
  }

  private onChange(): void {
    if (this.batching) return;
    const st = this.session?.state;
    if (st?.ending) {
      this.go(SCENES.ending);
      return;
    }
    this.render();
  }

  private dispatch(cmd: Command): boolean {
    this.flush();
    const session = this.session;
    if (!session) return false;
    const r = session.dispatch(cmd);
    if (!r.ok) this.toast(rejectionText(this.app.lang, r.error.code));
    return r.ok;
  }

  private schedule(key: string, make: () => Command): void {
    this.pending.delete(key);
    this.pending.set(key, make);
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.flush(), COMMIT_MS);
    this.markUncommitted();
    this.updateUndo();
  }

  /** Marks the screen while slider moves wait to be committed (the save does not have them yet). */
  private markUncommitted(): void {
    this.root.toggleAttribute('data-uncommitted', this.pending.size > 0);
  }

  /** Commits the slider moves still waiting, as one render. */
  private flush(): void {
    window.clearTimeout(this.timer);
    const session = this.session;
    if (!session || this.pending.size === 0) return;
    const makes = [...this.pending.values()];
    this.pending.clear();
    this.markUncommitted();
    this.batching = true;
    let rejected: string | null = null;
    try {
      for (const make of makes) {
        const r = session.dispatch(make());
        if (!r.ok) rejected = r.error.code;
      }
    } finally {
      this.batching = false;
    }
    if (rejected) this.toast(rejectionText(this.app.lang, rejected));
    this.onChange();
  }

  /** Applies the guide's suggestion: each command logged as the player's own, one render for all. */
  private applyAll(cmds: readonly Command[]): void {
    this.flush();
    const session = this.session;
    if (!session) return;
    this.batching = true;
    let rejected: string | null = null;
    try {
      for (const cmd of cmds) {
        const r = session.dispatch(cmd);
        if (!r.ok) {
          rejected = r.error.code;
          break;
        }
      }
    } finally {
      this.batching = false;
    }
    if (rejected) this.toast(rejectionText(this.app.lang, rejected));
    this.onChange();
  }

  /** The guide finished or was skipped: remembered, and the keyboard goes to End quarter or the heading. */
  private guideClosed(finished: boolean): void {
    this.app.setGuideSeen(true);
    this.render();
    this.root.querySelector<HTMLElement>(finished ? '#btn-end' : 'h1.company-name')?.focus();
  }

  private undo(): void {
    if (this.pending.size > 0) {
      window.clearTimeout(this.timer);
      this.pending.clear();
      this.markUncommitted();
      this.render();
      return;
    }
    if (!this.session?.undo()) this.toast(this.tr('dash.nothingToUndo'));
  }

  private endQuarter(): void {
    this.flush();
    const session = this.session;
    if (!session || session.state.ending) return;
    if (this.guide?.isOpen) {
      // Ended with the tour still up (the button takes a click): the player has moved on.
      this.guide.stop();
      this.app.setGuideSeen(true);
    }
    if (session.state.pendingEvents.length > 0) {
      this.putAside.clear();
      this.render();
      return;
    }
    // The results screen takes over (it leads on to the ending if the game is over).
    performance.mark('six-tigers:quarter-end');
    this.batching = true;
    let r: ReturnType<Session['dispatch']>;
    try {
      r = session.dispatch({ type: 'quarter/end' });
    } finally {
      this.batching = false;
    }
    if (!r.ok) {
      this.toast(rejectionText(this.app.lang, r.error.code));
      return;
    }
    performance.mark('six-tigers:quarter-resolved');
    this.go(SCENES.results);
  }

  private toast(text: string): void {
    this.toastText = text;
    const el = this.root.querySelector('#toast');
    if (el) {
      el.textContent = text;
      el.classList.add('on');
    }
    window.clearTimeout(this.toastTimer);
    this.toastTimer = window.setTimeout(() => {
      this.toastText = '';
      this.root.querySelector('#toast')?.classList.remove('on');
    }, 3200);
  }

  private updateUndo(): void {
    const btn = this.root.querySelector<HTMLButtonElement>('#btn-undo');
    if (btn) btn.disabled = !(this.pending.size > 0 || this.session?.canUndo());
  }

  private onKeyDown(e: KeyboardEvent): void {
    // A held Enter is one press, as a held mouse button is one click: its repeats would click the
    // focused button again and again (a hiring + adding a step each time, or the next card's choice).
    if (e.key === 'Enter' && e.repeat && e.target instanceof HTMLButtonElement) {
      e.preventDefault();
      return;
    }
    if (this.guide?.isOpen) {
      this.guide.onKey(e);
      return;
    }
    const modal = this.root.querySelector<HTMLElement>('.modal');
    if (modal) {
      if (/^[1-4]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        const btn = modal.querySelector<HTMLButtonElement>(`#choice-${e.key}`);
        if (btn) {
          e.preventDefault();
          btn.click();
        }
      } else if (e.key === 'Escape') {
        e.preventDefault();
        this.closeModal();
      } else {
        trapFocus(modal, e);
      }
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && !isTextEntry(e.target)) {
      e.preventDefault();
      this.undo();
      return;
    }
    if (e.key === 'Enter' && !e.repeat && !isTextEntry(e.target)) {
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'BUTTON' || el.tagName === 'A' || el.tagName === 'SUMMARY')) return;
      e.preventDefault();
      this.endQuarter();
    }
  }

  private closeModal(): void {
    if (this.modalEventId) this.putAside.add(this.modalEventId);
    this.render();
    this.root.querySelector<HTMLElement>('#btn-end')?.focus();
  }

  protected render(): void {
    const session = this.session;
    if (!session) return;
    const ctx = this.context(session);
    const { state, me, level, lang, tr } = ctx;
    const pendingEv = state.pendingEvents;
    const modalEv = pendingEv.find((e) => !this.putAside.has(e.id));
    const guide = this.guide;
    const guideStarts =
      guide !== null &&
      !guide.isOpen &&
      !state.ending &&
      ((this.guideWanted && !modalEv) ||
        guideStartsNow({ seen: this.app.guideSeen(), state, cardOnScreen: modalEv !== undefined }));
    if (guideStarts) {
      guide.start();
      this.guideWanted = false;
    }
    const planRunway = projectedRunway(level, state, me, Math.min(me.plan.spend, Math.max(0, me.cash)));
    const spec = level.companies.find((c) => c.id === me.id);
    const lswitch = LANG_SWITCH[lang]!;
    const topbar = h(
      'header',
      { class: 'topbar', style: { '--company': spec?.color ?? '#f5c542' } },
      h(
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
      ),
      h(
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
            class: `runway-value ${runwayClass(planRunway)}`,
            text: `${runwayIcon(planRunway)} ${runway(lang, planRunway)}`,
          }),
        ),
      ),
      h(
        'div',
        { class: 'top-actions' },
        h('span', {
          class: `save-state ${this.app.saving ? '' : 'off'}`,
          text: !this.app.saving
            ? tr('dash.notSaved')
            : this.app.separate
              ? tr('tabs.savedSeparately')
              : tr('dash.saved'),
          attrs: { role: 'status' },
        }),
        h('button', {
          id: 'btn-undo',
          class: 'btn',
          text: tr('dash.undo'),
          attrs: {
            disabled: !(this.pending.size > 0 || session.canUndo()),
            'aria-keyshortcuts': 'Control+Z',
            title: 'Ctrl+Z',
          },
          on: { click: () => this.undo() },
        }),
        h('button', {
          id: 'btn-howto',
          class: 'btn ghost',
          text: tr('dash.help'),
          on: { click: () => this.leaveFor(SCENES.info, { page: 'howto', back: SCENES.dashboard }) },
        }),
        h('button', {
          id: 'btn-lang',
          class: 'btn ghost',
          text: lswitch.label,
          attrs: { lang: lswitch.to },
          on: { click: () => this.switchLanguage(lswitch.to) },
        }),
        h('button', {
          id: 'btn-menu',
          class: 'btn ghost',
          text: tr('dash.toTitle'),
          on: { click: () => this.toTitle() },
        }),
        h(
          'button',
          {
            id: 'btn-end',
            class: 'btn primary',
            attrs: { 'aria-keyshortcuts': 'Enter' },
            on: { click: () => this.endQuarter() },
          },
          pendingEv.length ? tr('dash.answerFirst', { n: pendingEv.length }) : tr('dash.endQuarter'),
          h('kbd', { text: '↵' }),
        ),
      ),
    );
    const { tabs, grid } = this.tabs.build(tr, Boolean(modalEv || guide?.isOpen), {
      overview: [kpiPanel(ctx), rivalsPanel(ctx)],
      strategy: strategyColumn(ctx),
      people: [
        peoplePanel(ctx),
        moneyPanel(ctx, this.confirmOffer, (id) => {
          this.confirmOffer = id;
          this.render();
          document.getElementById(id ? `offer-confirm-${id}` : 'money-title')?.focus();
        }),
        newsPanel(lang, level, state),
      ],
    });
    // The counter reads as progress through the quarter's cards: the ones answered so far come
    // first, so answering "1 of 2" leads to "2 of 2" (not to "1 of 1", as pendingEvents shrinks).
    const answered = state.answered.length;
    const modal = modalEv
      ? eventModal(ctx, modalEv, answered, answered + pendingEv.length, () => this.closeModal())
      : null;
    replaceContent(
      this.root,
      h(
        'div',
        { class: 'dash', attrs: { 'data-keep-scroll': 'dash' } },
        topbar,
        tabs,
        grid,
        h('div', {
          id: 'toast',
          class: `toast ${this.toastText ? 'on' : ''}`,
          attrs: { role: 'status', 'aria-live': 'polite' },
          text: this.toastText,
        }),
        modal,
        guide?.element(ctx),
      ),
    );
    // A new card (the first, or the next after an answer) takes focus on its first choice; once no
    // card is left on screen, focus goes to the dashboard's heading rather than the page body.
    const newCard = modalEv !== undefined && modalEv.id !== this.modalEventId;
    if (modal && (!this.modalShown || newCard || !modal.contains(document.activeElement))) {
      modal.querySelector<HTMLElement>('#choice-1')?.focus();
    } else if (!modal && this.modalShown && !this.root.contains(document.activeElement)) {
      this.root.querySelector<HTMLElement>('h1.company-name')?.focus({ preventScroll: true });
    }
    this.modalShown = modal !== null;
    this.modalEventId = modalEv?.id ?? null;
    guide?.place(guideStarts);
  }

  private switchLanguage(lang: 'zh-CN' | 'en'): void {
    this.flush();
    this.app.setLanguage(lang);
    document.getElementById('btn-lang')?.focus();
  }

  private leaveFor(key: typeof SCENES.info, data: object): void {
    this.flush();
    this.go(key, data);
  }

  private toTitle(): void {
    this.flush();
    this.app.leaveGame();
    this.go(SCENES.title);
  }
}
