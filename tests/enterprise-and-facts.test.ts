// Rules 4, the enterprise market (src/engine/quarter/markets/enterprise.ts: a finite pool of deals a
// quarter shared by pull) and stylized fact 4 (customisation loses money at scale unless the
// product is standardised), then the calibration table of the historical level over 50 seeds.
// Figures behind each target are printed at the end of the file's run.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CalibrationGame,
  formatFigure,
  formatReal,
  playCalibrationGames,
  tableOf,
} from '../src/app/calibration';
import { at } from '../src/engine/economy';
import { setStateFreezing } from '../src/engine/index';
import type { AppWeights, Command, GameState, QuarterRecord } from '../src/engine/types';
import { answerNeutrally, fmt, HISTORICAL, mean, ok, playAutopilot, seedsUpTo } from './model-play';

const level = HISTORICAL;
const SEEDS = seedsUpTo(50);
const COMPANIES = level.player.companies;
/** The upper bound of a company's deal-flow noise (enterprise.ts DEAL_NOISE_MAX). */
const DEAL_NOISE_MAX = 1.6;
const figures: string[] = [];
const indexOf = (id: string) => level.companies.findIndex((c) => c.id === id);

let calibrationGames: CalibrationGame[] = [];

beforeAll(() => {
  setStateFreezing(false);
  calibrationGames = playCalibrationGames(level, SEEDS);
});
afterAll(() => {
  setStateFreezing(true);
  console.log(`enterprise-and-facts figures:\n  ${figures.join('\n  ')}`);
});

// ---------------------------------------------------------------------------------------------
// The pool

