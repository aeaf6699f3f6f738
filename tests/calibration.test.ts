// The calibration tool (src/app/calibration/, scripts/calibrate.ts): its rows, the arithmetic of
// its medians, shares and pass rules on hand-built histories, how it plays the games, its JSON
// document and its command line. Whether the current game passes is not checked here.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CalibrationGame, CalibrationRow } from '../src/app/calibration';
import {
  CALIBRATION_COMPANIES,
  CALIBRATION_VERSION,
  calibrationDoc,
  calibrationLevelProblem,
  calibrationPlayer,
  calibrationTable,
  formatCalibrationTable,
  formatFigure,
  passes,
  playCalibrationGames,
  quarterIndex,
  ROWS,
  ratioOf,
  tableOf,
} from '../src/app/calibration';
import { getLevel } from '../src/app/levels';
import { createGame, economy, foldLog, playGame, RULES_VERSION } from '../src/engine/index';
import type { CompanyRecord, CompanyStatus, GameState, QuarterRecord } from '../src/engine/types';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// --- Hand-built histories -------------------------------------------------------------------------------

interface Line {
  status?: CompanyStatus;
  revenue?: number;
  costs?: number;
  api?: number;
  ads?: number;
  valuation?: number;
}

function record(id: string, l: Line): CompanyRecord {
  const revenue = l.revenue ?? 0;
  const costs = l.costs ?? 0;
  return {
    id,
    status: l.status ?? 'active',
    cash: 0,
    revenue,
    costs,
    operatingProfit: revenue - costs,
    funding: 0,
    revenueBy: { domestic: revenue - (l.api ?? 0), overseas: 0, enterprise: 0, api: l.api ?? 0, other: 0 },
    costBy: {
      compute: costs - (l.ads ?? 0),
      salaries: 0,
      ads: l.ads ?? 0,
      inference: 0,
      customisation: 0,
      platform: 0,
      severance: 0,
      other: 0,
    },
    apiPrice: 1,
    apiTokens: 0,
    quality: 50,
    mau: 0,
    domesticUsers: 0,
    overseasUsers: 0,
    enterpriseProjects: 0,
    headcount: 0,
    pretrainingShare: 0,
    valuation: l.valuation ?? 0,
    ownershipBp: 5000,
    flows: null,
  };
}

const LABELS = ['2023Q1', '2023Q2', '2023Q3', '2023Q4', '2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1'];

/**
 * A history from one line per company per quarter (a function of the quarter's label); quarters
 * after `until` are not played. Every company loses money unless its line says otherwise.
 */
function history(
  lines: Record<string, (q: string) => Line>,
  market: (q: string) => { price?: number; cac?: number } = () => ({}),
  until = '2025Q1',
): QuarterRecord[] {
  return LABELS.filter((q) => quarterIndex(q) <= quarterIndex(until)).map((q, turn) => ({
    turn,
    quarter: q,
    marketApiPrice: market(q).price ?? 10,
    apiTokens: 0,
    outsideShare: 0,
    frontierQuality: 80,
    cac: market(q).cac ?? 30,
    companies: CALIBRATION_COMPANIES.map((id) => record(id, { costs: 100, ...lines[id]?.(q) })),
    giants: [],
    events: [],
    news: [],
    hash: '',
  }));
}

const game = (seed: number, subject: string, h: QuarterRecord[], playerId = 'stepfun'): CalibrationGame => ({
  seed,
  subject,
  playerId,
  history: h,
});

