// Every command-line tool against the inputs people get wrong: folders and missing files given as
// inputs, unwritable output paths, empty lists, unknown flags, codes piped in slowly, names that
// carry terminal escapes, a code with an illegal command. Each must end with its documented exit
// code and, for an error, exactly one line on stderr and no stack trace. The tools run as real
// child processes (only a spawn sees exit codes, stdin pipes and stderr) under `node --import tsx`
// (one process, as `npm run` runs them through tsx); each costs about a second of start-up, so the
// table is kept short and run a few at a time.

import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  constants,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findLevel, getLevel } from '../src/app/levels';
import { decodeReplay, encodeReplay, replayCodeOf } from '../src/app/replay-code';
import { playGame } from '../src/engine/index';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Case {
  what: string;
  tool: 'verify' | 'tournament' | 'desync' | 'sim' | 'balance';
  args: string[];
  /** Written to stdin (stdin is closed at once when absent). */
  stdin?: string;
  /**
   * Trickle stdin in over this long, in 8 pieces, through a non-blocking pipe (as a shell
   * pipeline with a slow producer can hand over; readFileSync(0) fails on it with EAGAIN as soon
   * as it has read what was there, whenever the tool starts reading).
   */
  slowMs?: number;
  exit: number;
  /** The one stderr line (for an error), or stdout (for a success), must match. */
  says: RegExp;
  check?: (r: Run) => void;
}

let fifos = 0;

/** A named pipe that already has a writer: reads wait (or fail with EAGAIN) until data comes. */
function slowPipe(): { reader: number; writer: number } {
  const path = join(dir, `fifo-${fifos++}`);
  execFileSync('mkfifo', [path]);
  const reader = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const writer = openSync(path, constants.O_WRONLY);
  return { reader, writer };
}

/**
 * Makes the pipe behind `fd` non-blocking for every process sharing it, as a shell pipeline's
 * stdin can be when some process on it has set it so (a spawn resets the child's stdin to
 * blocking, so this comes after). Opening a pipe handle does that; this one never reads.
 */
const nonBlocking = (fd: number) => new Socket({ fd, readable: false, writable: false });

