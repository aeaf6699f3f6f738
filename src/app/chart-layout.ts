// Layout rules of the SVG charts (src/view/charts/), kept pure so they can be tested without a
// browser: how wide a label will be, which x-axis labels to draw so that none overlap, the value
// axis (nice ticks, and values too large for the scale drawn in a band above it instead of being
// clipped), and the label column of the P&L waterfall.

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

/** Nice round tick values covering [lo, hi] (whole steps only when `integer`). */
export function niceTicks(lo: number, hi: number, count = 4, integer = false): number[] {
  if (hi === lo) hi = lo + 1;
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step =
    [1, 2, 2.5, 5, 10]
      .map((m) => m * mag)
      .find((st) => st >= raw && (!integer || (st >= 1 && Number.isInteger(st)))) ?? (integer ? 1 : raw);
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

/** Powers of ten covering [lo, hi]. */
export function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
}

/** Height (px) of the band above a value axis where off-scale values are drawn. */
export const OFF_SCALE_BAND = 16;

export interface ValueScale {
  /** The y coordinate of an on-scale value. */
  y: (v: number) => number;
  ticks: number[];
  /** Whether a value is drawn in the off-scale band rather than at its place on the axis. */
  off: (v: number) => boolean;
  /** Where the off-scale band is (its y), when some value is in it. */
  offY: number | null;
}

/**
 * A value axis from y1 (bottom) up to y0 (top) that covers every value below `offScaleFrom`
 * (nothing is clipped); values at or above it (e.g. the runway of a company that is not burning
 * cash) are off the scale: they do not stretch it but go in a band above its top.
 */
export function valueScale(
  values: readonly (number | null)[],
  y0: number,
  y1: number,
  opts: { log?: boolean; zero?: boolean; offScaleFrom?: number } = {},
): ValueScale {
  const from = opts.offScaleFrom ?? Number.POSITIVE_INFINITY;
  const off = (v: number) => v >= from;
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const vals = finite.filter((v) => !off(v));
  const offY = vals.length < finite.length ? y0 + OFF_SCALE_BAND / 2 : null;
  const top = offY === null ? y0 : y0 + OFF_SCALE_BAND;
  if (opts.log) {
    const pos = vals.map((v) => Math.max(v, 0.01));
    const lo = 10 ** Math.floor(Math.log10(Math.min(...pos, 1)));
    const hi = 10 ** Math.ceil(Math.log10(Math.max(...pos, 1)));
    const y = (v: number) =>
      y1 -
      ((Math.log10(Math.max(v, 0.01)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (y1 - top);
    return { y, ticks: logTicks(lo, hi), off, offY };
  }
  let lo = vals.length ? Math.min(...vals) : 0;
  let hi = vals.length ? Math.max(...vals) : 1;
  if (opts.zero ?? true) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (hi === lo) hi = lo + 1;
  const tk = niceTicks(lo, hi);
  lo = Math.min(lo, tk[0] ?? lo);
  hi = Math.max(hi, tk[tk.length - 1] ?? hi);
  const y = (v: number) => y1 - ((v - lo) / (hi - lo)) * (y1 - top);
  return { y, ticks: tk, off, offY };
}

export interface WaterfallLabels {
  /** Width (px) of the label column left of the bars. */
  width: number;
  /** Each label as one or two lines. */
  lines: string[][];
  /** Labels drawn on one line squeezed to the column's width (too long even on two lines). */
  squeeze: boolean[];
}

/** Padding (px) between a waterfall label and its column's edges (8 right of it, 6 left). */
export const WF_LABEL_PAD = 14;

/**
 * The label column of a P&L waterfall `w` px wide whose rows are `band` px tall: as wide as the
 * longest label needs, up to a third of the chart (at least 90 px). A label that does not fit goes
 * on two lines, split at the space nearest its middle (when the rows are tall enough for two and
 * both halves fit); one that still does not fit stays on one line squeezed to the column's width.
 */
export function waterfallLabels(
  labels: readonly string[],
  w: number,
  band: number,
  px = 12,
): WaterfallLabels {
  const max = Math.max(90, w / 3);
  const room = max - WF_LABEL_PAD;
  const twoLines = band >= px * 2.3;
  const width = (t: string) => textWidth(t, px, true);
  const lines = labels.map((l) => {
    if (width(l) <= room || !twoLines) return [l];
    const split = splitLabel(l);
    return split.every((part) => width(part) <= room) ? split : [l];
  });
  const widest = Math.max(0, ...lines.flat().map(width));
  return {
    width: Math.min(max, Math.max(60, widest + WF_LABEL_PAD)),
    lines,
    squeeze: lines.map((ls) => ls.length === 1 && width(ls[0]!) > room),
  };
}

/** A label as two lines split at the space nearest its middle (one line when it has no space). */
export function splitLabel(label: string): string[] {
  let best = -1;
  for (let i = label.indexOf(' '); i >= 0; i = label.indexOf(' ', i + 1))
    if (best < 0 || Math.abs(i - label.length / 2) < Math.abs(best - label.length / 2)) best = i;
  return best < 0 ? [label] : [label.slice(0, best), label.slice(best + 1)];
}
