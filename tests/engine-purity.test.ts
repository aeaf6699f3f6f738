// Guards the engine's determinism and layering by scanning its source: the engine must give bit-identical
// results in every JS engine (so no transcendental Math.*, no **, no clocks, no randomness, no host APIs)
// and must never import from the view or app layers (dependencies point view -> app -> engine).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ENGINE_DIR = fileURLToPath(new URL('../src/engine', import.meta.url));

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

interface Violation {
  file: string;
  line: number;
  token: string;
}

// Keywords after which a `/` starts a regular expression rather than a division.
const REGEX_AFTER_WORD = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
]);
const REGEX_AFTER_PUNCT = '(,=:[!&|?{};+-*%<>~^';

/**
 * Two same-length views of the source with newlines kept: `code` has comments, string / template text and
 * regex literals blanked; `noComments` keeps string contents so import specifiers can be read at the same
 * offsets.
 */
function stripSource(src: string): { code: string; noComments: string } {
  const code: string[] = [];
  const keep: string[] = [];
  const blank = (ch: string): string => (ch === '\n' ? '\n' : ' ');
  const emitCode = (s: string): void => {
    code.push(s);
    keep.push(s);
  };
  const emitText = (ch: string): void => {
    code.push(blank(ch));
    keep.push(ch);
  };
  const emitComment = (ch: string): void => {
    code.push(blank(ch));
    keep.push(blank(ch));
  };
  const n = src.length;
  const templateDepths: number[] = [];
  let depth = 0;
  let inTemplate = false;
  let prevSig = '';
  let prevWord = '';
  let i = 0;
  while (i < n) {
    const c = src.charAt(i);
    const d = src.charAt(i + 1);
    if (inTemplate) {
      if (c === '\\') {
        emitText(c);
        if (i + 1 < n) emitText(d);
        i += 2;
      } else if (c === '`') {
        emitCode(c);
        inTemplate = false;
        prevSig = '`';
        prevWord = '';
        i++;
      } else if (c === '$' && d === '{') {
        emitCode('$');
        emitCode('{');
        templateDepths.push(depth);
        depth++;
        inTemplate = false;
        prevSig = '{';
        prevWord = '';
        i += 2;
      } else {
        emitText(c);
        i++;
      }
      continue;
    }
    if (c === '/' && d === '/') {
      while (i < n && src.charAt(i) !== '\n') emitComment(src.charAt(i++));
      continue;
    }
    if (c === '/' && d === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      while (i < stop) emitComment(src.charAt(i++));
      continue;
    }
    if (c === "'" || c === '"') {
      emitCode(c);
      i++;
      while (i < n) {
        const ch = src.charAt(i);
        if (ch === '\\' && i + 1 < n) {
          emitText(ch);
          emitText(src.charAt(i + 1));
          i += 2;
        } else if (ch === c || ch === '\n') {
          emitCode(ch);
          i++;
          break;
        } else {
          emitText(ch);
          i++;
        }
      }
      prevSig = c;
      prevWord = '';
      continue;
    }
    if (c === '`') {
      emitCode(c);
      inTemplate = true;
      i++;
      continue;
    }
    if (c === '/') {
      const regexAllowed =
        prevSig === '' ||
        REGEX_AFTER_PUNCT.includes(prevSig) ||
        (prevSig === 'w' && REGEX_AFTER_WORD.has(prevWord));
      const end = regexAllowed ? regexEnd(src, i) : -1;
      if (end > 0) {
        for (let j = i; j < end; j++) emitText(src.charAt(j));
        i = end;
        prevSig = 'w';
        prevWord = '';
        continue;
      }
    }
    if (/[\w$]/.test(c)) {
      let j = i;
      while (j < n && /[\w$]/.test(src.charAt(j))) j++;
      const word = src.slice(i, j);
      emitCode(word);
      prevSig = 'w';
      prevWord = word;
      i = j;
      continue;
    }
    if (c === '{') depth++;
    if (c === '}') {
      depth--;
      if (templateDepths.length > 0 && templateDepths[templateDepths.length - 1] === depth) {
        templateDepths.pop();
        emitCode(c);
        inTemplate = true;
        i++;
        continue;
      }
    }
    emitCode(c);
    if (!/\s/.test(c)) {
      prevSig = c;
      prevWord = '';
    }
    i++;
  }
  return { code: code.join(''), noComments: keep.join('') };
}

// End offset (after flags) of a regex literal starting at `start`, or -1 if it does not close on this line.
function regexEnd(src: string, start: number): number {
  let i = start + 1;
  let inClass = false;
  while (i < src.length) {
    const ch = src.charAt(i);
    if (ch === '\n') return -1;
    if (ch === '\\') i += 2;
    else {
      if (ch === '[') inClass = true;
      else if (ch === ']') inClass = false;
      else if (ch === '/' && !inClass) {
        i++;
        while (i < src.length && /[a-z]/i.test(src.charAt(i))) i++;
        return i;
      }
      i++;
    }
  }
  return -1;
}

