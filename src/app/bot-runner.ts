// Plays a whole game with a bot's `decide` running the player's company. Pure and synchronous: the
// bot is just a function here. Time limits (a bot that never returns) are the caller's business,
// since a loop on this thread cannot be interrupted from it: scripts/bot-host.ts runs this in a
// worker thread and watches each call through the hooks.
//
// Each quarter: decide(view) is called; its commands are applied in order, each through the engine's
// own validation (a refused one is recorded and play goes on); while an event card still waits it
// is called again, at most MAX_BOT_CALLS_PER_QUARTER times; then the runner ends the quarter.

import { applyCommand, createGame, quarterLabel } from '../engine/index';
import type { Level } from '../engine/level';
import type { Command, GameState } from '../engine/types';
import type { BotView } from './bot-api';
import { MAX_BOT_CALLS_PER_QUARTER, MAX_BOT_COMMANDS_PER_QUARTER } from './bot-api';
import { botView } from './bot-view';

/** A command the rules (or the runner) refused: play went on without it. */
export interface BotRejection {
  /** Quarter label, e.g. "2024Q2". */
  quarter: string;
  /** The command as the bot gave it (a JSON-safe copy). */
  command: unknown;
  /** The refusal's code, a colon and the reason, e.g. "insufficient-cash: spend 900 exceeds cash 800 (万元)". */
  reason: string;
}

/** Why a bot's game stopped before its end. */
export type BotFailureKind = 'threw' | 'bad-return' | 'unanswered-card';

export interface BotFailure {
  kind: BotFailureKind;
  turn: number;
  /** Quarter label. */
  quarter: string;
  /** The call of the quarter (1-based). */
  call: number;
  /** One line saying what happened, e.g. "decide() threw TypeError: x is undefined". */
  cause: string;
  /** The stack of what the bot threw, when it was an Error (for the caller to point at a line). */
  stack?: string;
}

export type BotGameResult =
  | { ok: true; state: GameState; log: Command[]; rejections: BotRejection[] }
  | { ok: false; failure: BotFailure; rejections: BotRejection[] };

/** Where the runner is: before each call of `decide` and after it returns (or throws). */
export interface BotCallHooks {
  enter?(turn: number, call: number): void;
  leave?(): void;
}

/** One line for a value a bot produced (never throws, whatever the value). */
export function describeThrown(e: unknown): string {
  try {
    if (e instanceof Error) return `${e.name}: ${e.message}`.replace(/\s*\n\s*/g, ' ');
    if (typeof e === 'string') return e.replace(/\s*\n\s*/g, ' ');
    return JSON.stringify(e) ?? typeof e;
  } catch {
    return typeof e;
  }
}

