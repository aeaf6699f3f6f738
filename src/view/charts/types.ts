// What the charts are drawn from: the specs of a line chart, stacked bars, a scatter plot and the
// P&L waterfall's steps (the charts themselves are their sibling files).

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
  /**
   * Right-axis values at or above this are off the scale (e.g. NOT_BURNING, an endless runway):
   * drawn as markers in a band above the axis, labelled formatRight(rightOffScale).
   */
  rightOffScale?: number;
  /** Index of an x value to mark with a vertical line (e.g. the quarter being viewed). */
  marker?: number;
}

export interface StackSpec {
  title: string;
  x: readonly string[];
  stacks: readonly { label: string; color: string; values: readonly number[] }[];
  format: (v: number) => string;
  /** Axis titles (optional): under the bars and above the value axis. */
  xLabel?: string;
  yLabel?: string;
  /** Whole-number ticks only (for counts). */
  integer?: boolean;
  /** What the chart says, for screen readers (default: the last bar's stacks). */
  summary?: string;
}

export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'ring';

export interface ScatterGroup {
  id: string;
  label: string;
  color: string;
  /** Marker shapes tell the groups apart without colour. */
  shape: MarkerShape;
}

export interface ScatterPoint {
  /** On a numeric axis the value; in category mode the category's index plus an offset in ±0.5. */
  x: number;
  y: number;
  group: string;
  /** Hover text (a tooltip), e.g. the student's name and score. */
  title?: string;
}

export interface ScatterSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  /** A numeric x axis, or named categories at x = 0, 1, … */
  x: { min: number; max: number; format: (v: number) => string } | { categories: readonly string[] };
  points: readonly ScatterPoint[];
  groups: readonly ScatterGroup[];
  /** Value-axis ticks. */
  format: (v: number) => string;
  /** Short horizontal marks (e.g. a strip's median) at category x. */
  marks?: readonly { x: number; y: number; label: string }[];
  summary?: string;
}

export interface WaterfallStep {
  label: string;
  value: number;
  kind: 'up' | 'down' | 'total';
}
