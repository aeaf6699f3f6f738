// What a bot sees: a plain, deep-frozen copy of the public parts of the game state, built from the
// state and the engine's own selectors and formulas (no second model of the game). Pure.

import {
  cardById,
  economy,
  NOT_BURNING,
  projectedRunway,
  quarterLabel,
  runwayQuarters,
} from '../engine/index';
import type { Level } from '../engine/level';
import { MAX_HIRES, MAX_PRICE, MAX_ROUND_TARGET } from '../engine/plan';
import type { Command, GameState, StartupState } from '../engine/types';
import type {
  BotBooks,
  BotCommand,
  BotCompany,
  BotEvent,
  BotGiant,
  BotLevel,
  BotRival,
  BotView,
} from './bot-api';
import { BOT_API_VERSION, MAX_BOT_CALLS_PER_QUARTER, MAX_BOT_COMMANDS_PER_QUARTER } from './bot-api';

// bot-api.ts restates the command vocabulary for students without importing the engine; this
// fails to compile if the two ever differ (the bot's commands are the engine's, less quarter/end,
// which the runner sends, and game/play-on: a bot's game ends at made it, and the engine refuses
// play-on in a game under way, the only state a bot is asked about).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameCommands: Same<
  BotCommand,
  Exclude<Command, { type: 'quarter/end' } | { type: 'game/play-on' }>
> = true;
void sameCommands;

/** Runways as the bot sees them: at most NOT_BURNING (a large cash pile over a small burn says more). */
const finiteRunway = (r: number) => Math.min(NOT_BURNING, r);

function booksOf(state: GameState, id: string): BotBooks | null {
  const rec = state.history[state.history.length - 1];
  const c = rec?.companies.find((x) => x.id === id);
  if (!rec || !c) return null;
  return {
    label: rec.quarter,
    revenue: c.revenue,
    revenueBy: { ...c.revenueBy },
    costs: c.costs,
    costBy: { ...c.costBy },
    operatingProfit: c.operatingProfit,
    funding: c.funding,
    apiTokens: c.apiTokens,
    mau: c.mau,
  };
}

function companyOf(level: Level, state: GameState, s: StartupState): BotCompany {
  const turn = state.turn;
  const spec = economy.companySpec(level, s.id);
  const plan = s.plan;
  return {
    id: s.id,
    name: spec.name.en,
    cash: s.cash,
    runway: finiteRunway(runwayQuarters(state, s.id)),
    plannedRunway: finiteRunway(projectedRunway(level, state, s, plan.spend)),
    valuation: s.valuation,
    ownershipBp: s.ownershipBp,
    raisedTotal: s.raisedTotal,
    quality: s.quality,
    training: s.run ? { quarters: s.run.quarters, compute: s.run.compute } : null,
    modelsReleased: s.modelsReleased,
    pretrainingAbandoned: s.pretrainingAbandoned,
    apiPrice: s.apiPrice,
    // The serving cost the API market and the apps bill this company (rules 4: with the share of the
    // cheaper architecture it has adopted so far).
    inferenceCost: economy.startupServingCost(
      level,
      turn,
      level.companies.findIndex((c) => c.id === s.id),
    ),
    users: { domestic: s.domesticUsers, overseas: s.overseasUsers },
    enterpriseProjects: s.enterpriseProjects,
    platform: s.platform,
    staff: { ...s.staff },
    headcount: economy.headcount(s),
    payroll: economy.payroll(level, turn, s),
    wages: {
      researchers: economy.marketWage(level, turn, 'researchers'),
      engineers: economy.marketWage(level, turn, 'engineers'),
      sales: economy.marketWage(level, turn, 'sales'),
    },
    burnout: s.burnout,
    keyPeople: s.keyPeople.map((k) => {
      const p = spec.keyPeople.find((x) => x.id === k.id);
      return {
        id: k.id,
        name: p?.name.en ?? k.id,
        title: p?.title.en ?? '',
        role: p?.role ?? 'researchers',
        active: k.active,
        raise: k.raise,
      };
    }),
    strategic: s.strategic,
    credits: s.credits,
    round: s.round
      ? {
          target: s.round.target,
          closesTurn: s.round.closesTurn,
          closesLabel: quarterLabel(level, s.round.closesTurn),
        }
      : null,
    plan: {
      spend: plan.spend,
      pretrainingBp: plan.pretrainingBp,
      appWeights: { ...plan.appWeights },
      pricing: { mode: plan.pricing.mode, price: plan.pricing.price },
      hires: { ...plan.hires },
      payLevel: plan.payLevel,
      intensity: plan.intensity,
      roundTarget: plan.roundTarget,
    },
    lastQuarter: booksOf(state, s.id),
    madeIt: {
      streak: s.profitStreak,
      quarters: level.endings.madeItQuarters,
      minRevenue: level.endings.madeItMinRevenue,
    },
  };
}

