// Charts as SVG drawn at the size of their box (so text stays crisp at any screen size): line
// charts over quarters (optionally log-scaled or with a right-hand axis), stacked bars, scatter
// plots (over a numeric axis or in category strips), and the quarter's P&L waterfall, whose bars
// grow one after another.

import {
  splitLabel,
  textWidth,
  niceTicks as ticks,
  valueScale,
  WF_LABEL_PAD,
  waterfallLabels,
  xTickIndices,
} from '../app/chart-layout';
import { h, s } from './dom';
import { COLORS } from './theme';

export interface Series {
  label: string;
  values: readonly (number | null)[];
  color: string;
  dash?: string;
  width?: number;
  axis?: 'left' | 'right';
  /** Marks the line and its legend entry (data-series), e.g. which run of a comparison it is. */
  key?: string;
}

export interface LineSpec {
  title: string;
  x: readonly string[];
  series: readonly Series[];
  format: (v: number) => string;
  /** Tick labels of the left axis (default: format). */
  axisFormat?: (v: number) => string;
  formatRight?: (v: number) => string;
  log?: boolean;
  /** Include zero on the left axis (default true for linear charts). */
  zero?: boolean;
  /**
   * Right-axis values at or above this are off the scale (e.g. NOT_BURNING, an endless runway):
   * drawn as markers in a band above the axis, labelled formatRight(rightOffScale).
   */
  rightOffScale?: number;
  /** Index of an x value to mark with a vertical line (e.g. the quarter being viewed). */
  marker?: number;
}

export interface StackSpec {
  title: string;
  x: readonly string[];
  stacks: readonly { label: string; color: string; values: readonly number[] }[];
  format: (v: number) => string;
  /** Axis titles (optional): under the bars and above the value axis. */
  xLabel?: string;
  yLabel?: string;
  /** Whole-number ticks only (for counts). */
  integer?: boolean;
  /** What the chart says, for screen readers (default: the last bar's stacks). */
  summary?: string;
}

export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'ring';

export interface ScatterGroup {
  id: string;
  label: string;
  color: string;
  /** Marker shapes tell the groups apart without colour. */
  shape: MarkerShape;
}

export interface ScatterPoint {
  /** On a numeric axis the value; in category mode the category's index plus an offset in ±0.5. */
  x: number;
  y: number;
  group: string;
  /** Hover text (a tooltip), e.g. the student's name and score. */
  title?: string;
}

export interface ScatterSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  /** A numeric x axis, or named categories at x = 0, 1, … */
  x: { min: number; max: number; format: (v: number) => string } | { categories: readonly string[] };
  points: readonly ScatterPoint[];
  groups: readonly ScatterGroup[];
  /** Value-axis ticks. */
  format: (v: number) => string;
  /** Short horizontal marks (e.g. a strip's median) at category x. */
  marks?: readonly { x: number; y: number; label: string }[];
  summary?: string;
}

export interface WaterfallStep {
  label: string;
  value: number;
  kind: 'up' | 'down' | 'total';
}

const PAD = { left: 52, right: 14, top: 10, bottom: 22 };

/** Rough width of a tick label at 11px. */
function labelWidth(text: string): number {
  return textWidth(text, 11);
}

function legend(
  items: readonly {
    label: string;
    color: string;
    dash?: string | undefined;
    box?: boolean;
    key?: string | undefined;
    shape?: MarkerShape;
  }[],
): HTMLElement {
  return h(
    'ul',
    { class: 'legend' },
    items.map((it) =>
      h(
        'li',
        it.key ? { attrs: { 'data-series': it.key } } : {},
        h(
          'span',
          { class: 'swatch', attrs: { 'aria-hidden': 'true' } },
          (() => {
            const sv = s('svg', { viewBox: '0 0 24 10', width: 24, height: 10 });
            sv.append(
              it.shape
                ? marker(it.shape, 12, 5, 3.6, it.color)
                : it.box
                  ? s('rect', { x: 4, y: 1, width: 16, height: 8, fill: it.color, rx: 1.5 })
                  : s('line', {
                      x1: 1,
                      y1: 5,
                      x2: 23,
                      y2: 5,
                      stroke: it.color,
                      'stroke-width': 2.5,
                      'stroke-dasharray': it.dash || undefined,
                    }),
            );
            return sv;
          })(),
        ),
        it.label,
      ),
    ),
  );
}

