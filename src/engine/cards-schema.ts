// Event cards as level data: when a card comes up (scripted quarter or weighted random deck,
// with conditions), its bilingual text, the economics concept it teaches, the facts behind it,
// and 2–4 choices whose consequences are effect data — no code per card.

import { z } from 'zod';
import {
  MAX_CARDS,
  MAX_CHOICES,
  MAX_CONCEPTS,
  MAX_CONDITIONS,
  MAX_EFFECTS,
  MAX_MODIFIER,
  MIN_CHOICES,
  MIN_MODIFIER,
} from './limits';
import { QUARTER_LABEL, text } from './schema-kit';

const label = z.string().regex(QUARTER_LABEL, 'a quarter label such as "2024Q2"');
const id = z.string().regex(/^[a-z0-9-]+$/, 'lowercase id');

export const METRICS = [
  'runway',
  'cash',
  'quality',
  'qualityGap',
  'domesticUsers',
  'overseasUsers',
  'enterpriseProjects',
  'researchers',
  'engineers',
  'sales',
  'burnout',
  'apiShare',
  'hasStrategic',
  'pretrainingAbandoned',
  'keyPeople',
  'pretrainingShare',
  'revenue',
  'fundingClimate',
] as const;
export type Metric = (typeof METRICS)[number];

/** A test on the company facing the card: metric op value (booleans are 0/1). */
export const conditionSchema = z
  .object({
    metric: z.enum(METRICS),
    op: z.enum(['<', '<=', '>', '>=', '==', '!=']),
    value: z.number().finite(),
  })
  .strict();
export type Condition = z.infer<typeof conditionSchema>;

const role = z.enum(['researchers', 'engineers', 'sales']);
const market = z.enum(['domestic', 'overseas', 'enterprise', 'api']);
const money = z.number().int().min(-1e9).max(1e9);

/**
 * What a choice does to the company that makes it. Money moves are booked in the quarter in
 * which the choice is made (as one-off income, one-off cost or funding), so the books balance.
 */
export const effectSchema = z.discriminatedUnion('kind', [
  /** One-off cost (万元, ≥ 0): security work, signing bonuses, legal fees. */
  z.object({ kind: z.literal('cost'), amount: money.nonnegative() }).strict(),
  /** One-off income (万元, ≥ 0): a licence, a settlement. */
  z.object({ kind: z.literal('income'), amount: money.nonnegative() }).strict(),
  /** Money invested for a stake (basis points of the company). */
  z
    .object({
      kind: z.literal('investment'),
      amount: money.nonnegative(),
      stakeBp: z.number().int().min(0).max(5000),
    })
    .strict(),
  /** A strategic investor: cash for a stake, cloud credits, and the investor's strings (lock-in). */
  z
    .object({
      kind: z.literal('strategic'),
      investor: id,
      amount: money.nonnegative(),
      credits: money.nonnegative(),
      stakeBp: z.number().int().min(0).max(5000),
    })
    .strict(),
  /** Staff change now: a share (−1..1) of a role, plus a fixed number. Hiring at a premium costs wages. */
  z
    .object({
      kind: z.literal('staff'),
      role,
      share: z.number().min(-1).max(1),
      count: z.number().int().min(-10_000).max(10_000),
    })
    .strict(),
  z.object({ kind: z.literal('payLevel'), level: z.enum(['below', 'market', 'plus25', 'plus50']) }).strict(),
  z.object({ kind: z.literal('intensity'), level: z.enum(['normal', 'dxz', '996']) }).strict(),
  z.object({ kind: z.literal('burnout'), delta: z.number().min(-1).max(1) }).strict(),
  /** The training run in progress loses this share of its compute (sabotage, failed run). */
  z.object({ kind: z.literal('runLoss'), share: z.number().min(0).max(1) }).strict(),
  /** Users gained or lost in an app market, as a share of its users (−1..2). */
  z
    .object({
      kind: z.literal('users'),
      market: z.enum(['domestic', 'overseas']),
      share: z.number().min(-1).max(2),
    })
    .strict(),
  z.object({ kind: z.literal('platform'), delta: z.number().min(-1).max(1) }).strict(),
  /** A time-limited modifier on a market (CAC, ARPU, enterprise demand) or on research, for some quarters. */
  z
    .object({
      kind: z.literal('modifier'),
      target: z.enum(['cacDomestic', 'cacOverseas', 'arpuOverseas', 'enterpriseDemand', 'research']),
      factor: z.number().min(MIN_MODIFIER).max(MAX_MODIFIER),
      quarters: z.number().int().min(1).max(16),
    })
    .strict(),
  /** A one-off enterprise contract: revenue now, customisation work scaled by the platform gap. */
  z
    .object({
      kind: z.literal('enterpriseDeal'),
      revenue: money.nonnegative(),
      customisation: z.number().min(0).max(5),
    })
    .strict(),
  z
    .object({
      kind: z.literal('pricing'),
      mode: z.enum(['premium', 'match', 'undercut', 'free', 'exact']),
      price: z.number().min(0).max(10000).optional(),
    })
    .strict(),
  /** Move the pretraining share (basis points) of the plan; 0 with abandon gives up pretraining. */
  z
    .object({ kind: z.literal('pretraining'), bp: z.number().int().min(0).max(10000), abandon: z.boolean() })
    .strict(),
  z.object({ kind: z.literal('appWeights'), market, weight: z.number().int().min(0).max(100) }).strict(),
  /**
   * A rival offers a key person `offer` (0.5 = +50 %). The company counters with a raise
   * (`counter`, same scale) and/or equity (basis points); whether the person stays is drawn from
   * the stay-probability model. `role` picks the most skilled active key person of that role.
   */
  z
    .object({
      kind: z.literal('keyPersonOffer'),
      role,
      offer: z.number().min(0).max(5),
      counter: z.number().min(0).max(5),
      equityBp: z.number().int().min(0).max(500),
    })
    .strict(),
  /** The most skilled active key person of a role leaves (no draw: the company lets them go). */
  z.object({ kind: z.literal('keyPersonLeaves'), role }).strict(),
  /** The company sells itself: the game ends (acquired) at this multiple of its valuation. */
  z.object({ kind: z.literal('sell'), multiple: z.number().positive().max(5) }).strict(),
  /** Nothing happens (a considered "wait and see"). */
  z.object({ kind: z.literal('none') }).strict(),
]);
export type Effect = z.infer<typeof effectSchema>;

