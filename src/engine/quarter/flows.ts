// The quarter's flows (types.ts CompanyFlows): what moved each company's users, projects, people
// and valuation, recorded by the steps that move them — the apps market (usersMoved), talent
// (staffMoved), finance (valuationParts, the round) — and closed in finance (finishFlows), which
// adds the figures at the quarter's start and end. They explain the books; nothing reads them back.

import type { Fundamentals } from '../economy';
import { fundamentalTerms } from '../economy';
import type { CompanyFlows, StaffFlow, UserFlow, ValuationParts } from '../flow-types';
import type { Level } from '../level';
import type { CompanyRecord, Role, StartupState } from '../types';
import type { Books, QuarterWork } from './work';

const userFlow = (): UserFlow => ({
  previous: 0,
  fromEvents: 0,
  bought: 0,
  organic: 0,
  churned: 0,
  shocked: 0,
  end: 0,
  ads: 0,
  revenue: 0,
  inference: 0,
});

const staffFlow = (): StaffFlow => ({
  previous: 0,
  fromEvents: 0,
  asked: 0,
  filled: 0,
  cut: 0,
  left: 0,
  poached: 0,
  end: 0,
});

export function newFlows(): CompanyFlows {
  return {
    domestic: userFlow(),
    overseas: userFlow(),
    enterprise: { previous: 0, won: 0, finished: 0, end: 0, platform: 0, revenue: 0, customisation: 0 },
    api: { tokens: 0, marketTokens: 0, price: 0, marketing: 0, revenue: 0, inference: 0 },
    staff: { researchers: staffFlow(), engineers: staffFlow(), sales: staffFlow() },
    valuation: {
      previous: 0,
      anchor: 0,
      model: 0,
      users: 0,
      revenue: 0,
      rounding: 0,
      round: 0,
      value: 0,
      climate: 0,
      focus: 0,
      growth: 0,
      rank: 0,
      marginFactor: 0,
    },
    round: null,
  };
}

/** What one consumer market did to a company's users (apps.ts appMarket's outcome, unrounded). */
export interface UsersMoved {
  bought: number;
  organic: number;
  beforeShock: number;
  users: number;
  shock: boolean;
  inference: number;
}

/** Records a consumer market's users bought, won by word of mouth and lost to a shock (whole users). */
export function usersMoved(f: UserFlow, m: UsersMoved, ads: number): void {
  f.bought = Math.round(m.bought);
  f.organic = Math.round(m.organic);
  f.shocked = m.shock ? Math.max(0, Math.round(m.beforeShock) - m.users) : 0;
  f.ads = ads;
  f.inference = m.inference;
}

/** Records one role's hires signed, cuts, attrition and poaching. */
export function staffMoved(
  f: StaffFlow,
  asked: number,
  m: { filled: number; cut: number; left: number; poached: number },
): void {
  f.asked = Math.max(0, asked);
  f.filled = m.filled;
  f.cut = m.cut;
  f.left = m.left;
  f.poached = m.poached;
}

/**
 * The valuation mark's parts (whole 万元): the anchor on the previous mark and the fundamental
 * value's three parts, each weighted as fundamentalValue and valuationMark weigh them; the
 * rounding makes them add up to the mark, and `round` is what a closed round changed.
 */
export function valuationParts(
  level: Level,
  turn: number,
  previous: number,
  quality: number,
  v: Fundamentals,
  mark: number,
  value: number,
): ValuationParts {
  const a = level.market.funding.anchorWeight;
  const x = fundamentalTerms(level, turn, quality, v);
  const weight = (1 - a) * x.climate * x.momentum;
  const anchor = Math.round(a * previous);
  const model = Math.round(weight * (1 - x.focus) * x.modelValue);
  const users = Math.round(weight * (1 - x.focus) * x.userValue);
  const revenue = Math.round(weight * x.focus * x.revenueValue);
  return {
    previous,
    anchor,
    model,
    users,
    revenue,
    rounding: mark - anchor - model - users - revenue,
    round: value - mark,
    value,
    climate: x.climate,
    focus: x.focus,
    growth: v.growth,
    rank: x.rank,
    marginFactor: x.marginFactor,
  };
}

/**
 * Closes a company's flows at the end of finance: the figures of last quarter's record (the
 * level's at the first quarter), what event cards changed since, the quarter's ends, the churn
 * (the rest of the users' count), enterprise projects and the API market.
 */
export function finishFlows(w: QuarterWork, i: number): CompanyFlows {
  const s = w.startups[i]!;
  const start = w.base.startups[i]!;
  const b = w.books[i]!;
  const f = b.flows;
  const last: CompanyRecord | undefined = w.base.history[w.base.history.length - 1]?.companies[i];
  const spec = w.level.companies[i]!;
  closeUsers(
    f.domestic,
    last ? last.domesticUsers : spec.domesticUsers,
    start.domesticUsers,
    s.domesticUsers,
  );
  f.domestic.revenue = b.revenueBy.domestic;
  closeUsers(
    f.overseas,
    last ? last.overseasUsers : spec.overseasUsers,
    start.overseasUsers,
    s.overseasUsers,
  );
  f.overseas.revenue = b.revenueBy.overseas;
  closeStaff(f, 'researchers', last, spec.staff.researchers, start, s);
  closeStaff(f, 'engineers', last, spec.staff.engineers, start, s);
  closeStaff(f, 'sales', last, spec.staff.sales, start, s);
  const e = f.enterprise;
  e.previous = start.enterpriseProjects;
  e.won = s.enterpriseProjects;
  e.finished = start.enterpriseProjects;
  e.end = s.enterpriseProjects;
  e.platform = b.budgetBy.enterprise;
  e.revenue = b.revenueBy.enterprise;
  e.customisation = b.costBy.customisation;
  apiFlow(w, b, s);
  return f;
}

function closeUsers(f: UserFlow, previous: number, start: number, end: number): void {
  f.previous = previous;
  f.fromEvents = start - previous;
  f.end = end;
  // The churn is what the rounding of each flow leaves: the count adds up in whole users.
  let churned = start + f.bought + f.organic - f.shocked - end;
  if (churned < 0) {
    f.organic -= churned;
    churned = 0;
  }
  f.churned = churned;
}

function closeStaff(
  f: CompanyFlows,
  role: Role,
  last: CompanyRecord | undefined,
  initial: number,
  start: StartupState,
  s: StartupState,
): void {
  const r = f.staff[role];
  r.previous = last?.flows ? last.flows.staff[role].end : last ? start.staff[role] : initial;
  r.fromEvents = start.staff[role] - r.previous;
  r.end = s.staff[role];
}

function apiFlow(w: QuarterWork, b: Books, s: StartupState): void {
  const a = b.flows.api;
  a.tokens = b.apiTokens;
  a.marketTokens = w.api.totalTokens;
  a.price = b.apiTokens > 0 ? s.apiPrice : 0;
  a.marketing = b.budgetBy.api;
  a.revenue = b.revenueBy.api;
  a.inference = b.costBy.inference - b.flows.domestic.inference - b.flows.overseas.inference;
}
