// The game's state, commands and results. Plain JSON-safe data only (no classes, Maps,
// cycles) so a state can be saved, hashed, replayed and sent to a worker unchanged.
//
// Units used everywhere in the engine:
// - money: integer 万元 (¥10,000). cash(t+1) = cash(t) + revenue − costs + funding, exactly.
// - API prices: ¥ per million tokens (float, ≥ 0); token volumes: millions of tokens.
// - training compute: effective FLOP in units of 1e21 (float).
// - users: monthly active users (integer people).
// - shares and ownership of a whole: basis points (integer 0..10000) where the player sets them.

export type Role = 'researchers' | 'engineers' | 'sales';
export const ROLES: readonly Role[] = ['researchers', 'engineers', 'sales'];

export type PayLevel = 'below' | 'market' | 'plus25' | 'plus50';
export const PAY_LEVELS: readonly PayLevel[] = ['below', 'market', 'plus25', 'plus50'];

/** 大小周 is 'dxz' (alternate-Saturday weeks). */
export type Intensity = 'normal' | 'dxz' | '996';
export const INTENSITIES: readonly Intensity[] = ['normal', 'dxz', '996'];

export type PricingMode = 'premium' | 'match' | 'undercut' | 'free' | 'exact';
export const PRICING_MODES: readonly PricingMode[] = ['premium', 'match', 'undercut', 'free', 'exact'];

export type AppMarket = 'domestic' | 'overseas' | 'enterprise' | 'api';
export const APP_MARKETS: readonly AppMarket[] = ['domestic', 'overseas', 'enterprise', 'api'];

/** Integer percentages of the applications budget, summing to 100. */
export type AppWeights = Record<AppMarket, number>;

export type Staff = Record<Role, number>;

/** Revenue lines: the four markets and one-off income from event cards. */
export type RevenueLine = AppMarket | 'other';

export interface Pricing {
  mode: PricingMode;
  /** Used when mode is 'exact'; ¥ per million tokens. */
  price: number;
}

/** What a company decides for one quarter. */
export interface Plan {
  /** Discretionary budget this quarter (compute + applications), integer 万元. Salaries come on top. */
  spend: number;
  /** Share of the spend that buys pretraining compute, basis points 0..10000. */
  pretrainingBp: number;
  appWeights: AppWeights;
  pricing: Pricing;
  /** Signed hires (+) or cuts (−) per role, applied at the start of the quarter. */
  hires: Staff;
  payLevel: PayLevel;
  intensity: Intensity;
  /** A funding round opened this quarter: target amount in 万元, or null. */
  roundTarget: number | null;
}

export type CompanyStatus = 'active' | 'bankrupt' | 'acquired';

export interface TrainingRun {
  /** Effective compute accumulated so far (1e21 FLOP). */
  compute: number;
  /** Quarters of training done so far. */
  quarters: number;
}

