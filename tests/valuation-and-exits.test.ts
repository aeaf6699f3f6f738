// Rules 4, valuations, rounds and exits (economy.ts fundamentalValue, valuationMark; quarter/
// finance.ts; quarter/offers.ts) on the historical level, over many seeds:
//  - buy-out offers come only from market.funding.acquisitionEarliestTurn, and a pump-and-dump that
//    sells early scores below what the autopilots make of the same company;
//  - a round opened again soon after the last one has worse odds and a lower price;
//  - users bought with ads raise the valuation by a bounded multiple of what they cost;
//  - rivals' valuations rise through 2024 and can fall below their last round later.
// Figures behind each target are printed at the end of the file's run.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALIBRATION_COMPANIES, CALIBRATION_PLAYER_POLICY, calibrationPlayer } from '../src/app/calibration';
import { playGame, setStateFreezing } from '../src/engine/index';
import type { Command, GameState } from '../src/engine/types';
import { budget } from './fuzz';
import {
  answerNeutrally,
  fmt,
  HISTORICAL,
  mean,
  median,
  NAMED_AUTOPILOTS,
  newGame,
  ok,
  playAutopilot,
  quantile,
  seedsUpTo,
} from './model-play';

const level = HISTORICAL;
const funding = level.market.funding;
const SEEDS = seedsUpTo(50);
const COMPANIES = level.player.companies;
const figures: string[] = [];

beforeAll(() => setStateFreezing(false));
afterAll(() => {
  setStateFreezing(true);
  console.log(`valuation-and-exits figures:\n  ${figures.join('\n  ')}`);
});

const clone = <T>(x: T): T => structuredClone(x);
const indexOf = (id: string) => level.companies.findIndex((c) => c.id === id);

// ---------------------------------------------------------------------------------------------
// Pump and dump

/** After 2023Q1's pump, how the player carries on until an offer comes. */
interface PumpPlan {
  /** Share of the cash spent each quarter after the first. */
  laterShare: number;
  /** Domestic share of that later app budget, percent (the rest to the API market). */
  laterDomestic: number;
  /** A round opened whenever none is under way, for this share of the valuation (0: never). */
  roundShare: number;
  /** Share of each role laid off every quarter. */
  layoff: number;
}

interface PumpGame {
  state: GameState;
  /** Turns of the states in which an acquisition offer was on the table. */
  offerTurns: number[];
}

/**
 * Pump and dump: 80 % of the cash on domestic ads in 2023Q1 (no pretraining), then `plan`; cards
 * answered neutrally; any offer accepted as soon as one is on the table.
 */
function pumpAndDump(seed: number, company: string, plan: PumpPlan): PumpGame {
  let s = newGame(level, seed, company);
  const offerTurns: number[] = [];
  while (!s.ending) {
    s = answerNeutrally(level, s);
    if (s.ending) break;
    const offer = s.offers.find((o) => o.kind === 'acquisition');
    if (offer) {
      offerTurns.push(s.turn);
      s = ok(level, s, { type: 'money/accept-offer', offerId: offer.id });
      break;
    }
    const me = s.startups[indexOf(company)]!;
    const first = s.turn === 0;
    const cmds: Command[] = [
      { type: 'plan/set-spend', amount: Math.floor(Math.max(0, me.cash) * (first ? 0.8 : plan.laterShare)) },
      {
        type: 'plan/set-split',
        pretrainingBp: 0,
        appWeights: first
          ? { domestic: 100, overseas: 0, enterprise: 0, api: 0 }
          : { domestic: plan.laterDomestic, overseas: 0, enterprise: 0, api: 100 - plan.laterDomestic },
      },
    ];
    if (plan.roundShare > 0 && me.round === null && me.plan.roundTarget === null)
      cmds.push({
        type: 'money/open-round',
        target: Math.max(1, Math.round(me.valuation * plan.roundShare)),
      });
    if (plan.layoff > 0)
      cmds.push({
        type: 'people/set',
        hires: {
          researchers: -Math.floor(me.staff.researchers * plan.layoff),
          engineers: -Math.floor(me.staff.engineers * plan.layoff),
          sales: -Math.floor(me.staff.sales * plan.layoff),
        },
      });
    for (const c of cmds) s = ok(level, s, c);
    s = ok(level, s, { type: 'quarter/end' });
  }
  return { state: s, offerTurns };
}

