import { describe, expect, it } from 'vitest';
import { NOT_BURNING } from '../engine/index';
import {
  OFF_SCALE_BAND,
  TICK_GAP,
  textWidth,
  valueScale,
  WF_LABEL_PAD,
  waterfallLabels,
  xTickIndices,
} from './chart-layout';
import { t } from './i18n';

/** Sixteen quarters as the charts label them. */
const QUARTERS = Array.from({ length: 16 }, (_, i) => `${23 + Math.floor(i / 4)}Q${(i % 4) + 1}`);

describe('x-axis labels', () => {
  // A line chart's plot is its width less the value axis on the left and a margin on the right.
  for (const width of [300, 600, 1200])
    it(`16 quarters in a ${width} px chart: no two labels overlap, one stride, the latest drawn`, () => {
      const plot = width - 60;
      const spacing = plot / (QUARTERS.length - 1);
      const labelW = Math.max(...QUARTERS.map((q) => textWidth(q)));
      const shown = xTickIndices(QUARTERS.length, spacing, labelW);
      expect(shown.length).toBeGreaterThan(1);
      expect(shown[shown.length - 1]).toBe(QUARTERS.length - 1);
      const strides = new Set(shown.slice(1).map((i, k) => i - shown[k]!));
      expect(strides.size).toBe(1);
      for (let k = 1; k < shown.length; k++)
        expect((shown[k]! - shown[k - 1]!) * spacing).toBeGreaterThanOrEqual(labelW + TICK_GAP);
      // Not thinned more than it must be: half the stride would collide.
      const stride = [...strides][0]!;
      if (stride > 1) expect(Math.floor(stride / 2) * spacing).toBeLessThan(labelW + TICK_GAP);
    });

  it('draws every label when there is room, and the first and last when a stride divides the run', () => {
    expect(xTickIndices(16, 60, 26)).toEqual([...Array(16).keys()]);
    // Stride 3 divides 15: first and last both drawn.
    expect(xTickIndices(16, 12, 26)).toEqual([0, 3, 6, 9, 12, 15]);
  });

  it('never puts the last label right next to a thinned one (the "25Q125Q2" collision)', () => {
    // Twelve quarters 26.4 px apart: the old rule drew every second label and the last as well.
    const shown = xTickIndices(12, 26.4, 25.6);
    for (let k = 1; k < shown.length; k++) expect(shown[k]! - shown[k - 1]!).toBeGreaterThan(1);
  });

  it('one label when even two would not fit, none for no quarters', () => {
    expect(xTickIndices(3, 5, 40)).toEqual([2]);
    expect(xTickIndices(1, 0, 40)).toEqual([0]);
    expect(xTickIndices(0, 10, 10)).toEqual([]);
  });
});

describe('value axis', () => {
  it('plots a runway of 17.1 at 17.1: the axis covers it instead of clipping at 12', () => {
    const sc = valueScale([1.4, 5.4, 30, 1.5, 17.1], 10, 210, { offScaleFrom: NOT_BURNING });
    const top = sc.ticks[sc.ticks.length - 1]!;
    expect(sc.y(30)).toBeGreaterThanOrEqual(10);
    expect(sc.off(17.1)).toBe(false);
    expect(sc.y(17.1)).toBeLessThan(sc.y(12));
    // Back from the pixel to the value through two ticks: 17.1.
    const [a, b] = [sc.ticks[0]!, top];
    const v = a + ((sc.y(17.1) - sc.y(a)) / (sc.y(b) - sc.y(a))) * (b - a);
    expect(v).toBeCloseTo(17.1, 6);
    expect(sc.offY).toBeNull();
  });

  it('puts NOT_BURNING (and longer runways) in a band above the axis without stretching it', () => {
    const sc = valueScale([1.5, 15.7, NOT_BURNING, 453.2], 10, 210, { offScaleFrom: NOT_BURNING });
    expect(sc.off(NOT_BURNING)).toBe(true);
    expect(sc.off(453.2)).toBe(true);
    expect(Math.max(...sc.ticks)).toBeLessThan(NOT_BURNING);
    expect(sc.offY).not.toBeNull();
    // The band lies above the axis's top tick, inside the plot.
    const topY = sc.y(Math.max(...sc.ticks));
    expect(sc.offY!).toBeLessThan(topY);
    expect(sc.offY!).toBeGreaterThanOrEqual(10);
    expect(topY - sc.offY!).toBeGreaterThanOrEqual(OFF_SCALE_BAND / 2);
  });

  it('without an off-scale limit every value is on the axis', () => {
    const sc = valueScale([0, 99, 250], 0, 100);
    expect(sc.off(250)).toBe(false);
    expect(sc.offY).toBeNull();
    expect(sc.y(250)).toBeGreaterThanOrEqual(0);
    expect(sc.y(0)).toBeLessThanOrEqual(100);
  });
});

describe('waterfall labels', () => {
  const labels = (lang: 'en' | 'zh-CN') => [
    t(lang, 'market.domestic'),
    t(lang, 'market.overseas'),
    t(lang, 'wf.revenue'),
    t(lang, 'cost.compute'),
    t(lang, 'cost.customisation'),
    t(lang, 'cost.other'),
    t(lang, 'wf.profit'),
  ];
  const fits = (lay: ReturnType<typeof waterfallLabels>) =>
    lay.lines.every(
      (ls, i) => lay.squeeze[i] || ls.every((l) => textWidth(l, 12, true) + WF_LABEL_PAD <= lay.width),
    );

  for (const lang of ['en', 'zh-CN'] as const)
    for (const w of [260, 350, 600, 1000])
      it(`${lang} at ${w} px: every label fits its column (squeezed only when 260 px is too narrow)`, () => {
        const lay = waterfallLabels(labels(lang), w, 40);
        expect(fits(lay)).toBe(true);
        if (w >= 350) expect(lay.squeeze.some(Boolean)).toBe(false);
        expect(lay.width).toBeLessThanOrEqual(Math.max(90, w / 3));
      });

  it('"Operating profit" goes on two lines in a narrow waterfall, on one in a wide one', () => {
    expect(waterfallLabels(labels('en'), 350, 40).lines[6]).toEqual(['Operating', 'profit']);
    expect(waterfallLabels(labels('en'), 1000, 40).lines[6]).toEqual(['Operating profit']);
  });

  it('rows too short for two lines squeeze the label instead', () => {
    const lay = waterfallLabels(labels('en'), 260, 18);
    expect(lay.lines.every((ls) => ls.length === 1)).toBe(true);
    expect(lay.squeeze[6]).toBe(true);
    expect(lay.width).toBe(90);
  });
});
