// The units the quarter's formulas convert between (not model parameters: a level cannot change them).

/** ¥ in one 万元: prices are ¥ per million tokens or per user, the books are in 万元. */
export const YUAN_PER_WAN = 10_000;
/** Basis points in a whole (the pretraining share, ownership). */
export const BASIS_POINTS = 10_000;
/** Percent in a whole (the app budget weights). */
export const PERCENT = 100;
/** Users in the million that engineersPerMillionUsers counts. */
export const USERS_PER_MILLION = 1e6;
/** Points in a whole platform (platformCostPerPoint buys one point, 0.01). */
export const PLATFORM_POINTS = 100;
