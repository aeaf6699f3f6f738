// Step 5b, the consumer apps (domestic and overseas): users bought with ads at the going CAC plus
// word of mouth; churn when the app trails.

import { keyPeopleFactor, modifierFactor } from '../../cards';
import { normalQuantile } from '../../draws';
import {
  acquisitionCost,
  openBuiltQuality,
  openModelQuality,
  outputFactor,
  startupServingCost,
} from '../../economy';
import type { Level } from '../../level';
import { MAX_USERS } from '../../limits';
import { clamp } from '../../mathx';
import { Purpose, uniform } from '../../rng';
import type { StartupState } from '../../types';
import { usersMoved } from '../flows';
import { USERS_PER_MILLION, YUAN_PER_WAN } from '../units';
import type { QuarterWork } from '../work';

/** Bounds of the quarter's CAC draw: cacNoise × a normal draw stays positive. */
const CAC_NOISE_MIN = 0.7;
const CAC_NOISE_MAX = 1.3;
/**
 * The upper clamp of word of mouth's quality pull. It never binds: the best quality on the market
 * counts every active startup's own app quality, so no app is ahead of it and the pull is at most 1.
 */
const QUALITY_PULL_MAX = 1.2;

import { news } from '../work';

export function appMarkets(w: QuarterWork): void {
  const { level, base, mid, books, luck } = w;
  const out = w.news;
  const turn = base.turn;
  let best = 0;
  const open = openModelQuality(level, mid);
  for (const s of mid.startups) if (s.status === 'active') best = Math.max(best, s.quality, open);
  for (const g of mid.giants) if (g.active) best = Math.max(best, g.quality);
  const cacNoise = clamp(
    1 + level.market.apps.cacNoise * normalQuantile(uniform(luck, turn, Purpose.cacNoise, 0)),
    CAC_NOISE_MIN,
    CAC_NOISE_MAX,
  );
  const cac = {
    domestic: acquisitionCost(level, base, 'domestic') * cacNoise,
    overseas: acquisitionCost(level, base, 'overseas') * cacNoise,
  };
  const ent = level.market.enterprise;
  const app = appWork(best);
  for (let i = 0; i < mid.startups.length; i++) {
    const s = mid.startups[i]!;
    if (s.status !== 'active') continue;
    const b = books[i]!;
    const q = Math.max(s.quality, openBuiltQuality(level, open, s));
    const output = outputFactor(level, s);
    const needed =
      (s.domesticUsers / USERS_PER_MILLION) * level.market.domestic.engineersPerMillionUsers +
      (s.overseasUsers / USERS_PER_MILLION) * level.market.overseas.engineersPerMillionUsers +
      s.enterpriseProjects * ent.engineersPerProject;
    const engineering = s.staff.engineers * output * keyPeopleFactor(level, s, 'engineers');
    b.engFactor = clamp(engineering / Math.max(1, needed), 0, 1);
    app.cost = startupServingCost(level, turn, i);
    // The two consumer markets by name (plain property access rather than b.revenueBy[market]).
    app.q = q;
    app.engFactor = b.engFactor;
    if (level.markets.domestic) {
      app.shockDraw = uniform(luck, turn, Purpose.appShock, i, 0);
      const unitCost = cac.domestic * modifierFactor(s, 'cacDomestic', turn);
      appMarket(
        level.market.apps,
        level.market.domestic,
        s.domesticUsers,
        b.budgetBy.domestic,
        unitCost,
        level.market.domestic.arpu,
        app,
      );
      if (app.shock && s.domesticUsers > 0) news(out, 'news.domesticShock', s.id);
      usersMoved(b.flows.domestic, app, b.budgetBy.domestic);
      b.revenueBy.domestic = app.revenue;
      b.costBy.inference += app.inference;
      s.domesticUsers = app.users;
    }
    if (level.markets.overseas) {
      app.shockDraw = uniform(luck, turn, Purpose.appShock, i, 1);
      const unitCost = cac.overseas * overseasCacOf(level, s, i, turn);
      const arpu = level.market.overseas.arpu * modifierFactor(s, 'arpuOverseas', turn);
      appMarket(
        level.market.apps,
        level.market.overseas,
        s.overseasUsers,
        b.budgetBy.overseas,
        unitCost,
        arpu,
        app,
      );
      if (app.shock && s.overseasUsers > 0) news(out, 'news.overseasShock', s.id);
      usersMoved(b.flows.overseas, app, b.budgetBy.overseas);
      b.revenueBy.overseas = app.revenue;
      b.costBy.inference += app.inference;
      s.overseasUsers = app.users;
    }
  }
}

/** The company's own multiple of the overseas CAC: its overseasCacFactor × its card modifiers. */
function overseasCacOf(level: Level, s: StartupState, i: number, turn: number): number {
  return level.companies[i]!.overseasCacFactor * modifierFactor(s, 'cacOverseas', turn);
}

/** A consumer market's inputs that are the same for both markets, and its outcome. */
interface AppMarketWork {
  /** The uniform of this company's shock in this market. */
  shockDraw: number;
  /** The best quality on the market, the company's app quality, its engineering cover. */
  best: number;
  q: number;
  engFactor: number;
  /** The company's serving cost per million tokens this quarter. */
  cost: number;
  users: number;
  revenue: number;
  inference: number;
  shock: boolean;
  /** The quarter's users bought and won by word of mouth, and the count before a shock (unrounded). */
  bought: number;
  organic: number;
  beforeShock: number;
}

/** The working object of the consumer markets, reused for every company and market. */
function appWork(best: number): AppMarketWork {
  return {
    shockDraw: 0,
    best,
    q: 0,
    engFactor: 1,
    cost: 0,
    users: 0,
    revenue: 0,
    inference: 0,
    shock: false,
    bought: 0,
    organic: 0,
    beforeShock: 0,
  };
}

/** One consumer market for one company: users bought, word of mouth, churn, a seeded shock; revenue and inference cost. */
function appMarket(
  a: Level['market']['apps'],
  p: Level['market']['domestic'],
  users: number,
  budget: number,
  unitCost: number,
  arpu: number,
  w: AppMarketWork,
): void {
  const { q, best, engFactor } = w;
  const gap = Math.max(0, best - q);
  const qualityPull = clamp(1 + (q - best) / a.qualityPullPoints, 0, QUALITY_PULL_MAX);
  const bought =
    ((budget * YUAN_PER_WAN) / unitCost) * (a.adReachUnstaffed + (1 - a.adReachUnstaffed) * engFactor);
  const organic = users * p.organicRate * qualityPull;
  const churn = clamp(
    p.baseChurn + (p.gapChurn * gap) / a.gapChurnPoints + (1 - engFactor) * a.understaffedChurn,
    0,
    1,
  );
  // App-store removals, regulation: a seeded shock takes a share of the users at once.
  const shock = w.shockDraw < p.shockChance ? p.shockLoss : 0;
  // Word of mouth compounds every quarter: bounded like the level's own user counts (limits.ts).
  const beforeShock = users * (1 - churn) + bought + organic;
  const next = clamp(Math.round(beforeShock * (1 - shock)), 0, MAX_USERS);
  const avg = (users + next) / 2;
  w.users = next;
  w.shock = shock > 0;
  w.bought = bought;
  w.organic = organic;
  w.beforeShock = beforeShock;
  w.revenue = Math.round((avg * arpu * (a.arpuBase + q / a.arpuQualityPoints)) / YUAN_PER_WAN);
  w.inference = Math.round((avg * p.tokensPerUser * w.cost) / YUAN_PER_WAN);
}
