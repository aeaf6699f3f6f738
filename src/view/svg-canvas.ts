// Draws the game's own small SVGs (the emblem, the tiger stripes, the company emblems of
// theme.ts) onto a canvas, for the canvas's textures. A browser decodes every SVG image as a
// document of its own, which cost tens of milliseconds each before the first screen; these
// pictures need only filled shapes: circle, rect, polygon, path and text, in groups that may set
// the fill. Anything else (strokes, transforms, gradients, other elements, markup this reader does
// not know) throws, so an SVG that needs more is noticed at once rather than drawn wrong. The
// markup is read here, never by the page (no HTML from strings: see security.ts).

/** An element of the SVG: its name, attributes, child elements and text. */
export interface SvgNode {
  tag: string;
  attrs: Readonly<Record<string, string>>;
  children: SvgNode[];
  text: string;
}

const SHAPES = new Set(['circle', 'rect', 'polygon', 'path', 'text']);
const SKIPPED = new Set(['title', 'desc']);
const UNSUPPORTED_ATTRS = [
  'stroke',
  'transform',
  'style',
  'opacity',
  'fill-opacity',
  'clip-path',
  'mask',
  'filter',
];

// A comment, the XML declaration, a tag (name, attributes, self-closing slash) or text.
const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([\w:-]+)((?:\s+[\w:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const ATTR = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return String.fromCodePoint(code);
  });
}

/** Reads SVG markup into elements; throws on markup it does not understand. */
export function parseSvg(markup: string): SvgNode {
  const root: SvgNode = { tag: '#root', attrs: {}, children: [], text: '' };
  const open: SvgNode[] = [root];
  let at = 0;
  for (const m of markup.matchAll(TOKEN)) {
    if (m.index !== at) throw new Error(`svg-canvas: unreadable markup at ${at}`);
    at = m.index + m[0].length;
    const [, closing, tag, attrText, selfClosing, text] = m;
    const parent = open[open.length - 1]!;
    if (text !== undefined) parent.text += decode(text);
    else if (closing) {
      if (parent.tag !== tag) throw new Error(`svg-canvas: </${tag}> closes <${parent.tag}>`);
      open.pop();
    } else if (tag) {
      const attrs: Record<string, string> = {};
      for (const a of attrText!.matchAll(ATTR)) attrs[a[1]!] = decode(a[2] ?? a[3] ?? '');
      const node: SvgNode = { tag, attrs, children: [], text: '' };
      parent.children.push(node);
      if (!selfClosing) open.push(node);
    }
  }
  if (at !== markup.length) throw new Error(`svg-canvas: unreadable markup at ${at}`);
  if (open.length !== 1) throw new Error(`svg-canvas: <${open[open.length - 1]!.tag}> is not closed`);
  if (root.children.length !== 1) throw new Error('svg-canvas: not one root element');
  return root.children[0]!;
}

function num(el: SvgNode, name: string, fallback = 0): number {
  const v = el.attrs[name];
  return v === undefined ? fallback : Number.parseFloat(v);
}

/** The outline of a filled shape element. */
function outline(el: SvgNode): Path2D {
  const p = new Path2D();
  switch (el.tag) {
    case 'circle':
      p.arc(num(el, 'cx'), num(el, 'cy'), num(el, 'r'), 0, 2 * Math.PI);
      return p;
    case 'rect':
      p.roundRect(
        num(el, 'x'),
        num(el, 'y'),
        num(el, 'width'),
        num(el, 'height'),
        num(el, 'rx', num(el, 'ry')),
      );
      return p;
    case 'polygon':
      return new Path2D(
        `M${(el.attrs.points ?? '')
          .trim()
          .split(/[\s,]+/)
          .join(' ')}Z`,
      );
    default:
      return new Path2D(el.attrs.d ?? '');
  }
}

function drawText(ctx: CanvasRenderingContext2D, el: SvgNode): void {
  const weight = el.attrs['font-weight'] ?? 'normal';
  const family = el.attrs['font-family'] ?? 'sans-serif';
  ctx.font = `${weight} ${num(el, 'font-size', 16)}px ${family}`;
  const anchor = el.attrs['text-anchor'];
  ctx.textAlign = anchor === 'middle' ? 'center' : anchor === 'end' ? 'end' : 'start';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(el.text.trim(), num(el, 'x'), num(el, 'y'));
}

function drawChildren(ctx: CanvasRenderingContext2D, parent: SvgNode, fill: string): void {
  for (const el of parent.children) {
    if (SKIPPED.has(el.tag)) continue;
    const bad = UNSUPPORTED_ATTRS.find((a) => a in el.attrs);
    if (bad) throw new Error(`svg-canvas: <${el.tag} ${bad}> is not supported`);
    const own = el.attrs.fill ?? fill;
    if (el.tag === 'g') drawChildren(ctx, el, own);
    else if (!SHAPES.has(el.tag)) throw new Error(`svg-canvas: <${el.tag}> is not supported`);
    else if (own !== 'none') {
      ctx.fillStyle = own;
      if (el.tag === 'text') drawText(ctx, el);
      else ctx.fill(outline(el));
    }
  }
}

/** The SVG drawn on a square canvas `size` pixels wide, its viewBox scaled to fill it. */
export function svgToCanvas(markup: string, size: number): HTMLCanvasElement {
  const svg = parseSvg(markup);
  if (svg.tag !== 'svg') throw new Error('svg-canvas: not an SVG document');
  const [x, y, w, h] = (svg.attrs.viewBox ?? `0 0 ${size} ${size}`)
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('svg-canvas: no 2D context');
  ctx.scale(size / w!, size / h!);
  ctx.translate(-x!, -y!);
  drawChildren(ctx, svg, svg.attrs.fill ?? '#000');
  return canvas;
}
