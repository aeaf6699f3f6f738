// Replay codes: a whole game in a short, URL-safe string, and its verification by re-simulation.
//
//   ST2.<base64url, no padding, of deflate-raw(payload)>
//
// "ST2." names the code format (format 2). The payload is a small binary record:
//
//   varint rulesVersion · str levelId · varint levelVersion · varint seed · str company
//   hex finalHash · varint quarters, then 2 bytes per quarter (the first 4 hex digits of that
//   quarter's state hash: a tampered code says where the re-simulation diverged)
//   varint flags (bit 0: a fork) [hex parentHash · varint turn]
//   varint nCommands (declared up front, so a code is weighed before its commands are read)
//   varint nStrings, strings (ids that fit no short form, each stored once) · commands
//   4 bytes CRC-32 of everything above (a damaged code is "corrupted", an edited one "tampered")
//
// Commands are one tag byte then their fields; numbers are "nums" (a varint holding a zigzag
// integer, or a value with 2 or 4 decimals, or else the exact float64 that follows), enumerations
// are indices. An event answer is the card's index in the level, the turn it came up and the
// choice's index on the card; an offer "acq-7" is the number 7; any other id goes to the string
// table. So the log can be read only with its level (same id and version): a code for another
// level version is refused by name before its commands are read.
//
// One game, one code: a code is valid only if encoding what it decodes to gives back the very same
// string. Anything else — text after the base64, bytes after the deflate stream or after the
// commands, spare bits set in the last base64 character, a number or an id written in a longer
// form than the encoder's, another compressor's deflate stream — is refused as "non-canonical".
// So the code format pins the compressor: fflate's deflateSync at level 9 (fflate's version is
// pinned exactly in package.json; a new version that compresses differently is a new format).
//
// The work a code can ask for is bounded before it is spent: the whole input is weighed by its
// length before anything else (no trimming, URL-decoding or regex first), and only the header is
// unpacked before its declared counts are checked (at most MAX_QUARTERS quarters, or the level's;
// at most MAX_COMMANDS_PER_QUARTER commands a quarter, counting the one under way).
//
// Format 1 ("ST1.", no declared count, no canonical rule) is refused by name as an older format.
//
// Pure and browser-safe: no node: imports. Decoding and verifying never throw.

import { deflateSync, Inflate } from 'fflate';
import { createGame, foldLog, hashState, playerOf, scoreOf } from '../engine/index';
import type { Level } from '../engine/level';
import { quarterLabel } from '../engine/level';
import type {
  AppMarket,
  Command,
  CommandType,
  Ending,
  GameState,
  Intensity,
  PayLevel,
  PricingMode,
  Rejection,
  Role,
} from '../engine/types';
import { APP_MARKETS, INTENSITIES, PAY_LEVELS, PRICING_MODES, ROLES } from '../engine/types';
import { RULES_VERSION } from '../engine/version';

/** The code format this module writes and reads. */
export const REPLAY_FORMAT = 2;
export const REPLAY_PREFIX = `ST${REPLAY_FORMAT}.`;
/** Hex digits of each quarter's hash kept as a checkpoint. */
export const CHECKPOINT_HEX = 4;

// Limits that keep a hostile code from costing much (a real game is a few hundred characters).
/**
 * The longest code (prefix and base64), far above any game's: a 16-quarter game at the command
 * limit with every command different is about 9,000 characters, a 40-quarter one about 22,000.
 */
export const MAX_CODE_CHARS = 100_000;
/** The longest input looked at: a code plus room for a link's address or blank space around it. */
export const MAX_INPUT_CHARS = MAX_CODE_CHARS + 4_096;
/**
 * Commands a game may hold per quarter, on average over the quarters it records plus the one under
 * way. The autopilots and the random policy send at most 9 in a quarter (all bundled levels, every
 * company and policy, 30 seeds each) and a player's slider moves are merged before they are sent;
 * 100 leaves a margin of more than ten.
 */
export const MAX_COMMANDS_PER_QUARTER = 100;
/** The most quarters a code can record: the most a level file may have (levelFileSchema). */
export const MAX_QUARTERS = 40;
/** Bytes unpacked to read a header: more than the longest header (two names, hashes, 40 checkpoints). */
const HEADER_BYTES = 4_096;
const MAX_PAYLOAD_BYTES = 1 << 20;
const MAX_STRING_BYTES = 1_000;

