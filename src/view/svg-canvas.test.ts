import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSvg } from './svg-canvas';
import { emblemSvg } from './theme';

const asset = (name: string) => readFileSync(new URL(`../../assets/${name}`, import.meta.url), 'utf8');

describe('parseSvg', () => {
  it('reads the emblem: the circle, the grouped stripes with their fill, and the glyph', () => {
    const svg = parseSvg(asset('emblem.svg'));
    expect(svg.tag).toBe('svg');
    expect(svg.attrs.viewBox).toBe('0 0 64 64');
    expect(svg.children.map((c) => c.tag)).toEqual(['title', 'circle', 'g', 'text']);
    const g = svg.children[2]!;
    expect(g.attrs.fill).toBe('#1d1d1f');
    expect(g.children).toHaveLength(6);
    expect(g.children[0]!.attrs.d).toBe('M14 18 L28 22 L14 26 Z');
    expect(svg.children[3]!.text).toBe('六');
  });

  it('reads the stripes', () => {
    const svg = parseSvg(asset('stripes.svg'));
    expect(svg.children[1]!.children.every((c) => c.tag === 'path' && c.attrs.d?.startsWith('M'))).toBe(true);
  });

  it('reads a company emblem, its character references decoded', () => {
    const svg = parseSvg(emblemSvg(4, '#336699', '智', 'Zhipu & co'));
    expect(svg.attrs['aria-label']).toBe('Zhipu & co');
    expect(svg.children.map((c) => c.tag)).toEqual(['path', 'text']);
    expect(svg.children[1]!.text).toBe('智');
    expect(svg.children[0]!.attrs.fill).toBe('#336699');
  });

  it('refuses markup it does not understand', () => {
    expect(() => parseSvg('<svg><g></svg>')).toThrow(/closes <g>/);
    expect(() => parseSvg('<svg><circle r="1"/>')).toThrow(/not closed/);
    expect(() => parseSvg('<svg/><svg/>')).toThrow(/one root/);
    expect(() => parseSvg('<svg><circle r=1/></svg>')).toThrow(/unreadable/);
    expect(() => parseSvg('<svg></svg><')).toThrow(/unreadable/);
  });
});
