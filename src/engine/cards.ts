// Event cards at run time: which cards come up for a company (scripted quarter or the seeded
// random deck, filtered by their conditions), which choice a rival or an autopilot takes, and
// what a choice does — all driven by the level's card data.

import type { Condition, Effect, KeyPersonSpec } from './cards-schema';
import { at, findCompanySpec, marketWage, payMultiplier, stayProbability } from './economy';
import type { Level, LevelCard } from './level';
import { quarterLabel } from './level';
import { MAX_LIVE_MODIFIERS, MAX_MODIFIER, MAX_STAFF, MAX_USERS, MIN_MODIFIER } from './limits';
import { clamp } from './mathx';
import { weightsForMarkets } from './plan';
import type { Luck } from './rng';
import { Purpose, pickWeighted, uniform } from './rng';
import type {
  AppWeights,
  CompanyRecord,
  EventAnswer,
  GameState,
  NewsItem,
  PendingEvent,
  QuarterRecord,
  Stance,
  StartupState,
} from './types';
import { APP_MARKETS } from './types';

/** How much more than a regular researcher or engineer a key person is paid (top PhDs, leads). */
export const KEY_PERSON_PAY = 5;

// Cards by id, per level (levels are immutable once loaded).
const cardsById = new WeakMap<Level, Map<string, LevelCard>>();

export function cardById(level: Level, id: string): LevelCard | undefined {
  let byId = cardsById.get(level);
  if (!byId) {
    byId = new Map();
    // The first card of an id wins, as a search through the list would find it.
    for (const c of level.events.cards) if (!byId.has(c.id)) byId.set(c.id, c);
    cardsById.set(level, byId);
  }
  return byId.get(id);
}

/** The quarter a card's conditions look at: by default the last one in the history. */
export type QuarterView = Pick<QuarterRecord, 'companies' | 'apiTokens' | 'outsideShare'>;

function recordOf(last: QuarterView | undefined, id: string) {
  if (!last) return undefined;
  for (const c of last.companies) if (c.id === id) return c;
  return undefined;
}

function lastQuarter(state: GameState): QuarterView | undefined {
  return state.history[state.history.length - 1];
}

/** The value of a condition's metric for a company (booleans are 0/1). */
export function metricValue(
  level: Level,
  state: GameState,
  s: StartupState,
  metric: Condition['metric'],
  last: QuarterView | undefined = lastQuarter(state),
): number {
  return metricOf(level, state, s, metric, last, recordOf(last, s.id));
}

/** metricValue with the company's record of that quarter already found (undefined: none). */
function metricOf(
  level: Level,
  state: GameState,
  s: StartupState,
  metric: Condition['metric'],
  last: QuarterView | undefined,
  rec: CompanyRecord | undefined,
): number {
  switch (metric) {
    case 'runway': {
      const burn = rec ? rec.costs - rec.revenue : 0;
      return burn > 0 ? Math.max(0, s.cash) / burn : 99;
    }
    case 'cash':
      return s.cash;
    case 'quality':
      return s.quality;
    case 'qualityGap':
      return Math.max(0, state.market.bestDomesticQuality - s.quality);
    case 'domesticUsers':
      return s.domesticUsers;
    case 'overseasUsers':
      return s.overseasUsers;
    case 'enterpriseProjects':
      return s.enterpriseProjects;
    case 'researchers':
    case 'engineers':
    case 'sales':
      return s.staff[metric];
    case 'burnout':
      return s.burnout;
    case 'apiShare':
      return rec && last && last.apiTokens > 0
        ? (rec.apiTokens / last.apiTokens) * (1 - last.outsideShare)
        : 0;
    case 'hasStrategic':
      return s.strategic !== null ? 1 : 0;
    case 'pretrainingAbandoned':
      return s.pretrainingAbandoned ? 1 : 0;
    case 'keyPeople': {
      let n = 0;
      for (const k of s.keyPeople) if (k.active) n++;
      return n;
    }
    case 'pretrainingShare':
      return s.plan.pretrainingBp / 10_000;
    case 'revenue':
      return rec ? rec.revenue : 0;
    case 'fundingClimate':
      return at(level.macro.fundingClimate, state.turn);
  }
}

