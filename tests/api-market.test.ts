// Rules 4, the API market (src/engine/quarter/markets/api.ts, policies.ts decideGiantPrices,
// economy.ts architectureFactor): the 2024 price war over many seeds, with rivals on their
// archetypes and the player on the named autopilots, and two counterfactual levels that take away
// one cause each: DeepSeek's cost shock, and the cloud subsidy. Figures behind each target are
// printed at the end of the file's run.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CALIBRATION_PLAYER_POLICY,
  type CalibrationGame,
  calibrationPlayer,
  ROWS,
  tableOf,
} from '../src/app/calibration';
import { getLevel, LEVEL_IDS } from '../src/app/levels';
import { at, giantServingCost, startupServingCost } from '../src/engine/economy';
import { POLICIES, playGame, setStateFreezing } from '../src/engine/index';
import type { Level } from '../src/engine/level';
import { startupPrice } from '../src/engine/policies';
import type { GameState, PricingMode, QuarterRecord } from '../src/engine/types';
import { budget } from './fuzz';
import {
  fmt,
  HISTORICAL,
  median,
  NAMED_AUTOPILOTS,
  playAutopilot,
  quantile,
  seedsUpTo,
  variantLevel,
} from './model-play';

const SEEDS = seedsUpTo(50);
/** Turns of 2024Q1 and 2024Q4 in the historical level (it starts in 2023Q1). */
const Q1_2024 = 4;
const Q4_2024 = 7;
const figures: string[] = [];

/** Without DeepSeek's cost shock: its architecture is the conventional one. */
const noShock = variantLevel((json) => {
  json.giants.find((g: { id: string }) => g.id === 'deepseek').architectureFactor = 1;
});
/** Without the cloud subsidy: big tech earns nothing on the cloud beside the tokens it sells. */
const noSubsidy = variantLevel((json) => {
  for (const label of Object.keys(json.macro.cloudSubsidy)) json.macro.cloudSubsidy[label] = 0;
});

/**
 * The market in `level` as it is played: for every seed, each of the six companies in turn is the
 * player, on one of the five named autopilots (rotating with the seed), the other five are rivals
 * on their archetypes. `perSeed` games a seed (6: every company once; 1: one company a seed).
 */
function marketGames(level: Level, perSeed: number): GameState[] {
  const out: GameState[] = [];
  const companies = level.player.companies;
  for (const seed of SEEDS)
    for (let k = 0; k < perSeed; k++) {
      const company = companies[(seed + k) % companies.length]!;
      const policy = NAMED_AUTOPILOTS[(seed + k) % NAMED_AUTOPILOTS.length]!;
      out.push(playGame(level, seed, company, policy).state);
    }
  return out;
}

const recordAt = (s: GameState, turn: number): QuarterRecord | undefined =>
  s.history.find((h) => h.turn === turn);

/** Each game's 2024Q1 / 2024Q4 market price (games that reached 2024Q4). */
function falls(games: readonly GameState[]): number[] {
  const out: number[] = [];
  for (const g of games) {
    const a = recordAt(g, Q1_2024);
    const b = recordAt(g, Q4_2024);
    if (a && b) out.push(a.marketApiPrice / b.marketApiPrice);
  }
  return out;
}

/** The cheapest serving cost among big tech (kind 'bigtech') at a turn, ¥ per million tokens. */
function cheapestBigTechCost(level: Level, turn: number): number {
  let c = Number.POSITIVE_INFINITY;
  level.giants.forEach((g, j) => {
    if (g.kind === 'bigtech' && g.entersTurn <= turn) c = Math.min(c, giantServingCost(level, turn, j));
  });
  return c;
}

let base: GameState[] = [];

beforeAll(() => {
  setStateFreezing(false);
  base = marketGames(HISTORICAL, 6);
});
afterAll(() => {
  setStateFreezing(true);
  console.log(`api-market figures:\n  ${figures.join('\n  ')}`);
});

