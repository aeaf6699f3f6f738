// The replay viewer's stepping rules, kept out of the view so they can be tested on plain data:
// where a key takes the viewer (← / →, Home / End, clamped to the frames), and which quarter's
// decisions a frame lists. Pure.

import type { GameState, Level } from '../engine/index';
import { quarterLabel } from '../engine/index';
import type { Frame } from './timeline';

/** The frame a key moves to from `index` (of frames 0..last), or null for a key that does not step. */
export function stepTarget(key: string, index: number, last: number): number | null {
  const to =
    key === 'ArrowLeft'
      ? index - 1
      : key === 'ArrowRight'
        ? index + 1
        : key === 'Home'
          ? 0
          : key === 'End'
            ? last
            : null;
  return to === null ? null : clampFrame(to, last);
}

/** A frame index within 0..last. */
export function clampFrame(index: number, last: number): number {
  return Math.max(0, Math.min(last, index));
}

/**
 * The quarter whose decisions led to a frame, named as the quarter strip names it: a frame after
 * 2024Q2 lists 2024Q2's (a fork there keeps them; its own start in the next quarter); the end of a
 * game that stopped mid-quarter lists that quarter's so far; the start, none (null).
 */
export function decidedQuarter(
  level: Level,
  frame: Pick<Frame, 'kind' | 'turn'> & { state: Pick<GameState, 'history'> },
): string | null {
  if (frame.kind === 'end') return quarterLabel(level, frame.turn);
  return frame.turn > 0 ? frame.state.history[frame.turn - 1]!.quarter : null;
}
