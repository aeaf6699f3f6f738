// Charts over the quarters played: cash and runway, revenue by market, users, model quality
// against rivals and the global frontier, and API prices (log scale: the 2024 price war cut them
// by two orders of magnitude). The series come from app/history-series.ts; this labels and draws.

import { count, money, moneyAxis, price, runway } from '../../app/format';
import {
  activeQuality,
  bestRivalUsers,
  bigTechBestQuality,
  giantMinPrice,
  playerRecords,
  pnlSteps,
  runwaySeries,
} from '../../app/history-series';
import type { Language, TextKey } from '../../app/i18n';
import { t } from '../../app/i18n';
import { actorName } from '../../app/level-text';
import type { CompanyRecord, GameState, Level } from '../../engine/index';
import { NOT_BURNING } from '../../engine/index';
import type { Series } from '../charts';
import { lineChart, stackedBars, waterfall } from '../charts';
import { COLORS, DASHES, MARKET_COLORS, SERIES } from '../theme';

/** What every history chart is drawn from. */
interface ChartData {
  lang: Language;
  level: Level;
  state: GameState;
  tr: (k: TextKey, p?: Record<string, string | number>) => string;
  /** The quarters' short labels (24Q1). */
  x: string[];
  mine: CompanyRecord[];
  shortMoney: (v: number) => string;
}

function cashChart(d: ChartData): HTMLElement {
  const { tr, x, mine, lang } = d;
  return lineChart({
    title: tr('chart.cash'),
    x,
    series: [
      { label: tr('chart.cashLine'), values: mine.map((c) => c.cash), color: COLORS.you, width: 3 },
      {
        label: tr('chart.runwayLine'),
        values: runwaySeries(mine),
        color: SERIES[0],
        dash: DASHES[1],
        axis: 'right',
      },
    ],
    format: d.shortMoney,
    // The runway format says ∞ from NOT_BURNING up; those quarters go above the axis, not on it.
    formatRight: (v) => (v >= NOT_BURNING ? runway(lang, v) : String(Number(v.toFixed(1)))),
    rightOffScale: NOT_BURNING,
  });
}

function revenueChart(d: ChartData): HTMLElement {
  const { tr, x, mine, level } = d;
  const markets = ['domestic', 'overseas', 'enterprise', 'api', 'other'] as const;
  return stackedBars({
    title: tr('chart.revenue'),
    x,
    stacks: markets
      .filter((m) => m === 'other' || level.markets[m])
      .map((m) => ({
        label: tr(m === 'other' ? 'market.other' : `market.${m}`),
        color: MARKET_COLORS[m],
        values: mine.map((c) => c.revenueBy[m]),
      })),
    format: d.shortMoney,
  });
}

function usersChart(d: ChartData): HTMLElement {
  const { tr, x, mine, lang } = d;
  return lineChart({
    title: tr('chart.users'),
    x,
    series: [
      {
        label: tr('market.domestic'),
        values: mine.map((c) => c.domesticUsers),
        color: MARKET_COLORS.domestic,
        width: 2.5,
      },
      {
        label: tr('market.overseas'),
        values: mine.map((c) => c.overseasUsers),
        color: MARKET_COLORS.overseas,
        width: 2.5,
        dash: DASHES[2],
      },
      {
        label: tr('chart.bestRivalUsers'),
        values: bestRivalUsers(d.state),
        color: COLORS.muted,
        dash: DASHES[1],
        width: 1.5,
      },
    ],
    format: (v) => count(lang, v),
  });
}

function qualityChart(d: ChartData): HTMLElement {
  const { tr, x, mine, lang, level, state } = d;
  const series: Series[] = [
    { label: tr('chart.you'), values: mine.map((c) => c.quality), color: COLORS.you, width: 3.5 },
    ...state.startups
      .filter((s) => s.id !== state.playerId)
      .map((s, i) => ({
        label: actorName(lang, level, s.id),
        values: activeQuality(state, s.id),
        color: SERIES[i % SERIES.length]!,
        dash: DASHES[(i + 1) % DASHES.length],
        width: 1.4,
      })),
    {
      label: tr('chart.bigTech'),
      values: bigTechBestQuality(level, state),
      color: '#e8eef8',
      dash: DASHES[3],
      width: 1.6,
    },
    {
      label: tr('chart.frontier'),
      values: state.history.map((r) => r.frontierQuality),
      color: COLORS.frontier,
      dash: DASHES[1],
      width: 2,
    },
  ];
  return lineChart({ title: tr('chart.quality'), x, series, format: (v) => v.toFixed(0), zero: false });
}

function pricesChart(d: ChartData): HTMLElement {
  const { tr, x, mine, level, state } = d;
  return lineChart({
    title: tr('chart.prices'),
    x,
    log: true,
    series: [
      {
        label: tr('chart.yourPrice'),
        values: mine.map((c) => (c.apiPrice > 0 ? c.apiPrice : 0.01)),
        color: COLORS.you,
        width: 3,
      },
      {
        label: tr('chart.marketPrice'),
        values: state.history.map((r) => r.marketApiPrice),
        color: SERIES[0],
        dash: DASHES[1],
        width: 2,
      },
      {
        label: tr('chart.bigTechPrice'),
        values: giantMinPrice(level, state, 'bigtech'),
        color: SERIES[1],
        dash: DASHES[2],
        width: 2,
      },
      {
        label: tr('chart.deepseekPrice'),
        values: giantMinPrice(level, state, 'deepseek'),
        color: SERIES[2],
        dash: DASHES[3],
        width: 2,
      },
    ],
    format: price,
    axisFormat: (v) => `¥${v >= 1 ? v.toFixed(0) : String(Number(v.toPrecision(1)))}`,
  });
}

export function historyCharts(lang: Language, level: Level, state: GameState): HTMLElement[] {
  const d: ChartData = {
    lang,
    level,
    state,
    tr: (k, p) => t(lang, k, p),
    x: state.history.map((r) => r.quarter.replace(/^20/, '')),
    mine: playerRecords(state),
    shortMoney: (v) => moneyAxis(lang, Math.round(v)),
  };
  return [cashChart(d), revenueChart(d), usersChart(d), qualityChart(d), pricesChart(d)];
}

/** The last quarter's P&L as a waterfall: revenue lines → costs → operating profit. */
export function quarterWaterfall(lang: Language, level: Level, state: GameState): HTMLElement | null {
  const tr = (k: TextKey, p?: Record<string, string | number>) => t(lang, k, p);
  const rec = state.history[state.history.length - 1]?.companies.find((c) => c.id === state.playerId);
  if (!rec) return null;
  const label = (s: ReturnType<typeof pnlSteps>[number]): string => {
    if (s.kind === 'up') return tr(s.line === 'other' ? 'market.other' : `market.${s.line}`);
    if (s.kind === 'total') return tr(s.line === 'revenue' ? 'wf.revenue' : 'wf.profit');
    return tr(`cost.${s.line}`);
  };
  return waterfall(
    tr('wf.title'),
    pnlSteps(level, rec).map((s) => ({ label: label(s), value: s.value, kind: s.kind })),
    (v) => money(lang, Math.round(v)),
    (v) => moneyAxis(lang, Math.round(v)),
  );
}
