// The one entry point that changes a game: validate → apply. A rejected command returns the
// very same state object with a typed reason; nothing throws for bad input.

import type { Draft } from 'immer';
import { produce, setAutoFreeze } from 'immer';
import type { EffectContext } from './cards';
import { applyEffects, cardById } from './cards';
import { equityScore } from './economy';
import type { Level } from './level';
import { quarterLabel } from './level';
import { checkPeople, checkPricing, checkRoundTarget, checkSpend, checkSplit, reject, shown } from './plan';
import { resolveQuarter } from './quarter';
import { luckOf } from './rng';
import { cloneStartup, withParts, withPlan } from './shapes';
import type {
  AppWeights,
  Command,
  CommandResult,
  EventAnswer,
  GameState,
  NewsItem,
  Plan,
  Rejection,
  StartupState,
} from './types';
import { APP_MARKETS, COMMAND_TYPES } from './types';
import { RULES_VERSION } from './version';

const KNOWN_TYPES = new Set<string>(COMMAND_TYPES);

function playerIndex(state: GameState): number {
  const startups = state.startups;
  for (let i = 0; i < startups.length; i++) if (startups[i]!.id === state.playerId) return i;
  return -1;
}

/** The state with company i replaced by a producer's result over it. */
function withCompany(state: GameState, i: number, recipe: (me: Draft<StartupState>) => void): GameState {
  const startups = state.startups.slice();
  startups[i] = produce(state.startups[i]!, recipe);
  return withParts(state, { startups });
}

/**
 * Most commands touch only the plan: the recipe runs on a plain copy of it (its nested parts
 * copied too, so the base's are never written), and the company around it shares every other
 * part. A plain copy, not an Immer draft: planning commands are most of the commands a game
 * takes, and a producer measured several times the cost of the copy.
 */
function withCompanyPlan(state: GameState, i: number, recipe: (plan: Plan) => void): GameState {
  const me = state.startups[i]!;
  const p = me.plan;
  const plan: Plan = {
    spend: p.spend,
    pretrainingBp: p.pretrainingBp,
    appWeights: { ...p.appWeights },
    pricing: { ...p.pricing },
    hires: { ...p.hires },
    payLevel: p.payLevel,
    intensity: p.intensity,
    roundTarget: p.roundTarget,
  };
  recipe(plan);
  const startups = state.startups.slice();
  startups[i] = withPlan(me, plan);
  return withParts(state, { startups });
}

/** Why a command may not be applied to this state, or null when it may. */
export function validateCommand(level: Level, state: GameState, cmd: unknown): Rejection | null {
  if (state.rulesVersion !== RULES_VERSION)
    return reject(
      'wrong-rules-version',
      `this game was made under rules version ${state.rulesVersion}; this engine runs version ${RULES_VERSION}`,
    );
  if (state.levelId !== level.id || state.levelVersion !== level.version)
    return reject(
      'wrong-level',
      `this game belongs to level ${state.levelId} v${state.levelVersion}, not ${level.id} v${level.version}`,
    );
  if (typeof cmd !== 'object' || cmd === null || typeof (cmd as { type?: unknown }).type !== 'string')
    return reject('malformed', 'a command is an object with a "type"');
  const c = cmd as Command;
  if (!KNOWN_TYPES.has(c.type)) return reject('malformed', `unknown command type "${shown(c.type)}"`);
  // The one command a game over can take: checked before the game-over rule.
  if (c.type === 'game/play-on') return checkPlayOn(level, state);
  if (state.ending !== null) return reject('game-over', `the game is over (${state.ending.kind})`);
  const me = state.startups[playerIndex(state)] as StartupState;
  switch (c.type) {
    case 'plan/set-spend':
      return checkSpend(me, c.amount);
    case 'plan/set-split':
      return checkSplit(c.pretrainingBp, c.appWeights) ?? checkMarketsOpen(level, c.appWeights);
    case 'plan/set-api-price':
      return checkPricing(c.mode, c.price) ?? checkInvestorPricing(level, state, me, c.mode, c.price);
    case 'people/set':
      return checkPeople(me, c.hires, c.payLevel, c.intensity);
    case 'money/open-round':
      if (me.plan.roundTarget !== null || me.round !== null)
        return reject(
          'round-already-open',
          `a round for ${me.plan.roundTarget ?? me.round?.target} 万元 is already under way`,
        );
      return checkRoundTarget(level, c.target);
    case 'money/cancel-round':
      return me.plan.roundTarget === null && me.round === null
        ? reject('no-round-open', 'no funding round is open')
        : null;
    case 'money/accept-offer':
    case 'money/decline-offer': {
      const offer = state.offers.find((o) => o.id === c.offerId);
      if (!offer) {
        const open = state.offers.map((o) => o.id).join(', ') || 'none';
        return reject('unknown-offer', `no offer "${shown(c.offerId)}" on the table (open: ${open})`);
      }
      return null;
    }
    case 'event/answer': {
      const e = state.pendingEvents.find((p) => p.id === c.eventId);
      if (!e) return reject('event-not-pending', `event "${shown(c.eventId)}" is not waiting for an answer`);
      if (!e.choices.includes(c.choiceId))
        return reject(
          'unknown-choice',
          `event "${e.id}" has no choice "${shown(c.choiceId)}" (${e.choices.join(', ')})`,
        );
      return null;
    }
    case 'quarter/end': {
      const first = state.pendingEvents[0];
      return first ? reject('event-pending', `answer event "${first.id}" before ending the quarter`) : null;
    }
  }
}

