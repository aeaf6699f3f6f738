// Determinism across runtimes: hundreds of seeded autopilot games (every bundled level, every
// company, every policy including `random`, event cards answered by the policy — the loop of
// `npm run sim`) played in Node, in Debian's Chromium and in Debian's Firefox ESR, and every
// quarter's state hash compared. The browsers run the engine bundled into a blank page (see
// xrt.ts), not the game page. Without Firefox the Firefox test fails with how to install it,
// unless SIX_TIGERS_NO_FIREFOX=1 says to skip it.
import { beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/engine/index';
import type { Played, Runtime } from './xrt';
import {
  bundleXrt,
  chromiumRuntime,
  explainMismatch,
  firefoxRuntime,
  firstMismatch,
  NO_FIREFOX,
  quartersIn,
  xrtSpecs,
} from './xrt';
import type { GameSpec } from './xrt-entry';
import { playSpecs, stateAfterQuarter } from './xrt-entry';

const specs = xrtSpecs();
let bundle = '';
let node: Played;

const nodeSide = {
  name: 'Node',
  stateAfterQuarter: async (spec: GameSpec, q: number) => stateAfterQuarter(spec, q),
};

beforeAll(async () => {
  bundle = await bundleXrt();
  const t0 = performance.now();
  const results = playSpecs(specs);
  node = { results, ms: performance.now() - t0 };
});

describe('the games compared', () => {
  it('are at least 200, over every bundled level, all six historical companies, every policy, small and huge seeds', () => {
    expect(specs.length).toBeGreaterThanOrEqual(200);
    const hist = specs.filter((s) => s.level === 'historical-2023');
    expect(new Set(hist.map((s) => s.company))).toEqual(
      new Set(['zhipu', 'minimax', 'moonshot', 'baichuan', '01ai', 'stepfun']),
    );
    expect(new Set(specs.map((s) => s.policy))).toEqual(new Set(POLICIES));
    expect(POLICIES).toContain('random');
    expect(new Set(specs.map((s) => s.level)).size).toBeGreaterThanOrEqual(5);
    expect(specs.some((s) => s.seed === 0)).toBe(true);
    expect(specs.some((s) => s.seed === Number.MAX_SAFE_INTEGER)).toBe(true);
    // Every game in Node is a finished game with its quarters labelled; cards were answered.
    for (const r of node.results) {
      expect(r.hashes.length).toBeGreaterThan(0);
      expect(r.hashes.length).toBe(r.quarters.length);
    }
    expect(node.results.some((r) => r.commands > 2 * r.hashes.length)).toBe(true);
  });

  it('end in as many final hashes as there are games (the hashes tell the games apart)', () => {
    expect(new Set(node.results.map((r) => r.finalHash)).size).toBe(specs.length);
    expect(new Set(node.results.flatMap((r) => r.hashes)).size).toBe(quartersIn(node.results));
  });

  it('are reported, when a runtime disagrees, by game, first differing quarter and state field', async () => {
    const g = 37;
    const spec = specs[g]!;
    const tampered = node.results.map((r, i) =>
      i === g ? { ...r, hashes: r.hashes.map((h, q) => (q >= 3 ? `x${h.slice(1)}` : h)) } : r,
    );
    const otherSide = {
      name: 'Other',
      stateAfterQuarter: async (s: GameSpec, q: number) => {
        const st = stateAfterQuarter(s, q)!;
        (st.state as { startups: { cash: number }[] }).startups[1]!.cash += 1;
        return st;
      },
    };
    expect(firstMismatch(specs, node.results, node.results, ['Node', 'Node'])).toBeNull();
    const m = firstMismatch(specs, node.results, tampered, ['Node', 'Other']);
    expect(m).toMatchObject({ game: g, quarter: 3 });
    const msg = await explainMismatch(specs, m!, [node.results, tampered], [nodeSide, otherSide]);
    const quarter = node.results[g]!.quarters[3]!;
    for (const part of [
      spec.level,
      `seed ${spec.seed}`,
      spec.company,
      spec.policy,
      quarter,
      'startups[1].cash',
    ])
      expect(msg).toContain(part);
    // The fake's first run carried altered hashes but its replay the true one: it wavers, and is told so.
    expect(msg).toContain('Other replayed the game to another hash');
    expect(msg).not.toContain('Node replayed');
    // A runtime that plays one quarter fewer is caught at the missing quarter.
    const shorter = node.results.map((r, i) => (i === 5 ? { ...r, hashes: r.hashes.slice(0, -1) } : r));
    expect(firstMismatch(specs, node.results, shorter, ['Node', 'Other'])).toMatchObject({
      game: 5,
      quarter: node.results[5]!.hashes.length - 1,
    });
  });
});

async function sameAsNode(open: (bundle: string) => Promise<Runtime>): Promise<void> {
  const t0 = performance.now();
  const rt = await open(bundle);
  const t1 = performance.now();
  try {
    const played = await rt.play(specs);
    const t2 = performance.now();
    const m = firstMismatch(specs, node.results, played.results, ['Node', rt.name]);
    if (m) expect.fail(await explainMismatch(specs, m, [node.results, played.results], [nodeSide, rt]));
    expect(quartersIn(played.results)).toBe(quartersIn(node.results));
    const ms = (x: number) => `${Math.round(x)} ms`;
    console.info(
      `cross-runtime: ${rt.name} ${rt.version}: ${specs.length} games, ${quartersIn(played.results)} ` +
        `quarter hashes equal to Node's; launch and load ${ms(t1 - t0)}, play ${ms(played.ms)} ` +
        `(round trip ${ms(t2 - t1)}; Node ${ms(node.ms)}); bundle ${Math.round(bundle.length / 1024)} KiB`,
    );
  } finally {
    await rt.close();
  }
}

describe('the same games in the browsers', () => {
  it('Chromium plays every game to the same per-quarter hashes as Node', async () => {
    await sameAsNode(chromiumRuntime);
  });

  it.skipIf(NO_FIREFOX)('Firefox ESR plays every game to the same per-quarter hashes as Node', async () => {
    await sameAsNode(firefoxRuntime);
  });
});
