// Reading one game's history for the calibration rows: a company's records at a quarter or over a
// year (only while it was active), the market's, and the measures the rows are built from (a year's
// sum, a valuation mark, the API share of revenue, the market price, a profitable quarter).

import type { CompanyRecord, QuarterRecord } from '../../engine/types';
import type { Measure } from './types';

/** A quarter label "2024Q3" → a running index (year·4 + quarter − 1), for comparisons. */
export function quarterIndex(label: string): number {
  const m = /^(\d{4})Q([1-4])$/.exec(label);
  if (!m) throw new Error(`not a quarter label: "${label}"`);
  return Number(m[1]) * 4 + Number(m[2]) - 1;
}

export function quarterOf(history: readonly QuarterRecord[], label: string): QuarterRecord | undefined {
  for (const h of history) if (h.quarter === label) return h;
  return undefined;
}

export function recordOf(h: QuarterRecord | undefined, company: string): CompanyRecord | undefined {
  if (!h) return undefined;
  for (const c of h.companies) if (c.id === company) return c;
  return undefined;
}

/** The company's record at a quarter, if it was played and the company was active to its end. */
export function activeAt(
  history: readonly QuarterRecord[],
  label: string,
  company: string,
): CompanyRecord | null {
  const r = recordOf(quarterOf(history, label), company);
  return r && r.status === 'active' ? r : null;
}

/** The company's four records of a year, if all four were played and it was active through them. */
export function yearOf(
  history: readonly QuarterRecord[],
  year: number,
  company: string,
): CompanyRecord[] | null {
  const out: CompanyRecord[] = [];
  for (let q = 1; q <= 4; q++) {
    const r = activeAt(history, `${year}Q${q}`, company);
    if (!r) return null;
    out.push(r);
  }
  return out;
}

/** The market's four records of a year, if all four were played. */
export function marketYear(history: readonly QuarterRecord[], year: number): QuarterRecord[] | null {
  const out: QuarterRecord[] = [];
  for (let q = 1; q <= 4; q++) {
    const h = quarterOf(history, `${year}Q${q}`);
    if (!h) return null;
    out.push(h);
  }
  return out;
}

export function sum<T>(items: readonly T[], f: (x: T) => number): number {
  let s = 0;
  for (const x of items) s += f(x);
  return s;
}

export const yearSum =
  (year: number, f: (r: CompanyRecord) => number): Measure =>
  (history, company) => {
    const rs = yearOf(history, year, company);
    return rs ? sum(rs, f) : null;
  };

export const valuationAt =
  (label: string): Measure =>
  (history, company) =>
    activeAt(history, label, company)?.valuation ?? null;

export const apiShare =
  (year: number): Measure =>
  (history, company) => {
    const rs = yearOf(history, year, company);
    if (!rs) return null;
    const revenue = sum(rs, (r) => r.revenue);
    return revenue > 0 ? sum(rs, (r) => r.revenueBy.api) / revenue : null;
  };

export const marketPrice =
  (label: string): Measure =>
  (history) =>
    quarterOf(history, label)?.marketApiPrice ?? null;

/** 1 when the company had a quarter with operating profit ≥ 0 before `label`, 0 when it had none. */
export const profitBefore =
  (label: string): Measure =>
  (history, company) => {
    const end = quarterIndex(label);
    let last: CompanyRecord | undefined;
    let lastIndex = -1;
    for (const h of history) {
      const i = quarterIndex(h.quarter);
      if (i >= end) break;
      const r = recordOf(h, company);
      if (!r) continue;
      if (r.status === 'active' && r.operatingProfit >= 0) return 1;
      last = r;
      lastIndex = i;
    }
    // No profitable quarter: a fact once the company was gone or the whole span was played.
    if (last && (last.status !== 'active' || lastIndex === end - 1)) return 0;
    return null;
  };
