// Finding and loading a bot module (docs/bots.md): a file that exports `decide(view)`. The checks
// that need no code of the bot's run first, on the main thread (a missing file or a folder); the
// import itself runs in the worker thread that will play the bot, under its time limit.

import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BotView } from '../src/app/bot-api';
import { describeThrown } from '../src/app/bot-runner';
import { printable } from './printable';

/** A bot file as the tools name it: the path as given (for messages) and where it is. */
export interface BotFile {
  /** The path as the user wrote it, made safe to print. */
  shown: string;
  /** The file's name, e.g. "market-follower.mjs": the `policy` of its reports. */
  name: string;
  /** file: URL to import. */
  url: string;
}

/** The bot file at `path`, or a one-line reason why there is none (for a usage error, exit code 2). */
export function findBotFile(path: string): { ok: true; file: BotFile } | { ok: false; reason: string } {
  const shown = printable(path);
  if (path.trim() === '')
    return { ok: false, reason: 'bot: give a file, e.g. --bot examples/bots/market-follower.mjs' };
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch {
    return { ok: false, reason: `bot "${shown}": no such file` };
  }
  if (!isFile) return { ok: false, reason: `bot "${shown}": not a file` };
  const abs = resolve(path);
  return { ok: true, file: { shown, name: printable(basename(abs)), url: pathToFileURL(abs).href } };
}

export type LoadedBot = { ok: true; decide: (view: BotView) => unknown } | { ok: false; reason: string };

/** Imports the module and takes its `decide` export. Never throws. */
export async function loadBot(file: BotFile): Promise<LoadedBot> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(file.url)) as Record<string, unknown>;
  } catch (e) {
    return {
      ok: false,
      reason: `bot "${file.shown}" could not be loaded as a module: ${printable(describeThrown(e))}`,
    };
  }
  const decide = mod.decide;
  if (typeof decide === 'function') return { ok: true, decide: decide as (view: BotView) => unknown };
  if (decide !== undefined)
    return {
      ok: false,
      reason: `bot "${file.shown}": its decide export is a ${typeof decide}, not a function`,
    };
  const names = Object.keys(mod).filter((k) => k !== 'default');
  const inDefault =
    typeof mod.default === 'object' && mod.default !== null && 'decide' in (mod.default as object)
      ? ' (it has a default export holding decide: write "export function decide(view)")'
      : '';
  return {
    ok: false,
    reason: `bot "${file.shown}" has no decide export (exports: ${names.join(', ') || 'none'})${inDefault}`,
  };
}

/**
 * " (at market-follower.mjs:12:5)": the first place in the bot's own file on a stack, so a one-line
 * message can still point at the line; "" when the stack names no such place.
 */
export function placeInBot(stack: string | undefined, file: BotFile): string {
  if (!stack) return '';
  for (const line of stack.split('\n')) {
    const i = line.indexOf(file.url);
    if (i < 0) continue;
    const m = /^:(\d+):(\d+)/.exec(line.slice(i + file.url.length));
    if (m) return ` (at ${file.name}:${m[1]}:${m[2]})`;
  }
  return '';
}