export interface StartupState {
  id: string;
  status: CompanyStatus;
  cash: number;
  /** Founders' ownership, basis points. */
  ownershipBp: number;
  /** Latest valuation mark (post-money), 万元. */
  valuation: number;
  /** Post-money valuation of the last closed round, 万元. */
  lastRoundValuation: number;
  /** The turn in which the last round closed (negative: before the level's first quarter). */
  lastRoundTurn: number;
  raisedTotal: number;
  /** Effective training-compute stock behind the released model (1e21 FLOP), after obsolescence. */
  computeStock: number;
  /** Quality of the released model, 0..100. */
  quality: number;
  run: TrainingRun | null;
  modelsReleased: number;
  pretrainingAbandoned: boolean;
  staff: Staff;
  /** 0..1: accumulated fatigue from 大小周 / 996. */
  burnout: number;
  apiPrice: number;
  domesticUsers: number;
  overseasUsers: number;
  /** 0..1: how standardised the enterprise product is (cuts per-deal customisation). */
  platform: number;
  /** Enterprise projects in delivery. */
  enterpriseProjects: number;
  /** Strategic investor (cloud) the company is tied to, or null. */
  strategic: string | null;
  /** Unused cloud credits from a strategic investor, 万元; they pay for compute first. */
  credits: number;
  /** Consecutive quarters with too little runway (rivals' policies read it). */
  distress: number;
  /** A funding round under way: the amount sought and the turn at whose end it closes or fails. */
  round: { target: number; closesTurn: number } | null;
  /** Named key people (ids from the level) and whether they are still here. */
  keyPeople: KeyPersonState[];
  /** Time-limited effects of event cards. */
  modifiers: Modifier[];
  /** Money moved by event choices this quarter, booked when the quarter ends (万元). */
  eventBooks: { income: number; cost: number; funding: number };
  /** Ids of one-time random cards this company has already faced. */
  cardsSeen: string[];
  /**
   * Stances taken through event cards (e.g. "match the price war", "go 996"). A rival's policy
   * keeps them over its archetype's defaults; the player's plan already carries them.
   */
  stance: Stance;
  /** Quarters in a row that counted toward made-it (quarter/made-it.ts: madeItTest). */
  profitStreak: number;
  /** Turn in which its streak first reached the level's madeItQuarters, or null. */
  madeItTurn: number | null;
  /** Quarters in which it had the best model among the startups and DeepSeek. */
  frontierFame: number;
  /** The plan in force: the player's plan being edited, or a rival's last plan. */
  plan: Plan;
}

export interface KeyPersonState {
  id: string;
  active: boolean;
  /** Pay raise won in counter-offers (0.5 = +50 %), paid every quarter while the person stays. */
  raise: number;
}

export type ModifierTarget = 'cacDomestic' | 'cacOverseas' | 'arpuOverseas' | 'enterpriseDemand' | 'research';

export interface Modifier {
  target: ModifierTarget;
  factor: number;
  /** Last turn it applies. */
  untilTurn: number;
  /** The card it came from. */
  source: string;
}

/**
 * Positions a company took through event cards, which its policy honours afterwards; null where it
 * took none. The engine always writes all five keys (one object shape; null survives JSON, where
 * an undefined key would not); a stance read from elsewhere may leave keys out.
 */
export interface Stance {
  pricing?: Pricing | null;
  intensity?: Intensity | null;
  payLevel?: PayLevel | null;
  appWeights?: AppWeights | null;
  pretrainingBp?: number | null;
}

/** Big tech and DeepSeek: deep pockets, never bankrupt, scripted quality, rule-driven prices. */
export interface GiantState {
  id: string;
  active: boolean;
  quality: number;
  apiPrice: number;
  domesticUsers: number;
  /** Ad spend this quarter, 万元 (pushes up the cost of acquiring users). */
  adSpend: number;
  /** Running total of cloud margin gained from tokens sold (万元): the cross-subsidy. */
  cloudGain: number;
}

/** Offers on the table (strategic investors come as event cards). */
export type OfferKind = 'acquisition';

export interface Offer {
  id: string;
  kind: OfferKind;
  /** Who offers (a giant's id). */
  from: string;
  /** Price for the whole company, 万元. */
  amount: number;
  /** Last turn the offer stands. */
  expiresTurn: number;
}

/**
 * Every news key the engine emits: NewsItem's key is one of them, so news made with any other key
 * does not compile, and the app's translation tables are checked against this list
 * (src/app/i18n.test.ts).
 */
export const NEWS_KEYS = [
  'news.abandonPretraining',
  'news.acquisitionOffer',
  'news.bankrupt',
  'news.domesticShock',
  'news.frontierFame',
  'news.giantEnters',
  'news.gpuShortage',
  'news.keyPersonLeft',
  'news.keyPersonStayed',
  'news.madeIt',
  'news.modelReleased',
  'news.overseasShock',
  'news.poached',
  'news.rivalAcquired',
  'news.rivalChoice',
  'news.roundClosed',
  'news.roundFailed',
  'news.strategicDeal',
] as const;
export type NewsKey = (typeof NEWS_KEYS)[number];

