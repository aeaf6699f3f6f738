// Levels are data. A level file (JSON) is validated with a schema; every wrong field is named
// by its path. Time paths are written as keyframes by quarter label ("2024Q2": 1.0) and are
// resolved at load time into one value per quarter (linear between keyframes, held after the
// last), so the engine reads plain arrays.

import { z } from 'zod';
import type { Card, EventsSpec } from './cards-schema';
import { eventsSchema, keyPersonSchema } from './cards-schema';
import { MAX_COMPANIES, MAX_GIANTS, MAX_KEY_PEOPLE, MAX_QUARTERS } from './limits';
import { POLICIES } from './policy-names';

const QUARTER_LABEL = /^(\d{4})Q([1-4])$/;

const text = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
const nonNeg = z.number().finite().nonnegative();
const pos = z.number().finite().positive();
const unit = z.number().finite().min(0).max(1);
const int = z.number().int();
const money = z.number().int().nonnegative().max(1e12);
/**
 * A number in [lo, hi]. Every parameter has bounds far beyond any sensible value (docs/levels.md,
 * "Limits"), so that no level file, however odd, can push money past exact integers or a formula
 * into a division by almost nothing.
 */
const within = (lo: number, hi: number) => z.number().finite().min(lo).max(hi);
const upTo = (hi: number) => nonNeg.max(hi);

/** A time path: quarter label → value, at least one keyframe and at most one a quarter. */
const path = (value: z.ZodNumber = nonNeg) =>
  z
    .record(z.string().regex(QUARTER_LABEL, 'a quarter label such as "2024Q2"'), value)
    .refine((r) => Object.keys(r).length > 0, 'at least one keyframe')
    .refine((r) => Object.keys(r).length <= MAX_QUARTERS, `at most ${MAX_QUARTERS} keyframes`);

const headcount = int.min(0).max(100_000);
const staff = z.object({ researchers: headcount, engineers: headcount, sales: headcount }).strict();

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

