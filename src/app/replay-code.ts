// Replay codes: a whole game in a short, URL-safe string, and its verification by re-simulation.
//
//   ST2.<base64url, no padding, of deflate-raw(payload)>   (or ST3.)
//
// "ST2." names the code format (format 2); "ST3." format 3, the same layout with one more command
// tag (game/play-on, tag 10). A code is written in the oldest format that holds its log: a game that
// never played on gets the format-2 code earlier builds wrote and still read; one that played on
// gets format 3, which a format-2 build refuses by name. Both are read here. The payload is a
// small binary record:
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
// A format-2 code holding tag 10 is damaged (format 2 has no such tag), and a format-3 code whose
// log would fit format 2 is non-canonical (the game writes that log as format 2).
//
// Pure and browser-safe: no node: imports. Decoding and verifying never throw.
//
// The code lives in ./replay/: format.ts (constants, types, statuses and refusals), bytes.ts
// (bytes, varints, CRC-32, base64url), commands.ts (the command codec), header.ts (reading the
// header, bounded) with unpack.ts (the bounded unpacking), codec.ts (encoding, decoding and the
// canonical check) and verify.ts (re-simulation). This module is their public face: import from
// here.

export { fromBase64Url, toBase64Url } from './replay/bytes';
export type { DecodeResult } from './replay/codec';
export { decodeReplay, encodeReplay } from './replay/codec';
export type {
  Branch,
  LevelLookup,
  RefusalKind,
  RefusalReason,
  Replay,
  ReplayHeader,
  ReplayInput,
  ReplayStatus,
  VerifyOutcome,
} from './replay/format';
export {
  CHECKPOINT_HEX,
  formatFor,
  MAX_CODE_CHARS,
  MAX_COMMANDS_PER_QUARTER,
  MAX_INPUT_CHARS,
  MAX_QUARTERS,
  maxCommands,
  OLDEST_REPLAY_FORMAT,
  prefixOf,
  REFUSAL_KINDS,
  REPLAY_FORMAT,
  REPLAY_PREFIX,
  REPLAY_STATUSES,
} from './replay/format';
export type { HeaderResult } from './replay/header';
export { extractCode, readReplayHeader } from './replay/header';
export type { Verification } from './replay/verify';
export {
  replayCodeOf,
  replayOfGame,
  startVerification,
  verifyDecoded,
  verifyDecodeResult,
  verifyReplay,
} from './replay/verify';
