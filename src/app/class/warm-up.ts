// Warming up the threads that verify a class. A JavaScript engine runs a function slowly until it
// has run it often enough to compile it well; a thread that verifies a class from cold spends
// about half its time there (measured: a cold Node process verifies and ranks a class of 500 codes
// over 60 worlds in 2.1 s, the same process a second time in 1.1 s). Each Web Worker and the page
// are separate engines, each cold. So while the instructor pastes codes, each thread plays a few
// reference runs and verifies a few codes of its own, on worlds no class uses (fixed seeds), and
// throws the results away: the class is verified the same, only sooner.
// Browser-safe: no node: imports.

import type { Level } from '../../engine/index';
import { playGame } from '../../engine/index';
import { decodeReplay, replayCodeOf, startVerification } from '../replay-code';
import { referenceRunUnits, WARM_UP_SEED } from '../warm-up-runs';

/**
 * Units of warm-up work, each a few milliseconds to a few tens of milliseconds, so a page can hand
 * control back to the event loop between them: `worlds` worlds' reference runs (one unit per run),
 * then `codes` games played by the balanced autopilot, each encoded, decoded and verified.
 */
export function warmUpUnits(level: Level, worlds: number, codes: number): (() => void)[] {
  const companies = level.player.companies;
  const units = referenceRunUnits(level, worlds);
  for (let c = 0; c < codes; c++)
    units.push(() => {
      const company = companies[c % companies.length]!;
      const played = playGame(level, WARM_UP_SEED + 100 + c, company, 'balanced');
      const lookup = (id: string) => (id === level.id ? level : undefined);
      const outcome = startVerification(
        decodeReplay(replayCodeOf(level, played.state, played.log), lookup),
        lookup,
      ).step(Number.POSITIVE_INFINITY);
      if (outcome?.status !== 'valid') throw new Error(`warm-up code refused: ${outcome?.status}`);
    });
  return units;
}
