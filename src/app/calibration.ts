// The game-vs-real calibration table of the historical level (`npm run calibrate`): what the six
// startups' books look like when each is played by its own archetype, next to what the real
// companies reported. Method: for every seed and every one of the six, one game in which that
// company is a RIVAL (the player is the next company in the level's list, on the balanced
// autopilot); the company's figures come from its records in that game, and a row's game figure is
// the median over the seeds. Market rows (the CAC, the API price) pool all the games played.
//
// The row definitions are one table (ROWS): id, label, how the game figure is measured, the real
// figure or range and where it comes from. `tableOf` is pure arithmetic over game histories (tested
// on hand-built ones); `calibrationTable` plays the games and applies it.

import type { Level, PolicyName } from '../engine/index';
import { median, playGame, RULES_VERSION } from '../engine/index';
import type { CompanyRecord, QuarterRecord } from '../engine/types';
import { money } from './format';

/** Bump when a row, a real figure or the method changes, so that stored tables are not compared across. */
export const CALIBRATION_VERSION = 1;

/** The six companies the real figures are about; a level must have all of them. */
export const CALIBRATION_COMPANIES = ['zhipu', 'minimax', 'moonshot', 'baichuan', '01ai', 'stepfun'] as const;

/** The quarters the rows read: a level must cover them. */
export const CALIBRATION_FIRST_QUARTER = '2023Q1';
export const CALIBRATION_LAST_QUARTER = '2024Q4';

/** The autopilot on the player's company in every calibration game. */
export const CALIBRATION_PLAYER_POLICY: PolicyName = 'balanced';

/** A game figure passes within this factor of the real one. */
export const TOLERANCE = 2;

/** Seeds played by default: 1..DEFAULT_SEEDS. */
export const DEFAULT_SEEDS = 50;

/**
 * How a figure reads: money in 万元, ¥ per user, ¥ per million tokens, a share 0..1, a plain
 * multiple.
 */
export type Unit = 'money' | 'yuanPerUser' | 'price' | 'share' | 'times';

/** The real figure: a point, a range, a floor ("more than"), or none (shown for context only). */
export type Real =
  | { kind: 'point'; value: number }
  | { kind: 'range'; min: number; max: number }
  | { kind: 'floor'; min: number }
  | { kind: 'none' };

/** One game's figure for a row, or null when the game has none (the company gone, the quarter not played). */
type Measure = (history: readonly QuarterRecord[], company: string) => number | null;

export interface RowSpec {
  id: string;
  label: string;
  unit: Unit;
  /** The company whose figures these are (measured in the games where it is a rival), or null for the market. */
  company: string | null;
  /** How the game figure is measured, in words. */
  measured: string;
  real: Real;
  /** Where the real figure comes from. */
  source: string;
  /** How the games' figures combine: their median, or the share of games where the figure is 1. */
  combine: 'median' | 'share';
  measure: Measure;
}

export interface CalibrationRow {
  id: string;
  label: string;
  unit: Unit;
  company: string | null;
  /** The games' median (or share); null (n/a) when fewer than half the games gave a figure. */
  game: number | null;
  real: Real;
  /**
   * game / real: to the point figure; to the nearest end of a range (1 inside it); to a floor.
   * Null when there is no game figure, no real one, or the real figure is 0.
   */
  ratio: number | null;
  /** Within TOLERANCE of the real figure (see passes); null (n/a) when either is missing. */
  pass: boolean | null;
  /** Games that gave a figure, of the games measured. */
  n: number;
  games: number;
  measured: string;
  source: string;
}

/** One played game, kept for the table: whose figures it is for, and its history. */
export interface CalibrationGame {
  seed: number;
  /** The company whose figures this game gives (a rival in it); market rows read every game. */
  subject: string;
  playerId: string;
  history: readonly QuarterRecord[];
}

// --- Reading histories ------------------------------------------------------------------------------

/** A quarter label "2024Q3" → a running index (year·4 + quarter − 1), for comparisons. */
export function quarterIndex(label: string): number {
  const m = /^(\d{4})Q([1-4])$/.exec(label);
  if (!m) throw new Error(`not a quarter label: "${label}"`);
  return Number(m[1]) * 4 + Number(m[2]) - 1;
}

