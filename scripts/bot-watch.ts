// A watchdog for bot calls across threads. A bot runs in a worker thread; a synchronous loop there
// cannot be interrupted from inside, and it blocks that thread's messages too. So the worker writes
// where it is into a small shared buffer (no message, no clock: a few integer stores per call) and
// the main thread polls it: a call that has not moved on for the time limit is a bot that never
// returns, and the main thread terminates the worker.

/** Int32 slots of the shared buffer. */
const SEQ = 0; // bumped on every enter and leave
const IN_CALL = 1; // 1 while decide (or loading the bot) runs
const TURN = 2; // turn of the call; -1 while loading the bot
const CALL = 3; // call of the quarter (1-based); 0 while loading
const JOB = 4; // index of the game in the batch the worker was sent (tournaments)
const SLOTS = 5;

export function newMeterBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT);
}

/** Where a watched thread is: the call under way (turn -1: loading the bot). */
export interface CallPlace {
  turn: number;
  call: number;
  job: number;
}

/** The worker's side: marks the start and end of each call. */
export function callMeter(buf: SharedArrayBuffer) {
  const a = new Int32Array(buf);
  let job = 0;
  return {
    /** The game in the batch that the calls that follow belong to. */
    setJob(i: number): void {
      job = i;
    },
    enter(turn: number, call: number): void {
      Atomics.store(a, TURN, turn);
      Atomics.store(a, CALL, call);
      Atomics.store(a, JOB, job);
      Atomics.store(a, IN_CALL, 1);
      Atomics.add(a, SEQ, 1);
    },
    leave(): void {
      Atomics.store(a, IN_CALL, 0);
      Atomics.add(a, SEQ, 1);
    },
  };
}

/** Where the watched thread was last seen (also after it was terminated). */
export function placeOf(buf: SharedArrayBuffer): CallPlace {
  const a = new Int32Array(buf);
  return { turn: Atomics.load(a, TURN), call: Atomics.load(a, CALL), job: Atomics.load(a, JOB) };
}

/**
 * The main thread's side: calls `onTimeout` once if one call stays under way for `limitMs`. The
 * poll is a fraction of the limit, so a call is caught between 1 and 1.25 limits after it began.
 */
export function watchCalls(
  buf: SharedArrayBuffer,
  limitMs: number,
  onTimeout: (place: CallPlace) => void,
): { stop(): void } {
  const a = new Int32Array(buf);
  let seen = Atomics.load(a, SEQ);
  let since = performance.now();
  const timer = setInterval(
    () => {
      const seq = Atomics.load(a, SEQ);
      const now = performance.now();
      if (seq !== seen) {
        seen = seq;
        since = now;
        return;
      }
      if (Atomics.load(a, IN_CALL) === 1 && now - since >= limitMs) {
        clearInterval(timer);
        onTimeout(placeOf(buf));
      }
    },
    Math.max(10, Math.min(250, limitMs / 4)),
  );
  return { stop: () => clearInterval(timer) };
}
