// Input echoed to a terminal must carry no character the terminal would act on.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printable, printableJson } from '../scripts/printable';
import { budget } from './fuzz';

/** Characters that must never reach a terminal raw. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what the test looks for.
const DANGER = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

describe('printable', () => {
  it('spells out escapes, line breaks, C1 controls and bidi overrides', () => {
    expect(printable('Eve\x1b[2K\rvalid')).toBe('Eve\\x1b[2K\\rvalid');
    expect(printable('a\nb\tc\x00\x7f')).toBe('a\\nb\\tc\\x00\\x7f');
    expect(printable('\x9b31m')).toBe('\\x9b31m');
    expect(printable('Bob\u202eevil\u2066')).toBe('Bob\\u202eevil\\u2066');
    expect(printable('zero\u200bwidth\ufeff')).toBe('zero\\u200bwidth\\ufeff');
    expect(printable('lone \ud800 half')).toBe('lone \\ud800 half');
  });

  it('leaves ordinary text alone: Chinese, emoji, accents, quotes, backslashes', () => {
    for (const s of ['王小明', 'Zoë “Z” O’Neil', 'tiger 🐯', 'C:\\class\\codes.csv', 'ST1.AbC-d_9'])
      expect(printable(s)).toBe(s);
  });

  it('never lets a dangerous character through, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(printable(s)).not.toMatch(DANGER);
      }),
      budget(500, 0x7e51),
    );
  });
});

describe('printableJson', () => {
  it('is the same document to a parser, with nothing dangerous inside its strings', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (v, s) => {
        const doc = { v, s, name: `Bob\u202e${s}\x9b` };
        const text = printableJson(JSON.stringify(doc, null, 2));
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(doc)));
        // Raw line breaks are the pretty-printed layout, between tokens; nothing else is raw.
        expect(text.replace(/\n/g, '')).not.toMatch(DANGER);
      }),
      budget(300, 0x15e),
    );
  });
});