function quarterOf(history: readonly QuarterRecord[], label: string): QuarterRecord | undefined {
  for (const h of history) if (h.quarter === label) return h;
  return undefined;
}

function recordOf(h: QuarterRecord | undefined, company: string): CompanyRecord | undefined {
  if (!h) return undefined;
  for (const c of h.companies) if (c.id === company) return c;
  return undefined;
}

/** The company's record at a quarter, if it was played and the company was active to its end. */
function activeAt(history: readonly QuarterRecord[], label: string, company: string): CompanyRecord | null {
  const r = recordOf(quarterOf(history, label), company);
  return r && r.status === 'active' ? r : null;
}

/** The company's four records of a year, if all four were played and it was active through them. */
function yearOf(history: readonly QuarterRecord[], year: number, company: string): CompanyRecord[] | null {
  const out: CompanyRecord[] = [];
  for (let q = 1; q <= 4; q++) {
    const r = activeAt(history, `${year}Q${q}`, company);
    if (!r) return null;
    out.push(r);
  }
  return out;
}

/** The market's four records of a year, if all four were played. */
function marketYear(history: readonly QuarterRecord[], year: number): QuarterRecord[] | null {
  const out: QuarterRecord[] = [];
  for (let q = 1; q <= 4; q++) {
    const h = quarterOf(history, `${year}Q${q}`);
    if (!h) return null;
    out.push(h);
  }
  return out;
}

function sum<T>(items: readonly T[], f: (x: T) => number): number {
  let s = 0;
  for (const x of items) s += f(x);
  return s;
}

const yearSum =
  (year: number, f: (r: CompanyRecord) => number): Measure =>
  (history, company) => {
    const rs = yearOf(history, year, company);
    return rs ? sum(rs, f) : null;
  };

const valuationAt =
  (label: string): Measure =>
  (history, company) =>
    activeAt(history, label, company)?.valuation ?? null;

const apiShare =
  (year: number): Measure =>
  (history, company) => {
    const rs = yearOf(history, year, company);
    if (!rs) return null;
    const revenue = sum(rs, (r) => r.revenue);
    return revenue > 0 ? sum(rs, (r) => r.revenueBy.api) / revenue : null;
  };

const marketPrice =
  (label: string): Measure =>
  (history) =>
    quarterOf(history, label)?.marketApiPrice ?? null;

/** 1 when the company had a quarter with operating profit ≥ 0 before `label`, 0 when it had none. */
const profitBefore =
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

// --- The rows -----------------------------------------------------------------------------------------

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

// --- The arithmetic -----------------------------------------------------------------------------------

/** game / real (see CalibrationRow.ratio). */
export function ratioOf(game: number | null, real: Real): number | null {
  if (game === null) return null;
  switch (real.kind) {
    case 'point':
      return real.value === 0 ? null : game / real.value;
    case 'range':
      if (game < real.min) return real.min === 0 ? null : game / real.min;
      if (game > real.max) return real.max === 0 ? null : game / real.max;
      return 1;
    case 'floor':
      return real.min === 0 ? null : game / real.min;
    case 'none':
      return null;
  }
}

/**
 * Within TOLERANCE: a point figure from value/T to value·T (a point of 0 only by 0 itself), a range
 * widened to min/T..max·T, a floor lowered to min/T. Null when there is nothing to compare.
 */
export function passes(game: number | null, real: Real, tolerance = TOLERANCE): boolean | null {
  if (game === null) return null;
  switch (real.kind) {
    case 'point':
      return real.value >= 0
        ? game >= real.value / tolerance && game <= real.value * tolerance
        : game <= real.value / tolerance && game >= real.value * tolerance;
    case 'range':
      return game >= real.min / tolerance && game <= real.max * tolerance;
    case 'floor':
      return game >= real.min / tolerance;
    case 'none':
      return null;
  }
}

