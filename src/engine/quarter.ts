// End-of-quarter resolution, in a fixed order: rivals decide → spend → talent → research →
// markets clear → finance → offers → endings and history. It reads the frozen base state and
// works on plain copies (much faster than writing through Immer drafts), then returns a new
// state. Every random draw is keyed by (seed, quarter, purpose, company, index): src/engine/rng.ts.

import { dealCards, keyPeopleFactor, keyPeoplePay, modifierFactor } from './cards';
import { drawBinomial, normalQuantile, stochasticRound } from './draws';
import {
  acquisitionCost,
  at,
  effectiveCompute,
  equityScore,
  growthRate,
  headcount,
  hireFillRate,
  marketWage,
  maxComputeSpend,
  openModelQuality,
  outputFactor,
  payMultiplier,
  payroll,
  qualityFromCompute,
  stayProbability,
  valuationOf,
} from './economy';
import type { Level } from './level';
import { quarterLabel } from './level';
import { MAX_MONEY_LINE, MAX_USERS } from './limits';
import { clamp, logitShares, powD } from './mathx';
import { decideGiantPrices, rivalPlan, startupPrice } from './policies';
import type { Luck } from './rng';
import { luckOf, Purpose, uniform } from './rng';
import { cloneGiant, cloneStartup, withParts, workingCopy } from './shapes';
import { stateHash } from './statehash';
import type {
  AppMarket,
  CompanyRecord,
  CostBreakdown,
  Ending,
  GameState,
  GiantRecord,
  GiantState,
  NewsItem,
  Offer,
  PendingEvent,
  QuarterRecord,
  RevenueLine,
  Role,
  StartupState,
} from './types';

interface Books {
  revenueBy: Record<RevenueLine, number>;
  costBy: CostBreakdown;
  funding: number;
  /** Budgets set in the spend step. */
  computeBudget: number;
  budgetBy: Record<AppMarket, number>;
  apiTokens: number;
  engFactor: number;
}

function newBooks(): Books {
  return {
    revenueBy: { domestic: 0, overseas: 0, enterprise: 0, api: 0, other: 0 },
    costBy: {
      compute: 0,
      salaries: 0,
      ads: 0,
      inference: 0,
      customisation: 0,
      platform: 0,
      severance: 0,
      other: 0,
    },
    funding: 0,
    computeBudget: 0,
    budgetBy: { domestic: 0, overseas: 0, enterprise: 0, api: 0 },
    apiTokens: 0,
    engFactor: 1,
  };
}

const sumCosts = (c: CostBreakdown) =>
  c.compute + c.salaries + c.ads + c.inference + c.customisation + c.platform + c.severance + c.other;
const sumRevenue = (r: Record<RevenueLine, number>) =>
  r.domestic + r.overseas + r.enterprise + r.api + r.other;

function news(out: NewsItem[], key: string, subject: string, params: Record<string, number | string> = {}) {
  out.push({ key, subject, params });
}

/** Runway in quarters at a given net burn; 99 stands for "not burning". */
export function runwayAt(cash: number, netBurn: number): number {
  if (netBurn <= 0) return 99;
  return Math.max(0, cash / netBurn);
}

interface TalentMove {
  staff: number;
  severance: number;
  poached: number;
}

/** The roles' order in the keys of their draws. */
const ROLE_KEY: Record<Role, number> = { researchers: 0, engineers: 1, sales: 2 };

/**
 * One role's quarter: hires (filled at the market's rate) or cuts (with severance), attrition, then
 * — unless `leave` is negative — poaching, where each person is approached and leaves with
 * probability `leave` (one binomial thinned twice). Writes the results into `out`. Each of the three
 * counts has its own uniform for this company and role.
 */