function stackOf(e: unknown): string | undefined {
  try {
    return e instanceof Error && typeof e.stack === 'string' ? e.stack : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The bot's command as plain data, read once: the engine validates and the log stores exactly what
 * was read, so a getter or a proxy cannot show the validation one thing and the game another.
 * Functions, symbols and big integers make no command (null: refused as malformed).
 */
function plainCopy(x: unknown, depth = 0): unknown {
  if (x === null || typeof x === 'string' || typeof x === 'boolean' || typeof x === 'number') return x;
  if (typeof x !== 'object' || depth > 4) return null;
  if (Array.isArray(x)) return x.slice(0, 16).map((v) => plainCopy(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(x).slice(0, 16)) {
    const v = plainCopy((x as Record<string, unknown>)[key], depth + 1);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

function safeCopy(x: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: plainCopy(x) };
  } catch (e) {
    return { ok: false, error: describeThrown(e) };
  }
}

type Returned =
  | { ok: true; commands: unknown[]; ignored: number; firstIgnored?: unknown }
  | { ok: false; cause: string };

/**
 * The first `room` commands of what decide returned (null and undefined: none), and how many were
 * left over. Reads the list once, guarded: a proxy or a getter that throws is the bot's failure.
 */
function readReturned(returned: unknown, room: number): Returned {
  if (returned === null || returned === undefined) return { ok: true, commands: [], ignored: 0 };
  try {
    if (!Array.isArray(returned)) {
      const what =
        typeof (returned as { then?: unknown }).then === 'function'
          ? 'a Promise (decide must return its commands directly: it may not be async)'
          : `a value of type ${typeof returned}`;
      return { ok: false, cause: `decide() returned ${what}, not a list of commands` };
    }
    const n = returned.length;
    const take = Math.min(n, Math.max(0, room));
    const commands: unknown[] = [];
    for (let i = 0; i < take; i++) commands.push(returned[i]);
    return take < n
      ? { ok: true, commands, ignored: n - take, firstIgnored: returned[take] }
      : { ok: true, commands, ignored: 0 };
  } catch (e) {
    return { ok: false, cause: `reading what decide() returned threw ${describeThrown(e)}` };
  }
}

/** One game, call by call: yields each view, takes what decide returned. */
export function* botGame(
  level: Level,
  seed: number,
  company: string,
): Generator<BotView, BotGameResult, { returned: unknown } | { threw: unknown }> {
  const created = createGame(level, seed, company);
  if (!created.ok) throw new Error(created.error.message);
  let state = created.state;
  const log: Command[] = [];
  const rejections: BotRejection[] = [];

  while (state.ending === null) {
    const turn = state.turn;
    const quarter = quarterLabel(level, turn);
    const fail = (kind: BotFailureKind, call: number, cause: string, stack?: string): BotGameResult => ({
      ok: false,
      failure: { kind, turn, quarter, call, cause, ...(stack ? { stack } : {}) },
      rejections,
    });
    const refuse = (command: unknown, reason: string) => rejections.push({ quarter, command, reason });
    let looked = 0;
    for (let call = 1; ; call++) {
      const answer = yield botView(level, state, call);
      if ('threw' in answer)
        return fail('threw', call, `decide() threw ${describeThrown(answer.threw)}`, stackOf(answer.threw));
      const read = readReturned(answer.returned, MAX_BOT_COMMANDS_PER_QUARTER - looked);
      if (!read.ok) return fail('bad-return', call, read.cause);
      const list = read.commands;
      for (const raw of list) {
        looked++;
        const copy = safeCopy(raw);
        if (!copy.ok) {
          refuse(null, `malformed: reading the command threw ${copy.error}`);
          continue;
        }
        const cmd = copy.value as Command;
        if (typeof cmd === 'object' && cmd !== null && cmd.type === 'quarter/end') {
          refuse(cmd, 'runner-ends-quarter: the runner ends each quarter itself; a bot may not');
          continue;
        }
        const r = applyCommand(level, state, cmd);
        if (!r.ok) {
          refuse(cmd, `${r.error.code}: ${r.error.message}`);
          continue;
        }
        state = r.state;
        log.push(cmd);
      }
      if (read.ignored > 0) {
        const first = safeCopy(read.firstIgnored);
        refuse(
          first.ok ? first.value : null,
          `too-many-commands: this and ${read.ignored - 1} more past the ${MAX_BOT_COMMANDS_PER_QUARTER} a quarter were ignored`,
        );
        looked = MAX_BOT_COMMANDS_PER_QUARTER;
      }
      if (state.ending !== null || state.pendingEvents.length === 0) break;
      if (call >= MAX_BOT_CALLS_PER_QUARTER) {
        const ids = state.pendingEvents.map((e) => `"${e.id}"`).join(', ');
        return fail('unanswered-card', call, `left event card ${ids} unanswered after ${call} calls`);
      }
    }
    if (state.ending !== null) break;
    const end: Command = { type: 'quarter/end' };
    const r = applyCommand(level, state, end);
    if (!r.ok) throw new Error(`bot runner: the quarter could not end: ${r.error.message}`);
    state = r.state;
    log.push(end);
  }
  return { ok: true, state, log, rejections };
}

/** Plays a whole game with `decide` (synchronously: a bot that loops blocks this thread). */
export function playBotGame(
  level: Level,
  seed: number,
  company: string,
  decide: (view: BotView) => unknown,
  hooks: BotCallHooks = {},
): BotGameResult {
  const game = botGame(level, seed, company);
  let step = game.next();
  while (!step.done) {
    const view = step.value;
    let answer: { returned: unknown } | { threw: unknown };
    hooks.enter?.(view.quarter.turn, view.quarter.call);
    try {
      answer = { returned: decide(view) };
    } catch (e) {
      answer = { threw: e };
    } finally {
      hooks.leave?.();
    }
    step = game.next(answer);
  }
  return step.value;
}
