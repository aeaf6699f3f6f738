// The teaching content: the stylized facts the historical level must reproduce over many seeds,
// played by the autopilots (50 seeds per company and policy).

import { beforeAll, describe, expect, it } from 'vitest';
import { getLevel } from '../src/app/levels';
import type { EndingKind, GameState, Level, PolicyName } from '../src/engine';
import { playGame } from '../src/engine';

const SEEDS = 50;
const POLICIES_PLAYED: PolicyName[] = [
  'balanced',
  'pretraining-first',
  'applications-first',
  'overseas-first',
  'enterprise-first',
];

interface Game {
  company: string;
  policy: PolicyName;
  seed: number;
  state: GameState;
  ending: EndingKind;
}

let level: Level;
const games: Game[] = [];

beforeAll(() => {
  level = getLevel('historical-2023');
  for (const company of level.player.companies)
    for (const policy of POLICIES_PLAYED)
      for (let seed = 1; seed <= SEEDS; seed++) {
        const { state } = playGame(level, seed, company, policy);
        games.push({ company, policy, seed, state, ending: state.ending!.kind });
      }
});

const select = (policy: PolicyName) => games.filter((g) => g.policy === policy);
const rate = (gs: Game[], kind: EndingKind) => gs.filter((g) => g.ending === kind).length / gs.length;
const record = (g: Game, quarter: string) => g.state.history.find((h) => h.quarter === quarter);