function holds(
  level: Level,
  state: GameState,
  s: StartupState,
  c: Condition,
  last: QuarterView | undefined,
  rec: CompanyRecord | undefined,
): boolean {
  const v = metricOf(level, state, s, c.metric, last, rec);
  switch (c.op) {
    case '<':
      return v < c.value;
    case '<=':
      return v <= c.value;
    case '>':
      return v > c.value;
    case '>=':
      return v >= c.value;
    case '==':
      return v === c.value;
    case '!=':
      return v !== c.value;
  }
}

export function cardApplies(
  level: Level,
  state: GameState,
  s: StartupState,
  card: LevelCard,
  player: boolean,
  last?: QuarterView,
): boolean {
  const view = last ?? lastQuarter(state);
  return appliesTo(level, state, s, card, player, view, recordOf(view, s.id));
}

function appliesTo(
  level: Level,
  state: GameState,
  s: StartupState,
  card: LevelCard,
  player: boolean,
  last: QuarterView | undefined,
  rec: CompanyRecord | undefined,
): boolean {
  if (card.audience === 'player' && !player) return false;
  for (const c of card.when) if (!holds(level, state, s, c, last, rec)) return false;
  return true;
}

type RandomTrigger = Extract<LevelCard['trigger'], { kind: 'random' }>;

// Cards whose window includes a turn, per level (levels are immutable once loaded), split into
// scripted ones and the random deck (with its weights, in the deck's order).
interface TurnCards {
  scripted: LevelCard[];
  random: LevelCard[];
  weights: number[];
}
const byTurn = new WeakMap<Level, TurnCards[]>();

function cardsOfTurn(level: Level, turn: number): TurnCards {
  let table = byTurn.get(level);
  if (!table) {
    table = [];
    for (let t = 0; t < level.quarters; t++) {
      const live = level.events.cards.filter((c) => t >= c.fromTurn && t <= c.toTurn);
      const random = live.filter((c) => c.trigger.kind === 'random');
      table.push({
        scripted: live.filter((c) => c.trigger.kind === 'scripted'),
        random,
        weights: random.map((c) => (c.trigger as RandomTrigger).weight),
      });
    }
    byTurn.set(level, table);
  }
  return table[turn] ?? { scripted: [], random: [], weights: [] };
}

/**
 * The random card the seed deals company number `company` (its index in the level) for `turn`, or
 * null: with the level's draw chance, one card of the quarter's whole random deck by weight. It
 * depends on the seed alone — whether the company may take it (conditions, seen before) is checked
 * after, so nothing the company decides changes which card comes up.
 */
export function seededRandomCard(level: Level, luck: Luck, turn: number, company: number): LevelCard | null {
  const { random, weights } = cardsOfTurn(level, turn);
  if (random.length === 0) return null;
  if (uniform(luck, turn, Purpose.cardOffered, company) >= level.events.drawChance) return null;
  const u = uniform(luck, turn, Purpose.cardPick, company);
  return random[pickWeighted(u, weights)] ?? null;
}

/**
 * The cards a company faces at the start of `turn`: every scripted card of that quarter whose
 * conditions hold, and the seed's random card (seededRandomCard) if its conditions hold and it has
 * not been seen (unless repeatable). `state` is the state at the end of the previous quarter (its
 * history includes it); `company` is the company's index in the level.
 */
export function drawCards(
  level: Level,
  state: GameState,
  s: StartupState,
  company: number,
  turn: number,
  player: boolean,
  luck: Luck,
  last?: QuarterView,
): LevelCard[] {
  const { scripted, random } = cardsOfTurn(level, turn);
  const out: LevelCard[] = [];
  if (scripted.length === 0 && random.length === 0) return out;
  // Last quarter and the company's record in it are found once for all the cards' conditions.
  const view = last ?? lastQuarter(state);
  const rec = recordOf(view, s.id);
  for (const card of scripted) if (appliesTo(level, state, s, card, player, view, rec)) out.push(card);
  if (random.length === 0) return out;
  const card = seededRandomCard(level, luck, turn, company);
  if (!card) return out;
  // The random list holds random cards only (cardsOfTurn).
  if (!(card.trigger as RandomTrigger).repeatable && s.cardsSeen.includes(card.id)) return out;
  if (appliesTo(level, state, s, card, player, view, rec)) out.push(card);
  return out;
}

