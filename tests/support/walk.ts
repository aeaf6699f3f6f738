// Test support, walking a state: every number with its path, non-finite and non-JSON values.

// ---------------------------------------------------------------------------------------
// State walking

/** Every number in a JSON-like value, with its dotted path. */
export function* numbersIn(value: unknown, path = ''): Generator<[string, number]> {
  if (typeof value === 'number') yield [path, value];
  else if (Array.isArray(value))
    for (let i = 0; i < value.length; i++) yield* numbersIn(value[i], `${path}.${i}`);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* numbersIn(v, path ? `${path}.${k}` : k);
}

/** Paths of numbers that are NaN or infinite; [] when all are finite. */
export function nonFinitePaths(value: unknown): string[] {
  const bad: string[] = [];
  for (const [p, n] of numbersIn(value)) if (!Number.isFinite(n)) bad.push(`${p}=${n}`);
  return bad;
}

/** Paths holding values JSON cannot carry faithfully (undefined, functions, class instances). */
export function nonJsonPaths(value: unknown, path = ''): string[] {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')
    return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonJsonPaths(v, `${path}.${i}`));
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return [`${path} (${proto?.constructor?.name})`];
    return Object.entries(value).flatMap(([k, v]) => nonJsonPaths(v, path ? `${path}.${k}` : k));
  }
  return [`${path} (${typeof value})`];
}
