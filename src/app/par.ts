// Par as the app shows it: one memo of worlds' pars (level, seed, company → the reference runs,
// src/engine/par.ts) shared by the ending screen and the instructor's tools, so a game gets the
// same par difference and percentile wherever it is scored. A class of 500 codes shares a few
// worlds: each world's 25 reference games are played once.

import type { Level, Par, Standing } from '../engine/index';
import { PAR_RUNS, PAR_VERSION, parFromScores, parOf, RULES_VERSION, standingOf } from '../engine/index';

/** Pars by world (see parKey); pass one around to share the work between calls. */
export type ParCache = Map<string, Par>;

/** The app's one memo: the ending screen and the instructor view both read and fill it. */
export const PAR_MEMO: ParCache = new Map();

/** The memo key of a world: the rules and the reference set are part of it. */
export function parKey(level: Level, seed: number, company: string): string {
  return `${RULES_VERSION}|${PAR_VERSION}|${level.id}|${level.version}|${seed}|${company}`;
}

/** A world's par, played once per cache. Throws if the reference set cannot be played (an engine bug). */
export function parFor(level: Level, seed: number, company: string, cache: ParCache = PAR_MEMO): Par {
  const key = parKey(level, seed, company);
  let p = cache.get(key);
  if (!p) {
    p = parOf(level, seed, company);
    cache.set(key, p);
  }
  return p;
}

/**
 * A par from reference scores computed elsewhere (a Web Worker): null unless they are PAR_RUNS
 * finite numbers, so a broken answer is recomputed rather than trusted.
 */
export function parFromAnswer(scores: readonly number[]): Par | null {
  if (scores.length !== PAR_RUNS || !scores.every((x) => Number.isFinite(x))) return null;
  return parFromScores(scores);
}

/**
 * Where a final score stands against its world's par: par, score − par and the percentile among
 * the reference runs. null if the reference set cannot be played (an engine bug, not the player's):
 * then no par is shown rather than one from a smaller set.
 */
export function standingFor(
  level: Level,
  seed: number,
  company: string,
  score: number,
  cache: ParCache = PAR_MEMO,
): Standing | null {
  try {
    return standingOf(score, parFor(level, seed, company, cache));
  } catch {
    return null;
  }
}
