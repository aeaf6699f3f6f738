// Links and the saved game: which case applies at start-up (no link, no save, the same game, another
// game) and what opening the link would overwrite; and when a fork must ask first.

import { describe, expect, it } from 'vitest';
import { playGame } from '../engine/index';
import { findLevel, getLevel } from './levels';
import type { PageLink, SavedRef, SeedLink } from './links';
import {
  decideFork,
  decideStart,
  linkGame,
  pageLinkOf,
  savedRefOf,
  seedLinkOf,
  seedLinkSetup,
} from './links';
import { replayCodeOf } from './replay-code';
import { Session } from './session';

const level = getLevel('historical-2023');
const seedLink = (levelId: string | null, seed: number | null, company: string | null): SeedLink => ({
  kind: 'seed',
  levelId,
  seed,
  company,
});
const saved: SavedRef = { levelId: 'historical-2023', seed: 4242, company: 'zhipu', turn: 3, ended: false };

describe('reading the address', () => {
  it('reads a seed link, keeping malformed or missing fields as null', () => {
    expect(seedLinkOf('?level=historical-2023&seed=5&company=01ai')).toEqual(
      seedLink('historical-2023', 5, '01ai'),
    );
    expect(seedLinkOf('seed=007')).toEqual(seedLink(null, 7, null));
    expect(seedLinkOf('?level=attrition&seed=-3&company=')).toEqual(seedLink('attrition', null, null));
    expect(seedLinkOf('?seed=1234567890123456')).toBeNull(); // 16 digits: not a seed, and nothing else named
    expect(seedLinkOf('?seed=5e3&level=')).toBeNull();
    expect(seedLinkOf('')).toBeNull();
    expect(seedLinkOf('?from=link')).toBeNull();
  });

  it('takes a replay code before a seed link, and a seed link before nothing', () => {
    expect(pageLinkOf('?seed=5&company=01ai', 'ST2.abc')).toEqual({ kind: 'replay', code: 'ST2.abc' });
    expect(pageLinkOf('?seed=5&company=01ai', null)).toEqual(seedLink(null, 5, '01ai'));
    expect(pageLinkOf('?seed=5', '')).toEqual(seedLink(null, 5, null));
    expect(pageLinkOf('', null)).toBeNull();
  });
});

describe('the game a link names', () => {
  it('a seed link names a game only with a bundled level, a seed and a company that level lets you play', () => {
    expect(seedLinkSetup(seedLink('historical-2023', 5, '01ai'), findLevel)).toEqual({
      levelId: 'historical-2023',
      seed: 5,
      company: '01ai',
    });
    expect(seedLinkSetup(seedLink('bertrand-lab', 0, 'alpha'), findLevel)).toEqual({
      levelId: 'bertrand-lab',
      seed: 0,
      company: 'alpha',
    });
    expect(seedLinkSetup(seedLink('no-such-level', 5, '01ai'), findLevel)).toBeNull();
    expect(seedLinkSetup(seedLink('bertrand-lab', 5, '01ai'), findLevel)).toBeNull();
    expect(seedLinkSetup(seedLink(null, 5, '01ai'), findLevel)).toBeNull();
    expect(seedLinkSetup(seedLink('historical-2023', null, '01ai'), findLevel)).toBeNull();
    expect(seedLinkSetup(seedLink('historical-2023', 5, null), findLevel)).toBeNull();
  });

  it('a replay link names its game by the code’s header; a broken code names none', () => {
    const { state, log } = playGame(level, 7, 'moonshot', 'balanced');
    const code = replayCodeOf(level, state, log);
    expect(linkGame({ kind: 'replay', code }, findLevel)).toEqual({
      levelId: 'historical-2023',
      seed: 7,
      company: 'moonshot',
    });
    expect(linkGame({ kind: 'replay', code: 'ST2.<img src=x>' }, findLevel)).toBeNull();
    expect(linkGame(seedLink('historical-2023', 9, 'stepfun'), findLevel)).toEqual({
      levelId: 'historical-2023',
      seed: 9,
      company: 'stepfun',
    });
  });

  it('names the saved game by its setup and the quarter it stands in, or ended in', () => {
    const started = Session.start({ levelId: 'historical-2023', seed: 11, company: 'baichuan' });
    if (!started.ok) throw new Error(started.message);
    expect(savedRefOf(started.session)).toEqual({
      levelId: 'historical-2023',
      seed: 11,
      company: 'baichuan',
      turn: 0,
      ended: false,
    });
    const { state } = playGame(level, 11, 'baichuan', 'balanced');
    expect(state.ending).not.toBeNull();
    const ended = savedRefOf({ setup: { levelId: level.id, seed: 11, company: 'baichuan' }, state });
    expect(ended).toEqual({
      levelId: 'historical-2023',
      seed: 11,
      company: 'baichuan',
      turn: state.ending!.turn,
      ended: true,
    });
  });
});

