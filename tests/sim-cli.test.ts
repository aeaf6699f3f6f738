// Drives the real `sim` CLI as a child process: the argument handling, exit codes and stdout/stderr
// discipline are the contract here, and only a real spawn sees them. Each spawn costs ~0.5 s of tsx
// start-up, so the runs are few and started in parallel.

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function sim(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(TSX, ['scripts/sim.ts', ...args], { cwd: ROOT, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const base = ['--level', 'historical-2023', '--company', 'moonshot', '--policy', 'balanced'];

describe('sim CLI', () => {
  it('prints one deterministic JSON document whose hash depends on the seed', async () => {
    const [a, b, ...others] = await Promise.all([
      sim(...base, '--seed', '42', '--json'),
      sim(...base, '--seed', '42', '--json'),
      sim(...base, '--seed', '7', '--json'),
      sim(...base, '--seed', '20240101', '--json'),
    ]);
    if (!a || !b) throw new Error('missing run');
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    const doc = JSON.parse(a.stdout);
    expect(Object.keys(doc).sort()).toEqual(
      [
        'level',
        'seed',
        'company',
        'policy',
        'ending',
        'endQuarter',
        'score',
        'finalHash',
        'quarters',
        'rivals',
        'replayCode',
      ].sort(),
    );
    expect(doc).toMatchObject({
      level: 'historical-2023',
      seed: 42,
      company: 'moonshot',
      policy: 'balanced',
    });
    expect(b.stdout).toBe(a.stdout);
    for (const o of others) expect(o.code).toBe(0);
    const hashes = others.map((o) => JSON.parse(o.stdout).finalHash);
    expect(hashes.some((h) => h !== doc.finalHash)).toBe(true);
  });

  it('rejects bad arguments with exit code 2 and one stderr line naming the bad value', async () => {
    const cases: [string[], RegExp][] = [
      [['--company', 'foo'], /company "foo".*moonshot/],
      [['--policy', 'yolo'], /policy "yolo".*balanced/],
      [['--level', 'atlantis'], /level "atlantis".*historical-2023/],
      [['--seed', '-3'], /seed "-3"/],
      [['--bogus'], /"--bogus"/],
    ];
    const runs = await Promise.all(cases.map(([args]) => sim(...args)));
    runs.forEach((r, i) => {
      const [args, pattern] = cases[i] as [string[], RegExp];
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: '' });
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^sim: /);
      expect(lines[0]).toMatch(pattern);
    });
  });

  it('prints a table with a line per quarter by default', async () => {
    const [table, json] = await Promise.all([sim('--seed', '3'), sim('--seed', '3', '--json')]);
    expect(table?.code).toBe(0);
    const quarters = JSON.parse(json?.stdout ?? '').quarters as { quarter: string }[];
    const lines = (table?.stdout ?? '').split('\n').filter((l) => /^\d{4}Q[1-4]\s/.test(l));
    expect(lines.map((l) => l.slice(0, 6))).toEqual(quarters.map((q) => q.quarter));
  });
});
