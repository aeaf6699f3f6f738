// The balance search's text report (`npm run --silent balance` without --json): the run's terms,
// each company's best set and its held-out figures next to the autopilots, the summary table, and
// the three balance checks (one set for every company, raising every quarter, pretraining-first).

import { NAMED_POLICIES } from '../src/app/strategy';
import type { BalanceReport, CompanyReport } from './balance-search';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const yuanM = (wan: number) => (wan / 100).toFixed(1);
const signed = (x: number) => `${x > 0 ? '+' : ''}${x.toFixed(1)}`;

function table(head: readonly string[], rows: readonly (readonly string[])[], left = 1): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i < left ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

const seedText = (s: readonly number[]) =>
  s.length > 1 ? `${s[0]}…${s[s.length - 1]} (${s.length})` : `${s[0]} (1)`;

export function formatReport(r: BalanceReport): string {
  return `${[...heading(r), ...r.companies.flatMap(companySection), ...summary(r), ...checks(r)].join('\n')}\n`;
}

function heading(r: BalanceReport): string[] {
  const b = r.budget;
  return [
    `balance search  level ${r.level} v${r.levelVersion}  rules ${r.rulesVersion}  training seeds ${seedText(r.trainSeeds)}${r.selectSeeds.length > 0 ? `  selection seeds ${seedText(r.selectSeeds)} (the best ${r.finalists} training sets ranked again)` : ''}  held-out seeds ${seedText(r.testSeeds)}`,
    `budget per company: ${b.candidates} random + ${NAMED_POLICIES.length} autopilot-like candidates, ${b.climbers} climbers × ${b.steps} steps × ${b.mutants} neighbours  search seed ${r.searchSeed}  ${r.games} games`,
  ];
}

function companySection(c: CompanyReport): string[] {
  const rows = [
    ['search best', pct(c.best.test.madeItRate), yuanM(c.best.test.meanScore)],
    ...c.autopilots.map((a) => [a.policy, pct(a.test.madeItRate), yuanM(a.test.meanScore)]),
    [
      'best, raising every quarter',
      pct(c.raiseEveryQuarter.test.madeItRate),
      yuanM(c.raiseEveryQuarter.test.meanScore),
    ],
  ];
  return [
    '',
    `${c.company}`,
    `  best found: ${c.best.summary}`,
    `  training: made it ${pct(c.best.train.madeItRate)}, mean ¥M ${yuanM(c.best.train.meanScore)} (random-search start ${pct(c.start.train.madeItRate)}, ¥M ${yuanM(c.start.train.meanScore)}; ${c.search.evaluated} sets played, ${c.search.accepted} climbing moves)`,
    ...(c.best.select.games > 0
      ? [
          `  selection: made it ${pct(c.best.select.madeItRate)}, mean ¥M ${yuanM(c.best.select.meanScore)} (the best of the finalists on the selection seeds)`,
        ]
      : []),
    ...table(['held-out', 'made-it', 'mean ¥M'], rows).map((l) => `  ${l}`),
    `  gap: search best − best autopilot (${c.bestAutopilot}) = ${signed(c.gapPoints)} points of made-it rate`,
  ];
}

function summary(r: BalanceReport): string[] {
  const head = [
    'company',
    'search best',
    'best autopilot',
    'its rate',
    'gap pts',
    'pretraining-first',
    'raise every Q',
  ];
  const rows = r.companies.map((c) => {
    const top = c.autopilots.find((a) => a.policy === c.bestAutopilot)!;
    return [
      c.company,
      pct(c.best.test.madeItRate),
      c.bestAutopilot,
      pct(top.test.madeItRate),
      signed(c.gapPoints),
      pct(c.autopilots.find((a) => a.policy === 'pretraining-first')!.test.madeItRate),
      `${pct(c.raiseEveryQuarter.test.madeItRate)}${c.raiseEveryQuarter.better ? ' better' : ''}`,
    ];
  });
  return ['', 'summary (held-out seeds)', ...table(head, rows, 3)];
}

function checks(r: BalanceReport): string[] {
  const names = r.companies.map((c) => c.company);
  const within = r.universal.withinPoints;
  const uni = r.universal.rows.filter((x) => x.universal).map((x) => x.from);
  const raise = r.raiseEveryQuarter;
  return [
    '',
    `(a) universal: each company's best set played on every company (held-out made-it rate; within ${within} points of the best rate on every company?)`,
    ...table(
      ['set of \\ on', ...names, 'universal'],
      r.universal.rows.map((row) => [
        row.from,
        ...row.on.map((o) => pct(o.madeItRate)),
        row.universal ? 'yes' : 'no',
      ]),
    ),
    uni.length > 0
      ? `    yes: the set of ${uni.join(', ')} comes within ${within} points of the best on every company`
      : `    no set comes within ${within} points of the best on every company`,
    '',
    `(b) raise every quarter: ${raise.any ? `better than the best for ${raise.betterFor.join(', ')}` : 'never better than the best'}`,
    '',
    `(c) pretraining-first made-it rate: ${r.pretrainingFirst.map((p) => `${p.company} ${pct(p.madeItRate)}`).join(', ')}`,
  ];
}
