// Step 3, talent: hires (limited by how tight the market is), cuts, attrition, poaching, burnout.

import { drawBinomial, stochasticRound } from '../draws';
import { at, attritionRate, hireFillRate, marketWage, payMultiplier, stayProbability } from '../economy';
import type { Level } from '../level';
import { clamp } from '../mathx';
import type { Luck } from '../rng';
import { Purpose, uniform } from '../rng';
import type { Role } from '../types';
import { staffMoved } from './flows';
import type { QuarterWork } from './work';
import { alive, isPlayer, news } from './work';

export interface TalentMove {
  staff: number;
  severance: number;
  poached: number;
  /** Hires signed, people cut, people who left on their own (the flows of the results screen). */
  filled: number;
  cut: number;
  left: number;
}

/** The roles' order in the keys of their draws. */
const ROLE_KEY: Record<Role, number> = { researchers: 0, engineers: 1, sales: 2 };

/**
 * One role's quarter: hires (filled at the market's rate) or cuts (with severance), attrition, then
 * — unless `leave` is negative — poaching, where each person is approached and leaves with
 * probability `leave` (one binomial thinned twice). Writes the results into `out`. Each of the three
 * counts has its own uniform for this company and role.
 */
function moveStaff(
  level: Level,
  turn: number,
  luck: Luck,
  company: number,
  role: Role,
  staff: number,
  h: number,
  fill: number,
  pay: number,
  attrition: number,
  leave: number,
  out: TalentMove,
): void {
  let n = staff;
  out.severance = 0;
  out.filled = 0;
  out.cut = 0;
  const r = ROLE_KEY[role];
  if (h > 0) {
    out.filled = Math.min(h, stochasticRound(uniform(luck, turn, Purpose.hireFill, company, r), h * fill));
    n += out.filled;
  } else if (h < 0) {
    const cut = Math.min(-h, n);
    out.cut = cut;
    n -= cut;
    out.severance = Math.round(
      cut * marketWage(level, turn, role) * pay * level.market.talent.severanceQuarters,
    );
  }
  out.left = drawBinomial(uniform(luck, turn, Purpose.attrition, company, r), n, attrition);
  n -= out.left;
  out.poached = 0;
  if (leave >= 0) {
    out.poached = drawBinomial(uniform(luck, turn, Purpose.poaching, company, r), n, leave);
    n -= out.poached;
  }
  out.staff = Math.max(0, n);
}

export function talent(w: QuarterWork): void {
  const { level, turn, luck, startups, books } = w;
  const t = level.market.talent;
  const poach = at(level.macro.poachPressure, turn);
  const offer = 1 + at(level.macro.poachOffer, turn);
  const stayByPay = new Map<number, number>();
  for (let i = 0; i < startups.length; i++) {
    const s = startups[i]!;
    if (!alive(s)) continue;
    const b = books[i]!;
    const pay = payMultiplier(level, s.plan.payLevel);
    const fill = hireFillRate(level, turn, s.plan.payLevel);
    // The chance to stay depends only on the pay level this quarter: computed once per level.
    let stay = stayByPay.get(pay);
    if (stay === undefined) {
      stay = stayProbability(level, pay, offer);
      stayByPay.set(pay, stay);
    }
    // The roles in a fixed order (the draws follow it); plain property access, not s.staff[role].
    const attrition = attritionRate(level, s.burnout, pay);
    const hires = s.plan.hires;
    const moved: TalentMove = { staff: 0, severance: 0, poached: 0, filled: 0, cut: 0, left: 0 };
    moveStaff(
      level,
      turn,
      luck,
      i,
      'researchers',
      s.staff.researchers,
      hires.researchers,
      fill,
      pay,
      attrition,
      poach * (1 - stay),
      moved,
    );
    s.staff.researchers = moved.staff;
    staffMoved(b.flows.staff.researchers, hires.researchers, moved);
    const poachedResearchers = moved.poached;
    let severance = moved.severance;
    moveStaff(
      level,
      turn,
      luck,
      i,
      'engineers',
      s.staff.engineers,
      hires.engineers,
      fill,
      pay,
      attrition,
      poach * t.engineerPoachShare * (1 - stay),
      moved,
    );
    s.staff.engineers = moved.staff;
    staffMoved(b.flows.staff.engineers, hires.engineers, moved);
    severance += moved.severance;
    moveStaff(level, turn, luck, i, 'sales', s.staff.sales, hires.sales, fill, pay, attrition, -1, moved);
    s.staff.sales = moved.staff;
    staffMoved(b.flows.staff.sales, hires.sales, moved);
    severance += moved.severance;
    b.costBy.severance += severance;
    if (isPlayer(w, s) && poachedResearchers > 0)
      news(w.news, 'news.poached', s.id, { count: poachedResearchers });
    s.burnout = clamp(s.burnout + t.burnoutGain[s.plan.intensity], 0, 1);
    s.plan.hires = { researchers: 0, engineers: 0, sales: 0 };
  }
}
