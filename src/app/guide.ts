// The guided first quarter (issue 13), without the drawing: its steps in order and the control each
// points at, moving between them, when it starts by itself, whether this browser has seen it (a
// stored value that may be missing or corrupt), each step's words with the player's own figures,
// and the suggested plan it offers. The view (src/view/panels/guide.ts) draws the spotlight and
// the callout; the suggestion goes in as ordinary commands, so it lands in the log and in replay
// codes like any other decision. Pure: no DOM, no storage of its own.

import type { Command, GameState, Level, Plan, StartupState } from '../engine/index';
import {
  APP_MARKETS,
  autopilotCommands,
  autopilotRng,
  madeItProgress,
  projectedRunway,
} from '../engine/index';
import { apiMarginOf } from './api-margin';
import { money, price, runway } from './format';
import { goalRuleText } from './goal-text';
import type { Language, TextKey } from './i18n';
import { levelText, t } from './i18n';

/** Where this browser remembers that the guide was seen (finished or skipped). */
export const GUIDE_KEY = 'sixTigers.guide';

/** What GUIDE_KEY holds once the guide was seen. */
export const GUIDE_SEEN_VALUE = JSON.stringify({ version: 1, seen: true });

export type GuideStepId = 'goal' | 'runway' | 'split' | 'markets' | 'price' | 'suggest' | 'end';

export interface GuideStep {
  id: GuideStepId;
  /** A CSS selector for the dashboard element the step points at (ids and labels of the panels). */
  target: string;
}

/** The steps, in order: the goal, the runway, the split, the markets and price, a suggestion, the end. */
export const GUIDE_STEPS: readonly GuideStep[] = [
  { id: 'goal', target: '#goal-line' },
  { id: 'runway', target: 'section[aria-labelledby="spend-title"]' },
  { id: 'split', target: '#split-hero' },
  { id: 'markets', target: 'section[aria-labelledby="weights-title"]' },
  { id: 'price', target: 'section[aria-labelledby="pricing-title"]' },
  { id: 'suggest', target: '.col-center' },
  { id: 'end', target: '#btn-end' },
];

export type GuideAction = 'next' | 'back' | 'skip';

/** Where an action leads: another step, or the guide closes (finished: the last step's Next). */
export type GuideMove = { kind: 'show'; step: number } | { kind: 'close'; finished: boolean };

/**
 * The step after an action on step `step` (0-based) of `total`: Next moves on and closes the guide
 * after the last step, Back moves back and stays on the first, Skip closes. A step out of range
 * (a stale index) is brought into it first.
 */
export function moveGuide(step: number, action: GuideAction, total = GUIDE_STEPS.length): GuideMove {
  if (action === 'skip' || total <= 0) return { kind: 'close', finished: false };
  const at = Math.max(0, Math.min(total - 1, Number.isInteger(step) ? step : 0));
  if (action === 'back') return { kind: 'show', step: Math.max(0, at - 1) };
  return at + 1 >= total ? { kind: 'close', finished: true } : { kind: 'show', step: at + 1 };
}

/**
 * Whether a stored value says the guide was seen. Only the value this module writes counts: a
 * missing, empty, corrupt or foreign value means not seen (the guide shows again, and can be
 * skipped); it never throws.
 */
export function guideSeenIn(raw: string | null): boolean {
  if (raw === null || raw.length > 1000) return false;
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'object' && v !== null && (v as { seen?: unknown }).seen === true;
  } catch {
    return false;
  }
}

/** Whether the guide starts by itself: a first quarter not yet played, in a browser that has not seen it, with no event card on screen. */
export function guideStartsNow(o: { seen: boolean; state: GameState; cardOnScreen: boolean }): boolean {
  return !o.seen && o.state.turn === 0 && o.state.ending === null && !o.cardOnScreen;
}

// ---------------------------------------------------------------------------------------------
// The suggested plan

/** The commands a suggestion may hold: the plan's and the people's, a round; never a card's answer, a sale or the quarter's end. */
const SUGGESTED: readonly Command['type'][] = [
  'plan/set-spend',
  'plan/set-split',
  'plan/set-api-price',
  'people/set',
  'money/open-round',
];

export interface Suggestion {
  /** What the player's plan would change to, as commands (empty when it already matches). */
  commands: Command[];
  /** Why nothing can be suggested now: a card of this quarter still waits for an answer. */
  blocked: 'card' | null;
}

function playerOf(state: GameState): StartupState {
  return state.startups.find((s) => s.id === state.playerId)!;
}

/**
 * The plan the balanced autopilot would make for the player's company this quarter (its archetype
 * of play is the same for every company; the figures — spend, hires, the round — follow the
 * company's cash, staff and valuation): the strongest of the reference strategies par is measured
 * with (docs/balance.md). Only what differs from the plan in force. While a card of the quarter is
 * unanswered there is no suggestion: the answer may change the plan.
 */
export function suggestedPlan(level: Level, state: GameState): Suggestion {
  if (state.ending !== null) return { commands: [], blocked: null };
  if (state.pendingEvents.length > 0) return { commands: [], blocked: 'card' };
  const plan = playerOf(state).plan;
  const all = autopilotCommands(level, state, 'balanced', autopilotRng(state.seed));
  return {
    commands: all.filter(
      (c) => SUGGESTED.includes(c.type) && !(c.type === 'people/set' && samePeople(plan, c)),
    ),
    blocked: null,
  };
}

