// Test support, command arbitraries (fast-check): legal-looking and illegal commands, app
// weights and quarters of commands.

import fc from 'fast-check';
import type { AppWeights, Command, GameState, PayLevel, PricingMode } from '../../src/engine/types';
import { INTENSITIES, PAY_LEVELS, PRICING_MODES } from '../../src/engine/types';

// ---------------------------------------------------------------------------------------
// Commands. Offer and event ids are only known at play time, so the arbitraries can emit
// placeholders ('@offer:N', '@event:N', '@choice:N') that resolveCommand() maps onto the
// current state (index modulo the number of offers / pending events / choices; left as an
// unknown id when there is none).

export function pick<T>(xs: readonly T[], n: number): T | undefined {
  return xs.length === 0 ? undefined : xs[n % xs.length];
}

function placeholderIndex(s: string, kind: string): number | null {
  const m = new RegExp(`^@${kind}:(\\d+)$`).exec(s);
  return m ? Number(m[1]) : null;
}

/** Whether a (possibly malformed) command is a quarter/end. */
export function isQuarterEnd(cmd: unknown): boolean {
  return typeof cmd === 'object' && cmd !== null && (cmd as { type?: unknown }).type === 'quarter/end';
}

export function resolveCommand(state: GameState, cmd: Command): Command {
  if (cmd === null || typeof cmd !== 'object') return cmd;
  if (cmd.type === 'money/accept-offer' || cmd.type === 'money/decline-offer') {
    const i = typeof cmd.offerId === 'string' ? placeholderIndex(cmd.offerId, 'offer') : null;
    if (i === null) return cmd;
    return { ...cmd, offerId: pick(state.offers, i)?.id ?? 'no-such-offer' };
  }
  if (cmd.type === 'event/answer') {
    // '@answered:N': an event already answered this quarter (no longer pending).
    const ai = typeof cmd.eventId === 'string' ? placeholderIndex(cmd.eventId, 'answered') : null;
    if (ai !== null) {
      const done = pick(state.answered, ai);
      return { ...cmd, eventId: done?.id ?? 'no-such-event', choiceId: done?.choice ?? 'no-such-choice' };
    }
    const ei = typeof cmd.eventId === 'string' ? placeholderIndex(cmd.eventId, 'event') : null;
    const ev =
      ei === null ? state.pendingEvents.find((e) => e.id === cmd.eventId) : pick(state.pendingEvents, ei);
    const ci = typeof cmd.choiceId === 'string' ? placeholderIndex(cmd.choiceId, 'choice') : null;
    // '@foreign:N': a choice id of another card that is not a choice of this one.
    const fi = typeof cmd.choiceId === 'string' ? placeholderIndex(cmd.choiceId, 'foreign') : null;
    const eventId = ei === null ? cmd.eventId : (ev?.id ?? 'no-such-event');
    let choiceId = cmd.choiceId;
    if (ci !== null) choiceId = ev ? (pick(ev.choices, ci) ?? 'no-such-choice') : 'no-such-choice';
    if (fi !== null) {
      const foreign = ev
        ? state.pendingEvents.flatMap((e) => e.choices).filter((c) => !ev.choices.includes(c))
        : [];
      choiceId = pick(foreign, fi) ?? 'choice-of-another-card';
    }
    return { ...cmd, eventId, choiceId };
  }
  return cmd;
}

const money = (max: number) => fc.integer({ min: 0, max });

/** Integer weights summing to exactly 100. */
export const appWeightsArb: fc.Arbitrary<AppWeights> = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
  .map(([a, b, c]) => {
    const [x, y, z] = [a, b, c].sort((p, q) => p - q) as [number, number, number];
    return { domestic: x, overseas: y - x, enterprise: z - y, api: 100 - z };
  });

const hiresArb = fc.record(
  {
    researchers: fc.integer({ min: -15, max: 25 }),
    engineers: fc.integer({ min: -15, max: 25 }),
    sales: fc.integer({ min: -10, max: 15 }),
  },
  { requiredKeys: [] },
);

/** Commands a reasonable player might send (they may still be refused, e.g. for lack of cash). */
export const legalishCommandArb: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: money(150_000).map((amount) => ({ type: 'plan/set-spend', amount }) as Command), weight: 3 },
  {
    arbitrary: fc
      .record({ pretrainingBp: fc.integer({ min: 0, max: 10_000 }), appWeights: appWeightsArb })
      .map((r) => ({ type: 'plan/set-split', ...r }) as Command),
    weight: 3,
  },
  {
    arbitrary: fc
      .record({
        mode: fc.constantFrom<PricingMode>(...PRICING_MODES),
        price: fc.double({ min: 0, max: 200, noNaN: true }),
      })
      .map(
        (r) =>
          (r.mode === 'exact'
            ? { type: 'plan/set-api-price', ...r }
            : { type: 'plan/set-api-price', mode: r.mode }) as Command,
      ),
    weight: 2,
  },
  {
    arbitrary: fc
      .record(
        {
          hires: hiresArb,
          payLevel: fc.constantFrom<PayLevel>(...PAY_LEVELS),
          intensity: fc.constantFrom(...INTENSITIES),
        },
        { requiredKeys: [] },
      )
      .map((r) => ({ type: 'people/set', ...r }) as Command),
    weight: 2,
  },
  {
    arbitrary: fc
      .integer({ min: 1, max: 500_000 })
      .map((target) => ({ type: 'money/open-round', target }) as Command),
    weight: 1,
  },
  { arbitrary: fc.constant({ type: 'money/cancel-round' } as Command), weight: 1 },
  // Refused in a game under way (not-made-it); the driver never sends a command at an ending.
  { arbitrary: fc.constant({ type: 'game/play-on' } as Command), weight: 1 },
  {
    arbitrary: fc.tuple(fc.boolean(), fc.nat(3)).map(
      ([accept, i]) =>
        ({
          type: accept ? 'money/accept-offer' : 'money/decline-offer',
          offerId: `@offer:${i}`,
        }) as Command,
    ),
    weight: 1,
  },
  {
    arbitrary: fc
      .tuple(fc.nat(3), fc.nat(5))
      .map(
        ([e, c]) => ({ type: 'event/answer', eventId: `@event:${e}`, choiceId: `@choice:${c}` }) as Command,
      ),
    weight: 2,
  },
);

