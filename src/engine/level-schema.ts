// The level file's schema (zod): the level's frame (id, version, start, quarters, the player's
// companies, the markets that exist, the endings), its companies, giants and macro time paths; the
// market part is market-schema.ts and the events cards-schema.ts. Objects are strict: a file cannot
// carry a field the schema lacks.

import { z } from 'zod';
import { eventsSchema, keyPersonSchema } from './cards-schema';
import { MAX_COMPANIES, MAX_GIANTS, MAX_KEY_PEOPLE, MAX_QUARTERS } from './limits';
import { marketSchema } from './market-schema';
import { POLICIES } from './policy-names';
import { int, money, nonNeg, path, pos, QUARTER_LABEL, staff, text, unit, upTo, within } from './schema-kit';

export const ARCHETYPES = [
  'enterprise-gov',
  'overseas-consumer',
  'domestic-consumer',
  'cost-efficient',
  'pretraining-heavy',
] as const;
export type Archetype = (typeof ARCHETYPES)[number];

/** Who a card's `policy` map may name: the rivals' archetypes and the player's autopilots. */
export const POLICY_KEYS: readonly string[] = [...ARCHETYPES, ...POLICIES];

const companySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'lowercase id'),
    name: text,
    profile: text,
    archetype: z.enum(ARCHETYPES),
    difficulty: int.min(1).max(5),
    color: z.string().regex(/^#[0-9a-f]{6}$/i, 'a colour such as "#3366cc"'),
    cash: money,
    valuation: money,
    ownershipBp: int.min(0).max(10000),
    computeStock: upTo(1e9),
    staff,
    researchEfficiency: pos.max(2),
    inferenceCostFactor: pos.max(5),
    /**
     * Multiplier on the overseas cost of acquiring a user: know-how, brand and the sanctions risk
     * of selling abroad (1 when absent).
     */
    overseasCacFactor: within(0.2, 5).default(1),
    /**
     * Quarters of runway the company's budget keeps when it is a rival, in place of its archetype's
     * (optional: the archetype's own when absent).
     */
    rivalRunwayTarget: within(1, 40).optional(),
    govTrust: unit,
    domesticUsers: int.min(0).max(1e10),
    overseasUsers: int.min(0).max(1e10),
    platform: unit,
    apiPrice: upTo(10_000),
    /** Named key people (fictional people in real roles) whom rivals try to poach. */
    keyPeople: z.array(keyPersonSchema).max(MAX_KEY_PEOPLE, `at most ${MAX_KEY_PEOPLE} key people`),
  })
  .strict();

const giantSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'lowercase id'),
    name: text,
    kind: z.enum(['bigtech', 'deepseek']),
    color: z.string().regex(/^#[0-9a-f]{6}$/i, 'a colour such as "#3366cc"'),
    /** First quarter it sells API tokens. */
    enters: z.string().regex(QUARTER_LABEL),
    quality: path(upTo(100)),
    /** 万元 per quarter of consumer-app advertising. */
    adSpend: path(upTo(1e9)),
    domesticUsers: path(upTo(1e10)),
    inferenceCostFactor: pos.max(5),
    /** Sells through its own cloud: each million tokens carries cloud margin (cross-subsidy). */
    cloud: z.boolean(),
    /** Price set at entry, ¥/M tokens. */
    launchPrice: upTo(10_000),
    /** Cost-plus markup for cost-plus pricers (DeepSeek), e.g. 0.25 = 25 %. */
    markup: nonNeg.max(10),
    /**
     * Serving cost of its architecture relative to the conventional one (1). Below 1 it is a cost
     * shock: from its entry the others' serving costs move toward it (market.api.costDiffusion).
     * Optional, 1 when absent.
     */
    architectureFactor: within(0.01, 1).default(1),
    /** Publishes open weights that any startup can build its apps on. */
    openWeights: z.boolean(),
    strategicInvestor: z.boolean(),
  })
  .strict();

