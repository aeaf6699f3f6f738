// The made-it goal in the player's language: the dashboard's goal line (each condition of the rule
// with its figure and met or not), what the last quarter lacked, and the rule itself for How to
// play. The engine decides (madeItProgress, quarter/made-it.ts); this only words its answer.

import type { EndingKind, Level, MadeItProgress } from '../engine/index';
import { quarterLabel } from '../engine/index';
import { money } from './format';
import type { Language } from './i18n';
import { levelText, t, tn } from './i18n';

export type GoalId = 'profit' | 'revenue' | 'year' | 'streak';

/** One condition of the goal line: met or not, and its text with the figure (no ✓/✗: the view adds the mark). */
export interface GoalItem {
  id: GoalId;
  met: boolean;
  text: string;
}

const orDash = (lang: Language, wan: number | null) => (wan === null ? '—' : money(lang, wan));

/** The goal line's conditions, in order: the quarter's profit, its revenue, the window's profit, the streak. */
export function goalItems(lang: Language, p: MadeItProgress): GoalItem[] {
  return [
    {
      id: 'profit',
      met: p.profit.met,
      text: t(lang, 'goal.profit', { value: orDash(lang, p.profit.value) }),
    },
    {
      id: 'revenue',
      met: p.revenue.met,
      text: t(lang, 'goal.revenue', {
        value: orDash(lang, p.revenue.value),
        target: money(lang, p.revenue.target),
      }),
    },
    {
      id: 'year',
      met: p.year.met,
      text: t(lang, 'goal.year', { n: p.year.quarters || p.year.window, value: orDash(lang, p.year.value) }),
    },
    {
      id: 'streak',
      met: p.streak.met,
      text: tn(lang, 'goal.streak', p.streak.target, { n: p.streak.value ?? 0, target: p.streak.target }),
    },
  ];
}

/**
 * What the last quarter lacked, condition by condition, with the gap ("revenue missed the ¥100M bar
 * by ¥16M"); the streak only when the quarter itself counted. Empty when the rule holds or before
 * the first quarter.
 */
export function goalMissed(lang: Language, p: MadeItProgress): string[] {
  if (p.turn === null || p.reached) return [];
  const out: string[] = [];
  if (!p.profit.met && p.profit.value !== null)
    out.push(t(lang, 'goal.missed.profit', { gap: money(lang, p.profit.target - p.profit.value) }));
  if (!p.revenue.met && p.revenue.value !== null)
    out.push(
      t(lang, 'goal.missed.revenue', {
        target: money(lang, p.revenue.target),
        gap: money(lang, p.revenue.target - p.revenue.value),
      }),
    );
  if (!p.year.met && p.year.value !== null)
    out.push(
      t(lang, 'goal.missed.year', { n: p.year.quarters, gap: money(lang, p.year.target - p.year.value) }),
    );
  if (p.met && !p.streak.met)
    out.push(
      tn(lang, 'goal.missed.streak', p.streak.value ?? 0, {
        n: p.streak.value ?? 0,
        target: p.streak.target,
      }),
    );
  return out;
}

/**
 * The ending's sentence about the goal: for made-it, the figures of the quarter that made it; for
 * time's up, what the last quarter lacked. Null for the other endings (or with no quarter played).
 */
export function endingGoalText(
  lang: Language,
  level: Level,
  kind: EndingKind,
  p: MadeItProgress,
): string | null {
  if (p.turn === null) return null;
  const quarter = quarterLabel(level, p.turn);
  if (kind === 'made-it')
    return t(lang, 'ending.goal.made', {
      quarter,
      profit: orDash(lang, p.profit.value),
      revenue: orDash(lang, p.revenue.value),
      target: money(lang, p.revenue.target),
      n: p.year.quarters,
      year: orDash(lang, p.year.value),
    });
  if (kind === 'times-up') {
    const missed = goalMissed(lang, p);
    return missed.length > 0
      ? t(lang, 'ending.goal.missed', { quarter, missed: missed.join(t(lang, 'goal.sep')) })
      : null;
  }
  return null;
}

/** The level's made-it rule in numbers, for How to play. */
export function goalRuleText(lang: Language, level: Level): string {
  const e = level.endings;
  return t(lang, 'howto.goal.rule', {
    level: levelText(lang, level.name),
    min: money(lang, e.madeItMinRevenue),
    window: e.madeItWindow,
    quarters: e.madeItQuarters,
  });
}
