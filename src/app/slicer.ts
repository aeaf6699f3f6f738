// Time slices for long work on a page: the work calls breathe() often, and breathe() hands control
// back to the event loop once a slice (sliceMs) has run, letting the page paint every
// PAINT_EVERY_MS, and throws as soon as the caller aborts. Tests inject their own clock.

/** How long work tells time and hands control back to the event loop. */
export interface Scheduler {
  now(): number;
  /** Hands control back; `paint`: long enough for the page to paint. */
  pause(paint: boolean): Promise<void>;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Hands control back to the event loop for a moment (input, other tasks): scheduler.yield()
 * where there is one, else a message to self. Not setTimeout(0) every time: browsers stretch
 * nested timeouts to 4 ms, a tenth of a 30 ms slice.
 */
const pause = (): Promise<void> => {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof sched?.yield === 'function') return sched.yield();
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
};

/**
 * A pause that lets a page paint: a browser runs its rendering before a timer task when a frame
 * is due, while a quick pause may run ahead of it. The timeout is set from a quick pause's
 * task, so it never counts as nested and is not stretched.
 */
const pauseForPaint = async (): Promise<void> => {
  await pause();
  await new Promise((resolve) => setTimeout(resolve, 0));
};

/** How often (ms) a pause lets the page paint: about 15 frames a second for the progress bar. */
const PAINT_EVERY_MS = 60;

export const EVENT_LOOP: Scheduler = { now, pause: (paint) => (paint ? pauseForPaint() : pause()) };

/** Calls breathe() often: it yields once a slice has run, and throws once `signal` aborts. */
export interface Slicer {
  breathe(): Promise<void>;
}

export function slicer(sliceMs: number, clock: Scheduler = EVENT_LOOP, signal?: AbortSignal): Slicer {
  let sliceStart = clock.now();
  let painted = sliceStart;
  return {
    async breathe() {
      signal?.throwIfAborted();
      const t = clock.now();
      if (sliceMs > 0 && t - sliceStart >= sliceMs) {
        const paint = t - painted >= PAINT_EVERY_MS;
        if (paint) painted = t;
        await clock.pause(paint);
        signal?.throwIfAborted();
        sliceStart = clock.now();
      }
    },
  };
}
