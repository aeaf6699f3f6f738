// Step 6b, frontier fame: the startup with the best model among all Chinese labs this quarter.

import type { QuarterWork } from './work';
import { alive, news } from './work';

export function frontierFame(w: QuarterWork): void {
  const { startups, giants } = w;
  let bestGiant = 0;
  for (const g of giants) if (g.active) bestGiant = Math.max(bestGiant, g.quality);
  let bestStartup = -1;
  for (let i = 0; i < startups.length; i++) {
    const s = startups[i]!;
    if (alive(s) && s.quality > bestGiant && (bestStartup < 0 || s.quality > startups[bestStartup]!.quality))
      bestStartup = i;
  }
  if (bestStartup >= 0) {
    const s = startups[bestStartup]!;
    s.frontierFame += 1;
    news(w.news, 'news.frontierFame', s.id, { quality: Math.round(s.quality) });
  }
}