describe('stylized facts of the historical level (DESIGN §9)', () => {
  it('1. pretraining alone is a furnace: it never makes it, and survives only by raising money', () => {
    for (const company of level.player.companies) {
      const gs = select('pretraining-first').filter((g) => g.company === company);
      expect(gs).toHaveLength(SEEDS);
      expect(rate(gs, 'made-it'), company).toBe(0);
      const startCash = level.companies.find((c) => c.id === company)!.cash;
      for (const g of gs) {
        if (g.ending === 'out-of-money' || g.ending === 'acquired') continue;
        // It is still alive: then its operating losses exceeded all the cash it started with,
        // so only the money it raised kept it going.
        let operating = 0;
        for (const h of g.state.history)
          operating += h.companies.find((c) => c.id === company)!.operatingProfit;
        expect(startCash + operating, `${company} seed ${g.seed}`).toBeLessThan(0);
      }
    }
  });

  it('2. the May 2024 price war cuts the market API price 50–200× from 2024Q1 to 2024Q4 (about two orders of magnitude)', () => {
    const ratios: number[] = [];
    for (const policy of ['balanced', 'applications-first', 'overseas-first', 'enterprise-first'] as const)
      for (const g of select(policy)) {
        const before = record(g, '2024Q1');
        const after = record(g, '2024Q4');
        if (!before || !after) continue; // the game ended before the war
        ratios.push(before.marketApiPrice / after.marketApiPrice);
        expect(
          before.marketApiPrice / after.marketApiPrice,
          `${g.company} ${g.policy} seed ${g.seed}`,
        ).toBeGreaterThanOrEqual(50);
        expect(before.marketApiPrice / after.marketApiPrice).toBeLessThanOrEqual(200);
      }
    expect(ratios.length).toBeGreaterThan(SEEDS * 6);
  });

  it('2b. after the war, API revenue alone cannot carry a startup (under half the costs of one still training; under all the costs of one that stopped)', () => {
    let training = 0;
    let harvested = 0;
    for (const g of select('balanced')) {
      for (const h of g.state.history) {
        if (h.turn < 7) continue;
        for (const c of h.companies) {
          if (c.status !== 'active' || c.costs === 0) continue;
          // A company that stopped pretraining has cut its costs to the bone; its API still
          // cannot pay for them, but it may pay for more than half.
          const stillTraining = c.pretrainingShare > 0;
          if (stillTraining) training += 1;
          else harvested += 1;
          expect(c.revenueBy.api, `${c.id} ${h.quarter}`).toBeLessThan(c.costs * (stillTraining ? 0.5 : 1));
        }
      }
    }
    // Both kinds are in the sample, so neither bound is vacuous.
    expect(training).toBeGreaterThan(100);
    expect(harvested).toBeGreaterThan(0);
  });

  it('3. domestic apps buy users dearly and earn little; overseas subscriptions earn real money', () => {
    let domesticRevenue = 0;
    let domesticAds = 0;
    let overseasRevenue = 0;
    let domesticUserQuarters = 0;
    let overseasUserQuarters = 0;
    for (const g of [...select('applications-first'), ...select('overseas-first')]) {
      const me = g.state.playerId;
      for (const h of g.state.history) {
        const c = h.companies.find((x) => x.id === me)!;
        domesticRevenue += c.revenueBy.domestic;
        overseasRevenue += c.revenueBy.overseas;
        domesticUserQuarters += c.domesticUsers;
        overseasUserQuarters += c.overseasUsers;
      }
    }
    for (const g of select('applications-first')) {
      const me = g.state.playerId;
      for (const h of g.state.history) {
        const c = h.companies.find((x) => x.id === me)!;
        domesticAds += c.costBy.ads;
      }
    }
    // Revenue per user-quarter: overseas earns many times what a domestic user brings.
    expect(overseasRevenue / overseasUserQuarters).toBeGreaterThan(
      (5 * domesticRevenue) / domesticUserQuarters,
    );
    // Domestic-first players spend far more on ads than their domestic users ever pay.
    expect(domesticRevenue).toBeLessThan(domesticAds);
    // Overseas is the likelier path to profit: more of its games reach a profitable quarter. (Made
    // it is too rare a test on level v8, where neither autopilot makes it on these seeds.)
    const profitable = (gs: typeof games) =>
      gs.filter((g) =>
        g.state.history.some((h) => h.companies.find((x) => x.id === g.state.playerId)!.operatingProfit >= 0),
      ).length / gs.length;
    expect(profitable(select('overseas-first'))).toBeGreaterThan(profitable(select('applications-first')));
    expect(profitable(select('overseas-first'))).toBeGreaterThan(0);
  });

  it('7. under pressure some rivals give up pretraining, by their policy', () => {
    const abandoners = new Set<string>();
    let rivalGames = 0;
    let abandoned = 0;
    for (const g of games) {
      for (const s of g.state.startups) {
        if (s.id === g.state.playerId) continue;
        rivalGames++;
        if (s.pretrainingAbandoned) {
          abandoned++;
          abandoners.add(s.id);
        }
      }
    }
    expect(abandoners.size).toBeGreaterThanOrEqual(2);
    expect(abandoned / rivalGames).toBeGreaterThan(0.1);
    expect(abandoned / rivalGames).toBeLessThan(0.9);
    // Not a fixed script: the same rival keeps training in some games and quits in others.
    const mixed = [...abandoners].some((id) =>
      games.some(
        (g) => g.state.playerId !== id && !g.state.startups.find((s) => s.id === id)!.pretrainingAbandoned,
      ),
    );
    expect(mixed).toBe(true);
  });

  it('8. big tech never go bankrupt; startups can; some strategies win, none always does', () => {
    let startupFailures = 0;
    for (const g of games) {
      for (const giant of g.state.giants) expect(giant.apiPrice).toBeGreaterThanOrEqual(0);
      for (const h of g.state.history) expect(h.giants).toHaveLength(level.giants.length);
      for (const s of g.state.startups) if (s.status !== 'active') startupFailures++;
    }
    expect(startupFailures).toBeGreaterThan(0);
    const winners = new Set(
      games.filter((g) => g.ending === 'made-it').map((g) => `${g.company}/${g.policy}`),
    );
    expect(winners.size).toBeGreaterThanOrEqual(3);
    for (const policy of POLICIES_PLAYED) expect(rate(select(policy), 'made-it'), policy).toBeLessThan(1);
    expect(
      new Set(games.filter((g) => g.ending === 'made-it').map((g) => g.company)).size,
    ).toBeGreaterThanOrEqual(3);
  });
});
