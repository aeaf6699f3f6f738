// Key people: the named researchers and engineers of a company (level data) whom rivals try to
// poach — who is the most skilled of a role, an offer resolved against their resolve this quarter,
// the raises they won, and how much of a team's efficiency those still here carry.

import type { EffectContext } from './card-effects';
import type { Effect, KeyPersonSpec } from './cards-schema';
import { findCompanySpec, marketWage, payMultiplier, stayProbability } from './economy';
import type { Level } from './level';
import { clamp } from './mathx';
import { Purpose, uniform } from './rng';
import type { EventAnswer, StartupState } from './types';

/** How much more than a regular researcher or engineer a key person is paid (top PhDs, leads). */
export const KEY_PERSON_PAY = 5;

/**
 * The company's most skilled active key person of a role, with the level's description. The
 * caller changes that person: the company gets its own copy of its key people first.
 */
export function topKeyPerson(level: Level, s: StartupState, role: KeyPersonSpec['role']) {
  s.keyPeople = s.keyPeople.map((k) => ({ id: k.id, active: k.active, raise: k.raise }));
  const specs = findCompanySpec(level, s.id)?.keyPeople ?? [];
  let best: { person: StartupState['keyPeople'][number]; spec: KeyPersonSpec } | undefined;
  for (const person of s.keyPeople) {
    const spec = specs.find((p) => p.id === person.id);
    if (person.active && spec && spec.role === role && (!best || spec.skill > best.spec.skill))
      best = { person, spec };
  }
  return best;
}

/** A rival's offer to the company's most skilled active key person of a role, resolved now. */
export function resolvePoaching(
  ctx: EffectContext,
  s: StartupState,
  e: Extract<Effect, { kind: 'keyPersonOffer' }>,
): EventAnswer['outcome'] {
  const { level, turn, luck } = ctx;
  const top = topKeyPerson(level, s, e.role);
  if (!top) return undefined;
  const { person, spec } = top;
  // The person's resolve this quarter: one uniform per key person, whatever the offer or counter.
  const resolve = uniform(luck, turn, Purpose.keyPersonStay, ctx.company, s.keyPeople.indexOf(person));
  const pay = payMultiplier(level, s.plan.payLevel) + person.raise + e.counter;
  // Loyalty and equity add to the odds of staying; the wage gap is the model's Δwage.
  const stay = clamp(stayProbability(level, pay, 1 + e.offer) + spec.loyalty * 0.3 + e.equityBp / 1000, 0, 1);
  const stayed = resolve < stay;
  if (e.equityBp > 0) s.ownershipBp = Math.max(0, s.ownershipBp - e.equityBp);
  if (stayed) {
    person.raise += e.counter;
  } else {
    person.active = false;
    s.staff[spec.role] = Math.max(0, s.staff[spec.role] - 1);
  }
  ctx.news.push({
    key: stayed ? 'news.keyPersonStayed' : 'news.keyPersonLeft',
    subject: s.id,
    params: { person: person.id },
  });
  return { person: person.id, stayed };
}

/** Extra pay of key people who won raises, 万元 per quarter. */
export function keyPeoplePay(level: Level, turn: number, s: StartupState): number {
  const specs = findCompanySpec(level, s.id)?.keyPeople ?? [];
  let total = 0;
  for (const k of s.keyPeople) {
    if (!k.active || k.raise <= 0) continue;
    const spec = specs.find((p) => p.id === k.id);
    if (spec) total += marketWage(level, turn, spec.role) * KEY_PERSON_PAY * k.raise;
  }
  return Math.round(total);
}

/**
 * Efficiency from key people of a role: (1 + Σ skill of those still here) / (1 + Σ skill of all),
 * so a full team is 1 and each departure costs its share.
 */
export function keyPeopleFactor(level: Level, s: StartupState, role: 'researchers' | 'engineers'): number {
  const specs = findCompanySpec(level, s.id)?.keyPeople ?? [];
  let all = 0;
  let here = 0;
  for (const spec of specs) {
    if (spec.role !== role) continue;
    all += spec.skill;
    for (const k of s.keyPeople)
      if (k.id === spec.id) {
        if (k.active) here += spec.skill;
        break;
      }
  }
  return (1 + here) / (1 + all);
}
