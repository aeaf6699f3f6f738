// Fuzzing the replay-code decoder and verifier: whatever the input — random text, a cut or
// bit-flipped code, a code with swapped commands or other versions, random payloads that pass
// the checksum — the answer is one of the named outcomes with a message, never an exception. Codes
// of randomly played games (the property tests' command arbitraries) verify as the same game, and
// forking any code at any quarter number answers by name too. One game has one code: a decoded
// code re-encodes to itself, and every single-character edit of a real code, and any text after
// it, is refused.

import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { forkReplay } from '../src/app/fork';
import { findLevel, getLevel } from '../src/app/levels';
import type { Replay, ReplayStatus, VerifyOutcome } from '../src/app/replay-code';
import {
  decodeReplay,
  encodeReplay,
  fromBase64Url,
  REPLAY_FORMAT,
  REPLAY_PREFIX,
  REPLAY_STATUSES,
  readReplayHeader,
  replayCodeOf,
  toBase64Url,
  verifyReplay,
} from '../src/app/replay-code';
import { hashState, playGame } from '../src/engine/index';
import { RULES_VERSION } from '../src/engine/version';
import { budget, noThrow } from './fuzz';
import { isQuarterEnd, playQuarters, quartersArb } from './helpers';

const level = getLevel('historical-2023');
const games = [
  playGame(level, 11, 'minimax', 'overseas-first'),
  playGame(level, 12, 'zhipu', 'pretraining-first'),
  playGame(level, 13, '01ai', 'enterprise-first'),
];
const codes = games.map((g) => replayCodeOf(level, g.state, g.log));
const replays = codes.map((c) => {
  const d = decodeReplay(c, findLevel);
  if (!d.ok) throw new Error(d.message);
  return d.replay;
});

/** Verifies and checks the contract: a named status, a message, no exception. */
function outcome(code: string): VerifyOutcome {
  let v: VerifyOutcome;
  try {
    v = verifyReplay(code, findLevel);
  } catch (e) {
    throw new Error(`verifyReplay threw on ${JSON.stringify(code.slice(0, 80))}: ${String(e)}`);
  }
  expect(REPLAY_STATUSES).toContain(v.status);
  expect(typeof v.message).toBe('string');
  expect(v.message.length).toBeGreaterThan(5);
  // The header reader and the decoder must not throw either.
  readReplayHeader(code);
  decodeReplay(code, findLevel);
  return v;
}

const codeArb = fc.nat(codes.length - 1).map((i) => ({ i, code: codes[i]! }));

