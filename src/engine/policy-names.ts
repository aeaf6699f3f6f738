// The autopilots a player can hand its company to (and that a card's policy map may name).
export const POLICIES = [
  'balanced',
  'pretraining-first',
  'applications-first',
  'overseas-first',
  'enterprise-first',
  'random',
] as const;
export type PolicyName = (typeof POLICIES)[number];
