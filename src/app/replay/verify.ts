// Replay codes, verification: the replay input of a game, its code, and the re-simulation that
// checks a decoded code quarter by quarter (in steps, so a long code never blocks a page).

import type { FoldResult } from '../../engine/index';
import { createGame, foldLog, hashState, playedOn, playerOf, scoreOf } from '../../engine/index';
import type { Level } from '../../engine/level';
import { quarterLabel } from '../../engine/level';
import type { Command, GameState } from '../../engine/types';
import { type DecodeResult, decodeReplay, encodeReplay, levelFor } from './codec';
import type { Branch, LevelLookup, Replay, ReplayHeader, ReplayInput, VerifyOutcome } from './format';
import { errorText } from './header';

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
  const checkpoints = checkpointHook(replay, level);
  const hooks = { onQuarter: checkpoints.onQuarter };
  return (commands) => {
    const r = foldLog(level, state, replay.log, hooks, { from: i, to: i + commands });
    state = r.state;
    if (!r.ok) {
      i = r.index;
      return illegal(replay, level, r);
    }
    i = r.next;
    const diverged = checkpoints.diverged();
    if (diverged) return diverged;
    if (i < replay.log.length) return null;
    return atTheEnd(replay, level, state);
  };
}

type Detail =
  | { kind: 'diverged' }
  | { kind: 'extra-quarters'; recorded: number }
  | { kind: 'missing-quarters'; recorded: number; played: number }
  | { kind: 'final-hash' };

function tampered(replay: Replay, level: Level, turn: number, why: string, detail: Detail): VerifyOutcome {
  const quarter = quarterName(level, turn);
  return {
    status: 'tampered',
    message: `the re-simulation diverged in ${quarter}: ${why}`,
    reason: { ...detail, turn, quarter },
    replay,
    turn,
    quarter,
  };
}

/**
 * A quarter's checkpoint: its hash must match the code's; a mismatch stops the fold, and
 * `diverged()` then tells where.
 */
function checkpointHook(
  replay: Replay,
  level: Level,
): { onQuarter: (t: number, after: GameState) => boolean; diverged: () => VerifyOutcome | null } {
  let diverged: VerifyOutcome | null = null;
  const onQuarter = (t: number, after: GameState): boolean => {
    const expect = replay.checkpoints[t];
    if (expect === undefined) {
      diverged = tampered(
        replay,
        level,
        t,
        `the code records ${replay.checkpoints.length} quarters but its commands play more`,
        { kind: 'extra-quarters', recorded: replay.checkpoints.length },
      );
      return false;
    }
    const got = after.history[t]!.hash.slice(0, expect.length);
    if (got === expect) return true;
    diverged = tampered(replay, level, t, `the state at its end should hash to ${expect}…, not ${got}…`, {
      kind: 'diverged',
    });
    return false;
  };
  return { onQuarter, diverged: () => diverged };
}

/** A command the rules refuse. */
function illegal(replay: Replay, level: Level, r: Extract<FoldResult, { ok: false }>): VerifyOutcome {
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

/** Every command played: the quarters the code records, its final hash, and then the game's summary. */
function atTheEnd(replay: Replay, level: Level, state: GameState): VerifyOutcome {
  const played = state.history.length;
  if (played < replay.checkpoints.length)
    return tampered(
      replay,
      level,
      Math.max(0, played),
      `the code records ${replay.checkpoints.length} quarters but its commands play only ${played}`,
      { kind: 'missing-quarters', recorded: replay.checkpoints.length, played },
    );
  const finalHash = hashState(state);
  if (finalHash !== replay.finalHash)
    return tampered(
      replay,
      level,
      state.ending ? state.ending.turn : state.turn,
      `every quarter matches but the final state hashes to ${finalHash}, not ${replay.finalHash}`,
      { kind: 'final-hash' },
    );
  const score = scoreOf(level, state);
  const ending = state.ending;
  const me = playerOf(state);
  // A game that made it and played on says so: its ending is what came later.
  const madeIt = playedOn(state) ? ` (made it in ${quarterName(level, me.madeItTurn!)}, played on)` : '';
  const summary = ending
    ? `${me.id}: ${ending.kind} in ${quarterName(level, ending.turn)}${madeIt}, score ${score}`
    : `${me.id}: unfinished at ${quarterName(level, state.turn)}${madeIt}, equity ${score}`;
  return {
    status: 'valid',
    message: `valid — ${summary} (${level.id} v${level.version}, seed ${replay.seed}, ${replay.log.length} commands)`,
    replay,
    state,
    ending,
    score,
    finalHash,
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
