// Step 6, finance: revenue − costs = operating profit; event money, credits, funding rounds, cash,
// valuation, exits; and each company's line in the quarter's record.

import { at, fundamentalValue, growthRate, headcount, tractionFactor, valuationMark } from '../economy';
import type { CompanyFlows } from '../flow-types';
import type { Level } from '../level';
import { MAX_MONEY_LINE } from '../limits';
import { clamp } from '../mathx';
import type { Luck } from '../rng';
import { Purpose, uniform } from '../rng';
import type { NewsItem, StartupState } from '../types';
import { finishFlows, valuationParts } from './flows';
import { madeItTest, nextStreak, profitBefore, streakMadeIt, windowBefore } from './made-it';
import { BASIS_POINTS } from './units';
import type { Books, QuarterWork } from './work';
import { alive, isPlayer, news, runwayAt, sumCosts, sumRevenue } from './work';

export function finance(w: QuarterWork): void {
  const { level, turn, luck, startups, books, records } = w;
  for (let i = 0; i < startups.length; i++) {
    const s = startups[i]!;
    const b = books[i]!;
    let flows: CompanyFlows | null = null;
    if (alive(s)) {
      const player = isPlayer(w, s);
      settleBooks(level, turn, s, b, player, luck, i, w.news, pastRevenue(w, i));
      if (player) flows = finishFlows(w, i);
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
      flows,
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

/** One company's finance this quarter: who and where, for the steps of settleBooks. */
interface Settling {
  level: Level;
  turn: number;
  s: StartupState;
  b: Books;
  player: boolean;
  luck: Luck;
  company: number;
  out: NewsItem[];
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
  past: PastRevenue,
): void {
  const c: Settling = { level, turn, s, b, player, luck, company, out };
  bookEventMoney(s, b);
  const revenue = sumRevenue(b.revenueBy);
  const costs = sumCosts(b.costBy);
  // Cloud credits pay for compute first; they count as funding when used.
  const used = Math.min(s.credits, b.costBy.compute);
  s.credits -= used;
  b.funding += used;
  const growth = growthRate(past.yearAgo, revenue, level.market.funding.growthFloorRevenue);
  const direct = b.costBy.inference + b.costBy.customisation;
  const fundamentals = {
    annualRevenue: past.lastThree + revenue,
    growth,
    margin: revenue > 0 ? clamp((revenue - direct) / revenue, -1, 1) : 0,
    userRevenue: b.revenueBy.domestic + b.revenueBy.overseas,
  };
  // The mark: anchored to the last one, moving toward what the business is worth now.
  const previous = s.valuation;
  const mark = valuationMark(level, previous, fundamentalValue(level, turn, s.quality, fundamentals));
  const preMoney = fundingRound(c, mark, growth);
  b.funding = Math.min(b.funding, MAX_MONEY_LINE);
  s.cash = s.cash + revenue - costs + b.funding;
  s.valuation = preMoney;
  if (c.player)
    b.flows.valuation = valuationParts(level, turn, previous, s.quality, fundamentals, mark, preMoney);
  madeItAndExits(c, revenue, costs, past);
}

/** Money moved by event choices this quarter, into the books (each line held to MAX_MONEY_LINE). */
function bookEventMoney(s: StartupState, b: Books): void {
  b.revenueBy.other += s.eventBooks.income;
  b.costBy.other += s.eventBooks.cost;
  b.funding += s.eventBooks.funding;
  s.eventBooks = { income: 0, cost: 0, funding: 0 };
  capLines(b.revenueBy);
  capLines(b.costBy);
}

/**
 * A round opened this quarter starts; investors decide after closeQuarters more quarters. Returns
 * the valuation after this quarter's round: the mark, or the round's post-money if one closed.
 */
function fundingRound(
  { level, turn, s, b, luck, company, out }: Settling,
  mark: number,
  growth: number,
): number {
  const f = level.market.funding;
  if (s.plan.roundTarget !== null && s.round === null)
    s.round = { target: s.plan.roundTarget, closesTurn: turn + f.closeQuarters };
  s.plan.roundTarget = null;
  if (s.round === null || s.round.closesTurn > turn) return mark;
  const target = s.round.target;
  s.round = null;
  const climate = at(level.macro.fundingClimate, turn);
  const momentum = mark >= s.lastRoundValuation * f.downRoundShare ? 1 : f.downRoundFactor;
  // Investors want traction, and a company back for more soon after its last round gets worse
  // odds and a lower price.
  const soon = turn - s.lastRoundTurn < f.minRoundGap;
  const chance = clamp(
    f.baseCloseChance *
      climate *
      momentum *
      tractionFactor(level, turn, s.quality, growth) *
      (soon ? f.backToBackFactor : 1),
    f.minCloseChance,
    f.maxCloseChance,
  );
  // What the round raises if it closes (recorded either way: the results say what was at stake).
  const price = soon ? Math.max(1, Math.round(mark * f.backToBackDiscount)) : mark;
  const cap = Math.floor((price * f.maxDilutionBp) / (BASIS_POINTS - f.maxDilutionBp));
  // Investors' money is not unlimited: a round raises at most roundCap × the climate.
  const amount = Math.max(0, Math.min(target, cap, Math.round(f.roundCap * climate)));
  const dilution = Math.round((amount * BASIS_POINTS) / (price + amount));
  const fee = Math.round((amount * f.roundFeeBp) / BASIS_POINTS);
  const closes = uniform(luck, turn, Purpose.fundingRound, company) < chance;
  b.flows.round = { target, chance, closed: closes, price, amount, dilutionBp: dilution, fee };
  if (!closes) {
    news(out, 'news.roundFailed', s.id, { target });
    return Math.round(mark * f.failedRoundMarkdown);
  }
  s.ownershipBp = Math.round((s.ownershipBp * (BASIS_POINTS - dilution)) / BASIS_POINTS);
  s.lastRoundValuation = price + amount;
  s.lastRoundTurn = turn;
  s.raisedTotal += amount;
  b.funding += amount - fee;
  news(out, 'news.roundClosed', s.id, { amount, valuation: price + amount, dilutionBp: dilution, fee });
  return price + amount;
}

/**
 * The mark after a round that failed: investors who passed are a public signal, and the next
 * ones price it in (× failedRoundMarkdown; 1 leaves the mark as it was). Without it a round
 * would be a free option, and opening one every quarter would cost nothing when it fails.
 */
export function failedRoundMark(markdown: number, mark: number): number {
  return markdown === 1 ? mark : Math.round(mark * markdown);
}

/** Made it, distress, and a rival's exit (bought or bankrupt) once the cash is booked. */
function madeItAndExits(c: Settling, revenue: number, costs: number, past: PastRevenue): void {
  const { level, turn, s, player, luck, company, out } = c;
  const f = level.market.funding;
  // Made it (made-it.ts): a profitable quarter with enough revenue and a profitable year behind it,
  // madeItQuarters times in a row.
  const counted = madeItTest(level.endings, revenue, revenue - costs, past.lastProfits + revenue - costs);
  s.profitStreak = nextStreak(s.profitStreak, counted.counts);
  if (streakMadeIt(level.endings, s.profitStreak) && s.madeItTurn === null) {
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

/** A company's revenue before this quarter, as investors read it from the history. */
interface PastRevenue {
  /** The three quarters before this one. */
  lastThree: number;
  /** The same quarter a year before (or the earliest one played); null in the first quarter. */
  yearAgo: number | null;
  /** Operating profit of the madeItWindow − 1 quarters before this one. */
  lastProfits: number;
}

function pastRevenue(w: QuarterWork, company: number): PastRevenue {
  const h = w.base.history;
  let lastThree = 0;
  for (let k = Math.max(0, h.length - 3); k < h.length; k++)
    lastThree += h[k]!.companies[company]?.revenue ?? 0;
  const yearAgo = h.length === 0 ? null : (h[Math.max(0, h.length - 4)]!.companies[company]?.revenue ?? 0);
  const lastProfits = profitBefore(h, company, h.length, windowBefore(w.level.endings));
  return { lastThree, yearAgo, lastProfits };
}
