// Replay codes: sim → code → verify round trips, the code's size, and every named outcome.

import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { deflateSync, inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { paddedGame } from '../../scripts/long-replay';
import { accepted, madeItGames, PLAY_ON, playedOnByAutopilot } from '../../tests/helpers';
import {
  applyCommand,
  autopilotCommands,
  autopilotRng,
  createGame,
  hashState,
  POLICIES,
  playGame,
  quarterLabel,
} from '../engine/index';
import type { Level } from '../engine/level';
import type { Command, GameState } from '../engine/types';
import { APP_MARKETS, INTENSITIES, PAY_LEVELS, PRICING_MODES, ROLES } from '../engine/types';
import { RULES_VERSION } from '../engine/version';
import { findLevel, getLevel } from './levels';
import type { Replay, ReplayInput, VerifyOutcome } from './replay-code';
import {
  decodeReplay,
  encodeReplay,
  extractCode,
  fromBase64Url,
  MAX_QUARTERS,
  maxCommands,
  OLDEST_REPLAY_FORMAT,
  prefixOf,
  REPLAY_FORMAT,
  readReplayHeader,
  replayCodeOf,
  replayOfGame,
  startVerification,
  toBase64Url,
  verifyReplay,
} from './replay-code';
import { simReport } from './sim-report';

const level = getLevel('historical-2023');
/** The prefix of a game that never played on: format 2, as builds before play-on wrote it. */
const ST2 = prefixOf(OLDEST_REPLAY_FORMAT);
const NAMED = POLICIES.filter((p) => p !== 'random');

function decoded(code: string): Replay {
  const d = decodeReplay(code, findLevel);
  if (!d.ok) throw new Error(d.message);
  return d.replay;
}

/** Re-encodes a decoded replay with changes (keeping its hashes unless told otherwise). */
function recode(r: Replay, over: Partial<ReplayInput> = {}, lv: Level = level): string {
  return encodeReplay({ ...r, ...over }, lv);
}

function started(seed: number, company: string): GameState {
  const c = createGame(level, seed, company);
  if (!c.ok) throw new Error(c.error.message);
  return c.state;
}

// A game that runs all sixteen quarters (its company never makes it).
const game42 = playGame(level, 42, 'moonshot', 'overseas-first');
const code42 = replayCodeOf(level, game42.state, game42.log);

describe('round trip: sim → code → verify', () => {
  it('every company and named policy, many seeds: valid, same final hash, score and log', () => {
    let checked = 0;
    for (const company of level.player.companies)
      for (let seed = 1; seed <= 6; seed++) {
        const policy = NAMED[(seed + company.length) % NAMED.length]!;
        const { state, log } = playGame(level, seed, company, policy);
        const code = replayCodeOf(level, state, log);
        expect(code.startsWith(ST2)).toBe(true);
        expect(code).toMatch(/^ST2\.[A-Za-z0-9_-]+$/);
        const v = verifyReplay(code, findLevel);
        if (v.status !== 'valid') throw new Error(`${company} ${seed} ${policy}: ${v.status} ${v.message}`);
        expect(v.finalHash).toBe(hashState(state));
        expect(v.score).toBe(state.ending!.score);
        expect(v.ending).toEqual(state.ending);
        expect(v.replay.log).toEqual(log);
        expect(v.replay).toMatchObject({ seed, company, levelId: level.id, rulesVersion: RULES_VERSION });
        checked++;
      }
    expect(checked).toBe(level.player.companies.length * 6);
  });

  it('sim --json carries a replayCode that verifies to the report’s final hash', () => {
    const report = simReport(
      level,
      game42.state,
      { seed: 42, company: 'moonshot', policy: 'overseas-first' },
      game42.log,
    );
    expect(report.replayCode).toBe(code42);
    const v = verifyReplay(report.replayCode!, findLevel);
    expect(v.status).toBe('valid');
    if (v.status === 'valid') expect(v.finalHash).toBe(report.finalHash);
    // Without the log the report keeps its old shape.
    expect(
      'replayCode' in
        simReport(level, game42.state, { seed: 42, company: 'moonshot', policy: 'overseas-first' }),
    ).toBe(false);
  });

  it('a 16-quarter game fits in a few hundred characters', () => {
    expect(game42.state.history.length).toBe(16);
    expect(code42.length).toBeLessThan(600);
    const lengths = NAMED.map((p) => {
      const g = playGame(level, 7, 'zhipu', p);
      return replayCodeOf(level, g.state, g.log).length;
    });
    for (const n of lengths) expect(n).toBeLessThan(600);
  });

  it('an unfinished game (exported mid-game) verifies, with no ending', () => {
    let state: GameState = started(9, 'stepfun');
    const rng = autopilotRng(9);
    const log: Command[] = [];
    while (state.history.length < 5) {
      for (const c of autopilotCommands(level, state, 'balanced', rng)) {
        const r = applyCommand(level, state, c);
        if (!r.ok) throw new Error(r.error.message);
        state = r.state;
        log.push(c);
      }
    }
    log.push({ type: 'plan/set-spend', amount: 1234 });
    state = applyCommand(level, state, log[log.length - 1]!).state;
    const v = verifyReplay(replayCodeOf(level, state, log), findLevel);
    expect(v.status).toBe('valid');
    if (v.status === 'valid') {
      expect(v.ending).toBeNull();
      expect(v.state.turn).toBe(5);
      expect(v.message).toMatch(/unfinished at 2024Q2/);
    }
  });

  it('accepts a code inside a link, with surrounding whitespace', () => {
    expect(
      verifyReplay(`  https://example.org/six-tigers/?level=x&replay=${code42}#top \n`, findLevel).status,
    ).toBe('valid');
    expect(verifyReplay(`#replay=${encodeURIComponent(code42)}`, findLevel).status).toBe('valid');
  });
});

describe('the command codec', () => {
  const num = fc.oneof(
    fc.integer({ min: -1e6, max: 1e9 }),
    fc.double({ noNaN: false }),
    fc.constantFrom(0, -0, 0.1, 111.1, 1e300, -1e-300, Number.MAX_SAFE_INTEGER, 2 ** 60),
  );
  const id = fc.string({ maxLength: 30 });
  const cardIds = level.events.cards.map((c) => c.id);
  const command: fc.Arbitrary<Command> = fc.oneof(
    num.map((amount) => ({ type: 'plan/set-spend' as const, amount })),
    fc.tuple(num, fc.tuple(num, num, num, num)).map(([pretrainingBp, w]) => ({
      type: 'plan/set-split' as const,
      pretrainingBp,
      appWeights: Object.fromEntries(APP_MARKETS.map((m, i) => [m, w[i]!])) as Record<
        (typeof APP_MARKETS)[number],
        number
      >,
    })),
    fc
      .tuple(fc.constantFrom(...PRICING_MODES), fc.option(num, { nil: undefined }))
      .map(([mode, price]) =>
        price === undefined
          ? { type: 'plan/set-api-price' as const, mode }
          : { type: 'plan/set-api-price' as const, mode, price },
      ),
    fc
      .record(
        {
          hires: fc.record(Object.fromEntries(ROLES.map((r) => [r, fc.integer({ min: -5000, max: 5000 })])), {
            requiredKeys: [],
          }),
          payLevel: fc.constantFrom(...PAY_LEVELS),
          intensity: fc.constantFrom(...INTENSITIES),
        },
        { requiredKeys: [] },
      )
      .map((p) => ({ type: 'people/set' as const, ...p })),
    num.map((target) => ({ type: 'money/open-round' as const, target })),
    fc.constant({ type: 'money/cancel-round' as const }),
    fc
      .tuple(
        fc.constantFrom('accept', 'decline'),
        fc.oneof(
          id,
          fc.nat(40).map((n) => `acq-${n}`),
        ),
      )
      .map(([k, offerId]) => ({
        type: k === 'accept' ? ('money/accept-offer' as const) : ('money/decline-offer' as const),
        offerId,
      })),
    fc.tuple(fc.constantFrom(...cardIds), fc.nat(15), fc.nat(3)).map(([card, turn, choice]) => {
      const c = level.events.cards.find((x) => x.id === card)!;
      const choiceId = c.choices[choice % c.choices.length]!.id;
      const q = `${2023 + Math.floor(turn / 4)}Q${(turn % 4) + 1}`;
      return { type: 'event/answer' as const, eventId: `${card}@${q}`, choiceId };
    }),
    fc.tuple(id, id).map(([eventId, choiceId]) => ({ type: 'event/answer' as const, eventId, choiceId })),
    fc.constant({ type: 'quarter/end' as const }),
    fc.constant({ type: 'game/play-on' as const }),
  );

  it('decode(encode(log)) is the log, exactly (floats bit for bit, ids in short and long form)', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), fc.nat(2 ** 40), (log, seed) => {
        const code = encodeReplay(
          {
            rulesVersion: RULES_VERSION,
            levelId: level.id,
            levelVersion: level.version,
            seed,
            company: 'zhipu',
            log,
            finalHash: '0123456789abcdef',
            checkpoints: ['abcd', 'ef01'],
          },
          level,
        );
        const r = decoded(code);
        expect(r.log).toEqual(log);
        // The oldest format that holds the log: 3 only with play-on in it.
        const playsOn = log.some((c) => c.type === 'game/play-on');
        expect(code.startsWith(prefixOf(playsOn ? 3 : 2))).toBe(true);
        expect(r.format).toBe(playsOn ? 3 : 2);
        r.log.forEach((c, i) => {
          if (c.type === 'plan/set-spend')
            expect(Object.is(c.amount, (log[i] as typeof c).amount)).toBe(true);
        });
        expect(r.seed).toBe(seed);
        expect(r.checkpoints).toEqual(['abcd', 'ef01']);
      }),
      { numRuns: 150 },
    );
  });

  it('base64url round trip', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const s = toBase64Url(bytes);
        expect(s).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(s)).toEqual(bytes);
      }),
    );
    expect(fromBase64Url('abc=')).toBeNull();
    expect(fromBase64Url('a')).toBeNull();
  });

  it('the header reads without a level', () => {
    const h = readReplayHeader(code42);
    expect(h.ok && h.header).toMatchObject({
      levelId: 'historical-2023',
      seed: 42,
      company: 'moonshot',
      branch: null,
    });
    expect(h.ok && h.header.checkpoints.length).toBe(16);
  });
});

