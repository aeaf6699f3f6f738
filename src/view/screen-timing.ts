// Timing constants shared by the screens and the browser benchmarks (no Phaser import here).

/** The deliberate fade between screens, ms (benchmarks subtract it). */
export const FADE_MS = 160;

/**
 * The performance mark a screen sets once it is built, painted and its controls work (followed by
 * the scene key): the browser benchmarks time screens by it, and start-up work that can wait (the
 * offline worker) waits for the first one.
 */
export const READY_MARK = 'six-tigers:ready:';