describe('the 2024 price war (historical level, 50 seeds × six players)', () => {
  it('the market API price falls 50–200× from 2024Q1 to 2024Q4: in the median and in ≥ 90 % of games', () => {
    const f = falls(base);
    expect(f.length).toBeGreaterThanOrEqual(0.9 * base.length);
    const inside = f.filter((x) => x >= 50 && x <= 200).length / f.length;
    figures.push(
      `fall 2024Q1/2024Q4 (${f.length} games): median ${fmt(median(f), 1)}×, p10 ${fmt(quantile(f, 0.1), 1)}×, ` +
        `p90 ${fmt(quantile(f, 0.9), 1)}×, min ${fmt(Math.min(...f), 1)}×, max ${fmt(Math.max(...f), 1)}×, ` +
        `within 50–200× in ${fmt(100 * inside, 0)} % of games`,
    );
    expect(median(f)).toBeGreaterThanOrEqual(50);
    expect(median(f)).toBeLessThanOrEqual(200);
    expect(inside).toBeGreaterThanOrEqual(0.9);
  });

  it('the market API price stays above ¥0.3 per million tokens in every quarter of every game', () => {
    let lowest = Number.POSITIVE_INFINITY;
    let where = '';
    for (const g of base)
      for (const h of g.history)
        if (h.marketApiPrice < lowest) {
          lowest = h.marketApiPrice;
          where = `${h.quarter} seed ${g.seed} (${g.playerId})`;
        }
    figures.push(`lowest market API price of all quarters of all games: ¥${fmt(lowest, 3)} (${where})`);
    expect(lowest).toBeGreaterThan(0.3);
  });
});

describe('counterfactuals: the war needs both causes', () => {
  it("without DeepSeek's cost shock (architectureFactor 1) the price falls less than 5× (median)", () => {
    const f = falls(marketGames(noShock, 1));
    figures.push(
      `without the cost shock: fall median ${fmt(median(f), 1)}× (p10 ${fmt(quantile(f, 0.1), 1)}×, p90 ${fmt(quantile(f, 0.9), 1)}×, ${f.length} games)`,
    );
    expect(median(f)).toBeLessThan(5);
  });

  it('(diagnosis) without the shock and with DeepSeek launching at its cost-plus price, the price falls less than 5× (median)', () => {
    // DeepSeek's scripted launch price (¥1) does not follow from its architecture: without the
    // shock it still sells at ¥1 from its entry and is never raised (cost-plus pricing only cuts).
    // Launching instead at what cost-plus pricing gives at its entry isolates the shock itself.
    const spec = HISTORICAL.giants.find((g) => g.id === 'deepseek')!;
    const costPlus =
      at(HISTORICAL.macro.inferenceCost, spec.entersTurn) * spec.inferenceCostFactor * (1 + spec.markup);
    const level = variantLevel((json) => {
      const d = json.giants.find((g: { id: string }) => g.id === 'deepseek');
      d.architectureFactor = 1;
      d.launchPrice = Math.round(costPlus * 100) / 100;
    });
    const f = falls(marketGames(level, 1));
    figures.push(
      `without the cost shock, DeepSeek launching at cost-plus ¥${fmt(costPlus)}: fall median ${fmt(median(f), 1)}×`,
    );
    expect(median(f)).toBeLessThan(5);
  });

  it('without the cloud subsidy (0 everywhere) the 2024Q4 price is not below big tech’s cheapest serving cost: within 1–5× of it (median)', () => {
    // "About cost": the game's 2024Q4 market price over the cheapest big-tech serving cost that
    // quarter (both ¥ per million tokens); the measured median ratio is printed with the figures.
    const games = marketGames(noSubsidy, 1);
    const cost = cheapestBigTechCost(noSubsidy, Q4_2024);
    const ratios = games.flatMap((g) => {
      const r = recordAt(g, Q4_2024);
      return r ? [r.marketApiPrice / cost] : [];
    });
    const f = falls(games);
    figures.push(
      `without the cloud subsidy: 2024Q4 price / cheapest big-tech serving cost (¥${fmt(cost, 2)}) median ` +
        `${fmt(median(ratios))}× (min ${fmt(Math.min(...ratios))}×, max ${fmt(Math.max(...ratios))}×); fall median ${fmt(median(f), 1)}×`,
    );
    expect(ratios.length).toBeGreaterThanOrEqual(0.9 * games.length);
    expect(median(ratios)).toBeGreaterThanOrEqual(1);
    expect(median(ratios)).toBeLessThanOrEqual(5);
  });
});