/**
 * Playing on is a choice at a made-it ending only, and only with a quarter left to play: a game
 * under way (or one already played on) has nothing to go on from, and any other ending is final.
 */
function checkPlayOn(level: Level, state: GameState): Rejection | null {
  const ending = state.ending;
  if (ending === null)
    return reject('not-made-it', 'the game is under way: only a game at its made-it ending can play on');
  if (ending.kind !== 'made-it')
    return reject('game-over', `the game is over (${ending.kind}): only a made-it ending can be played on`);
  if (state.turn >= level.quarters)
    return reject(
      'no-quarters-left',
      `the company made it in the last quarter (${quarterLabel(level, ending.turn)}): there is no quarter left to play`,
    );
  return null;
}

/**
 * Small commands change a copy of the player's company (its plan alone for planning commands, an
 * Immer producer over the company for the few others, and the offers or cards they touch); the
 * rest of the state is shared by reference. Producing over the whole state would make Immer walk
 * the growing history on every command. The quarter's end is computed on plain copies
 * (quarter.ts). applyCommand freezes whatever a command created when freezing is on.
 */
function applyValid(level: Level, state: GameState, c: Command): GameState {
  if (c.type === 'quarter/end') return resolveQuarter(level, state);
  // Playing on clears the made-it ending: the company's madeItTurn (the milestone, and its honour
  // in every later score) stays, and the made-it check never fires again (it ends the game only in
  // the quarter madeItTurn was set). The game ends later like any other, with the made-it score
  // kept as its score.
  if (c.type === 'game/play-on')
    return withParts(state, { ending: null, keptScore: state.ending?.score ?? 0 });
  const i = playerIndex(state);
  const withMe = (recipe: (me: Draft<StartupState>) => void) => withCompany(state, i, recipe);
  const withNewPlan = (recipe: (plan: Plan) => void) => withCompanyPlan(state, i, recipe);
  switch (c.type) {
    case 'plan/set-spend':
      return withNewPlan((plan) => {
        plan.spend = c.amount;
      });
    case 'plan/set-split':
      return withNewPlan((plan) => {
        plan.pretrainingBp = c.pretrainingBp;
        const w = c.appWeights;
        plan.appWeights = {
          domestic: w.domestic,
          overseas: w.overseas,
          enterprise: w.enterprise,
          api: w.api,
        };
      });
    case 'plan/set-api-price': {
      // Read from the base, assign whole objects: nested drafts cost more than the command.
      const price = c.mode === 'exact' ? (c.price ?? 0) : state.startups[i]!.plan.pricing.price;
      return withNewPlan((plan) => {
        plan.pricing = { mode: c.mode, price };
      });
    }
    case 'people/set': {
      const cur = state.startups[i]!.plan.hires;
      const h = c.hires;
      const hires = {
        researchers: h?.researchers ?? cur.researchers,
        engineers: h?.engineers ?? cur.engineers,
        sales: h?.sales ?? cur.sales,
      };
      return withNewPlan((plan) => {
        plan.hires = hires;
        if (c.payLevel) plan.payLevel = c.payLevel;
        if (c.intensity) plan.intensity = c.intensity;
      });
    }
    case 'money/open-round':
      return withNewPlan((plan) => {
        plan.roundTarget = c.target;
      });
    case 'money/cancel-round':
      return withMe((me) => {
        me.plan.roundTarget = null;
        me.round = null;
      });
    case 'money/accept-offer': {
      // The only offers on the table are buy-outs: selling ends the game.
      const offer = state.offers.find((o) => o.id === c.offerId)!;
      const me = state.startups[i]!;
      const next = withMe((d) => {
        d.status = 'acquired';
      });
      return withParts(next, {
        offers: state.offers.filter((o) => o.id !== c.offerId),
        ending: { kind: 'acquired', turn: state.turn, score: equityScore(level, me, offer.amount) },
      });
    }
    case 'money/decline-offer':
      return withParts(state, { offers: state.offers.filter((o) => o.id !== c.offerId) });
    case 'event/answer':
      return answerEvent(level, state, i, c.eventId, c.choiceId);
  }
}

