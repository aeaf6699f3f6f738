// Step 5a, the API market: tokens by multinomial logit over all providers and an outside option;
// demand grows as prices fall.

import { normalQuantile } from '../../draws';
import { at } from '../../economy';
import { clamp, logitShares, powD } from '../../mathx';
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

function clearApiMarket(w: QuarterWork): ApiOutcome {
  const { level, base, mid, books, luck } = w;
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
    DEMAND_NOISE_MIN,
    DEMAND_NOISE_MAX,
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
      b.revenueBy.api = Math.round((t * prices[k]!) / YUAN_PER_WAN);
      b.costBy.inference += Math.round((t * costs[k]!) / YUAN_PER_WAN);
    } else {
      const j = -o - 1;
      giantShares[j] = share;
      const gain = (t * at(level.macro.cloudSubsidy, turn)) / YUAN_PER_WAN;
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