/** Draws into a box whenever it changes size; the figure element holds title, chart and legend. */
function chartFigure(
  title: string,
  summary: string,
  draw: (w: number, hgt: number) => SVGSVGElement,
  legendEl: HTMLElement | null,
): HTMLElement {
  const box = h('div', { class: 'chart-box' });
  const figure = h('figure', { class: 'chart' }, h('figcaption', { text: title }), box, legendEl);
  const render = () => {
    const w = Math.floor(box.clientWidth);
    const hgt = Math.floor(box.clientHeight);
    if (w < 40 || hgt < 40) return;
    const svg = draw(w, hgt);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `${title}. ${summary}`);
    box.replaceChildren(svg);
  };
  const ro = new ResizeObserver(render);
  ro.observe(box);
  return figure;
}

export function lineChart(spec: LineSpec): HTMLElement {
  const left = spec.series.filter((x) => (x.axis ?? 'left') === 'left');
  const right = spec.series.filter((x) => x.axis === 'right');
  const formatRight = spec.formatRight ?? spec.format;
  const summary = spec.series
    .map((x) => {
      const last = [...x.values].reverse().find((v) => v !== null && v !== undefined);
      return last === undefined || last === null
        ? ''
        : `${x.label}: ${(x.axis === 'right' ? formatRight : spec.format)(last)}`;
    })
    .filter(Boolean)
    .join('; ');
  const draw = (w: number, hgt: number) => {
    const svg = s('svg', { width: w, height: hgt, viewBox: `0 0 ${w} ${hgt}`, class: 'chart-svg' });
    const y0 = PAD.top;
    const y1 = hgt - PAD.bottom;
    const n = spec.x.length;
    const xAt = (i: number) => (n <= 1 ? (x0 + x1) / 2 : x0 + ((x1 - x0) * i) / (n - 1));
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
    const x1 =
      w - (rs ? Math.max(24, ...rightLabels.map((v) => labelWidth(formatRight(v)) + 10)) : PAD.right);
    for (const tv of ls.ticks) {
      const y = ls.y(tv);
      if (y < y0 - 1 || y > y1 + 1) continue;
      svg.append(
        s('line', { x1: x0, x2: x1, y1: y, y2: y, stroke: COLORS.grid, 'stroke-width': tv === 0 ? 1.5 : 1 }),
      );
      svg.append(s('text', { x: x0 - 6, y: y + 4, 'text-anchor': 'end', class: 'tick' }, axis(tv)));
    }
    if (rs) {
      for (const tv of rs.ticks) {
        const y = rs.y(tv);
        if (y < y0 - 1 || y > y1 + 1) continue;
        svg.append(
          s(
            'text',
            { x: x1 + 6, y: y + 4, 'text-anchor': 'start', class: 'tick right', 'data-value': tv },
            formatRight(tv),
          ),
        );
      }
      if (rs.offY !== null && spec.rightOffScale !== undefined) {
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
            formatRight(spec.rightOffScale),
          ),
        );
      }
    }
    const shown = xTickIndices(
      n,
      n <= 1 ? x1 - x0 : (x1 - x0) / (n - 1),
      Math.max(0, ...spec.x.map(labelWidth)),
    );
    for (const i of shown)
      svg.append(
        s('text', { x: xAt(i), y: hgt - 6, 'text-anchor': 'middle', class: 'tick x' }, spec.x[i] ?? ''),
      );
    if (spec.marker !== undefined && spec.marker >= 0 && spec.marker < n)
      svg.append(
        s('line', {
          x1: xAt(spec.marker),
          x2: xAt(spec.marker),
          y1: y0,
          y2: y1,
          stroke: COLORS.muted,
          'stroke-dasharray': '3 3',
          class: 'chart-marker',
        }),
      );
    for (const ser of spec.series) {
      const sc = ser.axis === 'right' && rs ? rs : ls;
      const fmt = ser.axis === 'right' ? formatRight : spec.format;
      let d = '';
      let pen = false;
      const offPoints: number[] = [];
      ser.values.forEach((v, i) => {
        if (v === null || !Number.isFinite(v) || sc.off(v)) {
          if (v !== null && sc.off(v)) offPoints.push(i);
          pen = false;
          return;
        }
        const y = Math.max(y0 - 4, Math.min(y1 + 4, sc.y(v)));
        d += `${pen ? 'L' : 'M'}${xAt(i).toFixed(1)},${y.toFixed(1)}`;
        pen = true;
      });
      if (d) {
        // Dashed lines get square ends: round caps would fill the gaps of a dotted pattern.
        const dashed = Boolean(ser.dash);
        svg.append(
          s('path', {
            d,
            fill: 'none',
            stroke: ser.color,
            'stroke-width': ser.width ?? 2,
            'stroke-dasharray': ser.dash || undefined,
            'stroke-linejoin': 'round',
            'stroke-linecap': dashed ? 'butt' : 'round',
            class: dashed ? 'draw dashed' : 'draw',
            'data-series': ser.key,
          }),
        );
      }
      // Off-scale values: an upward arrowhead in the band above the axis, the value as its tooltip.
      if (sc.offY !== null)
        for (const i of offPoints) {
          const x = xAt(i);
          const y = sc.offY;
          svg.append(
            s(
              'path',
              {
                d: `M${(x - 4).toFixed(1)},${(y + 3).toFixed(1)}L${x.toFixed(1)},${(y - 3).toFixed(1)}L${(x + 4).toFixed(1)},${(y + 3).toFixed(1)}Z`,
                fill: ser.color,
                class: 'off-scale',
                'data-series': ser.key,
                'data-index': i,
              },
              s('title', {}, `${spec.x[i] ?? ''} ${ser.label}: ${fmt(ser.values[i]!)}`),
            ),
          );
        }
      const onScale = ser.values.filter((v) => v !== null && Number.isFinite(v) && !sc.off(v));
      if (n === 1 || onScale.length === 1) {
        const i = ser.values.findIndex((v) => v !== null && Number.isFinite(v) && !sc.off(v));
        if (i >= 0)
          svg.append(s('circle', { cx: xAt(i), cy: sc.y(ser.values[i]!), r: 3.5, fill: ser.color }));
      }
    }
    return svg;
  };
  return chartFigure(
    spec.title,
    summary,
    draw,
    legend(spec.series.map((x) => ({ label: x.label, color: x.color, dash: x.dash, key: x.key }))),
  );
}

