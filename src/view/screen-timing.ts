// Timing constants shared by the screens and the browser benchmarks (no Phaser import here).

/** The deliberate fade between screens, ms (benchmarks subtract it). */
export const FADE_MS = 160;

/**
 * The performance mark a screen sets once it is built, painted and its controls work (followed by
 * the scene key): the browser benchmarks time screens by it, and start-up work that can wait (the
 * offline worker, the other screens' code) waits for the first one.
 */
export const READY_MARK = 'six-tigers:ready:';

/** Runs `fn` once a screen has set its ready mark (or after 10 s, if none does). */
export function afterFirstScreen(fn: () => void): void {
  const isReady = (marks: readonly { name: string }[]) => marks.some((m) => m.name.startsWith(READY_MARK));
  if (typeof PerformanceObserver !== 'function' || isReady(performance.getEntriesByType('mark'))) {
    fn();
    return;
  }
  const once = () => {
    observer.disconnect();
    window.clearTimeout(timer);
    fn();
  };
  const observer = new PerformanceObserver((list) => {
    if (isReady(list.getEntries())) once();
  });
  observer.observe({ type: 'mark' });
  const timer = window.setTimeout(once, 10_000);
}

/**
 * Sets a performance mark at the moment of the player's input (`at`, the event's timeStamp) when
 * there is one, else now: a page still busy with background work when the key or click came then
 * counts that wait in the figure measured from the mark.
 */
export function markAt(name: string, at?: number): void {
  if (at === undefined || !(at > 0) || at > performance.now()) performance.mark(name);
  else performance.mark(name, { startTime: at });
}

/**
 * Runs `fn` once the next frame is painted: work that may wait for the paint, not for the page to
 * be idle. The next screen built ahead, which the player's next key press may want at once: the
 * page is not idle while a screen's entrance animations run (a second on the results), and a
 * quick key press found nothing built and waited for the whole build (it now waits at most for
 * the rest of a build under way). The panel of a screen gone, taken out of the page.
 */
export function afterPaint(fn: () => void): void {
  // Two turns: after the tasks the painted frame queued (the screen's ready mark among them).
  requestAnimationFrame(() => window.setTimeout(() => window.setTimeout(fn, 0), 0));
}
