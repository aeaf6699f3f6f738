// The plan panel's arithmetic, kept out of the view so it can be tested on plain data: the spend
// that leaves a chosen runway (the presets), the re-weighting of the application sliders when one
// moves, and the split command the sliders describe. The rules themselves stay the engine's
// (projectedRunway, checkSplit); these only turn the sliders into numbers the engine accepts. Pure.

import type { AppMarket, AppWeights, Command, GameState, Level, Plan, StartupState } from '../engine/index';
import { APP_MARKETS, projectedRunway } from '../engine/index';

/**
 * The largest whole spend (万元, within 0..cash) that leaves at least `target` quarters of runway;
 * 0 when even spending nothing leaves no more than that. Projected runway falls as spend rises.
 */
export function spendForRunway(level: Level, state: GameState, me: StartupState, target: number): number {
  const cash = Math.max(0, me.cash);
  if (projectedRunway(level, state, me, 0) <= target) return 0;
  // The search below never tries `cash` itself: when all of it leaves enough, all of it.
  if (projectedRunway(level, state, me, cash) >= target) return cash;
  let lo = 0;
  let hi = cash;
  for (let i = 0; i < 40 && hi - lo > 1; i++) {
    const mid = Math.floor((lo + hi) / 2);
    if (projectedRunway(level, state, me, mid) >= target) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * The weights after the slider of `market` moves to `value`: that market takes the value (whole,
 * 0..100; all 100 when it is the only open market) and the other open markets share the rest in
 * their old proportions (equally when they all had 0), the last taking what rounding leaves.
 * Markets not in `open` get 0.
 */
export function rebalance(
  w: AppWeights,
  market: AppMarket,
  value: number,
  open: readonly AppMarket[],
): AppWeights {
  const out: AppWeights = { domestic: 0, overseas: 0, enterprise: 0, api: 0 };
  const others = open.filter((m) => m !== market);
  const v = others.length === 0 ? 100 : Math.max(0, Math.min(100, Math.round(value)));
  out[market] = v;
  const rest = others.reduce((sum, m) => sum + w[m], 0);
  let left = 100 - v;
  others.forEach((m, i) => {
    const share =
      i === others.length - 1
        ? left
        : rest > 0
          ? Math.round(((100 - v) * w[m]) / rest)
          : Math.floor((100 - v) / others.length);
    out[m] = Math.min(left, share);
    left -= out[m];
  });
  return out;
}

/** The plan's weights with each live slider's value (rounded) in place of its market's. */
export function weightsWithSliders(
  planWeights: AppWeights,
  sliders: Partial<Record<AppMarket, number>>,
): AppWeights {
  const weights: AppWeights = { ...planWeights };
  for (const m of APP_MARKETS) {
    const v = sliders[m];
    if (v !== undefined) weights[m] = Math.round(v);
  }
  return weights;
}

/**
 * The split command the sliders show: `splitPercent` is the pretraining slider's value (null when
 * it is disabled: the plan's share stands), `sliders` the live application sliders' values. Weights
 * that do not sum to 100 (sliders caught mid-move) fall back to the plan's.
 */
export function splitFromSliders(
  plan: Plan,
  splitPercent: number | null,
  sliders: Partial<Record<AppMarket, number>>,
): Command {
  const pretrainingBp =
    splitPercent === null
      ? plan.pretrainingBp
      : Math.max(0, Math.min(10_000, Math.round(splitPercent) * 100));
  const weights = weightsWithSliders(plan.appWeights, sliders);
  const sum = APP_MARKETS.reduce((a, m) => a + weights[m], 0);
  return {
    type: 'plan/set-split',
    pretrainingBp,
    appWeights: sum === 100 ? weights : { ...plan.appWeights },
  };
}