export function stackedBars(spec: StackSpec): HTMLElement {
  const n = spec.x.length;
  const totals = spec.x.map((_, i) =>
    spec.stacks.reduce((sum, st) => sum + Math.max(0, st.values[i] ?? 0), 0),
  );
  const summary =
    spec.summary ?? spec.stacks.map((st) => `${st.label}: ${spec.format(st.values[n - 1] ?? 0)}`).join('; ');
  const draw = (w: number, hgt: number) => {
    const svg = s('svg', { width: w, height: hgt, viewBox: `0 0 ${w} ${hgt}`, class: 'chart-svg' });
    const tk = ticks(0, Math.max(1, ...totals), 4, spec.integer ?? false);
    const x0 = Math.max(28, ...tk.map((v) => labelWidth(spec.format(v)) + 10));
    const x1 = w - PAD.right;
    const band = (x1 - x0) / Math.max(1, n);
    // Bar labels wider than their band (company names) go on two lines, split at a space.
    const lines = spec.x.map((label) => wrapLabel(label, band - 4));
    const extra = lines.some((l) => l.length > 1) ? 12 : 0;
    const y0 = PAD.top + (spec.yLabel ? AXIS_TITLE : 0);
    const y1 = hgt - PAD.bottom - (spec.xLabel ? AXIS_TITLE : 0) - extra;
    const hi = Math.max(1, ...totals, tk[tk.length - 1] ?? 1);
    const f = (v: number) => y1 - (v / hi) * (y1 - y0);
    for (const tv of tk) {
      svg.append(s('line', { x1: x0, x2: x1, y1: f(tv), y2: f(tv), stroke: COLORS.grid }));
      svg.append(
        s('text', { x: x0 - 6, y: f(tv) + 4, 'text-anchor': 'end', class: 'tick' }, spec.format(tv)),
      );
    }
    const bw = Math.max(3, band * 0.68);
    const shown = new Set(xTickIndices(n, band, Math.max(0, ...lines.flat().map(labelWidth))));
    spec.x.forEach((label, i) => {
      let acc = 0;
      const cx = x0 + band * (i + 0.5);
      for (const st of spec.stacks) {
        const v = Math.max(0, st.values[i] ?? 0);
        if (v <= 0) continue;
        const top = f(acc + v);
        svg.append(
          s('rect', {
            x: cx - bw / 2,
            y: top,
            width: bw,
            height: Math.max(0.5, f(acc) - top),
            fill: st.color,
          }),
        );
        acc += v;
      }
      if (shown.has(i))
        svg.append(
          s(
            'text',
            { x: cx, y: y1 + 16, 'text-anchor': 'middle', class: 'tick x' },
            lines[i]!.length === 1
              ? label
              : lines[i]!.map((l, k) => s('tspan', { x: cx, dy: k === 0 ? 0 : 12 }, l)),
          ),
        );
    });
    axisTitles(svg, hgt, x0, x1, spec.xLabel, spec.yLabel);
    return svg;
  };
  return chartFigure(
    spec.title,
    summary,
    draw,
    legend(spec.stacks.map((st) => ({ label: st.label, color: st.color, box: true }))),
  );
}

