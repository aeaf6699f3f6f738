// Scatter plots: points in groups over a numeric x axis or in category strips, each group with its
// own colour and marker shape, and short marks (a strip's median).

import { niceTicks as ticks } from '../../app/chart-layout';
import { s } from '../dom';
import { COLORS } from '../theme';
import { AXIS_TITLE, axisTitles, chartFigure, chartSvg, labelWidth, leftTick, PAD } from './frame';
import { legend, marker } from './legend';
import type { ScatterSpec } from './types';

/** The x axis as drawn: where a value goes and each category's band (0 on a numeric axis). */
interface XAxis {
  fx: (v: number) => number;
  band: number;
}

/** The value axis: its scale (covering every point and mark) and its ticks, drawn. */
function scatterYAxis(svg: SVGSVGElement, spec: ScatterSpec, w: number, hgt: number) {
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
  for (const tv of tk) leftTick(svg, x0, x1, fy(tv), spec.format(tv), tv === 0 ? 1.5 : 1);
  return { y0, y1, fy, x0, x1 };
}

/** The x axis: category names under their strips, or a numeric axis with its grid. */
function scatterXAxis(
  svg: SVGSVGElement,
  spec: ScatterSpec,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
): XAxis {
  const xs = spec.x;
  if ('categories' in xs) {
    const n = Math.max(1, xs.categories.length);
    const band = (x1 - x0) / n;
    const fx = (v: number) => x0 + band * (v + 0.5);
    const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor((x1 - x0) / 60))));
    xs.categories.forEach((label, i) => {
      if (i % every !== 0) return;
      svg.append(s('text', { x: fx(i), y: y1 + 16, 'text-anchor': 'middle', class: 'tick' }, label));
    });
    return { fx, band };
  }
  const span = xs.max - xs.min || 1;
  const pad = 8;
  const fx = (v: number) => x0 + pad + ((v - xs.min) / span) * (x1 - x0 - 2 * pad);
  for (const tv of ticks(xs.min, xs.max, 5)) {
    if (tv < xs.min - 1e-9 || tv > xs.max + 1e-9) continue;
    svg.append(s('line', { x1: fx(tv), x2: fx(tv), y1: y0, y2: y1, stroke: COLORS.grid }));
    svg.append(s('text', { x: fx(tv), y: y1 + 16, 'text-anchor': 'middle', class: 'tick' }, xs.format(tv)));
  }
  return { fx, band: 0 };
}

/** The points (class pt, group in data-group, title as tooltip) and the marks. */
function scatterPoints(svg: SVGSVGElement, spec: ScatterSpec, x: XAxis, fy: (v: number) => number): void {
  const byId = new Map(spec.groups.map((g) => [g.id, g]));
  const r = spec.points.length > 200 ? 3 : spec.points.length > 60 ? 3.6 : 4.4;
  for (const p of spec.points) {
    const g = byId.get(p.group);
    const el = marker(g?.shape ?? 'circle', x.fx(p.x), fy(p.y), r, g?.color ?? COLORS.muted);
    el.setAttribute('class', 'pt');
    el.setAttribute('data-group', p.group);
    if (p.title) el.append(s('title', {}, p.title));
    svg.append(el);
  }
  for (const m of spec.marks ?? []) {
    const half = Math.max(8, x.band * 0.38);
    const y = fy(m.y);
    const cx = x.fx(m.x);
    svg.append(
      s('line', {
        x1: cx - half,
        x2: cx + half,
        y1: y,
        y2: y,
        stroke: COLORS.ink,
        'stroke-width': 2,
        class: 'mark',
      }),
    );
    svg.append(s('text', { x: cx + half + 3, y: y + 4, 'text-anchor': 'start', class: 'tick' }, m.label));
  }
}

/**
 * Points in groups, over a numeric x axis or in category strips: every point is an element of
 * class `pt` (with its group in data-group and its title as a tooltip), drawn a little
 * transparent so crowds show; each group has its own colour and marker shape.
 */
export function scatterChart(spec: ScatterSpec): HTMLElement {
  const draw = (w: number, hgt: number) => {
    const svg = chartSvg(w, hgt, 'chart-svg scatter');
    const { y0, y1, fy, x0, x1 } = scatterYAxis(svg, spec, w, hgt);
    const x = scatterXAxis(svg, spec, x0, x1, y0, y1);
    scatterPoints(svg, spec, x, fy);
    axisTitles(svg, hgt, x0, x1, spec.xLabel, spec.yLabel);
    return svg;
  };
  return chartFigure(
    spec.title,
    spec.summary ?? String(spec.points.length),
    draw,
    legend(spec.groups.map((g) => ({ label: g.label, color: g.color, shape: g.shape }))),
  );
}