describe('named outcomes', () => {
  const r42 = decoded(code42);

  it('wrong-version names both rules versions', () => {
    const v = verifyReplay(recode(r42, { rulesVersion: RULES_VERSION + 1 }), findLevel);
    expect(v.status).toBe('wrong-version');
    expect(v.message).toContain(`rules version ${RULES_VERSION + 1}`);
    expect(v.message).toContain(`rules version ${RULES_VERSION}`);
  });

  it('unknown-level and wrong-level-version', () => {
    const atlantis = { ...level, id: 'atlantis' };
    const v1 = verifyReplay(recode(r42, { levelId: 'atlantis' }, atlantis), findLevel);
    expect(v1.status).toBe('unknown-level');
    expect(v1.message).toContain('atlantis');
    const v2 = verifyReplay(
      recode(r42, { levelVersion: level.version + 6 }, { ...level, version: level.version + 6 }),
      findLevel,
    );
    expect(v2.status).toBe('wrong-level-version');
    expect(v2.message).toContain(`version ${level.version + 6}`);
  });

  it('unknown-format and corrupted', () => {
    expect(verifyReplay('', findLevel).status).toBe('unknown-format');
    expect(verifyReplay('hello world', findLevel).status).toBe('unknown-format');
    const future = verifyReplay(`ST7.${code42.slice(4)}`, findLevel);
    expect(future.status).toBe('unknown-format');
    expect(future.message).toContain('format 7');
    expect(verifyReplay(code42.slice(0, 60), findLevel).status).toBe('corrupted');
    expect(verifyReplay(`${code42.slice(0, 40)}*${code42.slice(41)}`, findLevel).status).toBe('corrupted');
    expect(verifyReplay('ST2.', findLevel).status).toBe('corrupted');
  });

  it('tampered: an edited command is caught at the first quarter whose checkpoint differs', () => {
    // Raise the spend of the 4th quarter (turn 3): quarters 0–2 still match.
    let quarter = 0;
    const i = r42.log.findIndex((c) => {
      if (c.type === 'quarter/end') quarter++;
      return quarter === 3 && c.type === 'plan/set-spend';
    });
    expect(i).toBeGreaterThan(0);
    const log = r42.log.slice();
    const c = log[i] as { type: 'plan/set-spend'; amount: number };
    log[i] = { ...c, amount: c.amount - 1000 };
    const v = verifyReplay(recode(r42, { log }), findLevel);
    expect(v.status).toBe('tampered');
    if (v.status === 'tampered') {
      expect(v.turn).toBe(3);
      expect(v.quarter).toBe('2023Q4');
      expect(v.message).toContain('2023Q4');
    }
  });

  it('tampered: a forged final hash, a forged checkpoint, a dropped quarter', () => {
    const v1 = verifyReplay(recode(r42, { finalHash: 'ffffffffffffffff' }), findLevel);
    expect(v1.status).toBe('tampered');
    expect(v1.message).toMatch(/final state/);
    const checkpoints = r42.checkpoints.slice();
    checkpoints[5] = checkpoints[5] === '0000' ? '0001' : '0000';
    const v2 = verifyReplay(recode(r42, { checkpoints }), findLevel);
    expect(v2.status === 'tampered' && v2.turn).toBe(5);
    const lastEnd = r42.log.map((c) => c.type).lastIndexOf('quarter/end');
    const v3 = verifyReplay(recode(r42, { log: r42.log.slice(0, lastEnd) }), findLevel);
    expect(v3.status).toBe('tampered');
    expect(v3.message).toMatch(/play only 15/);
  });

  it('illegal-command names the command, its index and the engine’s reason', () => {
    const log = r42.log.slice();
    log.splice(2, 0, { type: 'plan/set-spend', amount: 10 ** 12 });
    const v = verifyReplay(recode(r42, { log }), findLevel);
    expect(v.status).toBe('illegal-command');
    if (v.status === 'illegal-command') {
      expect(v.index).toBe(2);
      expect(v.commandType).toBe('plan/set-spend');
      expect(v.rejection.code).toBe('insufficient-cash');
      expect(v.message).toContain('command 3 of');
      expect(v.message).toContain('exceeds cash');
    }
    const after = [...r42.log, { type: 'quarter/end' } as Command];
    const v2 = verifyReplay(recode(r42, { log: after }), findLevel);
    expect(v2.status === 'illegal-command' && v2.rejection.code).toBe('game-over');
  });

  it('a code for an impossible setup (unknown company) is refused, not thrown', () => {
    const v = verifyReplay(recode(r42, { company: 'openai' }), findLevel);
    expect(v.status).toBe('corrupted');
    expect(v.message).toContain('openai');
  });

  it('replayOfGame keeps one checkpoint per quarter', () => {
    const input = replayOfGame(game42.state, game42.log);
    expect(input.checkpoints).toEqual(game42.state.history.map((h) => h.hash));
    expect(decoded(code42).checkpoints).toEqual(input.checkpoints.map((h) => h.slice(0, 4)));
  });
});