/** A rival's cash as the rivals table shows it: from its runway, never its figures. */
function cashLook(state: GameState, s: StartupState): BotRival['cash'] {
  if (s.status !== 'active') return null;
  const rw = runwayQuarters(state, s.id);
  return rw >= 8 ? 'healthy' : rw >= 3 ? 'tight' : 'critical';
}

function rivalOf(level: Level, state: GameState, s: StartupState): BotRival {
  return {
    id: s.id,
    name: economy.companySpec(level, s.id).name.en,
    status: s.status,
    quality: s.quality,
    apiPrice: s.apiPrice,
    users: { domestic: s.domesticUsers, overseas: s.overseasUsers },
    cash: cashLook(state, s),
    pretrainingAbandoned: s.pretrainingAbandoned,
    strategic: s.strategic,
  };
}

function levelOf(level: Level): BotLevel {
  const api = level.market.api;
  return {
    id: level.id,
    version: level.version,
    name: level.name.en,
    start: quarterLabel(level, 0),
    quarters: level.quarters,
    markets: { ...level.markets },
    roundCloseQuarters: level.market.funding.closeQuarters,
    pricing: {
      premiumFactor: api.premiumFactor,
      undercutFactor: api.undercutFactor,
      minPrice: api.minRefPrice,
    },
    limits: {
      maxApiPrice: MAX_PRICE,
      maxHires: MAX_HIRES,
      maxRoundTarget: MAX_ROUND_TARGET,
      callsPerQuarter: MAX_BOT_CALLS_PER_QUARTER,
      commandsPerQuarter: MAX_BOT_COMMANDS_PER_QUARTER,
    },
  };
}

/** Freezes a tree of fresh plain objects made here (nothing shared with the state). */
function freezeTree<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) freezeTree(v);
    Object.freeze(value);
  }
  return value;
}

/** The view a bot is given on its `call`-th call of the quarter being planned (1-based). */
export function botView(level: Level, state: GameState, call: number): BotView {
  const turn = state.turn;
  const me = state.startups.find((s) => s.id === state.playerId);
  if (!me) throw new Error(`botView: no company "${state.playerId}" in the game`);
  const events = state.pendingEvents.map((e): BotEvent => {
    const card = cardById(level, e.card);
    return {
      id: e.id,
      card: e.card,
      title: card?.title.en ?? e.card,
      text: card?.text.en ?? '',
      choices: e.choices.map((id) => {
        const ch = card?.choices.find((c) => c.id === id);
        return { id, label: ch?.label.en ?? id, tradeoff: ch?.tradeoff.en ?? '' };
      }),
    };
  });
  const view: BotView = {
    apiVersion: BOT_API_VERSION,
    quarter: { turn, label: quarterLabel(level, turn), quartersLeft: level.quarters - turn, call },
    me: companyOf(level, state, me),
    market: {
      apiPrice: state.market.refPrice,
      frontierQuality: economy.at(level.macro.frontierQuality, turn),
      bestInChina: state.market.bestDomesticQuality,
      fundingClimate: economy.at(level.macro.fundingClimate, turn),
      // A typical startup's (inferenceCostFactor 1) serving cost, on the architecture startups have adopted.
      inferenceCost:
        economy.at(level.macro.inferenceCost, turn) *
        economy.architectureFactor(level, turn, level.market.api.costDiffusion.startup),
      gpuHourPrice: economy.at(level.macro.gpuHourPrice, turn),
    },
    rivals: state.startups.filter((s) => s !== me).map((s) => rivalOf(level, state, s)),
    giants: state.giants.map((g, j): BotGiant => {
      const spec = level.giants[j];
      return {
        id: g.id,
        name: spec?.name.en ?? g.id,
        kind: spec?.kind ?? 'bigtech',
        active: g.active,
        quality: g.quality,
        apiPrice: g.apiPrice,
        domesticUsers: g.domesticUsers,
      };
    }),
    events,
    offers: state.offers.map((o) => ({
      id: o.id,
      kind: o.kind,
      from: o.from,
      amount: o.amount,
      expiresTurn: o.expiresTurn,
    })),
    level: levelOf(level),
  };
  return freezeTree(view);
}
