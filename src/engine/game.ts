// Starting a game, and playing one through with an autopilot (the headless runner's core).

import { dealCards } from './cards';
import { equityScore, qualityFromCompute } from './economy';
import type { CompanySpec, GiantSpec, Level } from './level';
import { defaultPlan, weightsForMarkets } from './plan';
import type { AutopilotLuck, PolicyName, ProfileShift } from './policies';
import { autopilotCommands } from './policies';
import { applyCommand } from './reducer';
import { luckOf } from './rng';
import { playerOf } from './shapes';
import type { Command, GameState, GiantState, StartupState } from './types';
import { RULES_VERSION } from './version';

export type CreateGameResult =
  | { ok: true; state: GameState }
  | { ok: false; error: { code: 'unknown-company' | 'bad-seed'; message: string } };

export function createGame(level: Level, seed: number, playerId: string): CreateGameResult {
  if (!Number.isSafeInteger(seed) || seed < 0)
    return {
      ok: false,
      error: { code: 'bad-seed', message: `seed must be a whole number ≥ 0, got ${seed}` },
    };
  if (!level.player.companies.includes(playerId))
    return {
      ok: false,
      error: {
        code: 'unknown-company',
        message: `unknown company "${playerId}" (valid: ${level.player.companies.join(', ')})`,
      },
    };
  const startups = level.companies.map((c) => startingStartup(level, c));
  const giants = level.giants.map(startingGiant);
  let best = 0;
  for (const s of startups) best = Math.max(best, s.quality);
  const state: GameState = {
    rulesVersion: RULES_VERSION,
    levelId: level.id,
    levelVersion: level.version,
    seed,
    turn: 0,
    playerId,
    ending: null,
    keptScore: null,
    market: {
      refPrice: level.market.api.startRefPrice,
      adSpend: 0,
      overseasAdSpend: 0,
      bestDomesticQuality: best,
    },
    startups,
    giants,
    offers: [],
    pendingEvents: [],
    answered: [],
    news: [],
    history: [],
  };
  // The first quarter's cards.
  state.pendingEvents = dealCards(level, state, startups, 0, luckOf(seed), state.news);
  return { ok: true, state };
}

/** A company of the level as it starts the game. */
function startingStartup(level: Level, c: CompanySpec): StartupState {
  const quality = qualityFromCompute(level, c.computeStock);
  return {
    id: c.id,
    status: 'active',
    cash: c.cash,
    ownershipBp: c.ownershipBp,
    valuation: c.valuation,
    lastRoundValuation: c.valuation,
    lastRoundTurn: -level.market.funding.minRoundGap,
    raisedTotal: 0,
    computeStock: c.computeStock,
    quality,
    run: null,
    modelsReleased: 0,
    pretrainingAbandoned: false,
    staff: { ...c.staff },
    burnout: 0,
    apiPrice: c.apiPrice,
    domesticUsers: c.domesticUsers,
    overseasUsers: c.overseasUsers,
    platform: c.platform,
    enterpriseProjects: 0,
    strategic: null,
    credits: 0,
    distress: 0,
    profitStreak: 0,
    madeItTurn: null,
    frontierFame: 0,
    round: null,
    keyPeople: c.keyPeople.map((k) => ({ id: k.id, active: true, raise: 0 })),
    modifiers: [],
    eventBooks: { income: 0, cost: 0, funding: 0 },
    cardsSeen: [],
    stance: { pricing: null, intensity: null, payLevel: null, appWeights: null, pretrainingBp: null },
    plan: {
      ...defaultPlan(),
      spend: Math.floor(c.cash / 10),
      appWeights: weightsForMarkets(level, defaultPlan().appWeights),
    },
  };
}

/** A giant of the level as it starts the game (active if it enters in the first quarter). */
function startingGiant(g: GiantSpec): GiantState {
  return {
    id: g.id,
    active: g.entersTurn <= 0,
    quality: g.quality[0]!,
    apiPrice: g.launchPrice,
    domesticUsers: g.domesticUsers[0]!,
    adSpend: g.adSpend[0]!,
    cloudGain: 0,
  };
}

/**
 * The random autopilot's own luck, apart from the game's (its choices become commands): keys of the
 * game seed salted by `variant`, which gives other runs of the same seed (baselines of many runs).
 */
export function autopilotRng(seed: number, variant = 0): AutopilotLuck {
  return luckOf(seed, variant + 1);
}

/**
 * Plays a whole game with an autopilot running the player's company (its profile shifted by
 * `shift`, for a par reference run); returns the command log.
 */
export function playGame(
  level: Level,
  seed: number,
  playerId: string,
  policy: PolicyName,
  variant = 0,
  shift?: ProfileShift,
): { state: GameState; log: Command[] } {
  const created = createGame(level, seed, playerId);
  if (!created.ok) throw new Error(created.error.message);
  let state = created.state;
  const apRng = autopilotRng(seed, variant);
  const log: Command[] = [];
  while (state.ending === null) {
    for (const cmd of autopilotCommands(level, state, policy, apRng, shift)) {
      const r = applyCommand(level, state, cmd);
      if (!r.ok)
        throw new Error(`autopilot ${policy} made an illegal command ${cmd.type}: ${r.error.message}`);
      state = r.state;
      log.push(cmd);
    }
  }
  return { state, log };
}

/**
 * The final score once the game has ended; before that, the founders' equity value at today's mark
 * (or the score kept from made it, in a game played on).
 */
export function scoreOf(level: Level, state: GameState): number {
  if (state.ending) return state.ending.score;
  // A game played on after making it keeps the made-it score.
  if (state.keptScore !== null) return state.keptScore;
  const me = playerOf(state);
  return equityScore(level, me, me.valuation);
}