const choiceSchema = z
  .object({
    id,
    label: text,
    /** The visible trade-off, shown under the choice. */
    tradeoff: text,
    effects: z.array(effectSchema).max(MAX_EFFECTS, `at most ${MAX_EFFECTS} effects`),
  })
  .strict();

const triggerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('scripted'), quarter: label }).strict(),
  z
    .object({
      kind: z.literal('random'),
      weight: z.number().positive().max(1e6),
      from: label,
      to: label,
      /** A card that can come up again after it was answered (a recurring risk). */
      repeatable: z.boolean(),
    })
    .strict(),
]);

export const cardSchema = z
  .object({
    id,
    title: text,
    text,
    concept: id,
    /** The period facts the card rests on (short, sourced figures; companies and roles, no names). */
    facts: text,
    trigger: triggerSchema,
    when: z.array(conditionSchema).max(MAX_CONDITIONS, `at most ${MAX_CONDITIONS} conditions`),
    /** 'player': only the player's company; 'all': every startup lives through it (rivals by policy). */
    audience: z.enum(['player', 'all']),
    choices: z
      .array(choiceSchema)
      .min(MIN_CHOICES, `at least ${MIN_CHOICES} choices`)
      .max(MAX_CHOICES, `at most ${MAX_CHOICES} choices`),
    /** Which choice each rival archetype or autopilot policy takes (default: the first). */
    policy: z.record(z.string(), id),
  })
  .strict();
export type Card = z.infer<typeof cardSchema>;

export const conceptSchema = z.object({ id, name: text, text }).strict();
export type Concept = z.infer<typeof conceptSchema>;

export const eventsSchema = z
  .object({
    /** Chance per quarter that a company draws one card from the random deck. */
    drawChance: z.number().min(0).max(1),
    concepts: z.array(conceptSchema).max(MAX_CONCEPTS, `at most ${MAX_CONCEPTS} concepts`),
    cards: z.array(cardSchema).max(MAX_CARDS, `at most ${MAX_CARDS} cards`),
  })
  .strict();
export type EventsSpec = z.infer<typeof eventsSchema>;

export const keyPersonSchema = z
  .object({
    id,
    name: text,
    /** The person's job, e.g. 'head of pretraining'. */
    title: text,
    role,
    /** Research or product efficiency added while the person stays (0.15 = +15 %). */
    skill: z.number().min(0).max(1),
    /** 0..1: added to the odds of staying when poached. */
    loyalty: z.number().min(0).max(1),
  })
  .strict();
export type KeyPersonSpec = z.infer<typeof keyPersonSchema>;
