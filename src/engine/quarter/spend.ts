// Step 2, spend: compute at this quarter's GPU price, payroll at the talent-market wage, app budgets.

import { keyPeoplePay } from '../cards';
import { maxComputeSpend, payroll } from '../economy';
import { BASIS_POINTS, PERCENT } from './units';
import type { QuarterWork } from './work';
import { alive, isPlayer, news } from './work';

export function spend(w: QuarterWork): void {
  const { level, turn, startups, books } = w;
  for (let i = 0; i < startups.length; i++) {
    const s = startups[i]!;
    if (!alive(s)) continue;
    const b = books[i]!;
    const spend = Math.min(s.plan.spend, Math.max(0, s.cash));
    const wanted = s.pretrainingAbandoned ? 0 : Math.round((spend * s.plan.pretrainingBp) / BASIS_POINTS);
    const apps = spend - wanted;
    // GPUs are scarce (export controls): what a startup can buy in a quarter is capped; the rest
    // of the pretraining budget stays in the bank.
    b.computeBudget = Math.min(wanted, maxComputeSpend(level, turn));
    if (b.computeBudget < wanted && isPlayer(w, s))
      news(w.news, 'news.gpuShortage', s.id, { spent: b.computeBudget });
    const aw = s.plan.appWeights;
    b.budgetBy.domestic = Math.round((apps * aw.domestic) / PERCENT);
    b.budgetBy.overseas = Math.round((apps * aw.overseas) / PERCENT);
    b.budgetBy.enterprise = Math.round((apps * aw.enterprise) / PERCENT);
    b.budgetBy.api = apps - b.budgetBy.domestic - b.budgetBy.overseas - b.budgetBy.enterprise;
    if (b.budgetBy.api < 0) {
      // Three shares rounded up can overshoot the budget by 1 万元 when the API weight is 0 (50/50
      // of an odd amount): it is taken back from the largest share, so no budget line is negative.
      const bb = b.budgetBy;
      if (bb.enterprise > Math.max(bb.domestic, bb.overseas)) bb.enterprise += bb.api;
      else if (bb.domestic >= bb.overseas) bb.domestic += bb.api;
      else bb.overseas += bb.api;
      bb.api = 0;
    }
    b.costBy.compute = b.computeBudget;
    b.costBy.salaries = payroll(level, turn, s) + keyPeoplePay(level, turn, s);
    b.costBy.ads = b.budgetBy.domestic + b.budgetBy.overseas;
    b.costBy.platform = b.budgetBy.enterprise + b.budgetBy.api;
  }
}