describe('replay-code fuzzing', () => {
  it('random strings, and random text after the prefix', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        outcome(s);
        outcome(`${REPLAY_PREFIX}${s}`);
      }),
      budget(300, 801),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{0,400}$/), (s) => {
        const v = outcome(`${REPLAY_PREFIX}${s}`);
        expect(['corrupted', 'unknown-format']).toContain(v.status);
      }),
      budget(300, 802),
    );
  });

  it('truncations of valid codes are corrupted (or unreadable), never valid', () => {
    fc.assert(
      fc.property(codeArb, fc.nat(), ({ code }, k) => {
        const cut = code.slice(0, k % code.length);
        const v = outcome(cut);
        expect(v.status).not.toBe('valid');
        expect(['corrupted', 'unknown-format']).toContain(v.status);
      }),
      budget(200, 803),
    );
  });

  it('bit flips anywhere in the packed bytes give a named outcome; a valid one is the same game', () => {
    fc.assert(
      fc.property(codeArb, fc.nat(), fc.nat(7), ({ i, code }, pos, bit) => {
        const bytes = fromBase64Url(code.slice(4))!;
        bytes[pos % bytes.length]! ^= 1 << bit;
        const v = outcome(`${REPLAY_PREFIX}${toBase64Url(bytes)}`);
        if (v.status === 'valid') expect(v.finalHash).toBe(hashState(games[i]!.state));
      }),
      budget(200, 804),
    );
  });

  it('swapped commands: tampered, illegal or (when they commute) the very same game', () => {
    const seen = new Set<ReplayStatus>();
    fc.assert(
      fc.property(codeArb, fc.nat(), fc.nat(), ({ i }, a, b) => {
        const r: Replay = replays[i]!;
        const log = r.log.slice();
        const x = a % log.length;
        const y = b % log.length;
        [log[x], log[y]] = [log[y]!, log[x]!];
        const v = outcome(encodeReplay({ ...r, log }, level));
        seen.add(v.status);
        expect(['valid', 'tampered', 'illegal-command']).toContain(v.status);
        if (v.status === 'valid') expect(v.finalHash).toBe(r.finalHash);
      }),
      budget(120, 805),
    );
    expect(seen.has('tampered') || seen.has('illegal-command')).toBe(true);
  });

  it('other rules, level or level versions are refused by name', () => {
    fc.assert(
      fc.property(
        codeArb,
        fc.nat(1000).filter((n) => n !== RULES_VERSION),
        fc.nat(1000).filter((n) => n !== level.version),
        ({ i }, rules, lv) => {
          const r = replays[i]!;
          expect(outcome(encodeReplay({ ...r, rulesVersion: rules }, level)).status).toBe('wrong-version');
          const other = { ...level, version: lv };
          expect(outcome(encodeReplay({ ...r, levelVersion: lv }, other)).status).toBe('wrong-level-version');
          const elsewhere = { ...level, id: `lvl-${lv}` };
          expect(outcome(encodeReplay({ ...r, levelId: elsewhere.id }, elsewhere)).status).toBe(
            'unknown-level',
          );
          expect(outcome(`ST${rules + REPLAY_FORMAT + 1}.${codes[i]!.slice(4)}`).status).toBe(
            'unknown-format',
          );
        },
      ),
      budget(40, 806),
    );
  });

  it('random payloads with a good checksum still end in a named outcome', () => {
    const crcTable = Array.from({ length: 256 }, (_, n) => {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      return c >>> 0;
    });
    const crc = (b: Uint8Array) => {
      let c = 0xffffffff;
      for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
      return (c ^ 0xffffffff) >>> 0;
    };
    const pack = (payload: Uint8Array) => {
      const full = new Uint8Array(payload.length + 4);
      full.set(payload);
      new DataView(full.buffer).setUint32(payload.length, crc(payload), true);
      return `${REPLAY_PREFIX}${toBase64Url(deflateSync(full))}`;
    };
    // A real header (so the body parser is reached) followed by random bytes, and wholly random bytes.
    const prefix = (() => {
      const enc = new TextEncoder();
      const id = enc.encode(level.id);
      const co = enc.encode('zhipu');
      return new Uint8Array([RULES_VERSION, id.length, ...id, level.version, 5, co.length, ...co, 0, 0, 0]);
    })();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (bytes, withHeader) => {
        const payload = withHeader ? new Uint8Array([...prefix, ...bytes]) : bytes;
        outcome(pack(payload));
      }),
      budget(400, 807),
    );
  });

  it('codes of randomly played games verify as the same game; flipped, they get a named outcome', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0x7fffffff }),
        fc.constantFrom(...level.player.companies),
        quartersArb(16, 5),
        fc.boolean(),
        fc.nat(),
        fc.nat(7),
        (seed, company, quarters, finish, pos, bit) => {
          const play = playQuarters(level, seed, company, quarters, { finish });
          // the log a player leaves: the accepted commands only
          const log = play.steps.filter((st) => st.result.ok).map((st) => st.cmd);
          const code = noThrow('replayCodeOf', () => replayCodeOf(level, play.state, log));
          const v = outcome(code);
          expect(v.status, v.message).toBe('valid');
          if (v.status === 'valid') {
            expect(v.finalHash).toBe(hashState(play.state));
            expect(v.replay.log.length).toBe(log.length);
          }
          const bytes = fromBase64Url(code.slice(4))!;
          bytes[pos % bytes.length]! ^= 1 << bit;
          const flipped = outcome(`${REPLAY_PREFIX}${toBase64Url(bytes)}`);
          if (flipped.status === 'valid') expect(flipped.finalHash).toBe(hashState(play.state));
          // forking it after any number of quarters, sensible or not, answers by name
          const quartersPlayed = log.filter(isQuarterEnd).length;
          for (const turn of [0, pos % (quartersPlayed + 2), quartersPlayed + 1, -1, 1.5, Number.NaN]) {
            const f = noThrow('forkReplay', () => forkReplay(code, turn, findLevel));
            if (f.ok) {
              expect(f.fork.turn).toBe(turn);
              expect(f.fork.branch.parentHash).toBe(hashState(play.state));
            } else expect(['bad-quarter', 'invalid-replay']).toContain(f.reason);
          }
        },
      ),
      budget(25, 808),
    );
  });

  it('a decompression bomb is refused quickly', () => {
    const huge = deflateSync(new Uint8Array(8 << 20));
    const v = outcome(`${REPLAY_PREFIX}${toBase64Url(huge)}`);
    expect(v.status).toBe('corrupted');
  });
});