/** One row from the games' figures (null where a game gave none). */
export function rowOf(spec: RowSpec, figures: readonly (number | null)[]): CalibrationRow {
  const values = figures.filter((x): x is number => x !== null);
  const games = figures.length;
  const enough = values.length > 0 && 2 * values.length >= games;
  const game = !enough
    ? null
    : spec.combine === 'median'
      ? median(values)
      : sum(values, (x) => x) / values.length;
  return {
    id: spec.id,
    label: spec.label,
    unit: spec.unit,
    company: spec.company,
    game,
    real: spec.real,
    ratio: ratioOf(game, spec.real),
    pass: passes(game, spec.real),
    n: values.length,
    games,
    measured: spec.measured,
    source: spec.source,
  };
}

/**
 * The table from played games: a company's rows read the games played for it (its `subject`) in
 * which it is a rival, one figure each; market rows read every game.
 */
export function tableOf(
  games: readonly CalibrationGame[],
  rows: readonly RowSpec[] = ROWS,
): CalibrationRow[] {
  return rows.map((spec) => {
    const company = spec.company;
    const used =
      company === null ? games : games.filter((g) => g.subject === company && g.playerId !== company);
    return rowOf(
      spec,
      used.map((g) => spec.measure(g.history, company ?? '')),
    );
  });
}

// --- Playing ------------------------------------------------------------------------------------------

/** Why the calibration cannot be run on this level, or null when it can. */
export function calibrationLevelProblem(level: Level): string | null {
  const ids = new Set(level.companies.map((c) => c.id));
  const missing = CALIBRATION_COMPANIES.filter((c) => !ids.has(c));
  if (missing.length > 0) return `it lacks the companies the real figures are about (${missing.join(', ')})`;
  const start = level.startYear * 4 + level.startQuarter - 1;
  if (
    quarterIndex(CALIBRATION_FIRST_QUARTER) < start ||
    quarterIndex(CALIBRATION_LAST_QUARTER) >= start + level.quarters
  )
    return `it does not cover ${CALIBRATION_FIRST_QUARTER}–${CALIBRATION_LAST_QUARTER}`;
  if (level.player.companies.length < 2)
    return 'it offers the player a single company, so none can be a rival';
  return null;
}

/** The player's company in the game played for `subject`'s figures: the next company in the level's list. */
export function calibrationPlayer(level: Level, subject: string): string {
  const list = level.player.companies;
  const i = list.indexOf(subject);
  const player = list[(i + 1) % list.length]!;
  if (player === subject) throw new Error(`no company other than ${subject} for the player`);
  return player;
}

/** Plays one game per seed and company of CALIBRATION_COMPANIES, each company a rival on its archetype. */
export function playCalibrationGames(
  level: Level,
  seeds: readonly number[],
  onGame?: (done: number, total: number) => void,
): CalibrationGame[] {
  const problem = calibrationLevelProblem(level);
  if (problem) throw new Error(`level ${level.id} cannot be calibrated: ${problem}`);
  const total = seeds.length * CALIBRATION_COMPANIES.length;
  const out: CalibrationGame[] = [];
  for (const seed of seeds)
    for (const subject of CALIBRATION_COMPANIES) {
      const playerId = calibrationPlayer(level, subject);
      const { state } = playGame(level, seed, playerId, CALIBRATION_PLAYER_POLICY);
      out.push({ seed, subject, playerId, history: state.history });
      onGame?.(out.length, total);
    }
  return out;
}

/** The calibration table of a level over these seeds. */
export function calibrationTable(
  level: Level,
  seeds: readonly number[],
  onGame?: (done: number, total: number) => void,
): CalibrationRow[] {
  return tableOf(playCalibrationGames(level, seeds, onGame));
}

// --- Output -------------------------------------------------------------------------------------------

export const METHOD =
  'rivals on their own archetypes: for every seed and each of the six, one game in which that company is a ' +
  `rival played by its archetype policy (the player: the next company in the level's list, on the ` +
  `${CALIBRATION_PLAYER_POLICY} autopilot). A company's row is the median over the seeds of its figures in ` +
  'those games; market rows are the median over all games; the profit rows are shares of seeds.';

