// Shared test helpers, one file per job under tests/support/: levels, event cards, games,
// command arbitraries, the driver, state walking and invariant checks, games played on after made
// it. Import from here.

export * from './support/arbitraries';
export * from './support/cards';
export * from './support/driver';
export * from './support/game';
export * from './support/invariants';
export * from './support/levels';
export * from './support/play-on';
export * from './support/quarters';
export * from './support/walk';
