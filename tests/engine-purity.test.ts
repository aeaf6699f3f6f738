// Guards the engine's determinism and layering by reading its source with the TypeScript parser
// (tests/support/ts-parse.ts): the engine must give bit-identical results in every JS engine, so
// no transcendental Math.* (however reached: Math.pow, Math["sqrt"], const { pow } = Math,
// const M = Math), no ** or **=, no clocks, no randomness and no host APIs; and it must never
// import the view, the app, Phaser, crypto or a Node module (dependencies point view -> app ->
// engine). Comments, strings, template text and regular expressions are not code, so the words in
// them never count. Lint (lint/engine-purity.grit, biome.json) checks much the same as you type.

import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Node, Parsed } from './support/ts-parse';
import { parseAll, parseFiles, SyntaxKind, walk } from './support/ts-parse';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENGINE_DIR = join(ROOT, 'src', 'engine');

// Exactly specified by IEEE-754 / ECMAScript, so identical everywhere. The constants are spec-defined values.
const ALLOWED_MATH = new Set([
  'floor',
  'ceil',
  'round',
  'trunc',
  'min',
  'max',
  'abs',
  'sign',
  'imul',
  'fround',
  'clz32',
  'PI',
  'E',
  'LN2',
  'LN10',
  'LOG2E',
  'LOG10E',
  'SQRT2',
  'SQRT1_2',
]);

/** Globals the engine may not touch at all: clocks, timers, randomness, the page, storage, the host. */
const BANNED_GLOBALS = new Set([
  'Date',
  'performance',
  'crypto',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'queueMicrotask',
  'requestAnimationFrame',
  'document',
  'window',
  'navigator',
  'globalThis',
  'process',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'fetch',
  'Intl', // locale-dependent formatting and collation
]);

interface Violation {
  file: string;
  line: number;
  token: string;
}

const ALIASED = 'Math (aliased or computed access)';

/** Why a module may not be imported by the engine, or null when it may. */
function forbiddenImport(spec: string): string | null {
  if (spec === 'phaser' || spec.startsWith('phaser/')) return `import from '${spec}'`;
  if (spec === 'crypto' || spec === 'node:crypto') return `import from '${spec}' (crypto)`;
  if (spec.startsWith('node:')) return `import from '${spec}' (a Node module: the engine runs in browsers)`;
  if (spec.startsWith('.') && spec.split('/').some((seg) => seg === 'view' || seg === 'app'))
    return `import from '${spec}' (engine must not depend on view/app)`;
  return null;
}

/** Every way a file names another module: import/export … from, import(), require(), import x = require(), import('…') types. */
function moduleSpecifier(node: Node): Node | undefined {
  const n = node as unknown as {
    moduleSpecifier?: Node;
    moduleReference?: Node & { expression?: Node };
    expression?: Node;
    arguments?: readonly Node[];
    argument?: Node & { literal?: Node };
  };
  switch (node.kind) {
    case SyntaxKind.ImportDeclaration:
    case SyntaxKind.ExportDeclaration:
      return n.moduleSpecifier;
    case SyntaxKind.ImportEqualsDeclaration:
      return n.moduleReference?.kind === SyntaxKind.ExternalModuleReference
        ? n.moduleReference.expression
        : undefined;
    case SyntaxKind.ImportType:
      return n.argument?.literal;
    case SyntaxKind.CallExpression: {
      const callee = n.expression!;
      const isImport = callee.kind === SyntaxKind.ImportKeyword;
      const isRequire = callee.kind === SyntaxKind.Identifier && textOf(callee) === 'require';
      return isImport || isRequire ? (n.arguments?.[0] ?? callee) : undefined;
    }
    default:
      return undefined;
  }
}

const textOf = (node: Node): string => (node as unknown as { text: string }).text;

const isStringLiteral = (node: Node) =>
  node.kind === SyntaxKind.StringLiteral || node.kind === SyntaxKind.NoSubstitutionTemplateLiteral;

/**
 * Whether an identifier stands where a property's name goes (`x.Date`, `{ window: 1 }`, a class or
 * interface member, `{ Date: d } = …`, `A.B` in a type): a name, not a use of the global.
 */
function isPropertyName(id: Node): boolean {
  const parent = id.parent;
  if (parent === undefined) return false;
  const p = parent as unknown as { name?: Node; right?: Node; propertyName?: Node };
  switch (parent.kind) {
    case SyntaxKind.PropertyAccessExpression:
    case SyntaxKind.PropertyAssignment:
    case SyntaxKind.PropertyDeclaration:
    case SyntaxKind.PropertySignature:
    case SyntaxKind.MethodDeclaration:
    case SyntaxKind.MethodSignature:
    case SyntaxKind.GetAccessor:
    case SyntaxKind.SetAccessor:
    case SyntaxKind.EnumMember:
      return p.name === id;
    case SyntaxKind.QualifiedName:
      return p.right === id;
    case SyntaxKind.BindingElement:
    case SyntaxKind.ImportSpecifier:
    case SyntaxKind.ExportSpecifier:
      return p.propertyName === id;
    default:
      return false;
  }
}

