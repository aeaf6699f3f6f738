// Replay codes, the format's constants and types: what a code holds, the outcomes of verifying
// one and the named reasons a code is refused (see ../replay-code.ts for the format itself).

import type { Level } from '../../engine/level';
import type { Command, CommandType, Ending, GameState, Rejection } from '../../engine/types';

/**
 * The newest code format this module writes and reads. Format 3 is format 2 with one more command,
 * game/play-on (its tag follows format 2's last); everything else is laid out the same.
 */
export const REPLAY_FORMAT = 3;
/**
 * The oldest format it reads. A code is written in the oldest format that holds its log (formatFor):
 * format 2 for a game that never played on — byte for byte the code builds of format 2 wrote, so
 * they read it still — and format 3 for one that did, which a format-2 build refuses by name
 * (`other-format`) rather than calling it damaged.
 */
export const OLDEST_REPLAY_FORMAT = 2;
/** The prefix of the newest format's codes. */
export const REPLAY_PREFIX = prefixOf(REPLAY_FORMAT);

/** A format's prefix: "ST2.", "ST3.". */
export function prefixOf(format: number): string {
  return `ST${format}.`;
}

/** The format a log is written in: the oldest that has every command it holds. */
export function formatFor(log: readonly Command[]): number {
  return log.some((c) => c.type === 'game/play-on') ? 3 : 2;
}
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
export const HEADER_BYTES = 4_096;
export const MAX_PAYLOAD_BYTES = 1 << 20;
export const MAX_STRING_BYTES = 1_000;

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
  | { kind: 'other-format'; format: number; oldest: number; ours: number }
  | { kind: 'older-format'; format: number; oldest: number; ours: number }
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

/** What a code says about its game before its commands are read. */
export interface ReplayHeader {
  /** The code format (OLDEST_REPLAY_FORMAT to REPLAY_FORMAT). */
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