/** The pump-and-dump plans of the sweep: ones that survive to an offer in some games. */
const PUMPS: readonly PumpPlan[] = [
  { laterShare: 0, laterDomestic: 0, roundShare: 0.33, layoff: 0 },
  { laterShare: 0.1, laterDomestic: 100, roundShare: 0.33, layoff: 0.2 },
  { laterShare: 0.05, laterDomestic: 50, roundShare: 0.25, layoff: 0.1 },
];

describe('buy-out offers and pump-and-dump', () => {
  it('no offer is made before acquisitionEarliestTurn, whatever the pump-and-dump player does (property)', () => {
    const earliest = funding.acquisitionEarliestTurn;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 0x7fffffff }),
        fc.constantFrom(...COMPANIES),
        fc.record({
          laterShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
          laterDomestic: fc.integer({ min: 0, max: 100 }),
          roundShare: fc.constantFrom(0, 0.1, 0.2, 0.33),
          layoff: fc.double({ min: 0, max: 0.5, noNaN: true }),
        }),
        (seed, company, plan) => {
          const { state, offerTurns } = pumpAndDump(seed, company, plan);
          // An offer seen while planning turn t was made when turn t − 1 was resolved.
          for (const t of offerTurns) expect(t - 1).toBeGreaterThanOrEqual(earliest);
          if (state.ending?.kind === 'acquired')
            expect(state.ending.turn - 1).toBeGreaterThanOrEqual(earliest);
        },
      ),
      budget(60, 20240401),
    );
  });

  it('a pump-and-dump sold before 2024Q3 scores below the median of the five named autopilots on that seed', () => {
    let sold = 0;
    let below = 0;
    const ratios: number[] = [];
    const offerTurns = new Set<number>();
    let games = 0;
    for (const plan of PUMPS)
      for (const seed of SEEDS)
        for (const company of COMPANIES) {
          const { state, offerTurns: seen } = pumpAndDump(seed, company, plan);
          games++;
          for (const t of seen) offerTurns.add(t);
          const end = state.ending!;
          if (end.kind !== 'acquired' || end.turn >= 6) continue;
          sold++;
          const autopilots = median(
            NAMED_AUTOPILOTS.map((p) => playGame(level, seed, company, p).state.ending!.score),
          );
          ratios.push(end.score / autopilots);
          if (end.score < autopilots) below++;
          expect(end.score, `${company} seed ${seed} ${JSON.stringify(plan)}`).toBeLessThan(autopilots);
        }
    figures.push(
      `pump-and-dump: ${games} games, ${sold} sold before 2024Q3 (offers first seen at turns ${[...offerTurns].sort((a, b) => a - b).join(', ')}), ` +
        `${below} of them below the autopilots' median; score / autopilots' median: median ${fmt(median(ratios))}, max ${fmt(Math.max(...ratios))}`,
    );
    // Not vacuous: some pump-and-dump games do reach an early sale.
    expect(sold).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Back-to-back rounds

describe('a round opened again soon after the last one', () => {
  it('has lower odds and a lower price than the same round after a normal gap (constructed states)', () => {
    // The same state, the same round and the same luck; only the turn of the last round differs:
    // one quarter ago (within minRoundGap) or exactly minRoundGap quarters ago (a normal round).
    const T = 5; // 2024Q2: a warm climate, so that normal rounds usually close
    let closedSoon = 0;
    let closedNormal = 0;
    let both = 0;
    const priceRatios: number[] = [];
    const dilution: { soon: number[]; normal: number[] } = { soon: [], normal: [] };
    for (const seed of SEEDS) {
      const company = COMPANIES[seed % COMPANIES.length]!;
      const i = indexOf(company);
      let s = playAutopilot(level, seed, company, 'balanced', { untilTurn: T });
      if (s.ending) continue;
      s = answerNeutrally(level, s);
      const withLastRound = (lastRoundTurn: number): GameState => {
        const st = clone(s);
        const me = st.startups[i]!;
        me.plan.roundTarget = null;
        me.round = { target: Math.round(me.valuation * 0.2), closesTurn: T };
        me.lastRoundTurn = lastRoundTurn;
        return st;
      };
      const result = (lastRoundTurn: number) => {
        const before = withLastRound(lastRoundTurn);
        const after = ok(level, before, { type: 'quarter/end' });
        const me = after.startups[i]!;
        const closed = me.lastRoundTurn === T;
        return {
          closed,
          post: me.lastRoundValuation,
          dilution: 1 - me.ownershipBp / before.startups[i]!.ownershipBp,
        };
      };
      const soon = result(T - 1);
      const normal = result(T - funding.minRoundGap);
      if (soon.closed) closedSoon++;
      if (normal.closed) closedNormal++;
      // Worse odds with the same draw: a back-to-back round closes only where the normal one does.
      if (soon.closed) expect(normal.closed, `seed ${seed}`).toBe(true);
      if (soon.closed && normal.closed) {
        both++;
        expect(soon.post, `seed ${seed}`).toBeLessThan(normal.post);
        priceRatios.push(soon.post / normal.post);
        dilution.soon.push(soon.dilution);
        dilution.normal.push(normal.dilution);
      }
    }
    figures.push(
      `back-to-back round at 2024Q2 over ${SEEDS.length} seeds: closed ${closedSoon} (soon) vs ${closedNormal} (normal gap); ` +
        `where both closed (${both}): post-money soon/normal median ${fmt(median(priceRatios))}, mean dilution ` +
        `${fmt(100 * mean(dilution.soon), 1)} % vs ${fmt(100 * mean(dilution.normal), 1)} %`,
    );
    expect(closedSoon).toBeLessThan(closedNormal);
    expect(both).toBeGreaterThan(0);
    expect(mean(dilution.soon)).toBeGreaterThan(mean(dilution.normal));
  });
});

// ---------------------------------------------------------------------------------------------
// Bought users

/**
 * (Valuation one quarter after X 万元 all on domestic ads − after no discretionary spending) / X,
 * from the same state (the player on the balanced autopilot until `turn`, no round under way), X a
 * share of the cash; one company a seed, rotating.
 */
function boughtUserRatios(turns: readonly number[], shares: readonly number[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const turn of turns)
    for (const share of shares)
      for (const seed of SEEDS) {
        const company = COMPANIES[seed % COMPANIES.length]!;
        const i = indexOf(company);
        let s = playAutopilot(level, seed, company, 'balanced', { untilTurn: turn });
        if (s.ending) continue;
        s = answerNeutrally(level, s);
        const me = s.startups[i]!;
        if (me.round !== null || me.plan.roundTarget !== null)
          s = ok(level, s, { type: 'money/cancel-round' });
        s = ok(level, s, {
          type: 'plan/set-split',
          pretrainingBp: 0,
          appWeights: { domestic: 100, overseas: 0, enterprise: 0, api: 0 },
        });
        const x = Math.floor(Math.max(0, me.cash) * share);
        if (x <= 0) continue;
        const valuationAfter = (spend: number) =>
          ok(level, ok(level, s, { type: 'plan/set-spend', amount: spend }), { type: 'quarter/end' })
            .startups[i]!.valuation;
        const key = `turn ${turn}, X ${100 * share} % of cash`;
        if (!out.has(key)) out.set(key, []);
        out.get(key)!.push((valuationAfter(x) - valuationAfter(0)) / x);
      }
  return out;
}

describe('users bought with ads (paired quarters, X = 1 %, 5 % or 20 % of the cash)', () => {
  /** "A few times X". */
  const BOUND = 3;
  const SHARES = [0.01, 0.05, 0.2];

  const check = (label: string, turns: readonly number[]) => {
    const groups = boughtUserRatios(turns, SHARES);
    const all = [...groups.values()].flat();
    figures.push(
      `bought users, ${label}: Δvaluation / X over ${all.length} paired quarters: median ${fmt(median(all))}, ` +
        `p90 ${fmt(quantile(all, 0.9))}, max ${fmt(Math.max(...all))} (asserted ≤ ${BOUND}); ` +
        [...groups.entries()]
          .map(([k, rs]) => `${k}: median ${fmt(median(rs))} max ${fmt(Math.max(...rs))}`)
          .join('; '),
    );
    expect(all.length).toBeGreaterThan(50 * turns.length);
    expect(Math.max(...all)).toBeLessThanOrEqual(BOUND);
  };

  it(`raise the mark by at most ${BOUND}× what they cost in 2023Q1, before the company has a history`, () => {
    // Growth is read against the same quarter a year before; in the first quarter there is none
    // and the growth rate divides by the ¥1M floor (economy.ts growthRate).
    check('2023Q1', [0]);
  });

  it(`raise the mark by at most ${BOUND}× what they cost from 2023Q2 on`, () => {
    check('2023Q2, 2023Q3, 2024Q1, 2025Q1', [1, 2, 4, 8]);
  });
});

// ---------------------------------------------------------------------------------------------
// Rivals' valuations

describe("rivals' valuations (each of the six as a rival on its archetype, 50 seeds)", () => {
  interface Track {
    company: string;
    seed: number;
    valuation: Map<number, number>;
    downMark: boolean;
    /** The lowest mark / last round's post-money in 2025–2026. */
    depth: number;
  }
  const tracks: Track[] = [];

  beforeAll(() => {
    for (const seed of SEEDS)
      for (const company of CALIBRATION_COMPANIES) {
        const i = indexOf(company);
        const t: Track = {
          company,
          seed,
          valuation: new Map(),
          downMark: false,
          depth: Number.POSITIVE_INFINITY,
        };
        playAutopilot(level, seed, calibrationPlayer(level, company), CALIBRATION_PLAYER_POLICY, {
          onQuarter: (s) => {
            const me = s.startups[i]!;
            if (me.status !== 'active') return;
            const turn = s.turn - 1;
            t.valuation.set(turn, me.valuation);
            // A down mark: the quarter's mark below the last round's post-money (2025–2026: turns 8–15).
            if (turn < 8) return;
            if (me.valuation < me.lastRoundValuation) t.downMark = true;
            t.depth = Math.min(t.depth, me.valuation / me.lastRoundValuation);
          },
        });
        tracks.push(t);
      }
  });

  it('rise from 2023Q4 to 2024Q4 (median for each company)', () => {
    const parts: string[] = [];
    for (const company of CALIBRATION_COMPANIES) {
      const rs = tracks
        .filter((t) => t.company === company && t.valuation.has(3) && t.valuation.has(7))
        .map((t) => t.valuation.get(7)! / t.valuation.get(3)!);
      parts.push(`${company} ${fmt(median(rs))}× (${rs.length})`);
      expect(rs.length, company).toBeGreaterThanOrEqual(25);
      expect(median(rs), company).toBeGreaterThan(1);
    }
    figures.push(`rivals' valuation 2024Q4 / 2023Q4, median: ${parts.join(', ')}`);
  });

  it('can fall below the last round (a down mark) in 2025–2026 in some games', () => {
    const parts = CALIBRATION_COMPANIES.map((company) => {
      const ts = tracks.filter((t) => t.company === company);
      return `${company} ${ts.filter((t) => t.downMark).length}/${ts.length}`;
    });
    const down = tracks.filter((t) => t.downMark).length;
    const depths = tracks.filter((t) => Number.isFinite(t.depth)).map((t) => t.depth);
    figures.push(
      `rivals with a down mark in 2025–2026: ${down}/${tracks.length} games (${parts.join(', ')}); ` +
        `lowest mark / last round in 2025–2026: median ${fmt(median(depths))}, p10 ${fmt(quantile(depths, 0.1))}, p90 ${fmt(quantile(depths, 0.9))}`,
    );
    expect(down).toBeGreaterThan(0);
  });
});
