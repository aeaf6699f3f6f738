// The calibration rows (data): for each, the game figure's measure and the real figure or range the
// startups reported, with its source, in print order.

import {
  apiShare,
  marketPrice,
  marketYear,
  profitBefore,
  quarterOf,
  sum,
  valuationAt,
  yearOf,
  yearSum,
} from './measures';
import type { RowSpec } from './types';
import { CALIBRATION_COMPANIES } from './types';

/** Money in 万元 from ¥ millions / billions, for the real figures below. */
const M = (yuanMillions: number) => yuanMillions * 100;
const B = (yuanBillions: number) => yuanBillions * 100_000;

const NAMES: Record<(typeof CALIBRATION_COMPANIES)[number], string> = {
  zhipu: 'Zhipu',
  minimax: 'MiniMax',
  moonshot: 'Moonshot',
  baichuan: 'Baichuan',
  '01ai': '01.AI',
  stepfun: 'StepFun',
};

const PROSPECTUS_ZHIPU =
  'Zhipu (Knowledge Atlas) Hong Kong listing prospectus, 2025: audited revenue and loss';
const PROSPECTUS_MINIMAX =
  'MiniMax Hong Kong listing prospectus, 2025: audited revenue and loss in US$, at ≈ ¥7.1/$';

function revenueRow(company: 'zhipu' | 'minimax', year: number, real: number, source: string): RowSpec {
  return {
    id: `${company}-revenue-${year}`,
    label: `${NAMES[company]} revenue ${year}`,
    unit: 'money',
    company,
    measured: `sum of the company's revenue over ${year}Q1–Q4 (active through ${year}Q4)`,
    real: { kind: 'point', value: real },
    source,
    combine: 'median',
    measure: yearSum(year, (r) => r.revenue),
  };
}

function lossRow(company: 'zhipu' | 'minimax', real: number, source: string): RowSpec {
  return {
    id: `${company}-loss-2024`,
    label: `${NAMES[company]} operating loss 2024`,
    unit: 'money',
    company,
    measured: 'minus the sum of the operating profit over 2024Q1–Q4 (active through 2024Q4)',
    real: { kind: 'point', value: real },
    source,
    combine: 'median',
    measure: yearSum(2024, (r) => -r.operatingProfit),
  };
}

function valuationRow(
  company: (typeof CALIBRATION_COMPANIES)[number],
  quarter: string,
  min: number,
  source: string,
): RowSpec {
  return {
    id: `${company}-valuation-${quarter.toLowerCase()}`,
    label: `${NAMES[company]} valuation ${quarter}`,
    unit: 'money',
    company,
    measured: `the valuation mark in the ${quarter} record (active at its end)`,
    real: { kind: 'floor', min },
    source,
    combine: 'median',
    measure: valuationAt(quarter),
  };
}

function apiShareRow(company: 'zhipu' | 'minimax'): RowSpec {
  return {
    id: `${company}-api-share-2024`,
    label: `${NAMES[company]} API share of revenue 2024`,
    unit: 'share',
    company,
    measured: 'API revenue over 2024Q1–Q4 / all revenue over 2024Q1–Q4 (active through 2024Q4)',
    real: { kind: 'range', min: 0.1, max: 0.35 },
    source:
      'Zhipu and MiniMax prospectuses, 2025: the API / open-platform line is a minority of 2024 revenue (target band 10–35 %)',
    combine: 'median',
    measure: apiShare(2024),
  };
}

function profitRow(company: (typeof CALIBRATION_COMPANIES)[number]): RowSpec {
  return {
    id: `${company}-profit-before-2025`,
    label: `${NAMES[company]} profitable quarter before 2025`,
    unit: 'share',
    company,
    measured:
      'share of the seeds in which the company, active, had a quarter with operating profit ≥ 0 before 2025Q1',
    real: { kind: 'point', value: 0 },
    source:
      'none of the six reported an operating profit in 2023 or 2024 (prospectuses, funding-round reports)',
    combine: 'share',
    measure: profitBefore('2025Q1'),
  };
}

