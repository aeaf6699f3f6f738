// Stacked bars: one bar per x value (a quarter, a company), its stacks from zero up, labels under
// the bars on two lines when they are wider than their band.

import { niceTicks as ticks, xTickIndices } from '../../app/chart-layout';
import { s } from '../dom';
import { AXIS_TITLE, axisTitles, chartFigure, chartSvg, labelWidth, leftTick, PAD, wrapLabel } from './frame';
import { legend } from './legend';
import type { StackSpec } from './types';

/** One bar's stacks, from zero up, centred at cx and bw wide on the value scale f. */
function drawBar(
  svg: SVGSVGElement,
  spec: StackSpec,
  i: number,
  cx: number,
  bw: number,
  f: (v: number) => number,
) {
  let acc = 0;
  for (const st of spec.stacks) {
    const v = Math.max(0, st.values[i] ?? 0);
    if (v <= 0) continue;
    const top = f(acc + v);
    svg.append(
      s('rect', { x: cx - bw / 2, y: top, width: bw, height: Math.max(0.5, f(acc) - top), fill: st.color }),
    );
    acc += v;
  }
}

/** A bar's label under it, on one line or two. */
function barLabel(label: string, lines: readonly string[], cx: number, y: number): SVGElement {
  return s(
    'text',
    { x: cx, y, 'text-anchor': 'middle', class: 'tick x' },
    lines.length === 1 ? label : lines.map((l, k) => s('tspan', { x: cx, dy: k === 0 ? 0 : 12 }, l)),
  );
}

function drawBars(spec: StackSpec, totals: readonly number[], w: number, hgt: number): SVGSVGElement {
  const n = spec.x.length;
  const svg = chartSvg(w, hgt, 'chart-svg');
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
  for (const tv of tk) leftTick(svg, x0, x1, f(tv), spec.format(tv));
  const bw = Math.max(3, band * 0.68);
  const shown = new Set(xTickIndices(n, band, Math.max(0, ...lines.flat().map(labelWidth))));
  spec.x.forEach((label, i) => {
    const cx = x0 + band * (i + 0.5);
    drawBar(svg, spec, i, cx, bw, f);
    if (shown.has(i)) svg.append(barLabel(label, lines[i]!, cx, y1 + 16));
  });
  axisTitles(svg, hgt, x0, x1, spec.xLabel, spec.yLabel);
  return svg;
}

export function stackedBars(spec: StackSpec): HTMLElement {
  const n = spec.x.length;
  const totals = spec.x.map((_, i) =>
    spec.stacks.reduce((sum, st) => sum + Math.max(0, st.values[i] ?? 0), 0),
  );
  const summary =
    spec.summary ?? spec.stacks.map((st) => `${st.label}: ${spec.format(st.values[n - 1] ?? 0)}`).join('; ');
  return chartFigure(
    spec.title,
    summary,
    (w, hgt) => drawBars(spec, totals, w, hgt),
    legend(spec.stacks.map((st) => ({ label: st.label, color: st.color, box: true }))),
  );
}