/** What a use of `Math` reaches: each name it takes (a dotted name or destructured ones), or null if it escapes. */
function mathNames(id: Node): string[] | null {
  const parent = id.parent!;
  const p = parent as unknown as { expression?: Node; name?: Node; initializer?: Node };
  if (parent.kind === SyntaxKind.PropertyAccessExpression && p.expression === id) return [textOf(p.name!)];
  if (parent.kind === SyntaxKind.VariableDeclaration && p.initializer === id) {
    const pattern = p.name!;
    if (pattern.kind !== SyntaxKind.ObjectBindingPattern) return null;
    const names: string[] = [];
    for (const element of (pattern as unknown as { elements: readonly Node[] }).elements) {
      const e = element as unknown as { dotDotDotToken?: Node; propertyName?: Node; name: Node };
      const key = e.propertyName ?? e.name;
      if (e.dotDotDotToken || key.kind !== SyntaxKind.Identifier) return null;
      names.push(textOf(key));
    }
    return names;
  }
  return null;
}

function violationsOf(node: Node, at: (n: Node) => number, file: string): Violation[] {
  const found = (n: Node, token: string): Violation => ({ file, line: at(n), token });
  if (node.kind === SyntaxKind.Identifier && !isPropertyName(node)) {
    const name = textOf(node);
    if (BANNED_GLOBALS.has(name)) return [found(node, name)];
    if (name !== 'Math') return [];
    const names = mathNames(node);
    if (names === null) return [found(node, ALIASED)];
    return names.filter((m) => !ALLOWED_MATH.has(m)).map((m) => found(node, `Math.${m}`));
  }
  if (node.kind === SyntaxKind.BinaryExpression) {
    const op = (node as unknown as { operatorToken: Node }).operatorToken;
    if (op.kind === SyntaxKind.AsteriskAsteriskToken) return [found(op, '**')];
    if (op.kind === SyntaxKind.AsteriskAsteriskEqualsToken) return [found(op, '**=')];
    return [];
  }
  const spec = moduleSpecifier(node);
  if (spec === undefined) return [];
  if (!isStringLiteral(spec)) return [found(spec, 'import of a module named at run time')];
  const why = forbiddenImport(textOf(spec));
  return why === null ? [] : [found(spec, why)];
}

/** Every violation in a parsed file, by line then token. */
function scan(file: Parsed): Violation[] {
  const out: Violation[] = [];
  walk(file.source, (node) => {
    out.push(...violationsOf(node, file.line, file.name));
  });
  return out.sort((a, b) => a.line - b.line || a.token.localeCompare(b.token));
}

const report = (vs: readonly Violation[]) => vs.map((v) => `${v.file}:${v.line}: ${v.token}`);

function engineSources(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...engineSources(path));
    else if (/\.(ts|mts|tsx)$/.test(entry.name) && !/\.test\.(ts|mts|tsx)$/.test(entry.name))
      files.push(relative(ROOT, path).split('\\').join('/'));
  }
  return files.sort();
}

describe('engine purity', () => {
  it('src/engine uses only deterministic operations and never imports view, app, phaser or crypto', () => {
    const files = engineSources(ENGINE_DIR);
    expect(files).toContain('src/engine/reducer.ts');
    expect(files).toContain('src/engine/quarter/markets/api.ts');
    const violations = report(parseFiles(ROOT, files, scan).flat());
    expect(
      violations,
      `non-deterministic or layering-violating code in the engine:\n${violations.join('\n')}`,
    ).toEqual([]);
  });
});

