// The counterfactual levels (no-price-war, cheap-compute) are provably "the historical level except
// the named fields": each committed file is exactly what `npm run sync-levels` rebuilds from
// levels/historical-2023.json plus its patch in scripts/counterfactuals.ts, and the rebuilt level
// differs from the historical one only where the patch says. When the historical level is re-tuned,
// the first test fails until `npm run --silent sync-levels` is run. The sync tool itself runs as a
// child process on a copy of the levels folder.

import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Counterfactual } from '../scripts/counterfactuals';
import {
  COUNTERFACTUALS,
  deriveLevel,
  HISTORICAL_FILE,
  jsonDifferences,
  levelText,
} from '../scripts/counterfactuals';
import { getLevel } from '../src/app/levels';
import { historicalJson, LEVELS_DIR, ROOT } from './helpers';

const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

const byId = (id: string): Counterfactual => {
  const cf = COUNTERFACTUALS.find((c) => c.id === id);
  if (!cf) throw new Error(`no counterfactual ${id}`);
  return cf;
};

/** The path a jsonDifferences line is about ("~ macro.x.2024Q1: 1 → 2" → "macro.x.2024Q1"). */
const pathOf = (line: string) => line.replace(/^(~|-|\+|order) /, '').replace(/: .*$/s, '');

describe('counterfactual levels are the historical level except the fields their patch names', () => {
  it.each(COUNTERFACTUALS.map((c) => c.id))(
    '%s: the committed file is exactly what sync-levels writes',
    (id) => {
      const committed = readFileSync(join(LEVELS_DIR, `${id}.json`), 'utf8');
      const rebuilt = levelText(deriveLevel(historicalJson(), byId(id)));
      // On failure: run `npm run --silent sync-levels` (and bump the version in the patch).
      expect(jsonDifferences(JSON.parse(committed), JSON.parse(rebuilt))).toEqual([]);
      expect(committed).toBe(rebuilt);
    },
  );

  it.each(COUNTERFACTUALS.map((c) => c.id))(
    '%s: differs from history only in its header and its patch',
    (id) => {
      const cf = byId(id);
      const historical = historicalJson();
      const derived = deriveLevel(historical, cf);
      const named = [
        'id',
        'version',
        'name',
        'brief',
        ...Object.keys(cf.scale ?? {}),
        ...Object.keys(cf.set ?? {}),
      ];
      const removed = cf.remove ?? [];
      const lines = jsonDifferences(historical, derived);
      for (const line of lines) {
        const path = pathOf(line);
        const ok =
          named.some((p) => path === p || path.startsWith(`${p}.`)) ||
          (line.startsWith('- ') && removed.includes(path));
        expect(ok, line).toBe(true);
      }
      // Every removal happens, and the level is still a valid, bundled level of its own.
      for (const path of removed) expect(lines).toContain(`- ${path}`);
      expect(getLevel(id).id).toBe(id);
      expect(getLevel(id).version).toBe(cf.version);
    },
  );

  it('no-price-war: no DeepSeek, no cloud subsidy in any quarter, none of the cards of the war', () => {
    const level = getLevel('no-price-war');
    const historical = getLevel('historical-2023');
    expect(historical.giants.some((g) => g.kind === 'deepseek' && g.architectureFactor < 1)).toBe(true);
    expect(level.giants.some((g) => g.kind === 'deepseek')).toBe(false);
    expect(Math.max(...historical.macro.cloudSubsidy)).toBeGreaterThan(0);
    expect(Math.max(...level.macro.cloudSubsidy)).toBe(0);
    const cards = new Set(level.events.cards.map((c) => c.id));
    for (const id of ['price-war', 'price-war-locked', 'cloud-free-tokens', 'deepseek-r1']) {
      expect(historical.events.cards.some((c) => c.id === id)).toBe(true);
      expect(cards.has(id)).toBe(false);
    }
    expect(level.events.cards.length).toBe(historical.events.cards.length - 4);
  });

  it('cheap-compute: every GPU-hour keyframe at half the price, every supply keyframe three times as large', () => {
    const historical = historicalJson() as { macro: Record<string, Record<string, number>> };
    const level = JSON.parse(
      readFileSync(join(LEVELS_DIR, 'cheap-compute.json'), 'utf8'),
    ) as typeof historical;
    for (const [q, v] of Object.entries(historical.macro.gpuHourPrice!))
      expect(level.macro.gpuHourPrice![q]).toBeCloseTo(v / 2, 9);
    for (const [q, v] of Object.entries(historical.macro.gpuSupply!))
      expect(level.macro.gpuSupply![q]).toBeCloseTo(v * 3, 9);
  });

  it('deriveLevel leaves the historical JSON alone and names a patch path that is not there', () => {
    const historical = historicalJson();
    const before = JSON.stringify(historical);
    deriveLevel(historical, byId('no-price-war'));
    deriveLevel(historical, byId('cheap-compute'));
    expect(JSON.stringify(historical)).toBe(before);
    const stale: Counterfactual = { ...byId('no-price-war'), remove: ['events.cards[no-such-card]'] };
    expect(() => deriveLevel(historical, stale)).toThrow(
      /events\.cards\[no-such-card\].*no element with id "no-such-card"/,
    );
    const badScale: Counterfactual = { ...byId('cheap-compute'), scale: { 'macro.noSuchPath': 2 } };
    expect(() => deriveLevel(historical, badScale)).toThrow(/no field "noSuchPath"/);
  });

  it('jsonDifferences names changed, removed, added and reordered entries by path', () => {
    const a = {
      x: 1,
      p: { '2024Q1': 2, '2025Q1': 3 },
      list: [{ id: 'a', v: 1 }, { id: 'b' }],
      t: 'a long shared beginning, then the old end',
    };
    const b = {
      x: 1,
      p: { '2024Q1': 2, '2026Q1': 3 },
      list: [{ id: 'b' }, { id: 'a', v: 2 }, { id: 'c' }],
      t: 'a long shared beginning, then the new end',
    };
    expect(jsonDifferences(a, a)).toEqual([]);
    expect(jsonDifferences(a, b)).toEqual([
      '- p.2025Q1: 3',
      '+ p.2026Q1: 3',
      '~ list[a].v: 1 → 2',
      '+ list[c]',
      'order list',
      // Texts from a little before the first character that differs.
      '~ t: "…g, then the old end" → "…g, then the new end"',
    ]);
  });
});