const marketSchema = z
  .object({
    scalingExponent: pos.max(1),
    /** C0 of the scaling curve, in 1e21 FLOP. */
    scalingC0: pos.max(1e9),
    /** Useful FLOP per GPU-hour at normal utilisation, in 1e21 units (1.25e18 → 0.00125). */
    flopPerGpuHour: pos.max(1),
    obsolescence: unit,
    trainingQuarters: int.min(1).max(4),
    /** Researchers a lab needs for its full research efficiency. */
    researchersForFullEfficiency: within(1, 100_000),
    /** Quality points below an open-weights model that a startup's apps can reach by building on it. */
    openModelGap: upTo(100),
    /** Extra quality points an open-weights product trails by with no research team (less as the team nears full strength); optional. */
    openModelTeamGap: upTo(100).default(15),
    /** Spread of a training run's outcome (±, as a share of its compute). */
    runLuck: unit,
    api: z
      .object({
        /** Buyers' utility per quality point. */
        beta: upTo(10),
        /** Buyers' price sensitivity: utility lost per unit of ln(price) (a 1 % dearer offer loses about α % of its buyers). */
        alpha: within(0.01, 100),
        /** Utility of self-hosting open weights beyond its quality and cost. */
        outsideUtility: within(-100, 100),
        /** Self-hosters can always run an open model this many quality points behind the frontier. */
        outsideQualityGap: upTo(100).default(25),
        /** Self-hosting costs this multiple of a conventional provider's serving cost per million tokens. */
        selfHostCostFactor: within(0.01, 1_000).default(3),
        /** Jevons: total demand × (referencePrice / market price)^elasticity. */
        elasticity: nonNeg.max(2),
        referencePrice: within(0.01, 10_000),
        /** The lowest price the market's average (and a buyer's ln price) is taken at, ¥/M tokens. */
        minRefPrice: within(0.01, 10_000),
        startRefPrice: within(0.01, 10_000),
        noise: unit,
        /** Utility gained from developer-platform spending, and the spend (万元) giving half of it. */
        marketingBoost: upTo(100),
        marketingHalf: within(1, 1e9),
        premiumFactor: pos.max(100),
        undercutFactor: pos.max(100),
        /** The lowest price of a big tech's priced offer, ¥/M tokens (its free lite tiers are another product). */
        priceFloor: within(0.01, 10_000).default(0.5),
        /** Share of the remaining gap to a cheaper architecture that big tech and startups close each quarter. */
        costDiffusion: z
          .object({ bigtech: unit.default(0.5), startup: unit.default(0.3) })
          .strict()
          .prefault({}),
      })
      .strict(),
    domestic: z
      .object({
        arpu: upTo(1_000),
        tokensPerUser: upTo(1_000),
        baseChurn: unit,
        gapChurn: upTo(10),
        organicRate: upTo(10),
        adSaturation: within(1, 1e12),
        engineersPerMillionUsers: within(0.01, 10_000),
        /** Chance per quarter of a store or regulatory shock, and the share of users it removes. */
        shockChance: unit,
        shockLoss: unit,
      })
      .strict(),
    overseas: z
      .object({
        arpu: upTo(1_000),
        tokensPerUser: upTo(1_000),
        baseChurn: unit,
        gapChurn: upTo(10),
        organicRate: upTo(10),
        adSaturation: within(1, 1e12),
        engineersPerMillionUsers: within(0.01, 10_000),
        shockChance: unit,
        shockLoss: unit,
      })
      .strict(),
    /**
     * What the two consumer markets share. Optional, like each of its fields: a missing one takes
     * the historical value, so files written before these were named play as before.
     */
    apps: z
      .object({
        /** Spread of the quarter's common CAC draw (× a standard normal, kept within 0.7..1.3). */
        cacNoise: unit.default(0.08),
        /** Quality points behind the best app at which word of mouth stops. */
        qualityPullPoints: within(1, 100).default(15),
        /** Quality points of the gap to the best app that add gapChurn to churn. */
        gapChurnPoints: within(1, 100).default(10),
        /** Extra churn per quarter with no engineering cover at all. */
        understaffedChurn: unit.default(0.1),
        /** Share of the users an ad budget buys that arrive with no engineering cover. */
        adReachUnstaffed: unit.default(0.5),
        /** ARPU earned at quality 0, as a share of arpu… */
        arpuBase: upTo(10).default(0.5),
        /** …and the quality points that add one full arpu to it. */
        arpuQualityPoints: within(1, 1_000).default(100),
      })
      .strict()
      .prefault({}),
    enterprise: z
      .object({
        dealRevenue: money.max(1e7),
        customisationRatio: upTo(100),
        platformCostPerPoint: within(1, 1e9),
        platformDecay: unit,
        engineersPerProject: within(0.01, 10_000),
        qualityFloor: upTo(100),
        // Optional from here on: a missing field takes the historical value.
        /** The most platform standardisation a company can reach. */
        platformMax: unit.default(0.9),
        /** Quality points above qualityFloor that make deals at full quality (factor 1)… */
        qualityRangePoints: within(1, 100).default(20),
        /** …and the most the quality factor reaches further above. */
        qualityFactorMax: upTo(10).default(1.5),
        /** Spread of each company's deal flow (× a standard normal, kept within 0.4..1.6). */
        noise: unit.default(0.2),
        /** The sales team that wins half of the most a company's sales can pull (diminishing returns). */
        salesHalf: within(1, 100_000).default(100),
        /** Pull of big tech and system integrators on the same pool of deals. */
        outsidePull: upTo(100).default(3),
        /** Deals need a model no more than this many points behind the frontier: the floor is max(qualityFloor, frontier − this). */
        qualityFloorGap: upTo(100).default(30),
        /** Deal flow at govTrust 0, and what govTrust 1 adds to it. */
        govTrustBase: upTo(10).default(0.6),
        govTrustWeight: upTo(10).default(0.8),
        /** The most extra customisation cost (× deal cost) an understaffed delivery team causes. */
        overloadMax: upTo(2).default(2),
      })
      .strict(),
    talent: z
      .object({
        baseAttrition: unit,
        gamma: pos.max(100),
        loyaltyBias: within(-100, 100),
        hireFraction: unit,
        severanceQuarters: nonNeg.max(4),
        burnoutGain: z.object({ normal: within(-1, 1), dxz: within(-1, 1), '996': within(-1, 1) }).strict(),
        output: z.object({ normal: pos.max(10), dxz: pos.max(10), '996': pos.max(10) }).strict(),
        burnoutAttrition: unit,
        /** How much pay above the market raises the hiring fill: × (1 + this × the premium); optional. */
        payFillWeight: upTo(10).default(1),
        /** Engineers are approached at this share of the researchers' poaching pressure; optional. */
        engineerPoachShare: unit.default(0.5),
        payMultiplier: z
          .object({ below: pos.max(10), market: pos.max(10), plus25: pos.max(10), plus50: pos.max(10) })
          .strict(),
      })
      .strict(),
    funding: z
      .object({
        /** Investors' value of a model at the frontier (rank score 1), 万元. */
        qualityValue: upTo(1e9),
        /** Users count by what they pay: this multiple of the apps' annualised user revenue. */
        userRevenueMultiple: upTo(1_000).default(8),
        /** Multiple of the last four quarters' revenue. */
        revenueMultiple: upTo(1_000),
        /** How gross margin moves the revenue multiple: × (1 + this × margin), margin −1..1. */
        marginWeight: upTo(10).default(0.5),
        /** Weight of the last mark (the last round's price, then each quarter's) in this quarter's mark: valuations are anchored, not remade each quarter. */
        anchorWeight: unit.default(0.65),
        maxDilutionBp: int.min(100).max(9000),
        baseCloseChance: unit,
        acquisitionRunway: upTo(100),
        acquisitionDiscount: pos.max(2),
        /** Quarters a funding round takes to close after it is opened (0: at the end of the same quarter). */
        closeQuarters: int.min(0).max(2),
        /** Premium a strategic investor's cloud charges over the market GPU price (lock-in). */
        lockInPremium: unit,
        /** Weight of revenue growth (over the same quarter a year before) in valuations; optional, 0.5 when absent. */
        growthWeight: unit.default(0.5),
        /** The smallest year-ago revenue growth is measured against, 万元 a quarter; optional. */
        growthFloorRevenue: money.default(1000),
        // Optional from here on: a missing field takes the historical value.
        /** A valuation below this share of the last round's is a down round… */
        downRoundShare: unit.default(0.8),
        /** …which multiplies the chance the round closes by this. */
        downRoundFactor: unit.default(0.6),
        /** A round's chance is × (tractionBase + tractionRankWeight × rank score + tractionGrowthWeight × growth), kept in 0.2..1.5. */
        tractionBase: upTo(2).default(0.6),
        tractionRankWeight: upTo(2).default(0.4),
        tractionGrowthWeight: upTo(2).default(0.4),
        /** Quarters after a round closes before investors treat the next as a normal round… */
        minRoundGap: int.min(0).max(MAX_QUARTERS).default(3),
        /** …before which its chance is × this… */
        backToBackFactor: unit.default(0.3),
        /** …and its price × this. */
        backToBackDiscount: unit.default(0.8),
        /** The most one round raises at a funding climate of 1, 万元 (× the climate). */
        roundCap: money.default(300_000),
        /** Bankers' and lawyers' fees, basis points of the money raised. */
        roundFeeBp: int.min(0).max(5000).default(300),
        /** The first turn a buy-out offer can come: acquirers want a year of track record. */
        acquisitionEarliestTurn: int.min(0).max(MAX_QUARTERS).default(4),
        /** The bounds of the chance a round closes. */
        minCloseChance: unit.default(0.05),
        maxCloseChance: unit.default(0.95),
        /** Runway (quarters) below which a company is in distress… */
        distressRunway: upTo(100).default(2),
        /** …and the quarters of distress in a row after which a rival may be sold. */
        distressQuarters: int.min(1).max(MAX_QUARTERS).default(2),
        /** Chance a rival in distress is sold in a quarter. */
        distressSaleChance: unit.default(0.25),
        /** Chance a rival out of cash is bought rather than going bankrupt. */
        rescueChance: unit.default(0.5),
      })
      .strict(),
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
type GiantFileSpec = LevelFile['giants'][number];
export type MarketParams = LevelFile['market'];
export type MacroKey = keyof LevelFile['macro'];

/** A card with its trigger quarters resolved to turns. */
export interface LevelCard extends Card {
  /** Scripted: the turn it comes up; random: the first turn it may come up. */
  fromTurn: number;
  /** Scripted: same as fromTurn; random: the last turn it may come up. */
  toTurn: number;
}

export interface GiantSpec extends Omit<GiantFileSpec, 'enters' | 'quality' | 'adSpend' | 'domesticUsers'> {
  entersTurn: number;
  quality: number[];
  adSpend: number[];
  domesticUsers: number[];
}

/** A validated level with every time path resolved to one value per quarter. */
export interface Level extends Omit<LevelFile, 'macro' | 'giants' | 'events'> {
  startYear: number;
  startQuarter: number;
  macro: Record<MacroKey, number[]>;
  giants: GiantSpec[];
  events: Omit<EventsSpec, 'cards'> & { cards: LevelCard[] };
}

export interface LevelError {
  /** Dotted path of the wrong field, e.g. "companies.2.cash". */
  path: string;
  message: string;
}

export type LevelResult = { ok: true; level: Level } | { ok: false; errors: LevelError[] };

function parseLabel(label: string): { year: number; q: number } {
  const m = QUARTER_LABEL.exec(label);
  if (!m) throw new Error(`not a quarter label: ${label}`);
  return { year: Number(m[1]), q: Number(m[2]) };
}

/** Quarter label of a turn index, e.g. 0 → "2023Q1". */
export function quarterLabel(level: Pick<Level, 'startYear' | 'startQuarter'>, turn: number): string {
  const idx = level.startQuarter - 1 + turn;
  return `${level.startYear + Math.floor(idx / 4)}Q${(idx % 4) + 1}`;
}

function turnOf(startYear: number, startQuarter: number, label: string): number {
  const { year, q } = parseLabel(label);
  return (year - startYear) * 4 + (q - startQuarter);
}

/** Linear interpolation between keyframes; held flat before the first and after the last. */
function resolvePath(
  keyframes: Record<string, number>,
  startYear: number,
  startQuarter: number,
  quarters: number,
): number[] {
  const points = Object.entries(keyframes)
    .map(([label, value]) => ({ t: turnOf(startYear, startQuarter, label), value }))
    .sort((a, b) => a.t - b.t);
  const out: number[] = [];
  for (let t = 0; t < quarters; t++) {
    let v = points[0]!.value;
    for (let i = 0; i < points.length; i++) {
      const p = points[i]!;
      if (t >= p.t) {
        const next = points[i + 1];
        v = next && t < next.t ? p.value + ((next.value - p.value) * (t - p.t)) / (next.t - p.t) : p.value;
      }
    }
    out.push(v);
  }
  return out;
}

/** Checks that zod cannot express: unique ids, labels inside the campaign, cross references. */
function crossCheck(file: LevelFile): LevelError[] {
  const errors: LevelError[] = [];
  const { year, q } = parseLabel(file.start);
  const last = file.quarters - 1;
  const ids = new Set<string>();
  const checkId = (id: string, p: string) => {
    if (ids.has(id)) errors.push({ path: p, message: `duplicate id "${id}"` });
    ids.add(id);
  };
  file.companies.forEach((c, i) => {
    checkId(c.id, `companies.${i}.id`);
  });
  file.giants.forEach((g, i) => {
    checkId(g.id, `giants.${i}.id`);
  });
  file.player.companies.forEach((id, i) => {
    if (!file.companies.some((c) => c.id === id))
      errors.push({
        path: `player.companies.${i}`,
        message: `"${id}" is not one of the level's companies (${file.companies.map((c) => c.id).join(', ')})`,
      });
  });
  const checkLabels = (rec: Record<string, number>, p: string) => {
    for (const label of Object.keys(rec)) {
      const t = turnOf(year, q, label);
      if (t < 0 || t > last)
        errors.push({
          path: `${p}.${label}`,
          message: `quarter outside the campaign (${file.start} + ${file.quarters})`,
        });
    }
  };
  for (const [k, rec] of Object.entries(file.macro)) checkLabels(rec, `macro.${k}`);
  const concepts = new Set(file.events.concepts.map((c) => c.id));
  const cardIds = new Set<string>();
  const investors = new Set(file.giants.map((g) => g.id));
  file.events.cards.forEach((card, i) => {
    const p = `events.cards.${i}`;
    if (cardIds.has(card.id)) errors.push({ path: `${p}.id`, message: `duplicate card id "${card.id}"` });
    cardIds.add(card.id);
    if (!concepts.has(card.concept))
      errors.push({
        path: `${p}.concept`,
        message: `unknown concept "${card.concept}" (define it in events.concepts)`,
      });
    const labels =
      card.trigger.kind === 'scripted'
        ? { quarter: card.trigger.quarter }
        : { from: card.trigger.from, to: card.trigger.to };
    for (const [k, label] of Object.entries(labels)) {
      const t = turnOf(year, q, label);
      if (t < 0 || t > last)
        errors.push({ path: `${p}.trigger.${k}`, message: 'quarter outside the campaign' });
    }
    const choiceIds = new Set<string>();
    card.choices.forEach((choice, j) => {
      if (choiceIds.has(choice.id))
        errors.push({ path: `${p}.choices.${j}.id`, message: `duplicate choice id "${choice.id}"` });
      choiceIds.add(choice.id);
      choice.effects.forEach((e, k) => {
        if (e.kind === 'strategic' && !investors.has(e.investor))
          errors.push({
            path: `${p}.choices.${j}.effects.${k}.investor`,
            message: `unknown investor "${e.investor}"`,
          });
      });
    });
    for (const [who, choice] of Object.entries(card.policy)) {
      if (!POLICY_KEYS.includes(who))
        errors.push({
          path: `${p}.policy.${who}`,
          message: `not an archetype or autopilot (${POLICY_KEYS.join(', ')})`,
        });
      if (!choiceIds.has(choice))
        errors.push({ path: `${p}.policy.${who}`, message: `no choice "${choice}" on this card` });
    }
  });
  file.companies.forEach((c, i) => {
    const seen = new Set<string>();
    c.keyPeople.forEach((k, j) => {
      if (seen.has(k.id))
        errors.push({ path: `companies.${i}.keyPeople.${j}.id`, message: `duplicate id "${k.id}"` });
      seen.add(k.id);
    });
  });
  file.giants.forEach((g, i) => {
    checkLabels(g.quality, `giants.${i}.quality`);
    checkLabels(g.adSpend, `giants.${i}.adSpend`);
    checkLabels(g.domesticUsers, `giants.${i}.domesticUsers`);
    const t = turnOf(year, q, g.enters);
    if (t < 0 || t > last)
      errors.push({ path: `giants.${i}.enters`, message: 'quarter outside the campaign' });
  });
  return errors;
}

/** Validates a parsed level file and resolves it. Never throws on bad input. */
export function loadLevel(json: unknown): LevelResult {
  const parsed = levelFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(root)',
        message: issue.message,
      })),
    };
  }
  const file = parsed.data;
  const errors = crossCheck(file);
  if (errors.length > 0) return { ok: false, errors };
  const { year, q } = parseLabel(file.start);
  const res = (rec: Record<string, number>) => resolvePath(rec, year, q, file.quarters);
  const macro = {} as Record<MacroKey, number[]>;
  for (const [k, rec] of Object.entries(file.macro)) macro[k as MacroKey] = res(rec);
  const giants: GiantSpec[] = file.giants.map(({ enters, quality, adSpend, domesticUsers, ...rest }) => ({
    ...rest,
    entersTurn: turnOf(year, q, enters),
    quality: res(quality),
    adSpend: res(adSpend),
    domesticUsers: res(domesticUsers),
  }));
  const cards: LevelCard[] = file.events.cards.map((card) => {
    const tr = card.trigger;
    const from = turnOf(year, q, tr.kind === 'scripted' ? tr.quarter : tr.from);
    const to = tr.kind === 'scripted' ? from : turnOf(year, q, tr.to);
    return { ...card, fromTurn: from, toTurn: to };
  });
  const events = { drawChance: file.events.drawChance, concepts: file.events.concepts, cards };
  return { ok: true, level: { ...file, startYear: year, startQuarter: q, macro, giants, events } };
}

/** One-line summary of level errors for command-line tools. */
export function formatLevelErrors(errors: readonly LevelError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('; ');
}
