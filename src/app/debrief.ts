// The debrief at the end of a game: the economics the player met, told with the player's own
// numbers (from the quarter history), the concepts of the event cards they answered, and a
// timeline of their key decisions (from the command log, replayed).

import type { Command, GameState, Level, Plan, StartupState } from '../engine/index';
import { applyCommand, createGame, economy, playerOf, quarterLabel } from '../engine/index';
import { count, money, pct, price, quality, runway } from './format';
import type { Language, TextKey } from './i18n';
import { levelText, pluralKey, t } from './i18n';
import { actorName, cardIdOfEvent, cardTitle, choiceLabel, conceptOf, personName } from './level-text';
import { newsText } from './news';
import type { GameSetup } from './session';

export interface Lesson {
  id: string;
  title: string;
  text: string;
}

export interface TimelineEntry {
  quarter: string;
  kind: 'decision' | 'outcome';
  text: string;
}

function playerRecords(state: GameState) {
  return state.history.map((r) => ({
    quarter: r.quarter,
    rec: r.companies.find((c) => c.id === state.playerId)!,
    all: r,
  }));
}

type Params = Record<string, string | number>;

/** What the lessons read and how they add one: the player, their records, sums over them. */
interface LessonKit {
  lang: Language;
  level: Level;
  state: GameState;
  me: StartupState;
  spec: Level['companies'][number];
  recs: ReturnType<typeof playerRecords>;
  last: ReturnType<typeof playerRecords>[number];
  sum: (f: (r: ReturnType<typeof playerRecords>[number]['rec']) => number) => number;
  tr: (k: TextKey, p?: Params) => string;
  add: (id: string, titleKey: TextKey, textKey: TextKey, params: Params) => void;
}

/** What the game taught, with the player's figures; only lessons the game actually touched. */
export function lessons(lang: Language, level: Level, state: GameState): Lesson[] {
  const tr = (k: TextKey, p?: Params) => t(lang, k, p);
  const me = playerOf(state);
  const spec = level.companies.find((c) => c.id === me.id)!;
  const recs = playerRecords(state);
  const out: Lesson[] = [];
  if (recs.length === 0) return out;
  const kit: LessonKit = {
    lang,
    level,
    state,
    me,
    spec,
    recs,
    last: recs[recs.length - 1]!,
    sum: (f) => recs.reduce((a, x) => a + f(x.rec), 0),
    tr,
    add: (id, titleKey, textKey, params) => out.push({ id, title: tr(titleKey), text: tr(textKey, params) }),
  };
  modelAndPriceLessons(kit);
  marketLessons(kit);
  companyLessons(kit);
  return out;
}

/** Scaling (compute bought quality), the price war, and big tech's cross-subsidy. */
function modelAndPriceLessons({ lang, level, state, me, spec, recs, last, sum, tr, add }: LessonKit): void {
  const compute = sum((r) => r.costBy.compute);
  if (compute > 0)
    add('scaling', 'lesson.scaling.title', 'lesson.scaling.text', {
      spend: money(lang, compute),
      q0: quality(economy.qualityFromCompute(level, spec.computeStock)),
      q1: quality(me.quality),
      frontier: quality(last.all.frontierQuality),
    });
  const prices = recs.map((x) => x.all.marketApiPrice);
  const p0 = prices[0]!;
  const pMin = Math.min(...prices);
  if (p0 > 0 && pMin > 0 && p0 / pMin >= 5)
    add('price-war', 'lesson.priceWar.title', 'lesson.priceWar.text', {
      p0: price(p0),
      p1: price(pMin),
      times: Math.round(p0 / pMin),
      revenue: money(
        lang,
        sum((r) => r.revenueBy.api),
      ),
    });
  const cloud = state.giants.reduce((a, g) => a + g.cloudGain, 0);
  if (cloud > 0) {
    const lastGiants = last.all.giants.filter(
      (_g, j) => level.giants[j]?.kind === 'bigtech' && last.all.turn >= (level.giants[j]?.entersTurn ?? 0),
    );
    const cheapest = lastGiants.length ? Math.min(...lastGiants.map((g) => g.apiPrice)) : 0;
    add('cross-subsidy', 'lesson.crossSubsidy.title', 'lesson.crossSubsidy.text', {
      price: cheapest === 0 ? tr('rivals.free') : price(cheapest),
      gain: money(lang, cloud),
    });
  }
}

