// The streaming code-list reader must find exactly what parseCodeList finds in the whole text,
// however the text is cut into pieces, and must hold no record longer than its limit.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StreamEntry } from '../src/app/code-stream';
import { CodeListReader, CsvRowReader } from '../src/app/code-stream';
import { parseCodeList, parseCsv } from '../src/app/verify';
import { budget } from './fuzz';

/** Cuts `text` at the given fractions (sorted, deduplicated) into pieces. */
function cut(text: string, at: readonly number[]): string[] {
  const points = [...new Set(at.map((f) => Math.floor(f * text.length)))].sort((a, b) => a - b);
  const out: string[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(text.slice(prev, p));
    prev = p;
  }
  out.push(text.slice(prev));
  return out;
}

function streamed(pieces: readonly string[], limit?: number): StreamEntry[] {
  const r = new CodeListReader(limit);
  const out: StreamEntry[] = [];
  for (const p of pieces) out.push(...r.push(p));
  out.push(...r.end());
  return out;
}

const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });

// Codes, names and cells made of the characters that matter to the parsers.
const CODE = 'ST1.AbC-d_9';
const word = fc
  .array(fc.constantFrom('a', 'Z', '王', ' ', '-', ':', '#', ',', ';', '\t', '"', '\r', '\n', CODE, 'ST1.'), {
    maxLength: 8,
  })
  .map((a) => a.join(''));
const eol = fc.constantFrom('\n', '\r\n');

/** A plain list: lines of codes with names before or after, blanks and comments. */
const plainList = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.oneof(
        fc.tuple(word, eol).map(([w, e]) => w.replace(/[\r\n]/g, '') + e),
        fc
          .tuple(word, fc.constantFrom(CODE, `https://x.example/?replay=${CODE}`), word, eol)
          .map(([a, c, b, e]) => `${a.replace(/[\r\n]/g, '')} ${c} ${b.replace(/[\r\n]/g, '')}${e}`),
        fc.constantFrom('# a comment\n', '\n', '   \r\n'),
      ),
      { maxLength: 12 },
    ),
    fc.boolean(),
  )
  .map(([bom, lines, lastEol]) => {
    const text = lines.join('');
    return (bom ? '\uFEFF' : '') + (lastEol ? text : text.replace(/\r?\n$/, ''));
  });

/** A table with a header naming a code column; cells quoted when they need it. */
const table = fc
  .tuple(
    fc.constantFrom(',', ';', '\t'),
    fc.constantFrom(
      ['name', 'code'],
      ['Replay Code', 'Student Name', 'id'],
      ['代码'],
      ['id', 'code', 'note'],
    ),
    fc.array(fc.array(word, { minLength: 0, maxLength: 4 }), { maxLength: 10 }),
    fc.array(fc.constantFrom('# pre\n', '\n', ' \r\n'), { maxLength: 3 }),
    eol,
    fc.boolean(),
  )
  .filter(([d, head]) => d !== ';' || !head.some((h) => h.includes(',')))
  .map(([d, head, rows, pre, e, bom]) => {
    const field = (w: string) => (/[",;\t\r\n]/.test(w) || w.trim() !== w ? `"${w.replace(/"/g, '""')}"` : w);
    const lines = [head.join(d), ...rows.map((r) => r.map(field).join(d))];
    return (bom ? '\uFEFF' : '') + pre.join('') + lines.join(e) + (rows.length % 2 ? e : '');
  });

describe('CsvRowReader', () => {
  it('gives parseCsv’s rows for any text cut anywhere', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', ' ', ',', '"', '""', '\r', '\n', '\r\n'), { maxLength: 40 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(text, cuts, (t, at) => {
        const r = new CsvRowReader(',');
        const rows = cut(t, at).flatMap((p) => r.push(p));
        rows.push(...r.end());
        expect(rows).toEqual(parseCsv(t));
      }),
      budget(500, 0xc5e1),
    );
  });

  it('keeps at most the limit of a long row and flags it', () => {
    const r = new CsvRowReader(',', 1, 10);
    const rows = [...r.push(`a,${'x'.repeat(50)},b\nc,d\n`), ...r.end()];
    expect(rows[0]?.overlong).toBeGreaterThan(50);
    expect(rows[0]!.cells.join('').length).toBeLessThanOrEqual(10);
    expect(rows[1]).toEqual({ cells: ['c', 'd'], line: 2 });
  });
});

describe('CodeListReader', () => {
  it('finds parseCodeList’s entries in a plain list cut anywhere', () => {
    fc.assert(
      fc.property(plainList, cuts, (t, at) => {
        expect(streamed(cut(t, at))).toEqual(parseCodeList(t));
      }),
      budget(300, 0xc0de),
    );
  });

  it('finds parseCodeList’s entries in a table cut anywhere', () => {
    fc.assert(
      fc.property(table, cuts, (t, at) => {
        expect(streamed(cut(t, at))).toEqual(parseCodeList(t));
      }),
      budget(300, 0x7ab1e),
    );
  });

  it('reads the examples of parseCodeList’s own tests, one character at a time', () => {
    const texts = [
      `# class 3\n\n${CODE}\nAlice Wang: ${CODE}\n${CODE}  Bob\nnot a code\n`,
      `\uFEFFStudent Name,ID,Replay Code\r\n"Li, Wei",s1,${CODE}\r\n"Zhang ""Z"" San",s2,${CODE}\r\n"Multi\nLine",s3,${CODE}\r\n,s4,\r\n`,
      `姓名\t代码\n王小明\t${CODE}\n`,
      `code;note\n${CODE};late\n`,
      '',
      '\uFEFF',
      '# only a comment',
    ];
    for (const t of texts) expect(streamed([...t])).toEqual(parseCodeList(t));
  });

  it('cuts a line or a row longer than the limit, flags it, and reads on', () => {
    const long = 'y'.repeat(100);
    const list = streamed([`${CODE} Ann\n`, `ST1.${long}`, `${long}\n`, `Bo ${CODE}\n`], 50);
    expect(list.map((e) => [e.name, e.code.length, e.overlong, e.line])).toEqual([
      ['Ann', CODE.length, undefined, 1],
      ['', 50, 204, 2],
      ['Bo', CODE.length, undefined, 3],
    ]);
    const csv = streamed([`name,code\nAnn,${CODE}\n"${long}`, `${long}",x\nBo,${CODE}\n`], 50);
    expect(csv.map((e) => [e.name, e.overlong !== undefined, e.line])).toEqual([
      ['Ann', false, 2],
      [long.slice(0, 50), true, 3],
      ['Bo', false, 4],
    ]);
    // A comment longer than the limit is still a comment.
    expect(streamed([`#${long}\n${CODE}\n`], 50)).toEqual([{ name: '', code: CODE, line: 2 }]);
  });
});
