// The level file's `market` part (zod): the scaling law and training, the API market with its
// demand, prices and self-hosting, the consumer apps, enterprise deals, talent, funding and exits.
// Every field bounded, with a default equal to today's behaviour where it is optional.

import { z } from 'zod';
import { MAX_QUARTERS } from './limits';
import { int, money, nonNeg, pos, unit, upTo, within } from './schema-kit';

/** A consumer app market, domestic or overseas: the same fields, each market's own values. */
const appMarketSchema = z
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
  .strict();

export const marketSchema = z
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
    domestic: appMarketSchema,
    overseas: appMarketSchema,
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
        /**
         * Extra quarterly attrition per unit of pay below the market (pay multiplier under 1): people
         * paid below the going wage quit for it, poached or not; optional, 0 when absent.
         */
        underpayQuits: upTo(10).default(0),
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
        /** A round that fails is public: the valuation mark is × this (1: no signal). */
        failedRoundMarkdown: unit.default(1),
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