export interface NewsItem {
  /** Translation key, e.g. 'news.roundClosed'. */
  key: NewsKey;
  /** Who it is about (company or giant id), or '' for the market. */
  subject: string;
  params: Record<string, number | string>;
}

export type EndingKind = 'made-it' | 'out-of-money' | 'acquired' | 'times-up';

export interface Ending {
  kind: EndingKind;
  /** Turn index in which the game ended. */
  turn: number;
  score: number;
}

export interface PendingEvent {
  /** Unique per game: the card id and the quarter it came up, e.g. "price-war@2024Q2". */
  id: string;
  /** The card in the level's events. */
  card: string;
  /** Valid choice ids. */
  choices: string[];
}

/** The hidden outcome of an answered card (e.g. whether a poached researcher stayed). */
export interface EventAnswer {
  id: string;
  choice: string;
  /** Key-person outcomes: who was approached and whether they stayed. */
  outcome?: { person: string; stayed: boolean };
}

/** One company's line in the quarter's history (for charts, the runner and the debrief). */
export interface CompanyRecord {
  id: string;
  status: CompanyStatus;
  cash: number;
  revenue: number;
  costs: number;
  operatingProfit: number;
  funding: number;
  revenueBy: Record<RevenueLine, number>;
  costBy: CostBreakdown;
  apiPrice: number;
  apiTokens: number;
  quality: number;
  mau: number;
  domesticUsers: number;
  overseasUsers: number;
  enterpriseProjects: number;
  headcount: number;
  pretrainingShare: number;
  valuation: number;
  ownershipBp: number;
  flows: import('./flow-types').CompanyFlows | null; // what moved the player's quarter; null: a rival, or out of the game
}

export interface CostBreakdown {
  compute: number;
  salaries: number;
  ads: number;
  inference: number;
  customisation: number;
  platform: number;
  severance: number;
  /** One-off costs of event choices (security work, customisation of a one-off deal, bonuses). */
  other: number;
}

export interface GiantRecord {
  id: string;
  quality: number;
  apiPrice: number;
  apiShare: number;
}

export interface QuarterRecord {
  turn: number;
  quarter: string;
  marketApiPrice: number;
  apiTokens: number;
  outsideShare: number;
  frontierQuality: number;
  cac: number;
  companies: CompanyRecord[];
  giants: GiantRecord[];
  events: EventAnswer[];
  news: NewsItem[];
  hash: string;
}

export interface MarketState {
  /** Demand-weighted API price of the last quarter (¥/M tokens); buyers judge prices against it. */
  refPrice: number;
  /** Total domestic ad spend of the last quarter (万元); bids up the cost of acquiring users at home. */
  adSpend: number;
  /** The startups' total overseas ad spend of the last quarter (万元); bids up the overseas CAC. */
  overseasAdSpend: number;
  /** Best released quality among the startups and DeepSeek last quarter. */
  bestDomesticQuality: number;
}

export interface GameState {
  rulesVersion: number;
  levelId: string;
  levelVersion: number;
  seed: number;
  /** Index of the quarter being planned (0 = the level's first quarter). */
  turn: number;
  playerId: string;
  ending: Ending | null;
  /**
   * The score of the made-it ending the player played on from (game/play-on): the game's score
   * whatever happens after, so that playing on is a look at 2025–26, never a second try at par.
   * null in a game that did not play on.
   */
  keptScore: number | null;
  market: MarketState;
  /** The level's startups, in the level's order (the player's among them). */
  startups: StartupState[];
  giants: GiantState[];
  offers: Offer[];
  pendingEvents: PendingEvent[];
  /** Event answers given this quarter (recorded in history). */
  answered: EventAnswer[];
  /** News produced by the last quarter's resolution. */
  news: NewsItem[];
  history: QuarterRecord[];
}

// ---------------------------------------------------------------------------------------
// Commands, their rejection codes and results: ./commands.ts (one job a file), re-exported here.

export * from './commands';
