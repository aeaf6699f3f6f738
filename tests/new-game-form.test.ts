// The New game form's rules (src/app/new-game-form.ts) on the bundled levels.

import { describe, expect, it } from 'vitest';
import { getLevel, LEVEL_IDS } from '../src/app/levels';
import { seedLinkOf } from '../src/app/links';
import {
  companyStart,
  formPick,
  MAX_SEED,
  parseSeed,
  seedFromDraw,
  seedLinkUrl,
} from '../src/app/new-game-form';
import { createGame, economy } from '../src/engine/index';

describe('parseSeed', () => {
  it('takes whole numbers of 1 to 15 digits, spaces around ignored', () => {
    expect(parseSeed('2024')).toBe(2024);
    expect(parseSeed('  7 ')).toBe(7);
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed('999999999999999')).toBe(999_999_999_999_999);
  });

  it('refuses anything else', () => {
    for (const bad of ['', ' ', '-1', '1.5', '1e3', '12a', '1234567890123456', '2 024'])
      expect(parseSeed(bad), bad).toBeNull();
  });
});

describe('seedFromDraw', () => {
  it('lands in 1..MAX_SEED for any 32-bit draw', () => {
    expect(seedFromDraw(0)).toBe(1);
    expect(seedFromDraw(MAX_SEED - 1)).toBe(MAX_SEED);
    expect(seedFromDraw(MAX_SEED)).toBe(1);
    expect(seedFromDraw(0xffff_ffff)).toBe(1 + (0xffff_ffff % MAX_SEED));
    for (const d of [1, 12345, 2 ** 31, 0xffff_fffe]) {
      const s = seedFromDraw(d);
      expect(s).toBeGreaterThanOrEqual(1);
      expect(s).toBeLessThanOrEqual(MAX_SEED);
    }
  });
});

describe('formPick', () => {
  const first = LEVEL_IDS[0] as string;
  const companiesOf = (id: string) => getLevel(id).player.companies;

  it('keeps a level and company the level allows', () => {
    for (const id of LEVEL_IDS) {
      const last = companiesOf(id).at(-1)!;
      expect(formPick(LEVEL_IDS, getLevel, { levelId: id, company: last })).toEqual({
        levelId: id,
        company: last,
      });
    }
  });

  it('falls back to the first level, and to the level’s first company', () => {
    expect(formPick(LEVEL_IDS, getLevel, {})).toEqual({ levelId: first, company: companiesOf(first)[0] });
    expect(formPick(LEVEL_IDS, getLevel, { levelId: 'nowhere', company: 'nobody' })).toEqual({
      levelId: first,
      company: companiesOf(first)[0],
    });
  });
});

describe('seedLinkUrl', () => {
  it('is read back by seedLinkOf as the same level, seed and company, with the old query and hash gone', () => {
    const url = seedLinkUrl('https://example.org/game/?replay=x#top', 'historical-2023', ' 42 ', 'zhipu');
    const u = new URL(url);
    expect(u.pathname).toBe('/game/');
    expect(u.hash).toBe('');
    expect(u.searchParams.has('replay')).toBe(false);
    expect(seedLinkOf(u.search)).toEqual({
      kind: 'seed',
      levelId: 'historical-2023',
      seed: 42,
      company: 'zhipu',
    });
  });
});

describe('companyStart', () => {
  it('is what the game starts the company with', () => {
    for (const id of LEVEL_IDS) {
      const level = getLevel(id);
      for (const c of level.companies.filter((x) => level.player.companies.includes(x.id))) {
        const game = createGame(level, 1, c.id);
        if (!game.ok) throw new Error(game.error.message);
        const st = game.state.startups.find((s) => s.id === c.id)!;
        const fig = companyStart(level, c);
        expect(fig.staff).toBe(st.staff.researchers + st.staff.engineers + st.staff.sales);
        expect(fig.users).toBe(st.domesticUsers + st.overseasUsers);
        expect(fig.quality).toBe(economy.qualityFromCompute(level, c.computeStock));
        expect(fig.quality).toBeGreaterThan(0);
      }
    }
  });
});
