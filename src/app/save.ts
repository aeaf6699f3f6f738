// The autosave: a versioned file holding the game's setup and command log (never the state: the
// state is rebuilt by replaying the log, and the saved hashes prove the rebuild is the same game).
//
// Format versions (SAVE_VERSION is the one written; every older one is read through MIGRATIONS):
//   1  setup (rules, level and its version, seed, company), command log, final hash, time saved.
//   2  adds `branch` (where a forked game branched off, null for a fresh game) and `checkpoints`
//      (the state hash after each quarter, so a save that no longer replays is named by the
//      first quarter that differs, and its replay stops there instead of running to the end).
// A save is read in three separate steps, each with its own named refusal: the format (JSON, a
// Six Tigers save, a version this game knows, each version's shape, then the migrations up to the
// current version), the rules (the rules and level versions it was played under) and the replay.
// A save that fails any step is moved aside to a backup key and reported; it never blocks a new
// game, and it is never dropped without a copy: if no backup can be written (storage full), the
// save stays where it is.

import { z } from 'zod';
import { RULES_VERSION } from '../engine/index';
import { quarterLabel } from '../engine/level';
import type { Command } from '../engine/types';
import { findLevel } from './levels';
import type { Branch } from './replay-code';
import { Session } from './session';
import type { KeyValueStore } from './storage';

export const SAVE_KEY = 'sixTigers.save';
export const BACKUP_PREFIX = 'sixTigers.save.backup.';
export const SAVE_FORMAT = 'six-tigers-save';
/** The format version this game writes. */
export const SAVE_VERSION = 2;
/** Copies kept of replaced or unreadable games (a save is about 5 kB). */
const MAX_BACKUPS = 10;
/** Far beyond any real game (a few hundred commands); keeps a hostile save from costing much. */
const MAX_COMMANDS = 100_000;

/** The current save file (format version 2). */
export interface SaveFile {
  format: typeof SAVE_FORMAT;
  version: typeof SAVE_VERSION;
  rulesVersion: number;
  levelId: string;
  levelVersion: number;
  seed: number;
  company: string;
  /** Where a forked game branched off; null for a game started fresh. */
  branch: Branch | null;
  log: Command[];
  /** State hash after each quarter played (QuarterRecord.hash); empty in saves migrated from v1. */
  checkpoints: string[];
  /** State hash after the last command: a replay must reach it. */
  hash: string;
  savedAt: string;
}

/** Why a save could not be restored; each has a player message `save.bad.<problem>` in i18n.ts. */
export type SaveProblem = 'unreadable' | 'future' | 'old' | 'unknown-level' | 'diverged';
export const SAVE_PROBLEMS: readonly SaveProblem[] = [
  'unreadable',
  'future',
  'old',
  'unknown-level',
  'diverged',
];

export type LoadOutcome =
  | { kind: 'none' }
  | {
      kind: 'ok';
      session: Session;
      /** The format version the save was read from. */
      from: number;
      /** The stored text it was read from (a tab compares it before its next write). */
      raw: string;
    }
  | {
      kind: 'bad';
      problem: SaveProblem;
      /** Where the bad save was copied to; null when no copy could be written (it then stays in place). */
      backupKey: string | null;
      detail: string;
    };

type Refusal = { ok: false; problem: SaveProblem; detail: string };
const refuse = (problem: SaveProblem, detail: string): Refusal => ({ ok: false, problem, detail });

// ---------------------------------------------------------------------------------------------
// The shape of each format version

const hex = z.string().regex(/^[0-9a-f]{1,64}$/, 'a hex hash');
/** A command is checked by the engine when it is replayed; here it only needs a type. Extra keys stay. */
const command = z.looseObject({ type: z.string() });

const saveV1 = z.object({
  format: z.literal(SAVE_FORMAT),
  version: z.literal(1),
  rulesVersion: z.number().int(),
  levelId: z.string().min(1).max(200),
  levelVersion: z.number().int(),
  seed: z.number(),
  company: z.string().max(200),
  log: z.array(command).max(MAX_COMMANDS),
  hash: hex,
  savedAt: z.string().max(200),
});
type SaveV1 = z.infer<typeof saveV1>;

const saveV2 = saveV1.extend({
  version: z.literal(2),
  branch: z.object({ parentHash: hex, turn: z.number().int().min(0) }).nullable(),
  checkpoints: z.array(hex).max(1_000),
});
type SaveV2 = z.infer<typeof saveV2>;

