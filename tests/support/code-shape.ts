// Measures the code's shape for tests/code-shape.test.ts: each file's length in lines and each
// function's, found with the TypeScript parser (tests/support/ts-parse.ts). A function is named by
// where it stands — `Class.method`, `outer › inner`, `outer › items.map callback` — so a name stays
// the same when lines above it move.
import { type Node, type Parsed, type SourceFile, SyntaxKind, walk } from './ts-parse';

export interface FunctionSize {
  name: string;
  /** 1-based line of the function's first token (after any comment above it). */
  line: number;
  lines: number;
}

export interface FileShape {
  file: string;
  lines: number;
  functions: FunctionSize[];
}

/** Lines as `wc -l` counts them (a last line without a newline still counts). */
export function lineCount(text: string): number {
  if (text === '') return 0;
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}

export function shapeOf(file: Parsed): FileShape {
  const functions: FunctionSize[] = [];
  walk(file.source, (node) => {
    if (!isFunctionLike(node)) return;
    const first = file.line(node);
    const last = file.source.getLineAndCharacterOfPosition(node.end).line + 1;
    functions.push({ name: qualifiedName(node, file.source), line: first, lines: last - first + 1 });
  });
  return { file: file.name, lines: lineCount(file.text), functions };
}

const FUNCTION_KINDS = new Set<SyntaxKind>([
  SyntaxKind.FunctionDeclaration,
  SyntaxKind.FunctionExpression,
  SyntaxKind.ArrowFunction,
  SyntaxKind.MethodDeclaration,
  SyntaxKind.Constructor,
  SyntaxKind.GetAccessor,
  SyntaxKind.SetAccessor,
]);

function isFunctionLike(node: Node): boolean {
  // A signature without a body (an overload, an abstract method) has no lines of its own to count.
  return FUNCTION_KINDS.has(node.kind) && (node as { body?: Node }).body !== undefined;
}

/** The function's own name, prefixed by the functions (and class) it stands in. */
function qualifiedName(node: Node, source: SourceFile): string {
  const parts = [ownName(node, source)];
  for (let up = node.parent; up !== undefined && up.kind !== SyntaxKind.SourceFile; up = up.parent) {
    if (isFunctionLike(up)) {
      parts.unshift(ownName(up, source));
      break; // the enclosing function's own name already carries its class
    }
  }
  return parts.join(' › ');
}

function ownName(node: Node, source: SourceFile): string {
  const named = (node as { name?: Node }).name;
  const className = enclosingClass(node);
  if (node.kind === SyntaxKind.Constructor) return `${className}.constructor`;
  if (named !== undefined && node.kind !== SyntaxKind.FunctionExpression) {
    const base = named.getText(source);
    return className === undefined || node.kind === SyntaxKind.FunctionDeclaration
      ? base
      : `${className}.${base}`;
  }
  return nameFromParent(node, source, named);
}

function nameFromParent(node: Node, source: SourceFile, named: Node | undefined): string {
  const parent = node.parent;
  if (parent === undefined) return '(anonymous)';
  switch (parent.kind) {
    case SyntaxKind.VariableDeclaration:
    case SyntaxKind.PropertyAssignment:
    case SyntaxKind.PropertyDeclaration: {
      const key = (parent as unknown as { name: Node }).name.getText(source);
      const className = parent.kind === SyntaxKind.PropertyDeclaration ? enclosingClass(parent) : undefined;
      return className === undefined ? key : `${className}.${key}`;
    }
    case SyntaxKind.CallExpression:
    case SyntaxKind.NewExpression: {
      const callee = (parent as unknown as { expression: Node }).expression.getText(source);
      return `${callee.length > 40 ? `${callee.slice(0, 40)}…` : callee} callback`;
    }
    default:
      return named === undefined ? '(anonymous)' : named.getText(source);
  }
}

function enclosingClass(node: Node): string | undefined {
  const parent = node.parent;
  if (parent === undefined) return undefined;
  if (parent.kind !== SyntaxKind.ClassDeclaration && parent.kind !== SyntaxKind.ClassExpression)
    return undefined;
  const name = (parent as unknown as { name?: { text: string } }).name;
  return name?.text ?? '(class)';
}

/** The limits a source file and a function are held to. */
export interface ShapeLimits {
  fileLines: number;
  functionLines: number;
}

/**
 * Known debt: files (and functions, by their qualified name) allowed over the limits, each with its
 * size when it was listed. It may shrink but not grow, and leaves the list once within the limit.
 */
export type KnownDebt = Readonly<
  Record<string, { readonly lines?: number; readonly functions?: Readonly<Record<string, number>> }>
>;

/**
 * What is wrong with the shapes, one sentence each naming the file (and the function, its line and
 * its length): a file or function over its limit and not in `debt`, debt that grew, and debt that
 * is no longer needed (within the limit now, or gone). `dataFiles` are held to the function limit
 * only (tables of data, such as translations).
 */
export function shapeProblems(
  shapes: readonly FileShape[],
  limits: ShapeLimits,
  debt: KnownDebt,
  dataFiles: ReadonlySet<string> = new Set(),
): string[] {
  const out: string[] = [];
  for (const shape of shapes) {
    const known = debt[shape.file];
    if (!dataFiles.has(shape.file)) out.push(...fileProblems(shape, limits, known?.lines));
    out.push(...functionProblems(shape, limits, known?.functions ?? {}));
  }
  const seen = new Set(shapes.map((s) => s.file));
  for (const file of Object.keys(debt))
    if (!seen.has(file))
      out.push(`${file} is listed as known debt but was not measured: take it off the list`);
  return out;
}

function fileProblems(shape: FileShape, limits: ShapeLimits, known: number | undefined): string[] {
  const { file, lines } = shape;
  const limit = limits.fileLines;
  if (known === undefined)
    return lines > limit ? [`${file} is ${lines} lines (limit ${limit}): split it by job`] : [];
  if (lines <= limit)
    return [`${file} is ${lines} lines, within the limit of ${limit}: take it off the known debt`];
  if (lines > known)
    return [`${file} grew to ${lines} lines (known debt: ${known}): shrink it, do not grow it`];
  return [];
}

function functionProblems(
  shape: FileShape,
  limits: ShapeLimits,
  known: Readonly<Record<string, number>>,
): string[] {
  const out: string[] = [];
  const limit = limits.functionLines;
  const over = shape.functions.filter((f) => f.lines > limit);
  for (const f of over) {
    const allowed = known[f.name];
    const where = `${shape.file}: ${f.name} (line ${f.line})`;
    if (allowed === undefined)
      out.push(`${where} is ${f.lines} lines (limit ${limit}): break it into named steps`);
    else if (f.lines > allowed)
      out.push(`${where} grew to ${f.lines} lines (known debt: ${allowed}): shrink it, do not grow it`);
  }
  for (const name of Object.keys(known))
    if (!over.some((f) => f.name === name))
      out.push(
        `${shape.file}: ${name} is within the limit of ${limit} lines (or gone): take it off the known debt`,
      );
  return out;
}