const macroSchema = z
  .object({
    /** ¥ per effective H800-class GPU-hour (purchase amortised or rented). */
    gpuHourPrice: path(within(0.01, 10_000)),
    /** Millions of GPU-hours one startup can buy in a quarter (export controls, scarcity). */
    gpuSupply: path(pos.max(1e6)),
    /** Multiplier on useful FLOP per GPU-hour from better algorithms. */
    algoEfficiency: path(pos.max(10_000)),
    /** ¥ per million tokens served by a typical startup. */
    inferenceCost: path(pos.max(1_000)),
    /** Potential API demand at the reference price, millions of tokens per quarter. */
    apiDemand: path(pos.max(1e10)),
    /** Big tech's cloud margin gained per million tokens sold, ¥ (the cross-subsidy k·m). */
    cloudSubsidy: path(upTo(1_000)),
    frontierQuality: path(upTo(100)),
    /** Base cost of acquiring one user, ¥. */
    cacDomestic: path(within(0.1, 10_000)),
    cacOverseas: path(within(0.1, 10_000)),
    /** Enterprise deals on offer to the startups and their outside rivals per quarter (the pool). */
    enterpriseDemand: path(upTo(100_000)),
    /** Multiplier on valuations and on the chance a round closes. */
    fundingClimate: path(pos.max(10)),
    /** 0..1: investors' weight on revenue rather than model rank. */
    revenueFocus: path(unit),
    /** 万元 per person per quarter at market pay. */
    wageResearcher: path(pos.max(1_000)),
    wageEngineer: path(pos.max(1_000)),
    wageSales: path(pos.max(1_000)),
    /** 0..1: how hard it is to hire (non-competes, hundred-model war). */
    talentTightness: path(unit),
    /** Share of researchers approached by rivals each quarter. */
    poachPressure: path(unit),
    /** Pay premium rivals offer when they poach (0.5 = +50 %). */
    poachOffer: path(upTo(5)),
  })
  .strict();

export const levelFileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'lowercase id'),
    version: int.min(1),
    name: text,
    brief: text,
    start: z.string().regex(QUARTER_LABEL, 'a quarter label such as "2023Q1"'),
    quarters: int.min(1).max(MAX_QUARTERS, `at most ${MAX_QUARTERS} quarters`),
    player: z
      .object({
        companies: z.array(z.string()).min(1).max(MAX_COMPANIES, `at most ${MAX_COMPANIES} companies`),
      })
      .strict(),
    macro: macroSchema,
    market: marketSchema,
    companies: z.array(companySchema).min(1).max(MAX_COMPANIES, `at most ${MAX_COMPANIES} companies`),
    giants: z.array(giantSchema).max(MAX_GIANTS, `at most ${MAX_GIANTS} giants`),
    /** Which markets exist in this level (a teaching level may have the API market only). */
    markets: z
      .object({ domestic: z.boolean(), overseas: z.boolean(), enterprise: z.boolean(), api: z.boolean() })
      .strict(),
    events: eventsSchema,
    endings: z
      .object({
        /** Profitable quarters in a row that count as "made it". */
        madeItQuarters: int.min(1).max(8),
        /** Minimum quarterly revenue (万元) of a made-it business. */
        madeItMinRevenue: money,
        /** …and the quarters, that one included, whose operating profit together must be ≥ 0 (a profitable year); optional. */
        madeItWindow: int.min(1).max(8).default(4),
        /** Score added per quarter of frontier fame, 万元. */
        fameHonour: money,
        /** Score added for making it (a profitable business is the goal), 万元. */
        madeItHonour: money,
        /** Times up: the runway (quarters) at which the final value counts in full; optional. */
        fullValueRunway: within(0.25, MAX_QUARTERS).default(4),
        /** Times up: the share of the final value counted with no runway at all; optional. */
        noRunwayValue: unit.default(0.5),
      })
      .strict(),
  })
  .strict();

export type LevelFile = z.infer<typeof levelFileSchema>;
export type CompanySpec = LevelFile['companies'][number];
export type GiantFileSpec = LevelFile['giants'][number];
export type MarketParams = LevelFile['market'];
export type MacroKey = keyof LevelFile['macro'];
