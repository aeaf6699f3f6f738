// The commands, one per decision of the quarter plan (and game/play-on after a made-it ending):
// the Command union, COMMAND_TYPES (a new type is appended, never put between), every rejection
// code and the result of applying a command. Re-exported by ./types.ts, where the state is.

import type { AppWeights, GameState, Intensity, PayLevel, PricingMode, Staff } from './types';

export type Command =
  | { type: 'plan/set-spend'; amount: number }
  | { type: 'plan/set-split'; pretrainingBp: number; appWeights: AppWeights }
  | { type: 'plan/set-api-price'; mode: PricingMode; price?: number }
  | { type: 'people/set'; hires?: Partial<Staff>; payLevel?: PayLevel; intensity?: Intensity }
  | { type: 'money/open-round'; target: number }
  | { type: 'money/cancel-round' }
  | { type: 'money/accept-offer'; offerId: string }
  | { type: 'money/decline-offer'; offerId: string }
  | { type: 'event/answer'; eventId: string; choiceId: string }
  | { type: 'quarter/end' }
  /** After a made-it ending with quarters left: go on playing to the last quarter (the honour is kept). */
  | { type: 'game/play-on' };

export type CommandType = Command['type'];
export const COMMAND_TYPES: readonly CommandType[] = [
  'plan/set-spend',
  'plan/set-split',
  'plan/set-api-price',
  'people/set',
  'money/open-round',
  'money/cancel-round',
  'money/accept-offer',
  'money/decline-offer',
  'event/answer',
  'quarter/end',
  'game/play-on',
];

/** Every reason a command can be refused (the app's tables translate each one: src/app/i18n.test.ts). */
export const REJECTION_CODES = [
  'malformed',
  'wrong-rules-version',
  'wrong-level',
  'game-over',
  'bad-amount',
  'insufficient-cash',
  'bad-share',
  'split-not-100',
  'bad-price',
  'bad-pricing-mode',
  'bad-hires',
  'bad-pay-level',
  'bad-intensity',
  'round-already-open',
  'no-round-open',
  'unknown-offer',
  'event-not-pending',
  'unknown-choice',
  'event-pending',
  'investor-constraint',
  'market-closed',
  'not-made-it',
  'no-quarters-left',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
  code: RejectionCode;
  message: string;
}

export type CommandResult =
  | { ok: true; state: GameState }
  | { ok: false; state: GameState; error: Rejection };
