// Step 5c, enterprise projects: deals from sales × quality × demand; customisation can cost more
// than it earns.

import { modifierFactor } from '../../cards';
import { normalQuantile, stochasticRound } from '../../draws';
import { at, openModelQuality, outputFactor } from '../../economy';
import { clamp } from '../../mathx';
import { Purpose, uniform } from '../../rng';
import type { QuarterWork } from '../work';

export function enterpriseMarket(w: QuarterWork): void {
  const { level, mid, books, luck } = w;
  if (!level.markets.enterprise) return;
  const ent = level.market.enterprise;
  const turn = mid.turn;
  const open = openModelQuality(level, mid);
  for (let i = 0; i < mid.startups.length; i++) {
    const s = mid.startups[i]!;
    if (s.status !== 'active') continue;
    const b = books[i]!;
    const spec = level.companies[i]!;
    s.platform = clamp(
      s.platform * (1 - ent.platformDecay) + b.budgetBy.enterprise / ent.platformCostPerPoint / 100,
      0,
      0.9,
    );
    const q = Math.max(s.quality, open);
    const qf = clamp((q - ent.qualityFloor) / 20, 0, 1.5);
    const noise = clamp(1 + 0.2 * normalQuantile(uniform(luck, turn, Purpose.enterpriseNoise, i)), 0.4, 1.6);
    const expected =
      at(level.macro.enterpriseDemand, turn) *
      modifierFactor(s, 'enterpriseDemand', turn) *
      (s.staff.sales / 10) *
      qf *
      (0.6 + 0.8 * spec.govTrust) *
      outputFactor(level, s) *
      noise;
    const deals = stochasticRound(uniform(luck, turn, Purpose.enterpriseDeals, i), expected);
    const overload = Math.min(2, 1 / Math.max(0.33, b.engFactor) - 1);
    b.revenueBy.enterprise = deals * ent.dealRevenue;
    b.costBy.customisation = Math.round(
      deals * ent.dealRevenue * ent.customisationRatio * (1 - s.platform) * (1 + overload),
    );
    s.enterpriseProjects = deals;
  }
}
