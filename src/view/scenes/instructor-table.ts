// The instructor's class table (a dataTable: cards of "column: value" lines on a phone), with the
// warning above it when the codes come from more than one world, and the words of each row: who
// sent it, why a code was refused, the company, the decisions, the game a fork came from.

import { money, signedMoney } from '../../app/format';
import type { Language, TextKey } from '../../app/i18n';
import { levelText } from '../../app/i18n';
import { findLevel } from '../../app/levels';
import { refusalText, rowEndingText, statusText } from '../../app/outcome-text';
import type { ClassRow } from '../../app/verify';
import { classWorlds, forkParentOf } from '../../app/verify';
import { PAR_RUNS } from '../../engine/index';
import { quarterLabel } from '../../engine/level';
import { h } from '../dom';
import type { TableCell, TableRow } from '../widgets/table';
import { dataTable } from '../widgets/table';

type Tr = (key: TextKey, params?: Record<string, string | number>) => string;

const COLUMNS = [
  'instructor.col.rank',
  'instructor.col.name',
  'instructor.col.status',
  'instructor.col.level',
  'instructor.col.seed',
  'instructor.col.company',
  'instructor.col.ending',
  'instructor.col.score',
  'par.col.difference',
  'instructor.col.percentile',
  'instructor.col.decisions',
  'instructor.col.forkedFrom',
] as const;
type Column = (typeof COLUMNS)[number];

/** A class row's words, in the instructor's language. */
export class RowWords {
  constructor(
    readonly lang: Language,
    readonly tr: Tr,
  ) {}

  /** Why a code was refused, with its details. */
  reason(r: ClassRow): string {
    return r.reason ? refusalText(this.lang, r.reason) : statusText(this.lang, r.status);
  }

  companyName(r: ClassRow): string {
    if (!r.company) return '—';
    const spec = findLevel(r.levelId ?? '')?.companies.find((c) => c.id === r.company);
    return spec ? levelText(this.lang, spec.name) : r.company;
  }

  decisions(r: ClassRow): string {
    const d = r.decisions;
    if (!d) return '—';
    const share = d.avgPretrainingShare === null ? '—' : `${(d.avgPretrainingShare * 100).toFixed(0)}%`;
    const war = this.tr(d.priceWarResponse ? `instructor.war.${d.priceWarResponse}` : 'instructor.war.none');
    return this.tr('instructor.decisions', { share, war, raised: money(this.lang, d.fundingRaised) });
  }

  levelName(levelId: string | null): string {
    if (levelId === null) return '—';
    const level = findLevel(levelId);
    return level ? levelText(this.lang, level.name) : levelId;
  }

  /** The student's name and the line of the list the row came from. */
  who(r: ClassRow): string {
    return r.name
      ? this.tr('instructor.who', { name: r.name, line: r.line })
      : this.tr('instructor.whoLine', { line: r.line });
  }

  /** The game a fork was made from (the class's row holding it, else its hash) and the last quarter kept. */
  forkedFrom(r: ClassRow, rows: readonly ClassRow[]): string {
    if (!r.forkedFrom) return '—';
    const level = findLevel(r.levelId ?? '');
    const turn = r.forkedFrom.turn;
    const quarter = level && turn > 0 ? quarterLabel(level, turn - 1) : this.tr('viewer.start');
    const parent = forkParentOf(rows, r);
    const game = parent
      ? this.who(parent)
      : this.tr('instructor.forkedFromHash', { hash: `${r.forkedFrom.parentHash.slice(0, 8)}…` });
    return this.tr('instructor.forkedFrom', { game, quarter });
  }

  /** Valid, a duplicate of an earlier row, or refused (and why); a par failure said after. */
  status(r: ClassRow, first: ClassRow | undefined): string {
    if (r.status !== 'valid') return this.tr('instructor.refused', { why: this.reason(r) });
    const base = first
      ? this.tr('instructor.duplicate', { who: this.who(first) })
      : this.tr('instructor.valid');
    return base + (r.baselineError ? this.tr('par.failed') : '');
  }
}

