// Parses TypeScript and JavaScript with the TypeScript compiler's own parser, for the tests that read
// the code's structure (tests/code-shape.test.ts, tests/engine-purity.test.ts). TypeScript 7 has no
// in-process `ts.createSourceFile`: its parser runs in the bundled tsgo binary, reached through
// `typescript/unstable/sync`. The files are handed to it from memory (a virtual file system), so a
// snippet parses exactly like a file on disk, and nothing but the named files is loaded.
import { readFileSync } from 'node:fs';
import type { Node, SourceFile } from 'typescript/unstable/ast';
import type { FileSystem } from 'typescript/unstable/fs';
import { API } from 'typescript/unstable/sync';

export { SyntaxKind } from 'typescript/unstable/ast';
export type { Node, SourceFile };

const ROOT = '/parsed';

/** A parsed file: its name as given, its text, and `line(node)`, the 1-based line a node starts on. */
export interface Parsed {
  name: string;
  text: string;
  source: SourceFile;
  line(node: Node): number;
}

/**
 * Parses every file of `files` (name → text) and hands each to `read` while the parser is open; the
 * results come back in the order of `files`. Names are relative paths (`src/engine/x.ts`).
 */
export function parseAll<T>(files: ReadonlyMap<string, string>, read: (file: Parsed) => T): T[] {
  const virtual = new Map<string, string>();
  for (const [name, text] of files) virtual.set(`${ROOT}/${name}`, text);
  const config = {
    compilerOptions: { allowJs: true, noLib: true, noResolve: true, types: [], target: 'esnext' },
    files: [...virtual.keys()],
  };
  virtual.set(`${ROOT}/tsconfig.json`, JSON.stringify(config));
  const api = new API({ cwd: ROOT, fs: memoryFileSystem(virtual) });
  try {
    const snapshot = api.updateSnapshot({ openProjects: [`${ROOT}/tsconfig.json`] });
    const program = snapshot.getProjects()[0]?.program;
    if (program === undefined) throw new Error('the TypeScript parser opened no project');
    return [...files].map(([name, text]) => {
      const source = program.getSourceFile(`${ROOT}/${name}`);
      if (source === undefined) throw new Error(`the TypeScript parser did not read ${name}`);
      const line = (node: Node): number =>
        source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      return read({ name, text, source, line });
    });
  } finally {
    api.close();
  }
}

/** `parseAll` over files on disk: `names` relative to `root`. */
export function parseFiles<T>(root: string, names: readonly string[], read: (file: Parsed) => T): T[] {
  return parseAll(new Map(names.map((name) => [name, readFileSync(`${root}/${name}`, 'utf8')])), read);
}

/** Every node below `node`, depth first, parents before children. */
export function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  node.forEachChild((child) => {
    walk(child, visit);
  });
}

// The files live only here: the parser sees these and nothing else (no fallback to the real disk).
function memoryFileSystem(files: ReadonlyMap<string, string>): FileSystem {
  const dirs = new Set<string>();
  for (const name of files.keys()) {
    for (let at = name.lastIndexOf('/'); at > 0; at = name.lastIndexOf('/', at - 1))
      dirs.add(name.slice(0, at));
  }
  return {
    readFile: (name) => files.get(name) ?? null,
    fileExists: (name) => files.has(name),
    directoryExists: (name) => dirs.has(name) || name === '/',
    getAccessibleEntries: (dir) => {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      const below = (names: Iterable<string>): string[] =>
        [...names].filter((n) => n.startsWith(prefix) && !n.slice(prefix.length).includes('/'));
      return {
        files: below(files.keys()).map((n) => n.slice(prefix.length)),
        directories: below(dirs).map((n) => n.slice(prefix.length)),
      };
    },
    realpath: (name) => name,
  };
}
