// Event cards at run time: which cards come up for a company (scripted quarter or the seeded
// random deck, filtered by their conditions), which choice a rival or an autopilot takes, and the
// dealing of a quarter's cards — all driven by the level's card data. What a choice does is
// card-effects.ts, the key people it may touch key-people.ts; both are re-exported here.

import type { EffectContext } from './card-effects';
import { applyEffects } from './card-effects';
import type { Condition } from './cards-schema';
import { at } from './economy';
import type { Level, LevelCard } from './level';
import { quarterLabel } from './level';
import type { Luck } from './rng';
import { Purpose, pickWeighted, uniform } from './rng';
import type { CompanyRecord, GameState, NewsItem, PendingEvent, QuarterRecord, StartupState } from './types';

export type { EffectContext } from './card-effects';
export { applyEffects, modifierFactor } from './card-effects';
export { KEY_PERSON_PAY, keyPeopleFactor, keyPeoplePay } from './key-people';

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