/** The most commands a code recording `quarters` quarters may hold. */
export function maxCommands(quarters: number): number {
  return MAX_COMMANDS_PER_QUARTER * (quarters + 1);
}

/** Where a forked game branched off: the original's final hash and the quarters kept from it. */
export interface Branch {
  parentHash: string;
  /** Quarters of the original kept (the fork plays on from turn `turn`). */
  turn: number;
}

/** Everything a replay code holds. */
export interface ReplayInput {
  rulesVersion: number;
  levelId: string;
  levelVersion: number;
  seed: number;
  company: string;
  log: readonly Command[];
  /** hashState of the final state. */
  finalHash: string;
  /** Each quarter's state hash (a QuarterRecord's `hash`), in order; only a prefix is stored. */
  checkpoints: readonly string[];
  branch?: Branch | null;
}

/** A decoded code: its header and its command log. */
export interface Replay extends ReplayHeader {
  log: Command[];
}

export type ReplayStatus =
  | 'valid'
  | 'unknown-format'
  | 'corrupted'
  | 'wrong-version'
  | 'unknown-level'
  | 'wrong-level-version'
  | 'tampered'
  | 'illegal-command';

export const REPLAY_STATUSES: readonly ReplayStatus[] = [
  'valid',
  'unknown-format',
  'corrupted',
  'wrong-version',
  'unknown-level',
  'wrong-level-version',
  'tampered',
  'illegal-command',
];

/**
 * Why a code was refused, as data (the view words it in the player's language; `message` stays
 * the English one-liner for the command line and the CSV). Every refusal carries one.
 */
export type RefusalReason =
  // unknown-format
  | { kind: 'not-text' }
  | { kind: 'empty' }
  | { kind: 'not-a-code'; shown: string }
  | { kind: 'other-format'; format: number; ours: number }
  | { kind: 'older-format'; format: number; ours: number }
  // corrupted
  | { kind: 'too-long'; chars: number }
  | { kind: 'bad-characters' }
  | { kind: 'cannot-unpack' }
  | { kind: 'too-short' }
  | { kind: 'checksum' }
  | { kind: 'malformed' }
  | { kind: 'bad-setup'; company: string; seed: number }
  | { kind: 'unreadable' }
  | { kind: 'non-canonical' }
  | { kind: 'too-many-quarters'; quarters: number; max: number }
  | { kind: 'too-many-commands'; commands: number; quarters: number; max: number }
  // wrong-version, unknown-level, wrong-level-version
  | { kind: 'other-rules'; code: number; ours: number }
  | { kind: 'unknown-level'; level: string }
  | { kind: 'other-level-version'; level: string; code: number; ours: number }
  // tampered (turn: the quarter index; quarter: its label)
  | { kind: 'diverged'; turn: number; quarter: string }
  | { kind: 'extra-quarters'; turn: number; quarter: string; recorded: number }
  | { kind: 'missing-quarters'; turn: number; quarter: string; recorded: number; played: number }
  | { kind: 'final-hash'; turn: number; quarter: string }
  // illegal-command (n: 1-based position in a log of `total` commands)
  | {
      kind: 'illegal';
      n: number;
      total: number;
      commandType: CommandType;
      turn: number;
      quarter: string;
      rejection: Rejection['code'];
    };

export type RefusalKind = RefusalReason['kind'];

/** The reasons each refused status can carry (a unit test words every one in both languages). */
export const REFUSAL_KINDS: Readonly<Record<Exclude<ReplayStatus, 'valid'>, readonly RefusalKind[]>> = {
  'unknown-format': ['not-text', 'empty', 'not-a-code', 'other-format', 'older-format'],
  corrupted: [
    'too-long',
    'bad-characters',
    'cannot-unpack',
    'too-short',
    'checksum',
    'malformed',
    'bad-setup',
    'unreadable',
    'non-canonical',
    'too-many-quarters',
    'too-many-commands',
  ],
  'wrong-version': ['other-rules'],
  'unknown-level': ['unknown-level'],
  'wrong-level-version': ['other-level-version'],
  tampered: ['diverged', 'extra-quarters', 'missing-quarters', 'final-hash'],
  'illegal-command': ['illegal'],
};