/** A label as one line, or two split at the space nearest its middle when it is wider than maxW. */
function wrapLabel(label: string, maxW: number): string[] {
  return labelWidth(label) <= maxW ? [label] : splitLabel(label);
}

/** Room for an axis title (px). */
const AXIS_TITLE = 14;

/** The x-axis title centred under the plot, the y-axis title above the value axis. */
function axisTitles(
  svg: SVGSVGElement,
  hgt: number,
  x0: number,
  x1: number,
  xLabel: string | undefined,
  yLabel: string | undefined,
): void {
  if (xLabel)
    svg.append(
      s('text', { x: (x0 + x1) / 2, y: hgt - 3, 'text-anchor': 'middle', class: 'axis-title' }, xLabel),
    );
  if (yLabel)
    svg.append(
      s(
        'text',
        { x: Math.max(2, x0 - 6), y: PAD.top + 2, 'text-anchor': 'start', class: 'axis-title' },
        yLabel,
      ),
    );
}

/** A marker of a scatter group: a filled shape (or a ring) of radius about r at (x, y). */
function marker(shape: MarkerShape, x: number, y: number, r: number, color: string): SVGElement {
  switch (shape) {
    case 'square':
      return s('rect', { x: x - r * 0.85, y: y - r * 0.85, width: r * 1.7, height: r * 1.7, fill: color });
    case 'diamond':
      return s('path', {
        d: `M${x.toFixed(1)},${(y - r * 1.2).toFixed(1)}l${(r * 1.2).toFixed(1)},${(r * 1.2).toFixed(1)}l${(-r * 1.2).toFixed(1)},${(r * 1.2).toFixed(1)}l${(-r * 1.2).toFixed(1)},${(-r * 1.2).toFixed(1)}z`,
        fill: color,
      });
    case 'triangle':
      return s('path', {
        d: `M${x.toFixed(1)},${(y - r * 1.2).toFixed(1)}l${(r * 1.15).toFixed(1)},${(r * 2).toFixed(1)}h${(-r * 2.3).toFixed(1)}z`,
        fill: color,
      });
    case 'ring':
      return s('circle', { cx: x, cy: y, r: r * 0.9, fill: 'none', stroke: color, 'stroke-width': 1.6 });
    default:
      return s('circle', { cx: x, cy: y, r, fill: color });
  }
}

/**
 * Points in groups, over a numeric x axis or in category strips: every point is an element of
 * class `pt` (with its group in data-group and its title as a tooltip), drawn a little
 * transparent so crowds show; each group has its own colour and marker shape.
 */