/** One step of the chain: reads a save of version `from` (checking its shape), writes version from + 1. */
interface Migration {
  from: number;
  schema: z.ZodType<unknown>;
  up: (save: never) => { version: number };
}

function migration<From>(from: number, schema: z.ZodType<From>, up: (save: From) => { version: number }) {
  return { from, schema, up } as Migration;
}

/**
 * The migration chain, one step per format version older than SAVE_VERSION, applied in order.
 * Adding version N + 1: write its schema, add the N → N + 1 step here, bump SAVE_VERSION, and store
 * fixture saves of version N first (scripts/save-fixtures.ts) so the tests load real old saves.
 */
export const MIGRATIONS: readonly Migration[] = [
  // v1 games were never forks (the v1 session had no branch), and v1 kept no per-quarter hashes:
  // an empty list means "not recorded", and the next autosave writes them.
  migration(1, saveV1, (s: SaveV1): SaveV2 => ({ ...s, version: 2, branch: null, checkpoints: [] })),
];

/** The schema of the current version (what the last migration produces and writeSave writes). */
const CURRENT = saveV2;

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function issues(error: z.ZodError): string {
  const shown = error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : '';
  return `${shown.join('; ')}${more}`;
}

/**
 * Brings a parsed save of any known format version up to the current one. Checks only the format:
 * whether the rules and level still match, and whether it replays, is restoreSave's business.
 */
export function migrateSave(
  data: unknown,
): { ok: true; save: SaveFile; from: number } | (Refusal & { problem: 'unreadable' | 'future' }) {
  if (!isObject(data) || data.format !== SAVE_FORMAT)
    return { ok: false, problem: 'unreadable', detail: 'not a Six Tigers save' };
  const from = data.version;
  if (typeof from !== 'number' || !Number.isSafeInteger(from) || from < 1)
    return {
      ok: false,
      problem: 'unreadable',
      detail: `format version ${JSON.stringify(from) ?? 'missing'}`,
    };
  if (from > SAVE_VERSION)
    return {
      ok: false,
      problem: 'future',
      detail: `save format ${from} is newer than this game's ${SAVE_VERSION}`,
    };
  let save: unknown = data;
  for (let v = from; v < SAVE_VERSION; v++) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (!step) return { ok: false, problem: 'unreadable', detail: `no migration from format ${v}` };
    const parsed = step.schema.safeParse(save);
    if (!parsed.success)
      return { ok: false, problem: 'unreadable', detail: `format ${v}: ${issues(parsed.error)}` };
    save = step.up(parsed.data as never);
  }
  const parsed = CURRENT.safeParse(save);
  if (!parsed.success)
    return { ok: false, problem: 'unreadable', detail: `format ${SAVE_VERSION}: ${issues(parsed.error)}` };
  return { ok: true, save: parsed.data as SaveFile, from };
}

// ---------------------------------------------------------------------------------------------
// Writing

export function saveFileOf(session: Session, savedAt: string): SaveFile {
  return {
    format: SAVE_FORMAT,
    version: SAVE_VERSION,
    rulesVersion: session.state.rulesVersion,
    levelId: session.setup.levelId,
    levelVersion: session.level.version,
    seed: session.setup.seed,
    company: session.setup.company,
    branch: session.branch ? { ...session.branch } : null,
    log: session.log,
    checkpoints: session.state.history.map((q) => q.hash),
    hash: session.hash(),
    savedAt,
  };
}

export function writeSave(
  store: KeyValueStore,
  session: Session,
  savedAt = new Date().toISOString(),
): boolean {
  return store.set(SAVE_KEY, JSON.stringify(saveFileOf(session, savedAt)));
}

export function clearSave(store: KeyValueStore): void {
  store.remove(SAVE_KEY);
}

// ---------------------------------------------------------------------------------------------
// Reading

const versionProblem = (saved: number, current: number): SaveProblem => (saved > current ? 'future' : 'old');

