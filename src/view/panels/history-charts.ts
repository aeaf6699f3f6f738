// Charts over the quarters played: cash and runway, revenue by market, users, model quality
// against rivals and the global frontier, and API prices (log scale: the 2024 price war cut them
// by two orders of magnitude).

import { count, money, moneyAxis, price, runway } from '../../app/format';
import type { Language, TextKey } from '../../app/i18n';
import { t } from '../../app/i18n';
import { actorName } from '../../app/level-text';
import type { GameState, Level } from '../../engine/index';
import { NOT_BURNING, runwayAt } from '../../engine/index';
import type { Series } from '../charts';
import { lineChart, stackedBars, waterfall } from '../charts';
import { COLORS, DASHES, MARKET_COLORS, SERIES } from '../theme';

export function historyCharts(lang: Language, level: Level, state: GameState): HTMLElement[] {
  const tr = (k: TextKey, p?: Record<string, string | number>) => t(lang, k, p);
  const hist = state.history;
  const x = hist.map((r) => r.quarter.replace(/^20/, ''));
  const mine = hist.map((r) => r.companies.find((c) => c.id === state.playerId)!);
  const shortMoney = (v: number) => moneyAxis(lang, Math.round(v));
  const cash = lineChart({
    title: tr('chart.cash'),
    x,
    series: [
      { label: tr('chart.cashLine'), values: mine.map((c) => c.cash), color: COLORS.you, width: 3 },
      {
        label: tr('chart.runwayLine'),
        // As the page states it elsewhere: cash ÷ the quarter's net burn, NOT_BURNING without one.
        values: mine.map((c) => runwayAt(Math.max(0, c.cash), c.costs - c.revenue)),
        color: SERIES[0],
        dash: DASHES[1],
        axis: 'right',
      },
    ],
    format: shortMoney,
    // The runway format says ∞ from NOT_BURNING up; those quarters go above the axis, not on it.
    formatRight: (v) => (v >= NOT_BURNING ? runway(lang, v) : String(Number(v.toFixed(1)))),
    rightOffScale: NOT_BURNING,
  });
  const markets = ['domestic', 'overseas', 'enterprise', 'api', 'other'] as const;
  const revenue = stackedBars({
    title: tr('chart.revenue'),
    x,
    stacks: markets
      .filter((m) => m === 'other' || level.markets[m])
      .map((m) => ({
        label: tr(m === 'other' ? 'market.other' : `market.${m}`),
        color: MARKET_COLORS[m],
        values: mine.map((c) => c.revenueBy[m]),
      })),
    format: shortMoney,
  });
  const bestRival = hist.map((r) =>
    Math.max(
      0,
      ...r.companies.filter((c) => c.id !== state.playerId && c.status === 'active').map((c) => c.mau),
    ),
  );
  const users = lineChart({
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
        values: bestRival,
        color: COLORS.muted,
        dash: DASHES[1],
        width: 1.5,
      },
    ],
    format: (v) => count(lang, v),
  });
  const active = (j: number, turn: number) => (level.giants[j]?.entersTurn ?? 0) <= turn;
  const qualitySeries: Series[] = [
    { label: tr('chart.you'), values: mine.map((c) => c.quality), color: COLORS.you, width: 3.5 },
    ...state.startups
      .filter((s) => s.id !== state.playerId)
      .map((s, i) => ({
        label: actorName(lang, level, s.id),
        values: hist.map((r) => {
          const c = r.companies.find((cc) => cc.id === s.id);
          return c && c.status === 'active' ? c.quality : null;
        }),
        color: SERIES[i % SERIES.length]!,
        dash: DASHES[(i + 1) % DASHES.length],
        width: 1.4,
      })),
    {
      label: tr('chart.bigTech'),
      values: hist.map((r) => {
        const qs = r.giants
          .filter((_, j) => level.giants[j]?.kind === 'bigtech' && active(j, r.turn))
          .map((g) => g.quality);
        return qs.length ? Math.max(...qs) : null;
      }),
      color: '#e8eef8',
      dash: DASHES[3],
      width: 1.6,
    },
    {
      label: tr('chart.frontier'),
      values: hist.map((r) => r.frontierQuality),
      color: COLORS.frontier,
      dash: DASHES[1],
      width: 2,
    },
  ];
  const qualityChart = lineChart({
    title: tr('chart.quality'),
    x,
    series: qualitySeries,
    format: (v) => v.toFixed(0),
    zero: false,
  });
  const giantPrice = (kind: 'bigtech' | 'deepseek') =>
    hist.map((r) => {
      const ps = r.giants
        .filter((g, j) => level.giants[j]?.kind === kind && active(j, r.turn) && g.apiPrice > 0)
        .map((g) => g.apiPrice);
      return ps.length ? Math.min(...ps) : null;
    });
  const prices = lineChart({
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
        values: hist.map((r) => r.marketApiPrice),
        color: SERIES[0],
        dash: DASHES[1],
        width: 2,
      },
      {
        label: tr('chart.bigTechPrice'),
        values: giantPrice('bigtech'),
        color: SERIES[1],
        dash: DASHES[2],
        width: 2,
      },
      {
        label: tr('chart.deepseekPrice'),
        values: giantPrice('deepseek'),
        color: SERIES[2],
        dash: DASHES[3],
        width: 2,
      },
    ],
    format: price,
    axisFormat: (v) => `¥${v >= 1 ? v.toFixed(0) : String(Number(v.toPrecision(1)))}`,
  });
  return [cash, revenue, users, qualityChart, prices];
}

/** The last quarter's P&L as a waterfall: revenue lines → costs → operating profit. */
export function quarterWaterfall(lang: Language, level: Level, state: GameState): HTMLElement | null {
  const tr = (k: TextKey, p?: Record<string, string | number>) => t(lang, k, p);
  const rec = state.history[state.history.length - 1]?.companies.find((c) => c.id === state.playerId);
  if (!rec) return null;
  const steps: { label: string; value: number; kind: 'up' | 'down' | 'total' }[] = [];
  for (const m of ['domestic', 'overseas', 'enterprise', 'api', 'other'] as const)
    if (rec.revenueBy[m] !== 0 || (m !== 'other' && level.markets[m]))
      steps.push({
        label: tr(m === 'other' ? 'market.other' : `market.${m}`),
        value: rec.revenueBy[m],
        kind: 'up',
      });
  steps.push({ label: tr('wf.revenue'), value: rec.revenue, kind: 'total' });
  for (const k of [
    'compute',
    'salaries',
    'ads',
    'inference',
    'customisation',
    'platform',
    'severance',
    'other',
  ] as const)
    if (rec.costBy[k] !== 0) steps.push({ label: tr(`cost.${k}`), value: rec.costBy[k], kind: 'down' });
  steps.push({ label: tr('wf.profit'), value: rec.operatingProfit, kind: 'total' });
  return waterfall(
    tr('wf.title'),
    steps,
    (v) => money(lang, Math.round(v)),
    (v) => moneyAxis(lang, Math.round(v)),
  );
}
