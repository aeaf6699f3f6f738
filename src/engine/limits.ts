// How much a level may hold, and how far a game's quantities may compound, so that the books of
// every valid level stay exact integers (docs/levels.md, "Limits"). The counts are checked when a
// level loads (level-schema.ts, cards-schema.ts); the run-time bounds are applied where the quantities
// change (cards.ts, quarter/). Each is far beyond any sensible level and only ever binds in a
// degenerate one, so ordinary games are untouched by them.

/** Array lengths of a level file. */
export const MAX_CARDS = 500;
export const MAX_CONCEPTS = 500;
export const MIN_CHOICES = 2;
export const MAX_CHOICES = 4;
export const MAX_EFFECTS = 8;
export const MAX_CONDITIONS = 6;
export const MAX_COMPANIES = 12;
export const MAX_GIANTS = 12;
export const MAX_KEY_PEOPLE = 6;
/** A campaign's length, and so the most keyframes a time path can have (one per quarter). */
export const MAX_QUARTERS = 40;

/**
 * A modifier's factor, and also the product of all the modifiers running on one target: however
 * many cards stack them, a market or research is never scaled beyond what one card could do.
 */
export const MIN_MODIFIER = 0.01;
export const MAX_MODIFIER = 10;
/** Modifiers a company has running at once; a card's modifier beyond these does not take hold. */
export const MAX_LIVE_MODIFIERS = 64;

/** Users of one app market (the level's own limit on a company's users), however they grow. */
export const MAX_USERS = 1e10;
/** People in one role that card effects can bring a company to (hires add at most 5,000 a quarter). */
export const MAX_STAFF = 1_000_000;

/**
 * The most one line of a company's books (a revenue line, a cost line, funding) can be in a
 * quarter, 万元. Six lines add to cash (five revenue lines and funding), so over the longest
 * campaign cash grows by at most 6 × 1e13 × 40 = 2.4e15 from a start of at most 1e12, and a
 * quarter takes away at most 8 × 1e13: every sum stays below 2^53 ≈ 9.007e15, in exact integers.
 */
export const MAX_MONEY_LINE = 1e13;
