// The bench's forecasts section (scripts/bench.ts): how long the plan column's forecast and a money
// card's outlook take (src/engine/forecast.ts), the figures the player waits for on every change
// of the plan. bench.ts passes in its game sweep and quantile, and prints the figures.

import { performance } from 'node:perf_hooks';
import type { GameState, Level } from '../src/engine/index';
import {
  applyCommand,
  autopilotCommands,
  autopilotRng,
  dealOutlook,
  forecastQuarter,
  playerOf,
} from '../src/engine/index';
import type { Figure, GameConfig, Section, Target } from './bench';

/** What the section borrows from bench.ts (which runs its command line when imported). */
interface Helpers {
  configAt: (level: Level, i: number) => GameConfig;
  newGame: (level: Level, cfg: GameConfig) => GameState;
  quantile: (sorted: Float64Array, q: number) => number;
}

/**
 * Forecasts (src/engine/forecast.ts): the plan column re-forecasts the quarter (three scenarios,
 * and the quarters up to a round's close) on every change of the plan, and the event card forecasts
 * each choice of a deal. Timed on the states autopilot games end their quarters from.
 */
export function forecastSection({ configAt, newGame, quantile }: Helpers): Section {
  return {
    id: 'forecasts',
    title: 'forecasts (forecastQuarter: 3 luck scenarios; dealOutlook: every choice of a card)',
    run: ({ level, samples }) => {
      const quarter: number[] = [];
      const withRound: number[] = [];
      const deal: number[] = [];
      const want = Math.max(200, Math.ceil(samples / 10));
      for (let i = 0; quarter.length < want; i++) {
        const cfg = configAt(level, i);
        let state = newGame(level, cfg);
        const apRng = autopilotRng(cfg.seed);
        while (!state.ending) {
          for (const ev of state.pendingEvents) {
            const t = performance.now();
            if (dealOutlook(level, state, ev.id) !== null) deal.push(performance.now() - t);
          }
          for (const cmd of autopilotCommands(level, state, cfg.policy, apRng)) {
            if (cmd.type === 'quarter/end') {
              const me = playerOf(state);
              const t = performance.now();
              forecastQuarter(level, state);
              (me.round !== null || me.plan.roundTarget !== null ? withRound : quarter).push(
                performance.now() - t,
              );
            }
            state = applyCommand(level, state, cmd).state;
          }
        }
      }
      // A slider's forecast must keep up with the player: on average well under a frame's budget
      // (the p99 shows the garbage collector's and a busy machine's pauses).
      const budget: Target = { op: '<=', value: 20 };
      const ms = (prefix: string, label: string, t: readonly number[]): Figure[] => {
        const sorted = Float64Array.from(t).sort();
        const mean = t.reduce((a, b) => a + b, 0) / Math.max(1, t.length);
        return [
          { key: `${prefix}Samples`, label: `${label}: samples`, value: t.length, unit: '', digits: 0 },
          {
            key: `${prefix}MedianMs`,
            label: `${label}: median`,
            value: quantile(sorted, 0.5),
            unit: 'ms',
            digits: 3,
          },
          {
            key: `${prefix}P99Ms`,
            label: `${label}: p99`,
            value: quantile(sorted, 0.99),
            unit: 'ms',
            digits: 3,
          },
          {
            key: `${prefix}MeanMs`,
            label: `${label}: mean`,
            value: mean,
            unit: 'ms',
            digits: 3,
            target: budget,
          },
        ];
      };
      return [
        ...ms('quarter', 'forecastQuarter', quarter),
        ...ms('round', 'forecastQuarter with a round to close', withRound),
        ...ms('deal', 'dealOutlook of a card that moves money', deal),
      ];
    },
  };
}
