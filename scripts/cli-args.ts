// Shared command-line handling for the scripts (sim, verify, tournament, balance, desync, bench).
// Parsing is strict: an unknown flag or a bad value is a usage error (exit code 2, exactly one line on
// stderr, nothing on stdout) so a typo never silently runs with the defaults and scripts driving the
// tools can tell "you called me wrong" (2) from "something broke" (1).

import { findLevel, LEVEL_IDS } from '../src/app/levels';
import type { Level } from '../src/engine/index';
import { printable } from './printable';

export type OptionSpec =
  | { kind: 'string'; default: string; value: string; help: string }
  | { kind: 'seed'; default: number; value: string; help: string }
  | { kind: 'number'; default: number; value: string; help: string }
  | { kind: 'flag'; help: string };

export type OptionValues<S extends Record<string, OptionSpec>> = {
  [K in keyof S]: S[K] extends { kind: 'flag' } ? boolean : S[K] extends { kind: 'string' } ? string : number;
};

/** A mistake in how the tool was called; `runCli` prints it as one line and exits with code 2. */
export class UsageError extends Error {}

export type Parsed<S extends Record<string, OptionSpec>> =
  | { help: true; usage: string }
  | { help: false; usage: string; values: OptionValues<S> };

/** Usage text generated from the spec so the help can never drift from what is parsed. */
export function usageOf(prog: string, spec: Record<string, OptionSpec>, summary: string): string {
  const rows = Object.entries(spec).map(([name, o]) => {
    const left = o.kind === 'flag' ? `--${name}` : `--${name} <${o.value}>`;
    // An empty default means "off" (e.g. sim's --bot): nothing to show.
    const def = o.kind === 'flag' || o.default === '' ? '' : ` (default: ${o.default})`;
    return [left, `${o.help}${def}`] as const;
  });
  rows.push(['--help', 'print this help']);
  const width = Math.max(...rows.map(([l]) => l.length));
  return [
    `usage: npm run --silent ${prog} -- [options]`,
    '',
    summary,
    '',
    'options:',
    ...rows.map(([l, r]) => `  ${l.padEnd(width)}  ${r}`),
    '',
  ].join('\n');
}

const SAFE_UINT = /^\d+$/;

function parseSeed(prog: string, name: string, raw: string): number {
  const n = Number(raw);
  if (!SAFE_UINT.test(raw) || !Number.isSafeInteger(n)) {
    throw new UsageError(
      `${prog}: bad ${name} "${raw}" (valid: a non-negative safe integer, 0..${Number.MAX_SAFE_INTEGER})`,
    );
  }
  return n;
}

function parseNumber(prog: string, name: string, raw: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new UsageError(`${prog}: bad ${name} "${raw}" (valid: a positive number)`);
  }
  return n;
}

/**
 * Parses `--name value`, `--name=value` and boolean `--flag`s. Later occurrences win. A value may start
 * with a single dash (`--seed -1` must reach the seed check and be rejected there, not be taken for a flag).
 */
export function parseCli<S extends Record<string, OptionSpec>>(
  prog: string,
  argv: readonly string[],
  spec: S,
  summary: string,
): Parsed<S> {
  const usage = usageOf(prog, spec, summary);
  const names = Object.keys(spec);
  const validFlags = [...names, 'help'].map((n) => `--${n}`).join(', ');
  const values: Record<string, string | number | boolean> = {};
  for (const [name, o] of Object.entries(spec)) values[name] = o.kind === 'flag' ? false : o.default;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      throw new UsageError(`${prog}: unexpected argument "${arg}" (valid flags: ${validFlags})`);
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (name === 'help' && eq === -1) return { help: true, usage };
    const o = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (o === undefined) throw new UsageError(`${prog}: unknown flag "--${name}" (valid: ${validFlags})`);
    if (o.kind === 'flag') {
      if (eq !== -1) throw new UsageError(`${prog}: flag --${name} takes no value (got "${arg}")`);
      values[name] = true;
      continue;
    }
    let raw: string;
    if (eq !== -1) {
      raw = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) {
        throw new UsageError(`${prog}: missing value for --${name} (expected <${o.value}>)`);
      }
      raw = next;
      i++;
    }
    values[name] =
      o.kind === 'seed'
        ? parseSeed(prog, name, raw)
        : o.kind === 'number'
          ? parseNumber(prog, name, raw)
          : raw;
  }
  return { help: false, usage, values: values as OptionValues<S> };
}