/** The choice a rival (by archetype) or an autopilot (by policy) takes; the first by default. */
export function policyChoice(card: LevelCard, who: string): string {
  return card.policy[who] ?? card.choices[0]!.id;
}

/** Pending-event id of a card in a quarter: unique within a game. */
export function eventId(level: Level, card: LevelCard, turn: number): string {
  return `${card.id}@${quarterLabel(level, turn)}`;
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
  const { level, turn } = ctx;
  let outcome: EventAnswer['outcome'];
  // The key people, modifiers and stance may be shared with an earlier state (see cloneStartup):
  // they are replaced, never written in place.
  for (const e of effects) {
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
      case 'staff': {
        const n = s.staff[e.role];
        // Bounded, so that however many cards double a team, payroll stays a number (limits.ts).
        s.staff[e.role] = clamp(n + Math.round(n * e.share) + e.count, 0, MAX_STAFF);
        break;
      }
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
      case 'burnout':
        s.burnout = clamp(s.burnout + e.delta, 0, 1);
        break;
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
        if (liveCount(s.modifiers, turn) >= MAX_LIVE_MODIFIERS) break;
        s.modifiers = [
          ...s.modifiers,
          { target: e.target, factor: e.factor, untilTurn: turn + e.quarters - 1, source: cardId },
        ];
        break;
      case 'enterpriseDeal':
        s.eventBooks.income += e.revenue;
        s.eventBooks.cost += Math.round(e.revenue * e.customisation * (1 - s.platform));
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
        s.plan.appWeights = weightsForMarkets(level, setWeight(s.plan.appWeights, e.market, e.weight));
        s.stance = stanceWith(s.stance);
        s.stance.appWeights = { ...s.plan.appWeights };
        break;
      case 'keyPersonOffer':
        outcome = resolvePoaching(ctx, s, e) ?? outcome;
        break;
      case 'keyPersonLeaves': {
        const k = topKeyPerson(level, s, e.role);
        if (k) {
          k.person.active = false;
          s.staff[e.role] = Math.max(0, s.staff[e.role] - 1);
          ctx.news.push({ key: 'news.keyPersonLeft', subject: s.id, params: { person: k.person.id } });
          outcome = { person: k.person.id, stayed: false };
        }
        break;
      }
      case 'sell':
        // Priced off the mark, never above the last round's price: a buyer pays for value shown,
        // not for a mark the company has not yet raised money at.
        ctx.sold = Math.max(1, Math.round(Math.min(s.valuation, s.lastRoundValuation) * e.multiple));
        break;
      case 'none':
        break;
    }
  }
  return outcome;
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
 * The company's most skilled active key person of a role, with the level's description. The
 * caller changes that person: the company gets its own copy of its key people first.
 */
function topKeyPerson(level: Level, s: StartupState, role: KeyPersonSpec['role']) {
  s.keyPeople = s.keyPeople.map((k) => ({ id: k.id, active: k.active, raise: k.raise }));
  const specs = findCompanySpec(level, s.id)?.keyPeople ?? [];
  let best: { person: StartupState['keyPeople'][number]; spec: KeyPersonSpec } | undefined;
  for (const person of s.keyPeople) {
    const spec = specs.find((p) => p.id === person.id);
    if (person.active && spec && spec.role === role && (!best || spec.skill > best.spec.skill))
      best = { person, spec };
  }
  return best;
}