export function scatterChart(spec: ScatterSpec): HTMLElement {
  const summary = spec.summary ?? String(spec.points.length);
  const byId = new Map(spec.groups.map((g) => [g.id, g]));
  const draw = (w: number, hgt: number) => {
    const svg = s('svg', { width: w, height: hgt, viewBox: `0 0 ${w} ${hgt}`, class: 'chart-svg scatter' });
    const y0 = PAD.top + AXIS_TITLE;
    const y1 = hgt - PAD.bottom - AXIS_TITLE;
    const ys = spec.points.map((p) => p.y).concat((spec.marks ?? []).map((m) => m.y));
    let lo = ys.length ? Math.min(0, ...ys) : 0;
    let hi = ys.length ? Math.max(1, ...ys) : 1;
    const tk = ticks(lo, hi);
    lo = Math.min(lo, tk[0] ?? lo);
    hi = Math.max(hi, tk[tk.length - 1] ?? hi);
    const fy = (v: number) => y1 - ((v - lo) / (hi - lo)) * (y1 - y0);
    const x0 = Math.max(28, ...tk.map((v) => labelWidth(spec.format(v)) + 10));
    const x1 = w - PAD.right;
    for (const tv of tk) {
      svg.append(
        s('line', {
          x1: x0,
          x2: x1,
          y1: fy(tv),
          y2: fy(tv),
          stroke: COLORS.grid,
          'stroke-width': tv === 0 ? 1.5 : 1,
        }),
      );
      svg.append(
        s('text', { x: x0 - 6, y: fy(tv) + 4, 'text-anchor': 'end', class: 'tick' }, spec.format(tv)),
      );
    }
    const xs = spec.x;
    let fx: (v: number) => number;
    let band = 0;
    if ('categories' in xs) {
      const n = Math.max(1, xs.categories.length);
      band = (x1 - x0) / n;
      fx = (v: number) => x0 + band * (v + 0.5);
      const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor((x1 - x0) / 60))));
      xs.categories.forEach((label, i) => {
        if (i % every !== 0) return;
        svg.append(s('text', { x: fx(i), y: y1 + 16, 'text-anchor': 'middle', class: 'tick' }, label));
      });
    } else {
      const span = xs.max - xs.min || 1;
      const pad = 8;
      fx = (v: number) => x0 + pad + ((v - xs.min) / span) * (x1 - x0 - 2 * pad);
      for (const tv of ticks(xs.min, xs.max, 5)) {
        if (tv < xs.min - 1e-9 || tv > xs.max + 1e-9) continue;
        svg.append(s('line', { x1: fx(tv), x2: fx(tv), y1: y0, y2: y1, stroke: COLORS.grid }));
        svg.append(
          s('text', { x: fx(tv), y: y1 + 16, 'text-anchor': 'middle', class: 'tick' }, xs.format(tv)),
        );
      }
    }
    const r = spec.points.length > 200 ? 3 : spec.points.length > 60 ? 3.6 : 4.4;
    for (const p of spec.points) {
      const g = byId.get(p.group);
      const el = marker(g?.shape ?? 'circle', fx(p.x), fy(p.y), r, g?.color ?? COLORS.muted);
      el.setAttribute('class', 'pt');
      el.setAttribute('data-group', p.group);
      if (p.title) el.append(s('title', {}, p.title));
      svg.append(el);
    }
    for (const m of spec.marks ?? []) {
      const half = Math.max(8, band * 0.38);
      const y = fy(m.y);
      svg.append(
        s('line', {
          x1: fx(m.x) - half,
          x2: fx(m.x) + half,
          y1: y,
          y2: y,
          stroke: COLORS.ink,
          'stroke-width': 2,
          class: 'mark',
        }),
      );
      svg.append(
        s('text', { x: fx(m.x) + half + 3, y: y + 4, 'text-anchor': 'start', class: 'tick' }, m.label),
      );
    }
    axisTitles(svg, hgt, x0, x1, spec.xLabel, spec.yLabel);
    return svg;
  };
  return chartFigure(
    spec.title,
    summary,
    draw,
    legend(spec.groups.map((g) => ({ label: g.label, color: g.color, shape: g.shape }))),
  );
}

/**
 * The P&L waterfall, one row per line: revenue lines step right, cost lines step back left,
 * totals are bars from zero. Rows grow one after another.
 */