/** The refusal's kind, or 'valid'. */
function kindOf(o: VerifyOutcome): string {
  return o.status === 'valid' ? 'valid' : o.reason.kind;
}

// CRC-32 (IEEE), to build payloads that pass the checksum.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function withCrc(payload: Uint8Array): Uint8Array {
  let c = 0xffffffff;
  for (const x of payload) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  const full = new Uint8Array(payload.length + 4);
  full.set(payload);
  new DataView(full.buffer).setUint32(payload.length, (c ^ 0xffffffff) >>> 0, true);
  return full;
}
/** A code's payload, without its CRC. */
function payloadOf(code: string): Uint8Array {
  const raw = inflateSync(fromBase64Url(code.slice(ST2.length))!);
  return raw.subarray(0, raw.length - 4);
}

describe('one game, one code', () => {
  const body = code42.slice(ST2.length);

  it('text after a valid code is refused as non-canonical, not read past', () => {
    for (const tail of ['hello-world', '_'.repeat(5000), 'A', 'AA', 'AAA', 'AAAA', '-'])
      expect(kindOf(verifyReplay(code42 + tail, findLevel)), tail.slice(0, 12)).toBe('non-canonical');
    // In a link too, and whatever the link carries after it.
    expect(kindOf(verifyReplay(`https://x.org/?replay=${code42}hello`, findLevel))).toBe('non-canonical');
    expect(verifyReplay(`https://x.org/?replay=${code42}&lang=en`, findLevel).status).toBe('valid');
  });

  it('spare bits set in the last base64 character are refused', () => {
    // The first of a few games whose code's last character carries spare bits (a body whose length
    // is a multiple of 4 has none).
    const code = [42, 43, 44, 45, 46, 47]
      .map((seed) => {
        const g = playGame(level, seed, 'zhipu', 'balanced');
        return replayCodeOf(level, g.state, g.log);
      })
      .find((c) => (c.length - ST2.length) % 4 !== 0)!;
    const body = code.slice(ST2.length);
    const spare = [0, 0, 4, 2][body.length % 4]!;
    expect(spare).toBeGreaterThan(0);
    const last = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.indexOf(body.at(-1)!);
    for (let bits = 1; bits < 1 << spare; bits++) {
      const edited = code.slice(0, -1) + toBase64Url(new Uint8Array([(last | bits) << 2])).charAt(0);
      expect(edited).not.toBe(code);
      expect(fromBase64Url(edited.slice(ST2.length))).toEqual(fromBase64Url(body));
      expect(kindOf(verifyReplay(edited, findLevel))).toBe('non-canonical');
    }
  });

  it('bytes after the deflate stream, or after the commands, are refused', () => {
    const packed = fromBase64Url(body)!;
    const padded = toBase64Url(new Uint8Array([...packed, 0, 1, 2]));
    expect(kindOf(verifyReplay(ST2 + padded, findLevel))).toBe('non-canonical');
    // Stray bytes between the last command and the checksum (which matches them).
    const stray = withCrc(new Uint8Array([...payloadOf(code42), 9, 9]));
    const v = verifyReplay(ST2 + toBase64Url(deflateSync(stray, { level: 9 })), findLevel);
    expect(kindOf(v)).toBe('non-canonical');
    expect(v.message).toContain('2 stray bytes');
  });

  it('the same payload packed by another compressor (or level) is refused: the format pins it', () => {
    const full = withCrc(payloadOf(code42));
    const others = [deflateSync(full, { level: 0 }), new Uint8Array(deflateRawSync(full, { level: 9 }))];
    for (const packed of others) {
      const other = ST2 + toBase64Url(packed);
      expect(other).not.toBe(code42);
      expect(inflateSync(packed)).toEqual(full);
      expect(kindOf(verifyReplay(other, findLevel))).toBe('non-canonical');
    }
    expect(ST2 + toBase64Url(deflateSync(full, { level: 9 }))).toBe(code42);
  });

  it('a real format-1 code is refused as an older format, not misread', () => {
    // Made by the game before format 2 (same game as code42).
    const old =
      'ST1.Y-LPyCwuyS_KTE7M0TUyMDJm0uLIzc_PK87ILxHoXLlF2-x6wEaB5b-8JC887r7u5_vg5-zIO-3aNY92v4tp1ng2fUHd4prOlQwMLhyMDIwMF9ZxMC6Yw6gxgfkAkwYnBxMjE8OL5WzM9gIGBowMnBzMTAwMK96zgPgOID4LMxMHKzMDhxIzA8ONt8wgcQ-gOMOGM2ycHOysDBwcQCzLysBwoQtkiAZIkoOTjYGDi42RQ46NgeHDcVaQeARInIedgYMXiEXZmRg2fAdZopEBEufnYOAQ4GBg2LAKLFYBEhPkZGRYsI6VkQHiUmb7GAag6zk5xLkYGBqOAtXZgPkMD94AHaUDZV8CsmUg6iR4GRhmrALyRSByK94zMdvzQNgnngHZLGC26_rnbwE';
    const v = verifyReplay(old, findLevel);
    expect(v.status).toBe('unknown-format');
    if (v.status !== 'valid')
      expect(v.reason).toEqual({ kind: 'older-format', format: 1, oldest: 2, ours: REPLAY_FORMAT });
    expect(v.message).toContain('older replay-code format 1');
    expect(readReplayHeader(old).ok).toBe(false);
  });
});

