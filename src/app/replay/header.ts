// Reading a replay code's header, bounded: the code out of what was pasted (a link, spaces), its
// prefix and format, the unpacking (header first, its declared counts checked before the rest is
// unpacked: unpack.ts), the checksum, and the header's fields. Never throws.

import { crc32, fromBase64Url, Malformed, Reader } from './bytes';
import {
  HEADER_BYTES,
  MAX_CODE_CHARS,
  MAX_INPUT_CHARS,
  MAX_QUARTERS,
  maxCommands,
  OLDEST_REPLAY_FORMAT,
  prefixOf,
  REPLAY_FORMAT,
  type RefusalReason,
  type ReplayHeader,
  type ReplayStatus,
} from './format';
import { Unpacker } from './unpack';

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

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export type Failure<S extends ReplayStatus> = {
  ok: false;
  status: S;
  message: string;
  reason: RefusalReason;
  header?: ReplayHeader;
};

export type HeaderResult = { ok: true; header: ReplayHeader } | Failure<'unknown-format' | 'corrupted'>;

export type HeaderParts =
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

export function corrupted(message: string, reason: RefusalReason): Failure<'corrupted'> {
  return { ok: false, status: 'corrupted', message, reason };
}

/** A code that asks for more work than any game: refused by its header's counts. */
export class OverLimit extends Error {
  constructor(readonly refusal: Failure<'corrupted'>) {
    super(refusal.message);
  }
}

export function tooManyQuarters(quarters: number, max: number): OverLimit {
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

export function readHeaderParts(input: string): HeaderParts {
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

/** The code's parts; returns a refusal for what it can judge, throws OverLimit past the limits. */
function readHeaderUnsafe(input: string): HeaderParts {
  const found = formatOf(input);
  if (!found.ok) return found;
  const { code, format, body } = found;
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
  const raw = unpack(packed, format);
  if (!(raw instanceof Uint8Array)) return raw;
  if (raw.length < 4) return corrupted('the code is damaged: too short', { kind: 'too-short' });
  const payload = raw.subarray(0, raw.length - 4);
  const stored = new DataView(raw.buffer, raw.byteOffset + raw.length - 4, 4).getUint32(0, true);
  if (crc32(payload) !== stored)
    return corrupted('the code is damaged (its checksum does not match) — copy it again in full', {
      kind: 'checksum',
    });
  return readPayload(payload, format, code);
}

/**
 * The code out of what was pasted, its format number and its base64 body; a refusal for a value
 * that is no text, too long, empty, not a Six Tigers code, or in another format.
 */
function formatOf(
  input: string,
): { ok: true; code: string; format: number; body: string } | Failure<'unknown-format' | 'corrupted'> {
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
      message: `not a Six Tigers replay code (one starts with "${prefixOf(OLDEST_REPLAY_FORMAT)}" or a later format's prefix; got "${shown}")`,
      reason: { kind: 'not-a-code', shown },
    };
  }
  const format = Number(m[1]);
  const formats = { oldest: OLDEST_REPLAY_FORMAT, ours: REPLAY_FORMAT };
  if (format < OLDEST_REPLAY_FORMAT)
    return {
      ok: false,
      status: 'unknown-format',
      message: `the code is in the older replay-code format ${format}; this game reads formats ${OLDEST_REPLAY_FORMAT} to ${REPLAY_FORMAT} only — open it in the version of the game that made it`,
      reason: { kind: 'older-format', format, ...formats },
    };
  if (format > REPLAY_FORMAT)
    return {
      ok: false,
      status: 'unknown-format',
      message: `the code is in replay-code format ${format}; this game reads formats ${OLDEST_REPLAY_FORMAT} to ${REPLAY_FORMAT} — open it in the version of the game that made it`,
      reason: { kind: 'other-format', format, ...formats },
    };
  return { ok: true, code, format, body: code.slice(m[0].length) };
}

/**
 * The whole payload, with its checksum. The header's counts first: a code that asks for too much
 * is refused (OverLimit) before the rest is unpacked. A header that does not read is judged later,
 * once the checksum has had its say.
 */
function unpack(packed: Uint8Array, format: number): Uint8Array | Failure<'corrupted'> {
  const unpacker = new Unpacker(packed);
  try {
    const head = unpacker.upTo(HEADER_BYTES);
    try {
      readHeaderFields(new Reader(head), format);
    } catch (e) {
      if (!(e instanceof Malformed)) throw e;
    }
    return unpacker.all();
  } catch (e) {
    if (e instanceof OverLimit) throw e;
    return corrupted(
      `the code is damaged and cannot be unpacked (${e instanceof Malformed ? e.message : 'bad data'}) — copy it again in full`,
      { kind: 'cannot-unpack' },
    );
  }
}

/** The header, the string table and a reader at the commands, from a payload whose checksum held. */
function readPayload(payload: Uint8Array, format: number, code: string): HeaderParts {
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
