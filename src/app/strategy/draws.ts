// The balance search's deterministic draws: keyed uniforms (the engine's rng.ts, under a salt of
// its own), a parameter set drawn from the search space, and a neighbour of a set for hill climbing.

import { luckOf, Purpose, uniform } from '../../engine/rng';
import type { ParamBound, StrategyParams } from './params';
import { PARAM_NAMES, STRATEGY_BOUNDS } from './params';

/** A source of uniforms in [0, 1): each call the next one. */
export type Uniform = () => number;

/** The salt of the search's keys, apart from every game's luck and the random autopilot's. */
const SEARCH_SALT = 0x0ba1_a9ce;

/**
 * Uniforms keyed by (seed, stream, n) with the engine's hash (rng.ts): the n-th draw of a stream is
 * the same whatever else was drawn, on any machine. Streams keep the search's parts apart (one per
 * company and phase). Draws up to 2^42 per stream stay distinct.
 */
export function uniformSource(seed: number, stream = 0): Uniform {
  const luck = luckOf(seed, SEARCH_SALT);
  let n = 0;
  return () => {
    const k = n++;
    return uniform(luck, Math.floor(k / 65_536), Purpose.autopilot, stream & 0xffff, k % 65_536);
  };
}

function onGrid(b: Extract<ParamBound, { kind: 'real' }>, x: number): number {
  const steps = Math.round((x - b.min) / b.step);
  const maxSteps = Math.round((b.max - b.min) / b.step);
  // Rounded to the grid and to 6 decimals, so a value prints and reads back the same.
  return Math.round((b.min + Math.min(maxSteps, Math.max(0, steps)) * b.step) * 1e6) / 1e6;
}

function drawValue(b: ParamBound, u: Uniform): number | string {
  switch (b.kind) {
    case 'int':
      return b.min + Math.min(b.max - b.min, Math.floor(u() * (b.max - b.min + 1)));
    case 'real':
      return onGrid(b, b.min + u() * (b.max - b.min));
    case 'choice':
      return b.values[Math.min(b.values.length - 1, Math.floor(u() * b.values.length))]!;
  }
}

/** A parameter set drawn uniformly from STRATEGY_BOUNDS (a grid point of every range). */
export function randomParams(u: Uniform): StrategyParams {
  const out: Record<string, number | string> = {};
  for (const name of PARAM_NAMES) out[name] = drawValue(STRATEGY_BOUNDS[name], u);
  return out as unknown as StrategyParams;
}

/**
 * A neighbour of a parameter set: each parameter is picked with probability 1/4 (one always is);
 * a picked number moves by a triangular step of up to `scale` × its range (0 < scale ≤ 1), at
 * least one unit of its grid; a picked name becomes another one with probability max(scale, 1/4)
 * (the one always picked, for sure). So a neighbour always differs from its set.
 */
export function mutate(params: StrategyParams, u: Uniform, scale: number): StrategyParams {
  const out: Record<string, number | string> = { ...params };
  const forced = Math.min(PARAM_NAMES.length - 1, Math.floor(u() * PARAM_NAMES.length));
  PARAM_NAMES.forEach((name, i) => {
    const pick = u();
    if (i !== forced && pick >= 0.25) return;
    const b = STRATEGY_BOUNDS[name];
    const cur = out[name]!;
    if (b.kind === 'choice') {
      if (i !== forced && u() >= Math.max(0.25, scale)) return;
      const others = b.values.filter((v) => v !== cur);
      out[name] = others[Math.min(others.length - 1, Math.floor(u() * others.length))]!;
      return;
    }
    // A chosen number moves by at least one unit of its grid (a whole number: one), the other way
    // at the end of its range.
    const unit = b.kind === 'int' ? 1 : b.step;
    const step = (u() + u() - 1) * scale * (b.max - b.min);
    const d = (step < 0 ? -1 : 1) * Math.max(1, Math.round(Math.abs(step) / unit));
    const x = cur as number;
    let v = x + d * unit;
    if (v > b.max + 1e-9 || v < b.min - 1e-9) v = x - d * unit;
    out[name] = b.kind === 'int' ? Math.min(b.max, Math.max(b.min, v)) : onGrid(b, v);
  });
  return out as unknown as StrategyParams;
}
