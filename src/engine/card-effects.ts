// What an event card's choice does: its effects, applied to a mutable company — money booked at
// the quarter's end, funding, plan changes held as stances, the teams and key people, users, the
// platform and modifiers — and the product of the modifiers running on a target.

import type { Effect } from './cards-schema';
import { resolvePoaching, topKeyPerson } from './key-people';
import type { Level } from './level';
import { MAX_LIVE_MODIFIERS, MAX_MODIFIER, MAX_STAFF, MAX_USERS, MIN_MODIFIER } from './limits';
import { clamp } from './mathx';
import { weightsForMarkets } from './plan';
import type { Luck } from './rng';
import type { AppWeights, EventAnswer, NewsItem, Stance, StartupState } from './types';
import { APP_MARKETS } from './types';

export interface EffectContext {
  level: Level;
  turn: number;
  luck: Luck;
  /** The company's index in the level (the actor of its draws). */
  company: number;
  news: NewsItem[];
  /** Set when a choice sells the company: the price paid for the whole company (万元). */
  sold?: number;
}

/**
 * Applies a choice's effects to a mutable company (a plain copy or an Immer draft). Money goes
 * to the company's eventBooks, booked when the quarter ends. Returns the hidden outcome, if any.
 */
export function applyEffects(
  ctx: EffectContext,
  s: StartupState,
  effects: readonly Effect[],
  cardId: string,
): EventAnswer['outcome'] {
  let outcome: EventAnswer['outcome'];
  // The key people, modifiers and stance may be shared with an earlier state (see cloneStartup):
  // they are replaced, never written in place.
  for (const e of effects) outcome = applyEffect(ctx, s, e, cardId) ?? outcome;
  return outcome;
}

/** One effect; the hidden outcome of a key person's offer or departure, else undefined. */
function applyEffect(ctx: EffectContext, s: StartupState, e: Effect, cardId: string): EventAnswer['outcome'] {
  switch (e.kind) {
    case 'cost':
    case 'income':
    case 'investment':
    case 'strategic':
    case 'enterpriseDeal':
    case 'sell':
      moneyEffect(ctx, s, e);
      return undefined;
    case 'payLevel':
    case 'intensity':
    case 'pricing':
    case 'pretraining':
    case 'appWeights':
      planEffect(ctx, s, e);
      return undefined;
    case 'staff':
    case 'burnout':
    case 'keyPersonOffer':
    case 'keyPersonLeaves':
      return peopleEffect(ctx, s, e);
    case 'runLoss':
    case 'users':
    case 'platform':
    case 'modifier':
      productEffect(ctx, s, e, cardId);
      return undefined;
    case 'none':
      return undefined;
  }
}

type EffectOf<K extends Effect['kind']> = Extract<Effect, { kind: K }>;

/** Money booked at the quarter's end, funding (with its dilution), and a sale's price. */
function moneyEffect(
  ctx: EffectContext,
  s: StartupState,
  e: EffectOf<'cost' | 'income' | 'investment' | 'strategic' | 'enterpriseDeal' | 'sell'>,
): void {
  switch (e.kind) {
    case 'cost':
      s.eventBooks.cost += e.amount;
      break;
    case 'income':
      s.eventBooks.income += e.amount;
      break;
    case 'investment':
      s.eventBooks.funding += e.amount;
      s.raisedTotal += e.amount;
      s.ownershipBp = Math.round((s.ownershipBp * (10_000 - e.stakeBp)) / 10_000);
      break;
    case 'strategic':
      s.eventBooks.funding += e.amount;
      s.raisedTotal += e.amount;
      s.credits += e.credits;
      s.strategic = e.investor;
      s.ownershipBp = Math.round((s.ownershipBp * (10_000 - e.stakeBp)) / 10_000);
      ctx.news.push({
        key: 'news.strategicDeal',
        subject: s.id,
        params: { investor: e.investor, amount: e.amount },
      });
      break;
    case 'enterpriseDeal':
      s.eventBooks.income += e.revenue;
      s.eventBooks.cost += Math.round(e.revenue * e.customisation * (1 - s.platform));
      break;
    case 'sell':
      // Priced off the mark, never above the last round's price: a buyer pays for value shown,
      // not for a mark the company has not yet raised money at.
      ctx.sold = Math.max(1, Math.round(Math.min(s.valuation, s.lastRoundValuation) * e.multiple));
      break;
  }
}