export interface CalibrationDoc {
  calibrationVersion: number;
  rulesVersion: number;
  level: string;
  levelVersion: number;
  /** The seeds played, 1..count (written as tournament --json writes them). */
  seeds: { count: number; first: number; last: number };
  games: number;
  method: string;
  tolerance: number;
  /** Rows that passed, failed, and could not be compared. */
  summary: { pass: number; fail: number; na: number };
  rows: CalibrationRow[];
}

export function summaryOf(rows: readonly CalibrationRow[]): CalibrationDoc['summary'] {
  let pass = 0;
  let fail = 0;
  let na = 0;
  for (const r of rows)
    if (r.pass === true) pass++;
    else if (r.pass === false) fail++;
    else na++;
  return { pass, fail, na };
}

/** The `--json` document. */
export function calibrationDoc(
  level: Level,
  seeds: readonly number[],
  rows: readonly CalibrationRow[],
): CalibrationDoc {
  return {
    calibrationVersion: CALIBRATION_VERSION,
    rulesVersion: RULES_VERSION,
    level: level.id,
    levelVersion: level.version,
    seeds: { count: seeds.length, first: seeds[0] ?? 0, last: seeds[seeds.length - 1] ?? 0 },
    games: seeds.length * CALIBRATION_COMPANIES.length,
    method: METHOD,
    tolerance: TOLERANCE,
    summary: summaryOf(rows),
    rows: [...rows],
  };
}

/** A figure in its unit: ¥M / ¥B, ¥ per user, ¥ per million tokens, %, ×. */
export function formatFigure(unit: Unit, x: number): string {
  switch (unit) {
    case 'money':
      return money('en', Math.round(x));
    case 'yuanPerUser':
      return `¥${x.toFixed(1)}`;
    case 'price':
      return `¥${x.toFixed(x < 10 ? 3 : 1)}/Mtok`;
    case 'share':
      return `${(x * 100).toFixed(1)}%`;
    case 'times':
      return `${x.toFixed(1)}×`;
  }
}

export function formatReal(unit: Unit, real: Real): string {
  switch (real.kind) {
    case 'point':
      return formatFigure(unit, real.value);
    case 'range':
      return `${formatFigure(unit, real.min)}–${formatFigure(unit, real.max)}`;
    case 'floor':
      return `> ${formatFigure(unit, real.min)}`;
    case 'none':
      return '—';
  }
}

const verdict = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'PASS' : 'FAIL');

/** The printed table: aligned columns, then the summary and the notes. */
export function formatCalibrationTable(
  level: Level,
  seeds: readonly number[],
  rows: readonly CalibrationRow[],
): string {
  const head = ['row', 'game', 'real', 'game/real', 'n', 'result'];
  const body = rows.map((r) => [
    r.label,
    r.game === null ? 'n/a' : formatFigure(r.unit, r.game),
    formatReal(r.unit, r.real),
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
    `${r.n}/${r.games}`,
    verdict(r.pass),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const s = summaryOf(rows);
  const seedText = seeds.length > 1 ? `seeds ${seeds[0]}…${seeds[seeds.length - 1]}` : `seed ${seeds[0]}`;
  const cac = ROWS.find((r) => r.id === 'domestic-cac-2024')!;
  return [
    `calibration v${CALIBRATION_VERSION}  level ${level.id} v${level.version}  rules v${RULES_VERSION}  ${seedText} (${seeds.length})  ${seeds.length * CALIBRATION_COMPANIES.length} games`,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
    `${s.pass} pass, ${s.fail} fail, ${s.na} n/a`,
    '',
    `method: ${METHOD}`,
    `result: PASS within ${TOLERANCE}× of a point figure, inside a range widened ${TOLERANCE}× (min/${TOLERANCE}..max·${TOLERANCE}), ` +
      `or at least a floor/${TOLERANCE}; a real 0 % is met only by 0 %. game/real: to the point, to the nearest end ` +
      'of a range (1.00 inside), to the floor.',
    'n: games that gave a figure; n/a when fewer than half did (the company was gone, or the quarters were not played).',
    `domestic cost per user: ${cac.measured}`,
    '',
  ].join('\n');
}
