// The public bot interface, version 1: what a bot's `decide(view)` is given and what it may return.
// This file is meant to be read by students writing a bot (docs/bots.md explains it in prose); it
// imports nothing, so it can be copied next to a bot written in TypeScript.
//
// Units: money is always an integer number of 万元 (¥10,000); API prices are ¥ per million
// tokens; shares of a whole the player sets are basis points (0..10000) or whole percentages
// where the field says so; quality is 0..100.
//
// Versioning: `view.apiVersion` is BOT_API_VERSION. Within a version fields are only ever added;
// a field renamed, removed or given another meaning makes a new version.

/** The version of the view and command vocabulary described here. */
export const BOT_API_VERSION = 1;

/** How often the runner calls `decide` in one quarter at most (the first call, then while a card waits). */
export const MAX_BOT_CALLS_PER_QUARTER = 3;

/**
 * Commands the runner looks at in one quarter, over all calls (the replay code holds at most 100 a
 * quarter, one of them the runner's end of the quarter). Commands past this are ignored and noted
 * as one rejection.
 */
export const MAX_BOT_COMMANDS_PER_QUARTER = 99;

export type Role = 'researchers' | 'engineers' | 'sales';
export type PayLevel = 'below' | 'market' | 'plus25' | 'plus50';
/** 'dxz' is 大小周 (alternate-Saturday weeks). */
export type Intensity = 'normal' | 'dxz' | '996';
export type PricingMode = 'premium' | 'match' | 'undercut' | 'free' | 'exact';
export type AppMarket = 'domestic' | 'overseas' | 'enterprise' | 'api';
export type Staff = Record<Role, number>;
/** Whole percentages of the applications budget, summing to 100. */
export type AppWeights = Record<AppMarket, number>;

// ---------------------------------------------------------------------------------------------
// Commands: the same vocabulary as the game's own commands and the replay codes. The runner ends
// each quarter itself; a bot's 'quarter/end' is refused (recorded as a rejection). A bot's game
// ends at made it: the game's 'game/play-on' is not a bot command (sent anyway, the rules refuse it
// as 'not-made-it', since a bot is only asked while its game is under way).

export type BotCommand =
  /** The quarter's discretionary budget (compute + applications), 万元; salaries come on top. 0..cash. */
  | { type: 'plan/set-spend'; amount: number }
  /** Pretraining share of the spend (basis points) and how the rest is split between the markets. */
  | { type: 'plan/set-split'; pretrainingBp: number; appWeights: AppWeights }
  /** How the API price is set each quarter; `price` (¥/M tokens, 0..10000) only with mode 'exact'. */
  | { type: 'plan/set-api-price'; mode: PricingMode; price?: number }
  /** Hires (+) or cuts (−) per role this quarter, and the pay level and work intensity. */
  | { type: 'people/set'; hires?: Partial<Staff>; payLevel?: PayLevel; intensity?: Intensity }
  /** Open a funding round asking for `target` 万元 (a positive whole number). */
  | { type: 'money/open-round'; target: number }
  | { type: 'money/cancel-round' }
  /** Sell the company to the bidder: the game ends at once. */
  | { type: 'money/accept-offer'; offerId: string }
  | { type: 'money/decline-offer'; offerId: string }
  /** Answer a pending event card with one of its choices. */
  | { type: 'event/answer'; eventId: string; choiceId: string };

/** A bot: called with a read-only view, returns the commands to apply in order (or nothing). */
export type Decide = (view: BotView) => readonly BotCommand[] | null | undefined;

// ---------------------------------------------------------------------------------------------
// The view. A deep-frozen copy made for each call: changing it throws (a bot's module is strict
// code), and nothing a bot does to it reaches the game.

export interface BotView {
  apiVersion: typeof BOT_API_VERSION;
  quarter: BotQuarter;
  /** The bot's own company. */
  me: BotCompany;
  market: BotMarket;
  /** The other startups, in the level's order, with what anyone can see of them. */
  rivals: BotRival[];
  /** Big tech and DeepSeek. */
  giants: BotGiant[];
  /** Event cards waiting for the bot's answer this quarter. */
  events: BotEvent[];
  /** Offers on the table (buy-outs). */
  offers: BotOffer[];
  level: BotLevel;
}

export interface BotQuarter {
  /** 0 for the level's first quarter. */
  turn: number;
  /** e.g. "2024Q2". */
  label: string;
  /** Quarters left including this one (1 in the last). */
  quartersLeft: number;
  /** Which call of this quarter this is: 1, then 2 and 3 only while a card is still waiting. */
  call: number;
}

