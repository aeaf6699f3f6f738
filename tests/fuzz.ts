// How hard the fuzz and property tests push. In the normal suite (npm test) every property runs a
// small fixed number of cases from a fixed seed, so the suite is quick and repeatable. `npm run
// fuzz` (scripts/fuzz.mjs) sets FUZZ_SCALE to multiply every budget and FUZZ_SEED to explore new
// cases on each run (the seed is printed; set it again to repeat a run). Also: JSON mutations for
// fuzzing files (saves, levels) and a guard that reports anything thrown past an API.

import fc from 'fast-check';

/** Multiplier of every property's number of runs (1 in the normal suite). */
export const FUZZ_SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1) || 1);

/** Runs for a property whose normal-suite budget is `base`. */
export function runs(base: number): number {
  return Math.max(1, Math.ceil(base * FUZZ_SCALE));
}

/** The fast-check seed: `fixed` in the normal suite, mixed with FUZZ_SEED in a fuzz run. */
export function seedFor(fixed: number): number {
  const extra = Number(process.env.FUZZ_SEED ?? 0) | 0;
  return (fixed ^ extra) | 0;
}

/** fc.assert parameters for a property with a normal-suite budget of `base` runs. */
export function budget(base: number, fixedSeed: number): { numRuns: number; seed: number } {
  return { numRuns: runs(base), seed: seedFor(fixedSeed) };
}

/** Calls `fn`, turning anything it throws into a test failure that says it escaped the API. */
export function noThrow<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw new Error(`${what} threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// JSON mutation: one value somewhere in a document deleted, retyped, pushed out of range or cut.

export type Path = (string | number)[];
/** Maps the old value to the new one, or to DELETE to drop it (the key, or the array element). */
export type Mutation = (old: unknown) => unknown;
export const DELETE = Symbol('delete');

export function asObject(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : { v };
}

/** Every path in a JSON value (the root included), depth first. */
export function pathsOf(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) pathsOf(v[i], [...at, i], out);
  } else if (typeof v === 'object' && v !== null)
    for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out);
  return out;
}

/** A copy of `v` with the value at `path` mutated (undefined when the root itself is deleted). */
export function mutateAt(v: unknown, path: Path, mutate: Mutation): unknown {
  if (path.length === 0) {
    const r = mutate(v);
    return r === DELETE ? undefined : r;
  }
  const [head, ...rest] = path;
  if (Array.isArray(v)) {
    const copy = v.slice();
    const i = head as number;
    if (rest.length > 0) copy[i] = mutateAt(copy[i], rest, mutate);
    else {
      const r = mutate(copy[i]);
      if (r === DELETE) copy.splice(i, 1);
      else copy[i] = r;
    }
    return copy;
  }
  const obj = { ...(v as Record<string, unknown>) };
  const k = head as string;
  if (rest.length > 0) obj[k] = mutateAt(obj[k], rest, mutate);
  else {
    const r = mutate(obj[k]);
    if (r === DELETE) delete obj[k];
    else obj[k] = r;
  }
  return obj;
}

/** JSON objects that break naive code: String() of the first throws; the others shadow built-ins. */
export const HOSTILE: readonly unknown[] = [
  JSON.parse('{"toString": 0, "valueOf": 0}'),
  JSON.parse('{"__proto__": {"type": "quarter/end"}, "constructor": 1}'),
  JSON.parse('{"hasOwnProperty": 1, "length": 99}'),
];

/** Deleted, replaced by random JSON or by a value of a wrong type or range, shifted, or cut short. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>(() => DELETE),
  fc.jsonValue({ maxDepth: 2 }).map(
    (x): Mutation =>
      () =>
        x,
  ),
  fc
    .constantFrom<unknown>(null, '', 'x', 0, -1, 1.5, -0.5, 1e21, -1e21, 2 ** 53, true, [], {}, ...HOSTILE)
    .map(
      (x): Mutation =>
        () =>
          x,
    ),
  fc.integer({ min: -1000, max: 1000 }).map(
    (d): Mutation =>
      (old) =>
        typeof old === 'number' ? old + d : old,
  ),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(
    (x): Mutation =>
      (old) =>
        typeof old === 'number' ? x : old,
  ),
  fc.nat(40).map(
    (n): Mutation =>
      (old) =>
        typeof old === 'string' || Array.isArray(old) ? old.slice(0, n) : old,
  ),
);