/** A people command that would leave the plan's hires, pay and intensity as they are (the autopilot repeats it). */
function samePeople(plan: Plan, c: Extract<Command, { type: 'people/set' }>): boolean {
  const h = c.hires ?? {};
  return (
    (h.researchers ?? plan.hires.researchers) === plan.hires.researchers &&
    (h.engineers ?? plan.hires.engineers) === plan.hires.engineers &&
    (h.sales ?? plan.hires.sales) === plan.hires.sales &&
    (c.payLevel ?? plan.payLevel) === plan.payLevel &&
    (c.intensity ?? plan.intensity) === plan.intensity
  );
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/** The suggestion's commands in words, one line each, in the player's language. */
export function suggestionLines(
  lang: Language,
  level: Level,
  state: GameState,
  commands: readonly Command[],
): string[] {
  const me = playerOf(state);
  const sep = t(lang, 'guide.list.sep');
  const out: string[] = [];
  for (const c of commands) {
    if (c.type === 'plan/set-spend')
      out.push(
        t(lang, 'guide.suggest.spend', {
          amount: money(lang, c.amount),
          runway: runway(lang, projectedRunway(level, state, me, Math.min(c.amount, Math.max(0, me.cash)))),
        }),
      );
    else if (c.type === 'plan/set-split') {
      const pre = Math.round(c.pretrainingBp / 100);
      out.push(t(lang, 'guide.suggest.split', { pre, app: 100 - pre }));
      out.push(t(lang, 'guide.suggest.weights', { list: weightList(lang, level, c.appWeights) }));
    } else if (c.type === 'plan/set-api-price')
      out.push(
        t(lang, 'guide.suggest.price', {
          mode:
            c.mode === 'exact'
              ? `${t(lang, 'pricing.exact')} ${price(c.price ?? 0)}`
              : t(lang, `pricing.${c.mode}`),
        }),
      );
    else if (c.type === 'people/set') {
      const hires = (['researchers', 'engineers', 'sales'] as const)
        .filter((r) => (c.hires?.[r] ?? 0) !== 0)
        .map((r) =>
          t(lang, 'guide.suggest.role', { role: t(lang, `role.${r}`), n: signed(c.hires?.[r] ?? 0) }),
        );
      out.push(
        t(lang, 'guide.suggest.people', {
          list: hires.length > 0 ? hires.join(sep) : t(lang, 'guide.suggest.noHires'),
          pay: t(lang, `pay.${c.payLevel ?? me.plan.payLevel}`),
          intensity: t(lang, `intensity.${c.intensity ?? me.plan.intensity}`),
        }),
      );
    } else if (c.type === 'money/open-round')
      out.push(t(lang, 'guide.suggest.round', { target: money(lang, c.target) }));
  }
  return out;
}

function weightList(lang: Language, level: Level, w: Record<(typeof APP_MARKETS)[number], number>): string {
  return APP_MARKETS.filter((m) => level.markets[m])
    .map((m) => t(lang, 'guide.markets.item', { market: t(lang, `market.${m}`), weight: w[m] }))
    .join(t(lang, 'guide.list.sep'));
}

// ---------------------------------------------------------------------------------------------
// Words

/** A step in words: its title, what it explains, and a line with the player's figures now. */
export interface GuideText {
  title: string;
  body: string;
  detail: string;
}

const TITLE: Record<GuideStepId, TextKey> = {
  goal: 'guide.goal.title',
  runway: 'guide.runway.title',
  split: 'guide.split.title',
  markets: 'guide.markets.title',
  price: 'guide.price.title',
  suggest: 'guide.suggest.title',
  end: 'guide.end.title',
};

/** A step's words for the player's company on this state (the figures are the plan's as it stands). */
export function guideText(lang: Language, level: Level, state: GameState, id: GuideStepId): GuideText {
  const me = playerOf(state);
  const company = levelText(lang, level.companies.find((c) => c.id === me.id)?.name) || me.id;
  const title = t(lang, TITLE[id], { company });
  switch (id) {
    case 'goal': {
      const p = madeItProgress(level, state, me.id);
      const target = money(lang, level.endings.madeItMinRevenue);
      const detail =
        p && p.revenue.value !== null
          ? t(lang, 'guide.goal.last', { value: money(lang, p.revenue.value), target })
          : t(lang, 'guide.goal.first', { target });
      return { title, body: goalRuleText(lang, level), detail };
    }
    case 'runway': {
      const spend = Math.min(me.plan.spend, Math.max(0, me.cash));
      return {
        title,
        body: t(lang, 'guide.runway.body'),
        detail: t(lang, 'guide.runway.now', {
          spend: money(lang, spend),
          runway: runway(lang, projectedRunway(level, state, me, spend)),
        }),
      };
    }
    case 'split': {
      const pre = me.pretrainingAbandoned ? 0 : Math.round(me.plan.pretrainingBp / 100);
      return {
        title,
        body: t(lang, 'guide.split.body'),
        detail: t(lang, 'guide.split.now', { pre, app: 100 - pre }),
      };
    }
    case 'markets':
      return {
        title,
        body: t(lang, 'guide.markets.body'),
        detail: t(lang, 'guide.markets.now', { list: weightList(lang, level, me.plan.appWeights) }),
      };
    case 'price': {
      const api = apiMarginOf(level, state, me);
      return {
        title,
        body: t(lang, 'guide.price.body'),
        detail: t(lang, 'guide.price.now', {
          mode: t(lang, `pricing.${me.plan.pricing.mode}`),
          price: api.sells ? price(api.price) : '—',
        }),
      };
    }
    case 'suggest':
      return { title, body: t(lang, 'guide.suggest.body', { company }), detail: '' };
    case 'end':
      return {
        title,
        body: t(lang, 'guide.end.body'),
        detail: state.pendingEvents.length > 0 ? t(lang, 'guide.end.cards') : t(lang, 'guide.end.again'),
      };
  }
}

/** "Step 2 of 7". */
export function guideProgress(lang: Language, step: number, total = GUIDE_STEPS.length): string {
  return t(lang, 'guide.progress', { n: step + 1, total });
}