/** A change to the plan that the company then holds to as a stance (the autopilots keep it). */
function planEffect(
  ctx: EffectContext,
  s: StartupState,
  e: EffectOf<'payLevel' | 'intensity' | 'pricing' | 'pretraining' | 'appWeights'>,
): void {
  switch (e.kind) {
    case 'payLevel':
      s.plan.payLevel = e.level;
      s.stance = stanceWith(s.stance);
      s.stance.payLevel = e.level;
      break;
    case 'intensity':
      s.plan.intensity = e.level;
      s.stance = stanceWith(s.stance);
      s.stance.intensity = e.level;
      break;
    case 'pricing':
      s.plan.pricing = { mode: e.mode, price: e.price ?? s.plan.pricing.price };
      s.stance = stanceWith(s.stance);
      s.stance.pricing = { mode: s.plan.pricing.mode, price: s.plan.pricing.price };
      break;
    case 'pretraining':
      s.plan.pretrainingBp = e.bp;
      s.stance = stanceWith(s.stance);
      s.stance.pretrainingBp = e.bp;
      if (e.abandon && !s.pretrainingAbandoned) {
        s.pretrainingAbandoned = true;
        s.run = null;
        ctx.news.push({ key: 'news.abandonPretraining', subject: s.id, params: {} });
      }
      break;
    case 'appWeights':
      s.plan.appWeights = weightsForMarkets(ctx.level, setWeight(s.plan.appWeights, e.market, e.weight));
      s.stance = stanceWith(s.stance);
      s.stance.appWeights = { ...s.plan.appWeights };
      break;
  }
}

/** The teams, their burnout and the key people: a poaching offer, a departure. */
function peopleEffect(
  ctx: EffectContext,
  s: StartupState,
  e: EffectOf<'staff' | 'burnout' | 'keyPersonOffer' | 'keyPersonLeaves'>,
): EventAnswer['outcome'] {
  switch (e.kind) {
    case 'staff': {
      const n = s.staff[e.role];
      // Bounded, so that however many cards double a team, payroll stays a number (limits.ts).
      s.staff[e.role] = clamp(n + Math.round(n * e.share) + e.count, 0, MAX_STAFF);
      return undefined;
    }
    case 'burnout':
      s.burnout = clamp(s.burnout + e.delta, 0, 1);
      return undefined;
    case 'keyPersonOffer':
      return resolvePoaching(ctx, s, e);
    case 'keyPersonLeaves': {
      const k = topKeyPerson(ctx.level, s, e.role);
      if (!k) return undefined;
      k.person.active = false;
      s.staff[e.role] = Math.max(0, s.staff[e.role] - 1);
      ctx.news.push({ key: 'news.keyPersonLeft', subject: s.id, params: { person: k.person.id } });
      return { person: k.person.id, stayed: false };
    }
  }
}

/** The training run, the users, the platform and the modifiers on the company's markets and costs. */
function productEffect(
  ctx: EffectContext,
  s: StartupState,
  e: EffectOf<'runLoss' | 'users' | 'platform' | 'modifier'>,
  cardId: string,
): void {
  switch (e.kind) {
    case 'runLoss':
      if (s.run) s.run.compute *= 1 - e.share;
      break;
    case 'users':
      if (e.market === 'domestic') s.domesticUsers = grownUsers(s.domesticUsers, e.share);
      else s.overseasUsers = grownUsers(s.overseasUsers, e.share);
      break;
    case 'platform':
      s.platform = clamp(s.platform + e.delta, 0, 0.9);
      break;
    case 'modifier':
      if (liveCount(s.modifiers, ctx.turn) >= MAX_LIVE_MODIFIERS) break;
      s.modifiers = [
        ...s.modifiers,
        { target: e.target, factor: e.factor, untilTurn: ctx.turn + e.quarters - 1, source: cardId },
      ];
      break;
  }
}

/** Re-weights the other markets so that the weights still sum to 100. */
function setWeight(w: AppWeights, market: keyof AppWeights, weight: number): AppWeights {
  const others = APP_MARKETS.filter((m) => m !== market);
  const rest = others.reduce((sum, m) => sum + w[m], 0);
  const out = { ...w, [market]: weight } as AppWeights;
  let left = 100 - weight;
  others.forEach((m, i) => {
    const share = i === others.length - 1 ? left : rest > 0 ? Math.round(((100 - weight) * w[m]) / rest) : 0;
    const v = Math.min(left, i === others.length - 1 ? left : share);
    out[m] = v;
    left -= v;
  });
  return out;
}

/** Users after a card's gain or loss (a share of them), within the bounds of one app market. */
function grownUsers(users: number, share: number): number {
  return clamp(Math.round(users * (1 + share)), 0, MAX_USERS);
}

/** Modifiers still running on a turn. */
function liveCount(mods: StartupState['modifiers'], turn: number): number {
  let n = 0;
  for (const m of mods) if (m.untilTurn >= turn) n++;
  return n;
}

/**
 * A copy of a stance to change (stances may be shared with earlier states; their parts are never
 * written in place, so they are shared too). Every key is written: one object shape.
 */
function stanceWith(st: Stance): Stance {
  return {
    pricing: st.pricing ?? null,
    intensity: st.intensity ?? null,
    payLevel: st.payLevel ?? null,
    appWeights: st.appWeights ?? null,
    pretrainingBp: st.pretrainingBp ?? null,
  };
}

/**
 * Product of the active modifiers on a target this turn, held within one modifier's range: stacked
 * cards can neither scale a market past exact money nor bring a cost down to nothing (limits.ts).
 */
export function modifierFactor(s: StartupState, target: string, turn: number): number {
  let f = 1;
  for (const m of s.modifiers) if (m.target === target && turn <= m.untilTurn) f *= m.factor;
  return clamp(f, MIN_MODIFIER, MAX_MODIFIER);
}
