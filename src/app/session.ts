// The session: one game being played. Every change goes through the engine's applyCommand; the
// session keeps the command log (the replay record), tells subscribers about new states, and
// offers undo within the current quarter. Undo never crosses a barrier: the end of a quarter, a
// card whose answer revealed a hidden outcome (a key person stayed or left), the end of the game,
// or playing on after made it (the made-it ending is not taken back by undo).

import { applyCommand, createGame, hashState } from '../engine/index';
import type { Level } from '../engine/level';
import type { Command, CommandResult, GameState, Rejection } from '../engine/types';
import type { Fork } from './fork';
import { getLevel } from './levels';
import type { Branch } from './replay-code';

/** What a game is started from: with the command log, everything a replay needs. */
export interface GameSetup {
  levelId: string;
  seed: number;
  company: string;
  /** For a game forked from another's replay: where it branched off (kept in saves and codes). */
  branch?: Branch | null;
}

export type SessionListener = (session: Session) => void;

export type ReplayResult =
  | { ok: true; session: Session }
  | { ok: false; reason: 'setup'; message: string }
  | { ok: false; reason: 'rejected'; index: number; error: Rejection };

/** Whether the last answer revealed a hidden outcome (the luck it drew must not be taken back). */
function revealedOutcome(after: GameState): boolean {
  return after.answered[after.answered.length - 1]?.outcome !== undefined;
}

export class Session {
  readonly level: Level;
  readonly setup: GameSetup;
  /** Where this game was forked from another (its replay code records it), or null. */
  readonly branch: Branch | null;
  private current: GameState;
  private readonly commands: Command[] = [];
  /** States before each command that may still be undone, oldest first. */
  private undoStates: GameState[] = [];
  private readonly listeners = new Set<SessionListener>();
  /** The quarter's end worked out ahead (quarterEndAhead), and the state it was worked out from. */
  private endAhead: { before: GameState; result: CommandResult } | null = null;

  private constructor(level: Level, setup: GameSetup, initial: GameState, branch: Branch | null = null) {
    this.level = level;
    this.setup = { ...setup };
    this.current = initial;
    this.branch = branch ? { ...branch } : null;
  }

  /** A new game; throws on an unknown level and reports a bad seed or company as an error. */
  static start(setup: GameSetup): { ok: true; session: Session } | { ok: false; message: string } {
    let level: Level;
    try {
      level = getLevel(setup.levelId);
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    const created = createGame(level, setup.seed, setup.company);
    if (!created.ok) return { ok: false, message: created.error.message };
    return { ok: true, session: new Session(level, setup, created.state, setup.branch ?? null) };
  }

  /**
   * A game forked from a replay: it stands where the fork starts, its log is the kept part of the
   * original's, and it carries the branch record. Nothing before the fork can be undone.
   */
  static fromFork(fork: Fork): Session {
    const { state } = fork;
    const setup = { levelId: state.levelId, seed: state.seed, company: state.playerId };
    const session = new Session(fork.level, setup, state, fork.branch);
    session.commands.push(...fork.log);
    return session;
  }

  /** Rebuilds a session by folding the engine over a command log; any rejection is reported. */
  static replay(setup: GameSetup, log: readonly Command[], branch: Branch | null = null): ReplayResult {
    const started = Session.start(setup);
    if (!started.ok) return { ok: false, reason: 'setup', message: started.message };
    const session = branch
      ? new Session(started.session.level, setup, started.session.state, branch)
      : started.session;
    for (let i = 0; i < log.length; i++) {
      const r = session.apply(log[i]!);
      if (!r.ok) return { ok: false, reason: 'rejected', index: i, error: r.error };
    }
    return { ok: true, session };
  }

  get state(): GameState {
    return this.current;
  }

  /** A copy of the command log. */
  get log(): Command[] {
    return this.commands.slice();
  }

  get logLength(): number {
    return this.commands.length;
  }

  hash(): string {
    return hashState(this.current);
  }

  /** Applies a command; on success logs it and notifies subscribers. A rejection changes nothing. */
  dispatch(cmd: Command): CommandResult {
    const r = this.apply(cmd);
    if (r.ok) this.notify();
    return r;
  }

  private apply(cmd: Command): CommandResult {
    const before = this.current;
    const ahead = this.endAhead;
    const r =
      cmd.type === 'quarter/end' && ahead?.before === before
        ? ahead.result
        : applyCommand(this.level, before, cmd);
    if (!r.ok) return r;
    this.current = r.state;
    this.commands.push(cmd);
    const barrier =
      cmd.type === 'quarter/end' ||
      cmd.type === 'game/play-on' ||
      r.state.ending !== null ||
      (cmd.type === 'event/answer' && revealedOutcome(r.state));
    if (barrier) this.undoStates = [];
    else this.undoStates.push(before);
    return r;
  }

  /**
   * The state ending the quarter now leads to (null if the engine refuses), worked out once per
   * state: the results screen is built from it while the player still plans, and ending the
   * quarter from this very state then takes this very result (the engine is deterministic).
   */
  quarterEndAhead(): GameState | null {
    const before = this.current;
    if (this.endAhead?.before !== before)
      this.endAhead = { before, result: applyCommand(this.level, before, { type: 'quarter/end' }) };
    return this.endAhead.result.ok ? this.endAhead.result.state : null;
  }

  canUndo(): boolean {
    return this.undoStates.length > 0 && this.current.ending === null;
  }

  /** Takes back the last command of this quarter; false when nothing can be undone. */
  undo(): boolean {
    if (!this.canUndo()) return false;
    this.current = this.undoStates.pop()!;
    this.commands.pop();
    this.notify();
    return true;
  }

  subscribe(fn: SessionListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private notify(): void {
    for (const fn of this.listeners) fn(this);
  }
}
