// Replay codes, encoding and decoding: the header written and read (./header.ts), the commands
// (./commands.ts), the level a code can be read against, and the canonical check (a code must
// re-encode to itself).

import { deflateSync } from 'fflate';
import type { Level } from '../../engine/level';
import type { Command } from '../../engine/types';
import { RULES_VERSION } from '../../engine/version';
import { crc32, Malformed, toBase64Url, Writer } from './bytes';
import { idCodec, readCommand, writeCommand } from './commands';
import {
  CHECKPOINT_HEX,
  formatFor,
  type LevelLookup,
  prefixOf,
  type Replay,
  type ReplayHeader,
  type ReplayInput,
} from './format';
import { corrupted, errorText, type Failure, readHeaderParts, tooManyQuarters } from './header';

export type DecodeResult =
  | { ok: true; replay: Replay }
  | Failure<'unknown-format' | 'corrupted' | 'wrong-version' | 'unknown-level' | 'wrong-level-version'>;

/**
 * The replay code of a game; `level` is the game's level (its cards give event answers their short
 * form). Throws only on a caller bug (another level, a command with an enumeration value the
 * engine does not know, a hash that is not hex): any log the engine accepted encodes.
 */
export function encodeReplay(input: ReplayInput, level: Level): string {
  if (level.id !== input.levelId || level.version !== input.levelVersion)
    throw new Error(
      `replay code: the game is in level ${input.levelId} v${input.levelVersion}, not ${level.id} v${level.version}`,
    );
  const ids = idCodec(level);
  const strings: string[] = [];
  const index = new Map<string, number>();
  const strId = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const body = new Writer();
  for (const c of input.log) writeCommand(body, c, ids, strId);

  const w = new Writer();
  w.varint(input.rulesVersion);
  w.str(input.levelId);
  w.varint(input.levelVersion);
  w.varint(input.seed);
  w.str(input.company);
  w.hex(input.finalHash);
  w.varint(input.checkpoints.length);
  for (const h of input.checkpoints) {
    const p = h.slice(0, CHECKPOINT_HEX).padEnd(CHECKPOINT_HEX, '0');
    if (!/^[0-9a-f]+$/.test(p)) throw new Error(`replay code: checkpoint "${h}" is not a hex digest`);
    w.byte(Number.parseInt(p.slice(0, 2), 16));
    w.byte(Number.parseInt(p.slice(2, 4), 16));
  }
  const branch = input.branch ?? null;
  w.varint(branch ? 1 : 0);
  if (branch) {
    w.hex(branch.parentHash);
    w.varint(branch.turn);
  }
  w.varint(input.log.length);
  w.varint(strings.length);
  for (const s of strings) w.str(s);
  w.bytes(body.done());
  const payload = w.done();
  const full = new Uint8Array(payload.length + 4);
  full.set(payload);
  new DataView(full.buffer).setUint32(payload.length, crc32(payload), true);
  return prefixOf(formatFor(input.log)) + toBase64Url(deflateSync(full, { level: 9 }));
}

/** The code's level, or why it cannot be replayed here (other rules, unknown level or level version). */
export function levelFor(
  header: ReplayHeader,
  getLevel: LevelLookup,
): { ok: true; level: Level } | Failure<'wrong-version' | 'unknown-level' | 'wrong-level-version'> {
  if (header.rulesVersion !== RULES_VERSION)
    return {
      ok: false,
      status: 'wrong-version',
      message: `the code was made under rules version ${header.rulesVersion}; this game runs rules version ${RULES_VERSION}, so it cannot be replayed faithfully`,
      reason: { kind: 'other-rules', code: header.rulesVersion, ours: RULES_VERSION },
    };
  const level = getLevel(header.levelId);
  if (!level)
    return {
      ok: false,
      status: 'unknown-level',
      message: `the code is for level "${header.levelId}", which this game does not have`,
      reason: { kind: 'unknown-level', level: header.levelId },
    };
  if (level.version !== header.levelVersion)
    return {
      ok: false,
      status: 'wrong-level-version',
      message: `the code is for version ${header.levelVersion} of level "${header.levelId}"; this game has version ${level.version}`,
      reason: {
        kind: 'other-level-version',
        level: header.levelId,
        code: header.levelVersion,
        ours: level.version,
      },
    };
  return { ok: true, level };
}

const NON_CANONICAL =
  'the code is not the one the game writes for this game (extra or altered characters) — copy it again exactly';

/**
 * Reads a replay code whole. Its log can be read only against its own level, so a code from other
 * rules or for a level (version) this game does not have is refused here, by name; so is a code
 * that is not the exact one the game writes for what it holds. Never throws.
 */
export function decodeReplay(input: string, getLevel: LevelLookup): DecodeResult {
  const h = readHeaderParts(input);
  if (!h.ok) return h;
  const { header } = h;
  try {
    const checked = levelFor(header, getLevel);
    if (!checked.ok) return { ...checked, header };
    const level = checked.level;
    if (header.checkpoints.length > level.quarters)
      return { ...tooManyQuarters(header.checkpoints.length, level.quarters).refusal, header };
    const r = h.reader;
    const log: Command[] = [];
    for (let i = 0; i < h.commands; i++) log.push(readCommand(r, h.strings, level, header.format));
    if (r.left !== 0)
      return {
        ...corrupted(`${NON_CANONICAL} (${r.left} stray bytes after its commands)`, {
          kind: 'non-canonical',
        }),
        header,
      };
    const replay = { ...header, log };
    if (encodeReplay(replay, level) !== h.code)
      return { ...corrupted(NON_CANONICAL, { kind: 'non-canonical' }), header };
    return { ok: true, replay };
  } catch (e) {
    if (e instanceof Malformed)
      return { ...corrupted(`the code is damaged: ${e.message}`, { kind: 'malformed' }), header };
    return { ...corrupted(`the code cannot be read (${errorText(e)})`, { kind: 'unreadable' }), header };
  }
}
