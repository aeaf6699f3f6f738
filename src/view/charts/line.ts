// Line charts over quarters: a left value axis (optionally log-scaled), an optional right-hand
// axis whose off-scale values (an endless runway) go in a band above it, a marked quarter, and one
// path per series (a dot when a series has a single value).

import type { ValueScale } from '../../app/chart-layout';
import { valueScale, xTickIndices } from '../../app/chart-layout';
import { s } from '../dom';
import { COLORS } from '../theme';
import { chartFigure, chartSvg, labelWidth, leftTick, PAD } from './frame';
import { legend } from './legend';
import type { LineSpec, Series } from './types';

/** The plot's geometry at one size: the scales, the plot's box and where quarter i stands. */
interface LinePlot {
  spec: LineSpec;
  ls: ValueScale;
  rs: ValueScale | null;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  hgt: number;
  n: number;
  xAt: (i: number) => number;
  formatRight: (v: number) => string;
}

/** The last value of each series, for screen readers. */
function lineSummary(spec: LineSpec): string {
  const formatRight = spec.formatRight ?? spec.format;
  return spec.series
    .map((x) => {
      const last = [...x.values].reverse().find((v) => v !== null && v !== undefined);
      return last === undefined || last === null
        ? ''
        : `${x.label}: ${(x.axis === 'right' ? formatRight : spec.format)(last)}`;
    })
    .filter(Boolean)
    .join('; ');
}

/** The scales and the plot's box at w × hgt: the axes take the room their tick labels need. */
function linePlot(spec: LineSpec, w: number, hgt: number): LinePlot {
  const left = spec.series.filter((x) => (x.axis ?? 'left') === 'left');
  const right = spec.series.filter((x) => x.axis === 'right');
  const formatRight = spec.formatRight ?? spec.format;
  const y0 = PAD.top;
  const y1 = hgt - PAD.bottom;
  const n = spec.x.length;
  const ls = valueScale(
    left.flatMap((x) => x.values),
    y0,
    y1,
    { log: spec.log ?? false, zero: spec.zero ?? !spec.log },
  );
  const rs = right.length
    ? valueScale(
        right.flatMap((x) => x.values),
        y0,
        y1,
        spec.rightOffScale === undefined ? {} : { offScaleFrom: spec.rightOffScale },
      )
    : null;
  const axis = spec.axisFormat ?? spec.format;
  const rightLabels = rs
    ? [...rs.ticks, ...(rs.offY !== null && spec.rightOffScale !== undefined ? [spec.rightOffScale] : [])]
    : [];
  const x0 = Math.max(28, ...ls.ticks.map((v) => labelWidth(axis(v)) + 10));
  const x1 = w - (rs ? Math.max(24, ...rightLabels.map((v) => labelWidth(formatRight(v)) + 10)) : PAD.right);
  const xAt = (i: number) => (n <= 1 ? (x0 + x1) / 2 : x0 + ((x1 - x0) * i) / (n - 1));
  return { spec, ls, rs, x0, x1, y0, y1, hgt, n, xAt, formatRight };
}

/** The left axis: grid lines and tick labels inside the plot. */
function leftAxis(svg: SVGSVGElement, p: LinePlot): void {
  const axis = p.spec.axisFormat ?? p.spec.format;
  for (const tv of p.ls.ticks) {
    const y = p.ls.y(tv);
    if (y < p.y0 - 1 || y > p.y1 + 1) continue;
    leftTick(svg, p.x0, p.x1, y, axis(tv), tv === 0 ? 1.5 : 1);
  }
}

/** The right axis's tick labels and, when some values are off its scale, the band above it. */
function rightAxis(svg: SVGSVGElement, p: LinePlot): void {
  const { rs, spec, x0, x1 } = p;
  if (!rs) return;
  for (const tv of rs.ticks) {
    const y = rs.y(tv);
    if (y < p.y0 - 1 || y > p.y1 + 1) continue;
    svg.append(
      s(
        'text',
        { x: x1 + 6, y: y + 4, 'text-anchor': 'start', class: 'tick right', 'data-value': tv },
        p.formatRight(tv),
      ),
    );
  }
  if (rs.offY === null || spec.rightOffScale === undefined) return;
  // The band above the axis: a dotted rule under it and its label (e.g. "∞").
  svg.append(
    s('line', {
      x1: x0,
      x2: x1,
      y1: rs.offY,
      y2: rs.offY,
      stroke: COLORS.grid,
      'stroke-dasharray': '1 3',
      class: 'off-scale-band',
    }),
  );
  svg.append(
    s(
      'text',
      { x: x1 + 6, y: rs.offY + 4, 'text-anchor': 'start', class: 'tick right off-scale' },
      p.formatRight(spec.rightOffScale),
    ),
  );
}