export type VerifyOutcome =
  | {
      status: 'valid';
      message: string;
      replay: Replay;
      state: GameState;
      /** null when the code was exported before the game ended. */
      ending: Ending | null;
      /** The final score, or the founders' equity at today's mark for an unfinished game. */
      score: number;
      finalHash: string;
    }
  | {
      /** Refused before re-simulation; `header` is there when the code could be read that far. */
      status: 'unknown-format' | 'corrupted' | 'wrong-version' | 'unknown-level' | 'wrong-level-version';
      message: string;
      reason: RefusalReason;
      header?: ReplayHeader;
    }
  | {
      status: 'tampered';
      message: string;
      reason: RefusalReason;
      replay: Replay;
      /** The turn (quarter index) whose checkpoint first differs, or the last turn when only the final hash does. */
      turn: number;
      quarter: string;
    }
  | {
      status: 'illegal-command';
      message: string;
      reason: RefusalReason;
      replay: Replay;
      /** Index of the rejected command in the log (0-based). */
      index: number;
      commandType: CommandType;
      rejection: Rejection;
      turn: number;
      quarter: string;
    };

/** A level by id, or undefined (e.g. `findLevel` from ./levels). */
export type LevelLookup = (id: string) => Level | undefined;

// ---------------------------------------------------------------------------------------------
// Bytes

class Writer {
  private buf = new Uint8Array(256);
  private n = 0;

  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.n + k) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.buf.subarray(0, this.n));
    this.buf = bigger;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.n++] = b & 0xff;
  }

  bytes(bs: Uint8Array): void {
    this.room(bs.length);
    this.buf.set(bs, this.n);
    this.n += bs.length;
  }

  /** Unsigned integer up to 2^53, 7 bits a byte. */
  varint(v: number): void {
    if (!Number.isSafeInteger(v) || v < 0) throw new Error(`replay code: cannot store ${v} as a varint`);
    while (v >= 0x80) {
      this.byte((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.byte(v);
  }

  str(s: string): void {
    const b = UTF8.encode(s);
    this.varint(b.length);
    this.bytes(b);
  }

  hex(h: string): void {
    if (!/^[0-9a-f]*$/.test(h)) throw new Error(`replay code: "${h}" is not a lowercase hex digest`);
    this.varint(h.length);
    for (let i = 0; i < h.length; i += 2)
      this.byte(Number.parseInt(h[i + 1] ? h.slice(i, i + 2) : `${h[i]}0`, 16));
  }

  /** A number: integers and 2- or 4-decimal values as a tagged varint, anything else as float64. */
  num(x: number): void {
    for (let tag = 0; tag < 3; tag++) {
      const scale = SCALES[tag]!;
      const m = Math.round(x * scale);
      if (Math.abs(m) < NUM_LIMIT && m / scale === x && !Object.is(x, -0)) {
        this.varint((m >= 0 ? m * 2 : -m * 2 - 1) * 4 + tag);
        return;
      }
    }
    this.varint(3);
    const f = new DataView(new ArrayBuffer(8));
    f.setFloat64(0, x, true);
    this.bytes(new Uint8Array(f.buffer));
  }

  done(): Uint8Array {
    return this.buf.slice(0, this.n);
  }
}

const SCALES = [1, 100, 10_000] as const;
const NUM_LIMIT = 2 ** 49;
const UTF8 = new TextEncoder();
// ignoreBOM: a name's leading U+FEFF is kept, so decoding gives back exactly what was encoded.
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Thrown by Reader on malformed data; caught at the decoder's boundary. */
class Malformed extends Error {}

class Reader {
  pos = 0;
  constructor(private readonly buf: Uint8Array) {}

  get left(): number {
    return this.buf.length - this.pos;
  }

  byte(): number {
    if (this.pos >= this.buf.length) throw new Malformed('the code ends too soon');
    return this.buf[this.pos++]!;
  }

  take(k: number): Uint8Array {
    if (k > this.left) throw new Malformed('the code ends too soon');
    const out = this.buf.subarray(this.pos, this.pos + k);
    this.pos += k;
    return out;
  }

  varint(): number {
    let v = 0;
    let mul = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.byte();
      v += (b & 0x7f) * mul;
      if (b < 0x80) {
        if (!Number.isSafeInteger(v)) break;
        return v;
      }
      mul *= 0x80;
    }
    throw new Malformed('a number in the code is out of range');
  }

  count(max: number, what: string): number {
    const n = this.varint();
    if (n > max) throw new Malformed(`too many ${what} (${n})`);
    return n;
  }

  str(): string {
    const len = this.count(MAX_STRING_BYTES, 'bytes in a name');
    try {
      return UTF8_STRICT.decode(this.take(len));
    } catch (e) {
      if (e instanceof Malformed) throw e;
      throw new Malformed('a name in the code is not valid text');
    }
  }

  hex(): string {
    const digits = this.count(64, 'hex digits');
    const bytes = this.take(Math.ceil(digits / 2));
    let out = '';
    for (const b of bytes) out += b.toString(16).padStart(2, '0');
    return out.slice(0, digits);
  }

  num(): number {
    const v = this.varint();
    const tag = v % 4;
    if (tag === 3) {
      if (v !== 3) throw new Malformed('a number in the code is malformed');
      const b = this.take(8);
      return new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, true);
    }
    const z = Math.floor(v / 4);
    const m = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    return m / SCALES[tag]!;
  }

  index<T>(list: readonly T[], what: string): T {
    const i = this.byte();
    const v = list[i];
    if (v === undefined) throw new Malformed(`unknown ${what} #${i}`);
    return v;
  }
}

