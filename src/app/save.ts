// The autosave: a versioned file holding the game's setup and command log (never the state: the
// state is rebuilt by replaying the log, and the saved hash proves the rebuild is the same game).
// A save that cannot be read, was made by other rules, or replays to another hash is moved aside
// to a backup key and reported; it never blocks a new game.

import { RULES_VERSION } from '../engine/index';
import type { Command } from '../engine/types';
import { findLevel } from './levels';
import type { Branch } from './replay-code';
import { Session } from './session';
import type { KeyValueStore } from './storage';

export const SAVE_KEY = 'sixTigers.save';
export const BACKUP_PREFIX = 'sixTigers.save.backup.';
export const SAVE_FORMAT = 'six-tigers-save';
export const SAVE_VERSION = 1;
const MAX_BACKUPS = 3;

export interface SaveFile {
  format: typeof SAVE_FORMAT;
  version: typeof SAVE_VERSION;
  rulesVersion: number;
  levelId: string;
  levelVersion: number;
  seed: number;
  company: string;
  log: Command[];
  /** State hash after the last command: a replay must reach it. */
  hash: string;
  savedAt: string;
  /** For a game forked from a replay: where it branched off (absent otherwise). */
  branch?: Branch;
}

/** Why a save could not be restored. */
export type SaveProblem = 'unreadable' | 'old' | 'diverged';

export type LoadOutcome =
  | { kind: 'none' }
  | { kind: 'ok'; session: Session }
  | { kind: 'bad'; problem: SaveProblem; backupKey: string | null; detail: string };

export function saveFileOf(session: Session, savedAt: string): SaveFile {
  return {
    format: SAVE_FORMAT,
    version: SAVE_VERSION,
    rulesVersion: session.state.rulesVersion,
    levelId: session.setup.levelId,
    levelVersion: session.level.version,
    seed: session.setup.seed,
    company: session.setup.company,
    log: session.log,
    hash: session.hash(),
    savedAt,
    ...(session.branch ? { branch: { ...session.branch } } : {}),
  };
}

/** A save's branch record: absent, or a lowercase hex hash and a whole number of quarters. */
function branchOf(x: unknown): Branch | null | undefined {
  if (x === undefined) return null;
  if (!isObject(x)) return undefined;
  const { parentHash, turn } = x;
  if (typeof parentHash !== 'string' || !/^[0-9a-f]{1,64}$/.test(parentHash)) return undefined;
  if (typeof turn !== 'number' || !Number.isSafeInteger(turn) || turn < 0) return undefined;
  return { parentHash, turn };
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

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** Checks the save's shape and versions, then replays it; returns what went wrong, if anything. */
export function restoreSave(
  raw: string,
): { ok: true; session: Session } | { ok: false; problem: SaveProblem; detail: string } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, problem: 'unreadable', detail: 'not JSON' };
  }
  if (!isObject(data) || data.format !== SAVE_FORMAT)
    return { ok: false, problem: 'unreadable', detail: 'not a Six Tigers save' };
  if (data.version !== SAVE_VERSION)
    return {
      ok: false,
      problem: 'old',
      detail: `save format ${String(data.version)}, expected ${SAVE_VERSION}`,
    };
  if (data.rulesVersion !== RULES_VERSION)
    return {
      ok: false,
      problem: 'old',
      detail: `rules ${String(data.rulesVersion)}, expected ${RULES_VERSION}`,
    };
  const { levelId, seed, company, log, hash, levelVersion } = data;
  if (
    typeof levelId !== 'string' ||
    typeof seed !== 'number' ||
    typeof company !== 'string' ||
    typeof hash !== 'string' ||
    !Array.isArray(log)
  )
    return { ok: false, problem: 'unreadable', detail: 'missing fields' };
  const branch = branchOf(data.branch);
  if (branch === undefined) return { ok: false, problem: 'unreadable', detail: 'bad branch record' };
  const level = findLevel(levelId);
  if (!level) return { ok: false, problem: 'unreadable', detail: `unknown level ${levelId}` };
  if (level.version !== levelVersion)
    return {
      ok: false,
      problem: 'old',
      detail: `level version ${String(levelVersion)}, expected ${level.version}`,
    };
  const replay = Session.replay({ levelId, seed, company }, log as Command[], branch);
  if (!replay.ok) {
    const detail =
      replay.reason === 'setup' ? replay.message : `command ${replay.index}: ${replay.error.message}`;
    return { ok: false, problem: 'diverged', detail };
  }
  if (replay.session.hash() !== hash)
    return { ok: false, problem: 'diverged', detail: `hash ${replay.session.hash()} ≠ saved ${hash}` };
  return { ok: true, session: replay.session };
}

/** Keeps a copy of a bad save under a backup key (the oldest backups beyond a few are dropped). */
function backUp(store: KeyValueStore, raw: string, stamp: string): string | null {
  const key = `${BACKUP_PREFIX}${stamp}`;
  if (!store.set(key, raw)) return null;
  const backups = store
    .keys()
    .filter((k) => k.startsWith(BACKUP_PREFIX))
    .sort();
  for (const old of backups.slice(0, Math.max(0, backups.length - MAX_BACKUPS))) store.remove(old);
  return key;
}

/** Reads the autosave. A bad save is backed up and removed, so the next start is clean. */
export function readSave(store: KeyValueStore, stamp = new Date().toISOString()): LoadOutcome {
  const raw = store.get(SAVE_KEY);
  if (raw === null) return { kind: 'none' };
  let result: ReturnType<typeof restoreSave>;
  try {
    result = restoreSave(raw);
  } catch (e) {
    // A bug must not lock the player out: treat anything thrown as an unreadable save.
    result = { ok: false, problem: 'unreadable', detail: e instanceof Error ? e.message : String(e) };
  }
  if (result.ok) return { kind: 'ok', session: result.session };
  const backupKey = backUp(store, raw, stamp);
  store.remove(SAVE_KEY);
  return { kind: 'bad', problem: result.problem, backupKey, detail: result.detail };
}
