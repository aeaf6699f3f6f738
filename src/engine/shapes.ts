// Constructors for the state's objects. Every state, company and giant is built by these (one
// key order, so one hidden class in the JavaScript engine): V8 copies objects of a stable shape
// on its fast path, while spreads of objects of mixed shapes (or frozen ones) take the slow one,
// which measured as a large share of a quarter's and a command's time.

import type { GameState, GiantState, Plan, StartupState } from './types';

// The return types make a forgotten field a compile error.

/**
 * A working copy of a company for code that mutates it (the quarter, a card's effects). The plan
 * and the small mutable parts (staff, run, round, event books) are copied; the key people,
 * modifiers, cards seen and stance are shared with the original and copied on write: only
 * applyEffects and the card deal change them, and they replace them rather than write into
 * them. (Tests deep-freeze every state, so a write into a shared part throws there.)
 */
export function cloneStartup(s: StartupState): StartupState {
  const p = s.plan;
  return workingCopy(s, {
    spend: p.spend,
    pretrainingBp: p.pretrainingBp,
    appWeights: {
      domestic: p.appWeights.domestic,
      overseas: p.appWeights.overseas,
      enterprise: p.appWeights.enterprise,
      api: p.appWeights.api,
    },
    pricing: { mode: p.pricing.mode, price: p.pricing.price },
    hires: { researchers: p.hires.researchers, engineers: p.hires.engineers, sales: p.hires.sales },
    payLevel: p.payLevel,
    intensity: p.intensity,
    roundTarget: p.roundTarget,
  });
}

/** A working copy of a company (as cloneStartup) that takes a new plan, which it then owns. */
export function workingCopy(s: StartupState, plan: Plan): StartupState {
  const c = withPlan(s, plan);
  c.run = s.run ? { compute: s.run.compute, quarters: s.run.quarters } : null;
  c.staff = { researchers: s.staff.researchers, engineers: s.staff.engineers, sales: s.staff.sales };
  c.round = s.round ? { target: s.round.target, closesTurn: s.round.closesTurn } : null;
  c.eventBooks = { income: s.eventBooks.income, cost: s.eventBooks.cost, funding: s.eventBooks.funding };
  return c;
}

/**
 * A company like s with another plan, sharing every other part with s (states are immutable:
 * only working copies from cloneStartup are ever written).
 */
export function withPlan(s: StartupState, plan: Plan): StartupState {
  return {
    id: s.id,
    status: s.status,
    cash: s.cash,
    ownershipBp: s.ownershipBp,
    valuation: s.valuation,
    lastRoundValuation: s.lastRoundValuation,
    lastRoundTurn: s.lastRoundTurn,
    raisedTotal: s.raisedTotal,
    computeStock: s.computeStock,
    quality: s.quality,
    run: s.run,
    modelsReleased: s.modelsReleased,
    pretrainingAbandoned: s.pretrainingAbandoned,
    staff: s.staff,
    burnout: s.burnout,
    apiPrice: s.apiPrice,
    domesticUsers: s.domesticUsers,
    overseasUsers: s.overseasUsers,
    platform: s.platform,
    enterpriseProjects: s.enterpriseProjects,
    strategic: s.strategic,
    credits: s.credits,
    distress: s.distress,
    profitStreak: s.profitStreak,
    madeItTurn: s.madeItTurn,
    frontierFame: s.frontierFame,
    round: s.round,
    keyPeople: s.keyPeople,
    modifiers: s.modifiers,
    eventBooks: s.eventBooks,
    cardsSeen: s.cardsSeen,
    stance: s.stance,
    plan,
  };
}

export function cloneGiant(g: GiantState): GiantState {
  return {
    id: g.id,
    active: g.active,
    quality: g.quality,
    apiPrice: g.apiPrice,
    domesticUsers: g.domesticUsers,
    adSpend: g.adSpend,
    cloudGain: g.cloudGain,
  };
}

/** A state like base with the given parts replaced (an absent part is kept; `ending: null` clears it). */
export function withParts(base: GameState, parts: Partial<GameState>): GameState {
  return {
    rulesVersion: base.rulesVersion,
    levelId: base.levelId,
    levelVersion: base.levelVersion,
    seed: base.seed,
    turn: parts.turn ?? base.turn,
    playerId: base.playerId,
    ending: parts.ending !== undefined ? parts.ending : base.ending,
    keptScore: parts.keptScore !== undefined ? parts.keptScore : base.keptScore,
    market: parts.market ?? base.market,
    startups: parts.startups ?? base.startups,
    giants: parts.giants ?? base.giants,
    offers: parts.offers ?? base.offers,
    pendingEvents: parts.pendingEvents ?? base.pendingEvents,
    answered: parts.answered ?? base.answered,
    news: parts.news ?? base.news,
    history: parts.history ?? base.history,
  };
}

/** The player's company in a game. */
export function playerOf(state: GameState): StartupState {
  return state.startups.find((s) => s.id === state.playerId)!;
}