describe('format 3: a game that played on after made it', () => {
  const attrition = getLevel('attrition');
  const made = madeItGames(attrition, [1, 2], ['balanced'], 2, 1)[0]!;
  const on = playedOnByAutopilot(made);
  const codeOn = replayCodeOf(attrition, on.state, on.log);
  const codeMade = replayCodeOf(attrition, made.state, made.log);

  it('is written as format 3 and verifies: same final hash, score, ending and log', () => {
    expect(codeOn.startsWith(prefixOf(3))).toBe(true);
    expect(REPLAY_FORMAT).toBe(3);
    const v = verifyReplay(codeOn, findLevel);
    if (v.status !== 'valid') throw new Error(`${v.status}: ${v.message}`);
    expect(v.finalHash).toBe(hashState(on.state));
    expect(v.ending).toEqual(on.state.ending);
    expect(v.ending!.kind).not.toBe('made-it');
    expect(v.score).toBe(on.state.ending!.score);
    expect(v.replay.log).toEqual(on.log);
    expect(v.replay.format).toBe(3);
    expect(v.message).toContain(`made it in ${quarterLabel(attrition, made.state.ending!.turn)}`);
  });

  it('the same game at its made-it ending, before playing on, keeps its format-2 code', () => {
    expect(codeMade.startsWith(ST2)).toBe(true);
    const v = verifyReplay(codeMade, findLevel);
    expect(v.status === 'valid' && v.ending?.kind).toBe('made-it');
    expect(v.message).not.toContain('made it in');
    // Played on but not finished: valid, unfinished.
    const oneMore = [...made.log, PLAY_ON];
    const state = accepted(attrition, made.state, PLAY_ON);
    const mid = verifyReplay(replayCodeOf(attrition, state, oneMore), findLevel);
    expect(mid.status === 'valid' && mid.ending).toBeNull();
  });

  it('format 2 has no play-on: the same payload under "ST2." is damaged, not misread', () => {
    const relabelled = ST2 + codeOn.slice(prefixOf(3).length);
    const v = verifyReplay(relabelled, findLevel);
    expect(v.status).toBe('corrupted');
    expect(kindOf(v)).toBe('malformed');
    expect(readReplayHeader(relabelled).ok).toBe(true);
  });

  it('a log without play-on under "ST3." is not the code the game writes (non-canonical)', () => {
    const relabelled = prefixOf(3) + codeMade.slice(ST2.length);
    expect(kindOf(verifyReplay(relabelled, findLevel))).toBe('non-canonical');
  });

  it('formats 2 and 3 are read, 1 refused as older and 4 as another format, by name', () => {
    const v4 = verifyReplay(prefixOf(4) + codeOn.slice(4), findLevel);
    expect(v4.status !== 'valid' && v4.reason).toEqual({
      kind: 'other-format',
      format: 4,
      oldest: 2,
      ours: 3,
    });
    const v1 = verifyReplay(prefixOf(1) + codeMade.slice(4), findLevel);
    expect(v1.status !== 'valid' && v1.reason).toEqual({
      kind: 'older-format',
      format: 1,
      oldest: 2,
      ours: 3,
    });
    expect(readReplayHeader(codeOn).ok && readReplayHeader(codeMade).ok).toBe(true);
  });

  it('play-on in a game under way is an illegal command (not-made-it)', () => {
    const log = [PLAY_ON, ...made.log];
    const v = verifyReplay(
      encodeReplay({ ...replayOfGame(made.state, made.log), log }, attrition),
      findLevel,
    );
    expect(v.status).toBe('illegal-command');
    if (v.status === 'illegal-command') {
      expect(v.index).toBe(0);
      expect(v.commandType).toBe('game/play-on');
      expect(v.rejection.code).toBe('not-made-it');
    }
  });
});

