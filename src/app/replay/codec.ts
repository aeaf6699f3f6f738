// Replay codes, encoding and decoding: the header, the canonical check (a code must re-encode to
// itself) and the bounded unpacking of a code; commands go through ./commands.ts.

import { deflateSync, Inflate } from 'fflate';
import type { Level } from '../../engine/level';
import type { Command } from '../../engine/types';
import { RULES_VERSION } from '../../engine/version';
import { crc32, fromBase64Url, Malformed, Reader, toBase64Url, Writer } from './bytes';
import { idCodec, readCommand, writeCommand } from './commands';
import {
  CHECKPOINT_HEX,
  HEADER_BYTES,
  type LevelLookup,
  MAX_CODE_CHARS,
  MAX_INPUT_CHARS,
  MAX_PAYLOAD_BYTES,
  MAX_QUARTERS,
  maxCommands,
  REPLAY_FORMAT,
  REPLAY_PREFIX,
  type RefusalReason,
  type Replay,
  type ReplayHeader,
  type ReplayInput,
  type ReplayStatus,
} from './format';
// ---------------------------------------------------------------------------------------------
// Encode / decode

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
  return REPLAY_PREFIX + toBase64Url(deflateSync(full, { level: 9 }));
}

/**
 * The code inside what a user pasted: trims it and takes it out of a link (`…?replay=ST2.…` or
 * `#replay=…`). Input longer than MAX_INPUT_CHARS comes back as it is, unread: no code is that long.
 */
