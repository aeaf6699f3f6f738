// The dashboard's panel as pieces the screen puts together: the context every panel reads, the
// three columns, and a built panel's parts — kept, for a panel built ahead of the screen's start
// (while the results are read), with what it was built from.

import type { Language, TextKey } from '../../app/i18n';
import { t } from '../../app/i18n';
import type { Session } from '../../app/session';
import type { PanelContext } from '../panels/context';
import type { ColumnTabs } from '../panels/dash-tabs';
import { kpiPanel } from '../panels/kpis';
import { moneyPanel } from '../panels/money';
import { newsPanel } from '../panels/news';
import { peoplePanel } from '../panels/people';
import { strategyColumn } from '../panels/plan';
import { rivalsPanel } from '../panels/rivals';
import type { Toast } from '../widgets/toast';

/** A built panel: the dashboard, the card on screen (and its event), whether the guide starts with it. */
export interface DashView {
  dash: HTMLElement;
  modal: HTMLElement | null;
  modalId: string | null;
  guideStarts: boolean;
}

/** A panel built ahead: hidden in its own screen root, with what it was built from and its toast line. */
export interface AheadView extends DashView {
  root: HTMLElement;
  inputs: readonly unknown[];
  toaster: Toast;
}

/** Whether a panel built ahead from `built` shows what inputs `now` would build. */
export function sameInputs(built: readonly unknown[], now: readonly unknown[]): boolean {
  return built.length === now.length && built.every((x, i) => x === now[i]);
}

/** The panels' context over a session: the state and the player's company are read as they are now. */
export function panelContext(
  session: Session,
  lang: Language,
  act: Pick<PanelContext, 'dispatch' | 'schedule'>,
): PanelContext {
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
    dispatch: act.dispatch,
    schedule: act.schedule,
  };
}

/**
 * The three columns: overview (KPIs, rivals), the strategy, people with money and news.
 * `confirmOffer` is the funding offer asking to be confirmed, `onConfirm` asks or stops asking.
 */
export function dashColumns(
  ctx: PanelContext,
  confirmOffer: string | null,
  onConfirm: (id: string | null) => void,
): Parameters<ColumnTabs['build']>[2] {
  return {
    overview: [kpiPanel(ctx), rivalsPanel(ctx)],
    strategy: strategyColumn(ctx),
    people: [
      peoplePanel(ctx),
      moneyPanel(ctx, confirmOffer, onConfirm),
      newsPanel(ctx.lang, ctx.level, ctx.state),
    ],
  };
}

/**
 * Where the keyboard goes as cards come and go: a new card (the first, or the next after an
 * answer) takes focus on its first choice; once no card is left on screen, focus goes to the
 * dashboard's heading rather than the page body.
 */
export class CardFocus {
  private shown = false;
  /** The event of the card on screen at the last render. */
  eventId: string | null = null;

  place(root: HTMLElement, modal: HTMLElement | null, eventId: string | null): void {
    const newCard = eventId !== null && eventId !== this.eventId;
    if (modal && (!this.shown || newCard || !modal.contains(document.activeElement))) {
      modal.querySelector<HTMLElement>('#choice-1')?.focus();
    } else if (!modal && this.shown && !root.contains(document.activeElement)) {
      root.querySelector<HTMLElement>('h1.company-name')?.focus({ preventScroll: true });
    }
    this.shown = modal !== null;
    this.eventId = eventId;
  }
}