function moveStaff(
  level: Level,
  turn: number,
  luck: Luck,
  company: number,
  role: Role,
  staff: number,
  h: number,
  fill: number,
  pay: number,
  attrition: number,
  leave: number,
  out: TalentMove,
): void {
  let n = staff;
  out.severance = 0;
  const r = ROLE_KEY[role];
  if (h > 0) n += Math.min(h, stochasticRound(uniform(luck, turn, Purpose.hireFill, company, r), h * fill));
  else if (h < 0) {
    const cut = Math.min(-h, n);
    n -= cut;
    out.severance = Math.round(
      cut * marketWage(level, turn, role) * pay * level.market.talent.severanceQuarters,
    );
  }
  n -= drawBinomial(uniform(luck, turn, Purpose.attrition, company, r), n, attrition);
  out.poached = 0;
  if (leave >= 0) {
    out.poached = drawBinomial(uniform(luck, turn, Purpose.poaching, company, r), n, leave);
    n -= out.poached;
  }
  out.staff = Math.max(0, n);
}

export function resolveQuarter(level: Level, base: GameState): GameState {
  const turn = base.turn;
  const m = level.market;
  const luck = luckOf(base.seed);
  const out: NewsItem[] = [];
  const giants: GiantState[] = base.giants.map(cloneGiant);
  let offers: Offer[] = base.offers.map((o) => ({ ...o }));
  const isPlayer = (s: StartupState) => s.id === base.playerId;
  const alive = (s: StartupState) => s.status === 'active';

  // 1. Rivals decide at the same time as the player, from the state at the quarter's start; the
  // working copies take the new plans (no copy of the old plan is made only to be replaced).
  const startups: StartupState[] = [];
  for (let i = 0; i < base.startups.length; i++) {
    const b = base.startups[i]!;
    if (!alive(b) || isPlayer(b)) {
      startups.push(cloneStartup(b));
      continue;
    }
    const plan = rivalPlan(level, base, b);
    const s = workingCopy(b, plan.plan);
    startups.push(s);
    if (plan.abandonPretraining && !s.pretrainingAbandoned) {
      s.pretrainingAbandoned = true;
      s.run = null;
      news(out, 'news.abandonPretraining', s.id);
    }
  }
  const books = startups.map(newBooks);
  decideGiantPrices(level, base, giants);

  // 2. Spend: compute at this quarter's GPU price, payroll at the talent-market wage, app budgets.
  for (let i = 0; i < startups.length; i++) {
    const s = startups[i]!;
    if (!alive(s)) continue;
    const b = books[i]!;
    const spend = Math.min(s.plan.spend, Math.max(0, s.cash));
    const wanted = s.pretrainingAbandoned ? 0 : Math.round((spend * s.plan.pretrainingBp) / 10_000);
    const apps = spend - wanted;
    // GPUs are scarce (export controls): what a startup can buy in a quarter is capped; the rest
    // of the pretraining budget stays in the bank.
    b.computeBudget = Math.min(wanted, maxComputeSpend(level, turn));
    if (b.computeBudget < wanted && isPlayer(s))
      news(out, 'news.gpuShortage', s.id, { spent: b.computeBudget });
    const w = s.plan.appWeights;
    b.budgetBy.domestic = Math.round((apps * w.domestic) / 100);
    b.budgetBy.overseas = Math.round((apps * w.overseas) / 100);
    b.budgetBy.enterprise = Math.round((apps * w.enterprise) / 100);
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

  // 3. Talent: hires (limited by how tight the market is), cuts, attrition, poaching, burnout.
  const poach = at(level.macro.poachPressure, turn);
  const offer = 1 + at(level.macro.poachOffer, turn);
  const stayByPay = new Map<number, number>();
  for (let i = 0; i < startups.length; i++) {
    const s = startups[i]!;
    if (!alive(s)) continue;
    const b = books[i]!;
    const t = m.talent;
    const pay = payMultiplier(level, s.plan.payLevel);
    const fill = hireFillRate(level, turn, s.plan.payLevel);
    // The chance to stay depends only on the pay level this quarter: computed once per level.
    let stay = stayByPay.get(pay);
    if (stay === undefined) {
      stay = stayProbability(level, pay, offer);
      stayByPay.set(pay, stay);
    }
    // The roles in a fixed order (the draws follow it); plain property access, not s.staff[role].
    const attrition = clamp(t.baseAttrition + s.burnout * t.burnoutAttrition, 0, 1);
    const hires = s.plan.hires;
    const moved: TalentMove = { staff: 0, severance: 0, poached: 0 };
    moveStaff(
      level,
      turn,
      luck,
      i,
      'researchers',
      s.staff.researchers,
      hires.researchers,
      fill,
      pay,
      attrition,
      poach * (1 - stay),
      moved,
    );
    s.staff.researchers = moved.staff;
    const poachedResearchers = moved.poached;
    let severance = moved.severance;
    moveStaff(
      level,
      turn,
      luck,
      i,
      'engineers',
      s.staff.engineers,
      hires.engineers,
      fill,
      pay,
      attrition,
      (poach / 2) * (1 - stay),
      moved,
    );
    s.staff.engineers = moved.staff;
    severance += moved.severance;
    moveStaff(level, turn, luck, i, 'sales', s.staff.sales, hires.sales, fill, pay, attrition, -1, moved);
    s.staff.sales = moved.staff;
    severance += moved.severance;
    b.costBy.severance += severance;
    if (isPlayer(s) && poachedResearchers > 0) news(out, 'news.poached', s.id, { count: poachedResearchers });
    s.burnout = clamp(s.burnout + t.burnoutGain[s.plan.intensity], 0, 1);
    s.plan.hires = { researchers: 0, engineers: 0, sales: 0 };
  }

  // 4. Research: effective compute = GPU-hours × utilisation × team efficiency; runs take quarters.
  for (let i = 0; i < startups.length; i++) {
    const s = startups[i]!;
    if (!alive(s)) continue;
    s.computeStock *= 1 - m.obsolescence;
    const flop =
      effectiveCompute(level, turn, s, books[i]!.computeBudget) *
      keyPeopleFactor(level, s, 'researchers') *
      modifierFactor(s, 'research', turn);
    if (flop > 0) {
      s.run = s.run
        ? { compute: s.run.compute + flop, quarters: s.run.quarters + 1 }
        : { compute: flop, quarters: 1 };
    }
    if (s.run && s.run.quarters >= m.trainingQuarters) {
      const z = normalQuantile(uniform(luck, turn, Purpose.trainingLuck, i));
      s.computeStock += s.run.compute * clamp(1 + m.runLuck * z, 0.3, 1.7);
      s.run = null;
      const q = qualityFromCompute(level, s.computeStock);
      if (q > s.quality) {
        s.quality = q;
        s.modelsReleased += 1;
        news(out, 'news.modelReleased', s.id, { quality: Math.round(q) });
      }
    }
  }
  for (let j = 0; j < giants.length; j++) {
    const spec = level.giants[j]!;
    const g = giants[j]!;
    g.active = turn >= spec.entersTurn;
    if (g.active && !base.giants[j]!.active) news(out, 'news.giantEnters', g.id, { price: g.apiPrice });
    g.quality = at(spec.quality, turn);
    g.adSpend = Math.round(at(spec.adSpend, turn));
    g.domesticUsers = Math.round(at(spec.domesticUsers, turn));
  }
  const mid = withParts(base, {
    turn: base.turn,
    ending: base.ending,
    market: base.market,
    startups,
    giants,
    offers: base.offers,
  });

  // 5. Markets clear.
  const api = clearApiMarket(level, base, mid, books, luck);
  clearAppMarkets(level, base, mid, books, luck, out);
  clearEnterprise(level, mid, books, luck);

  // 6. Finance: revenue − costs = operating profit; funding; cash; valuation.
  const records: CompanyRecord[] = [];
  let ending: Ending | null = null;
  const nextTurn = turn + 1;
  for (let i = 0; i < startups.length; i++) {
    const s = startups[i]!;
    const b = books[i]!;
    if (alive(s)) {
      const before = base.startups[i]!;
      const prevRevenue = base.history[base.history.length - 1]?.companies[i]?.revenue ?? 0;
      const prevMau = before.domesticUsers + before.overseasUsers;
      settleBooks(level, turn, s, b, isPlayer(s), luck, i, out, prevMau, prevRevenue);
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

  // Frontier fame: the best model among all Chinese labs this quarter.
  let bestGiant = 0;
  for (const g of giants) if (g.active) bestGiant = Math.max(bestGiant, g.quality);
  let bestStartup = -1;
  for (let i = 0; i < startups.length; i++) {
    const s = startups[i]!;
    if (alive(s) && s.quality > bestGiant && (bestStartup < 0 || s.quality > startups[bestStartup]!.quality))
      bestStartup = i;
  }
  if (bestStartup >= 0) {
    const s = startups[bestStartup]!;
    s.frontierFame += 1;
    news(out, 'news.frontierFame', s.id, { quality: Math.round(s.quality) });
  }

  // 7. Offers: acquisition offers when the player's runway is short; strategic investors early on.
  offers = offers.filter((o) => o.expiresTurn >= nextTurn);
  const player = startups.find(isPlayer)!;
  const pIdx = startups.indexOf(player);
  if (alive(player) && nextTurn < level.quarters) {
    const rec = records[pIdx]!;
    const runway = runwayAt(player.cash, rec.costs - rec.revenue);
    const bidders = level.giants.filter((g) => g.kind === 'bigtech');
    if (
      runway < m.funding.acquisitionRunway &&
      !offers.some((o) => o.kind === 'acquisition') &&
      bidders.length
    ) {
      const u = uniform(luck, turn, Purpose.buyoutBidder, pIdx);
      const from = bidders[Math.floor(u * bidders.length)]!.id;
      offers.push({
        id: `acq-${nextTurn}`,
        kind: 'acquisition',
        from,
        amount: Math.max(1, Math.round(player.valuation * m.funding.acquisitionDiscount)),
        expiresTurn: nextTurn + 1,
      });
      news(out, 'news.acquisitionOffer', player.id, { from });
    }
  }

  // 7b. Event cards for next quarter: the player's wait for an answer; rivals answer by policy.
  let pendingEvents: PendingEvent[] = [];
  if (nextTurn < level.quarters && player.status === 'active' && player.madeItTurn !== turn) {
    const probe = withParts(base, { turn: nextTurn, startups, giants });
    const thisQuarter = { companies: records, apiTokens: api.totalTokens, outsideShare: api.outsideShare };
    pendingEvents = dealCards(level, probe, startups, nextTurn, luck, out, thisQuarter);
  }
  for (const s of startups) if (s.modifiers.length > 0) s.modifiers = liveModifiers(s.modifiers, nextTurn);

  // 8. Endings.
  if (player.status === 'bankrupt') {
    ending = { kind: 'out-of-money', turn, score: equityScore(level, player, 0) };
  } else if (player.madeItTurn === turn) {
    ending = { kind: 'made-it', turn, score: equityScore(level, player, player.valuation) };
  } else if (nextTurn >= level.quarters) {
    const rec = records[pIdx]!;
    const runway = runwayAt(player.cash, rec.costs - rec.revenue);
    const factor = 0.5 + 0.5 * Math.min(1, runway / 4);
    ending = {
      kind: 'times-up',
      turn,
      score: equityScore(level, player, Math.round(player.valuation * factor)),
    };
  }

  let adSpend = 0;
  for (let i = 0; i < startups.length; i++) adSpend += books[i]!.budgetBy.domestic;
  let overseasAdSpend = 0;
  for (let i = 0; i < startups.length; i++) overseasAdSpend += books[i]!.budgetBy.overseas;
  for (const g of giants) if (g.active) adSpend += g.adSpend;
  let bestDomestic = 0;
  for (const s of startups) if (alive(s)) bestDomestic = Math.max(bestDomestic, s.quality);
  for (let j = 0; j < giants.length; j++)
    if (giants[j]!.active && level.giants[j]!.kind === 'deepseek')
      bestDomestic = Math.max(bestDomestic, giants[j]!.quality);

  const next = withParts(base, {
    turn: nextTurn,
    ending,
    market: { refPrice: api.refPrice, adSpend, overseasAdSpend, bestDomesticQuality: bestDomestic },
    startups,
    giants,
    offers,
    pendingEvents,
    answered: [],
    news: out,
  });
  const giantRecords: GiantRecord[] = giants.map((g, j) => ({
    id: g.id,
    quality: g.quality,
    apiPrice: g.apiPrice,
    apiShare: api.giantShares[j]!,
  }));
  const record: QuarterRecord = {
    turn,
    quarter: quarterLabel(level, turn),
    marketApiPrice: api.refPrice,
    apiTokens: api.totalTokens,
    outsideShare: api.outsideShare,
    frontierQuality: at(level.macro.frontierQuality, turn),
    cac: acquisitionCost(level, base, 'domestic'),
    companies: records,
    giants: giantRecords,
    events: base.answered,
    news: out,
    hash: stateHash(next),
  };
  next.history = [...base.history, record];
  return next;
}

/** The modifiers still running on a turn (the same array when none has run out). */
function liveModifiers(mods: StartupState['modifiers'], turn: number): StartupState['modifiers'] {
  for (const x of mods) if (x.untilTurn < turn) return mods.filter((y) => y.untilTurn >= turn);
  return mods;
}

interface ApiOutcome {
  refPrice: number;
  totalTokens: number;
  outsideShare: number;
  giantShares: Float64Array;
}

/** API tokens: multinomial logit over all providers and an outside option; demand grows as prices fall. */
function clearApiMarket(
  level: Level,
  base: GameState,
  mid: GameState,
  books: Books[],
  luck: Luck,
): ApiOutcome {
  if (!level.markets.api)
    return {
      refPrice: base.market.refPrice,
      totalTokens: 0,
      outsideShare: 1,
      giantShares: new Float64Array(mid.giants.length),
    };
  const p = level.market.api;
  const ref = Math.max(base.market.refPrice, p.minRefPrice);
  const turn = base.turn;
  const utils: number[] = [];
  const prices: number[] = [];
  const costs: number[] = [];
  const owners: number[] = []; // ≥ 0: startup index; < 0: −(giant index) − 1
  for (let i = 0; i < mid.startups.length; i++) {
    const s = mid.startups[i]!;
    if (s.status !== 'active' || s.pretrainingAbandoned || s.quality <= 0) continue;
    s.apiPrice = startupPrice(level, base, s);
    const boost = (p.marketingBoost * books[i]!.budgetBy.api) / (books[i]!.budgetBy.api + p.marketingHalf);
    utils.push(p.beta * s.quality - (p.alpha * s.apiPrice) / ref + boost);
    prices.push(s.apiPrice);
    costs.push(at(level.macro.inferenceCost, turn) * level.companies[i]!.inferenceCostFactor);
    owners.push(i);
  }
  for (let j = 0; j < mid.giants.length; j++) {
    const g = mid.giants[j]!;
    if (!g.active) continue;
    utils.push(p.beta * g.quality - (p.alpha * g.apiPrice) / ref);
    prices.push(g.apiPrice);
    costs.push(at(level.macro.inferenceCost, turn) * level.giants[j]!.inferenceCostFactor);
    owners.push(-j - 1);
  }
  const outsideU = p.outsideUtility + p.beta * at(level.macro.frontierQuality, turn);
  const shares = logitShares(utils, outsideU);
  // The outside share is computed directly: when it rounds to exactly 1, the providers' shares are
  // too small to register beside it, and nobody sells (the tokens and revenue agree with the shares).
  const nobodySells = shares.outside === 1;
  const demandNoise = clamp(
    1 + p.noise * normalQuantile(uniform(luck, turn, Purpose.apiDemand, 0)),
    0.5,
    1.5,
  );
  const total = at(level.macro.apiDemand, turn) * powD(p.referencePrice / ref, p.elasticity) * demandNoise;
  let tokens = 0;
  let value = 0;
  const giantShares = new Float64Array(mid.giants.length);
  for (let k = 0; k < owners.length; k++) {
    const share = nobodySells ? 0 : shares.inside[k]!;
    const t = total * share;
    tokens += t;
    value += t * prices[k]!;
    const o = owners[k]!;
    if (o >= 0) {
      const b = books[o]!;
      b.apiTokens = t;
      b.revenueBy.api = Math.round((t * prices[k]!) / 10_000);
      b.costBy.inference += Math.round((t * costs[k]!) / 10_000);
    } else {
      const j = -o - 1;
      giantShares[j] = share;
      const gain = (t * at(level.macro.cloudSubsidy, turn)) / 10_000;
      mid.giants[j]!.cloudGain = Math.round(mid.giants[j]!.cloudGain + gain);
    }
  }
  return {
    refPrice:
      tokens > 0
        ? value / tokens
        : nobodySells
          ? offeredPrice(shares.inside, prices, base.market.refPrice)
          : base.market.refPrice,
    totalTokens: tokens,
    outsideShare: shares.outside,
    giantShares,
  };
}

/**
 * The price the providers offered, weighted by their shares among themselves: what the market would
 * have paid had anyone bought, so that a quarter in which nobody did still moves the reference price
 * as a sale would have (`fallback` when even those shares are nothing).
 */
function offeredPrice(inside: readonly number[], prices: readonly number[], fallback: number): number {
  let weight = 0;
  let value = 0;
  for (let k = 0; k < inside.length; k++) {
    weight += inside[k]!;
    value += inside[k]! * prices[k]!;
  }
  return weight > 0 ? value / weight : fallback;
}

/** Consumer apps: users bought with ads at the going CAC plus word of mouth; churn when the app trails. */
function clearAppMarkets(
  level: Level,
  base: GameState,
  mid: GameState,
  books: Books[],
  luck: Luck,
  out: NewsItem[],
): void {
  const turn = base.turn;
  let best = 0;
  const open = openModelQuality(level, mid);
  for (const s of mid.startups) if (s.status === 'active') best = Math.max(best, s.quality, open);
  for (const g of mid.giants) if (g.active) best = Math.max(best, g.quality);
  const cacNoise = clamp(1 + 0.08 * normalQuantile(uniform(luck, turn, Purpose.cacNoise, 0)), 0.7, 1.3);
  const cac = {
    domestic: acquisitionCost(level, base, 'domestic') * cacNoise,
    overseas: acquisitionCost(level, base, 'overseas') * cacNoise,
  };
  const cost = at(level.macro.inferenceCost, turn);
  const ent = level.market.enterprise;
  const app: AppMarketWork = {
    shockDraw: 0,
    best,
    q: 0,
    engFactor: 1,
    cost,
    users: 0,
    revenue: 0,
    inference: 0,
    shock: false,
  };
  for (let i = 0; i < mid.startups.length; i++) {
    const s = mid.startups[i]!;
    if (s.status !== 'active') continue;
    const b = books[i]!;
    const q = Math.max(s.quality, open);
    const output = outputFactor(level, s);
    const needed =
      (s.domesticUsers / 1e6) * level.market.domestic.engineersPerMillionUsers +
      (s.overseasUsers / 1e6) * level.market.overseas.engineersPerMillionUsers +
      s.enterpriseProjects * ent.engineersPerProject;
    const engineering = s.staff.engineers * output * keyPeopleFactor(level, s, 'engineers');
    b.engFactor = clamp(engineering / Math.max(1, needed), 0, 1);
    const factor = level.companies[i]!.inferenceCostFactor;
    // The two consumer markets by name (plain property access rather than b.revenueBy[market]).
    app.q = q;
    app.engFactor = b.engFactor;
    if (level.markets.domestic) {
      app.shockDraw = uniform(luck, turn, Purpose.appShock, i, 0);
      const unitCost = cac.domestic * modifierFactor(s, 'cacDomestic', turn);
      appMarket(
        level.market.domestic,
        s.domesticUsers,
        b.budgetBy.domestic,
        unitCost,
        level.market.domestic.arpu,
        factor,
        app,
      );
      if (app.shock && s.domesticUsers > 0) news(out, 'news.domesticShock', s.id);
      b.revenueBy.domestic = app.revenue;
      b.costBy.inference += app.inference;
      s.domesticUsers = app.users;
    }
    if (level.markets.overseas) {
      app.shockDraw = uniform(luck, turn, Purpose.appShock, i, 1);
      const unitCost = cac.overseas * modifierFactor(s, 'cacOverseas', turn);
      const arpu = level.market.overseas.arpu * modifierFactor(s, 'arpuOverseas', turn);
      appMarket(level.market.overseas, s.overseasUsers, b.budgetBy.overseas, unitCost, arpu, factor, app);
      if (app.shock && s.overseasUsers > 0) news(out, 'news.overseasShock', s.id);
      b.revenueBy.overseas = app.revenue;
      b.costBy.inference += app.inference;
      s.overseasUsers = app.users;
    }
  }
}

/** A consumer market's inputs that are the same for both markets, and its outcome. */
interface AppMarketWork {
  /** The uniform of this company's shock in this market. */
  shockDraw: number;
  /** The best quality on the market, the company's app quality, its engineering cover. */
  best: number;
  q: number;
  engFactor: number;
  /** Inference cost per token this quarter. */
  cost: number;
  users: number;
  revenue: number;
  inference: number;
  shock: boolean;
}

/** One consumer market for one company: users bought, word of mouth, churn, a seeded shock; revenue and inference cost. */
function appMarket(
  p: Level['market']['domestic'],
  users: number,
  budget: number,
  unitCost: number,
  arpu: number,
  factor: number,
  w: AppMarketWork,
): void {
  const { q, best, engFactor } = w;
  const gap = Math.max(0, best - q);
  const qualityPull = clamp(1 + (q - best) / 15, 0, 1.2);
  const bought = ((budget * 10_000) / unitCost) * (0.5 + 0.5 * engFactor);
  const organic = users * p.organicRate * qualityPull;
  const churn = clamp(p.baseChurn + (p.gapChurn * gap) / 10 + (1 - engFactor) * 0.1, 0, 1);
  // App-store removals, regulation: a seeded shock takes a share of the users at once.
  const shock = w.shockDraw < p.shockChance ? p.shockLoss : 0;
  // Word of mouth compounds every quarter: bounded like the level's own user counts (limits.ts).
  const next = clamp(Math.round((users * (1 - churn) + bought + organic) * (1 - shock)), 0, MAX_USERS);
  const avg = (users + next) / 2;
  w.users = next;
  w.shock = shock > 0;
  w.revenue = Math.round((avg * arpu * (0.5 + q / 100)) / 10_000);
  w.inference = Math.round((avg * p.tokensPerUser * w.cost * factor) / 10_000);
}

/** Enterprise projects: deals from sales × quality × demand; customisation can cost more than it earns. */
function clearEnterprise(level: Level, mid: GameState, books: Books[], luck: Luck): void {
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
    const momentum = preMoney >= s.lastRoundValuation * 0.8 ? 1 : 0.6;
    const chance = clamp(f.baseCloseChance * climate * momentum, 0.05, 0.95);
    if (uniform(luck, turn, Purpose.fundingRound, company) < chance) {
      const cap = Math.floor((preMoney * f.maxDilutionBp) / (10_000 - f.maxDilutionBp));
      const amount = Math.max(0, Math.min(target, cap));
      const dilution = Math.round((amount * 10_000) / (preMoney + amount));
      s.ownershipBp = Math.round((s.ownershipBp * (10_000 - dilution)) / 10_000);
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
  s.distress = runway < 2 ? s.distress + 1 : 0;
  // A rival's exit has one uniform a quarter (the two cases below never meet).
  if (s.cash < 0) {
    // A rival in distress may be bought before it fails; the player decides on offers itself.
    if (!player && uniform(luck, turn, Purpose.distressExit, company) < 0.5) {
      s.status = 'acquired';
      news(out, 'news.rivalAcquired', s.id, {});
    } else {
      s.status = 'bankrupt';
      news(out, 'news.bankrupt', s.id, {});
    }
  } else if (!player && s.distress >= 2 && uniform(luck, turn, Purpose.distressExit, company) < 0.25) {
    s.status = 'acquired';
    news(out, 'news.rivalAcquired', s.id, {});
  }
}