function run(c: Case): Promise<Run> {
  return new Promise((resolve) => {
    const pipe = c.slowMs === undefined ? null : slowPipe();
    const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${c.tool}.ts`, ...c.args], {
      cwd: ROOT,
      stdio: [pipe ? pipe.reader : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const handle = pipe ? nonBlocking(pipe.reader) : null;
    child.on('close', (code) => {
      handle?.destroy();
      resolve({ code, stdout, stderr });
    });
    if (pipe) {
      const text = c.stdin ?? '';
      const PIECES = 8;
      const step = Math.ceil(text.length / PIECES);
      const feed = (k: number) => {
        try {
          if (k < PIECES) writeSync(pipe.writer, text.slice(k * step, (k + 1) * step));
          else closeSync(pipe.writer);
        } catch {
          // The tool is gone (it failed): its exit code tells.
          if (k < PIECES) closeSync(pipe.writer);
          return;
        }
        if (k < PIECES) setTimeout(() => feed(k + 1), c.slowMs! / PIECES);
      };
      feed(0);
    } else child.stdin!.end(c.stdin ?? '');
  });
}

/** Starts the cases `width` at a time (the machine's cores are shared); one promise per case. */
function runAll(cases: readonly Case[], width = 3): Promise<Run>[] {
  const waiting: (() => void)[] = [];
  let running = 0;
  const slot = async () => {
    if (running >= width) await new Promise<void>((res) => waiting.push(res));
    running++;
  };
  const free = () => {
    running--;
    waiting.shift()?.();
  };
  return cases.map(async (c) => {
    await slot();
    try {
      return await run(c);
    } finally {
      free();
    }
  });
}

const level = getLevel('historical-2023');
const game = playGame(level, 42, 'moonshot', 'balanced');
const code = replayCodeOf(level, game.state, game.log);
const illegal = (() => {
  const d = decodeReplay(code, findLevel);
  if (!d.ok) throw new Error(d.message);
  const log = d.replay.log.slice();
  log.splice(2, 0, { type: 'plan/set-spend', amount: 10 ** 12 });
  return encodeReplay({ ...d.replay, log }, level);
})();

const dir = mkdtempSync(join(tmpdir(), 'six-tigers-cli-'));
const folder = join(dir, 'a-folder');
mkdirSync(folder);
const codes = join(dir, 'codes.txt');
writeFileSync(codes, `Ann ${code}\n`);
const written = join(dir, 'ranked.csv');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ESC = '\x1b[2K\r';
const BIDI = '\u202e';

const cases: Case[] = [
  // verify: inputs
  {
    what: 'a folder as input',
    tool: 'verify',
    args: [folder],
    exit: 2,
    says: /^verify: cannot read ".*a-folder": it is a folder/,
  },
  {
    what: 'a missing file',
    tool: 'verify',
    args: [join(dir, 'nope.csv')],
    exit: 2,
    says: /^verify: cannot read ".*nope\.csv": no such file/,
  },
  { what: 'nothing on stdin', tool: 'verify', args: [], stdin: '', exit: 2, says: /^verify: no codes found/ },
  {
    what: 'codes piped in by a slow producer',
    tool: 'verify',
    args: [],
    stdin: `${code}\n`.repeat(8),
    slowMs: 5000,
    exit: 0,
    says: /^valid {2}#1 {2}moonshot · /,
  },
  {
    what: 'names and codes carrying terminal escapes and a bidi override',
    tool: 'verify',
    args: ['-'],
    stdin: `name,code\n"Eve${ESC}valid",${code}\nBob${BIDI}lave,"${ESC}ST9x"\n`,
    exit: 1,
    says: /Eve\\x1b\[2K\\rvalid[\s\S]*Bob\\u202elave[\s\S]*got "\\x1b\[2K\\rST9x"/,
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no raw control character may reach stdout.
    check: (r) => expect(r.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/),
  },
  // verify: the CSV path is checked before the work, and a late failure loses nothing
  {
    what: '--csv a folder',
    tool: 'verify',
    args: [codes, '--csv', folder],
    exit: 2,
    says: /^verify: cannot write --csv ".*a-folder": it is a folder/,
  },
  {
    what: '--csv in a missing folder',
    tool: 'verify',
    args: [codes, '--csv', join(dir, 'no', 'x.csv')],
    exit: 2,
    says: /^verify: cannot write --csv .*no such file or folder/,
  },
  {
    what: '--csv where writing is refused',
    tool: 'verify',
    args: [codes, '--csv', '/sys/x.csv'],
    exit: 2,
    says: /^verify: cannot write --csv "\/sys\/x\.csv": permission denied/,
  },
  {
    what: '--csv on a full device: the results are printed first',
    tool: 'verify',
    args: [codes, '--csv', '/dev/full'],
    exit: 2,
    says: /^verify: cannot write --csv "\/dev\/full": no space left .*results printed above are complete/,
    check: (r) => expect(r.stdout).toMatch(/^ {3}1 {2}valid {2}Ann {2}moonshot · .*percentile/),
  },
  {
    what: '--csv written after the results',
    tool: 'verify',
    args: [codes, `--csv=${written}`],
    exit: 0,
    says: /^ {3}1 {2}valid {2}Ann/,
    check: () =>
      expect(readFileSync(written, 'utf8')).toMatch(/^\uFEFFrank,name,[^\n]*\r\n1,Ann,valid,moonshot,/),
  },
  {
    what: 'an unknown flag',
    tool: 'verify',
    args: ['--rnak', codes],
    exit: 2,
    says: /^verify: unknown flag "--rnak"/,
  },
  {
    what: 'a flag that is gone (par has a fixed size)',
    tool: 'verify',
    args: ['--runs', '1e3', codes],
    exit: 2,
    says: /^verify: --runs is gone: par is always 25 reference runs/,
  },
  // tournament
  {
    what: 'an empty company list',
    tool: 'tournament',
    args: ['--companies', ','],
    exit: 2,
    says: /^tournament: empty --companies ","/,
  },
  {
    what: 'an empty policy list',
    tool: 'tournament',
    args: ['--policies= , '],
    exit: 2,
    says: /^tournament: empty --policies/,
  },
  {
    what: 'empty seeds',
    tool: 'tournament',
    args: ['--seeds='],
    exit: 2,
    says: /^tournament: bad --seeds ""/,
  },
  {
    what: 'a bad worker count',
    tool: 'tournament',
    args: ['--workers', 'many'],
    exit: 2,
    says: /^tournament: bad --workers "many"/,
  },
  // balance
  {
    what: 'held-out seeds that overlap the training seeds',
    tool: 'balance',
    args: ['--train-seeds', '1-10', '--test-seeds=5-20'],
    exit: 2,
    says: /^balance: --test-seeds must be disjoint from --train-seeds \(both hold seeds 5, 6, 7, 8, 9, …\)/,
  },
  {
    what: 'a budget without steps',
    tool: 'balance',
    args: ['--budget', '300'],
    exit: 2,
    says: /^balance: bad --budget "300" \(valid: <candidates>\/<steps>/,
  },
  {
    what: 'a misspelt flag',
    tool: 'balance',
    args: ['--quikc'],
    exit: 2,
    says: /^balance: unknown argument "--quikc" \(valid: --level, /,
  },
  // desync
  {
    what: 'folders as codes',
    tool: 'desync',
    args: [folder, folder],
    exit: 2,
    says: /^desync: cannot read ".*a-folder": it is a folder/,
  },
  {
    what: 'a missing file',
    tool: 'desync',
    args: [join(dir, 'nope.txt'), code],
    exit: 2,
    says: /^desync: cannot read ".*nope\.txt": no such file/,
  },
  {
    what: 'a code with an illegal command',
    tool: 'desync',
    args: [illegal, code],
    exit: 2,
    says: /^desync: code A is not a game to compare: illegal-command: command 3 of \d+ \(plan\/set-spend/,
  },
  { what: 'one code only', tool: 'desync', args: [code], exit: 2, says: /^desync: give two codes/ },
  {
    what: 'a code piped in slowly',
    tool: 'desync',
    args: [code, '-'],
    stdin: code,
    slowMs: 4000,
    exit: 0,
    says: /agree in every quarter/,
  },
  // sim
  {
    what: 'a flag with a control character',
    tool: 'sim',
    args: [`--${ESC}x`],
    exit: 2,
    says: /^sim: unknown flag "--\\x1b\[2K\\rx"/,
  },
];

describe('command-line tools on bad input', () => {
  const results = runAll(cases);

  it.each(cases.map((c, i) => [c.what, c.tool, i] as const))('%s (%s)', async (_what, _tool, i) => {
    const c = cases[i]!;
    const r = await results[i]!;
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect({ exit: r.code }).toEqual({ exit: c.exit });
    if (c.exit === 2) {
      const lines = r.stderr.split('\n');
      expect(lines.at(-1)).toBe('');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(c.says);
    } else {
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(c.says);
    }
    c.check?.(r);
  });
});
