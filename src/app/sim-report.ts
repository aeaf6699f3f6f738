// The report of one simulated game, as printed by `npm run sim`. The JSON shape is a contract other
// tools (balance scripts, CI diffs) read, so it is built field by field here rather than by dumping
// engine records, whose fields will grow.

import { hashState } from '../engine/index';
import type { Level } from '../engine/level';
import { quarterLabel } from '../engine/level';
import type { Command, EndingKind, GameState, StartupState } from '../engine/types';
import type { BotRejection } from './bot-runner';
import { replayCodeOf } from './replay-code';

export interface SimQuarter {
  quarter: string;
  /** Money: integer 万元. */
  cash: number;
  revenue: number;
  costs: number;
  operatingProfit: number;
  /** The company's own API price, ¥ per million tokens. */
  apiPrice: number;
  /** Demand-weighted market API price, ¥ per million tokens. */
  marketApiPrice: number;
  quality: number;
  mau: number;
  headcount: number;
  /** 0..1 share of the quarter's spend that bought pretraining compute. */
  pretrainingShare: number;
  events: { id: string; choice: string }[];
  hash: string;
}

export interface SimRival {
  company: string;
  ending: EndingKind;
  pretrainingAbandoned: boolean;
}

export interface SimReport {
  level: string;
  seed: number;
  company: string;
  policy: string;
  ending: EndingKind;
  endQuarter: string;
  score: number;
  finalHash: string;
  quarters: SimQuarter[];
  rivals: SimRival[];
  /** The game's replay code (`npm run verify` accepts it); present when the report was given the log. */
  replayCode?: string;
  /** A bot's game only (`sim --bot`): the commands the rules refused, in order. */
  rejections?: BotRejection[];
}

export interface SimOptions {
  seed: number;
  company: string;
  policy: string;
}

/** How a rival's campaign ended, judged from its state at the end of the player's game. */
export function rivalEnding(s: StartupState): EndingKind {
  if (s.status === 'bankrupt') return 'out-of-money';
  if (s.status === 'acquired') return 'acquired';
  return s.madeItTurn !== null ? 'made-it' : 'times-up';
}

/**
 * Builds the report of a finished game; with the game's command log it also carries the replay
 * code. Throws if the game has not ended (a caller bug).
 */
export function simReport(
  level: Level,
  state: GameState,
  opts: SimOptions,
  log?: readonly Command[],
): SimReport {
  const ending = state.ending;
  if (!ending) throw new Error(`simReport: the game has not ended (turn ${state.turn})`);
  const quarters = state.history.map((rec): SimQuarter => {
    const c = rec.companies.find((r) => r.id === state.playerId);
    if (!c) throw new Error(`simReport: no record for "${state.playerId}" in ${rec.quarter}`);
    return {
      quarter: rec.quarter,
      cash: c.cash,
      revenue: c.revenue,
      costs: c.costs,
      operatingProfit: c.operatingProfit,
      apiPrice: c.apiPrice,
      marketApiPrice: rec.marketApiPrice,
      quality: c.quality,
      mau: c.mau,
      headcount: c.headcount,
      pretrainingShare: c.pretrainingShare,
      // The card's id (an answer's id also names the quarter: "price-war@2024Q2").
      events: rec.events.map((e) => ({ id: e.id.split('@')[0]!, choice: e.choice })),
      hash: rec.hash,
    };
  });
  const report: SimReport = {
    level: level.id,
    seed: opts.seed,
    company: opts.company,
    policy: opts.policy,
    ending: ending.kind,
    endQuarter: quarterLabel(level, ending.turn),
    score: ending.score,
    finalHash: hashState(state),
    quarters,
    rivals: state.startups
      .filter((s) => s.id !== state.playerId)
      .map((s) => ({ company: s.id, ending: rivalEnding(s), pretrainingAbandoned: s.pretrainingAbandoned })),
  };
  if (log) report.replayCode = replayCodeOf(level, state, log);
  return report;
}

// --- Table -------------------------------------------------------------------------------------------

interface Column {
  head: string;
  /** Right-aligned unless false (text columns read better left-aligned). */
  right: boolean;
  cell: (q: SimQuarter) => string;
}

/** 万元 → ¥ millions (1 万元 = ¥10,000, so 100 万元 = ¥1M). */
const yuanM = (wan: number) => (wan / 100).toFixed(1);
const fixed = (digits: number) => (n: number) => n.toFixed(digits);

const COLUMNS: Column[] = [
  { head: 'quarter', right: false, cell: (q) => q.quarter },
  { head: 'cash ¥M', right: true, cell: (q) => yuanM(q.cash) },
  { head: 'revenue ¥M', right: true, cell: (q) => yuanM(q.revenue) },
  { head: 'costs ¥M', right: true, cell: (q) => yuanM(q.costs) },
  { head: 'op.profit ¥M', right: true, cell: (q) => yuanM(q.operatingProfit) },
  { head: 'api ¥/Mtok', right: true, cell: (q) => fixed(3)(q.apiPrice) },
  { head: 'mkt ¥/Mtok', right: true, cell: (q) => fixed(3)(q.marketApiPrice) },
  { head: 'quality', right: true, cell: (q) => fixed(1)(q.quality) },
  { head: 'MAU', right: true, cell: (q) => q.mau.toLocaleString('en-US') },
  { head: 'staff', right: true, cell: (q) => String(q.headcount) },
  { head: 'pretrain', right: true, cell: (q) => `${(q.pretrainingShare * 100).toFixed(0)}%` },
  { head: 'events', right: false, cell: (q) => q.events.map((e) => `${e.id}:${e.choice}`).join(' ') },
];

/** A fixed-width quarter-by-quarter table, the ending and the rivals' fates, for reading in a terminal. */
export function formatSimTable(report: SimReport): string {
  const rows = report.quarters.map((q) => COLUMNS.map((c) => c.cell(q)));
  const widths = COLUMNS.map((c, i) => Math.max(c.head.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const w = widths[i] ?? 0;
        return COLUMNS[i]?.right ? cell.padStart(w) : cell.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  const out: string[] = [
    `level ${report.level}  seed ${report.seed}  company ${report.company}  policy ${report.policy}`,
    '',
    line(COLUMNS.map((c) => c.head)),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `ending: ${report.ending} in ${report.endQuarter}  score ${report.score}  final hash ${report.finalHash}`,
    '',
    'rivals:',
  ];
  const nameWidth = Math.max(0, ...report.rivals.map((r) => r.company.length));
  for (const r of report.rivals) {
    const note = r.pretrainingAbandoned ? '  (abandoned pretraining)' : '';
    out.push(`  ${r.company.padEnd(nameWidth)}  ${r.ending}${note}`);
  }
  if (report.rejections) out.push('', ...rejectionLines(report.rejections));
  return `${out.join('\n')}\n`;
}

/** How many of a bot's commands were refused, and the first few with their reasons. */
function rejectionLines(rejections: readonly BotRejection[]): string[] {
  const shown = 10;
  const out = [`rejected commands: ${rejections.length}`];
  for (const r of rejections.slice(0, shown)) {
    const type = (r.command as { type?: unknown } | null)?.type;
    out.push(`  ${r.quarter}  ${typeof type === 'string' ? type : '(no type)'}  ${r.reason}`);
  }
  if (rejections.length > shown) out.push(`  … and ${rejections.length - shown} more (see --json)`);
  return out;
}