describe('API revenue in the books of Zhipu and MiniMax', () => {
  it('is 10–35 % of their 2024 revenue as rivals on their archetypes (median over 50 seeds, the calibration method)', () => {
    const games: CalibrationGame[] = [];
    for (const seed of SEEDS)
      for (const subject of ['zhipu', 'minimax']) {
        const playerId = calibrationPlayer(HISTORICAL, subject);
        const { state } = playGame(HISTORICAL, seed, playerId, CALIBRATION_PLAYER_POLICY);
        games.push({ seed, subject, playerId, history: state.history });
      }
    const rows = tableOf(
      games,
      ROWS.filter((r) => r.id === 'zhipu-api-share-2024' || r.id === 'minimax-api-share-2024'),
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      figures.push(
        `${row.label}: median ${fmt(100 * (row.game ?? Number.NaN), 1)} % (${row.n}/${row.games} games)`,
      );
      expect(row.n, row.id).toBeGreaterThanOrEqual(25);
      expect(row.game, row.id).toBeGreaterThanOrEqual(0.1);
      expect(row.game, row.id).toBeLessThanOrEqual(0.35);
    }
  });
});

describe('startups price at or above their own serving cost in match, undercut and premium', () => {
  const modes: PricingMode[] = ['match', 'undercut', 'premium'];
  const levels = LEVEL_IDS.map((id) => getLevel(id));

  it('holds in any reachable state (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: levels.length - 1 }),
        fc.integer({ min: 0, max: 0x7fffffff }),
        fc.nat(),
        fc.constantFrom(...POLICIES),
        fc.integer({ min: 0, max: 16 }),
        (li, seed, pick, policy, turns) => {
          const level = levels[li]!;
          const company = level.player.companies[pick % level.player.companies.length]!;
          const state = playAutopilot(level, seed, company, policy, { untilTurn: turns });
          state.startups.forEach((s, i) => {
            if (s.status !== 'active') return;
            const cost = startupServingCost(level, state.turn, i);
            for (const mode of modes) {
              const priced = { ...s, plan: { ...s.plan, pricing: { mode, price: 0 } } };
              const p = startupPrice(level, state, priced);
              if (!(p >= cost))
                throw new Error(
                  `${level.id} seed ${seed} turn ${state.turn}: ${s.id} in ${mode} prices ¥${p} below its serving cost ¥${cost}`,
                );
            }
          });
        },
      ),
      budget(100, 4040),
    );
  });

  it('holds for the prices rivals actually charged in the historical games', () => {
    // Rivals' modes are their archetypes' (match, undercut or premium) unless a card's stance made
    // them free: every price they charged is at least their serving cost that quarter, save a free
    // offer (price 0: the one mode a rival may choose below cost; a priced mode is never 0).
    let checked = 0;
    for (const g of base)
      for (const h of g.history)
        h.companies.forEach((c, i) => {
          if (c.id === g.playerId || c.status !== 'active' || c.apiPrice === 0) return;
          expect(c.apiPrice, `${c.id} ${h.quarter} seed ${g.seed}`).toBeGreaterThanOrEqual(
            startupServingCost(HISTORICAL, h.turn, i),
          );
          checked++;
        });
    expect(checked).toBeGreaterThan(1000);
  });
});
