// Layout rules of the SVG charts (src/view/charts.ts), kept pure so they can be tested without a
// browser: how wide a label will be, and which x-axis labels to draw so that none overlap.

/** Rough width of a label (px): CJK glyphs are square, Latin about 0.58 em (0.64 em in bold). */
export function textWidth(text: string, px = 11, bold = false): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? px : px * (bold ? 0.64 : 0.58);
  return w;
}

/** Least room (px) between two x-axis labels drawn side by side. */
export const TICK_GAP = 8;

/**
 * Which of n x-axis labels to draw when their positions are `spacing` px apart and each label is
 * about `labelW` px wide: a regular stride, long enough that any two labels drawn are at least
 * their width plus a gap apart. The last label (the latest quarter) is always drawn; the first too
 * when a stride at most half as long again as the shortest one divides the run evenly.
 */
export function xTickIndices(n: number, spacing: number, labelW: number, gap = TICK_GAP): number[] {
  if (n <= 0) return [];
  if (n === 1) return [0];
  const need = labelW + gap;
  const min = spacing > 0 ? Math.max(1, Math.ceil(need / spacing - 1e-9)) : n;
  if (min >= n) return [n - 1];
  let stride = min;
  for (let k = min; k <= Math.min(n - 1, Math.floor(min * 1.5)); k++)
    if ((n - 1) % k === 0) {
      stride = k;
      break;
    }
  const out: number[] = [];
  for (let i = n - 1; i >= 0; i -= stride) out.push(i);
  return out.reverse();
}