describe('one game, one code', () => {
  /** The code of a randomly played game (random commands, some quarters, finished or not). */
  const playedArb = fc
    .tuple(
      fc.integer({ min: 0, max: 0x7fffffff }),
      fc.constantFrom(...level.player.companies),
      quartersArb(16, 5),
      fc.boolean(),
    )
    .map(([seed, company, quarters, finish]) => {
      const play = playQuarters(level, seed, company, quarters, { finish });
      const log = play.steps.filter((st) => st.result.ok).map((st) => st.cmd);
      return { code: replayCodeOf(level, play.state, log), hash: hashState(play.state) };
    });

  it('a decoded code re-encodes to the very same string', () => {
    fc.assert(
      fc.property(playedArb, ({ code }) => {
        const d = decodeReplay(code, findLevel);
        if (!d.ok) throw new Error(d.message);
        expect(encodeReplay(d.replay, level)).toBe(code);
      }),
      budget(25, 809),
    );
  });

  // (Blank space around a pasted code is trimmed by design; inside it, it is a bad character.)
  it('every single-character edit of a real code is refused (deleted, replaced or inserted)', () => {
    const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(
        playedArb,
        fc.shuffledSubarray([...B64, '.', '=', '+', '/', '%'], { minLength: 3, maxLength: 3 }),
        ({ code }, chars) => {
          expect(verifyReplay(code, findLevel).status).toBe('valid');
          let edits = 0;
          for (let i = 0; i <= code.length; i++) {
            const variants = [code.slice(0, i) + code.slice(i + 1)];
            for (const ch of chars) {
              variants.push(code.slice(0, i) + ch + code.slice(i + 1));
              variants.push(code.slice(0, i) + ch + code.slice(i));
            }
            for (const edited of variants) {
              if (edited === code) continue;
              edits++;
              const v = noThrow('verifyReplay', () => verifyReplay(edited, findLevel));
              if (v.status === 'valid') throw new Error(`edit at ${i} accepted: ${edited}`);
            }
          }
          expect(edits).toBeGreaterThan(6 * code.length);
        },
      ),
      budget(2, 810),
    );
  });

  it('any text after a valid code is refused as non-canonical', () => {
    fc.assert(
      fc.property(codeArb, fc.stringMatching(/^[A-Za-z0-9_-]{1,300}$/), ({ code }, tail) => {
        const v = outcome(code + tail);
        expect(v.status === 'corrupted' && v.reason.kind).toBe('non-canonical');
      }),
      budget(150, 811),
    );
  });
});
