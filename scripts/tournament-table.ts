// The tournament's balance table: per company × policy (and per company, per policy over all the
// others) the games, made-it rate, mix of endings and mean score, as aligned text. Games the
// engine failed to finish are left out of the rates and listed apart.

import type { EndingKind } from '../src/engine/types';
import type { GameResult } from './tournament-worker';

const ENDINGS: readonly EndingKind[] = ['made-it', 'acquired', 'out-of-money', 'times-up'];

/** The table's lines and the games the engine failed to finish, sorted by seed, company, policy. */
export interface BalanceTable {
  cells: Cell[];
  byCompany: Cell[];
  byPolicy: Cell[];
  errors: GameResult[];
}

export function balanceTable(
  results: readonly GameResult[],
  companies: readonly string[],
  policies: readonly string[],
): BalanceTable {
  const by = new Map<string, GameResult[]>();
  const add = (k: string, r: GameResult) => {
    const list = by.get(k);
    if (list) list.push(r);
    else by.set(k, [r]);
  };
  for (const r of results) {
    add(`${r.company}|${r.policy}`, r);
    add(`${r.company}|(all)`, r);
    add(`(all)|${r.policy}`, r);
  }
  const get = (c: string, p: string) => cellOf(c, p, by.get(`${c}|${p}`) ?? []);
  return {
    cells: companies.flatMap((c) => policies.map((p) => get(c, p))),
    byCompany: companies.map((c) => get(c, '(all)')),
    byPolicy: policies.map((p) => get('(all)', p)),
    errors: results
      .filter((r) => r.ending === 'error')
      .sort(
        (a, b) => a.seed - b.seed || a.company.localeCompare(b.company) || a.policy.localeCompare(b.policy),
      ),
  };
}

/** One line of the table: a company × policy, or a company or policy over all the others. */
export interface Cell {
  company: string;
  policy: string;
  games: number;
  madeItRate: number;
  endings: Record<EndingKind, number>;
  meanScore: number;
  /** Games the engine failed to finish (engine bugs), left out of the rates. */
  errors: number;
}

function cellOf(company: string, policy: string, rs: readonly GameResult[]): Cell {
  const ok = rs.filter((r) => r.ending !== 'error');
  const endings = Object.fromEntries(ENDINGS.map((e) => [e, 0])) as Record<EndingKind, number>;
  let sum = 0;
  for (const r of ok) {
    endings[r.ending as EndingKind]++;
    sum += r.score;
  }
  const n = ok.length;
  const share = (k: number) => (n > 0 ? k / n : 0);
  return {
    company,
    policy,
    games: n,
    madeItRate: share(endings['made-it']),
    endings: Object.fromEntries(ENDINGS.map((e) => [e, share(endings[e])])) as Record<EndingKind, number>,
    meanScore: n > 0 ? Math.round(sum / n) : 0,
    errors: rs.length - n,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const yuanM = (wan: number) => (wan / 100).toFixed(1);

/** The text table: cells, then per company, then per policy, with a blank line between the groups. */
export function formatTable(cells: readonly Cell[]): string {
  const head = [
    'company',
    'policy',
    'games',
    'made-it',
    'acquired',
    'out-of-money',
    "time's up",
    'mean score ¥M',
  ];
  const anyErrors = cells.some((c) => c.errors > 0);
  if (anyErrors) head.push('errors');
  const rows = cells.map((c) => {
    const r = [
      c.company,
      c.policy,
      String(c.games),
      pct(c.madeItRate),
      pct(c.endings.acquired),
      pct(c.endings['out-of-money']),
      pct(c.endings['times-up']),
      yuanM(c.meanScore),
    ];
    if (anyErrors) r.push(String(c.errors));
    return r;
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [line(head), line(widths.map((w) => '-'.repeat(w)))];
  let prev = '';
  for (let i = 0; i < rows.length; i++) {
    const group = cells[i]!.company === '(all)' ? '(all)' : cells[i]!.policy === '(all)' ? 'company' : 'cell';
    if (prev && group !== prev) out.push('');
    prev = group;
    out.push(line(rows[i]!));
  }
  return `${out.join('\n')}\n`;
}
