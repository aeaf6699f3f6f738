// A chart's legend (a swatch per series: a line with its dash, a box, or a scatter group's marker)
// and the marker shapes that tell scatter groups apart without colour.

import { h, s } from '../dom';
import type { MarkerShape } from './types';

export interface LegendItem {
  label: string;
  color: string;
  dash?: string | undefined;
  box?: boolean;
  key?: string | undefined;
  shape?: MarkerShape;
}

/** A marker of a scatter group: a filled shape (or a ring) of radius about r at (x, y). */
export function marker(shape: MarkerShape, x: number, y: number, r: number, color: string): SVGElement {
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

/** The little picture before a legend entry's label. */
function swatch(it: LegendItem): SVGSVGElement {
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
}

export function legend(items: readonly LegendItem[]): HTMLElement {
  return h(
    'ul',
    { class: 'legend' },
    items.map((it) =>
      h(
        'li',
        it.key ? { attrs: { 'data-series': it.key } } : {},
        h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } }, swatch(it)),
        it.label,
      ),
    ),
  );
}