describe('start-up with a link', () => {
  const link = seedLink('historical-2023', 5, '01ai');
  const replay: PageLink = { kind: 'replay', code: 'ST2.anything' };

  it('without a link, starts as it always did, saved game or not', () => {
    expect(decideStart(null, null, findLevel)).toEqual({ kind: 'no-link' });
    expect(decideStart(null, saved, findLevel)).toEqual({ kind: 'no-link' });
  });

  it('with nothing saved, follows any link without asking', () => {
    for (const l of [link, replay, seedLink(null, 5, null), seedLink('no-such-level', 5, '01ai')])
      expect(decideStart(l, null, findLevel)).toEqual({ kind: 'follow', link: l });
  });

  it('resumes the saved game when the seed link is that very game, finished or not', () => {
    const same = seedLink(saved.levelId, saved.seed, saved.company);
    expect(decideStart(same, saved, findLevel)).toEqual({ kind: 'resume' });
    expect(decideStart(same, { ...saved, ended: true, turn: 13 }, findLevel)).toEqual({ kind: 'resume' });
  });

  it('asks before a seed link of another game replaces the saved one', () => {
    const others = [
      link,
      seedLink(saved.levelId, saved.seed + 1, saved.company), // another seed
      seedLink(saved.levelId, saved.seed, 'minimax'), // another company
      seedLink('no-price-war', saved.seed, saved.company), // another level
    ];
    for (const l of others) {
      const d = decideStart(l, saved, findLevel);
      expect(d).toEqual({
        kind: 'ask',
        link: l,
        saved,
        open: { kind: 'start', setup: seedLinkSetup(l as SeedLink, findLevel), replacesSave: true },
      });
    }
    // A finished saved game is still the player's: asked about too.
    const ended = { ...saved, ended: true };
    expect(decideStart(link, ended, findLevel)).toMatchObject({
      kind: 'ask',
      saved: ended,
      open: { kind: 'start' },
    });
  });

  it('asks before a partial seed link, which only fills in New game (replacing the save if started there)', () => {
    for (const l of [
      seedLink(null, 5, null),
      seedLink(saved.levelId, null, saved.company), // no seed: not the saved game either
      seedLink('no-such-level', saved.seed, saved.company),
      seedLink('bertrand-lab', 5, '01ai'),
    ])
      expect(decideStart(l, saved, findLevel)).toEqual({
        kind: 'ask',
        link: l,
        saved,
        open: { kind: 'form', replacesSave: 'if-started' },
      });
  });

  it('asks before a replay link, which is only watched and leaves the save alone — even of the same world', () => {
    const { state, log } = playGame(level, saved.seed, saved.company, 'balanced');
    const sameWorld: PageLink = { kind: 'replay', code: replayCodeOf(level, state, log) };
    for (const l of [replay, sameWorld])
      expect(decideStart(l, saved, findLevel)).toEqual({
        kind: 'ask',
        link: l,
        saved,
        open: { kind: 'view', replacesSave: false },
      });
  });
});

describe('forking from a replay', () => {
  it('forks at once with nothing saved, and asks first whenever a game is saved', () => {
    expect(decideFork(null)).toEqual({ kind: 'fork' });
    expect(decideFork(saved)).toEqual({ kind: 'confirm', saved });
    const ended = { ...saved, ended: true };
    expect(decideFork(ended)).toEqual({ kind: 'confirm', saved: ended });
  });
});
