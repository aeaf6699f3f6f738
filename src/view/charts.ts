// Charts as SVG drawn at the size of their box (so text stays crisp at any screen size): line
// charts over quarters (optionally log-scaled or with a right-hand axis), stacked bars, and the
// quarter's P&L waterfall, whose bars grow one after another.

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
  /** Index of an x value to mark with a vertical line (e.g. the quarter being viewed). */
  marker?: number;
}

export interface StackSpec {
  title: string;
  x: readonly string[];
  stacks: readonly { label: string; color: string; values: readonly number[] }[];
  format: (v: number) => string;
}

export interface WaterfallStep {
  label: string;
  value: number;
  kind: 'up' | 'down' | 'total';
}

const PAD = { left: 52, right: 14, top: 10, bottom: 22 };

/** Rough width of a tick label at 11px (CJK glyphs are square, Latin about 0.6 em). */
function labelWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 11 : 6.4;
  return w;
}

/** Nice round tick values covering [lo, hi]. */
function ticks(lo: number, hi: number, count = 4): number[] {
  if (hi === lo) hi = lo + 1;
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((st) => st >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
}

function legend(
  items: readonly {
    label: string;
    color: string;
    dash?: string | undefined;
    box?: boolean;
    key?: string | undefined;
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
              it.box
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
  const summary = spec.series
    .map((x) => {
      const last = [...x.values].reverse().find((v) => v !== null && v !== undefined);
      return last === undefined || last === null
        ? ''
        : `${x.label}: ${(x.axis === 'right' && spec.formatRight ? spec.formatRight : spec.format)(last)}`;
    })
    .filter(Boolean)
    .join('; ');
  const draw = (w: number, hgt: number) => {
    const svg = s('svg', { width: w, height: hgt, viewBox: `0 0 ${w} ${hgt}`, class: 'chart-svg' });
    const y0 = PAD.top;
    const y1 = hgt - PAD.bottom;
    const n = spec.x.length;
    const xAt = (i: number) => (n <= 1 ? (x0 + x1) / 2 : x0 + ((x1 - x0) * i) / (n - 1));
    const scale = (group: readonly Series[], log: boolean, zero: boolean) => {
      const vals = group.flatMap((x) =>
        x.values.filter((v): v is number => v !== null && Number.isFinite(v)),
      );
      if (log) {
        const pos = vals.map((v) => Math.max(v, 0.01));
        let lo = Math.min(...pos, 1);
        let hi = Math.max(...pos, 1);
        lo = 10 ** Math.floor(Math.log10(lo));
        hi = 10 ** Math.ceil(Math.log10(hi));
        const f = (v: number) =>
          y1 -
          ((Math.log10(Math.max(v, 0.01)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (y1 - y0);
        return { f, ticks: logTicks(lo, hi) };
      }
      let lo = vals.length ? Math.min(...vals) : 0;
      let hi = vals.length ? Math.max(...vals) : 1;
      if (zero) {
        lo = Math.min(lo, 0);
        hi = Math.max(hi, 0);
      }
      if (hi === lo) hi = lo + 1;
      const tk = ticks(lo, hi);
      lo = Math.min(lo, tk[0] ?? lo);
      hi = Math.max(hi, tk[tk.length - 1] ?? hi);
      const f = (v: number) => y1 - ((v - lo) / (hi - lo)) * (y1 - y0);
      return { f, ticks: tk };
    };
    const ls = scale(left, spec.log ?? false, spec.zero ?? !spec.log);
    const rs = right.length ? scale(right, false, true) : null;
    const axis = spec.axisFormat ?? spec.format;
    const x0 = Math.max(28, ...ls.ticks.map((v) => labelWidth(axis(v)) + 10));
    const x1 =
      w -
      (rs
        ? Math.max(24, ...rs.ticks.map((v) => labelWidth((spec.formatRight ?? spec.format)(v)) + 10))
        : PAD.right);
    for (const tv of ls.ticks) {
      const y = ls.f(tv);
      if (y < y0 - 1 || y > y1 + 1) continue;
      svg.append(
        s('line', { x1: x0, x2: x1, y1: y, y2: y, stroke: COLORS.grid, 'stroke-width': tv === 0 ? 1.5 : 1 }),
      );
      svg.append(s('text', { x: x0 - 6, y: y + 4, 'text-anchor': 'end', class: 'tick' }, axis(tv)));
    }
    if (rs)
      for (const tv of rs.ticks) {
        const y = rs.f(tv);
        if (y < y0 - 1 || y > y1 + 1) continue;
        svg.append(
          s(
            'text',
            { x: x1 + 6, y: y + 4, 'text-anchor': 'start', class: 'tick' },
            (spec.formatRight ?? spec.format)(tv),
          ),
        );
      }
    const every = Math.max(1, Math.ceil(n / Math.max(2, Math.floor((x1 - x0) / 48))));
    spec.x.forEach((label, i) => {
      if (i % every !== 0 && i !== n - 1) return;
      svg.append(s('text', { x: xAt(i), y: hgt - 6, 'text-anchor': 'middle', class: 'tick' }, label));
    });
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
      const f = ser.axis === 'right' && rs ? rs.f : ls.f;
      let d = '';
      let pen = false;
      ser.values.forEach((v, i) => {
        if (v === null || !Number.isFinite(v)) {
          pen = false;
          return;
        }
        const y = Math.max(y0 - 4, Math.min(y1 + 4, f(v)));
        d += `${pen ? 'L' : 'M'}${xAt(i).toFixed(1)},${y.toFixed(1)}`;
        pen = true;
      });
      if (!d) continue;
      svg.append(
        s('path', {
          d,
          fill: 'none',
          stroke: ser.color,
          'stroke-width': ser.width ?? 2,
          'stroke-dasharray': ser.dash || undefined,
          'stroke-linejoin': 'round',
          'stroke-linecap': 'round',
          class: 'draw',
          'data-series': ser.key,
        }),
      );
      if (n === 1 || ser.values.filter((v) => v !== null).length === 1) {
        const i = ser.values.findIndex((v) => v !== null);
        svg.append(s('circle', { cx: xAt(i), cy: f(ser.values[i]!), r: 3.5, fill: ser.color }));
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
  const summary = spec.stacks.map((st) => `${st.label}: ${spec.format(st.values[n - 1] ?? 0)}`).join('; ');
  const draw = (w: number, hgt: number) => {
    const svg = s('svg', { width: w, height: hgt, viewBox: `0 0 ${w} ${hgt}`, class: 'chart-svg' });
    const y0 = PAD.top;
    const y1 = hgt - PAD.bottom;
    const tk = ticks(0, Math.max(1, ...totals));
    const x0 = Math.max(28, ...tk.map((v) => labelWidth(spec.format(v)) + 10));
    const x1 = w - PAD.right;
    const hi = Math.max(1, ...totals, tk[tk.length - 1] ?? 1);
    const f = (v: number) => y1 - (v / hi) * (y1 - y0);
    for (const tv of tk) {
      svg.append(s('line', { x1: x0, x2: x1, y1: f(tv), y2: f(tv), stroke: COLORS.grid }));
      svg.append(
        s('text', { x: x0 - 6, y: f(tv) + 4, 'text-anchor': 'end', class: 'tick' }, spec.format(tv)),
      );
    }
    const band = (x1 - x0) / Math.max(1, n);
    const bw = Math.max(3, band * 0.68);
    const every = Math.max(1, Math.ceil(n / Math.max(2, Math.floor((x1 - x0) / 48))));
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
      if (i % every === 0 || i === n - 1)
        svg.append(s('text', { x: cx, y: hgt - 6, 'text-anchor': 'middle', class: 'tick' }, label));
    });
    return svg;
  };
  return chartFigure(
    spec.title,
    summary,
    draw,
    legend(spec.stacks.map((st) => ({ label: st.label, color: st.color, box: true }))),
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
    const labelW = Math.min(150, Math.max(90, w * 0.26));
    const valueW = 74;
    const x0 = labelW;
    const x1 = w - valueW;
    const y0 = 4;
    const y1 = hgt - 20;
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
    const band = (y1 - y0) / Math.max(1, spans.length);
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
      svg.append(
        s('text', { x: labelW - 8, y: cy + 4, 'text-anchor': 'end', class: `wf-label ${st.kind}` }, st.label),
      );
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
