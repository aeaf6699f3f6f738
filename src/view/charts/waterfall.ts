// The quarter's P&L waterfall, one row per line: revenue lines step right, cost lines step back
// left, totals are bars from zero. Rows grow one after another.

import type { WaterfallLabels } from '../../app/chart-layout';
import { niceTicks as ticks, WF_LABEL_PAD, waterfallLabels } from '../../app/chart-layout';
import { s } from '../dom';
import { COLORS } from '../theme';
import { chartFigure, chartSvg } from './frame';
import type { WaterfallStep } from './types';

/** A row's bar: from `from` to `to` on the value axis, covering lo..hi. */
interface Span {
  lo: number;
  hi: number;
  from: number;
  to: number;
  step: WaterfallStep;
}

/** The rows' geometry: where row i's middle is, the bars' height, the value scale, the labels. */
interface Rows {
  y0: number;
  band: number;
  bh: number;
  f: (v: number) => number;
  labels: WaterfallLabels;
  w: number;
}

/** The hatching of the cost bars. */
function hatchDefs(): SVGElement {
  return s(
    'defs',
    {},
    s(
      'pattern',
      { id: 'hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      s('rect', { width: 6, height: 6, fill: COLORS.negative }),
      s('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#8a3712', 'stroke-width': 2.2 }),
    ),
  );
}

/** Each step as a span: totals from zero, the others from the running level. */
function spansOf(steps: readonly WaterfallStep[]): Span[] {
  const spans: Span[] = [];
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
  return spans;
}

/** The value axis along the bottom (its grid and ticks, drawn) and the rows' geometry. */
function valueAxis(
  svg: SVGSVGElement,
  spans: readonly Span[],
  w: number,
  hgt: number,
  axisFormat: (v: number) => string,
): Rows {
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
  const x0 = labels.width;
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
  return { y0, band, bh: Math.min(26, band * 0.7), f, labels, w };
}

/** A row's bar, growing from the side it starts at, after the rows above it. */
function bar(sp: Span, i: number, cy: number, r: Rows): SVGElement {
  const st = sp.step;
  const left = r.f(sp.lo);
  const fill =
    st.kind === 'up'
      ? COLORS.positive
      : st.kind === 'down'
        ? 'url(#hatch)'
        : st.value >= 0
          ? COLORS.accent
          : COLORS.negative;
  const el = s('rect', {
    x: left,
    y: cy - r.bh / 2,
    width: Math.max(1.5, r.f(sp.hi) - left),
    height: r.bh,
    fill,
    rx: 2,
    class: `wf-bar ${sp.to < sp.from ? 'grow-left' : 'grow-right'}`,
  });
  // Through the CSSOM: the Content Security Policy refuses style attributes.
  el.style.animationDelay = `${(i * 0.06).toFixed(2)}s`;
  return el;
}

/** A row's label at the left: one line, two, or squeezed into the column when too long for two. */
function rowLabel(st: WaterfallStep, i: number, cy: number, labels: WaterfallLabels): SVGElement {
  const lines = labels.lines[i] ?? [st.label];
  const lx = labels.width - 8;
  const label = s(
    'text',
    { x: lx, y: cy + 4 - (lines.length - 1) * 6.5, 'text-anchor': 'end', class: `wf-label ${st.kind}` },
    lines.length === 1 ? st.label : lines.map((l, k) => s('tspan', { x: lx, dy: k === 0 ? 0 : 13 }, l)),
  );
  if (labels.squeeze[i]) {
    label.setAttribute('textLength', String(labels.width - WF_LABEL_PAD));
    label.setAttribute('lengthAdjust', 'spacingAndGlyphs');
  }
  return label;
}

/** One row: its bar, the dashed link down to the next row, its label and its signed value. */
function drawRow(
  svg: SVGSVGElement,
  spans: readonly Span[],
  i: number,
  r: Rows,
  format: (v: number) => string,
) {
  const sp = spans[i]!;
  const st = sp.step;
  const cy = r.y0 + r.band * (i + 0.5);
  svg.append(bar(sp, i, cy, r));
  if (i < spans.length - 1) {
    const xl = r.f(sp.to);
    svg.append(
      s('line', {
        x1: xl,
        x2: xl,
        y1: cy + r.bh / 2,
        y2: cy + r.band - r.bh / 2,
        stroke: COLORS.muted,
        'stroke-dasharray': '2 2',
      }),
    );
  }
  const sign =
    st.kind === 'down' || (st.kind === 'total' && st.value < 0) ? '−' : st.kind === 'up' ? '+' : '';
  svg.append(rowLabel(st, i, cy, r.labels));
  svg.append(
    s(
      'text',
      { x: r.w - 4, y: cy + 4, 'text-anchor': 'end', class: `wf-value ${st.kind}` },
      `${sign}${format(Math.abs(st.value))}`,
    ),
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
    const svg = chartSvg(w, hgt, 'chart-svg waterfall');
    svg.append(hatchDefs());
    const spans = spansOf(steps);
    const rows = valueAxis(svg, spans, w, hgt, axisFormat);
    for (let i = 0; i < spans.length; i++) drawRow(svg, spans, i, rows, format);
    return svg;
  };
  return chartFigure(title, summary, draw, null);
}