/** The consumer apps (ads against users' revenue) and enterprise deals (customisation, platform). */
function marketLessons({ lang, me, sum, add }: LessonKit): void {
  const ads = sum((r) => r.costBy.ads);
  if (ads > 0)
    add('consumer', 'lesson.consumer.title', 'lesson.consumer.text', {
      ads: money(lang, ads),
      domestic: money(
        lang,
        sum((r) => r.revenueBy.domestic),
      ),
      overseas: money(
        lang,
        sum((r) => r.revenueBy.overseas),
      ),
      du: count(lang, me.domesticUsers),
      ou: count(lang, me.overseasUsers),
    });
  const ent = sum((r) => r.revenueBy.enterprise);
  if (ent > 0)
    add('to-b', 'lesson.toB.title', 'lesson.toB.text', {
      revenue: money(lang, ent),
      custom: money(
        lang,
        sum((r) => r.costBy.customisation),
      ),
      platform: pct(me.platform),
    });
}

/** The runway at its shortest, funding and dilution, and the teams (key people lost, burnout). */
function companyLessons({ lang, state, me, spec, recs, add }: LessonKit): void {
  let minRunway = Number.POSITIVE_INFINITY;
  let minQuarter = '';
  for (const x of recs) {
    const burn = x.rec.costs - x.rec.revenue;
    const rw = burn > 0 ? Math.max(0, x.rec.cash) / burn : Number.POSITIVE_INFINITY;
    if (rw < minRunway) {
      minRunway = rw;
      minQuarter = x.quarter;
    }
  }
  const gone = state.startups.filter((s) => s.id !== me.id && s.status !== 'active').length;
  add(
    'runway',
    'lesson.runway.title',
    pluralKey(lang, Number.isFinite(minRunway) ? 'lesson.runway.text' : 'lesson.runway.never', gone),
    {
      runway: runway(lang, minRunway),
      quarter: minQuarter,
      gone,
    },
  );
  if (me.raisedTotal > 0 || me.ownershipBp !== spec.ownershipBp)
    add('funding', 'lesson.funding.title', 'lesson.funding.text', {
      raised: money(lang, me.raisedTotal),
      own0: pct(spec.ownershipBp / 10_000, 1),
      own1: pct(me.ownershipBp / 10_000, 1),
      valuation: money(lang, me.valuation),
    });
  const lost = me.keyPeople.filter((k) => !k.active).length;
  const head0 = spec.staff.researchers + spec.staff.engineers + spec.staff.sales;
  const head1 = me.staff.researchers + me.staff.engineers + me.staff.sales;
  if (lost > 0 || me.burnout > 0.15 || head1 !== head0)
    add('talent', 'lesson.talent.title', pluralKey(lang, 'lesson.talent.text', lost), {
      lost,
      head0: count(lang, head0),
      head1: count(lang, head1),
      burnout: pct(me.burnout),
    });
}

/** The event cards' concepts the player met, each with when and what they chose, and their numbers then. */
export function conceptsMet(lang: Language, level: Level, state: GameState): Lesson[] {
  const tr = (k: TextKey, p?: Record<string, string | number>) => t(lang, k, p);
  const byConcept = new Map<string, string[]>();
  const answers = [
    ...state.history.map((r) => ({
      quarter: r.quarter,
      events: r.events,
      rec: r.companies.find((c) => c.id === state.playerId),
    })),
    { quarter: '', events: state.answered, rec: undefined },
  ];
  for (const { quarter, events, rec } of answers)
    for (const a of events) {
      const cardId = cardIdOfEvent(a.id);
      const card = level.events.cards.find((c) => c.id === cardId);
      if (!card) continue;
      const when = quarter || a.id.slice(cardId.length + 1);
      let line = tr('concept.met', {
        quarter: when,
        card: cardTitle(lang, level, cardId),
        choice: choiceLabel(lang, level, cardId, a.choice),
      });
      if (rec)
        line += ` ${tr('concept.numbers', { cash: money(lang, rec.cash), quality: quality(rec.quality), price: price(rec.apiPrice) })}`;
      if (a.outcome)
        line += ` ${tr(a.outcome.stayed ? 'concept.stayed' : 'concept.left', { person: personName(lang, level, a.outcome.person) })}`;
      const list = byConcept.get(card.concept) ?? [];
      list.push(line);
      byConcept.set(card.concept, list);
    }
  const out: Lesson[] = [];
  for (const [id, lines] of byConcept) {
    const c = conceptOf(level, id);
    out.push({
      id,
      title: c ? levelText(lang, c.name) : id,
      text: `${c ? `${levelText(lang, c.text)} ` : ''}${lines.join(' ')}`,
    });
  }
  return out;
}