describe('work bounded before it is spent', () => {
  const long = paddedGame(level, 42, 'moonshot', 'overseas-first');
  const quarters = long.state.history.length;

  it('a game at the command limit verifies; one command more is refused by its declared count', () => {
    expect(long.log).toHaveLength(maxCommands(quarters));
    expect(verifyReplay(long.code, findLevel).status).toBe('valid');
    const over = [
      ...long.log.slice(0, -1),
      { type: 'plan/set-spend', amount: 0 } as Command,
      long.log.at(-1)!,
    ];
    const v = verifyReplay(recode(decoded(long.code), { log: over }), findLevel);
    expect(v.status).toBe('corrupted');
    if (v.status !== 'valid')
      expect(v.reason).toEqual({
        kind: 'too-many-commands',
        commands: maxCommands(quarters) + 1,
        quarters,
        max: maxCommands(quarters),
      });
  });

  it('a code declaring far too many commands is refused from its header, before the rest is unpacked', () => {
    const flood = Array.from({ length: 99_000 }, () => ({ type: 'plan/set-spend', amount: 5 }) as Command);
    const code = recode(r42(), { log: flood });
    expect(kindOf(verifyReplay(code, findLevel))).toBe('too-many-commands');
    // Cut the packed stream short: the header alone is enough to refuse it (unpacking the whole
    // stream first would have failed with "cannot-unpack").
    const packed = fromBase64Url(code.slice(ST2.length))!;
    const cut = ST2 + toBase64Url(packed.subarray(0, packed.length >> 1));
    expect(kindOf(verifyReplay(cut, findLevel))).toBe('too-many-commands');
  });

  it('more quarters than any level, or than the code’s level, are refused', () => {
    const many = Array.from({ length: MAX_QUARTERS + 1 }, () => 'abcd');
    const v1 = verifyReplay(recode(r42(), { checkpoints: many }), findLevel);
    if (v1.status === 'valid') throw new Error('accepted');
    expect(v1.reason).toEqual({ kind: 'too-many-quarters', quarters: MAX_QUARTERS + 1, max: MAX_QUARTERS });
    const v2 = verifyReplay(recode(r42(), { checkpoints: [...r42().checkpoints, 'abcd'] }), findLevel);
    if (v2.status === 'valid') throw new Error('accepted');
    expect(v2.reason).toEqual({
      kind: 'too-many-quarters',
      quarters: level.quarters + 1,
      max: level.quarters,
    });
  });

  it('a 1 MB or 10 MB input is refused by its length, unread', () => {
    for (const n of [1 << 20, 10 << 20]) {
      const huge = `ST2.${'A'.repeat(n)}`;
      for (const input of [huge, `#replay=${huge}`, `https://x.org/?replay=${huge}`, ' '.repeat(n)]) {
        const v = verifyReplay(input, findLevel);
        expect(v.status).toBe('corrupted');
        if (v.status !== 'valid') expect(v.reason).toEqual({ kind: 'too-long', chars: input.length });
        expect(extractCode(input)).toBe(input);
      }
    }
  });

  it('a verification runs in steps of a few commands, to the same outcome', () => {
    const v = startVerification(decodeReplay(long.code, findLevel), findLevel);
    let steps = 1;
    let outcome = v.step(100);
    while (!outcome) {
      steps++;
      outcome = v.step(100);
    }
    expect(steps).toBe(Math.ceil(long.log.length / 100));
    expect(outcome.status).toBe('valid');
    expect(outcome.status === 'valid' && outcome.finalHash).toBe(hashState(long.state));
    expect(v.step(100)).toBe(outcome);
    // A refused code answers at once.
    expect(startVerification(decodeReplay('nope', findLevel), findLevel).step(1)?.status).toBe(
      'unknown-format',
    );
  });
});

function r42(): Replay {
  return decoded(code42);
}
