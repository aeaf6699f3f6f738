// The quarter dashboard: KPIs and rivals on the left, the strategy (split, spend, weights, price)
// in the centre, people, money and news on the right. Every change is a command sent through the
// session; sliders commit when the player pauses. Enter ends the quarter; event cards come up as
// a modal that must be answered first. The guided first quarter (panels/guide.ts) starts once the
// first quarter's cards are answered, in a browser that has not seen it, or when Help asks for it.
// On a narrow screen the columns are tabs (panels/dash-tabs.ts), one at a time. The results build
// the next quarter's panel ahead, hidden, while they are read (prepareAhead): Continue shows it.

import type { AppContext } from '../../app/context';
import { guideStartsNow } from '../../app/guide';
import { rejectionText } from '../../app/i18n';
import { planRunway } from '../../app/plan-runway';
import type { Session } from '../../app/session';
import type { Command } from '../../engine/index';
import { h, replaceContent } from '../dom';
import { SCENES } from '../keys';
import type { PanelContext } from '../panels/context';
import { ColumnTabs } from '../panels/dash-tabs';
import { eventModal } from '../panels/event-card';
import { GuideTour } from '../panels/guide';
import { ScreenScene } from '../screen';
import { markAt } from '../screen-timing';
import { Toast } from '../widgets/toast';
import { dashboardKey } from './dashboard-keys';
import { dashTopbar, saveWords, undoButton } from './dashboard-topbar';
import type { AheadView, DashView } from './dashboard-view';
import { CardFocus, dashColumns, panelContext, sameInputs } from './dashboard-view';
import type { Results } from './Results';

