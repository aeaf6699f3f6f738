// End-of-quarter resolution, in a fixed order: rivals decide → spend → talent → research →
// markets clear → finance → frontier fame → offers → event cards → endings → record. Each step is
// a file in ./quarter/ working on one QuarterWork: it reads the frozen base state and writes plain
// copies (much faster than writing through Immer drafts), and the last step returns the new state.
// Every random draw is keyed by (seed, quarter, purpose, company, index): src/engine/rng.ts.

import type { Level } from './level';
import { decide } from './quarter/decide';
import { endings } from './quarter/endings';
import { events } from './quarter/events';
import { frontierFame } from './quarter/fame';
import { finance } from './quarter/finance';
import { apiMarket } from './quarter/markets/api';
import { appMarkets } from './quarter/markets/apps';
import { enterpriseMarket } from './quarter/markets/enterprise';
import { offers } from './quarter/offers';
import { record } from './quarter/record';
import { research } from './quarter/research';
import { spend } from './quarter/spend';
import { talent } from './quarter/talent';
import { newWork } from './quarter/work';
import type { Luck } from './rng';
import type { GameState } from './types';

export { NOT_BURNING, runwayAt } from './quarter/work';

/** `luck` is for forecasts only (forecast.ts): a game's quarter draws its own seed's luck. */
export function resolveQuarter(level: Level, base: GameState, luck?: Luck): GameState {
  const w = newWork(level, base, luck);
  decide(w);
  spend(w);
  talent(w);
  research(w);
  apiMarket(w);
  appMarkets(w);
  enterpriseMarket(w);
  finance(w);
  frontierFame(w);
  offers(w);
  events(w);
  endings(w);
  return record(w);
}
