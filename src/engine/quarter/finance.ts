// Step 6, finance: revenue − costs = operating profit; event money, credits, funding rounds, cash,
// valuation, exits; and each company's line in the quarter's record.

import { at, growthRate, headcount, valuationOf } from '../economy';
import type { Level } from '../level';
import { MAX_MONEY_LINE } from '../limits';
import { clamp } from '../mathx';
import type { Luck } from '../rng';
import { Purpose, uniform } from '../rng';
import type { NewsItem, StartupState } from '../types';
import { BASIS_POINTS } from './units';
import type { Books, QuarterWork } from './work';
import { alive, isPlayer, news, runwayAt, sumCosts, sumRevenue } from './work';

export function finance(w: QuarterWork): void {
  const { level, base, turn, luck, startups, books, records } = w;
  for (let i = 0; i < startups.length; i++) {
    const s = startups[i]!;
    const b = books[i]!;
    if (alive(s)) {
      const before = base.startups[i]!;
      const prevRevenue = base.history[base.history.length - 1]?.companies[i]?.revenue ?? 0;
      const prevMau = before.domesticUsers + before.overseasUsers;
      settleBooks(level, turn, s, b, isPlayer(w, s), luck, i, w.news, prevMau, prevRevenue);
    }
    const revenue = sumRevenue(b.revenueBy);
    const costs = sumCosts(b.costBy);
    const mau = s.domesticUsers + s.overseasUsers;
    records.push({
      id: s.id,
      status: s.status,
      cash: s.cash,
      revenue,
      costs,
      operatingProfit: revenue - costs,
      funding: b.funding,
      revenueBy: b.revenueBy,
      costBy: b.costBy,
      apiPrice: s.apiPrice,
      apiTokens: b.apiTokens,
      quality: s.quality,
      mau,
      domesticUsers: s.domesticUsers,
      overseasUsers: s.overseasUsers,
      enterpriseProjects: s.enterpriseProjects,
      headcount: headcount(s),
      pretrainingShare: s.plan.spend > 0 && !s.pretrainingAbandoned ? b.computeBudget / s.plan.spend : 0,
      valuation: s.valuation,
      ownershipBp: s.ownershipBp,
    });
  }
}

/**
 * Holds each line of the books to MAX_MONEY_LINE, so that in any valid level, however extreme, cash
 * and every total stay exact integers (limits.ts). Only a degenerate level ever reaches it.
 */
function capLines<K extends string>(lines: Record<K, number>): void {
  for (const k in lines) if (lines[k] > MAX_MONEY_LINE) lines[k] = MAX_MONEY_LINE;
}

/** Finance for one company: event money, credits, funding round, cash, valuation, endings. */
function settleBooks(
  level: Level,
  turn: number,
  s: StartupState,
  b: Books,
  player: boolean,
  luck: Luck,
  company: number,
  out: NewsItem[],
  prevMau: number,
  prevRevenue: number,
): void {
  const f = level.market.funding;
  // Money moved by event choices this quarter.
  b.revenueBy.other += s.eventBooks.income;
  b.costBy.other += s.eventBooks.cost;
  b.funding += s.eventBooks.funding;
  s.eventBooks = { income: 0, cost: 0, funding: 0 };
  capLines(b.revenueBy);
  capLines(b.costBy);
  const revenue = sumRevenue(b.revenueBy);
  const costs = sumCosts(b.costBy);
  // Cloud credits pay for compute first; they count as funding when used.
  const used = Math.min(s.credits, b.costBy.compute);
  s.credits -= used;
  b.funding += used;
  const mau = s.domesticUsers + s.overseasUsers;
  const growth = growthRate(prevMau, mau, prevRevenue, revenue);
  const preMoney = Math.max(1, valuationOf(level, turn, s, revenue, mau, growth));
  // A round opened this quarter starts; investors decide after closeQuarters more quarters.
  if (s.plan.roundTarget !== null && s.round === null)
    s.round = { target: s.plan.roundTarget, closesTurn: turn + f.closeQuarters };
  s.plan.roundTarget = null;
  if (s.round !== null && s.round.closesTurn <= turn) {
    const target = s.round.target;
    s.round = null;
    const climate = at(level.macro.fundingClimate, turn);
    const momentum = preMoney >= s.lastRoundValuation * f.downRoundShare ? 1 : f.downRoundFactor;
    const chance = clamp(f.baseCloseChance * climate * momentum, f.minCloseChance, f.maxCloseChance);
    if (uniform(luck, turn, Purpose.fundingRound, company) < chance) {
      const cap = Math.floor((preMoney * f.maxDilutionBp) / (BASIS_POINTS - f.maxDilutionBp));
      const amount = Math.max(0, Math.min(target, cap));
      const dilution = Math.round((amount * BASIS_POINTS) / (preMoney + amount));
      s.ownershipBp = Math.round((s.ownershipBp * (BASIS_POINTS - dilution)) / BASIS_POINTS);
      s.lastRoundValuation = preMoney + amount;
      s.raisedTotal += amount;
      b.funding += amount;
      news(out, 'news.roundClosed', s.id, { amount, valuation: preMoney + amount, dilutionBp: dilution });
    } else {
      news(out, 'news.roundFailed', s.id, { target });
    }
  }
  b.funding = Math.min(b.funding, MAX_MONEY_LINE);
  s.cash = s.cash + revenue - costs + b.funding;
  s.valuation = preMoney;
  const qualifies = revenue - costs >= 0 && revenue >= level.endings.madeItMinRevenue;
  s.profitStreak = qualifies ? s.profitStreak + 1 : 0;
  if (s.profitStreak >= level.endings.madeItQuarters && s.madeItTurn === null) {
    s.madeItTurn = turn;
    news(out, 'news.madeIt', s.id, {});
  }
  const runway = runwayAt(s.cash, costs - revenue);
  s.distress = runway < f.distressRunway ? s.distress + 1 : 0;
  // A rival's exit has one uniform a quarter (the two cases below never meet).
  if (s.cash < 0) {
    // A rival in distress may be bought before it fails; the player decides on offers itself.
    if (!player && uniform(luck, turn, Purpose.distressExit, company) < f.rescueChance) {
      s.status = 'acquired';
      news(out, 'news.rivalAcquired', s.id, {});
    } else {
      s.status = 'bankrupt';
      news(out, 'news.bankrupt', s.id, {});
    }
  } else if (
    !player &&
    s.distress >= f.distressQuarters &&
    uniform(luck, turn, Purpose.distressExit, company) < f.distressSaleChance
  ) {
    s.status = 'acquired';
    news(out, 'news.rivalAcquired', s.id, {});
  }
}
