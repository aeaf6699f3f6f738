// The score taken apart, in the player's language: the founders' share of what the ending prices
// the company at, then each honour granted (the engine's scoreParts decides them all; this only
// words them). The ending screen shows the line under the score; the parts sum to it exactly.

import type { ScoreParts } from '../engine/index';
import { money, pct, signedMoney } from './format';
import type { Language } from './i18n';
import { t } from './i18n';

export type ScorePartId = 'equity' | 'made-it' | 'fame';

export interface ScorePartItem {
  id: ScorePartId;
  /** The part, whole 万元. */
  wan: number;
  text: string;
}

/** The founders' share as a percentage: whole when it is, else to 0.1 %. */
function share(bp: number): string {
  return pct(bp / 10_000, bp % 100 === 0 ? 0 : 1);
}

/** The parts shown: the equity part always, an honour when it was granted (non-zero). */
export function scorePartItems(lang: Language, p: ScoreParts): ScorePartItem[] {
  // Time's up with runway enough counts the valuation in full: said so, rather than "100% of".
  const words = p.basis === 'runway-discounted' && p.runwayFactor === 1 ? 'full-runway' : p.basis;
  const whole = Math.abs(p.runwayFactor * 100 - Math.round(p.runwayFactor * 100)) < 1e-9;
  const basis = t(lang, `ending.parts.basis.${words}`, {
    value: money(lang, p.value),
    valuation: money(lang, p.valuation),
    factor: pct(p.runwayFactor, whole ? 0 : 1),
  });
  const items: ScorePartItem[] = [
    {
      id: 'equity',
      wan: p.equity,
      text: t(lang, 'ending.parts.equity', {
        share: share(p.ownershipBp),
        basis,
        equity: money(lang, p.equity),
      }),
    },
  ];
  if (p.madeItHonour > 0)
    items.push({
      id: 'made-it',
      wan: p.madeItHonour,
      text: t(lang, 'ending.parts.madeIt', { value: money(lang, p.madeItHonour) }),
    });
  if (p.fameHonour > 0)
    items.push({
      id: 'fame',
      wan: p.fameHonour,
      text: t(lang, 'ending.parts.fame', { quarters: p.fameQuarters, value: money(lang, p.fameHonour) }),
    });
  return items;
}

/** The whole line: "= founders' 24% of the ¥5.12B valuation (¥1.23B) + made-it honour ¥1.00B". */
export function scorePartsText(lang: Language, p: ScoreParts): string {
  return `= ${scorePartItems(lang, p)
    .map((i) => i.text)
    .join(' + ')}`;
}

/**
 * The ending's two par lines for a standing: "computing…" while it is undefined, "no par" when it
 * could not be computed (null), else the difference from par and the percentile among the
 * reference runs (with PAR_RUNS = 25 a percentile is a whole number already: nothing is rounded away).
 */
export function standingTexts(
  lang: Language,
  s: { par: number; difference: number; percentile: number } | null | undefined,
): { difference: string; percentile: string } {
  if (s === undefined) {
    const computing = t(lang, 'ending.computing');
    return { difference: computing, percentile: computing };
  }
  if (s === null) {
    const none = t(lang, 'par.none');
    return { difference: none, percentile: none };
  }
  return {
    difference: t(lang, 'par.differenceValue', {
      diff: signedMoney(lang, s.difference),
      par: money(lang, s.par),
    }),
    percentile: t(lang, 'par.percentileValue', { p: Math.round(s.percentile) }),
  };
}
