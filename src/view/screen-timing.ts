// Timing constants shared by the screens and the browser benchmarks (no Phaser import here).

/** The deliberate fade between screens, ms (benchmarks subtract it). */
export const FADE_MS = 160;
