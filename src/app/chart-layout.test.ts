import { describe, expect, it } from 'vitest';
import { TICK_GAP, textWidth, xTickIndices } from './chart-layout';

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