const TOKEN_RULES: readonly { re: RegExp; token: (m: RegExpExecArray) => string | null }[] = [
  {
    re: /(?<![.\w$])Math\b(?:\s*\.\s*([A-Za-z_$][\w$]*))?/g,
    token: (m) => {
      const name = m[1];
      if (name === undefined) return 'Math (aliased or computed access)';
      return ALLOWED_MATH.has(name) ? null : `Math.${name}`;
    },
  },
  { re: /\*\*/g, token: () => '**' },
  { re: /(?<![.\w$])Date\b/g, token: () => 'Date' },
  { re: /(?<![.\w$])(performance|document|window|process)\s*\./g, token: (m) => `${m[1]}.` },
  { re: /(?<![\w$])(localStorage|sessionStorage|globalThis|crypto)\b/g, token: (m) => m[1] ?? null },
  { re: /(?<![\w$])(setTimeout|setInterval)\b/g, token: (m) => m[1] ?? null },
];

// Module specifiers are located in the blanked code (so text inside strings cannot fake an import) and read
// from the comment-free copy at the same offsets.
const IMPORT_RULES: readonly RegExp[] = [
  /\b(?:import|export)\b[^;'"`]*?\bfrom\s*(['"])([^'"\n]*)\1/g,
  /\bimport\s*(['"])([^'"\n]*)\1/g,
  /\bimport\s*\(\s*(['"])([^'"\n]*)\1/g,
  /\brequire\s*\(\s*(['"])([^'"\n]*)\1/g,
];

function forbiddenImport(spec: string): string | null {
  if (spec === 'phaser' || spec.startsWith('phaser/')) return `import from '${spec}'`;
  if (spec === 'crypto' || spec === 'node:crypto') return `import from '${spec}' (crypto)`;
  if (spec.startsWith('.') && spec.split('/').some((seg) => seg === 'view' || seg === 'app')) {
    return `import from '${spec}' (engine must not depend on view/app)`;
  }
  return null;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function scanSource(source: string, file: string): Violation[] {
  const { code, noComments } = stripSource(source);
  const out: Violation[] = [];
  for (const rule of TOKEN_RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(code); m !== null; m = rule.re.exec(code)) {
      const token = rule.token(m);
      if (token !== null) out.push({ file, line: lineAt(code, m.index), token });
    }
  }
  for (const re of IMPORT_RULES) {
    re.lastIndex = 0;
    for (let m = re.exec(code); m !== null; m = re.exec(code)) {
      const quoteLen = (m[1] ?? '').length;
      const specEnd = m.index + m[0].length - quoteLen;
      const specStart = specEnd - (m[2] ?? '').length;
      const token = forbiddenImport(noComments.slice(specStart, specEnd));
      if (token !== null) out.push({ file, line: lineAt(code, specStart), token });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.token.localeCompare(b.token));
}

function engineSources(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...engineSources(path));
    else if (/\.(ts|mts|tsx)$/.test(entry.name) && !/\.test\.(ts|mts|tsx)$/.test(entry.name))
      files.push(path);
  }
  return files.sort();
}

describe('engine purity', () => {
  it('src/engine uses only deterministic operations and never imports view, app or phaser', () => {
    const files = engineSources(ENGINE_DIR);
    expect(files.length).toBeGreaterThan(0);
    const violations = files.flatMap((f) =>
      scanSource(readFileSync(f, 'utf8'), relative(join(ENGINE_DIR, '..', '..'), f)),
    );
    const report = violations.map((v) => `${v.file}:${v.line}: ${v.token}`).join('\n');
    expect(report, `non-deterministic or layering-violating code in the engine:\n${report}`).toBe('');
  });
});

describe('purity scanner', () => {
  const tokens = (src: string): string[] => scanSource(src, 'mem.ts').map((v) => `${v.line}:${v.token}`);

  it('reports Math.pow, ** and Date', () => {
    const src = ['const a = Math.pow(2, 0.5);', 'const b = x ** 0.5;', 'const t = Date.now();'].join('\n');
    expect(tokens(src)).toEqual(['1:Math.pow', '2:**', '3:Date']);
  });

  it('accepts clean code, including forbidden words inside comments, strings, templates and regexes', () => {
    const src = [
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
      "import { expD } from './mathx';",
      "import type { Foo } from '../engine/foo';",
      "export { bar } from './views-helper';",
    ].join('\n');
    expect(tokens(src)).toEqual([]);
  });

  it('reports other banned globals and template-expression code', () => {
    const src = [
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
    ].join('\n');
    expect(tokens(src)).toEqual([
      '1:**',
      '2:Math (aliased or computed access)',
      '3:Math (aliased or computed access)',
      '4:Math.random',
      '5:document.',
      '5:performance.',
      '5:process.',
      '5:window.',
      '6:globalThis',
      '6:localStorage',
      '7:setInterval',
      '7:setTimeout',
      '8:crypto',
      '9:**',
    ]);
  });

  it('reports imports from phaser, the view and app layers, and crypto', () => {
    const src = [
      "import Phaser from 'phaser';",
      'import {',
      '  Scene,',
      "} from 'phaser/scene';",
      "import { draw } from '../view/draw';",
      "export * from '../../app';",
      "import '../app/setup';",
      "const lazy = import('../view');",
      "import { randomBytes } from 'node:crypto';",
    ].join('\n');
    expect(tokens(src)).toEqual([
      "1:import from 'phaser'",
      "4:import from 'phaser/scene'",
      "5:import from '../view/draw' (engine must not depend on view/app)",
      "6:import from '../../app' (engine must not depend on view/app)",
      "7:import from '../app/setup' (engine must not depend on view/app)",
      "8:import from '../view' (engine must not depend on view/app)",
      "9:import from 'node:crypto' (crypto)",
    ]);
  });
});
