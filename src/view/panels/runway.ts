// How a runway looks: its colour class and its symbol, good from 6 quarters, fair from 3, poor
// below (the dashboard's figures, the key-figure tile, the results' headline). plan.ts re-exports
// them for the screens that import them from there.

export function runwayClass(q: number): string {
  if (q >= 6) return 'good';
  if (q >= 3) return 'fair';
  return 'poor';
}

export function runwayIcon(q: number): string {
  if (q >= 6) return '●';
  if (q >= 3) return '◐';
  return '○';
}