/**
 * Applies the chosen card's effects to a copy of the player's company and records the answer
 * with its hidden outcome (drawn with the keys of the card's quarter and the company).
 */
function answerEvent(level: Level, state: GameState, i: number, id: string, choiceId: string): GameState {
  const pending = state.pendingEvents.find((e) => e.id === id)!;
  const card = cardById(level, pending.card);
  const choice = card?.choices.find((ch) => ch.id === choiceId);
  const news: NewsItem[] = [];
  const ctx: EffectContext = { level, turn: state.turn, luck: luckOf(state.seed), company: i, news };
  // The effects are written for mutable plain copies (rivals' answers in the quarter use them
  // too), so they run on a fresh copy of the company rather than through an Immer draft, which
  // measured ten times slower for the same work.
  const me = cloneStartup(state.startups[i]!);
  const outcome = choice ? applyEffects(ctx, me, choice.effects, pending.card) : undefined;
  if (ctx.sold !== undefined) me.status = 'acquired';
  const startups = state.startups.slice();
  startups[i] = me;
  const answer: EventAnswer = outcome ? { id, choice: choiceId, outcome } : { id, choice: choiceId };
  const next = withParts(state, {
    startups,
    pendingEvents: state.pendingEvents.filter((e) => e.id !== id),
    answered: [...state.answered, answer],
    news: news.length > 0 ? [...state.news, ...news] : state.news,
  });
  if (ctx.sold === undefined) return next;
  return withParts(next, {
    offers: [],
    ending: { kind: 'acquired', turn: state.turn, score: equityScore(level, me, ctx.sold) },
  });
}

/** Weights must be zero in markets this level does not have. */
function checkMarketsOpen(level: Level, w: AppWeights): Rejection | null {
  for (const m of APP_MARKETS)
    if (!level.markets[m] && w[m] > 0)
      return reject('market-closed', `this level has no ${m} market: its weight must be 0, got ${w[m]}%`);
  return null;
}

/** A strategic investor's string: its investee may not undercut the investor's own API price. */
function checkInvestorPricing(
  level: Level,
  state: GameState,
  me: StartupState,
  mode: unknown,
  price: unknown,
): Rejection | null {
  if (me.strategic === null) return null;
  const investor = state.giants.find((g) => g.id === me.strategic);
  const floor = investor?.active ? investor.apiPrice : 0;
  const undercuts =
    mode === 'free'
      ? floor > 0
      : mode === 'undercut' || (mode === 'exact' && typeof price === 'number' && price < floor);
  void level;
  return undercuts
    ? reject(
        'investor-constraint',
        `your strategic investor ${me.strategic} does not let you undercut its price of ¥${floor.toFixed(2)} per million tokens`,
      )
    : null;
}

let freezing = true;

/**
 * Whether every state applyCommand returns is deeply frozen (Immer's auto-freeze plus the
 * quarter's new objects), so that code which mutates a state throws. On by default: keep it on
 * in development and tests. Production builds and batch tools (sim, bench, tournaments) turn it
 * off; freezing costs about a fifth of a headless game. It never changes a game's outcome.
 */
export function setStateFreezing(on: boolean): void {
  freezing = on;
  setAutoFreeze(on);
}

/** Deep-freezes what a quarter created, stopping at objects that are already frozen. */
function freezeDeep<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freezeDeep(v);
  }
  return value;
}

/** Validate, then apply. Never throws on bad input; a rejection returns the same state object. */
export function applyCommand(level: Level, state: GameState, cmd: Command): CommandResult {
  const error = validateCommand(level, state, cmd);
  if (error) return { ok: false, state, error };
  const next = applyValid(level, state, cmd);
  return { ok: true, state: freezing ? freezeDeep(next) : next };
}