/** The quarters under the plot (as many as fit) and the marked quarter's vertical line. */
function quarterAxis(svg: SVGSVGElement, p: LinePlot): void {
  const { spec, n, x0, x1, xAt } = p;
  const shown = xTickIndices(
    n,
    n <= 1 ? x1 - x0 : (x1 - x0) / (n - 1),
    Math.max(0, ...spec.x.map(labelWidth)),
  );
  for (const i of shown)
    svg.append(
      s('text', { x: xAt(i), y: p.hgt - 6, 'text-anchor': 'middle', class: 'tick x' }, spec.x[i] ?? ''),
    );
  if (spec.marker !== undefined && spec.marker >= 0 && spec.marker < n)
    svg.append(
      s('line', {
        x1: xAt(spec.marker),
        x2: xAt(spec.marker),
        y1: p.y0,
        y2: p.y1,
        stroke: COLORS.muted,
        'stroke-dasharray': '3 3',
        class: 'chart-marker',
      }),
    );
}

/** A series's path over the values on its scale (broken at gaps) and the indices of those off it. */
function seriesPath(p: LinePlot, ser: Series, sc: ValueScale): { d: string; off: number[] } {
  let d = '';
  let pen = false;
  const off: number[] = [];
  ser.values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v) || sc.off(v)) {
      if (v !== null && sc.off(v)) off.push(i);
      pen = false;
      return;
    }
    const y = Math.max(p.y0 - 4, Math.min(p.y1 + 4, sc.y(v)));
    d += `${pen ? 'L' : 'M'}${p.xAt(i).toFixed(1)},${y.toFixed(1)}`;
    pen = true;
  });
  return { d, off };
}

/** The line itself; dashed lines get square ends (round caps would fill a dotted pattern's gaps). */
function seriesLine(ser: Series, d: string): SVGElement {
  const dashed = Boolean(ser.dash);
  return s('path', {
    d,
    fill: 'none',
    stroke: ser.color,
    'stroke-width': ser.width ?? 2,
    'stroke-dasharray': ser.dash || undefined,
    'stroke-linejoin': 'round',
    'stroke-linecap': dashed ? 'butt' : 'round',
    class: dashed ? 'draw dashed' : 'draw',
    'data-series': ser.key,
  });
}

/** Off-scale values: an upward arrowhead in the band above the axis, the value as its tooltip. */
function offScaleArrow(p: LinePlot, ser: Series, i: number, y: number): SVGElement {
  const x = p.xAt(i);
  const fmt = ser.axis === 'right' ? p.formatRight : p.spec.format;
  return s(
    'path',
    {
      d: `M${(x - 4).toFixed(1)},${(y + 3).toFixed(1)}L${x.toFixed(1)},${(y - 3).toFixed(1)}L${(x + 4).toFixed(1)},${(y + 3).toFixed(1)}Z`,
      fill: ser.color,
      class: 'off-scale',
      'data-series': ser.key,
      'data-index': i,
    },
    s('title', {}, `${p.spec.x[i] ?? ''} ${ser.label}: ${fmt(ser.values[i]!)}`),
  );
}

/** One series: its line, its off-scale arrows, and a dot when it has one value on the scale. */
function drawSeries(svg: SVGSVGElement, p: LinePlot, ser: Series): void {
  const sc = ser.axis === 'right' && p.rs ? p.rs : p.ls;
  const { d, off } = seriesPath(p, ser, sc);
  if (d) svg.append(seriesLine(ser, d));
  if (sc.offY !== null) for (const i of off) svg.append(offScaleArrow(p, ser, i, sc.offY));
  const onScale = (v: number | null) => v !== null && Number.isFinite(v) && !sc.off(v);
  if (p.n === 1 || ser.values.filter(onScale).length === 1) {
    const i = ser.values.findIndex(onScale);
    if (i >= 0) svg.append(s('circle', { cx: p.xAt(i), cy: sc.y(ser.values[i]!), r: 3.5, fill: ser.color }));
  }
}

export function lineChart(spec: LineSpec): HTMLElement {
  const draw = (w: number, hgt: number) => {
    const svg = chartSvg(w, hgt, 'chart-svg');
    const p = linePlot(spec, w, hgt);
    leftAxis(svg, p);
    rightAxis(svg, p);
    quarterAxis(svg, p);
    for (const ser of spec.series) drawSeries(svg, p, ser);
    return svg;
  };
  return chartFigure(
    spec.title,
    lineSummary(spec),
    draw,
    legend(spec.series.map((x) => ({ label: x.label, color: x.color, dash: x.dash, key: x.key }))),
  );
}
