// The results screen's cash bridge: how the quarter took the company's cash from where it stood to
// where it ended, in the parts the history records (operating profit, then funding). Pure.

import type { CompanyRecord } from '../engine/index';

export interface CashBridge {
  /** Cash before the quarter's profit and funding, 万元. */
  start: number;
  profit: number;
  funding: number;
  /** Cash at the quarter's end, 万元. */
  end: number;
}

/** The bridge of a company's quarter record: start + profit + funding = end. */
export function cashBridge(rec: Pick<CompanyRecord, 'cash' | 'operatingProfit' | 'funding'>): CashBridge {
  return {
    start: rec.cash - rec.operatingProfit - rec.funding,
    profit: rec.operatingProfit,
    funding: rec.funding,
    end: rec.cash,
  };
}
