// The games of the continuity test (tests/continuity.test.ts): a named autopilot's game played as it
// is and with its commands nudged each quarter. It uses only the engine's public autopilot API, so
// the same figures can be measured on other rules versions:
//   npx tsx -e "import { continuityFigures } from './tests/continuity-play'; console.log(continuityFigures())"

import { getLevel } from '../src/app/levels';
import {
  applyCommand,
  autopilotCommands,
  autopilotPlan,
  autopilotRng,
  createGame,
  POLICIES,
  type PolicyName,
  playerOf,
  setStateFreezing,
} from '../src/engine/index';
import type { Level } from '../src/engine/level';
import type { Command, GameState } from '../src/engine/types';

export const NAMED = POLICIES.filter((p) => p !== 'random');
/** 34 seeds × 6 companies = 204 games, the autopilots taking turns. */
export const SEEDS = 34;

/** A change to the autopilot's commands of a quarter (the state is the quarter's start). */
export type Nudge = (state: GameState, cmds: Command[], policy: PolicyName) => Command[];

export interface Played {
  ending: string;
  score: number;
  /** The state at the start of each quarter, when that quarter's cards had been dealt. */
  starts: GameState[];
  /** The state each quarter's cards were dealt from (its market is the one before the quarter). */
  dealtFrom: GameState[];
}

/** One game under a named autopilot, its commands changed each quarter by `nudge`. */
export function play(lv: Level, seed: number, company: string, policy: PolicyName, nudge?: Nudge): Played {
  const created = createGame(lv, seed, company);
  if (!created.ok) throw new Error(created.error.message);
  let state = created.state;
  const ap = autopilotRng(seed);
  const starts: GameState[] = [state];
  const dealtFrom: GameState[] = [state];
  while (state.ending === null) {
    const start = state;
    let cmds = autopilotCommands(lv, state, policy, ap);
    if (nudge) cmds = nudge(state, cmds, policy);
    for (const cmd of cmds) {
      const r = applyCommand(lv, state, cmd);
      if (!r.ok) throw new Error(`${policy} seed ${seed}: ${cmd.type} refused: ${r.error.message}`);
      state = r.state;
    }
    if (state.ending === null) {
      starts.push(state);
      // resolveQuarter deals next quarter's cards with the new turn and companies on the old market.
      dealtFrom.push({ ...state, market: start.market });
    }
  }
  const e = state.ending!;
  return { ending: `${e.kind}@${e.turn}`, score: e.score, starts, dealtFrom };
}

/** 1 万元 more than the autopilot's spend (capped by the cash, as the rules require). */
export const moreSpend =
  (lv: Level): Nudge =>
  (state, cmds, policy) => {
    const me = playerOf(state);
    const spend = Math.min(autopilotPlan(lv, state, policy, autopilotRng(state.seed)).spend + 1, me.cash);
    const out: Command[] = cmds.filter((c) => c.type !== 'plan/set-spend');
    const end = out.findIndex((c) => c.type === 'quarter/end');
    if (end >= 0 && spend !== me.plan.spend) out.splice(end, 0, { type: 'plan/set-spend', amount: spend });
    return out;
  };

/** One more salesperson asked for each quarter: enough to change the games, for the card check. */
export const oneMoreHire: Nudge = (_state, cmds) => {
  const end = cmds.findIndex((c) => c.type === 'quarter/end');
  if (end < 0) return cmds;
  const i = cmds.findIndex((c) => c.type === 'people/set');
  const c = cmds[i];
  const out = cmds.slice();
  if (c?.type === 'people/set')
    out[i] = {
      ...c,
      hires: { researchers: 0, engineers: 0, ...c.hires, sales: (c.hires?.sales ?? 0) + 1 },
    };
  else out.splice(end, 0, { type: 'people/set', hires: { researchers: 0, engineers: 0, sales: 1 } });
  return out;
};

/** Whether two scores are within 2 % of the larger one. */
export function within2pct(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.02 * Math.max(Math.abs(a), Math.abs(b));
}

/** The (seed, company) pairs and their autopilots: seeds 1..SEEDS, every company, the named autopilots in turn. */
export function continuityGames(lv: Level): { seed: number; company: string; policy: PolicyName }[] {
  const out: { seed: number; company: string; policy: PolicyName }[] = [];
  for (let seed = 1; seed <= SEEDS; seed++)
    for (const company of lv.player.companies)
      out.push({ seed, company, policy: NAMED[out.length % NAMED.length]! });
  return out;
}

/** Every game of continuityGames played as is (a) and with 1 万元 more spend a quarter (b). */
export function continuityPairs(lv: Level): { a: Played; b: Played }[] {
  return continuityGames(lv).map(({ seed, company, policy }) => ({
    a: play(lv, seed, company, policy),
    b: play(lv, seed, company, policy, moreSpend(lv)),
  }));
}

/** The figures: the share of games whose ending (kind and quarter) changed, and of scores within 2 %. */
export function pairFigures(pairs: readonly { a: Played; b: Played }[]) {
  let endings = 0;
  let close = 0;
  for (const { a, b } of pairs) {
    if (a.ending !== b.ending) endings++;
    if (within2pct(a.score, b.score)) close++;
  }
  return {
    games: pairs.length,
    endingsChanged: endings / pairs.length,
    scoresWithin2pct: close / pairs.length,
  };
}

/** The figures on historical-2023, with state freezing off (as batch tools run). */
export function continuityFigures(levelId = 'historical-2023') {
  setStateFreezing(false);
  try {
    return pairFigures(continuityPairs(getLevel(levelId)));
  } finally {
    setStateFreezing(true);
  }
}
