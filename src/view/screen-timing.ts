// Timing constants shared by the screens and the browser benchmarks (no Phaser import here).

/** The deliberate fade between screens, ms (benchmarks subtract it). */
export const FADE_MS = 160;

/**
 * Sets a performance mark at the moment of the player's input (`at`, the event's timeStamp) when
 * there is one, else now: a page still busy with background work when the key or click came then
 * counts that wait in the figure measured from the mark.
 */
export function markAt(name: string, at?: number): void {
  if (at === undefined || !(at > 0) || at > performance.now()) performance.mark(name);
  else performance.mark(name, { startTime: at });
}
