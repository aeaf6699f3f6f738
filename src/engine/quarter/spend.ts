// Step 2, spend: compute at this quarter's GPU price, payroll at the talent-market wage, app budgets.

import { keyPeoplePay } from '../cards';
import { maxComputeSpend, payroll } from '../economy';
import { appBudgets, splitSpend } from '../plan';
import type { QuarterWork } from './work';
import { alive, isPlayer, news } from './work';

export function spend(w: QuarterWork): void {
  const { level, turn, startups, books } = w;
  for (let i = 0; i < startups.length; i++) {
    const s = startups[i]!;
    if (!alive(s)) continue;
    const b = books[i]!;
    const spend = Math.min(s.plan.spend, Math.max(0, s.cash));
    const { pretraining: wanted, apps } = splitSpend(spend, s.plan.pretrainingBp, s.pretrainingAbandoned);
    // GPUs are scarce (export controls): what a startup can buy in a quarter is capped; the rest
    // of the pretraining budget stays in the bank.
    b.computeBudget = Math.min(wanted, maxComputeSpend(level, turn));
    if (b.computeBudget < wanted && isPlayer(w, s))
      news(w.news, 'news.gpuShortage', s.id, { spent: b.computeBudget });
    const by = appBudgets(apps, s.plan.appWeights);
    b.budgetBy.domestic = by.domestic;
    b.budgetBy.overseas = by.overseas;
    b.budgetBy.enterprise = by.enterprise;
    b.budgetBy.api = by.api;
    b.costBy.compute = b.computeBudget;
    b.costBy.salaries = payroll(level, turn, s) + keyPeoplePay(level, turn, s);
    b.costBy.ads = b.budgetBy.domestic + b.budgetBy.overseas;
    b.costBy.platform = b.budgetBy.enterprise + b.budgetBy.api;
  }
}
