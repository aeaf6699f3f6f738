// Links that open the game — a seed link (?level=…&seed=…&company=…, made by the New game screen
// to share one world with a class) and a replay link (?replay=… / #replay=…) — and what they may do
// to the game saved in this browser. A link never overwrites a saved game by itself: when one is
// saved (and the link is not that very game), the player chooses first between resuming it and
// opening the link; a seed link replaces the save only once the player confirms, a replay only
// shows. The same holds inside the replay viewer: a fork replaces the save only after a yes.
// Pure decisions here; the start-up screen and the viewer act on them.

import type { Level } from '../engine/level';
import { readReplayHeader } from './replay-code';
import type { GameSetup } from './session';

/** The world a game is played in: with the same three, two games are the same game. */
export interface GameRef {
  levelId: string;
  seed: number;
  company: string;
}

/** The game saved in this browser, as the choices name it. */
export interface SavedRef extends GameRef {
  /** The quarter it stands in (for a finished game: the quarter it ended in), counted from the level's first. */
  turn: number;
  ended: boolean;
}

/** The seed link's fields as the address gives them; a field that is missing or malformed is null. */
export interface SeedLink {
  kind: 'seed';
  levelId: string | null;
  seed: number | null;
  company: string | null;
}

export interface ReplayLink {
  kind: 'replay';
  code: string;
}

export type PageLink = SeedLink | ReplayLink;

/** A seed is a whole number of at most 15 digits (what the New game screen accepts). */
const SEED = /^\d{1,15}$/;

/** The seed link in a query string (`?level=…&seed=…&company=…`), or null when it names none of the three (well formed). */
export function seedLinkOf(search: string): SeedLink | null {
  let q: URLSearchParams;
  try {
    q = new URLSearchParams(search);
  } catch {
    return null;
  }
  const seed = q.get('seed');
  const link: SeedLink = {
    kind: 'seed',
    levelId: q.get('level') || null,
    seed: seed !== null && SEED.test(seed) ? Number(seed) : null,
    company: q.get('company') || null,
  };
  return link.levelId === null && link.seed === null && link.company === null ? null : link;
}

/**
 * The link the page was opened with: the replay code if the address carries one (`replayCode`,
 * read by the view, which also weighs overlong addresses), else a seed link in the query, else null.
 */
export function pageLinkOf(search: string, replayCode: string | null): PageLink | null {
  if (replayCode) return { kind: 'replay', code: replayCode };
  return seedLinkOf(search);
}

/** The game a seed link starts, when it names a bundled level, a seed and a company that level lets you play. */
export function seedLinkSetup(
  link: SeedLink,
  findLevel: (id: string) => Pick<Level, 'player'> | undefined,
): GameSetup | null {
  const { levelId, seed, company } = link;
  if (levelId === null || seed === null || company === null) return null;
  const level = findLevel(levelId);
  if (!level?.player.companies.includes(company)) return null;
  return { levelId, seed, company };
}

/** The game a link names (a replay's from its header, without replaying it), or null when it cannot tell. */
export function linkGame(
  link: PageLink,
  findLevel: (id: string) => Pick<Level, 'player'> | undefined,
): GameRef | null {
  if (link.kind === 'seed') return seedLinkSetup(link, findLevel);
  const header = readReplayHeader(link.code);
  if (!header.ok) return null;
  const { levelId, seed, company } = header.header;
  return { levelId, seed, company };
}

/** The saved game's reference, from its session (its setup and where it stands). */
export function savedRefOf(saved: {
  setup: GameRef;
  state: { turn: number; ending: { turn: number } | null };
}): SavedRef {
  const { levelId, seed, company } = saved.setup;
  const { ending } = saved.state;
  return { levelId, seed, company, turn: ending ? ending.turn : saved.state.turn, ended: ending !== null };
}

const sameGame = (a: GameRef, b: GameRef) =>
  a.levelId === b.levelId && a.seed === b.seed && a.company === b.company;

/**
 * What opening the link would do to the saved game:
 * - `start`: a seed link naming a whole game — it starts at once, and replaces the save then;
 * - `form`: a seed link naming part of one — the New game screen opens filled in from it, and the
 *   save is replaced only if the player starts a game there;
 * - `view`: a replay link — it is only watched, and the save is left as it is.
 */
export type LinkOpening =
  | { kind: 'start'; setup: GameSetup; replacesSave: true }
  | { kind: 'form'; replacesSave: 'if-started' }
  | { kind: 'view'; replacesSave: false };

export type StartDecision =
  /** No link: start-up as it always was (the screen this tab was on, or the title). */
  | { kind: 'no-link' }
  /** A link and no saved game: the link opens as it always did (a seed link fills in New game, a replay is verified). */
  | { kind: 'follow'; link: PageLink }
  /** A seed link naming the saved game itself (same level, seed and company): the saved game resumes. */
  | { kind: 'resume' }
  /** A link and another saved game: the player chooses between them; nothing changes before. */
  | { kind: 'ask'; link: PageLink; saved: SavedRef; open: LinkOpening };

/** What the start-up does with the page's link, given the game saved in this browser (null: none). */
export function decideStart(
  link: PageLink | null,
  saved: SavedRef | null,
  findLevel: (id: string) => Pick<Level, 'player'> | undefined,
): StartDecision {
  if (link === null) return { kind: 'no-link' };
  if (saved === null) return { kind: 'follow', link };
  // A replay is asked about even when it is of the saved game's world: a class plays one seed, and
  // a classmate's run of it is not the player's own game.
  if (link.kind === 'replay')
    return { kind: 'ask', link, saved, open: { kind: 'view', replacesSave: false } };
  const setup = seedLinkSetup(link, findLevel);
  if (setup === null) return { kind: 'ask', link, saved, open: { kind: 'form', replacesSave: 'if-started' } };
  if (sameGame(setup, saved)) return { kind: 'resume' };
  return { kind: 'ask', link, saved, open: { kind: 'start', setup, replacesSave: true } };
}

export type ForkDecision =
  /** Nothing is saved: the fork starts at once. */
  | { kind: 'fork' }
  /** A game is saved: the fork would replace it, so the player confirms first. */
  | { kind: 'confirm'; saved: SavedRef };

/** Whether forking from a replay needs the player's yes first: it does whenever a game is saved. */
export function decideFork(saved: SavedRef | null): ForkDecision {
  return saved === null ? { kind: 'fork' } : { kind: 'confirm', saved };
}
