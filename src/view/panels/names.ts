// Display names of the level's companies and giants, and their emblems.

export { actorName } from '../../app/level-text';

import type { Level } from '../../engine/index';
import { h } from '../dom';
import { emblemElement, glyphOf } from '../theme';

// Built emblems by level and actor, cloned per use: building them for every table row on every
// render cost more than the rest of the dashboard.
const parsed = new WeakMap<Level, Map<string, SVGElement | null>>();

function emblemSvgElement(level: Level, id: string): SVGElement | null {
  let byId = parsed.get(level);
  if (!byId) {
    byId = new Map();
    parsed.set(level, byId);
  }
  if (!byId.has(id)) {
    const ci = level.companies.findIndex((x) => x.id === id);
    const gi = level.giants.findIndex((x) => x.id === id);
    const spec = ci >= 0 ? level.companies[ci]! : gi >= 0 ? level.giants[gi]! : null;
    let svg: SVGElement | null = null;
    if (spec) svg = emblemElement(ci >= 0 ? ci : gi + 3, spec.color, glyphOf(spec.name.zh), spec.name.en);
    byId.set(id, svg);
  }
  return byId.get(id) ?? null;
}

/** A small emblem element for a company or giant (shape by position, so it reads without colour). */
export function emblem(level: Level, id: string, cls = 'emblem sm'): HTMLElement {
  const el = h('span', { class: cls, attrs: { 'aria-hidden': 'true' } });
  const svg = emblemSvgElement(level, id);
  if (svg) el.appendChild(svg.cloneNode(true));
  return el;
}
