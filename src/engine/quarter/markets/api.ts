// Step 5a, the API market: tokens by multinomial logit over all providers and an outside option
// (self-hosting open weights). A buyer's utility for provider j is β·Q_j − α·ln p_j: price matters
// by its level, proportionally across orders of magnitude; the category's volume grows over time
// and as the market price falls (Jevons).

import { normalQuantile } from '../../draws';
import { architectureFactor, at, giantServingCost, startupServingCost } from '../../economy';
import type { Level } from '../../level';
import { clamp, lnD, logitShares, powD } from '../../mathx';
import { startupPrice } from '../../policies';
import { Purpose, uniform } from '../../rng';
import { YUAN_PER_WAN } from '../units';
import type { ApiOutcome, QuarterWork } from '../work';

/** Bounds of the quarter's demand draw, as a multiple of the demand: noise × a normal draw stays positive. */
const DEMAND_NOISE_MIN = 0.5;
const DEMAND_NOISE_MAX = 1.5;

export function apiMarket(w: QuarterWork): void {
  w.api = clearApiMarket(w);
}

/** The providers on offer this quarter, in order (startups, then giants), with what a buyer sees. */
interface ApiOffers {
  utils: number[];
  prices: number[];
  costs: number[];
  /** ≥ 0: startup index; < 0: −(giant index) − 1. */
  owners: number[];
}

/** A buyer's utility of paying `price` (a free offer counts at the lowest price). */
function priceUtility(level: Level, price: number): number {
  const p = level.market.api;
  return -p.alpha * lnD(Math.max(price, p.minRefPrice));
}

/**
 * Every active provider's offer: a startup that still trains and has a model sets its price now
 * (written to its copy) and adds its API marketing's boost; a giant offers at its own price.
 */
function apiOffers(w: QuarterWork): ApiOffers {
  const { level, base, mid, books } = w;
  const p = level.market.api;
  const turn = base.turn;
  const offers: ApiOffers = { utils: [], prices: [], costs: [], owners: [] };
  for (let i = 0; i < mid.startups.length; i++) {
    const s = mid.startups[i]!;
    if (s.status !== 'active' || s.pretrainingAbandoned || s.quality <= 0) continue;
    s.apiPrice = startupPrice(level, base, s);
    const boost = (p.marketingBoost * books[i]!.budgetBy.api) / (books[i]!.budgetBy.api + p.marketingHalf);
    offers.utils.push(p.beta * s.quality + priceUtility(level, s.apiPrice) + boost);
    offers.prices.push(s.apiPrice);
    offers.costs.push(startupServingCost(level, turn, i));
    offers.owners.push(i);
  }
  for (let j = 0; j < mid.giants.length; j++) {
    const g = mid.giants[j]!;
    if (!g.active) continue;
    offers.utils.push(p.beta * g.quality + priceUtility(level, g.apiPrice));
    offers.prices.push(g.apiPrice);
    offers.costs.push(giantServingCost(level, turn, j));
    offers.owners.push(-j - 1);
  }
  return offers;
}

/**
 * The quarter's token demand of the whole category: the level's demand path, scaled by the
 * reference price against the level's reference (Jevons) and by the quarter's demand draw.
 */
function apiDemand(w: QuarterWork, ref: number): number {
  const { level, base, luck } = w;
  const p = level.market.api;
  const demandNoise = clamp(
    1 + p.noise * normalQuantile(uniform(luck, base.turn, Purpose.apiDemand, 0)),
    DEMAND_NOISE_MIN,
    DEMAND_NOISE_MAX,
  );
  return at(level.macro.apiDemand, base.turn) * powD(p.referencePrice / ref, p.elasticity) * demandNoise;
}

function clearApiMarket(w: QuarterWork): ApiOutcome {
  const { level, base, mid, books } = w;
  if (!level.markets.api)
    return {
      refPrice: base.market.refPrice,
      totalTokens: 0,
      outsideShare: 1,
      giantShares: new Float64Array(mid.giants.length),
    };
  const p = level.market.api;
  const turn = base.turn;
  const { utils, prices, costs, owners } = apiOffers(w);
  const outsideU =
    p.outsideUtility +
    p.beta * selfHostQuality(level, mid.giants, turn) +
    priceUtility(level, selfHostPrice(level, turn));
  const shares = logitShares(utils, outsideU);
  // The outside share is computed directly: when it rounds to exactly 1, the providers' shares are
  // too small to register beside it, and nobody sells (the tokens and revenue agree with the shares).
  const nobodySells = shares.outside === 1;
  const total = apiDemand(w, Math.max(base.market.refPrice, p.minRefPrice));
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
      b.revenueBy.api = Math.round((t * prices[k]!) / YUAN_PER_WAN);
      b.costBy.inference += Math.round((t * costs[k]!) / YUAN_PER_WAN);
    } else {
      const j = -o - 1;
      giantShares[j] = share;
      // The cloud margin the tokens pull through: only a giant that sells through its own cloud.
      if (level.giants[j]!.cloud) {
        const gain = (t * at(level.macro.cloudSubsidy, turn)) / YUAN_PER_WAN;
        mid.giants[j]!.cloudGain = Math.round(mid.giants[j]!.cloudGain + gain);
      }
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

/** The quality a buyer gets by self-hosting: the best open weights, or a model outsideQualityGap behind the frontier. */
function selfHostQuality(
  level: Level,
  giants: readonly { active: boolean; quality: number }[],
  turn: number,
): number {
  let best = at(level.macro.frontierQuality, turn) - level.market.api.outsideQualityGap;
  for (let j = 0; j < giants.length; j++)
    if (level.giants[j]!.openWeights && giants[j]!.active) best = Math.max(best, giants[j]!.quality);
  return best;
}

/** What self-hosting costs per million tokens: a multiple of a conventional provider's serving cost, on the best known architecture. */
export function selfHostPrice(level: Level, turn: number): number {
  const p = level.market.api;
  return (
    at(level.macro.inferenceCost, turn) *
    p.selfHostCostFactor *
    architectureFactor(level, turn, p.costDiffusion.startup)
  );
}
