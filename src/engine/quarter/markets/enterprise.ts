// Step 5c, enterprise projects: a finite pool of deals a quarter, shared among the startups (and
// big tech and integrators, the outside pull) by each one's pull: sales with diminishing returns ×
// quality × government trust; customisation can cost more than it earns.

import { modifierFactor } from '../../cards';
import { normalQuantile, stochasticRound } from '../../draws';
import { at, openBuiltQuality, openModelQuality, outputFactor } from '../../economy';
import { clamp } from '../../mathx';
import { Purpose, uniform } from '../../rng';
import { PLATFORM_POINTS } from '../units';
import type { QuarterWork } from '../work';

/** Bounds of a company's deal-flow draw: noise × a normal draw stays positive. */
const DEAL_NOISE_MIN = 0.4;
const DEAL_NOISE_MAX = 1.6;
/** The engineering cover below which overload stops growing (keeps 1 / cover finite). */
const MIN_DELIVERY_COVER = 0.33;

export function enterpriseMarket(w: QuarterWork): void {
  const { level, mid, books, luck } = w;
  if (!level.markets.enterprise) return;
  const ent = level.market.enterprise;
  const turn = mid.turn;
  const open = openModelQuality(level, mid);
  const pulls = new Array<number>(mid.startups.length).fill(0);
  let totalPull = ent.outsidePull;
  // A product falls behind as the frontier moves: the floor of a usable model rises with it.
  const floor = Math.max(ent.qualityFloor, at(level.macro.frontierQuality, turn) - ent.qualityFloorGap);
  for (let i = 0; i < mid.startups.length; i++) {
    const s = mid.startups[i]!;
    if (s.status !== 'active') continue;
    const q = Math.max(s.quality, openBuiltQuality(level, open, s));
    const qf = clamp((q - floor) / ent.qualityRangePoints, 0, ent.qualityFactorMax);
    pulls[i] =
      modifierFactor(s, 'enterpriseDemand', turn) *
      (s.staff.sales / (s.staff.sales + ent.salesHalf)) *
      qf *
      (ent.govTrustBase + ent.govTrustWeight * level.companies[i]!.govTrust) *
      outputFactor(level, s);
    totalPull += pulls[i]!;
  }
  const pool = at(level.macro.enterpriseDemand, turn);
  for (let i = 0; i < mid.startups.length; i++) {
    const s = mid.startups[i]!;
    if (s.status !== 'active') continue;
    const b = books[i]!;
    s.platform = clamp(
      s.platform * (1 - ent.platformDecay) +
        b.budgetBy.enterprise / ent.platformCostPerPoint / PLATFORM_POINTS,
      0,
      ent.platformMax,
    );
    const noise = clamp(
      1 + ent.noise * normalQuantile(uniform(luck, turn, Purpose.enterpriseNoise, i)),
      DEAL_NOISE_MIN,
      DEAL_NOISE_MAX,
    );
    const expected = totalPull > 0 ? ((pool * pulls[i]!) / totalPull) * noise : 0;
    const deals = stochasticRound(uniform(luck, turn, Purpose.enterpriseDeals, i), expected);
    const overload = Math.min(ent.overloadMax, 1 / Math.max(MIN_DELIVERY_COVER, b.engFactor) - 1);
    b.revenueBy.enterprise = deals * ent.dealRevenue;
    b.costBy.customisation = Math.round(
      deals * ent.dealRevenue * ent.customisationRatio * (1 - s.platform) * (1 + overload),
    );
    s.enterpriseProjects = deals;
  }
}