function planChanges(lang: Language, before: Plan, after: Plan, staff: StartupState['staff']): string[] {
  const tr = (k: TextKey, p?: Record<string, string | number>) => t(lang, k, p);
  const out: string[] = [];
  const a = Math.round(before.pretrainingBp / 100);
  const b = Math.round(after.pretrainingBp / 100);
  if (Math.abs(a - b) >= 10) out.push(tr('timeline.split', { from: a, to: b }));
  if (before.pricing.mode !== after.pricing.mode)
    out.push(tr('timeline.pricing', { mode: tr(`pricing.${after.pricing.mode}`) }));
  if (before.spend > 0 && Math.abs(after.spend - before.spend) / before.spend >= 0.3)
    out.push(tr('timeline.spend', { from: money(lang, before.spend), to: money(lang, after.spend) }));
  if (before.payLevel !== after.payLevel)
    out.push(tr('timeline.pay', { level: tr(`pay.${after.payLevel}`) }));
  if (before.intensity !== after.intensity)
    out.push(tr('timeline.intensity', { level: tr(`intensity.${after.intensity}`) }));
  const hires = after.hires.researchers + after.hires.engineers + after.hires.sales;
  const total = staff.researchers + staff.engineers + staff.sales;
  if (total > 0 && Math.abs(hires) >= Math.max(5, total * 0.1))
    out.push(tr(hires > 0 ? 'timeline.hire' : 'timeline.cut', { n: Math.abs(hires) }));
  return out;
}

const OUTCOME_NEWS = new Set([
  'news.modelReleased',
  'news.roundClosed',
  'news.roundFailed',
  'news.madeIt',
  'news.keyPersonLeft',
  'news.frontierFame',
  'news.bankrupt',
  'news.strategicDeal',
  'news.abandonPretraining',
]);

/** Key decisions and what came of them, quarter by quarter, from the replayed command log. */
export function timeline(
  lang: Language,
  level: Level,
  setup: GameSetup,
  log: readonly Command[],
): TimelineEntry[] {
  const created = createGame(level, setup.seed, setup.company);
  if (!created.ok) return [];
  let state = created.state;
  let lastPlan = playerOf(state).plan;
  const out: TimelineEntry[] = [];
  let firstFame = true;
  for (const cmd of log) {
    const q = quarterLabel(level, state.turn);
    const before = state;
    for (const text of decisionsOf(lang, level, state, cmd, lastPlan))
      out.push({ quarter: q, kind: 'decision', text });
    if (cmd.type === 'quarter/end') lastPlan = playerOf(state).plan;
    const r = applyCommand(level, state, cmd);
    if (!r.ok) break;
    state = r.state;
    if (cmd.type === 'quarter/end') {
      const rec = state.history[state.history.length - 1];
      if (rec)
        for (const n of rec.news) {
          if (n.subject !== state.playerId || !OUTCOME_NEWS.has(n.key)) continue;
          if (n.key === 'news.frontierFame') {
            if (!firstFame) continue;
            firstFame = false;
          }
          out.push({ quarter: rec.quarter, kind: 'outcome', text: newsText(lang, level, n) });
        }
    } else if (cmd.type === 'event/answer') {
      for (const n of state.news.slice(before.news.length))
        if (n.subject === state.playerId)
          out.push({ quarter: q, kind: 'outcome', text: newsText(lang, level, n) });
    }
  }
  return out;
}

/** The decisions a command makes, in words (a quarter's end: the plan's changes since the last one). */
function decisionsOf(lang: Language, level: Level, state: GameState, cmd: Command, lastPlan: Plan): string[] {
  const tr = (k: TextKey, p?: Params) => t(lang, k, p);
  switch (cmd.type) {
    case 'event/answer': {
      const cardId = cardIdOfEvent(cmd.eventId);
      return [
        tr('timeline.answer', {
          card: cardTitle(lang, level, cardId),
          choice: choiceLabel(lang, level, cardId, cmd.choiceId),
        }),
      ];
    }
    case 'money/open-round':
      return [tr('timeline.round', { target: money(lang, cmd.target) })];
    case 'money/accept-offer':
    case 'money/decline-offer': {
      const o = state.offers.find((x) => x.id === cmd.offerId);
      if (!o) return [];
      return [
        tr(cmd.type === 'money/accept-offer' ? 'timeline.sold' : 'timeline.declined', {
          from: actorName(lang, level, o.from),
          amount: money(lang, o.amount),
        }),
      ];
    }
    case 'quarter/end': {
      const me = playerOf(state);
      return planChanges(lang, lastPlan, me.plan, me.staff);
    }
    case 'game/play-on': {
      const madeIt = playerOf(state).madeItTurn;
      return madeIt === null ? [] : [tr('timeline.playOn', { quarter: quarterLabel(level, madeIt) })];
    }
    default:
      return [];
  }
}