export function extractCode(input: string): string {
  if (input.length > MAX_INPUT_CHARS) return input;
  const s = input.trim();
  const m = /[?#&]replay=([^&#\s]+)/.exec(s);
  if (m?.[1]) {
    try {
      return decodeURIComponent(m[1]);
    } catch {
      return m[1];
    }
  }
  return s;
}

/**
 * Unpacks a code's deflate stream only as far as asked: its header first (whose counts may refuse
 * the code before the rest is unpacked), then the whole payload, never more than
 * MAX_PAYLOAD_BYTES. Fed in small pieces so that no piece can unpack to much (a bomb stops early).
 */
class Unpacker {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;
  private fed = 0;
  private ended = false;
  private readonly inflate = new Inflate((chunk, final) => {
    this.size += chunk.length;
    if (this.size > MAX_PAYLOAD_BYTES) throw new Malformed('it unpacks to far more than a game');
    this.chunks.push(chunk);
    if (final) this.ended = true;
  });

  constructor(private readonly packed: Uint8Array) {}

  /** At least `want` bytes unpacked (fewer if the stream holds fewer), joined. */
  upTo(want: number): Uint8Array {
    const PIECE = 256;
    // Never marked final here: a stream cut short still yields its first bytes (its header).
    while (this.size < want && this.fed < this.packed.length) {
      const next = Math.min(this.fed + PIECE, this.packed.length);
      this.inflate.push(this.packed.subarray(this.fed, next), false);
      this.fed = next;
    }
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  /** The whole payload; throws if the stream is cut short. */
  all(): Uint8Array {
    this.upTo(Number.POSITIVE_INFINITY);
    if (!this.ended) this.inflate.push(new Uint8Array(0), true);
    if (!this.ended) throw new Malformed('it ends too soon');
    return this.upTo(0);
  }
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

type Failure<S extends ReplayStatus> = {
  ok: false;
  status: S;
  message: string;
  reason: RefusalReason;
  header?: ReplayHeader;
};

export type HeaderResult = { ok: true; header: ReplayHeader } | Failure<'unknown-format' | 'corrupted'>;

type HeaderParts =
  | {
      ok: true;
      header: ReplayHeader;
      /** The commands the code declares. */
      commands: number;
      /** The rest of the payload: the commands. */
      reader: Reader;
      strings: string[];
      /** The code itself (out of a link, trimmed): a valid code re-encodes to exactly this. */
      code: string;
    }
  | Failure<'unknown-format' | 'corrupted'>;

export type DecodeResult =
  | { ok: true; replay: Replay }
  | Failure<'unknown-format' | 'corrupted' | 'wrong-version' | 'unknown-level' | 'wrong-level-version'>;

function corrupted(message: string, reason: RefusalReason): Failure<'corrupted'> {
  return { ok: false, status: 'corrupted', message, reason };
}

/** A code that asks for more work than any game: refused by its header's counts. */
class OverLimit extends Error {
  constructor(readonly refusal: Failure<'corrupted'>) {
    super(refusal.message);
  }
}

function tooManyQuarters(quarters: number, max: number): OverLimit {
  return new OverLimit(
    corrupted(
      `the code records ${quarters} quarters; a game has at most ${max} — it is damaged or was not made by the game`,
      { kind: 'too-many-quarters', quarters, max },
    ),
  );
}

/** Reads a code's header (no level needed). Never throws. */
export function readReplayHeader(input: string): HeaderResult {
  const h = readHeaderParts(input);
  return h.ok ? { ok: true, header: h.header } : h;
}

function readHeaderParts(input: string): HeaderParts {
  try {
    return readHeaderUnsafe(input);
  } catch (e) {
    if (e instanceof OverLimit) return e.refusal;
    // Only a bug in this module could get here; still answer instead of throwing.
    return corrupted(`the code cannot be read (${errorText(e)})`, { kind: 'unreadable' });
  }
}

/** The header fields, up to and with the declared command count; throws OverLimit past the limits. */
function readHeaderFields(r: Reader, format: number): { header: ReplayHeader; commands: number } {
  const rulesVersion = r.varint();
  const levelId = r.str();
  const levelVersion = r.varint();
  const seed = r.varint();
  const company = r.str();
  const finalHash = r.hex();
  const nq = r.varint();
  if (nq > MAX_QUARTERS) throw tooManyQuarters(nq, MAX_QUARTERS);
  const checkpoints: string[] = [];
  for (let i = 0; i < nq; i++) {
    const b = r.take(2);
    checkpoints.push(b[0]!.toString(16).padStart(2, '0') + b[1]!.toString(16).padStart(2, '0'));
  }
  const flags = r.varint();
  if (flags > 1) throw new Malformed('unknown flags');
  const branch = flags & 1 ? { parentHash: r.hex(), turn: r.varint() } : null;
  const commands = r.varint();
  const max = maxCommands(nq);
  if (commands > max)
    throw new OverLimit(
      corrupted(
        `the code holds ${commands} commands for ${nq} quarters; a game has at most ${max} — it is damaged or was not made by the game`,
        { kind: 'too-many-commands', commands, quarters: nq, max },
      ),
    );
  const header = {
    format,
    rulesVersion,
    levelId,
    levelVersion,
    seed,
    company,
    finalHash,
    checkpoints,
    branch,
  };
  return { header, commands };
}

function readHeaderUnsafe(input: string): HeaderParts {
  if (typeof input !== 'string')
    return {
      ok: false,
      status: 'unknown-format',
      message: 'a replay code is text',
      reason: { kind: 'not-text' },
    };
  // Weighed first, before trimming, URL-decoding or any regex: a huge input costs nothing.
  if (input.length > MAX_INPUT_CHARS)
    return corrupted(`the code is far too long for a game (${input.length} characters)`, {
      kind: 'too-long',
      chars: input.length,
    });
  const code = extractCode(input);
  if (code === '')
    return {
      ok: false,
      status: 'unknown-format',
      message: 'no code given (the entry is empty)',
      reason: { kind: 'empty' },
    };
  const m = /^ST(\d{1,6})\./.exec(code);
  if (!m) {
    const shown = code.length > 24 ? `${code.slice(0, 24)}…` : code;
    return {
      ok: false,
      status: 'unknown-format',
      message: `not a Six Tigers replay code (one starts with "${REPLAY_PREFIX}"; got "${shown}")`,
      reason: { kind: 'not-a-code', shown },
    };
  }
  const format = Number(m[1]);
  if (format < REPLAY_FORMAT)
    return {
      ok: false,
      status: 'unknown-format',
      message: `the code is in the older replay-code format ${format}; this game reads format ${REPLAY_FORMAT} only — open it in the version of the game that made it`,
      reason: { kind: 'older-format', format, ours: REPLAY_FORMAT },
    };
  if (format !== REPLAY_FORMAT)
    return {
      ok: false,
      status: 'unknown-format',
      message: `the code is in replay-code format ${format}; this game reads format ${REPLAY_FORMAT} — open it in the version of the game that made it`,
      reason: { kind: 'other-format', format, ours: REPLAY_FORMAT },
    };
  const body = code.slice(m[0].length);
  if (body.length > MAX_CODE_CHARS)
    return corrupted(`the code is far too long for a game (${code.length} characters)`, {
      kind: 'too-long',
      chars: code.length,
    });
  // A last lone character holds no whole byte: read without it, and refused below as
  // non-canonical if what comes before is a whole code.
  const packed = fromBase64Url(body.length % 4 === 1 ? body.slice(0, -1) : body);
  if (!packed || packed.length === 0)
    return corrupted(
      'the code has characters a replay code cannot have, or was cut short — copy it again in full',
      { kind: 'bad-characters' },
    );
  const unpacker = new Unpacker(packed);
  let raw: Uint8Array;
  try {
    // The header's counts first: a code that asks for too much is refused before the rest is
    // unpacked. A header that does not read is judged below, once the checksum has had its say.
    const head = unpacker.upTo(HEADER_BYTES);
    try {
      readHeaderFields(new Reader(head), format);
    } catch (e) {
      if (!(e instanceof Malformed)) throw e;
    }
    raw = unpacker.all();
  } catch (e) {
    if (e instanceof OverLimit) throw e;
    return corrupted(
      `the code is damaged and cannot be unpacked (${e instanceof Malformed ? e.message : 'bad data'}) — copy it again in full`,
      { kind: 'cannot-unpack' },
    );
  }
  if (raw.length < 4) return corrupted('the code is damaged: too short', { kind: 'too-short' });
  const payload = raw.subarray(0, raw.length - 4);
  const stored = new DataView(raw.buffer, raw.byteOffset + raw.length - 4, 4).getUint32(0, true);
  if (crc32(payload) !== stored)
    return corrupted('the code is damaged (its checksum does not match) — copy it again in full', {
      kind: 'checksum',
    });
  try {
    const r = new Reader(payload);
    const { header, commands } = readHeaderFields(r, format);
    // A canonical table holds only the ids the commands use, at most two a command.
    const ns = r.varint();
    if (ns > 2 * commands) throw new Malformed(`too many ids (${ns})`);
    const strings: string[] = [];
    for (let i = 0; i < ns; i++) strings.push(r.str());
    return { ok: true, header, commands, reader: r, strings, code };
  } catch (e) {
    if (!(e instanceof Malformed)) throw e;
    return corrupted(`the code is damaged: ${e.message}`, { kind: 'malformed' });
  }
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
    for (let i = 0; i < h.commands; i++) log.push(readCommand(r, h.strings, level));
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
