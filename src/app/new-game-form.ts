// The New game form's rules, kept out of the view so they can be tested on plain data: which level
// and company a request (a seed link, or the screen's data) lands on, what a typed seed is worth,
// a random seed, the seed link to share, and the figures a company's card shows. Pure.

import type { Level } from '../engine/index';
import { economy } from '../engine/index';

/** The largest seed a random draw gives (a typed seed may be larger: 15 digits). */
export const MAX_SEED = 999_999_999;

/** A seed from a random 32-bit draw: 1..MAX_SEED. */
export function seedFromDraw(draw: number): number {
  return 1 + (Math.abs(Math.trunc(draw)) % MAX_SEED);
}

/** The seed a typed text is worth: a whole number of 1–15 digits (spaces around ignored), else null. */
export function parseSeed(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,15}$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * The level and company a request lands on: the level asked for if there is one by that id (else
 * the first), the company asked for if that level lets the player run it (else its first).
 */
export function formPick(
  levelIds: readonly string[],
  levelOf: (id: string) => Level,
  pick: { levelId?: string | undefined; company?: string | undefined },
): { levelId: string; company: string } {
  const levelId = pick.levelId && levelIds.includes(pick.levelId) ? pick.levelId : (levelIds[0] ?? '');
  const companies = levelOf(levelId).player.companies;
  const company = pick.company && companies.includes(pick.company) ? pick.company : (companies[0] ?? '');
  return { levelId, company };
}

/** The address that opens this form filled in (the page's address, its query replaced). */
export function seedLinkUrl(href: string, levelId: string, seedText: string, company: string): string {
  const u = new URL(href);
  u.search = '';
  u.hash = '';
  u.searchParams.set('level', levelId);
  u.searchParams.set('seed', seedText.trim());
  u.searchParams.set('company', company);
  return u.toString();
}

/** What a company's card shows of its start: head count, model quality and users. */
export function companyStart(
  level: Level,
  c: Level['companies'][number],
): { staff: number; quality: number; users: number } {
  return {
    staff: c.staff.researchers + c.staff.engineers + c.staff.sales,
    quality: economy.qualityFromCompute(level, c.computeStock),
    users: c.domesticUsers + c.overseasUsers,
  };
}
