// Quarter plans: defaults and the checks every command goes through. The same checks serve the
// player's commands, the autopilots' and a bot's, so a bot can never do what a player may not
// (the rivals' plans come from their archetypes and are not commands).

import type { Level } from './level';
import { BASIS_POINTS, PERCENT } from './quarter/units';
import type { AppWeights, Plan, Rejection, RejectionCode, Staff, StartupState } from './types';
import { APP_MARKETS, INTENSITIES, PAY_LEVELS, PRICING_MODES, ROLES } from './types';

export const MAX_PRICE = 10_000;
export const MAX_HIRES = 5_000;
/** The largest funding round a company may ask for, 万元. */
export const MAX_ROUND_TARGET = 1e10;

export function defaultPlan(): Plan {
  return {
    spend: 0,
    pretrainingBp: 5000,
    appWeights: { domestic: 25, overseas: 25, enterprise: 25, api: 25 },
    pricing: { mode: 'match', price: 0 },
    hires: { researchers: 0, engineers: 0, sales: 0 },
    payLevel: 'market',
    intensity: 'normal',
    roundTarget: null,
  };
}

export function reject(code: RejectionCode, message: string): Rejection {
  return { code, message };
}

/**
 * A value taken from a command, for a refusal message. Commands may come from JSON (a save), where
 * `String(x)` throws on an object such as {"toString": 0}: this never throws, whatever the value.
 */
export function shown(x: unknown): string {
  if (typeof x === 'string') return x;
  if (typeof x !== 'object' || x === null) return String(x);
  try {
    return JSON.stringify(x) ?? typeof x;
  } catch {
    return typeof x;
  }
}

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x);

export function checkSpend(company: StartupState, amount: unknown): Rejection | null {
  if (!isInt(amount) || amount < 0)
    return reject('bad-amount', `spend must be a whole non-negative number of 万元, got ${shown(amount)}`);
  if (amount > company.cash)
    return reject('insufficient-cash', `spend ${amount} exceeds cash ${company.cash} (万元)`);
  return null;
}

export function checkSplit(pretrainingBp: unknown, weights: unknown): Rejection | null {
  if (!isInt(pretrainingBp) || pretrainingBp < 0 || pretrainingBp > 10000)
    return reject(
      'bad-share',
      `pretraining share must be 0..10000 basis points, got ${shown(pretrainingBp)}`,
    );
  if (typeof weights !== 'object' || weights === null) return reject('malformed', 'appWeights missing');
  const w = weights as Record<string, unknown>;
  let sum = 0;
  for (const key of Object.keys(w))
    if (!(APP_MARKETS as readonly string[]).includes(key))
      return reject('malformed', `unknown application market "${key}" (valid: ${APP_MARKETS.join(', ')})`);
  for (const m of APP_MARKETS) {
    const v = w[m];
    if (!isInt(v) || v < 0 || v > 100)
      return reject(
        'bad-share',
        `application weight ${m} must be a whole percentage 0..100, got ${shown(v)}`,
      );
    sum += v;
  }
  if (sum !== 100) return reject('split-not-100', `application weights sum to ${sum}%, not 100%`);
  return null;
}

export function checkPricing(mode: unknown, price: unknown): Rejection | null {
  if (typeof mode !== 'string' || !(PRICING_MODES as readonly string[]).includes(mode))
    return reject(
      'bad-pricing-mode',
      `unknown pricing mode "${shown(mode)}" (valid: ${PRICING_MODES.join(', ')})`,
    );
  if (mode === 'exact') {
    if (typeof price !== 'number' || !Number.isFinite(price) || price < 0 || price > MAX_PRICE)
      return reject('bad-price', `price must be 0..${MAX_PRICE} ¥ per million tokens, got ${shown(price)}`);
  } else if (price !== undefined && (typeof price !== 'number' || !Number.isFinite(price))) {
    return reject('bad-price', `price must be a number, got ${shown(price)}`);
  }
  return null;
}

