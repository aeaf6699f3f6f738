// Step 1, rivals decide: at the same time as the player, from the state at the quarter's start.
// The working copies take the new plans (no copy of the old plan is made only to be replaced).

import { decideGiantPrices, rivalPlan } from '../policies';
import { cloneGiant, cloneStartup, workingCopy } from '../shapes';
import type { QuarterWork } from './work';
import { alive, isPlayer, newBooks, news } from './work';

export function decide(w: QuarterWork): void {
  const { level, base } = w;
  w.giants = base.giants.map(cloneGiant);
  w.offers = base.offers.map((o) => ({ ...o }));
  const startups = w.startups;
  for (let i = 0; i < base.startups.length; i++) {
    const b = base.startups[i]!;
    if (!alive(b) || isPlayer(w, b)) {
      startups.push(cloneStartup(b));
      continue;
    }
    const plan = rivalPlan(level, base, b);
    const s = workingCopy(b, plan.plan);
    startups.push(s);
    if (plan.abandonPretraining && !s.pretrainingAbandoned) {
      s.pretrainingAbandoned = true;
      s.run = null;
      news(w.news, 'news.abandonPretraining', s.id);
    }
  }
  w.books = startups.map((s) => newBooks(isPlayer(w, s)));
  decideGiantPrices(level, base, w.giants);
}