describe('npm run sync-levels', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** A copy of the historical level and the counterfactuals in a fresh folder. */
  function levelsCopy(): string {
    const dir = mkdtempSync(join(tmpdir(), 'sync-levels-'));
    dirs.push(dir);
    for (const f of [HISTORICAL_FILE, ...COUNTERFACTUALS.map((c) => `${c.id}.json`)])
      copyFileSync(join(LEVELS_DIR, f), join(dir, f));
    return dir;
  }

  const run = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(TSX, ['scripts/sync-levels.ts', ...args], { cwd: ROOT }, (err, stdout, stderr) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
    });

  it('--check names the differences and writes nothing; a plain run rewrites the file; then all is in sync', async () => {
    const dir = levelsCopy();
    const file = join(dir, 'no-price-war.json');
    const level = JSON.parse(readFileSync(file, 'utf8'));
    level.macro.apiDemand['2023Q1'] = 1;
    level.events.cards = level.events.cards.filter((c: { id: string }) => c.id !== 'funding-winter');
    const edited = `${JSON.stringify(level, null, 2)}\n`;
    writeFileSync(file, edited);

    const check = await run(['--levels', dir, '--check']);
    expect(check.code, check.stderr).toBe(1);
    expect(check.stdout).toMatch(
      /^no-price-war: .*no-price-war\.json is not .*historical-2023\.json \+ its patch/m,
    );
    expect(check.stdout).toContain('~ macro.apiDemand.2023Q1: 1 → ');
    expect(check.stdout).toContain('+ events.cards[funding-winter]');
    expect(check.stdout).toMatch(/^cheap-compute: in sync/m);
    expect(readFileSync(file, 'utf8')).toBe(edited);

    const sync = await run(['--levels', dir]);
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stdout).toMatch(/^no-price-war: written/m);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(LEVELS_DIR, 'no-price-war.json'), 'utf8'));

    const again = await run(['--levels', dir, '--check', '--json']);
    expect(again.code, again.stderr).toBe(0);
    const doc = JSON.parse(again.stdout) as { check: boolean; levels: { id: string; status: string }[] };
    expect(doc.check).toBe(true);
    expect(doc.levels.map((l) => [l.id, l.status])).toEqual(
      COUNTERFACTUALS.map((c) => [c.id, 'in-sync'] as [string, string]),
    );
  });

  it('a patch that no longer applies to the historical level is named, and nothing is written', async () => {
    const dir = levelsCopy();
    const hist = JSON.parse(readFileSync(join(dir, HISTORICAL_FILE), 'utf8'));
    hist.giants = hist.giants.filter((g: { id: string }) => g.id !== 'deepseek');
    writeFileSync(join(dir, HISTORICAL_FILE), JSON.stringify(hist));
    const before = readFileSync(join(dir, 'no-price-war.json'), 'utf8');
    const r = await run(['--levels', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^no-price-war: the rebuilt level is invalid.*giants\[deepseek\].*scripts\/counterfactuals\.ts/m,
    );
    expect(readFileSync(join(dir, 'no-price-war.json'), 'utf8')).toBe(before);
  });

  it('usage errors exit 2 with one line', async () => {
    for (const args of [['--bogus'], ['--levels', join(tmpdir(), 'no-such-folder-sync-levels')]]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^sync-levels: [^\n]+\n$/);
    }
  });
});
