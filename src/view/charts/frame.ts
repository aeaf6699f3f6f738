// What every chart shares: the figure that redraws its SVG whenever its box changes size, the
// plot's padding, tick-label widths, and the axis titles.

import { splitLabel, textWidth } from '../../app/chart-layout';
import { h, s } from '../dom';
import { COLORS } from '../theme';

export const PAD = { left: 52, right: 14, top: 10, bottom: 22 };

/** Room for an axis title (px). */
export const AXIS_TITLE = 14;

/** Rough width of a tick label at 11px. */
export function labelWidth(text: string): number {
  return textWidth(text, 11);
}

/** A label as one line, or two split at the space nearest its middle when it is wider than maxW. */
export function wrapLabel(label: string, maxW: number): string[] {
  return labelWidth(label) <= maxW ? [label] : splitLabel(label);
}

/** An empty chart SVG of the box's size. */
export function chartSvg(w: number, hgt: number, cls: string): SVGSVGElement {
  return s('svg', { width: w, height: hgt, viewBox: `0 0 ${w} ${hgt}`, class: cls });
}

/** Draws into a box whenever it changes size; the figure element holds title, chart and legend. */
export function chartFigure(
  title: string,
  summary: string,
  draw: (w: number, hgt: number) => SVGSVGElement,
  legendEl: HTMLElement | null,
): HTMLElement {
  // Fixed size: the SVG is drawn at the box's size and laid over it (scroll-hints.ts).
  const box = h('div', { class: 'chart-box', attrs: { 'data-fixed-size': true } });
  const figure = h('figure', { class: 'chart' }, h('figcaption', { text: title }), box, legendEl);
  // The size comes with the observer's entry: reading the box's clientWidth here would lay the
  // page out again for every chart, since the chart drawn before it has changed the page.
  const render = (entries: readonly ResizeObserverEntry[]) => {
    const size = entries[entries.length - 1]?.contentRect;
    if (!size) return;
    const w = Math.round(size.width);
    const hgt = Math.round(size.height);
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

/** A horizontal grid line across the plot with its tick label at its left (stroke width: the line's own when not given). */
export function leftTick(
  svg: SVGSVGElement,
  x0: number,
  x1: number,
  y: number,
  text: string,
  width?: number,
): void {
  svg.append(s('line', { x1: x0, x2: x1, y1: y, y2: y, stroke: COLORS.grid, 'stroke-width': width }));
  svg.append(s('text', { x: x0 - 6, y: y + 4, 'text-anchor': 'end', class: 'tick' }, text));
}

/** The x-axis title centred under the plot, the y-axis title above the value axis. */
export function axisTitles(
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