// CRC-32 (IEEE), to tell a damaged code from an edited one.
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// base64url without padding.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) t[B64.charCodeAt(i)] = i;
  return t;
})();

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[v >>> 18]! + B64[(v >>> 12) & 63]! + B64[(v >>> 6) & 63]! + B64[v & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const v = bytes[i]! << 16;
    out += B64[v >>> 18]! + B64[(v >>> 12) & 63]!;
  } else if (rest === 2) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += B64[v >>> 18]! + B64[(v >>> 12) & 63]! + B64[(v >>> 6) & 63]!;
  }
  return out;
}

/** The bytes of a base64url string (no padding), or null if it is not one. */
export function fromBase64Url(s: string): Uint8Array | null {
  if (s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? B64_INDEX[c]! : -1;
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >>> bits) & 0xff;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Commands

// The tag byte of each command type: part of the code format, so this order never changes (a
// new command type goes at the end).
const TAGS: readonly CommandType[] = [
  'plan/set-spend',
  'plan/set-split',
  'plan/set-api-price',
  'people/set',
  'money/open-round',
  'money/cancel-round',
  'money/accept-offer',
  'money/decline-offer',
  'event/answer',
  'quarter/end',
];

function enumIndex<T extends string>(list: readonly T[], v: T, what: string): number {
  const i = list.indexOf(v);
  if (i < 0) throw new Error(`replay code: unknown ${what} "${String(v)}"`);
  return i;
}

/** How ids are written: short forms against the level where they fit, else the string table. */
interface IdCodec {
  level: Level;
  /** quarterLabel(level, t) → t, for the turns an event can come up in. */
  turns: Map<string, number>;
  cardIndex: Map<string, number>;
}

function idCodec(level: Level): IdCodec {
  const turns = new Map<string, number>();
  for (let t = 0; t < level.quarters + 8; t++) turns.set(quarterLabel(level, t), t);
  const cardIndex = new Map<string, number>();
  level.events.cards.forEach((c, i) => {
    if (!cardIndex.has(c.id)) cardIndex.set(c.id, i);
  });
  return { level, turns, cardIndex };
}

const OFFER_ID = /^acq-(0|[1-9]\d{0,8})$/;

function writeCommand(w: Writer, c: Command, ids: IdCodec, strId: (s: string) => number): void {
  w.byte(enumIndex(TAGS, c.type, 'command type'));
  switch (c.type) {
    case 'plan/set-spend':
      w.num(c.amount);
      return;
    case 'plan/set-split':
      w.num(c.pretrainingBp);
      for (const m of APP_MARKETS) w.num(c.appWeights[m]);
      return;
    case 'plan/set-api-price':
      w.byte(enumIndex(PRICING_MODES, c.mode, 'pricing mode') | (c.price === undefined ? 0 : 8));
      if (c.price !== undefined) w.num(c.price);
      return;
    case 'people/set': {
      let flags = 0;
      ROLES.forEach((r, i) => {
        if (c.hires?.[r] !== undefined) flags |= 1 << i;
      });
      if (c.hires !== undefined) flags |= 8;
      if (c.payLevel !== undefined) flags |= 16;
      if (c.intensity !== undefined) flags |= 32;
      w.byte(flags);
      for (const r of ROLES) {
        const v = c.hires?.[r];
        if (v !== undefined) w.num(v);
      }
      if (c.payLevel !== undefined) w.byte(enumIndex(PAY_LEVELS, c.payLevel, 'pay level'));
      if (c.intensity !== undefined) w.byte(enumIndex(INTENSITIES, c.intensity, 'work intensity'));
      return;
    }
    case 'money/open-round':
      w.num(c.target);
      return;
    case 'money/accept-offer':
    case 'money/decline-offer': {
      const m = OFFER_ID.exec(c.offerId);
      if (m) w.varint(Number(m[1]) + 1);
      else {
        w.varint(0);
        w.varint(strId(c.offerId));
      }
      return;
    }
    case 'event/answer': {
      const at = c.eventId.lastIndexOf('@');
      const ci = at > 0 ? ids.cardIndex.get(c.eventId.slice(0, at)) : undefined;
      const turn = at > 0 ? ids.turns.get(c.eventId.slice(at + 1)) : undefined;
      const choice =
        ci === undefined ? -1 : ids.level.events.cards[ci]!.choices.findIndex((x) => x.id === c.choiceId);
      if (ci !== undefined && turn !== undefined && choice >= 0) {
        w.varint(ci + 1);
        w.varint(turn);
        w.varint(choice);
      } else {
        w.varint(0);
        w.varint(strId(c.eventId));
        w.varint(strId(c.choiceId));
      }
      return;
    }
    case 'money/cancel-round':
    case 'quarter/end':
      return;
  }
}

function readCommand(r: Reader, strings: readonly string[], level: Level): Command {
  const type = r.index(TAGS, 'command type');
  const str = () => {
    const i = r.varint();
    const s = strings[i];
    if (s === undefined) throw new Malformed(`a command names id #${i}, which the code does not hold`);
    return s;
  };
  switch (type) {
    case 'plan/set-spend':
      return { type, amount: r.num() };
    case 'plan/set-split': {
      const pretrainingBp = r.num();
      const w = {} as Record<AppMarket, number>;
      for (const m of APP_MARKETS) w[m] = r.num();
      return { type, pretrainingBp, appWeights: w };
    }
    case 'plan/set-api-price': {
      const b = r.byte();
      if (b & ~15) throw new Malformed('a pricing command is malformed');
      const mode: PricingMode | undefined = PRICING_MODES[b & 7];
      if (mode === undefined) throw new Malformed(`unknown pricing mode #${b & 7}`);
      return b & 8 ? { type, mode, price: r.num() } : { type, mode };
    }
    case 'people/set': {
      const flags = r.byte();
      if (flags & ~63 || (flags & 7 && !(flags & 8))) throw new Malformed('a people command is malformed');
      const cmd: {
        type: 'people/set';
        hires?: Partial<Record<Role, number>>;
        payLevel?: PayLevel;
        intensity?: Intensity;
      } = { type };
      if (flags & 8) {
        const hires: Partial<Record<Role, number>> = {};
        ROLES.forEach((role, i) => {
          if (flags & (1 << i)) hires[role] = r.num();
        });
        cmd.hires = hires;
      }
      if (flags & 16) cmd.payLevel = r.index(PAY_LEVELS, 'pay level');
      if (flags & 32) cmd.intensity = r.index(INTENSITIES, 'work intensity');
      return cmd;
    }
    case 'money/open-round':
      return { type, target: r.num() };
    case 'money/cancel-round':
    case 'quarter/end':
      return { type };
    case 'money/accept-offer':
    case 'money/decline-offer': {
      const k = r.varint();
      return { type, offerId: k === 0 ? str() : `acq-${k - 1}` };
    }
    case 'event/answer': {
      const k = r.varint();
      if (k === 0) return { type, eventId: str(), choiceId: str() };
      const card = level.events.cards[k - 1];
      if (!card)
        throw new Malformed(`an event answer names card #${k - 1}, which level "${level.id}" does not have`);
      const turn = r.varint();
      if (turn >= level.quarters + 8) throw new Malformed(`an event answer names turn ${turn}`);
      const choice = card.choices[r.varint()];
      if (!choice) throw new Malformed(`an event answer names a choice card "${card.id}" does not have`);
      return { type, eventId: `${card.id}@${quarterLabel(level, turn)}`, choiceId: choice.id };
    }
  }
}

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

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** What a code says about its game before its commands are read. */
export interface ReplayHeader {
  /** The code format (REPLAY_FORMAT). */
  format: number;
  rulesVersion: number;
  levelId: string;
  levelVersion: number;
  seed: number;
  company: string;
  finalHash: string;
  /** The stored checkpoint prefixes (CHECKPOINT_HEX hex digits each), one per quarter played. */
  checkpoints: string[];
  branch: Branch | null;
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
function levelFor(
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

// ---------------------------------------------------------------------------------------------
// From a game, and back

/** The replay input of a game in progress or ended: its setup, log, hashes and (for a fork) branch. */
export function replayOfGame(
  state: GameState,
  log: readonly Command[],
  branch: Branch | null = null,
): ReplayInput {
  return {
    rulesVersion: state.rulesVersion,
    levelId: state.levelId,
    levelVersion: state.levelVersion,
    seed: state.seed,
    company: state.playerId,
    log,
    finalHash: hashState(state),
    checkpoints: state.history.map((h) => h.hash),
    branch,
  };
}

/** The replay code of a game (shorthand for encodeReplay(replayOfGame(…), level)). */
export function replayCodeOf(
  level: Level,
  state: GameState,
  log: readonly Command[],
  branch: Branch | null = null,
): string {
  return encodeReplay(replayOfGame(state, log, branch), level);
}

function quarterName(level: Level, turn: number): string {
  try {
    return quarterLabel(level, turn);
  } catch {
    return `quarter ${turn + 1}`;
  }
}

/**
 * A verification run a few commands at a time, so that a page can hand control back to the event
 * loop between steps however long the code (verifyClass does). Never throws.
 */
export interface Verification {
  /** Re-simulates up to `commands` more commands: the outcome once it is known, else null. */
  step(commands: number): VerifyOutcome | null;
}

/** Starts verifying a code already decoded (one refused while decoding is answered at once). */
export function startVerification(d: DecodeResult, getLevel: LevelLookup): Verification {
  if (!d.ok) {
    const refused: VerifyOutcome = d.header
      ? { status: d.status, message: d.message, reason: d.reason, header: d.header }
      : { status: d.status, message: d.message, reason: d.reason };
    return { step: () => refused };
  }
  return startReplay(d.replay, getLevel);
}

/** Runs a verification to its end in one go. */
function finish(v: Verification): VerifyOutcome {
  for (;;) {
    const outcome = v.step(Number.POSITIVE_INFINITY);
    if (outcome) return outcome;
  }
}

/** Re-simulates a decoded replay against its level. Never throws. */
export function verifyDecoded(replay: Replay, getLevel: LevelLookup): VerifyOutcome {
  return finish(startReplay(replay, getLevel));
}

function startReplay(replay: Replay, getLevel: LevelLookup): Verification {
  const header = headerOf(replay);
  let run: ((commands: number) => VerifyOutcome | null) | null = null;
  let outcome: VerifyOutcome | null = null;
  return {
    step(commands) {
      if (outcome) return outcome;
      try {
        if (!run) {
          const checked = levelFor(header, getLevel);
          if (!checked.ok) {
            outcome = { status: checked.status, message: checked.message, reason: checked.reason, header };
            return outcome;
          }
          run = resimulation(replay, checked.level);
        }
        outcome = run(commands);
      } catch (e) {
        outcome = {
          status: 'corrupted',
          message: `the replay cannot be re-simulated (${errorText(e)})`,
          reason: { kind: 'unreadable' },
          header,
        };
      }
      return outcome;
    },
  };
}

function headerOf(r: Replay): ReplayHeader {
  const { format, rulesVersion, levelId, levelVersion, seed, company, finalHash, checkpoints, branch } = r;
  return { format, rulesVersion, levelId, levelVersion, seed, company, finalHash, checkpoints, branch };
}

/** The re-simulation of a replay, as a function that goes on for up to `commands` more commands. */
function resimulation(replay: Replay, level: Level): (commands: number) => VerifyOutcome | null {
  const created = createGame(level, replay.seed, replay.company);
  if (!created.ok) {
    const bad: VerifyOutcome = {
      status: 'corrupted',
      message: `the code's setup is impossible: ${created.error.message}`,
      reason: { kind: 'bad-setup', company: replay.company, seed: replay.seed },
      header: headerOf(replay),
    };
    return () => bad;
  }
  let state = created.state;
  let i = 0;
  type Detail =
    | { kind: 'diverged' }
    | { kind: 'extra-quarters'; recorded: number }
    | { kind: 'missing-quarters'; recorded: number; played: number }
    | { kind: 'final-hash' };
  const tampered = (turn: number, why: string, detail: Detail): VerifyOutcome => {
    const quarter = quarterName(level, turn);
    return {
      status: 'tampered',
      message: `the re-simulation diverged in ${quarter}: ${why}`,
      reason: { ...detail, turn, quarter },
      replay,
      turn,
      quarter,
    };
  };
  // A quarter's checkpoint: its hash must match the code's; a mismatch stops the fold.
  let diverged: VerifyOutcome | null = null;
  const onQuarter = (t: number, after: GameState): boolean => {
    const expect = replay.checkpoints[t];
    if (expect === undefined) {
      diverged = tampered(
        t,
        `the code records ${replay.checkpoints.length} quarters but its commands play more`,
        { kind: 'extra-quarters', recorded: replay.checkpoints.length },
      );
      return false;
    }
    const got = after.history[t]!.hash.slice(0, expect.length);
    if (got === expect) return true;
    diverged = tampered(t, `the state at its end should hash to ${expect}…, not ${got}…`, {
      kind: 'diverged',
    });
    return false;
  };
  const hooks = { onQuarter };
  return (commands) => {
    const r = foldLog(level, state, replay.log, hooks, { from: i, to: i + commands });
    state = r.state;
    if (!r.ok) {
      i = r.index;
      const cmd = r.command;
      const quarter = quarterName(level, r.state.turn);
      return {
        status: 'illegal-command',
        message: `command ${r.index + 1} of ${replay.log.length} (${cmd.type}, in ${quarter}) is not allowed: ${r.error.message}`,
        reason: {
          kind: 'illegal',
          n: r.index + 1,
          total: replay.log.length,
          commandType: cmd.type,
          turn: r.state.turn,
          quarter,
          rejection: r.error.code,
        },
        replay,
        index: r.index,
        commandType: cmd.type,
        rejection: r.error,
        turn: r.state.turn,
        quarter,
      };
    }
    i = r.next;
    if (diverged) return diverged;
    if (i < replay.log.length) return null;
    const played = state.history.length;
    if (played < replay.checkpoints.length)
      return tampered(
        Math.max(0, played),
        `the code records ${replay.checkpoints.length} quarters but its commands play only ${played}`,
        { kind: 'missing-quarters', recorded: replay.checkpoints.length, played },
      );
    const finalHash = hashState(state);
    if (finalHash !== replay.finalHash)
      return tampered(
        state.ending ? state.ending.turn : state.turn,
        `every quarter matches but the final state hashes to ${finalHash}, not ${replay.finalHash}`,
        { kind: 'final-hash' },
      );
    const score = scoreOf(level, state);
    const ending = state.ending;
    const me = playerOf(state);
    const summary = ending
      ? `${me.id}: ${ending.kind} in ${quarterName(level, ending.turn)}, score ${score}`
      : `${me.id}: unfinished at ${quarterName(level, state.turn)}, equity ${score}`;
    return {
      status: 'valid',
      message: `valid — ${summary} (${level.id} v${level.version}, seed ${replay.seed}, ${replay.log.length} commands)`,
      replay,
      state,
      ending,
      score,
      finalHash,
    };
  };
}

/** The outcome of a code already decoded (or refused while decoding). Never throws. */
export function verifyDecodeResult(d: DecodeResult, getLevel: LevelLookup): VerifyOutcome {
  return finish(startVerification(d, getLevel));
}

/** Decodes and re-simulates a replay code. Never throws; every input ends in one of REPLAY_STATUSES. */
export function verifyReplay(code: string, getLevel: LevelLookup): VerifyOutcome {
  return verifyDecodeResult(decodeReplay(code, getLevel), getLevel);
}