describe('enterprise demand is a finite pool with diminishing returns', () => {
  it("doubling a company's sales team less than doubles its deals (mean over seeds), yet adds deals", () => {
    // The same state and luck; only the player's sales team differs (n or 2n, no hires).
    const parts: string[] = [];
    for (const turn of [4, 8])
      for (const n of [20, 100, 300]) {
        const single: number[] = [];
        const double: number[] = [];
        for (const seed of SEEDS) {
          const company = COMPANIES[seed % COMPANIES.length]!;
          const i = indexOf(company);
          let s = playAutopilot(level, seed, company, 'enterprise-first', { untilTurn: turn });
          if (s.ending) continue;
          s = answerNeutrally(level, s);
          s = ok(level, s, { type: 'people/set', hires: { researchers: 0, engineers: 0, sales: 0 } });
          const deals = (sales: number) => {
            const st = structuredClone(s);
            st.startups[i]!.staff.sales = sales;
            const after = ok(level, st, { type: 'quarter/end' });
            return after.history[after.history.length - 1]!.companies[i]!.enterpriseProjects;
          };
          single.push(deals(n));
          double.push(deals(2 * n));
        }
        const a = mean(single);
        const b = mean(double);
        parts.push(`turn ${turn}, ${n}→${2 * n} sales: ${fmt(a, 1)} → ${fmt(b, 1)} deals (×${fmt(b / a)})`);
        expect(single.length).toBeGreaterThanOrEqual(40);
        expect(b, `turn ${turn}, n ${n}`).toBeLessThan(2 * a);
        expect(b, `turn ${turn}, n ${n}`).toBeGreaterThan(a);
      }
    figures.push(`doubling the sales team (mean deals over ${SEEDS.length} seeds): ${parts.join('; ')}`);
  });

  it("the startups' deals in a quarter never exceed the pool × the noise bound", () => {
    const histories: (readonly QuarterRecord[])[] = [
      ...calibrationGames.map((g) => g.history),
      ...enterpriseGames().map((g) => g.state.history),
    ];
    let worst = 0;
    let where = '';
    let quarters = 0;
    for (const history of histories)
      for (const h of history) {
        const pool = at(level.macro.enterpriseDemand, h.turn);
        let deals = 0;
        for (const c of h.companies) deals += c.enterpriseProjects;
        quarters++;
        if (deals / pool > worst) {
          worst = deals / pool;
          where = `${h.quarter}: ${deals} deals, pool ${fmt(pool, 1)}`;
        }
        expect(deals, h.quarter).toBeLessThanOrEqual(pool * DEAL_NOISE_MAX);
      }
    figures.push(
      `startups' deals / pool over ${quarters} quarters of ${histories.length} games: at most ${fmt(worst)} (${where}); bound ${DEAL_NOISE_MAX}`,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Stylized fact 4

type EnterprisePlan = 'custom' | 'standard' | 'lean';

/** Balanced autopilot games, with the app budget re-split by the plan. */
interface EnterpriseGame {
  seed: number;
  company: string;
  plan: EnterprisePlan;
  state: GameState;
  /** The company's platform (0..1) after each quarter, by turn. */
  platform: number[];
}

/**
 * The enterprise-heavy plans: the balanced autopilot (half the spend on pretraining until 2025Q3,
 * which keeps its model above the enterprise buyers' rising floor, and its sales team doubling each
 * healthy quarter), with no API share (so the platform cost line holds the enterprise budget alone)
 * and
 *  - custom: no enterprise share: no platform spending at all, the platform decaying from where the
 *    company starts;
 *  - standard: 60 % of the app budget on enterprise buys the platform (and keeps buying once it is
 *    at its maximum);
 *  - lean: the enterprise budget is what brings the platform to its maximum and keeps it there
 *    (at most 60 % of the app budget), the rest to overseas.
 */
function resplit(plan: 'custom' | 'standard', w: AppWeights): AppWeights {
  const enterprise = plan === 'custom' ? 0 : STANDARD_SHARE;
  const domestic = Math.min(w.domestic, 100 - enterprise);
  return { domestic, overseas: 100 - domestic - enterprise, enterprise, api: 0 };
}

/** The standard plan's enterprise share of the app budget, %. */
const STANDARD_SHARE = 60;

/** The lean plan's split this quarter: just the platform budget that reaches platformMax. */
function leanSplit(state: GameState, i: number): Command {
  const ent = level.market.enterprise;
  const me = state.startups[i]!;
  const p = me.plan;
  const pretraining = me.pretrainingAbandoned ? 0 : Math.round((p.spend * p.pretrainingBp) / 10_000);
  const apps = Math.max(1, p.spend - pretraining);
  const needed = Math.max(
    0,
    (ent.platformMax - me.platform * (1 - ent.platformDecay)) * 100 * ent.platformCostPerPoint,
  );
  const enterprise = Math.min(60, Math.ceil((needed / apps) * 100));
  const domestic = Math.min(p.appWeights.domestic, 100 - enterprise);
  return {
    type: 'plan/set-split',
    pretrainingBp: p.pretrainingBp,
    appWeights: { domestic, overseas: 100 - domestic - enterprise, enterprise, api: 0 },
  };
}

let cachedEnterpriseGames: EnterpriseGame[] | undefined;

function enterpriseGames(): EnterpriseGame[] {
  if (cachedEnterpriseGames) return cachedEnterpriseGames;
  const out: EnterpriseGame[] = [];
  for (const plan of ['custom', 'standard', 'lean'] as const)
    for (const seed of SEEDS) {
      const company = COMPANIES[seed % COMPANIES.length]!;
      const i = indexOf(company);
      const platform: number[] = [];
      const state = playAutopilot(level, seed, company, 'balanced', {
        rewrite: (cmds) =>
          plan === 'lean'
            ? cmds
            : cmds.map(
                (c): Command =>
                  c.type === 'plan/set-split' ? { ...c, appWeights: resplit(plan, c.appWeights) } : c,
              ),
        beforeEnd: (s) => (plan === 'lean' ? [leanSplit(s, i)] : []),
        onQuarter: (s) => {
          platform[s.turn - 1] = s.startups[i]!.platform;
        },
      });
      out.push({ seed, company, plan, state, platform });
    }
  cachedEnterpriseGames = out;
  return out;
}

/** The company's whole-game enterprise figures, mean over a plan's games (of one company if given), 万元. */
function wholeGame(plan: EnterprisePlan, net: boolean, only?: string): number {
  return mean(
    enterpriseGames()
      .filter((g) => g.plan === plan && (only === undefined || g.company === only))
      .map((g) => {
        const i = indexOf(g.company);
        let sum = 0;
        for (const h of g.state.history) {
          const c = h.companies[i]!;
          if (c.status !== 'active') continue;
          sum += c.revenueBy.enterprise - c.costBy.customisation - (net ? c.costBy.platform : 0);
        }
        return sum;
      }),
  );
}

const meanPlatform = (plan: EnterprisePlan) =>
  mean(
    enterpriseGames()
      .filter((g) => g.plan === plan)
      .flatMap((g) => g.platform),
  );

interface Quarter {
  deals: number;
  /** Enterprise revenue − customisation cost, 万元. */
  margin: number;
  /** The platform spending (the enterprise budget), 万元. */
  platformCost: number;
}

function quartersOf(plan: EnterprisePlan): Quarter[] {
  const out: Quarter[] = [];
  for (const g of enterpriseGames()) {
    if (g.plan !== plan) continue;
    const i = indexOf(g.company);
    for (const h of g.state.history) {
      const c = h.companies[i]!;
      if (c.status !== 'active') continue;
      out.push({
        deals: c.enterpriseProjects,
        margin: c.revenueBy.enterprise - c.costBy.customisation,
        platformCost: c.costBy.platform,
      });
    }
  }
  return out;
}

/** Deals a quarter from which a company's enterprise book counts as "at scale". */
const MANY = 12;

describe('stylized fact 4: customisation loses money at scale unless the product is standardised', () => {
  it('with no platform spending, enterprise revenue − customisation is negative once deals are many', () => {
    const qs = quartersOf('custom');
    const many = qs.filter((q) => q.deals >= MANY);
    const few = qs.filter((q) => q.deals > 0 && q.deals < MANY);
    const negative = many.filter((q) => q.margin < 0).length / many.length;
    figures.push(
      `fact 4, custom (platform ${fmt(
        mean(
          enterpriseGames()
            .filter((g) => g.plan === 'custom')
            .flatMap((g) => g.platform),
        ),
      )} on average): ` +
        `quarters with ≥ ${MANY} deals: ${many.length}, mean margin ¥${fmt(mean(many.map((q) => q.margin)) / 100, 1)}M, ` +
        `negative in ${fmt(100 * negative, 1)} %; with 1–${MANY - 1} deals: ${few.length}, mean margin ¥${fmt(mean(few.map((q) => q.margin)) / 100, 1)}M`,
    );
    expect(many.length).toBeGreaterThan(100);
    expect(mean(many.map((q) => q.margin))).toBeLessThan(0);
    expect(negative).toBeGreaterThanOrEqual(0.8);
  });

  it('with a standard platform (60 % of the app budget on enterprise), it is positive at every scale', () => {
    const qs = quartersOf('standard');
    const many = qs.filter((q) => q.deals >= MANY);
    const positive = many.filter((q) => q.margin > 0).length / many.length;
    figures.push(
      `fact 4, standard (platform ${fmt(
        mean(
          enterpriseGames()
            .filter((g) => g.plan === 'standard')
            .flatMap((g) => g.platform),
        ),
      )} on average): ` +
        `quarters with ≥ ${MANY} deals: ${many.length}, mean margin ¥${fmt(mean(many.map((q) => q.margin)) / 100, 1)}M, positive in ${fmt(100 * positive, 0)} %; ` +
        `whole game per company: margin ¥${fmt(wholeGame('standard', false) / 100, 0)}M, net of the platform spending ¥${fmt(wholeGame('standard', true) / 100, 0)}M`,
    );
    expect(many.length).toBeGreaterThan(100);
    expect(mean(many.map((q) => q.margin))).toBeGreaterThan(0);
    expect(positive).toBeGreaterThanOrEqual(0.9);
    expect(mean(qs.filter((q) => q.deals > 0).map((q) => q.margin))).toBeGreaterThan(0);
  });

  it('over the whole game, at scale (Zhipu, the largest deal flow), a platform bought to its maximum and kept there pays for itself against customising', () => {
    // Margin net of every 万元 spent on the platform (lean plan) against the custom plan's margin,
    // which spends nothing on it: mean over the seeds. Standardising pays at scale: a company with
    // few deals (a small share of the pool) does not earn the platform back, and the figures of
    // all the companies together are printed beside it.
    const lean = wholeGame('lean', true, 'zhipu');
    const custom = wholeGame('custom', false, 'zhipu');
    figures.push(
      `fact 4, Zhipu whole game: lean platform net of its spending ¥${fmt(lean / 100, 0)}M; custom margin ¥${fmt(custom / 100, 0)}M`,
    );
    figures.push(
      `fact 4, whole game per company: lean platform (${fmt(meanPlatform('lean'))} on average) margin ¥${fmt(wholeGame('lean', false) / 100, 0)}M, ` +
        `net of the platform spending ¥${fmt(lean / 100, 0)}M; custom margin ¥${fmt(custom / 100, 0)}M; ` +
        `standard (60 %) net of the platform spending ¥${fmt(wholeGame('standard', true) / 100, 0)}M`,
    );
    expect(lean).toBeGreaterThan(custom);
  });
});

// ---------------------------------------------------------------------------------------------
// Calibration

describe('the calibration table (rivals on their own archetypes, median over 50 seeds)', () => {
  it('passes every row: within 2× of the real figures', () => {
    const rows = tableOf(calibrationGames);
    const failed = rows.filter((r) => r.pass === false);
    figures.push(
      `calibration over ${SEEDS.length} seeds: ${rows.filter((r) => r.pass === true).length} pass, ${failed.length} fail, ` +
        `${rows.filter((r) => r.pass === null).length} n/a; ` +
        rows
          .filter((r) => r.game !== null)
          .map((r) => `${r.id} ${formatFigure(r.unit, r.game!)} vs ${formatReal(r.unit, r.real)}`)
          .join('; '),
    );
    expect(failed.map((r) => `${r.id}: ${r.game} vs ${JSON.stringify(r.real)}`)).toEqual([]);
    // n/a only where there is no real figure to compare with.
    for (const r of rows) if (r.pass === null) expect(r.real.kind, r.id).toBe('none');
  });
});
