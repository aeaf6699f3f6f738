// The instructor's tools, shared by the in-game instructor view and `npm run verify`: read a batch
// of replay codes (pasted, or a text/CSV file with a student-name column), verify each by
// re-simulation, score each finished game against par (the median of a fixed set of reference
// strategies played on the same level, seed and company: src/engine/par.ts) and rank them by their
// percentile among those reference runs (world by world; a game handed in twice is ranked once),
// pull out a few key decisions, and export the table as CSV.
//
// One job a file in src/app/class/: code-list.ts (reading a batch), rows.ts (one code's row and key
// decisions), ranking.ts (par and ranking), verify-class.ts (a whole class), csv.ts (the export).
// This file re-exports them and is what the rest imports.
// Browser-safe: no node: imports. Nothing here throws on bad input.

export type { CodeEntry, CodeListLayout } from './class/code-list';
export {
  codeListLayout,
  entryOfLine,
  entryOfRow,
  isHeaderRow,
  isLayoutLine,
  parseCodeList,
  parseCsv,
} from './class/code-list';
export { CSV_COLUMNS, CSV_HEADER, classCsv, csvField, csvRow } from './class/csv';
export type { BaselineCache, ClassWorld, RankFields, SortBy, World } from './class/ranking';
export { classOrder, classWorlds, forkParentOf, mixedWorlds, rankRows, scoreRow } from './class/ranking';
export type { ClassRow, KeyDecisions, PriceWarResponse } from './class/rows';
export { keyDecisions, PRICE_WAR_QUARTER, rowOf } from './class/rows';
export type {
  BaselineService,
  BaselineWorld,
  ClassOptions,
  ClassProgress,
  ClassResult,
  Scheduler,
} from './class/verify-class';
export { VERIFY_STEP_COMMANDS, verifyClass, worldsToPlay } from './class/verify-class';
