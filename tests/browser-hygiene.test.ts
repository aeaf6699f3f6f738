// The browser tests must pass on whatever Chromium and Firefox a fresh machine installs: they wait
// for conditions, never for a fixed time, and assert what the page does, not one browser's
// emulation details. This guard reads their source so a sleep cannot creep back in.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(new URL('..', import.meta.url).pathname, 'tests', 'browser');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ name: f, lines: readFileSync(join(dir, f), 'utf8').split('\n') }));

function hits(pattern: RegExp): string[] {
  return files.flatMap(({ name, lines }) =>
    lines.flatMap((line, i) => (pattern.test(line) ? [`${name}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('browser test hygiene', () => {
  it('reads every browser test file', () => {
    expect(files.map((f) => f.name)).toContain('helpers.ts');
    expect(files.length).toBeGreaterThan(8);
  });

  it('never sleeps: no waitForTimeout and no timer longer than a yield', () => {
    expect(hits(/waitForTimeout\(/)).toEqual([]);
    expect(hits(/setTimeout\([^,]+,\s*[1-9]/)).toEqual([]);
  });

  it('asserts on what the page can do, not on navigator.onLine', () => {
    expect(hits(/navigator\.onLine/)).toEqual([]);
  });
});
