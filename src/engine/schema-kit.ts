// The level schema's building blocks: bounded numbers (every parameter has bounds far beyond any
// sensible value), bilingual text, staff counts, and quarter labels with the time paths written
// as keyframes by label. Shared by level-schema.ts, market-schema.ts and cards-schema.ts.

import { z } from 'zod';
import { MAX_QUARTERS } from './limits';

export const QUARTER_LABEL = /^(\d{4})Q([1-4])$/;

export const text = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
export const nonNeg = z.number().finite().nonnegative();
export const pos = z.number().finite().positive();
export const unit = z.number().finite().min(0).max(1);
export const int = z.number().int();
export const money = z.number().int().nonnegative().max(1e12);
/**
 * A number in [lo, hi]. Every parameter has bounds far beyond any sensible value (docs/levels.md,
 * "Limits"), so that no level file, however odd, can push money past exact integers or a formula
 * into a division by almost nothing.
 */
export const within = (lo: number, hi: number) => z.number().finite().min(lo).max(hi);
export const upTo = (hi: number) => nonNeg.max(hi);

/** A time path: quarter label → value, at least one keyframe and at most one a quarter. */
export const path = (value: z.ZodNumber = nonNeg) =>
  z
    .record(z.string().regex(QUARTER_LABEL, 'a quarter label such as "2024Q2"'), value)
    .refine((r) => Object.keys(r).length > 0, 'at least one keyframe')
    .refine((r) => Object.keys(r).length <= MAX_QUARTERS, `at most ${MAX_QUARTERS} keyframes`);

export const headcount = int.min(0).max(100_000);
export const staff = z.object({ researchers: headcount, engineers: headcount, sales: headcount }).strict();

export function parseLabel(label: string): { year: number; q: number } {
  const m = QUARTER_LABEL.exec(label);
  if (!m) throw new Error(`not a quarter label: ${label}`);
  return { year: Number(m[1]), q: Number(m[2]) };
}

/** Quarter label of a turn index, e.g. 0 → "2023Q1". */
export function quarterLabel(level: { startYear: number; startQuarter: number }, turn: number): string {
  const idx = level.startQuarter - 1 + turn;
  return `${level.startYear + Math.floor(idx / 4)}Q${(idx % 4) + 1}`;
}

export function turnOf(startYear: number, startQuarter: number, label: string): number {
  const { year, q } = parseLabel(label);
  return (year - startYear) * 4 + (q - startQuarter);
}
