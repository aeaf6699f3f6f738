// Rooms a newcomer can live in (issue 14): no source file in src/ or scripts/ over 400 lines and no
// function over 80, measured with the TypeScript parser (tests/support/code-shape.ts). Tests and
// data tables are exempt from the file limit; a long file is split by job (a folder or sibling
// files, each with a header saying its one job), a long function into named steps.
//
// KNOWN_DEBT lists what other work still has open, with its size when listed: it may shrink, never
// grow, and an entry must go once it is within the limit, so the list only ever gets shorter. It
// may name only files in KNOWN_DEBT_AREAS.

import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FileShape, KnownDebt } from './support/code-shape';
import { lineCount, shapeOf, shapeProblems } from './support/code-shape';
import { parseAll, parseFiles } from './support/ts-parse';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LIMITS = { fileLines: 400, functionLines: 80 };

/** Data tables, held to the function limit only. */
const DATA_FILES = new Set([
  'src/app/i18n.ts', // the translation tables, every key in both languages
]);

/** Where known debt may sit: code that other engineers are changing now. */
const KNOWN_DEBT_AREAS: readonly RegExp[] = [
  /^src\/view\//, // the view's rooms (issue 14 rebuilt them from named pieces: none is listed now)
];

/** Known debt, with each file's and function's size when listed. */
const KNOWN_DEBT: KnownDebt = {};

/** The source files of src/ and scripts/ (TypeScript and JavaScript), less tests and declarations. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.[cm]?[jt]s$/.test(entry.name) && !/\.test\.[cm]?[jt]s$|\.d\.ts$/.test(entry.name))
      out.push(relative(ROOT, path).split('\\').join('/'));
  }
  return out.sort();
}

const report = (problems: readonly string[]) => `\n${problems.join('\n')}\n`;

describe('code shape', () => {
  const names = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'scripts'))];
  const shapes = parseFiles(ROOT, names, shapeOf);

  it('reads every source file of src/ and scripts/', () => {
    expect(names.length).toBeGreaterThan(100);
    expect(names).toContain('src/engine/reducer.ts');
    expect(names).toContain('scripts/test-all.mjs');
    expect(names.some((n) => n.endsWith('.test.ts'))).toBe(false);
  });

  it('no file over 400 lines and no function over 80, but the known debt, which only shrinks', () => {
    const problems = shapeProblems(shapes, LIMITS, KNOWN_DEBT, DATA_FILES);
    expect(problems, report(problems)).toEqual([]);
  });

  it('known debt sits only where other work is under way', () => {
    const elsewhere = Object.keys(KNOWN_DEBT).filter((f) => !KNOWN_DEBT_AREAS.some((a) => a.test(f)));
    expect(elsewhere, 'split these by job instead of listing them').toEqual([]);
  });
});

describe('the shape check', () => {
  const fn = (name: string, bodyLines: number) =>
    [`function ${name}() {`, ...Array.from({ length: bodyLines }, (_, i) => `  f(${i});`), '}'].join('\n');
  const shapesOf = (files: Record<string, string>): FileShape[] =>
    parseAll(new Map(Object.entries(files)), shapeOf);

  it('names a function over 80 lines with its file, first line and length', () => {
    const src = `// a header\n\n${fn('fine', 78)}\n\n${fn('tooLong', 79)}\n`;
    const problems = shapeProblems(shapesOf({ 'src/app/long.ts': src }), LIMITS, {});
    expect(problems).toEqual([
      'src/app/long.ts: tooLong (line 84) is 81 lines (limit 80): break it into named steps',
    ]);
  });

  it('names methods by their class, nested functions by where they stand, callbacks by their callee', () => {
    const src = [
      'class Panel {',
      '  render() {',
      '    items.map((x) => {',
      ...Array.from({ length: 85 }, () => '      x();'),
      '    });',
      '  }',
      '}',
      'export const build = () => {',
      '  function inner() {',
      ...Array.from({ length: 85 }, () => '    y();'),
      '  }',
      '};',
    ].join('\n');
    const [shape] = shapesOf({ 'src/view/panel.ts': src });
    const long = shape!.functions.filter((f) => f.lines > 80).map((f) => `${f.name}:${f.line}:${f.lines}`);
    expect(long).toEqual([
      'Panel.render:2:89',
      'Panel.render › items.map callback:3:87',
      'build:92:89',
      'build › inner:93:87',
    ]);
  });

  it('names a file over 400 lines, unless it is a data table', () => {
    const src = Array.from({ length: 401 }, (_, i) => `export const k${i} = ${i};`).join('\n');
    expect(lineCount(`${src}\n`)).toBe(401);
    const shapes = shapesOf({ 'scripts/big.ts': src });
    expect(shapeProblems(shapes, LIMITS, {})).toEqual([
      'scripts/big.ts is 401 lines (limit 400): split it by job',
    ]);
    expect(shapeProblems(shapes, LIMITS, {}, new Set(['scripts/big.ts']))).toEqual([]);
  });

  it('known debt may shrink, may not grow, and must go once paid', () => {
    const src = `${fn('render', 98)}\n`;
    const shapes = shapesOf({ 'src/view/x.ts': src });
    const debt = (lines: number): KnownDebt => ({ 'src/view/x.ts': { functions: { render: lines } } });
    expect(shapeProblems(shapes, LIMITS, debt(100))).toEqual([]);
    expect(shapeProblems(shapes, LIMITS, debt(99))).toEqual([
      'src/view/x.ts: render (line 1) grew to 100 lines (known debt: 99): shrink it, do not grow it',
    ]);
    const paid = shapesOf({ 'src/view/x.ts': `${fn('render', 10)}\n` });
    expect(shapeProblems(paid, LIMITS, debt(100))).toEqual([
      'src/view/x.ts: render is within the limit of 80 lines (or gone): take it off the known debt',
    ]);
    expect(shapeProblems(paid, LIMITS, { 'src/view/x.ts': { lines: 500 } })).toEqual([
      'src/view/x.ts is 12 lines, within the limit of 400: take it off the known debt',
    ]);
    expect(shapeProblems(paid, LIMITS, { 'src/view/gone.ts': { lines: 500 } })).toEqual([
      'src/view/gone.ts is listed as known debt but was not measured: take it off the list',
    ]);
  });
});