export interface BotCompany {
  id: string;
  /** English name. */
  name: string;
  /** 万元. */
  cash: number;
  /**
   * Quarters of cash at last quarter's net burn (cash ÷ (costs − revenue)); 99 when not burning,
   * and in the first quarter (no quarter played yet).
   */
  runway: number;
  /**
   * Quarters of cash if this quarter's planned spend is kept, with this quarter's payroll and last
   * quarter's revenue and variable costs; 99 when not burning. Follows the plan as commands change it.
   */
  plannedRunway: number;
  /** Latest post-money valuation mark, 万元. */
  valuation: number;
  /** Founders' ownership, basis points. */
  ownershipBp: number;
  /** Total raised in funding rounds so far, 万元. */
  raisedTotal: number;
  /** Quality of the released model, 0..100. */
  quality: number;
  /** The training run under way, or null. compute: 1e21 FLOP so far. */
  training: { quarters: number; compute: number } | null;
  modelsReleased: number;
  pretrainingAbandoned: boolean;
  /** Last quarter's API price, ¥/M tokens. */
  apiPrice: number;
  /**
   * What serving a million tokens costs this company this quarter, ¥: the API market and the apps
   * bill this cost, and premium, match and undercut never price below it. It includes the share of
   * a cheaper architecture (a cost shock such as DeepSeek's) the company has adopted so far.
   */
  inferenceCost: number;
  users: { domestic: number; overseas: number };
  enterpriseProjects: number;
  /** 0..1: how standardised the enterprise product is. */
  platform: number;
  staff: Staff;
  headcount: number;
  /** Salaries this quarter at the planned pay level, 万元 (key people's raises not included). */
  payroll: number;
  /** Market wage per person this quarter, 万元. */
  wages: Staff;
  /** 0..1: fatigue from 大小周 / 996. */
  burnout: number;
  keyPeople: BotKeyPerson[];
  /** The strategic investor (a giant's id) the company is tied to, or null. */
  strategic: string | null;
  /** Unused cloud credits, 万元; they pay for compute first. */
  credits: number;
  /** A round under way from an earlier quarter: amount sought and the quarter it closes or fails. */
  round: { target: number; closesTurn: number; closesLabel: string } | null;
  /** The plan in force: it carries over to the next quarter except hires (back to 0) and roundTarget. */
  plan: BotPlan;
  /** Last quarter's books, or null in the first quarter. */
  lastQuarter: BotBooks | null;
  /**
   * "Made it": madeIt.quarters qualifying quarters in a row. A quarter qualifies when its operating
   * profit is ≥ 0, its revenue ≥ madeIt.minRevenue, and the level's profit window (the last year,
   * in historical-2023) ending with it is profitable in sum; `streak` counts them so far.
   */
  madeIt: { streak: number; quarters: number; minRevenue: number };
}

export interface BotKeyPerson {
  id: string;
  name: string;
  /** Job title, e.g. "head of pretraining". */
  title: string;
  role: Role;
  /** false once the person has left. */
  active: boolean;
  /** Raise won in counter-offers (0.5 = +50 %). */
  raise: number;
}

export interface BotPlan {
  spend: number;
  pretrainingBp: number;
  appWeights: AppWeights;
  pricing: { mode: PricingMode; price: number };
  hires: Staff;
  payLevel: PayLevel;
  intensity: Intensity;
  /** A round opened this quarter (万元 sought), or null. */
  roundTarget: number | null;
}

export interface BotBooks {
  label: string;
  revenue: number;
  revenueBy: Record<AppMarket | 'other', number>;
  costs: number;
  costBy: {
    compute: number;
    salaries: number;
    ads: number;
    inference: number;
    customisation: number;
    platform: number;
    severance: number;
    other: number;
  };
  /** revenue − costs. */
  operatingProfit: number;
  /** Money raised (rounds, investors, credits used). */
  funding: number;
  /** API tokens sold, millions. */
  apiTokens: number;
  /** Monthly active users, both app markets. */
  mau: number;
}

export interface BotMarket {
  /** Last quarter's demand-weighted API price, ¥/M tokens ('match' prices against it). */
  apiPrice: number;
  /** The frontier model's quality this quarter (the world's best). */
  frontierQuality: number;
  /** Best released quality among China's startups and DeepSeek last quarter. */
  bestInChina: number;
  /** Multiplier on valuations and on the chance a round closes (1 = normal). */
  fundingClimate: number;
  /** A typical startup's cost of serving a million tokens this quarter, ¥ (a cost factor of 1, the cheaper architecture adopted so far included). */
  inferenceCost: number;
  /** ¥ per GPU-hour this quarter. */
  gpuHourPrice: number;
}

export interface BotRival {
  id: string;
  name: string;
  status: 'active' | 'bankrupt' | 'acquired';
  quality: number;
  apiPrice: number;
  users: { domestic: number; overseas: number };
  /** How its cash looks from outside (runway ≥ 8, ≥ 3, below), or null once it is gone. */
  cash: 'healthy' | 'tight' | 'critical' | null;
  pretrainingAbandoned: boolean;
  strategic: string | null;
}

export interface BotGiant {
  id: string;
  name: string;
  kind: 'bigtech' | 'deepseek';
  /** false before it enters the market. */
  active: boolean;
  quality: number;
  /** ¥/M tokens (0: a free tier). */
  apiPrice: number;
  domesticUsers: number;
}

export interface BotEvent {
  /** Use this as eventId, e.g. "price-war@2024Q2". */
  id: string;
  /** The card's id in the level. */
  card: string;
  title: string;
  text: string;
  choices: { id: string; label: string; tradeoff: string }[];
}

export interface BotOffer {
  /** Use this as offerId, e.g. "acq-5". */
  id: string;
  kind: 'acquisition';
  /** The bidder (a giant's id). */
  from: string;
  /** Price for the whole company, 万元 (the founders get their share). */
  amount: number;
  /** Last turn the offer stands. */
  expiresTurn: number;
}

export interface BotLevel {
  id: string;
  version: number;
  name: string;
  /** Label of the first quarter. */
  start: string;
  /** Number of quarters in the campaign. */
  quarters: number;
  /** Which markets exist: a closed market's app weight must be 0. */
  markets: Record<AppMarket, boolean>;
  /** Quarters a round takes to close after the quarter it is opened in (0: at that quarter's end). */
  roundCloseQuarters: number;
  /** 'premium' prices at apiPrice × premiumFactor, 'undercut' at × undercutFactor (not below cost). */
  pricing: { premiumFactor: number; undercutFactor: number; minPrice: number };
  limits: {
    /** Highest exact API price, ¥/M tokens. */
    maxApiPrice: number;
    /** Largest hire (or cut) per role in one command. */
    maxHires: number;
    /** Largest round target, 万元. */
    maxRoundTarget: number;
    callsPerQuarter: number;
    commandsPerQuarter: number;
  };
}