/** A rival's offer to the company's most skilled active key person of a role, resolved now. */
function resolvePoaching(
  ctx: EffectContext,
  s: StartupState,
  e: Extract<Effect, { kind: 'keyPersonOffer' }>,
): EventAnswer['outcome'] {
  const { level, turn, luck } = ctx;
  const top = topKeyPerson(level, s, e.role);
  if (!top) return undefined;
  const { person, spec } = top;
  // The person's resolve this quarter: one uniform per key person, whatever the offer or counter.
  const resolve = uniform(luck, turn, Purpose.keyPersonStay, ctx.company, s.keyPeople.indexOf(person));
  const pay = payMultiplier(level, s.plan.payLevel) + person.raise + e.counter;
  // Loyalty and equity add to the odds of staying; the wage gap is the model's Δwage.
  const stay = clamp(stayProbability(level, pay, 1 + e.offer) + spec.loyalty * 0.3 + e.equityBp / 1000, 0, 1);
  const stayed = resolve < stay;
  if (e.equityBp > 0) s.ownershipBp = Math.max(0, s.ownershipBp - e.equityBp);
  if (stayed) {
    person.raise += e.counter;
  } else {
    person.active = false;
    s.staff[spec.role] = Math.max(0, s.staff[spec.role] - 1);
  }
  ctx.news.push({
    key: stayed ? 'news.keyPersonStayed' : 'news.keyPersonLeft',
    subject: s.id,
    params: { person: person.id },
  });
  return { person: person.id, stayed };
}

/**
 * Deals the cards of `turn` to every active company (mutable copies): the player's become pending
 * events (at most four at once); rivals answer theirs at once by their archetype's policy.
 */
export function dealCards(
  level: Level,
  probe: GameState,
  startups: StartupState[],
  turn: number,
  luck: Luck,
  news: NewsItem[],
  last?: QuarterView,
): PendingEvent[] {
  const pending: PendingEvent[] = [];
  const ctx: EffectContext = { level, turn, luck, company: 0, news };
  for (let i = 0; i < startups.length; i++) {
    const s = startups[i]!;
    if (s.status !== 'active') continue;
    const player = s.id === probe.playerId;
    ctx.company = i;
    for (const card of drawCards(level, probe, s, i, turn, player, luck, last)) {
      // A card left out (more than four waiting) is not marked as seen.
      if (player && pending.length >= 4) continue;
      if (card.trigger.kind === 'random' && !card.trigger.repeatable) {
        // The list may be shared with an earlier state: a new one, never a push.
        const seen = s.cardsSeen.slice();
        seen.push(card.id);
        s.cardsSeen = seen;
      }
      if (player) {
        pending.push({
          id: eventId(level, card, turn),
          card: card.id,
          choices: card.choices.map((c) => c.id),
        });
        continue;
      }
      const choiceId = policyChoice(
        card,
        level.companies[i]?.id === s.id ? level.companies[i]!.archetype : '',
      );
      let choice = card.choices[0]!;
      for (const c of card.choices)
        if (c.id === choiceId) {
          choice = c;
          break;
        }
      ctx.sold = undefined;
      applyEffects(ctx, s, choice.effects, card.id);
      news.push({ key: 'news.rivalChoice', subject: s.id, params: { card: card.id, choice: choiceId } });
      if (ctx.sold !== undefined) {
        s.status = 'acquired';
        news.push({ key: 'news.rivalAcquired', subject: s.id, params: {} });
      }
    }
  }
  return pending;
}

/** Extra pay of key people who won raises, 万元 per quarter. */
export function keyPeoplePay(level: Level, turn: number, s: StartupState): number {
  const specs = findCompanySpec(level, s.id)?.keyPeople ?? [];
  let total = 0;
  for (const k of s.keyPeople) {
    if (!k.active || k.raise <= 0) continue;
    const spec = specs.find((p) => p.id === k.id);
    if (spec) total += marketWage(level, turn, spec.role) * KEY_PERSON_PAY * k.raise;
  }
  return Math.round(total);
}

/**
 * Efficiency from key people of a role: (1 + Σ skill of those still here) / (1 + Σ skill of all),
 * so a full team is 1 and each departure costs its share.
 */
export function keyPeopleFactor(level: Level, s: StartupState, role: 'researchers' | 'engineers'): number {
  const specs = findCompanySpec(level, s.id)?.keyPeople ?? [];
  let all = 0;
  let here = 0;
  for (const spec of specs) {
    if (spec.role !== role) continue;
    all += spec.skill;
    for (const k of s.keyPeople)
      if (k.id === spec.id) {
        if (k.active) here += spec.skill;
        break;
      }
  }
  return (1 + here) / (1 + all);
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