/** Replays a migrated save, checking each quarter against its checkpoint and the end against its hash. */
function replaySave(save: SaveFile): { ok: true; session: Session } | Refusal {
  const setup = { levelId: save.levelId, seed: save.seed, company: save.company, branch: save.branch };
  const started = Session.start(setup);
  if (!started.ok) return refuse('unreadable', `impossible setup: ${started.message}`);
  const session = started.session;
  const { checkpoints } = save;
  let checked = 0;
  for (let i = 0; i < save.log.length; i++) {
    const cmd = save.log[i]!;
    const r = session.dispatch(cmd);
    if (!r.ok) return refuse('diverged', `command ${i + 1} (${cmd.type}) refused: ${r.error.message}`);
    const quarters = session.state.history;
    for (; checked < quarters.length && checked < checkpoints.length; checked++)
      if (quarters[checked]!.hash !== checkpoints[checked])
        return refuse(
          'diverged',
          `${quarterLabel(session.level, checked)}: hash ${quarters[checked]!.hash} ≠ saved ${checkpoints[checked]}`,
        );
  }
  const played = session.state.history.length;
  if (checkpoints.length > 0 && checkpoints.length !== played)
    return refuse('diverged', `${checkpoints.length} quarter checkpoints saved, the replay played ${played}`);
  if (session.hash() !== save.hash) return refuse('diverged', `hash ${session.hash()} ≠ saved ${save.hash}`);
  return { ok: true, session };
}

/**
 * The first two steps of reading a save, without its replay: the format (migrated to the current
 * version), then the rules and level versions. Cheap enough to describe many stored saves.
 */
export function checkSave(raw: string): { ok: true; save: SaveFile; from: number } | Refusal {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return refuse('unreadable', 'not JSON');
  }
  const migrated = migrateSave(data);
  if (!migrated.ok) return migrated;
  const { save } = migrated;
  if (save.rulesVersion !== RULES_VERSION)
    return refuse(
      versionProblem(save.rulesVersion, RULES_VERSION),
      `rules ${save.rulesVersion}, this game plays rules ${RULES_VERSION}`,
    );
  const level = findLevel(save.levelId);
  if (!level) return refuse('unknown-level', `unknown level ${JSON.stringify(save.levelId)}`);
  if (level.version !== save.levelVersion)
    return refuse(
      versionProblem(save.levelVersion, level.version),
      `level ${level.id} version ${save.levelVersion}, this game has version ${level.version}`,
    );
  return migrated;
}

/**
 * Reads a stored save: its format (migrated to the current version), then its rules and level
 * versions, then its replay. Returns the session or a named problem; does not throw on any input.
 */
export function restoreSave(raw: string): { ok: true; session: Session; from: number } | Refusal {
  const checked = checkSave(raw);
  if (!checked.ok) return checked;
  const replayed = replaySave(checked.save);
  return replayed.ok ? { ok: true, session: replayed.session, from: checked.from } : replayed;
}

/**
 * Keeps a copy of a save (a bad one, or a game about to be replaced) under a backup key of its own
 * (a clash gets a suffix); older backups beyond a few are dropped, never the one just written nor
 * `keep` (a backup being restored). Null when the copy could not be stored.
 */
export function backUp(store: KeyValueStore, raw: string, stamp: string, keep?: string): string | null {
  const base = `${BACKUP_PREFIX}${stamp}`;
  let key = base;
  for (let n = 2; store.get(key) !== null && store.get(key) !== raw; n++) key = `${base}#${n}`;
  if (!store.set(key, raw) || store.get(key) !== raw) return null;
  const others = store
    .keys()
    .filter((k) => k.startsWith(BACKUP_PREFIX) && k !== key && k !== keep)
    .sort();
  for (const old of others.slice(0, Math.max(0, others.length - (MAX_BACKUPS - 1)))) store.remove(old);
  return key;
}

/**
 * Reads the autosave. A bad save is copied to a backup key and then removed, so the next start is
 * clean; if the copy cannot be written, the save is left where it is (a new game replaces it).
 */
export function readSave(store: KeyValueStore, stamp = new Date().toISOString()): LoadOutcome {
  const raw = store.get(SAVE_KEY);
  if (raw === null) return { kind: 'none' };
  let result: ReturnType<typeof restoreSave>;
  try {
    result = restoreSave(raw);
  } catch (e) {
    // A bug must not lock the player out: treat anything thrown as an unreadable save.
    result = refuse('unreadable', e instanceof Error ? e.message : String(e));
  }
  if (result.ok) return { kind: 'ok', session: result.session, from: result.from, raw };
  const backupKey = backUp(store, raw, stamp);
  if (backupKey !== null) store.remove(SAVE_KEY);
  return { kind: 'bad', problem: result.problem, backupKey, detail: result.detail };
}
