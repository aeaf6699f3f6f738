// Step 7b, event cards for next quarter: the player's wait for an answer; rivals answer by policy.
// Then the modifiers that have run out are dropped.

import { dealCards } from '../cards';
import { withParts } from '../shapes';
import type { StartupState } from '../types';
import type { QuarterWork } from './work';

export function events(w: QuarterWork): void {
  const { level, base, turn, nextTurn, luck, startups, giants, player } = w;
  if (nextTurn < level.quarters && player.status === 'active' && player.madeItTurn !== turn) {
    const probe = withParts(base, { turn: nextTurn, startups, giants });
    const thisQuarter = {
      companies: w.records,
      apiTokens: w.api.totalTokens,
      outsideShare: w.api.outsideShare,
    };
    w.pendingEvents = dealCards(level, probe, startups, nextTurn, luck, w.news, thisQuarter);
  }
  for (const s of startups) if (s.modifiers.length > 0) s.modifiers = liveModifiers(s.modifiers, nextTurn);
}

/** The modifiers still running on a turn (the same array when none has run out). */
function liveModifiers(mods: StartupState['modifiers'], turn: number): StartupState['modifiers'] {
  for (const x of mods) if (x.untilTurn < turn) return mods.filter((y) => y.untilTurn >= turn);
  return mods;
}