/** Throws the standard one-line error unless `value` is one of `valid`. */
export function checkChoice<T extends string>(
  prog: string,
  what: string,
  value: string,
  valid: readonly T[],
): T {
  if ((valid as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${prog}: unknown ${what} "${value}" (valid: ${valid.join(', ')})`);
}

/** One argument of a hand-parsed command line (`--name value` or `--name=value`). */
export interface ArgToken {
  /** The argument as given. */
  arg: string;
  /** The flag's name, without any `=value`. */
  name: string;
  /** The flag's value: after `=`, else the next argument (a usage error if there is none). */
  value(): string;
  /** Refuses a value given to a flag that takes none (`--json=1`). */
  flagOnly(): void;
}

/** Walks a command line for scripts that parse it by hand (tournament, balance). */
export function* argTokens(prog: string, argv: readonly string[]): Generator<ArgToken> {
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    yield {
      arg,
      name,
      value: () => {
        if (eq > 0) return arg.slice(eq + 1);
        const v = argv[++i];
        if (v === undefined || v.startsWith('--')) throw new UsageError(`${prog}: missing value for ${name}`);
        return v;
      },
      flagOnly: () => {
        if (eq > 0) throw new UsageError(`${prog}: flag ${name} takes no value (got "${arg}")`);
      },
    };
    i++;
  }
}

/** A comma-separated list flag's items: a usage error if there are none. */
export function commaList(prog: string, flag: string, v: string, what: string): string[] {
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0)
    throw new UsageError(`${prog}: empty ${flag} "${v}" (give at least one ${what}, comma-separated)`);
  return items;
}

/**
 * A seed-list flag's seeds, sorted and without repeats: `1-1000`, `1,2,10-20`. A range wider than
 * `maxSpan` is a usage error, as is anything else that is no list of seeds; `example` is shown.
 */
export function seedList(
  prog: string,
  flag: string,
  raw: string,
  maxSpan: number,
  example: string,
): number[] {
  const out = new Set<number>();
  for (const part of raw.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    const a = m ? Number(m[1]) : Number.NaN;
    const b = m?.[2] !== undefined ? Number(m[2]) : a;
    if (!m || !Number.isSafeInteger(a) || !Number.isSafeInteger(b) || b < a || b - a > maxSpan)
      throw new UsageError(`${prog}: bad ${flag} "${raw}" (valid: e.g. ${example} or 1,2,10-20)`);
    for (let s = a; s <= b; s++) out.add(s);
  }
  return [...out].sort((x, y) => x - y);
}

/** A --workers value: 0..256. */
export function workersArg(prog: string, raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) > 256)
    throw new UsageError(`${prog}: bad --workers "${raw}" (valid: 0..256)`);
  return Number(raw);
}

/** The bundled level a --level value names: a usage error unless it is one. */
export function levelOfCli(prog: string, value: string): Level {
  const id = checkChoice(prog, 'level', value, LEVEL_IDS);
  const level = findLevel(id);
  if (!level) throw new Error(`level "${id}" is listed but not found`);
  return level;
}

/**
 * Runs a script's main function: usage errors → one line on stderr and exit code 2; anything else is a
 * bug → one line on stderr and exit code 1 (the stack too when DEBUG is set). Sets `process.exitCode`
 * rather than calling `process.exit` so a large stdout write is never cut short.
 */
export function runCli(main: () => void): void {
  quietOnClosedStdout();
  try {
    main();
  } catch (err) {
    reportCliError(err);
  }
}

/** The same contract for an async main: resolves to the exit code it sets (0 when it returns none). */
export function runCliAsync(main: () => Promise<number | undefined>): void {
  quietOnClosedStdout();
  main().then((code) => {
    if (typeof code === 'number') process.exitCode = code;
  }, reportCliError);
}

/**
 * When the reader of stdout goes away (`verify class.csv | head`), stop at once and quietly, as
 * command-line tools do, instead of failing with an unhandled EPIPE.
 */
function quietOnClosedStdout(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    reportCliError(e);
  });
}

/** The program's name for messages: the script's file name (e.g. "verify"). */
const progName = (): string =>
  (process.argv[1] ?? 'cli').replace(/^.*[\\/]/, '').replace(/\.[cm]?[jt]s$/, '');

/**
 * A usage error → its one line and exit code 2; anything else is a bug → "<prog>: internal error: …"
 * on one line and exit code 1. Either line is printable (no control character from the input).
 */
export function reportCliError(err: unknown): void {
  const oneLine = (s: string) => printable(s.replace(/\s*\n\s*/g, ' '));
  if (err instanceof UsageError) {
    process.stderr.write(`${oneLine(err.message)}\n`);
    process.exitCode = 2;
    return;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`${progName()}: internal error (a bug, please report it): ${oneLine(message)}\n`);
  if (process.env.DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exitCode = 1;
}