const badNumber = fc.constantFrom(
  -1,
  -1e9,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e15,
  0.5,
);
const asCommand = (x: unknown) => x as Command;

/** Commands that must all be refused, whatever the state. */
export const illegalCommandArb: fc.Arbitrary<Command> = fc
  .oneof(
    // malformed shapes
    fc.constantFrom<unknown>(
      null,
      undefined,
      42,
      'quarter/end',
      [],
      {},
      { type: 'plan/launch-rocket' },
      { type: 'plan/set-spend' },
      { type: 'plan/set-spend', amount: '100' },
      { type: 'plan/set-split', pretrainingBp: 5000 },
      { type: 'people/set', hires: 'many' },
      { type: 'money/open-round' },
      { type: 'money/accept-offer' },
      { type: 'event/answer', eventId: 3, choiceId: 'a' },
    ),
    badNumber.map((amount) => ({ type: 'plan/set-spend', amount })),
    fc
      .tuple(fc.constantFrom(-1, 10_001, 2.5, Number.NaN, 1e9), appWeightsArb)
      .map(([pretrainingBp, appWeights]) => ({ type: 'plan/set-split', pretrainingBp, appWeights })),
    // weights not summing to 100 (or negative / fractional ones)
    fc
      .tuple(
        fc.integer({ min: 0, max: 10_000 }),
        appWeightsArb,
        fc.constantFrom<[keyof AppWeights, number]>(
          ['api', 1],
          ['domestic', -1],
          ['overseas', 37],
          ['enterprise', 0.5],
          ['api', -100],
        ),
      )
      .map(([pretrainingBp, w, [k, d]]) => ({
        type: 'plan/set-split',
        pretrainingBp,
        appWeights: { ...w, [k]: w[k] + d },
      })),
    fc.constantFrom('cheap', 'dumping', '', 'EXACT').map((mode) => ({ type: 'plan/set-api-price', mode })),
    fc
      .constantFrom<unknown>(-1, Number.NaN, Number.POSITIVE_INFINITY, undefined, '3')
      .map((price) => ({ type: 'plan/set-api-price', mode: 'exact', price })),
    fc
      .tuple(
        fc.constantFrom('researchers', 'engineers', 'sales'),
        fc.constantFrom(-1_000_000, 1e7, Number.NaN, 1.5, Number.POSITIVE_INFINITY),
      )
      .map(([role, n]) => ({ type: 'people/set', hires: { [role]: n } })),
    fc.constantFrom('double', 'zero', '').map((payLevel) => ({ type: 'people/set', payLevel })),
    fc.constantFrom('007', 'chill', '').map((intensity) => ({ type: 'people/set', intensity })),
    fc.constantFrom(0, -5, Number.NaN, 1e15, 2.5).map((target) => ({ type: 'money/open-round', target })),
    fc
      .constantFrom('money/accept-offer', 'money/decline-offer')
      .map((type) => ({ type, offerId: 'offer-that-never-was' })),
    fc
      .constantFrom('event-that-never-was', '')
      .map((eventId) => ({ type: 'event/answer', eventId, choiceId: 'yes' })),
    // a pending event (if any) with an unknown choice; with none pending it is an unknown event
    fc
      .nat(3)
      .map((e) => ({ type: 'event/answer', eventId: `@event:${e}`, choiceId: 'choice-that-never-was' })),
    // a pending event with a choice that belongs to another card
    fc
      .tuple(fc.nat(3), fc.nat(5))
      .map(([e, c]) => ({ type: 'event/answer', eventId: `@event:${e}`, choiceId: `@foreign:${c}` })),
    // an event answered earlier this quarter (or none): no longer pending
    fc.nat(3).map((e) => ({ type: 'event/answer', eventId: `@answered:${e}`, choiceId: 'x' })),
  )
  .map(asCommand);

export const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: legalishCommandArb, weight: 3 },
  { arbitrary: illegalCommandArb, weight: 2 },
);

/** A few quarters of commands; the driver ends each quarter with quarter/end. */
export const quartersArb = (maxQuarters: number, maxPerQuarter = 6): fc.Arbitrary<Command[][]> =>
  fc.array(fc.array(commandArb, { maxLength: maxPerQuarter }), { minLength: 1, maxLength: maxQuarters });
