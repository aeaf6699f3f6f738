// Step 4, research: effective compute = GPU-hours × utilisation × team efficiency; runs take
// quarters. Then the giants move to this quarter's path values, and the markets get their view.

import { keyPeopleFactor, modifierFactor } from '../cards';
import { normalQuantile } from '../draws';
import { at, effectiveCompute, qualityFromCompute } from '../economy';
import { clamp } from '../mathx';
import { Purpose, uniform } from '../rng';
import { withParts } from '../shapes';
import type { QuarterWork } from './work';
import { alive, news } from './work';

/** Bounds of a training run's luck, as a multiple of its compute: runLuck × a normal draw stays positive. */
const RUN_LUCK_MIN = 0.3;
const RUN_LUCK_MAX = 1.7;

export function research(w: QuarterWork): void {
  const { level, base, turn, luck, startups, giants } = w;
  const m = level.market;
  for (let i = 0; i < startups.length; i++) {
    const s = startups[i]!;
    if (!alive(s)) continue;
    s.computeStock *= 1 - m.obsolescence;
    const flop =
      effectiveCompute(level, turn, s, w.books[i]!.computeBudget) *
      keyPeopleFactor(level, s, 'researchers') *
      modifierFactor(s, 'research', turn);
    if (flop > 0) {
      s.run = s.run
        ? { compute: s.run.compute + flop, quarters: s.run.quarters + 1 }
        : { compute: flop, quarters: 1 };
    }
    if (s.run && s.run.quarters >= m.trainingQuarters) {
      const z = normalQuantile(uniform(luck, turn, Purpose.trainingLuck, i));
      s.computeStock += s.run.compute * clamp(1 + m.runLuck * z, RUN_LUCK_MIN, RUN_LUCK_MAX);
      s.run = null;
      const q = qualityFromCompute(level, s.computeStock);
      if (q > s.quality) {
        s.quality = q;
        s.modelsReleased += 1;
        news(w.news, 'news.modelReleased', s.id, { quality: Math.round(q) });
      }
    }
  }
  for (let j = 0; j < giants.length; j++) {
    const spec = level.giants[j]!;
    const g = giants[j]!;
    g.active = turn >= spec.entersTurn;
    if (g.active && !base.giants[j]!.active) news(w.news, 'news.giantEnters', g.id, { price: g.apiPrice });
    g.quality = at(spec.quality, turn);
    g.adSpend = Math.round(at(spec.adSpend, turn));
    g.domesticUsers = Math.round(at(spec.domesticUsers, turn));
  }
  w.mid = withParts(base, {
    turn: base.turn,
    ending: base.ending,
    market: base.market,
    startups,
    giants,
    offers: base.offers,
  });
}
