// Colours and emblems. Data colours follow the Okabe–Ito palette (distinguishable with the common
// colour-vision deficiencies), lightened where needed for the dark background; series also differ
// by dash pattern and weight, and companies by emblem shape, so colour is never the only cue.

import { s } from './dom';

export const COLORS = {
  bg: '#0b1220',
  panel: '#121c2e',
  ink: '#e8eef8',
  muted: '#93a4bd',
  grid: '#26344c',
  accent: '#f5c542',
  you: '#f5c542',
  positive: '#56b4e9',
  negative: '#e8703a',
  frontier: '#ffffff',
} as const;

/** Okabe–Ito hues for series other than the player's. */
export const SERIES = ['#56b4e9', '#e69f00', '#2cb58f', '#cc79a7', '#e8703a', '#a8b3c4', '#4f9fe0'] as const;
export const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 4', '10 4'] as const;

export const MARKET_COLORS = {
  domestic: '#e69f00',
  overseas: '#56b4e9',
  enterprise: '#2cb58f',
  api: '#cc79a7',
  other: '#a8b3c4',
} as const;

const SHAPES = ['hexagon', 'circle', 'diamond', 'square', 'shield', 'octagon', 'triangle'] as const;
type Shape = (typeof SHAPES)[number];

function polygon(n: number, r: number, rotate: number): string {
  const pts: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = rotate + (i * 2 * Math.PI) / n;
    pts.push(`${(32 + r * Math.cos(a)).toFixed(1)},${(32 + r * Math.sin(a)).toFixed(1)}`);
  }
  return pts.join(' ');
}

/** An SVG element as data: its tag and attributes (numbers or strings). */
interface SvgPart {
  tag: 'polygon' | 'circle' | 'rect' | 'path';
  attrs: Record<string, string | number>;
}

function shapePart(shape: Shape, color: string): SvgPart {
  switch (shape) {
    case 'hexagon':
      return { tag: 'polygon', attrs: { points: polygon(6, 30, Math.PI / 6), fill: color } };
    case 'circle':
      return { tag: 'circle', attrs: { cx: 32, cy: 32, r: 29, fill: color } };
    case 'diamond':
      return { tag: 'polygon', attrs: { points: polygon(4, 31, 0), fill: color } };
    case 'square':
      return { tag: 'rect', attrs: { x: 5, y: 5, width: 54, height: 54, rx: 12, fill: color } };
    case 'shield':
      return {
        tag: 'path',
        attrs: { d: 'M32 3 L58 12 L55 38 Q50 54 32 61 Q14 54 9 38 L6 12 Z', fill: color },
      };
    case 'octagon':
      return { tag: 'polygon', attrs: { points: polygon(8, 30, Math.PI / 8), fill: color } };
    case 'triangle':
      return { tag: 'polygon', attrs: { points: '32,4 60,56 4,56', fill: color } };
  }
}

/** Picks black or white text for a background colour (WCAG relative luminance). */
export function inkOn(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const lum = 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!;
  return lum > 0.33 ? '#10151f' : '#ffffff';
}

/** First character of a name, or its leading Latin word's initial. */
export function glyphOf(name: string): string {
  const trimmed = name.trim();
  const first = trimmed.codePointAt(0);
  if (first === undefined) return '?';
  const ch = String.fromCodePoint(first);
  if (/[0-9]/.test(ch)) return trimmed.slice(0, 2);
  return ch.toUpperCase();
}

interface Emblem {
  svg: Record<string, string>;
  shape: SvgPart;
  text: Record<string, string | number>;
  glyph: string;
}

/** A company emblem as data: shape by position in the level, colour from the level data. */
function emblemParts(index: number, color: string, glyph: string, label: string): Emblem {
  const size = glyph.length > 1 ? 22 : 28;
  return {
    svg: { xmlns: SVG_NS, viewBox: '0 0 64 64', role: 'img', 'aria-label': label },
    shape: shapePart(SHAPES[index % SHAPES.length]!, color),
    text: {
      x: 32,
      y: 32 + size * 0.36,
      'font-size': size,
      'text-anchor': 'middle',
      fill: inkOn(color),
      'font-family': "'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif",
      'font-weight': 700,
    },
    glyph,
  };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A company emblem as SVG markup, for Phaser's image loader (never for the page's DOM: see
 * `emblemElement`). Every value is escaped, and the text is pure ASCII (non-ASCII as character
 * references), so the SVG survives any encoding, including Phaser's base64 data-URL loader.
 */
export function emblemSvg(index: number, color: string, glyph: string, label: string): string {
  const e = emblemParts(index, color, glyph, label);
  const esc = (x: string | number) =>
    String(x).replace(/[&<>"']|[^\x20-\x7e]/gu, (c) => `&#${c.codePointAt(0)};`);
  const attrs = (a: Record<string, string | number>) =>
    Object.entries(a)
      .map(([k, v]) => ` ${k}="${esc(v)}"`)
      .join('');
  return (
    `<svg${attrs(e.svg)}><${e.shape.tag}${attrs(e.shape.attrs)}/>` +
    `<text${attrs(e.text)}>${esc(e.glyph)}</text></svg>`
  );
}

/** The same emblem as an SVG element, built node by node (no markup is parsed). */
export function emblemElement(index: number, color: string, glyph: string, label: string): SVGSVGElement {
  const e = emblemParts(index, color, glyph, label);
  return s('svg', e.svg, s(e.shape.tag, e.shape.attrs), s('text', e.text, e.glyph));
}