/** The warning above the table when the valid codes come from more than one world, else null. */
export function worldsWarning(w: RowWords, rows: readonly ClassRow[]): HTMLElement | null {
  const worlds = classWorlds(rows);
  if (worlds.length < 2) return null;
  const list = worlds
    .map((x) => w.tr('instructor.world', { level: w.levelName(x.levelId), seed: x.seed ?? '—', n: x.codes }))
    .join(w.tr('instructor.worldsJoin'));
  return h('p', {
    id: 'instructor-worlds',
    class: 'notice warn',
    text: w.tr('instructor.worlds', { n: worlds.length, worlds: list }),
    attrs: { role: 'note', 'data-worlds': worlds.length },
  });
}

/** The score cell: the score, with its parts (the engine's scoreParts, as in the CSV) on hover and as data. */
function scoreCell(w: RowWords, r: ClassRow): TableCell {
  return {
    class: 'num score',
    text: r.score === null ? '—' : money(w.lang, r.score),
    attrs:
      r.equity === null || r.honours === null
        ? {}
        : {
            title: w.tr('instructor.scoreParts', {
              equity: money(w.lang, r.equity),
              honours: money(w.lang, r.honours),
            }),
            'data-equity': r.equity,
            'data-honours': r.honours,
          },
  };
}

function tableRow(
  w: RowWords,
  r: ClassRow,
  rows: readonly ClassRow[],
  first: ClassRow | undefined,
): TableRow<Column> {
  return {
    class: r.status === 'valid' ? 'good' : 'bad',
    attrs: {
      'data-status': r.status,
      'data-line': r.line,
      ...(first ? { 'data-duplicate-of-line': first.line } : {}),
    },
    cells: {
      'instructor.col.rank': { text: r.rank === null ? '—' : String(r.rank) },
      'instructor.col.name': { class: 'name', text: r.name || w.tr('instructor.noName') },
      'instructor.col.status': {
        class: 'status',
        text: w.status(r, first),
        attrs: { title: statusText(w.lang, r.status) },
      },
      'instructor.col.level': {
        class: 'level',
        text: w.levelName(r.levelId),
        attrs: r.levelId === null ? {} : { title: `${r.levelId} v${r.levelVersion}` },
      },
      'instructor.col.seed': { class: 'num seed', text: r.seed === null ? '—' : String(r.seed) },
      'instructor.col.company': { text: w.companyName(r) },
      'instructor.col.ending': { class: 'ending-kind', text: rowEndingText(w.lang, r) },
      'instructor.col.score': scoreCell(w, r),
      'par.col.difference': {
        class: 'num par-difference',
        text: r.parDifference === null ? '—' : signedMoney(w.lang, r.parDifference),
        attrs: r.par === null ? {} : { 'data-par': r.par, 'data-par-difference': r.parDifference ?? '' },
      },
      'instructor.col.percentile': { class: 'num', text: r.percentile?.toFixed(1) ?? '—' },
      'instructor.col.decisions': { text: w.decisions(r) },
      'instructor.col.forkedFrom': {
        class: 'forked-from',
        text: w.forkedFrom(r, rows),
        attrs: r.forkedFrom ? { title: r.forkedFrom.parentHash } : {},
      },
    },
  };
}

/** The table of the class's rows, in their order (a duplicate names the row it repeats). */
export function classTable(w: RowWords, rows: readonly ClassRow[]): HTMLTableElement {
  const byIndex = new Map(rows.map((r) => [r.index, r]));
  const explain = w.tr('par.explain', { n: PAR_RUNS });
  return dataTable<Column>({
    id: 'instructor-table',
    class: 'instructor-table',
    columns: COLUMNS.map((c) => ({
      key: c,
      label: w.tr(c),
      ...(c === 'par.col.difference' ? { title: explain } : {}),
    })),
    rows: rows.map((r) =>
      tableRow(w, r, rows, r.duplicateOf === null ? undefined : byIndex.get(r.duplicateOf)),
    ),
  });
}