export function checkPeople(
  company: StartupState,
  hires: unknown,
  payLevel: unknown,
  intensity: unknown,
): Rejection | null {
  if (hires !== undefined) {
    if (typeof hires !== 'object' || hires === null) return reject('malformed', 'hires must be an object');
    const h = hires as Record<string, unknown>;
    for (const role of Object.keys(h)) {
      const v = h[role];
      if (!(ROLES as readonly string[]).includes(role))
        return reject('malformed', `unknown role "${role}" (valid: ${ROLES.join(', ')})`);
      if (!isInt(v) || v > MAX_HIRES)
        return reject(
          'bad-hires',
          `hires for ${role} must be a whole number up to ${MAX_HIRES}, got ${shown(v)}`,
        );
      if (v < 0 && -v > company.staff[role as keyof Staff])
        return reject(
          'bad-hires',
          `cannot cut ${-v} ${role}: only ${company.staff[role as keyof Staff]} on staff`,
        );
    }
  }
  if (payLevel !== undefined && !(PAY_LEVELS as readonly unknown[]).includes(payLevel))
    return reject(
      'bad-pay-level',
      `unknown pay level "${shown(payLevel)}" (valid: ${PAY_LEVELS.join(', ')})`,
    );
  if (intensity !== undefined && !(INTENSITIES as readonly unknown[]).includes(intensity))
    return reject(
      'bad-intensity',
      `unknown work intensity "${shown(intensity)}" (valid: ${INTENSITIES.join(', ')})`,
    );
  return null;
}

export function checkRoundTarget(level: Level, target: unknown): Rejection | null {
  void level;
  if (!isInt(target) || target <= 0 || target > MAX_ROUND_TARGET)
    return reject('bad-amount', `round target must be a positive whole number of 万元, got ${shown(target)}`);
  return null;
}

/**
 * The weights with closed markets set to 0 and the rest rescaled to sum to 100 (whole numbers;
 * rounding goes to the last open market). All open markets share equally if none had weight.
 */
export function weightsForMarkets(level: Level, w: AppWeights): AppWeights {
  const mk = level.markets;
  // Every market open and the weights already whole and summing to 100: a plain copy.
  if (
    mk.domestic &&
    mk.overseas &&
    mk.enterprise &&
    mk.api &&
    w.domestic + w.overseas + w.enterprise + w.api === 100
  )
    return { domestic: w.domestic, overseas: w.overseas, enterprise: w.enterprise, api: w.api };
  const open = APP_MARKETS.filter((m) => level.markets[m]);
  const out: AppWeights = { domestic: 0, overseas: 0, enterprise: 0, api: 0 };
  if (open.length === 0) return out;
  const total = open.reduce((sum, m) => sum + w[m], 0);
  let left = 100;
  open.forEach((m, i) => {
    const v =
      i === open.length - 1
        ? left
        : total > 0
          ? Math.round((100 * w[m]) / total)
          : Math.floor(100 / open.length);
    out[m] = Math.min(left, v);
    left -= out[m];
  });
  return out;
}

/** What a quarter's spend buys before the GPU cap: the pretraining budget asked for and the rest for applications. */
export interface SpendSplit {
  /** 万元 the plan asks for pretraining (0 once pretraining is abandoned); the GPU cap may buy less. */
  pretraining: number;
  /** 万元 left for the application markets. */
  apps: number;
}

/**
 * How `spend` 万元 divide between pretraining and the applications at `pretrainingBp` basis points:
 * the pretraining share rounded to whole 万元, the applications the rest (all of it once abandoned).
 */
export function splitSpend(spend: number, pretrainingBp: number, abandoned: boolean): SpendSplit {
  const pretraining = abandoned ? 0 : Math.round((spend * pretrainingBp) / BASIS_POINTS);
  return { pretraining, apps: spend - pretraining };
}

/**
 * The applications budget by market: each share rounded to whole 万元, the API market the rest. Three
 * shares rounded up can overshoot the budget by 1 万元 when the API weight is 0 (50/50 of an odd
 * amount): it is taken back from the largest share, so no budget line is negative.
 */
export function appBudgets(apps: number, w: AppWeights): AppWeights {
  const out: AppWeights = {
    domestic: Math.round((apps * w.domestic) / PERCENT),
    overseas: Math.round((apps * w.overseas) / PERCENT),
    enterprise: Math.round((apps * w.enterprise) / PERCENT),
    api: 0,
  };
  out.api = apps - out.domestic - out.overseas - out.enterprise;
  if (out.api < 0) {
    if (out.enterprise > Math.max(out.domestic, out.overseas)) out.enterprise += out.api;
    else if (out.domestic >= out.overseas) out.domestic += out.api;
    else out.overseas += out.api;
    out.api = 0;
  }
  return out;
}
