// The autosave is shared by every tab of this browser (one localStorage per site), so two tabs at
// play could overwrite each other's game. The guard: a tab remembers the exact text it last read
// or wrote under its save key and, before each autosave, reads the key again; it writes only if
// the text is unchanged (or gone). Any other text means another tab has written since: nothing is
// written and the tab asks the player what to do (AppContext.conflict). Comparing the whole text
// rather than a counter needs no cooperation from the other writer: an older version of the game
// in another tab, or a hand edit, is caught the same way, and the save format stays as it is.
//
// A write that replaces what is stored (a new game, a take-over, a restore) first copies the
// stored game to a backup key unless the new one holds all of it (same game, the stored commands
// a prefix of the new log), so no game is ever lost to another; the title screen lists the
// backups and restores one through the normal loader (verified replay).

import type { Command } from '../engine/types';
import type { SaveFile, SaveProblem } from './save';
import { BACKUP_PREFIX, backUp, checkSave, migrateSave, restoreSave, SAVE_KEY, saveFileOf } from './save';
import type { Session } from './session';
import type { KeyValueStore } from './storage';

/**
 * Whether a tab that last read or wrote `known` under a key may write it now that it holds
 * `stored`: yes if nobody wrote since, or if the save is gone (then nothing can be lost).
 */
export function mayWrite(stored: string | null, known: string | null): boolean {
  return stored === null || stored === known;
}

/**
 * What a write did. `known` is the text the key holds afterwards as far as this tab is concerned:
 * what it wrote if the store holds that (a page-only store holds it without keeping it for
 * later), else what was there before.
 */
export type Put =
  | { kind: 'written'; known: string; backupKey: string | null }
  | { kind: 'failed'; known: string | null };

/** An autosave, or: another tab wrote since this tab's `known`, and nothing was written. */
export type OwnWrite = Put | { kind: 'taken'; stored: string };

/** A replacing write, or: the stored game could not be copied to a backup (storage full), and nothing was written. */
export type Replacement = Put | { kind: 'unkept'; stored: string };

function put(store: KeyValueStore, key: string, raw: string, before: string | null): Put {
  const kept = store.set(key, raw);
  const holds = store.get(key) === raw;
  if (kept && holds) return { kind: 'written', known: raw, backupKey: null };
  return { kind: 'failed', known: holds ? raw : before };
}

/** The autosave of the game this tab plays: written only if no other tab wrote since `known`. */
export function writeOwn(
  store: KeyValueStore,
  key: string,
  session: Session,
  known: string | null,
  savedAt: string,
): OwnWrite {
  const stored = store.get(key);
  if (!mayWrite(stored, known)) return { kind: 'taken', stored: stored! };
  return put(store, key, JSON.stringify(saveFileOf(session, savedAt)), stored);
}

/** JSON with object keys in order, so that two spellings of one command compare equal. */
function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (typeof x === 'object' && x !== null)
    return `{${Object.keys(x)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((x as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(x) ?? 'null';
}

const sameLog = (a: readonly Command[], b: readonly Command[]) =>
  a.every((cmd, i) => canonical(cmd) === canonical(b[i]));

/**
 * Whether `file` holds all of the stored game: the same rules, level, seed, company and branch,
 * and the stored commands a prefix of its own. Writing it over the stored text then loses nothing.
 */
export function holdsAll(file: SaveFile, stored: string): boolean {
  let data: unknown;
  try {
    data = JSON.parse(stored);
  } catch {
    return false;
  }
  const m = migrateSave(data);
  if (!m.ok) return false;
  const s = m.save;
  return (
    s.rulesVersion === file.rulesVersion &&
    s.levelId === file.levelId &&
    s.levelVersion === file.levelVersion &&
    s.seed === file.seed &&
    s.company === file.company &&
    canonical(s.branch) === canonical(file.branch) &&
    s.log.length <= file.log.length &&
    sameLog(s.log, file.log)
  );
}

/**
 * Writes a game over whatever a key holds, first copying the stored game to a backup unless the
 * new one holds all of it. A game that can be read is never overwritten without its copy: if the
 * copy cannot be stored (storage full), nothing is written. A stored text that is no game of
 * today's rules was already reported as bad at start-up; without room for a copy it is replaced,
 * as the title's notice said it would be.
 */
export function replaceSave(
  store: KeyValueStore,
  key: string,
  session: Session,
  stamp: string,
  keep?: string,
): Replacement {
  const file = saveFileOf(session, stamp);
  const stored = store.get(key);
  let backupKey: string | null = null;
  if (stored !== null && !holdsAll(file, stored)) {
    backupKey = backUp(store, stored, stamp, keep);
    if (backupKey === null && checkSave(stored).ok) return { kind: 'unkept', stored };
  }
  const r = put(store, key, JSON.stringify(file), stored);
  return r.kind === 'written' ? { ...r, backupKey } : r;
}

/** Saves a game under a backup key of its own, where its tab goes on autosaving it. Null if it could not. */
export function sideSave(
  store: KeyValueStore,
  session: Session,
  stamp: string,
): { key: string; known: string } | null {
  const raw = JSON.stringify(saveFileOf(session, stamp));
  const key = backUp(store, raw, stamp);
  return key === null ? null : { key, known: raw };
}

/** What the player needs to recognise a stored game, read without replaying it. */
export interface SaveSummary {
  levelId: string;
  seed: number;
  company: string;
  /** Quarters played (the quarter it stands in, counted from the level's first). */
  turn: number;
  savedAt: string;
}

export function summarize(file: SaveFile): SaveSummary {
  return {
    levelId: file.levelId,
    seed: file.seed,
    company: file.company,
    turn: file.log.filter((c) => c.type === 'quarter/end').length,
    savedAt: file.savedAt,
  };
}

/** Summary of a stored text, if it is a save this game can read (format, rules and level). */
export function summarizeText(raw: string): SaveSummary | null {
  const checked = checkSave(raw);
  return checked.ok ? summarize(checked.save) : null;
}

export interface BackupEntry extends SaveSummary {
  key: string;
}

/** The backups this game could restore, newest first (damaged copies and other rules are left out). */
export function listBackups(store: KeyValueStore): BackupEntry[] {
  const out: BackupEntry[] = [];
  const keys = store
    .keys()
    .filter((k) => k.startsWith(BACKUP_PREFIX))
    .sort()
    .reverse();
  for (const key of keys) {
    const raw = store.get(key);
    const summary = raw === null ? null : summarizeText(raw);
    if (summary) out.push({ key, ...summary });
  }
  return out;
}

export type RestoreResult =
  | { ok: true; session: Session; known: string; backupKey: string | null }
  | { ok: false; problem: SaveProblem | 'gone' | 'storage'; detail: string };

/**
 * Puts a backup back as the autosave. It is read by the normal loader (format, rules, verified
 * replay); the game it replaces is backed up first; the backup itself is then removed (it is the
 * autosave now). Nothing changes if it cannot be read or stored.
 */
export function restoreBackup(store: KeyValueStore, key: string, stamp: string): RestoreResult {
  const raw = key.startsWith(BACKUP_PREFIX) ? store.get(key) : null;
  if (raw === null) return { ok: false, problem: 'gone', detail: `no backup ${key}` };
  const loaded = restoreSave(raw);
  if (!loaded.ok) return loaded;
  const written = replaceSave(store, SAVE_KEY, loaded.session, stamp, key);
  if (written.kind !== 'written')
    return { ok: false, problem: 'storage', detail: 'the autosave could not be written' };
  store.remove(key);
  return { ok: true, session: loaded.session, known: written.known, backupKey: written.backupKey };
}