const COMMIT_MS = 450;

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
  private toaster = new Toast('toast');
  /** The Undo button of the last render: slider moves enable it without a re-render. */
  private undoBtn: HTMLButtonElement | null = null;
  private cardFocus = new CardFocus();
  private guide: GuideTour | null = null;
  /** The guide was asked for (from Help): it starts once no card is on screen. */
  private guideWanted = false;
  /** The next start's panel, built while the results were read (prepareAhead). */
  private ahead: AheadView | null = null;
  /** The panel built ahead that this start shows (setup found it up to date): render takes it. */
  private adopting: AheadView | null = null;
  private readonly tabs = new ColumnTabs(
    () => this.root,
    () => this.render(),
  );

  protected override animated = false;

  constructor() {
    super(SCENES.dashboard);
  }

  protected override setup(data: DashboardData): void {
    const ahead = this.ahead;
    this.ahead = null;
    this.fresh(this.app);
    this.guideWanted = data.guide === true;
    // Phaser keeps a scene's last data for a later start given none (Results → Dashboard): the
    // request is used once.
    delete data.guide;
    // The panel built while the results were read is shown if it is what this start would build.
    const shows = ahead?.root.isConnected && !this.guideWanted && sameInputs(ahead.inputs, this.inputs());
    this.adopting = shows ? ahead : null;
    if (this.adopting) this.toaster = this.adopting.toaster;
    else ahead?.root.remove();
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
      this.toaster.stop();
    });
  }

  /** A start's view: the session's game, nothing waiting or put aside, a new toast line. */
  private fresh(app: AppContext): void {
    this.session = app.session;
    this.pending = new Map();
    this.putAside = new Set();
    this.confirmOffer = null;
    this.toaster = new Toast('toast');
    this.cardFocus = new CardFocus();
  }

  /** What a start's panel is built from (a panel built ahead is shown while these are the same). */
  private inputs(): readonly unknown[] {
    const { app, session } = this;
    return [session, session?.state, app.lang, app.saving, app.separate, app.guideSeen(), this.tabs.tab];
  }

  /** Builds the next start's panel once the results are painted, so Continue only shows it. */
  prepareAhead(app: AppContext): void {
    this.ahead?.root.remove();
    this.ahead = null;
    if (this.sys.isActive() || !app.session || app.session.state.ending) return;
    this.app = app;
    this.fresh(app);
    this.guideWanted = false;
    const view = this.view(app.session, false);
    if (!view) return;
    // Not parked: its cards (content-visibility: auto) would show a frame after the rest.
    const root = this.aheadRoot(view.dash, false);
    this.ahead = { ...view, root, inputs: this.inputs(), toaster: this.toaster };
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
    return panelContext(session, this.app.lang, {
      dispatch: (cmd) => this.dispatch(cmd),
      schedule: (key, make) => this.schedule(key, make),
    });
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
    if (!r.ok) this.toaster.show(rejectionText(this.app.lang, r.error.code));
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
    if (!this.session || this.pending.size === 0) return;
    const makes = [...this.pending.values()];
    this.pending.clear();
    this.markUncommitted();
    this.batch(makes, false);
  }

  /** Applies the guide's suggestion: each command logged as the player's own, one render for all. */
  private applyAll(cmds: readonly Command[]): void {
    this.flush();
    const makes = cmds.map((c) => () => c);
    this.batch(makes, true);
  }

  /** Sends commands as one change: one render after them all, a refusal said in the toast. */
  private batch(makes: readonly (() => Command)[], stopAtRefusal: boolean): void {
    const session = this.session;
    if (!session) return;
    this.batching = true;
    let rejected: string | null = null;
    try {
      for (const make of makes) {
        const r = session.dispatch(make());
        if (r.ok) continue;
        rejected = r.error.code;
        if (stopAtRefusal) break;
      }
    } finally {
      this.batching = false;
    }
    if (rejected) this.toaster.show(rejectionText(this.app.lang, rejected));
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
    if (!this.session?.undo()) this.toaster.show(this.tr('dash.nothingToUndo'));
  }

  /** Ends the quarter; `at`: the time of the key or click that asked for it. */
  private endQuarter(at?: number): void {
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
    markAt('six-tigers:quarter-end', at);
    this.batching = true;
    let r: ReturnType<Session['dispatch']>;
    try {
      r = session.dispatch({ type: 'quarter/end' });
    } finally {
      this.batching = false;
    }
    if (!r.ok) {
      this.toaster.show(rejectionText(this.app.lang, r.error.code));
      return;
    }
    performance.mark('six-tigers:quarter-resolved');
    this.go(SCENES.results);
  }

  private canUndo(): boolean {
    return this.pending.size > 0 || this.session?.canUndo() === true;
  }

  private updateUndo(): void {
    if (this.undoBtn) this.undoBtn.disabled = !this.canUndo();
  }

  private onKeyDown(e: KeyboardEvent): void {
    dashboardKey(e, {
      guide: this.guide,
      modal: this.root.querySelector<HTMLElement>('.modal'),
      closeModal: () => this.closeModal(),
      undo: () => this.undo(),
      endQuarter: (at) => this.endQuarter(at),
    });
  }

  private closeModal(): void {
    if (this.cardFocus.eventId) this.putAside.add(this.cardFocus.eventId);
    this.render();
    this.root.querySelector<HTMLElement>('#btn-end')?.focus();
  }

  protected render(): void {
    const session = this.session;
    if (!session) return;
    const adopted = this.adopting;
    this.adopting = null;
    const view = adopted ?? this.view(session, true);
    if (!view) return;
    if (adopted) this.adoptRoot(adopted.root);
    else replaceContent(this.root, view.dash);
    this.cardFocus.place(this.root, view.modal, view.modalId);
    this.guide?.place(view.guideStarts);
    // Once this is painted, the results of ending the quarter from here are built ahead.
    const results = this.scene.get(SCENES.results) as Results;
    results.prepareSoon(this.app, () => this.sys.isActive() && this.pending.size === 0);
  }

  /**
   * The dashboard's panel from the session now: the top bar, the columns (tabs on a narrow
   * screen), the card on screen and the guide. Null when the guided tour is due and may not start
   * (startGuide false: a panel built ahead).
   */
  private view(session: Session, startGuide: boolean): DashView | null {
    const ctx = this.context(session);
    const { state, tr } = ctx;
    const pendingEv = state.pendingEvents;
    const modalEv = pendingEv.find((e) => !this.putAside.has(e.id));
    const guide = this.guide;
    if (!startGuide && this.guideDue(modalEv !== undefined)) return null;
    const guideStarts = this.startGuideIfDue(modalEv !== undefined);
    this.undoBtn = undoButton(tr('dash.undo'), this.canUndo(), () => this.undo());
    const topbar = dashTopbar({
      ctx,
      runway: planRunway(ctx.level, state, ctx.me),
      saveText: saveWords(tr, this.app),
      saving: this.app.saving,
      undo: this.undoBtn,
      cards: pendingEv.length,
      onHelp: () => this.leaveFor(SCENES.info, { page: 'howto', back: SCENES.dashboard }),
      onLanguage: (l) => this.switchLanguage(l),
      onTitle: () => this.toTitle(),
      onEnd: (at) => this.endQuarter(at),
    });
    const { tabs, grid } = this.tabs.build(
      tr,
      Boolean(modalEv || guide?.isOpen),
      dashColumns(ctx, this.confirmOffer, (id) => {
        this.confirmOffer = id;
        this.render();
        this.root.querySelector<HTMLElement>(id ? `#offer-confirm-${id}` : '#money-title')?.focus();
      }),
    );
    // The counter reads as progress through the quarter's cards: the ones answered so far come
    // first, so answering "1 of 2" leads to "2 of 2" (not to "1 of 1", as pendingEvents shrinks).
    const answered = state.answered.length;
    const modal = modalEv
      ? eventModal(ctx, modalEv, answered, answered + pendingEv.length, () => this.closeModal())
      : null;
    const dash = h(
      'div',
      { class: 'dash', attrs: { 'data-keep-scroll': 'dash' } },
      topbar,
      tabs,
      grid,
      this.toaster.element,
      modal,
      guide?.element(ctx),
    );
    return { dash, modal, modalId: modalEv?.id ?? null, guideStarts };
  }

  /** Whether the guided tour is due (asked for from Help, or a first game's first quarter). */
  private guideDue(cardOnScreen: boolean): boolean {
    const guide = this.guide;
    const state = this.session?.state;
    if (!guide || !state || guide.isOpen || state.ending) return false;
    return (
      (this.guideWanted && !cardOnScreen) ||
      guideStartsNow({ seen: this.app.guideSeen(), state, cardOnScreen })
    );
  }

  /** Starts the guided tour when it is due. */
  private startGuideIfDue(cardOnScreen: boolean): boolean {
    if (!this.guideDue(cardOnScreen)) return false;
    this.guide?.start();
    this.guideWanted = false;
    return true;
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
