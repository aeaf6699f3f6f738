// Files and streams for the command-line tools: every path is checked before the work starts (a
// directory, a missing file, an unwritable place → a usage error naming it), input is read as a
// stream to its end (a pipe whose producer is slow or not yet started included: never
// readFileSync(0), which fails with EAGAIN on a non-blocking pipe), and output waits for the
// reader instead of piling up in memory.

import { accessSync, closeSync, constants, openSync, statSync, unlinkSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { UsageError } from './cli-args';
import { printable } from './printable';

/** An argument that is a replay code (or a link holding one) rather than a path. */
export const looksLikeCode = (s: string): boolean => /^ST\d+\./.test(s) || /[?#&]replay=/.test(s);
/** An argument meant as a path: a file name ending or a folder separator. */
export const looksLikePath = (s: string): boolean =>
  /\.(txt|csv|tsv|list)$/i.test(s) || s.includes('/') || s.includes('\\');

const errCode = (e: unknown) => (e as NodeJS.ErrnoException | null)?.code ?? '';

/** Why a path cannot be used, in words (from a Node file-system error). */
function why(e: unknown): string {
  switch (errCode(e)) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/** A usage error about a path, one line, the path shown printable. */
export function pathError(prog: string, what: string, path: string, reason: string): UsageError {
  return new UsageError(`${prog}: ${what} "${printable(path)}": ${reason}`);
}

/**
 * Checks that `path` is a file that can be read: its size in bytes (0 for a pipe or a device), or
 * null when there is nothing at that path. A folder or an unreadable file is a usage error.
 */
export function inputFileSize(prog: string, path: string): number | null {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch (e) {
    if (errCode(e) === 'ENOENT') return null;
    throw pathError(prog, 'cannot read', path, why(e));
  }
  if (st.isDirectory()) throw pathError(prog, 'cannot read', path, 'it is a folder, not a file');
  try {
    accessSync(path, constants.R_OK);
  } catch (e) {
    throw pathError(prog, 'cannot read', path, why(e));
  }
  return st.isFile() ? st.size : 0;
}

/**
 * Checks, before any work, that a file can be written at `path`: not a folder, its folder
 * exists, and opening it for writing works. An existing file is opened for appending, so it is
 * not emptied by the check; a file the check had to create is removed again.
 */
export function checkOutputFile(prog: string, flag: string, path: string): void {
  const what = `cannot write ${flag}`;
  let existed = true;
  try {
    if (statSync(path).isDirectory()) throw pathError(prog, what, path, 'it is a folder, not a file');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if (errCode(e) !== 'ENOENT') throw pathError(prog, what, path, why(e));
    existed = false;
    const dir = dirname(resolve(path));
    let dirStat: ReturnType<typeof statSync>;
    try {
      dirStat = statSync(dir);
    } catch (e2) {
      throw pathError(prog, what, path, `its folder ${dir}: ${why(e2)}`);
    }
    if (!dirStat.isDirectory()) throw pathError(prog, what, path, `${dir} is not a folder`);
  }
  try {
    closeSync(openSync(path, 'a'));
  } catch (e) {
    throw pathError(prog, what, path, why(e));
  }
  if (!existed) {
    try {
      unlinkSync(path);
    } catch {
      // Left empty: it is written in full at the end.
    }
  }
}

/** Why reading or writing failed, in a few words (for the one-line error). */
export function reasonOf(e: unknown): string {
  return why(e);
}

/** Reads a whole stream as UTF-8 text, refusing more than `limit` characters. */
export async function readAllText(stream: Readable, limit: number, onTooLong: () => Error): Promise<string> {
  stream.setEncoding('utf8');
  let text = '';
  for await (const chunk of stream as AsyncIterable<string>) {
    text += chunk;
    if (text.length > limit) {
      stream.destroy();
      throw onTooLong();
    }
  }
  return text;
}

/**
 * stdout that waits for the reader: text is gathered and written in pieces of about 64 KiB, and
 * `flush` resolves once the stream has taken it, so a slow reader slows the work instead of the
 * output piling up in memory.
 */
export class Output {
  private pending: string[] = [];
  private size = 0;
  /** Called before text goes out (the progress bar erases itself when it shares the terminal). */
  beforeWrite: () => void = () => {};

  constructor(private readonly stream: NodeJS.WritableStream = process.stdout) {}

  write(text: string): void {
    this.pending.push(text);
    this.size += text.length;
  }

  /** Whether enough is gathered to be worth a write. */
  get full(): boolean {
    return this.size >= 1 << 16;
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    this.beforeWrite();
    const text = this.pending.join('');
    this.pending = [];
    this.size = 0;
    if (!this.stream.write(text)) await new Promise<void>((res) => this.stream.once('drain', () => res()));
  }
}