/** The calibration rows, in print order. */
export const ROWS: readonly RowSpec[] = [
  revenueRow('zhipu', 2023, M(125), `${PROSPECTUS_ZHIPU}: revenue ≈ ¥125M in 2023`),
  revenueRow('zhipu', 2024, M(312), `${PROSPECTUS_ZHIPU}: revenue ≈ ¥312M in 2024`),
  lossRow('zhipu', B(2.96), `${PROSPECTUS_ZHIPU}: loss ≈ ¥2.96B in 2024`),
  valuationRow(
    'zhipu',
    '2024Q4',
    B(20),
    'reports of Zhipu’s late-2024 funding round: valued above ¥20B (pass at ≥ ¥10B)',
  ),
  revenueRow('minimax', 2023, M(25), `${PROSPECTUS_MINIMAX}: revenue ≈ ¥25M in 2023`),
  revenueRow('minimax', 2024, M(220), `${PROSPECTUS_MINIMAX}: revenue ≈ ¥220M in 2024`),
  lossRow('minimax', B(3.3), `${PROSPECTUS_MINIMAX}: loss ≈ ¥3.3B in 2024`),
  valuationRow(
    'minimax',
    '2024Q1',
    B(18),
    'reports of MiniMax’s March 2024 round led by Alibaba: valued above $2.5B ≈ ¥18B',
  ),
  {
    id: 'moonshot-valuation-2024',
    label: 'Moonshot valuation 2024 (peak)',
    unit: 'money',
    company: 'moonshot',
    measured: 'the highest valuation mark of 2024Q1–Q4 (active through 2024Q4)',
    real: { kind: 'point', value: B(24) },
    source: 'reports of Moonshot’s 2024 rounds (Alibaba, then Tencent in August): valued ≈ $3.3B ≈ ¥24B',
    combine: 'median',
    measure: (history, company) => {
      const rs = yearOf(history, 2024, company);
      if (!rs) return null;
      let best = rs[0]!.valuation;
      for (const r of rs) best = Math.max(best, r.valuation);
      return best;
    },
  },
  {
    id: 'moonshot-ads-2024',
    label: 'Moonshot ad spend 2024',
    unit: 'money',
    company: 'moonshot',
    measured: 'sum of the ad cost line (costBy.ads) over 2024Q1–Q4 (active through 2024Q4)',
    real: { kind: 'range', min: B(0.5), max: B(1.5) },
    source: 'press and ad-tracking estimates of Kimi’s 2024 user-acquisition spending: ¥0.5–1.5B',
    combine: 'median',
    measure: yearSum(2024, (r) => r.costBy.ads),
  },
  valuationRow(
    'baichuan',
    '2024Q3',
    B(20),
    'reports of Baichuan’s July 2024 Series A (¥5B raised): valued above ¥20B',
  ),
  valuationRow('01ai', '2023Q4', B(7), 'reports of 01.AI’s November 2023 round: a unicorn, above $1B ≈ ¥7B'),
  {
    id: 'domestic-cac-2024',
    label: 'Domestic cost per user 2024',
    unit: 'yuanPerUser',
    company: null,
    measured:
      "approximation: acquisitionCost(level, state, 'domestic') on the state at the start of each 2024 " +
      'quarter (the going price of one user bought at home, which each quarter record keeps as `cac`), ' +
      'mean of the four quarters. It is before the quarter’s CAC noise, event modifiers and the ad reach ' +
      'lost to an understaffed app team, so it is a lower bound of what an advertiser paid per user bought. ' +
      'Median over all games.',
    real: { kind: 'range', min: 10, max: 50 },
    source: 'industry estimates of 2024 AI-assistant user-acquisition cost in China: ¥10–50 per user',
    combine: 'median',
    measure: (history) => {
      const hs = marketYear(history, 2024);
      return hs ? sum(hs, (h) => h.cac) / hs.length : null;
    },
  },
  apiShareRow('zhipu'),
  apiShareRow('minimax'),
  {
    id: 'api-price-2024q1',
    label: 'Market API price 2024Q1',
    unit: 'price',
    company: null,
    measured: 'the demand-weighted market API price of 2024Q1 (marketApiPrice); median over all games',
    real: { kind: 'none' },
    source: 'no single real figure: list prices of flagship models were ≈ ¥100 per million tokens (context)',
    combine: 'median',
    measure: marketPrice('2024Q1'),
  },
  {
    id: 'api-price-2024q4',
    label: 'Market API price 2024Q4',
    unit: 'price',
    company: null,
    measured: 'the demand-weighted market API price of 2024Q4 (marketApiPrice); median over all games',
    real: { kind: 'floor', min: 0.3 },
    source: 'after the May 2024 price war, the cheapest mainstream tiers sold at ≈ ¥0.3–1 per million tokens',
    combine: 'median',
    measure: marketPrice('2024Q4'),
  },
  {
    id: 'api-price-fall-2024',
    label: 'API price fall 2024Q1 / 2024Q4',
    unit: 'times',
    company: null,
    measured: 'each game’s market API price of 2024Q1 divided by its 2024Q4 price; median over all games',
    real: { kind: 'range', min: 50, max: 200 },
    source: 'the 2024 price war: list prices fell from ≈ ¥100 to ≈ ¥0.5–2 per million tokens (50–200×)',
    combine: 'median',
    measure: (history) => {
      const a = quarterOf(history, '2024Q1')?.marketApiPrice;
      const b = quarterOf(history, '2024Q4')?.marketApiPrice;
      return a !== undefined && b !== undefined && b > 0 ? a / b : null;
    },
  },
  ...CALIBRATION_COMPANIES.map(profitRow),
];
