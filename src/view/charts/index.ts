// Charts as SVG drawn at the size of their box (so text stays crisp at any screen size): line
// charts over quarters (optionally log-scaled or with a right-hand axis), stacked bars, scatter
// plots (over a numeric axis or in category strips), and the quarter's P&L waterfall, whose bars
// grow one after another. One file per kind of chart; frame.ts and legend.ts are what they share.

export { stackedBars } from './bars';
export { lineChart } from './line';
export { scatterChart } from './scatter';
export type {
  LineSpec,
  MarkerShape,
  ScatterGroup,
  ScatterPoint,
  ScatterSpec,
  Series,
  StackSpec,
  WaterfallStep,
} from './types';
export { waterfall } from './waterfall';