const rowById = (rows: readonly CalibrationRow[], id: string) => {
  const r = rows.find((x) => x.id === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
};

// --- Rows ---------------------------------------------------------------------------------------------------

describe('calibration rows', () => {
  it('has every row of the brief, once each, with a label, a method and a source', () => {
    const ids = ROWS.map((r) => r.id);
    expect(ids).toEqual([
      'zhipu-revenue-2023',
      'zhipu-revenue-2024',
      'zhipu-loss-2024',
      'zhipu-valuation-2024q4',
      'minimax-revenue-2023',
      'minimax-revenue-2024',
      'minimax-loss-2024',
      'minimax-valuation-2024q1',
      'moonshot-valuation-2024',
      'moonshot-ads-2024',
      'baichuan-valuation-2024q3',
      '01ai-valuation-2023q4',
      'domestic-cac-2024',
      'zhipu-api-share-2024',
      'minimax-api-share-2024',
      'api-price-2024q1',
      'api-price-2024q4',
      'api-price-fall-2024',
      ...CALIBRATION_COMPANIES.map((c) => `${c}-profit-before-2025`),
    ]);
    for (const r of ROWS) {
      expect(r.label.length).toBeGreaterThan(0);
      expect(r.measured.length).toBeGreaterThan(10);
      expect(r.source.length).toBeGreaterThan(10);
    }
  });

  it('holds the real figures in 万元 (¥M·100) and ¥', () => {
    const real = (id: string) => ROWS.find((r) => r.id === id)!.real;
    expect(real('zhipu-revenue-2023')).toEqual({ kind: 'point', value: 12_500 });
    expect(real('zhipu-loss-2024')).toEqual({ kind: 'point', value: 296_000 });
    expect(real('zhipu-valuation-2024q4')).toEqual({ kind: 'floor', min: 2_000_000 });
    expect(real('moonshot-ads-2024')).toEqual({ kind: 'range', min: 50_000, max: 150_000 });
    expect(real('domestic-cac-2024')).toEqual({ kind: 'range', min: 10, max: 50 });
    expect(real('api-price-fall-2024')).toEqual({ kind: 'range', min: 50, max: 200 });
  });
});

// --- Arithmetic ---------------------------------------------------------------------------------------------

describe('pass rule and ratio', () => {
  it('passes a point figure within 2× either way', () => {
    const real = { kind: 'point', value: 100 } as const;
    expect(passes(50, real)).toBe(true);
    expect(passes(200, real)).toBe(true);
    expect(passes(49.9, real)).toBe(false);
    expect(passes(200.1, real)).toBe(false);
    expect(passes(-100, real)).toBe(false);
    expect(ratioOf(150, real)).toBe(1.5);
    // A negative point (a loss written as a profit) widens the same way.
    expect(passes(-150, { kind: 'point', value: -100 })).toBe(true);
    expect(passes(-250, { kind: 'point', value: -100 })).toBe(false);
  });

  it('widens a range by 2× at both ends; the ratio is to its nearest end', () => {
    const real = { kind: 'range', min: 10, max: 50 } as const;
    expect(passes(5, real)).toBe(true);
    expect(passes(100, real)).toBe(true);
    expect(passes(4.9, real)).toBe(false);
    expect(passes(101, real)).toBe(false);
    expect(ratioOf(30, real)).toBe(1);
    expect(ratioOf(5, real)).toBe(0.5);
    expect(ratioOf(125, real)).toBe(2.5);
  });

  it('passes a floor from half of it; a real 0 only with 0; nothing without a figure', () => {
    expect(passes(10, { kind: 'floor', min: 20 })).toBe(true);
    expect(passes(9.9, { kind: 'floor', min: 20 })).toBe(false);
    expect(ratioOf(5, { kind: 'floor', min: 20 })).toBe(0.25);
    expect(passes(0, { kind: 'point', value: 0 })).toBe(true);
    expect(passes(0.02, { kind: 'point', value: 0 })).toBe(false);
    expect(ratioOf(0, { kind: 'point', value: 0 })).toBeNull();
    expect(passes(3, { kind: 'none' })).toBeNull();
    expect(passes(null, { kind: 'point', value: 1 })).toBeNull();
    expect(ratioOf(null, { kind: 'floor', min: 1 })).toBeNull();
  });
});

describe('the table from hand-built histories', () => {
  // Zhipu's 2023 revenue is 4 × its quarterly revenue; four games give 400, 1200, 800, 2000.
  const zhipuGames = [100, 300, 200, 500].map((perQuarter, i) =>
    game(
      i + 1,
      'zhipu',
      history({
        zhipu: (q) => ({
          revenue: perQuarter,
          costs: q.startsWith('2024') ? 1000 : 100 + perQuarter,
          api: q.startsWith('2024') ? perQuarter / 4 : 0,
          valuation: q === '2024Q4' ? 1_000_000 * (i + 1) : 0,
          // Bankrupt in 2024Q3 in the last game: no 2024 figures, and never profitable.
          status: i === 3 && quarterIndex(q) >= quarterIndex('2024Q3') ? 'bankrupt' : 'active',
        }),
      }),
    ),
  );
  // A game in which Zhipu is the player does not count for Zhipu's rows.
  const zhipuAsPlayer = game(9, 'zhipu', history({ zhipu: () => ({ revenue: 99_999, costs: 0 }) }), 'zhipu');
  const rows = tableOf([...zhipuGames, zhipuAsPlayer]);

  it('takes the median over the games played for the company, leaving out a game where it is the player', () => {
    const r = rowById(rows, 'zhipu-revenue-2023');
    expect(r.games).toBe(4);
    expect(r.n).toBe(4);
    // Sorted 400, 800, 1200, 2000: the mean of the middle two.
    expect(r.game).toBe(1000);
    expect(r.ratio).toBeCloseTo(1000 / 12_500, 12);
    expect(r.pass).toBe(false);
  });

  it('leaves out a company gone during the year, and takes the median of the rest', () => {
    const revenue = rowById(rows, 'zhipu-revenue-2024');
    expect(revenue.n).toBe(3);
    expect(revenue.games).toBe(4);
    expect(revenue.game).toBe(4 * 200);
    const loss = rowById(rows, 'zhipu-loss-2024');
    // Loss = 4 × (1000 − revenue): 3600, 2800, 3200 → 3200.
    expect(loss.game).toBe(3200);
    const share = rowById(rows, 'zhipu-api-share-2024');
    expect(share.game).toBeCloseTo(0.25, 12);
    expect(share.pass).toBe(true);
    const valuation = rowById(rows, 'zhipu-valuation-2024q4');
    // 1M, 2M, 3M 万元 (the bankrupt game has none): the median, 2M 万元 = ¥20B, passes the floor.
    expect(valuation.game).toBe(2_000_000);
    expect(valuation.pass).toBe(true);
  });

  it('is n/a when fewer than half the games give a figure, and for companies with no game', () => {
    const gone = [1, 2, 3].map((seed) =>
      game(seed, 'baichuan', history({ baichuan: () => ({ status: 'bankrupt' }) })),
    );
    const alive = game(4, 'baichuan', history({ baichuan: () => ({ valuation: 3_000_000 }) }));
    const r = rowById(tableOf([...gone, alive]), 'baichuan-valuation-2024q3');
    expect(r.n).toBe(1);
    expect(r.games).toBe(4);
    expect(r.game).toBeNull();
    expect(r.ratio).toBeNull();
    expect(r.pass).toBeNull();
    // Half is enough.
    const half = rowById(tableOf([...gone.slice(0, 1), alive]), 'baichuan-valuation-2024q3');
    expect(half.game).toBe(3_000_000);
    expect(rowById(rows, 'moonshot-valuation-2024').games).toBe(0);
    expect(rowById(rows, 'moonshot-valuation-2024').game).toBeNull();
  });

  it('counts the share of games with a profitable quarter before 2025 (none in 2025, none while gone)', () => {
    const g = (seed: number, line: (q: string) => Line, until?: string) =>
      game(seed, 'minimax', history({ minimax: line }, undefined, until));
    const games = [
      g(1, (q) => (q === '2024Q2' ? { revenue: 100, costs: 100 } : {})), // break-even counts
      g(2, (q) => (q === '2025Q1' ? { revenue: 500, costs: 100 } : {})), // too late
      g(3, (q) => (q === '2024Q4' ? { status: 'bankrupt', revenue: 500, costs: 100 } : {})), // gone
      g(4, () => ({})),
      g(5, () => ({}), '2024Q2'), // not played to the end, still active: unknown
    ];
    const r = rowById(tableOf(games), 'minimax-profit-before-2025');
    expect(r.games).toBe(5);
    expect(r.n).toBe(4);
    expect(r.game).toBe(0.25);
    expect(r.pass).toBe(false);
  });

  it('pools every game for market rows; the price fall is the median of each game’s own ratio', () => {
    const prices = [
      [100, 1],
      [50, 2],
      [200, 0.5],
    ] as const;
    const games = prices.map(([q1, q4], i) =>
      game(
        i + 1,
        CALIBRATION_COMPANIES[i]!,
        history({}, (q) => ({
          price: q === '2024Q1' ? q1 : q === '2024Q4' ? q4 : 10,
          cac: q.startsWith('2024') ? 10 * (i + 1) + (quarterIndex(q) % 4) : 5,
        })),
      ),
    );
    const rows = tableOf(games);
    expect(rowById(rows, 'api-price-2024q1').game).toBe(100);
    expect(rowById(rows, 'api-price-2024q4').game).toBe(1);
    // Ratios 100, 25, 400 → 100.
    const fall = rowById(rows, 'api-price-fall-2024');
    expect(fall.games).toBe(3);
    expect(fall.game).toBe(100);
    expect(fall.pass).toBe(true);
    // CAC: the mean of 2024's four quarters (x0, x1, x2, x3 → x + 1.5): 11.5, 21.5, 31.5 → 21.5.
    expect(rowById(rows, 'domestic-cac-2024').game).toBe(21.5);
  });

  it('takes each game’s price ratio, not the ratio of the median prices', () => {
    const games = [
      [100, 1],
      [100, 4],
      [10, 0.1],
      [10, 1],
    ].map(([q1, q4], i) =>
      game(
        i + 1,
        'zhipu',
        history({}, (q) => ({ price: q === '2024Q1' ? q1 : q === '2024Q4' ? q4 : 10 })),
      ),
    );
    const rows = tableOf(games);
    // Ratios 100, 25, 100, 10 → median 62.5; medians of the prices: 55 / 1 = 55.
    expect(rowById(rows, 'api-price-fall-2024').game).toBe(62.5);
  });
});

// --- Playing ------------------------------------------------------------------------------------------------

describe('playing the calibration games', () => {
  const level = getLevel('historical-2023');

  it('accepts the levels with the six companies over 2023–2024, and refuses the others', () => {
    expect(calibrationLevelProblem(level)).toBeNull();
    expect(calibrationLevelProblem(getLevel('cheap-compute'))).toBeNull();
    expect(calibrationLevelProblem(getLevel('bertrand-lab'))).toMatch(/lacks the companies/);
    expect(calibrationLevelProblem(getLevel('attrition'))).toMatch(/lacks the companies/);
  });

  it('plays each company as a rival, the player being the next company of the list', () => {
    const games = playCalibrationGames(level, [3, 4]);
    expect(games.map((g) => `${g.seed}:${g.subject}`)).toEqual(
      [3, 4].flatMap((s) => CALIBRATION_COMPANIES.map((c) => `${s}:${c}`)),
    );
    for (const g of games) {
      expect(g.playerId).not.toBe(g.subject);
      expect(g.playerId).toBe(calibrationPlayer(level, g.subject));
      const list = level.player.companies;
      expect(list.indexOf(g.playerId)).toBe((list.indexOf(g.subject) + 1) % list.length);
      expect(g.history.length).toBeGreaterThanOrEqual(8);
    }
    // The game is exactly the balanced autopilot's game on that company.
    const first = games[0]!;
    const again = playGame(level, first.seed, first.playerId, 'balanced').state.history;
    expect(first.history.map((h) => h.hash)).toEqual(again.map((h) => h.hash));
  });

  it('fills every row from one seed: one game per company row, six per market row', () => {
    const rows = calibrationTable(level, [1]);
    expect(rows.map((r) => r.id)).toEqual(ROWS.map((r) => r.id));
    for (const r of rows) expect(r.games).toBe(r.company === null ? CALIBRATION_COMPANIES.length : 1);
    expect(rowById(rows, 'zhipu-revenue-2024').game).toBeGreaterThan(0);
  });

  it("reads the domestic CAC from each quarter's record: acquisitionCost on the state the quarter started from", () => {
    const { log } = playGame(level, 7, 'moonshot', 'balanced');
    const created = createGame(level, 7, 'moonshot');
    if (!created.ok) throw new Error(created.error.message);
    let before: GameState = created.state;
    let checked = 0;
    const folded = foldLog(level, created.state, log, {
      onCommand: (_i, cmd, state) => {
        if (cmd.type === 'quarter/end') {
          const h = state.history[state.history.length - 1]!;
          expect(h.cac).toBe(economy.acquisitionCost(level, before, 'domestic'));
          checked++;
        }
        before = state;
      },
    });
    expect(folded.ok).toBe(true);
    expect(checked).toBeGreaterThanOrEqual(8);
  });
});

// --- Output -------------------------------------------------------------------------------------------------

describe('output', () => {
  const level = getLevel('historical-2023');
  const games = [1, 2].flatMap((seed) =>
    CALIBRATION_COMPANIES.map((c) =>
      game(
        seed,
        c,
        history({ [c]: () => ({ revenue: 5000, valuation: 1_500_000, ads: 20_000, costs: 30_000 }) }),
        calibrationPlayer(level, c),
      ),
    ),
  );
  const rows = tableOf(games);

  it('writes the JSON document with the versions, the seeds and every row', () => {
    const doc = JSON.parse(JSON.stringify(calibrationDoc(level, [1, 2], rows)));
    expect(doc.calibrationVersion).toBe(CALIBRATION_VERSION);
    expect(doc.rulesVersion).toBe(RULES_VERSION);
    expect(doc.level).toBe('historical-2023');
    expect(doc.levelVersion).toBe(level.version);
    expect(doc.seeds).toEqual({ count: 2, first: 1, last: 2 });
    expect(doc.games).toBe(12);
    expect(doc.tolerance).toBe(2);
    expect(doc.rows.map((r: CalibrationRow) => r.id)).toEqual(ROWS.map((r) => r.id));
    const moonshot = doc.rows.find((r: CalibrationRow) => r.id === 'moonshot-ads-2024');
    expect(moonshot).toMatchObject({ game: 80_000, ratio: 1, pass: true, n: 2, games: 2, unit: 'money' });
    expect(moonshot.real).toEqual({ kind: 'range', min: 50_000, max: 150_000 });
    const { pass, fail, na } = doc.summary;
    expect(pass + fail + na).toBe(ROWS.length);
    expect(na).toBe(1); // the 2024Q1 price has no real figure
  });

  it('prints aligned columns, money in ¥M / ¥B, and the notes', () => {
    const text = formatCalibrationTable(level, [1, 2], rows);
    const lines = text.split('\n');
    const head = lines.findIndex((l) => l.startsWith('row '));
    const col = lines[head]!.indexOf('result');
    const body = lines.slice(head + 2, head + 2 + ROWS.length);
    expect(body).toHaveLength(ROWS.length);
    for (const l of body) expect(l.slice(col)).toMatch(/^(PASS|FAIL|n\/a)$/);
    expect(body.find((l) => l.startsWith('Moonshot ad spend 2024'))).toMatch(
      /¥800M\s+¥500M–¥1\.50B\s+1\.00×\s+2\/2\s+PASS/,
    );
    expect(text).toMatch(/acquisitionCost\(level, state, 'domestic'\)/);
    expect(formatFigure('money', 296_000)).toBe('¥2.96B');
    expect(formatFigure('share', 0.073)).toBe('7.3%');
  });
});

// --- The command line ---------------------------------------------------------------------------------------

describe('npm run calibrate', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/calibrate.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });

  it('prints the JSON document for --seeds 1 --json', () => {
    const r = run('--seeds', '1', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      calibrationVersion: CALIBRATION_VERSION,
      rulesVersion: RULES_VERSION,
      seeds: { count: 1, first: 1, last: 1 },
    });
    expect(doc.rows).toHaveLength(ROWS.length);
  });

  it.each([
    [['--level', 'bertrand-lab'], /^calibrate: level bertrand-lab cannot be calibrated: .*\n$/],
    [['--level', 'nowhere'], /^calibrate: unknown level "nowhere"/],
    [['--seeds', '0'], /^calibrate: bad --seeds "0"/],
    [['--seeds', '1-5'], /^calibrate: bad --seeds "1-5"/],
  ])('refuses %j with one line and exit code 2', (args, says) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(says);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('prints its usage for --help', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--seeds <n>/);
    expect(r.stdout).toMatch(/--json/);
  });
});