export function waterfall(
  title: string,
  steps: readonly WaterfallStep[],
  format: (v: number) => string,
  axisFormat: (v: number) => string = format,
): HTMLElement {
  const summary = steps
    .map((st) => `${st.label} ${st.kind === 'down' ? '−' : ''}${format(Math.abs(st.value))}`)
    .join('; ');
  const draw = (w: number, hgt: number) => {
    const svg = s('svg', { width: w, height: hgt, viewBox: `0 0 ${w} ${hgt}`, class: 'chart-svg waterfall' });
    svg.append(
      s(
        'defs',
        {},
        s(
          'pattern',
          {
            id: 'hatch',
            width: 6,
            height: 6,
            patternUnits: 'userSpaceOnUse',
            patternTransform: 'rotate(45)',
          },
          s('rect', { width: 6, height: 6, fill: COLORS.negative }),
          s('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#8a3712', 'stroke-width': 2.2 }),
        ),
      ),
    );
    const spans: { lo: number; hi: number; from: number; to: number; step: WaterfallStep }[] = [];
    let level = 0;
    for (const st of steps) {
      if (st.kind === 'total') {
        level = st.value;
        spans.push({ lo: Math.min(0, st.value), hi: Math.max(0, st.value), from: 0, to: st.value, step: st });
      } else {
        const next = level + (st.kind === 'up' ? st.value : -st.value);
        spans.push({ lo: Math.min(level, next), hi: Math.max(level, next), from: level, to: next, step: st });
        level = next;
      }
    }
    const lo = Math.min(0, ...spans.map((x) => x.lo));
    const hi = Math.max(1, ...spans.map((x) => x.hi));
    const valueW = 74;
    const y0 = 4;
    const y1 = hgt - 20;
    const band = (y1 - y0) / Math.max(1, spans.length);
    const labels = waterfallLabels(
      spans.map((sp) => sp.step.label),
      w,
      band,
    );
    const labelW = labels.width;
    const x0 = labelW;
    const x1 = w - valueW;
    const tk = ticks(lo, hi, 3);
    const lo2 = Math.min(lo, tk[0] ?? lo);
    const hi2 = Math.max(hi, tk[tk.length - 1] ?? hi);
    const f = (v: number) => x0 + ((v - lo2) / (hi2 - lo2)) * (x1 - x0);
    for (const tv of tk) {
      svg.append(
        s('line', {
          x1: f(tv),
          x2: f(tv),
          y1: y0,
          y2: y1,
          stroke: COLORS.grid,
          'stroke-width': tv === 0 ? 1.6 : 1,
        }),
      );
      svg.append(s('text', { x: f(tv), y: hgt - 5, 'text-anchor': 'middle', class: 'tick' }, axisFormat(tv)));
    }
    const bh = Math.min(26, band * 0.7);
    spans.forEach((sp, i) => {
      const cy = y0 + band * (i + 0.5);
      const st = sp.step;
      const left = f(sp.lo);
      const width = Math.max(1.5, f(sp.hi) - left);
      const fill =
        st.kind === 'up'
          ? COLORS.positive
          : st.kind === 'down'
            ? 'url(#hatch)'
            : st.value >= 0
              ? COLORS.accent
              : COLORS.negative;
      const fromRight = sp.to < sp.from;
      const bar = s('rect', {
        x: left,
        y: cy - bh / 2,
        width,
        height: bh,
        fill,
        rx: 2,
        class: `wf-bar ${fromRight ? 'grow-left' : 'grow-right'}`,
      });
      // Through the CSSOM: the Content Security Policy refuses style attributes.
      bar.style.animationDelay = `${(i * 0.06).toFixed(2)}s`;
      svg.append(bar);
      if (i < spans.length - 1) {
        const xl = f(sp.to);
        svg.append(
          s('line', {
            x1: xl,
            x2: xl,
            y1: cy + bh / 2,
            y2: cy + band - bh / 2,
            stroke: COLORS.muted,
            'stroke-dasharray': '2 2',
          }),
        );
      }
      const sign =
        st.kind === 'down' || (st.kind === 'total' && st.value < 0) ? '−' : st.kind === 'up' ? '+' : '';
      const lines = labels.lines[i] ?? [st.label];
      const lx = labelW - 8;
      const label = s(
        'text',
        { x: lx, y: cy + 4 - (lines.length - 1) * 6.5, 'text-anchor': 'end', class: `wf-label ${st.kind}` },
        lines.length === 1 ? st.label : lines.map((l, k) => s('tspan', { x: lx, dy: k === 0 ? 0 : 13 }, l)),
      );
      // A label too long even on two lines is squeezed into the column rather than cut off.
      if (labels.squeeze[i]) {
        label.setAttribute('textLength', String(labelW - WF_LABEL_PAD));
        label.setAttribute('lengthAdjust', 'spacingAndGlyphs');
      }
      svg.append(label);
      svg.append(
        s(
          'text',
          { x: w - 4, y: cy + 4, 'text-anchor': 'end', class: `wf-value ${st.kind}` },
          `${sign}${format(Math.abs(st.value))}`,
        ),
      );
    });
    return svg;
  };
  return chartFigure(title, summary, draw, null);
}