describe('purity scanner', () => {
  /** The violations in snippets, as `file:line: token`. */
  const scanned = (files: Record<string, string[]>): string[] =>
    report(parseAll(new Map(Object.entries(files).map(([f, lines]) => [f, lines.join('\n')])), scan).flat());
  const tokens = (lines: string[]) => scanned({ 'mem.ts': lines });

  it('reports Math.pow, ** and Date, naming the file and line', () => {
    expect(
      scanned({
        'src/engine/bad.ts': ['const a = Math.pow(2, 0.5);', 'const b = x ** 0.5;', 'const t = Date.now();'],
        'src/engine/good.ts': ['const a = Math.floor(2.5);'],
      }),
    ).toEqual(['src/engine/bad.ts:1: Math.pow', 'src/engine/bad.ts:2: **', 'src/engine/bad.ts:3: Date']);
  });

  it('reports every transcendental Math function and Math.random', () => {
    const fns = [
      'exp',
      'log',
      'log2',
      'sqrt',
      'cbrt',
      'hypot',
      'sin',
      'cos',
      'tan',
      'atan2',
      'sinh',
      'random',
    ];
    expect(tokens(fns.map((f) => `Math.${f}(1, 2);`))).toEqual(
      fns.map((f, i) => `mem.ts:${i + 1}: Math.${f}`),
    );
  });

  it('accepts clean code, including forbidden words inside comments, strings, templates and regexes', () => {
    expect(
      tokens([
        '// Math.pow(2, 0.5) and x ** 2 in a comment; Date.now() too',
        '/* performance.now() window.x',
        '   document.title */',
        'const s = \'Math.random() ** Date import x from "phaser"\';',
        'const q = "setTimeout(globalThis.crypto)";',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: this string is template-literal source for the scanner
        'const t = `window.x ${Math.floor(1.5) + `nested ${Math.abs(-1)} Date`} document.y`;',
        'const r = /\\*\\*|Math\\.pow/g.test(s) ? 1 : 0;',
        'const m = Math.max(1, Math.imul(2, 3)) / 2 / Math.PI;',
        'const updatedAt = state.window.start + obj.Date + mathx.powD(2, 3);',
        'const keys = { window: 4, Date: 1, crypto: 2 };',
        'interface Goal { window: number; performance(): void }',
        'const { floor, max: biggest } = Math;',
        "import { expD } from './mathx';",
        "import type { Foo } from '../engine/foo';",
        "export { bar } from './views-helper';",
      ]),
    ).toEqual([]);
  });

  it('reports other banned globals and template-expression code', () => {
    expect(
      tokens([
        // biome-ignore lint/suspicious/noTemplateCurlyInString: this string is template-literal source for the scanner
        'const a = `total ${x ** 2}`;',
        'const M = Math;',
        'Math["sqrt"](2);',
        'const r = Math.random();',
        'performance.now(); document.body; window.foo; process.env.X;',
        'globalThis.x = localStorage.getItem("k");',
        'setTimeout(f, 1); setInterval(f, 1);',
        'crypto.getRandomValues(buf);',
        'y **= 2;',
        'const when: Date = new Intl.DateTimeFormat().format(now);',
      ]),
    ).toEqual([
      'mem.ts:1: **',
      `mem.ts:2: ${ALIASED}`,
      `mem.ts:3: ${ALIASED}`,
      'mem.ts:4: Math.random',
      'mem.ts:5: document',
      'mem.ts:5: performance',
      'mem.ts:5: process',
      'mem.ts:5: window',
      'mem.ts:6: globalThis',
      'mem.ts:6: localStorage',
      'mem.ts:7: setInterval',
      'mem.ts:7: setTimeout',
      'mem.ts:8: crypto',
      'mem.ts:9: **=',
      'mem.ts:10: Date',
      'mem.ts:10: Intl',
    ]);
  });

  it('reports Math reached through an alias, destructuring, parentheses or a call', () => {
    expect(
      tokens([
        'const { pow } = Math;',
        'const { floor, sqrt: root, exp } = Math;',
        'const { ...all } = Math;',
        'const T = (Math).tan;',
        'use(Math);',
        'const L = Math?.log;',
      ]),
    ).toEqual([
      'mem.ts:1: Math.pow',
      'mem.ts:2: Math.exp',
      'mem.ts:2: Math.sqrt',
      `mem.ts:3: ${ALIASED}`,
      `mem.ts:4: ${ALIASED}`,
      `mem.ts:5: ${ALIASED}`,
      'mem.ts:6: Math.log',
    ]);
  });

  it('reports imports from phaser, the view and app layers, crypto and Node', () => {
    expect(
      tokens([
        "import Phaser from 'phaser';",
        'import {',
        '  Scene,',
        "} from 'phaser/scene';",
        "import { draw } from '../view/draw';",
        "export * from '../../app';",
        "import '../app/setup';",
        "const lazy = import('../view');",
        "import { randomBytes } from 'node:crypto';",
        "const fs = require('node:fs');",
        "type Ctx = import('../app/context').AppContext;",
        "import type { Session } from '../app/session';",
        'const dynamic = import(name);',
      ]),
    ).toEqual([
      "mem.ts:1: import from 'phaser'",
      "mem.ts:4: import from 'phaser/scene'",
      "mem.ts:5: import from '../view/draw' (engine must not depend on view/app)",
      "mem.ts:6: import from '../../app' (engine must not depend on view/app)",
      "mem.ts:7: import from '../app/setup' (engine must not depend on view/app)",
      "mem.ts:8: import from '../view' (engine must not depend on view/app)",
      "mem.ts:9: import from 'node:crypto' (crypto)",
      "mem.ts:10: import from 'node:fs' (a Node module: the engine runs in browsers)",
      "mem.ts:11: import from '../app/context' (engine must not depend on view/app)",
      "mem.ts:12: import from '../app/session' (engine must not depend on view/app)",
      'mem.ts:13: import of a module named at run time',
    ]);
  });
});
